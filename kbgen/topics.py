"""Topic discovery: group redacted tickets that ask the same question.

Tickets are grouped per language. An engine turns each language's texts into unit vectors;
kbgen.clusters finds the groups in their nearest-neighbour graph, so the number of topics is
found, not given; doubtful tickets and groups smaller than the minimum topic size stay
unassigned (one-off questions). The default engine needs no neural model: the word features of
kbgen.features. The semantic engine (kbgen.semantic) embeds sentences.
"""

from __future__ import annotations

import hashlib
import math
import re
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Protocol

import numpy as np
from py3langid.langid import MODEL_FILE, LanguageIdentifier
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from kbgen import languages
from kbgen.clusters import Settings, find_groups, merge_answered_alike, resolution_for
from kbgen.config import SiteConfig
from kbgen.errors import KbgenError
from kbgen.features import Features, fit_features, term_vectorizer
from kbgen.progress import Progress, counted, silent
from kbgen.records import Ticket, Topic
from kbgen.redact import without_placeholders
from kbgen.sampling import sample, stable_key
from kbgen.state import LanguageState, as_date, timestamps, waiting
from kbgen.words import PLACEHOLDER, all_words, content_words, stop_words

# Languages tickets are detected in besides the registered ones; anything else is grouped as
# the closest of these.
OTHER_DETECTED_LANGUAGES = ("fr", "es", "it", "da", "no", "fi", "pt")
# A ticket's vector reads this many characters of the customer's text and of the answer: a long
# conversation costs no more than its opening, which says what it is about.
TEXT_LIMIT = 1_000
LANGUAGE_SAMPLE = 300  # characters of the customer's text its language is told from
# A topic is described (terms, title, phrasings, answer) from its DESCRIBE_LIMIT tickets nearest
# its centre, and the words all topics share are counted on DESCRIBE_SAMPLE of their tickets:
# shares of a sample, so a year's export costs no more to describe than a month's.
DESCRIBE_LIMIT = 1_000
DESCRIBE_SAMPLE = 20_000
NEIGHBOURS = 5
# A ticket stays in its topic when its cosine to the topic's centre beats the next centre's by
# this much (in LSA space, and in the sparser TF-IDF space of small sets).
MIN_MARGIN_LSA = 0.07
MIN_MARGIN_TFIDF = 0.20
# ... and when it is this close to the centre of the rest of its topic (a one-off question
# among few topics has no near second centre to lose a margin to).
MIN_CLOSENESS = 0.4
# Whether two topics' tickets were answered alike is told from this many answers of each.
ANSWERS_PER_TOPIC = 50

# A reply or tweet that opens with whom it is for: "@tasklane", "[handle]" once redacted.
_LEADING_HANDLE = re.compile(r"^\s*(?:(?:@\w+|\[handle\])[\s,:]*)+")


@dataclass(frozen=True)
class _Courtesies:
    """Greetings and pleasantries of every registered language, which titles and answers leave out."""

    greeting_line: re.Pattern[str]  # a short line that only greets: "Hi Anna,"
    leading_greeting: re.Pattern[str]  # "Hi all, ", "Geachte heer/mevrouw, " before a question
    addressed: re.Pattern[str]  # "Tasklane support, ", "Support, " before a question
    pleasantry: re.Pattern[str]  # an agent's line that only pleases: "Let me know if ..."


@languages.registry_cache
def _courtesies() -> _Courtesies:
    greetings = languages.one_of(languages.words("greetings"))
    addressees = languages.one_of(languages.words("addressees"))
    support = languages.one_of(languages.words("support_words"))
    return _Courtesies(
        greeting_line=re.compile(rf"^\s*{greetings}\b.{{0,40}}$", re.I),
        # The greeting and whom it greets, up to the comma that ends them.
        leading_greeting=re.compile(rf"^\s*{greetings}\b(?:[\s!.]*{addressees}\b|[^,.!?\n]{{0,30}}(?=,))?[\s,!.]*", re.I),
        addressed=re.compile(rf"^\s*(?:[\w&.-]+\s+){{0,2}}{support}\s*[,:]\s*", re.I),
        pleasantry=re.compile(rf"^\s*{languages.one_of(languages.words('pleasantries'))}", re.I),
    )


@dataclass(frozen=True)
class TopicResult:
    topics: tuple[Topic, ...]
    unassigned: tuple[str, ...]  # ids of tickets that joined no topic
    languages: dict[str, int]  # tickets per detected language
    seconds: dict[str, float] = field(default_factory=dict)  # "vectors", "grouping": time spent
    state: dict[str, LanguageState] = field(default_factory=dict)  # what a later run continues
    grown: frozenset[str] = frozenset()  # the earlier runs' topics that took tickets of this one
    kept: frozenset[str] = frozenset()  # tickets of this run an earlier run grouped or set aside


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

    model: str  # the model the vectors come from ("" for none)

    def vectors(self, questions: list[str], answers: list[str] | None = None, features: Features | None = None):
        """One unit row vector per question (with its answer, for engines that read them), a
        dense array or a sparse matrix (features: the language's word features, for engines
        that use them)."""

    def cluster(self, vectors, min_size: int, centres=None, waiting=None, order=None) -> np.ndarray:
        """A label per row; -1 for rows that join no group of min_size (centres and waiting: an
        earlier run's groups and one-offs; order: the rows' place in samples; as
        kbgen.clusters.find_groups takes them)."""


class WordEngine:
    """The default engine: TF-IDF of words and character n-grams; no neural model, no GPU."""

    name = "default"
    model = ""

    def __init__(self, progress: Progress = silent) -> None:
        self._progress = progress

    def vectors(self, questions: list[str], answers: list[str] | None = None, features: Features | None = None):
        return (features or fit_features(questions, "", answers)).vectors(questions, answers, self._progress)

    def cluster(self, vectors, min_size: int, centres=None, waiting=None, order=None) -> np.ndarray:
        n = vectors.shape[0]
        settings = Settings(
            neighbours=NEIGHBOURS,
            resolution=resolution_for(n, most=4.5),
            edge_power=2.0,
            min_margin=MIN_MARGIN_TFIDF if sparse.issparse(vectors) else MIN_MARGIN_LSA,
            min_closeness=MIN_CLOSENESS,
        )
        return find_groups(vectors, min_size, settings, self._progress, centres, waiting, order)


def make_engine(name: str = "default", embeddings: str = "", progress: Progress = silent, cache: Path | None = None) -> TopicEngine:
    """The engine called name (the semantic one loads its model: a name or a path, and keeps
    its embeddings in cache, a folder); progress hears how far its vectors and grouping are."""
    if name == "semantic":
        from kbgen.semantic import SemanticEngine

        return SemanticEngine(embeddings, progress, words=True, cache=cache)
    if name != "default":
        raise KbgenError(f"--engine: unknown engine '{name}' (choose from default, semantic)")
    return WordEngine(progress)


def find_topics(
    tickets: Sequence[Ticket],
    *,
    min_size: int = 5,
    language: str | None = None,
    engine: TopicEngine | None = None,
    search_phrasings: int = SiteConfig.search_phrasings,
    progress: Progress = silent,
    earlier: Mapping[str, LanguageState] | None = None,
) -> TopicResult:
    """Group tickets by language, then by question; return topics largest first, each with up to
    search_phrasings more of its customers' phrasings for the site's search.

    earlier: an earlier run's grouping per language (kbgen.state), continued rather than made
    anew: a ticket that fits one of its topics joins it, the rest are grouped with its one-offs.
    Such a topic keeps its id and holds its earlier tickets too (TopicResult.grown). A ticket
    the earlier runs grouped or set aside is not grouped again (TopicResult.kept)."""
    engine = engine or WordEngine()
    earlier = earlier or {}
    by_language: dict[str, list[Ticket]] = {}
    for ticket in tickets if language else counted(tickets, "telling languages", progress):
        lang = language or detect_language(_customer_text(ticket)[:LANGUAGE_SAMPLE])
        by_language.setdefault(lang, []).append(ticket)
    topics: list[Topic] = []
    unassigned: list[str] = []
    seconds = {"vectors": 0.0, "grouping": 0.0}
    state = dict(earlier)
    grown: set[str] = set()
    kept: set[str] = set()
    for lang in sorted(by_language):
        group = by_language[lang]
        if lang in earlier:
            held = earlier[lang].known()
            kept.update(t.id for t in group if t.id in held)
            group = [t for t in group if t.id not in held]  # grouped or set aside already
            found, rest, state[lang] = _continue_language(group, lang, min_size, engine, seconds, search_phrasings, progress, earlier[lang])
            grown.update(t.id for t in found if t.id in earlier[lang].topic_ids)
        else:
            found, rest, made = _cluster_language(group, lang, min_size, engine, seconds, search_phrasings, progress)
            if made is not None:
                state[lang] = made
        topics.extend(found)
        unassigned.extend(rest)
    topics.sort(key=lambda t: (-len(t.ticket_ids), t.id))
    languages = {k: len(v) for k, v in sorted(by_language.items())}
    return TopicResult(tuple(topics), tuple(unassigned), languages, seconds, state, frozenset(grown), frozenset(kept))


def _ticket_texts(ticket: Ticket) -> tuple[str, str]:
    """What a ticket is about: the customer's question and the agent's answer that solved it."""
    return PLACEHOLDER.sub(" ", _customer_text(ticket)[:TEXT_LIMIT]), PLACEHOLDER.sub(" ", ticket.resolution[:TEXT_LIMIT])


def _cluster_language(
    tickets: list[Ticket], lang: str, min_size: int, engine: TopicEngine, seconds: dict[str, float], asked: int, progress: Progress
) -> tuple[list[Topic], list[str], LanguageState | None]:
    """The language's topics, its one-off tickets' ids and what a later run continues (None
    where its tickets are too few or share no word)."""
    if len(tickets) < min_size:
        return [], [t.id for t in tickets], None
    texts, answers = map(list, zip(*map(_ticket_texts, tickets)))
    order = _order([t.id for t in tickets])
    start = time.perf_counter()
    try:
        features = fit_features(texts, lang, answers, order)
    except ValueError:  # no word occurs twice: every ticket is a one-off
        return [], [t.id for t in tickets], None
    vectors = engine.vectors(texts, answers, features)
    seconds["vectors"] += time.perf_counter() - start
    start = time.perf_counter()
    labels = engine.cluster(vectors, min_size, order=order)
    seconds["grouping"] += time.perf_counter() - start
    sizes = np.bincount(labels[labels >= 0], minlength=1)
    labels = np.where((labels < 0) | (sizes[np.maximum(labels, 0)] < min_size), -1, labels)
    labels = _merge_answered_alike(labels, answers, lang, order)
    found = _describe_groups(labels, tickets, texts, vectors, features.terms, lang, asked, progress)
    topics = list(found.values())
    rest = np.flatnonzero(labels < 0)
    dates = timestamps([tickets[i].created_at for i in rest])
    kept = waiting(dates)
    state = LanguageState(
        features=features,
        topic_ids=tuple(t.id for t in topics),
        tickets=tuple(t.ticket_ids for t in topics),
        seen=timestamps([d for t in topics for d in (t.first_seen_at, t.last_seen_at)]).reshape(-1, 2),
        sums=_sums(vectors, labels, list(found)),
        pending_ids=tuple(tickets[i].id for i in rest[kept]),
        pending_dates=dates[kept],
        pending=vectors[rest[kept]],
    )
    return topics, [tickets[i].id for i in rest], state


def _continue_language(
    fresh: list[Ticket], lang: str, min_size: int, engine: TopicEngine, seconds: dict[str, float], asked: int, progress: Progress,
    known: LanguageState,
) -> tuple[list[Topic], list[str], LanguageState]:  # fmt: skip
    """_cluster_language for a language an earlier run grouped: its new tickets (fresh) in the
    earlier topics' space, joined to those topics or grouped with the earlier one-offs. A group
    is described from this run's tickets: one without any waits for them."""
    if not fresh:
        return [], [], known
    texts, answers = map(list, zip(*map(_ticket_texts, fresh)))
    start = time.perf_counter()
    vectors = engine.vectors(texts, answers, known.features)
    seconds["vectors"] += time.perf_counter() - start
    start = time.perf_counter()
    ids = [t.id for t in fresh] + list(known.pending_ids)  # the rows' tickets: the new, then the waiting
    order = _order(ids)
    labels = engine.cluster(vectors, min_size, centres=known.centres(), waiting=known.pending, order=order)
    seconds["grouping"] += time.perf_counter() - start
    n, earlier = len(fresh), len(known.topic_ids)
    stack = sparse.vstack if sparse.issparse(vectors) else np.vstack
    rows = stack([vectors, known.pending])
    labels[n:][~np.isin(labels[n:], labels[:n])] = -1
    labels = _merge_answered_alike(labels, answers, lang, order, first=earlier)
    dates = np.concatenate([timestamps([t.created_at for t in fresh]), known.pending_dates])
    found = _describe_groups(labels[:n], fresh, texts, vectors, _describer(texts, lang), lang, asked, progress)
    topic_ids, tickets_of = list(known.topic_ids), list(known.tickets)
    seen, sums = known.seen.copy(), known.sums.copy()
    added = _sums(rows, labels, list(found))
    topics, new_seen, new_sums = [], [], []
    for (label, topic), extra in zip(found.items(), added):
        members = np.flatnonzero(labels == label)
        member_ids = tuple(ids[i] for i in members)
        span = dates[members]
        if label < earlier:  # an earlier topic: its earlier tickets and dates count too
            member_ids, span = (*tickets_of[label], *member_ids), np.append(span, seen[label])
            topic = replace(topic, id=topic_ids[label])
        span = np.array([np.nanmin(span, initial=np.inf), np.nanmax(span, initial=-np.inf)])
        span[~np.isfinite(span)] = np.nan
        if label < earlier:
            tickets_of[label], seen[label], sums[label] = member_ids, span, sums[label] + extra
        else:
            topic_ids.append(topic.id)
            tickets_of.append(member_ids)
            new_seen.append(span)
            new_sums.append(extra)
        first, last = map(as_date, span)
        topics.append(replace(topic, ticket_ids=member_ids, first_seen_at=first, last_seen_at=last))
    seen, sums = np.vstack([seen, *new_seen]), np.vstack([sums, *new_sums])
    rest = np.flatnonzero(labels < 0)
    kept = rest[waiting(dates[rest])]
    state = LanguageState(
        known.features, tuple(topic_ids), tuple(tickets_of), seen, sums,
        tuple(ids[i] for i in kept), dates[kept], rows[kept],
    )  # fmt: skip
    return topics, [ids[i] for i in rest if i < n], state


def _order(ticket_ids: Sequence[str]) -> np.ndarray:
    """Each ticket's place in the samples the features and grouping take: by a hash of its id,
    so that exports sharing most tickets share most of each sample (kbgen.sampling)."""
    return np.fromiter((stable_key(ticket_id) for ticket_id in ticket_ids), dtype=np.int64, count=len(ticket_ids))


def _merge_answered_alike(labels: np.ndarray, answers: list[str], lang: str, order: np.ndarray, first: int = 0) -> np.ndarray:
    """labels, its groups from first on whose tickets were answered alike made one
    (kbgen.clusters.merge_answered_alike; answers: those of the first rows)."""
    grouped = np.flatnonzero(labels[: len(answers)] >= 0)
    # Each group's ANSWERS_PER_TOPIC rows of the smallest order: groups sorted by label, then order.
    rows = grouped[np.lexsort((order[grouped], labels[grouped]))]
    rank = np.arange(len(rows)) - np.searchsorted(labels[rows], labels[rows])
    rows = rows[rank < ANSWERS_PER_TOPIC]
    # As many one-offs again: the language's mean answer is what every reply says, not what the
    # grouped ones say (two topics holding most tickets would otherwise cancel out).
    one_offs = np.flatnonzero(labels[: len(answers)] < 0)
    rows = np.concatenate([rows, sample(one_offs, len(rows), order)])
    try:
        vectors = term_vectorizer(lang).fit_transform([answers[i] for i in rows])
    except ValueError:  # no answer word occurs twice
        return labels
    return merge_answered_alike(labels, rows, vectors, first)


def _describer(texts: list[str], lang: str) -> TfidfVectorizer | None:
    """The terms of this run's texts, to describe its topics by (None where there are no words)."""
    for min_df in (2, 1):
        try:
            return term_vectorizer(lang).set_params(min_df=min_df).fit(texts)
        except ValueError:
            continue
    return None


def _sums(vectors, labels: np.ndarray, groups: Sequence[int]) -> np.ndarray:
    """The sum of each group's rows, dense float32, in the order of groups (labels)."""
    position = np.full(int(labels.max(initial=-1)) + 1, -1)
    position[list(groups)] = np.arange(len(groups))
    rows = np.flatnonzero(labels >= 0)
    rows = rows[position[labels[rows]] >= 0]
    membership = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (position[labels[rows]], rows)), shape=(len(groups), vectors.shape[0]))
    sums = membership @ vectors
    return np.asarray(sums.toarray() if sparse.issparse(sums) else sums, dtype=np.float32)


def _describe_groups(labels: np.ndarray, tickets, texts, vectors, describer: TfidfVectorizer | None, lang: str, asked: int, progress: Progress) -> dict[int, Topic]:
    """label -> the Topic its rows' tickets make, by label; -1 rows are left out."""
    grouped = np.flatnonzero(labels >= 0)
    # The words of every topic's tickets: what one topic's tickets say more than the other
    # topics' sets it apart (one-offs, often the same questions put oddly, are left out).
    sampled = sample(grouped, DESCRIBE_SAMPLE)
    everywhere = word_counts([tickets[i] for i in sampled], lang)
    if len(sampled) < len(grouped):  # counts of all the topics' tickets, as the sample tells them
        everywhere = Counter({word: n * len(grouped) / len(sampled) for word, n in everywhere.items()})
    terms = np.array(describer.get_feature_names_out()) if describer is not None else np.array([], dtype=str)
    order = np.argsort(labels, kind="stable")[len(labels) - len(grouped) :]
    cuts = np.flatnonzero(np.diff(labels[order])) + 1
    members_of = {int(labels[m[0]]): m for m in np.split(order, cuts) if len(m)}
    return {
        label: _describe(members, tickets, texts, vectors, describer, terms, lang, (everywhere, len(grouped)), asked)
        for label, members in counted(list(members_of.items()), f"describing topics ({lang})", progress)
    }


def _describe(members, tickets, texts, vectors, describer: TfidfVectorizer | None, terms, lang, everywhere: tuple[Counter, int], limit: int) -> Topic:
    group = [tickets[i] for i in members]
    rows = vectors[members]  # dense or sparse
    centroid = np.asarray(rows.mean(axis=0)).ravel()
    closeness = np.asarray(rows @ centroid).ravel()
    # The most representative first; of a large topic, its DESCRIBE_LIMIT nearest speak for it.
    order = members[np.argsort(-closeness)][:DESCRIBE_LIMIT]
    top_terms: tuple[str, ...] = ()
    if describer is not None:
        weights = np.asarray(describer.transform([texts[i] for i in order]).mean(axis=0)).ravel()
        top_terms = tuple(terms[np.argsort(-weights)[:8]])
    ranked = [tickets[i] for i in order]
    words = TopicWords.of(ranked, lang, *everywhere, size=len(members))
    # The closer half speaks for the topic: the tickets far from its centre are the ones most
    # likely to ask something else as well.
    near = ranked[: max(len(ranked) // 2, min(len(ranked), 5))]
    title = _title(ranked, words, lang)
    phrasings = _phrasings(near, words, exclude=title, lang=lang)
    # Search has room for more of the customers' words than the page shows: every ticket asking
    # in a whole sentence about the topic's core, the nearest first.
    asked = _phrasings(ranked, words, exclude=title, lang=lang, limit=limit + len(phrasings)) if limit else ()
    asked = tuple(text for text in asked if text not in phrasings)[:limit]
    created = [t.created_at for t in group if t.created_at]
    # Each ticket's tags once, in its own order: equally frequent tags then keep that order on
    # every run (a set's order changes with the interpreter's string hashing).
    tag_counts = Counter(tag for t in group for tag in dict.fromkeys(t.tags))
    groups = Counter(t.group for t in group if t.group)
    basis = " ".join(sorted(top_terms[:5])) or group[0].id  # a topic of no words: its first ticket
    topic_id = "t-" + hashlib.sha1(f"{lang}:{basis}".encode()).hexdigest()[:10]
    return Topic(
        id=topic_id,
        language=lang,
        ticket_ids=tuple(t.id for t in group),
        terms=top_terms,
        title=title,
        answer=_answer(_asking(near, words, title, lang)),
        phrasings=phrasings,
        asked=asked,
        first_seen_at=min(created) if created else None,
        last_seen_at=max(created) if created else None,
        tags=tuple(tag for tag, n in tag_counts.most_common(5) if n >= max(2, len(group) * 0.3)),
        category=groups.most_common(1)[0][0] if groups else "",
    )


# A title's words: a word fewer than this share of the topic's tickets hold is one ticket's
# detail (an amount, a shop, a name) ...
SPECIFIC_SHARE = 0.05
# ... and a word whose share of the topic's tickets beats its share of the other topics' by this
# much is what the topic is about (its core) ...
CORE_SHARE = 0.35
# ... of which a title must name two where at least two are this widely shared.
MOST_SHARE = 0.6
TITLE_LIMIT = 70  # characters
TITLE_CANDIDATES = 100  # the most representative tickets whose sentences may become the title


@dataclass(frozen=True)
class TopicWords:
    """How many of a topic's tickets say each word (in the customers' messages)."""

    share: dict[str, float]  # stem -> share of the topic's tickets that hold it
    core: tuple[str, ...]  # the stems that set the topic apart (CORE_SHARE), most shared first
    digits: frozenset[str]  # numbers most tickets share (a version, a plan's price)
    every: dict[str, float]  # the same shares for all words, stop words too ("after I move")
    lang: str
    size: int  # tickets
    rarity: dict[str, float]  # word -> how rare it is among all the language's topics' tickets

    @classmethod
    def of(cls, tickets: Sequence[Ticket], lang: str, everywhere: Counter, total: int, size: int | None = None) -> TopicWords:
        """everywhere: word_counts of the tickets of all the language's topics, total of them;
        size: the topic's tickets where tickets are the part of them that speaks for it."""
        total = max(total, 1)
        counts: Counter = Counter()
        every: Counter = Counter()
        numbers: Counter = Counter()
        for ticket in tickets:
            text = _customer_text(ticket)
            counts.update(set(content_words(text, lang)))
            every.update(set(all_words(text, lang)))
            numbers.update(set(re.findall(r"\d+", text)))
        n = max(len(tickets), 1)
        # What sets the topic apart: its share of the topic's tickets beats its share of the
        # others by CORE_SHARE (a product's name in most tickets is no topic's word).
        whole = max(size or n, n)
        rest = max(total - whole, 1)
        # Equally shared words: the rarer among the other topics first, then by the word (a
        # set's order changes with the interpreter's string hashing).
        ranked = sorted(counts.items(), key=lambda item: (-item[1], everywhere[item[0]], item[0]))
        core = tuple(w for w, c in ranked if c / n - max(everywhere[w] - c * whole / n, 0) / rest >= CORE_SHARE)[:4]
        return cls(
            {w: c / n for w, c in counts.items()},
            core,
            frozenset(d for d, c in numbers.items() if c / n > 0.5),
            {w: c / n for w, c in every.items()},
            lang,
            n,
            {w: math.log(total / max(everywhere[w], 1)) ** 2 for w in every},
        )

    def support(self, stems: Sequence[str]) -> float:
        """The share of the topic's tickets that hold each of the stems, averaged with the
        weight of the word's rarity among all topics' tickets (squared IDF): "declined" says
        more than "my", whatever a language's stop-word list holds."""
        weights = [self.rarity.get(w, 0.0) for w in stems]
        if not sum(weights):
            return sum(self.every.get(w, 0.0) for w in stems) / len(stems) if stems else 0.0
        return sum(self.every.get(w, 0.0) * weight for w, weight in zip(stems, weights)) / sum(weights)

    def is_specific(self, text: str, every: Sequence[str]) -> bool:
        """Whether text (whose words are every, all_words) holds a detail of few tickets: a
        placeholder, a number or a name (a shop, a bank, a person, a product) that fewer than
        half of them hold, or a word fewer than SPECIFIC_SHARE of them hold."""
        if PLACEHOLDER.search(text) or any(d not in self.digits for d in re.findall(r"\d+", text)):
            return True
        if any(self.every.get(w, 0.0) < SPECIFIC_SHARE for w in every):
            return True
        # A name: capitalised inside the sentence ("at Zales", "bij ING"), not its first word.
        names = [w for w in re.findall(r"(?<=\s)[^\W\d_]+", text) if w[0].isupper() and w != "I"]
        return any(self.every.get(stem, 0.0) < 0.5 for name in names for stem in all_words(name, self.lang))

    def names_the_topic(self, stems: Sequence[str], pronoun: bool = False) -> bool:
        """Whether the words say what the topic is about: its most shared word, and two of the
        words most of its tickets say where it has two (a bare "How do I change it?" or "Which
        plan, and how?" names too little to stand alone); two of its words at least where a
        pronoun points outside the sentence ("How much does it cost?")."""
        if not self.core:  # tickets that share no word: only a full sentence stands alone
            return len(set(stems)) >= 3 and not pronoun
        most = [w for w in self.core if self.share[w] >= MOST_SHARE]
        named = set(stems) & set(self.core)
        return self.core[0] in stems and len(named & set(most)) >= min(2, len(most)) and (not pronoun or len(named) >= 2)


def word_counts(tickets: Sequence[Ticket], lang: str) -> Counter:
    """word (stemmed) -> how many tickets' customer text holds it."""
    counts: Counter = Counter()
    for ticket in tickets:
        counts.update(set(all_words(_customer_text(ticket), lang)))
    return counts


def _customer_text(ticket: Ticket) -> str:
    """The subject and the customer's question, the subject once where the question opens with
    it (exports often cut the subject from the question: "How do I...")."""
    subject = ticket.subject.rstrip(".… ")
    question = ticket.question
    return question if subject and question.startswith(subject) else f"{subject}\n{question}"


def _first_sentence(text: str, limit: int = 160, lang: str = "") -> str:
    text = without_placeholders(text, lang)
    text = re.sub(r"\s+", " ", text).strip(" ,.-")
    match = re.match(r"(.+?[?!.])(\s|$)", text)
    sentence = match.group(1) if match and len(match.group(1)) >= 15 else text
    return sentence[:limit].rstrip() + ("…" if len(sentence) > limit else "")


def _without_greeting(sentence: str) -> str:
    """ "Hi, how do I ...?", "Geachte heer/mevrouw, De ...", "Tasklane support, how ..." ->
    the question alone."""
    courtesies = _courtesies()
    sentence = _LEADING_HANDLE.sub("", sentence)
    sentence = courtesies.leading_greeting.sub("", sentence)
    sentence = courtesies.addressed.sub("", sentence)
    return sentence.strip(" ,-:")


def _cut_subject(ticket: Ticket) -> bool:
    """Whether the helpdesk cut the subject short: it ends in an ellipsis, or the message opens
    with it and goes on."""
    subject = ticket.subject.strip()
    if subject.endswith(("...", "…", "...?", "…?")):
        return True
    stem = subject.rstrip("?.! ")
    question = ticket.question.strip()
    return bool(stem) and question.startswith(stem) and len(question) > len(stem) + 1 and question[len(stem)] not in "?.!"


def _sentences_of(ticket: Ticket, lang: str) -> list[tuple[str, bool, bool]]:
    """Candidate titles, each with whether it asks and whether personal data was taken out of
    it: the subject unless cut short, then the sentences of the customer's message. The
    placeholders go with what they leave dangling ("I invited Jessica ([email])" -> "I invited
    Jessica")."""
    found = []
    if not _cut_subject(ticket):
        found.append(ticket.subject.strip())
    found.extend(re.split(r"(?<=[?!.])\s+|\n+", ticket.question))
    sentences = []
    for raw in found:
        sentence = _without_greeting(without_placeholders(raw, lang).strip(" ,-"))
        if 15 <= len(sentence) <= 110 and not _courtesies().greeting_line.match(sentence):
            sentences.append((sentence, sentence.endswith("?"), bool(PLACEHOLDER.search(raw))))
    return sentences


def _title(ranked: Sequence[Ticket], words: TopicWords, lang: str) -> str:
    """The question as customers ask it, generic to the topic: among the most representative
    tickets' sentences, one that names what the topic is about, holds no one ticket's detail and
    says most of what the topic's tickets share. Questions go before statements. Where no
    sentence qualifies, the phrase the tickets share most."""
    best, best_score = "", -1.0
    pronouns = set(languages.words("pronouns", of=lang))
    for rank, ticket in enumerate(ranked[:TITLE_CANDIDATES]):
        for sentence, asks, redacted in _sentences_of(ticket, lang):
            if len(sentence) > TITLE_LIMIT or redacted:  # a title with a hole where a value was
                continue
            stems, every = content_words(sentence, lang), all_words(sentence, lang)
            pronoun = bool(pronouns & set(re.findall(r"[^\W\d_]+", sentence.lower())))
            if not words.names_the_topic(stems, pronoun) or words.is_specific(sentence, every):
                continue
            # Ties go to the more representative ticket.
            score = words.support(every) + 0.1 * asks - 0.0005 * rank
            if score > best_score:
                best, best_score = sentence, score
    return _as_written(best or _shared_phrase(ranked, words, lang), lang)


def _shared_phrase(ranked: Sequence[Ticket], words: TopicWords, lang: str) -> str:
    """The run of two to six words that most of the topic's tickets say: "reset my password"."""
    counts: Counter = Counter()
    for ticket in ranked:
        seen = set()
        for sentence in re.split(r"[?!.,;:\n]+", PLACEHOLDER.sub(" ", _customer_text(ticket))):
            tokens = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", sentence)
            for size in range(2, 7):
                for at in range(len(tokens) - size + 1):
                    seen.add(" ".join(tokens[at : at + size]).lower())
        counts.update(seen)
    best, best_score = "", 0.0
    for phrase, n in counts.items():
        stems = content_words(phrase, lang)
        if not stems or not set(stems) & set(words.core or stems) or words.is_specific(phrase, all_words(phrase, lang)):
            continue
        tokens = phrase.split()
        if tokens[0] in stop_words(lang) or tokens[-1] in stop_words(lang):  # not "to reset my"
            continue
        score = n * len(set(stems) & set(words.core or stems))
        if score > best_score or (score == best_score and (len(phrase), phrase) < (len(best), best)):
            best, best_score = phrase, score
    return best or " ".join(words.core[:3]) or _first_sentence(ranked[0].question, TITLE_LIMIT, lang)


def _phrasings(near: Sequence[Ticket], words: TopicWords, exclude: str, lang: str, limit: int = 5) -> tuple[str, ...]:
    """How the tickets nearest the topic's centre ask it, each once, about the topic's question."""

    def key(text: str) -> str:
        return re.sub(r"\W+", " ", text.casefold()).strip()

    seen = {key(exclude)}
    chosen: list[str] = []
    for ticket in near:
        # A sentence personal data was taken from reads with a hole ("How do and I share a
        # board?"): a ticket gives a phrasing only where it asks in a whole sentence.
        sentences = _sentences_of(ticket, lang)
        questions = [s for s, asks, redacted in sentences if asks and not redacted]
        if not questions and any(redacted for _, _, redacted in sentences):
            continue
        text = questions[0] if questions else _without_greeting(_first_sentence(ticket.question, lang=lang))
        if len(text) < 12 or key(text) in seen:
            continue
        if words.core and not set(words.core) & set(content_words(text, lang)):
            continue
        seen.add(key(text))
        chosen.append(_as_written(text, lang))
        if len(chosen) == limit:
            break
    return tuple(chosen)


def _asking(near: Sequence[Ticket], words: TopicWords, title: str, lang: str) -> list[Ticket]:
    """The tickets near the centre whose question says what the title says: their answers
    answer it (a topic's edge may hold a neighbouring question with its own answer)."""
    title_words = set(content_words(title, lang)) & set(words.share)
    asking = [t for t in near if title_words <= set(content_words(_customer_text(t), lang))]
    return asking if any(t.resolution.strip() for t in asking) else list(near)


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


# An agent's initials that sign a reply on social media: "... in Settings. *SR", "^RM".
_INITIALS = re.compile(r"\s+[*^~][A-Z]{2,3}\s*$")


def _clean_answer(text: str) -> str:
    courtesies = _courtesies()
    text = _INITIALS.sub("", _LEADING_HANDLE.sub("", text.strip()))
    lines = [line.rstrip() for line in text.splitlines()]
    kept = [
        line
        for line in lines
        if not line.strip()
        or (
            not courtesies.greeting_line.match(line)
            and not courtesies.pleasantry.match(line)
            and PLACEHOLDER.sub("", line).strip(" ,.!")
        )
    ]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def _capitalise(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:]


def _as_written(text: str, lang: str) -> str:
    """Capitalised, with English "i" as "I"."""
    if lang == "en":
        text = re.sub(r"\bi\b(?=$|[\s'’,?!])", "I", text)
    return _capitalise(text)
