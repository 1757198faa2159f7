"""Topic discovery: group redacted tickets that ask the same question.

Tickets are grouped per language. An engine turns each language's texts into unit vectors;
kbgen.clusters finds the groups in their nearest-neighbour graph, so the number of topics is
found, not given; doubtful tickets and groups smaller than the minimum topic size stay
unassigned (one-off questions). The default engine needs no neural model: TF-IDF of words and
of character n-grams (which catch inflections and typos), reduced by LSA on larger sets. The
semantic engine (kbgen.semantic) embeds sentences.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections import Counter
from functools import cache
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
from py3langid.langid import MODEL_FILE, LanguageIdentifier
from scipy import sparse
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer, strip_accents_unicode
from sklearn.preprocessing import normalize
from stop_words import AVAILABLE_LANGUAGES, LANGUAGE_MAPPING, get_stop_words

from kbgen import languages
from kbgen.clusters import Settings, find_groups, resolution_for
from kbgen.errors import KbgenError
from kbgen.records import Ticket, Topic

# Languages tickets are detected in besides the registered ones; anything else is grouped as
# the closest of these.
OTHER_DETECTED_LANGUAGES = ("fr", "es", "it", "da", "no", "fi", "pt")
# The default engine. Character n-grams weigh three times the words: they carry the inflections
# and typos that word features split apart.
CHAR_WEIGHT = 3.0
LSA_DIMENSIONS = 200
LSA_MIN_TICKETS = 1000  # below, LSA blurs more than it merges: the TF-IDF vectors are used
NEIGHBOURS = 5
# A ticket stays in its topic when its cosine to the topic's centre beats the next centre's by
# this much (in LSA space, and in the sparser TF-IDF space of small sets).
MIN_MARGIN_LSA = 0.07
MIN_MARGIN_TFIDF = 0.20
# ... and when it is this close to the centre of the rest of its topic (a one-off question
# among few topics has no near second centre to lose a margin to).
MIN_CLOSENESS = 0.4

_PLACEHOLDER = re.compile(r"\[[a-z-]+\]")
_TOKEN = re.compile(r"(?u)\b[^\W\d_]{2,}\b")


@dataclass(frozen=True)
class _Courtesies:
    """Greetings and pleasantries of every registered language, which titles and answers leave out."""

    greeting_line: re.Pattern[str]  # a short line that only greets: "Hi Anna,"
    leading_greeting: re.Pattern[str]  # "Hi all, " before a question
    pleasantry: re.Pattern[str]  # an agent's line that only pleases: "Let me know if ..."


@languages.registry_cache
def _courtesies() -> _Courtesies:
    greetings = languages.one_of(languages.words("greetings"))
    addressees = languages.one_of(languages.words("addressees"))
    return _Courtesies(
        greeting_line=re.compile(rf"^\s*{greetings}\b.{{0,40}}$", re.I),
        leading_greeting=re.compile(rf"^\s*{greetings}\b[\s,!.]*{addressees}?[\s,!.]*", re.I),
        pleasantry=re.compile(rf"^\s*{languages.one_of(languages.words('pleasantries'))}", re.I),
    )


@dataclass(frozen=True)
class TopicResult:
    topics: tuple[Topic, ...]
    unassigned: tuple[str, ...]  # ids of tickets that joined no topic
    languages: dict[str, int]  # tickets per detected language
    seconds: dict[str, float] = field(default_factory=dict)  # "vectors", "grouping": time spent


def detected_languages() -> tuple[str, ...]:
    """The languages tickets are detected in: the registered ones, then the others."""
    return tuple(dict.fromkeys(languages.codes() + OTHER_DETECTED_LANGUAGES))


@cache
def _model() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE)


@languages.registry_cache
def _identifier() -> LanguageIdentifier:
    identifier = _model()
    identifier.set_languages(detected_languages())
    return identifier


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language among detected_languages()."""
    code, _ = _identifier().classify(text)
    return code


class TopicEngine(Protocol):
    """How tickets of one language become groups: vectors, then clusters of them."""

    name: str

    def vectors(self, texts: list[str], tfidf):
        """One unit row vector per text, a dense array or a sparse matrix (tfidf: the texts'
        TF-IDF matrix, for engines that use it)."""

    def cluster(self, vectors, min_size: int) -> np.ndarray:
        """A label per row; -1 for rows that join no group of min_size."""


class WordEngine:
    """The default engine: TF-IDF of words and character n-grams; no neural model, no GPU."""

    name = "default"

    def vectors(self, texts: list[str], tfidf):
        parts = [normalize(tfidf)]
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), min_df=2, sublinear_tf=True, strip_accents="unicode")
        try:
            parts.append(CHAR_WEIGHT * normalize(chars.fit_transform(texts)))
        except ValueError:  # no character n-gram occurs twice
            pass
        features = normalize(sparse.hstack(parts).tocsr())
        if len(texts) > LSA_MIN_TICKETS and features.shape[1] > LSA_DIMENSIONS:
            return normalize(TruncatedSVD(LSA_DIMENSIONS, random_state=0).fit_transform(features)).astype(np.float32)
        return features

    def cluster(self, vectors, min_size: int) -> np.ndarray:
        n = vectors.shape[0]
        settings = Settings(
            neighbours=NEIGHBOURS,
            resolution=resolution_for(n, most=4.5),
            edge_power=2.0,
            min_margin=MIN_MARGIN_TFIDF if sparse.issparse(vectors) else MIN_MARGIN_LSA,
            min_closeness=MIN_CLOSENESS,
        )
        return find_groups(vectors, min_size, settings)


def make_engine(name: str = "default", embeddings: str = "", progress: Callable[[str], None] = lambda step: None) -> TopicEngine:
    """The engine called name; the semantic one loads its model (a name or a path) and reports
    its progress through long embedding work."""
    if name == "semantic":
        from kbgen.semantic import SemanticEngine

        return SemanticEngine(embeddings, progress)
    if name != "default":
        raise KbgenError(f"--engine: unknown engine '{name}' (choose from default, semantic)")
    return WordEngine()


def find_topics(
    tickets: Sequence[Ticket], *, min_size: int = 5, language: str | None = None, engine: TopicEngine | None = None
) -> TopicResult:
    """Group tickets by language, then by question; return topics largest first."""
    engine = engine or WordEngine()
    by_language: dict[str, list[Ticket]] = {}
    for ticket in tickets:
        lang = language or detect_language(_ticket_text(ticket))
        by_language.setdefault(lang, []).append(ticket)
    topics: list[Topic] = []
    unassigned: list[str] = []
    seconds = {"vectors": 0.0, "grouping": 0.0}
    for lang in sorted(by_language):
        group = by_language[lang]
        found, rest = _cluster_language(group, lang, min_size, engine, seconds)
        topics.extend(found)
        unassigned.extend(rest)
    topics.sort(key=lambda t: (-len(t.ticket_ids), t.id))
    return TopicResult(tuple(topics), tuple(unassigned), {k: len(v) for k, v in sorted(by_language.items())}, seconds)


def _ticket_text(ticket: Ticket) -> str:
    """What a ticket is about: the customer's question and the agent's answer that solved it."""
    subject = ticket.subject.rstrip(".… ")
    question = ticket.question
    # Exports often cut the subject from the question ("How do I...").
    text = question if subject and question.startswith(subject) else f"{subject}\n{question}"
    # Agents answer one question with the same few replies: the answer groups tickets whose
    # customers worded the question differently.
    return _PLACEHOLDER.sub(" ", f"{text}\n{ticket.resolution}")


def _stop_words(lang: str) -> list[str] | None:
    """The language's stop words, spelled as the vectorizer sees tokens (no accents, split)."""
    name = LANGUAGE_MAPPING.get(lang, "")
    if name not in AVAILABLE_LANGUAGES:
        return None
    words = {token for word in get_stop_words(name) for token in _TOKEN.findall(strip_accents_unicode(word.lower()))}
    return sorted(words)


def term_weights(texts: list[str], lang: str):
    """(TF-IDF matrix, fitted vectorizer) of the texts of one language."""
    vectorizer = TfidfVectorizer(
        ngram_range=(1, 2),
        min_df=2,
        sublinear_tf=True,
        strip_accents="unicode",
        stop_words=_stop_words(lang),
        token_pattern=_TOKEN.pattern,
    )
    return vectorizer.fit_transform(texts), vectorizer


def _cluster_language(
    tickets: list[Ticket], lang: str, min_size: int, engine: TopicEngine, seconds: dict[str, float]
) -> tuple[list[Topic], list[str]]:
    if len(tickets) < min_size:
        return [], [t.id for t in tickets]
    texts = [_ticket_text(t) for t in tickets]
    try:
        tfidf, vectorizer = term_weights(texts, lang)
    except ValueError:  # no word occurs twice: every ticket is a one-off
        return [], [t.id for t in tickets]
    start = time.perf_counter()
    vectors = engine.vectors(texts, tfidf)
    seconds["vectors"] += time.perf_counter() - start
    start = time.perf_counter()
    labels = engine.cluster(vectors, min_size)
    seconds["grouping"] += time.perf_counter() - start
    terms = np.array(vectorizer.get_feature_names_out())
    topics, rest = [], []
    for label, size in Counter(labels).items():
        members = np.flatnonzero(labels == label)
        if label < 0 or size < min_size:
            rest.extend(tickets[i].id for i in members)
            continue
        topics.append(_describe(members, tickets, texts, vectors, tfidf, terms, lang))
    return topics, rest


def _describe(members, tickets, texts, vectors, tfidf, terms, lang) -> Topic:
    group = [tickets[i] for i in members]
    rows = vectors[members]  # dense or sparse
    centroid = np.asarray(rows.mean(axis=0)).ravel()
    closeness = np.asarray(rows @ centroid).ravel()
    order = members[np.argsort(-closeness)]  # most representative first
    weights = np.asarray(tfidf[members].mean(axis=0)).ravel()
    top_terms = tuple(terms[np.argsort(-weights)[:8]])
    title = _title(order, tickets, top_terms)
    phrasings = _phrasings(order, tickets, exclude=title)
    created = [t.created_at for t in group if t.created_at]
    # Each ticket's tags once, in its own order: equally frequent tags then keep that order on
    # every run (a set's order changes with the interpreter's string hashing).
    tag_counts = Counter(tag for t in group for tag in dict.fromkeys(t.tags))
    groups = Counter(t.group for t in group if t.group)
    topic_id = "t-" + hashlib.sha1(f"{lang}:{' '.join(sorted(top_terms[:5]))}".encode()).hexdigest()[:10]
    return Topic(
        id=topic_id,
        language=lang,
        ticket_ids=tuple(t.id for t in group),
        terms=top_terms,
        title=title,
        answer=_answer(group),
        phrasings=phrasings,
        first_seen_at=min(created) if created else None,
        last_seen_at=max(created) if created else None,
        tags=tuple(tag for tag, n in tag_counts.most_common(5) if n >= max(2, len(group) * 0.3)),
        category=groups.most_common(1)[0][0] if groups else "",
    )


def _first_sentence(text: str, limit: int = 160) -> str:
    text = _PLACEHOLDER.sub("", text)
    text = re.sub(r"\s+", " ", text).strip(" ,.-")
    match = re.match(r"(.+?[?!.])(\s|$)", text)
    sentence = match.group(1) if match and len(match.group(1)) >= 15 else text
    return sentence[:limit].rstrip() + ("…" if len(sentence) > limit else "")


def _without_greeting(sentence: str) -> str:
    """ "Hi, how do I ...?" -> "how do I ...?" """
    return _courtesies().leading_greeting.sub("", sentence).strip(" ,-")


def _questions_of(ticket: Ticket) -> list[str]:
    """Candidate titles: the subject and the sentences of the customer's message that ask something."""
    found = []
    subject = _without_greeting(_PLACEHOLDER.sub("", ticket.subject).strip())
    if subject.endswith("?") and not subject.endswith("...?"):
        found.append(subject)
    for sentence in re.split(r"(?<=[?!.])\s+|\n+", _PLACEHOLDER.sub("", ticket.question)):
        sentence = _without_greeting(sentence.strip(" ,-"))
        if sentence.endswith("?") and not _courtesies().greeting_line.match(sentence):
            found.append(sentence)
    return [q for q in found if 15 <= len(q) <= 110]


def _words(text: str) -> set[str]:
    return set(_TOKEN.findall(strip_accents_unicode(text.lower())))


def _title(order, tickets, terms) -> str:
    """The question as customers ask it: among the most representative tickets' questions, the
    one that names most of what the topic is about (a title must make sense on its own)."""
    telling = [set(term.split()) for term in terms[:6]]
    best, best_score = "", -1.0
    for rank, i in enumerate(order[:20]):
        for question in _questions_of(tickets[i]):
            words = _words(question)
            named = sum(1 for term in telling if term <= words)
            score = named - rank * 0.05  # ties go to the more representative ticket
            if score > best_score:
                best, best_score = question, score
    if best:
        return _capitalise(best)
    return _capitalise(_first_sentence(tickets[order[0]].subject or tickets[order[0]].question, 90))


def _phrasings(order, tickets, exclude: str, limit: int = 5) -> tuple[str, ...]:
    def key(text: str) -> str:
        return re.sub(r"\W+", " ", text.casefold()).strip()

    seen = {key(exclude)}
    chosen: list[str] = []
    for i in order:
        questions = _questions_of(tickets[i])
        text = questions[0] if questions else _without_greeting(_first_sentence(tickets[i].question))
        if len(text) < 12 or key(text) in seen:
            continue
        seen.add(key(text))
        chosen.append(_capitalise(text))
        if len(chosen) == limit:
            break
    return tuple(chosen)


def _answer(group: list[Ticket]) -> str:
    """The resolution that resembles the others most, without greeting, pleasantries or sign-off."""
    replies = [t.resolution for t in group if t.resolution.strip()]
    if not replies:
        return ""
    if len(replies) > 2:
        try:
            matrix = TfidfVectorizer(sublinear_tf=True, strip_accents="unicode").fit_transform(replies)
            similarity = (matrix @ matrix.T).toarray().sum(axis=1)
            best = replies[int(np.argmax(similarity))]
        except ValueError:
            best = replies[0]
    else:
        best = replies[0]
    return _clean_answer(best)


def _clean_answer(text: str) -> str:
    courtesies = _courtesies()
    lines = [line.rstrip() for line in text.splitlines()]
    kept = [
        line
        for line in lines
        if not line.strip()
        or (
            not courtesies.greeting_line.match(line)
            and not courtesies.pleasantry.match(line)
            and _PLACEHOLDER.sub("", line).strip(" ,.!")
        )
    ]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def _capitalise(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:]
