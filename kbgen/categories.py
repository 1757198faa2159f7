"""Categories for the topics the export gave none, per language: existing folders first, then new
groups of topics. A pure function of the topics and the articles already written.

An export's helpdesk groups name a topic's category (kbgen.topics) and win wherever they exist.
A topic without one:

1. goes to an existing folder when that folder's articles together (TF-IDF of stemmed words) are
   clearly nearest to it, under the title the site gives that folder: so a folder a writer renamed keeps
   receiving the drafts of its area;
2. otherwise joins the rest in about sqrt(n) new categories: average-linkage clustering of the
   topics' TF-IDF word profiles (title, phrasings, terms and answer) under cosine distance, each
   category named after the one or two key terms most of its topics share and the other topics
   have least, in the tickets' language. A new name is an existing category's only for topics
   of that category's area.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer, strip_accents_unicode
from sklearn.preprocessing import normalize
from stop_words import AVAILABLE_LANGUAGES, LANGUAGE_MAPPING, get_stop_words

from kbgen import languages
from kbgen.articles import first_heading, split_front_matter
from kbgen.drafts.plan import slugify
from kbgen.records import Article, Topic
from kbgen.words import PLACEHOLDER, content_words

GENERAL = "General"  # the category of topics that share no word with any other (as render's default)
# New categories per language: about the square root of the topics, within these bounds; up to
# ONE_CATEGORY_UP_TO topics share one. A category of a single topic is none: it joins the nearest.
FEWEST_CATEGORIES, MOST_CATEGORIES, ONE_CATEGORY_UP_TO = 2, 15, 3
# An existing folder takes a topic when the cosine of the topic and the folder's articles' mean
# is at least NEAR_FOLDER and CLEAR_LEAD times the next folder's. With its own draft taken away, a
# Banking77 topic (154) went back to its folder 108 times, to another 10, and a sample topic 17 in
# 38, to no other; with its whole folder taken away, 28 and none went to another folder (the three
# nearest articles, unstemmed: 98 and 12, and 56 and none). Stems: "invoices" meets "invoice".
NEAR_FOLDER = 0.15
CLEAR_LEAD = 1.25
# A category is named after words at least this share of its topics use (and two topics at least).
NAME_SHARE = 0.5
# A second word joins the name when it scores at least this share of the first word's score.
SECOND_WORD = 0.5
SEPARATOR = " · "

_TOKEN = re.compile(r"(?u)\b[^\W\d_]{2,}\b")  # words of two letters or more, never digits
_NAME_WORD_LETTERS = 3


@dataclass(frozen=True)
class _Folder:
    """A category's folder below the language folder."""

    slug: str  # the folder's name, as it is on disk
    title: str  # the category title the site shows for it


def categorise_topics(
    topics: Sequence[Topic], articles: Sequence[tuple[Article, str]] = (), site_language: str = "en"
) -> tuple[Topic, ...]:
    """The topics in their order, each with a category and the folder its new draft goes to.

    articles: the content folder's articles with their files' text (kbgen.articles.read_article_files).
    """
    placed: dict[str, Topic] = {}
    for lang in sorted({t.language for t in topics}):
        own = [t for t in topics if t.language == lang]
        evidence = [(a, text) for a, text in articles if (a.language or site_language) == lang and a.url != "/"]
        folders = _folders(evidence, lang)
        # The categories there are, by the slug of their folder and of their title.
        known: dict[str, _Folder] = {}
        for folder in folders.values():
            known.setdefault(slugify(folder.title), folder)
            known[folder.slug] = folder
        for topic in own:
            if topic.category:
                folder = _Folder(_folder_named(topic.category, folders), topic.category)
                placed[topic.id] = replace(topic, folder=folder.slug)
                known.setdefault(slugify(topic.category), folder)
        rest = sorted((t for t in own if not t.category), key=lambda t: t.id)
        near = _nearest_folders(rest, evidence, lang)
        for topic in rest:
            if topic.id in near:
                folder = folders[near[topic.id]]
                placed[topic.id] = replace(topic, category=folder.title, folder=folder.slug)
        fresh = [t for t in rest if t.id not in near]
        for topic, name in _new_categories(fresh, lang, known, _folder_texts(evidence, lang)):
            folder = known.setdefault(slugify(name), _Folder(slugify(name), name))
            placed[topic.id] = replace(topic, category=folder.title, folder=folder.slug)
    return tuple(placed[t.id] for t in topics)


def _folders(articles: Sequence[tuple[Article, str]], lang: str) -> dict[str, _Folder]:
    """The category folders of one language's articles, by name, titled as the site titles them:
    by their index page, else the ``category`` most of their articles state, else the name."""
    stated: dict[str, Counter] = defaultdict(Counter)
    index_titles: dict[str, str] = {}
    for article, text in articles:
        slug = folder_of(article.path, lang)
        if not slug:
            continue
        meta, body = split_front_matter(text, source=article.path)
        if article.path.endswith("/index.md"):
            index_titles[slug] = str(meta.get("title") or first_heading(body))
            continue
        stated.setdefault(slug, Counter())  # a folder whose articles state no category is one too
        if isinstance(meta.get("category"), str) and meta["category"].strip():
            stated[slug][meta["category"].strip()] += 1
    folders = {}
    for slug in sorted(stated.keys() | index_titles.keys()):
        counts = stated.get(slug, Counter())
        common = counts.most_common(1)
        title = index_titles.get(slug) or (common[0][0] if common and common[0][1] * 2 > counts.total() else "")
        folders[slug] = _Folder(slug, title or slug.replace("-", " ").replace("_", " ").strip().capitalize())
    return folders


def folder_of(path: str, lang: str) -> str:
    """The category folder of an article path ("nl/billing/x.md" -> "billing"); "" for none."""
    parts = path.split("/")
    if len(parts) > 1 and parts[0] == lang:  # "nl/index.md" is the Dutch home page, no category
        parts = parts[1:]
    return parts[0] if len(parts) > 1 else ""


def _folder_named(category: str, folders: dict[str, _Folder]) -> str:
    """The folder of an export's category: its own slug, unless only a folder of another name
    carries its title (a writer renamed the folder and kept the articles' ``category``)."""
    slug = slugify(category)
    if slug in folders:
        return slug
    titled = [f.slug for f in folders.values() if f.title.casefold() == category.casefold()]
    return titled[0] if len(titled) == 1 else slug


def _nearest_folders(topics: Sequence[Topic], articles: Sequence[tuple[Article, str]], lang: str) -> dict[str, str]:
    """Topic id -> the existing folder whose articles, taken together, are clearly nearest to it."""
    texts = _folder_texts(articles, lang)
    if not topics or not texts:
        return {}
    slugs = sorted(texts)
    article_texts = [text for slug in slugs for text in texts[slug]]
    try:
        matrix, _ = _vectorize([_topic_text(t) for t in topics] + article_texts, lang, stemmed=True)
    except ValueError:  # no word at all
        return {}
    # A folder's profile is its articles' mean: a new question of its area shares the area's words
    # with the folder as a whole more than with any one article about another question.
    owner = np.repeat(np.arange(len(slugs)), [len(texts[slug]) for slug in slugs])
    area = matrix[len(topics) :]
    profiles = normalize(np.vstack([np.asarray(area[owner == k].mean(axis=0)) for k in range(len(slugs))]))
    similarity = np.asarray(matrix[: len(topics)] @ profiles.T)
    by_topic_id = {a.topic_id: folder_of(a.path, lang) for a, _ in articles if a.topic_id and folder_of(a.path, lang)}
    found = {}
    for i, topic in enumerate(topics):
        if topic.id in by_topic_id:  # the topic's own article, from an earlier run
            found[topic.id] = by_topic_id[topic.id]
            continue
        best, second = (np.sort(similarity[i])[::-1].tolist() + [0.0])[:2]
        if best >= NEAR_FOLDER and best >= CLEAR_LEAD * second:
            found[topic.id] = slugs[int(np.argmax(similarity[i]))]
    return found


def _folder_texts(articles: Sequence[tuple[Article, str]], lang: str) -> dict[str, list[str]]:
    """Each category folder's articles (title and body), by folder."""
    texts: dict[str, list[str]] = defaultdict(list)
    for article, text in articles:
        if folder_of(article.path, lang) and not article.path.endswith("/index.md"):
            texts[folder_of(article.path, lang)].append(_article_text(article, text))
    return texts


def _article_text(article: Article, text: str) -> str:
    _, body = split_front_matter(text, source=article.path)
    return f"{article.title}\n{body}"


def _new_categories(
    topics: Sequence[Topic], lang: str, known: dict[str, _Folder], folder_texts: dict[str, list[str]]
) -> list[tuple[Topic, str]]:
    """(topic, category name) for topics of one language grouped by the words they share. A name
    whose slug is known (an existing category's) is taken only by a group of the same area: one
    near that folder's articles."""
    if not topics:
        return []
    try:
        matrix, vectorizer = _vectorize([_topic_text(t) for t in topics], lang)
    except ValueError:  # only stop words
        return [(t, GENERAL) for t in topics]
    labels = _groups(matrix)
    terms, words = _key_terms(topics, lang)
    spelled = _spellings(topics)
    taken = set(known)

    def same_area(group: np.ndarray, slug: str) -> bool:
        texts = folder_texts.get(known[slug].slug) if slug in known else None
        if not texts:
            return False
        centre = normalize(np.asarray(matrix[group].mean(axis=0)))
        area = normalize(np.asarray(vectorizer.transform(texts).mean(axis=0)))
        return float((centre @ area.T)[0, 0]) >= NEAR_FOLDER

    named: list[tuple[Topic, str]] = []
    # Larger categories choose their names first.
    order = sorted(set(labels) - {-1}, key=lambda g: (-int(np.sum(labels == g)), int(np.argmax(labels == g))))
    for group in order:
        members = np.flatnonzero(labels == group)
        names = _names(terms, members, words, spelled)
        name = next((n for n in names if slugify(n) not in taken or same_area(members, slugify(n))), GENERAL)
        taken.add(slugify(name))
        named.extend((topics[i], name) for i in members)
    named.extend((topics[i], GENERAL) for i in np.flatnonzero(labels == -1))
    return named


def _groups(matrix) -> np.ndarray:
    """A group label per row (unit vectors); -1 for rows that share no word with any group."""
    n = matrix.shape[0]
    if n <= ONE_CATEGORY_UP_TO:
        return np.zeros(n, dtype=int)
    wanted = min(MOST_CATEGORIES, max(FEWEST_CATEGORIES, round(math.sqrt(n))))
    similarity = np.clip((matrix @ matrix.T).toarray(), 0.0, 1.0)
    distance = 1.0 - similarity
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    # A group of one topic is no category: cut finer until enough groups hold two or more.
    best, best_count = np.zeros(n, dtype=int), 0
    for cut in range(wanted, n + 1):
        labels = fcluster(tree, cut, criterion="maxclust")
        count = sum(1 for size in Counter(labels).values() if size > 1)
        if count > best_count:
            best, best_count = labels, count
        if count >= wanted:
            break
    return _without_singletons(best, similarity)


def _without_singletons(labels: np.ndarray, similarity: np.ndarray) -> np.ndarray:
    """Each topic alone in its group joins the group it is most similar to on average (-1 when it
    shares no word with any)."""
    sizes = Counter(labels.tolist())
    groups = sorted(g for g, size in sizes.items() if size > 1)
    out = labels.copy()
    for i in np.flatnonzero([sizes[g] == 1 for g in labels.tolist()]):
        closeness = [similarity[i, labels == g].mean() for g in groups]
        out[i] = groups[int(np.argmax(closeness))] if groups and max(closeness) > 0 else -1
    return out


def _names(rows, members: np.ndarray, words: np.ndarray, spelled: dict[str, str]) -> list[str]:
    """Names for the group of topics (members of rows), best first, as customers spell them: the
    one or two key terms its topics share and the others have least; then its first such term with
    a term of fewer of its topics, for when the better names are taken."""
    inside = np.zeros(rows.shape[0], dtype=bool)
    inside[members] = True
    used = rows > 0
    share = np.asarray(used[inside].mean(axis=0)).ravel()
    # A word every topic uses ("our", the product's name) names no category.
    share_out = np.asarray(used[~inside].mean(axis=0)).ravel() if (~inside).any() else np.zeros_like(share)
    score = share * np.asarray(rows[inside].mean(axis=0)).ravel() * np.clip(share - share_out, 0, None)
    ranked = [i for i in np.argsort(-score, kind="stable") if score[i] > 0]
    shared = [i for i in ranked if share[i] >= NAME_SHARE and share[i] * len(members) >= 2]
    names = []
    for rank, i in enumerate(shared):
        if " " not in words[i]:
            partners = [j for j in shared[rank + 1 :] if _pairs(words[i], words[j]) and score[j] >= SECOND_WORD * score[i]]
            if partners:
                names.append(_spell(words[i], spelled) + SEPARATOR + _spell(words[partners[0]], spelled))
        names.append(_spell(words[i], spelled))
    if shared:
        first = shared[0]
        names += [_spell(words[first], spelled) + SEPARATOR + _spell(words[j], spelled) for j in ranked if _pairs(words[first], words[j])]
    return list(dict.fromkeys(names))


def _pairs(first: str, second: str) -> bool:
    """Whether two terms make a name together: single words, not two forms of one word."""
    return " " not in first and " " not in second and first != second and not _variants(first, second)


def _key_terms(topics: Sequence[Topic], lang: str):
    """(a row per topic: the weight of each of its terms and their words, most telling 1; the
    terms), leaving out what cannot name a category (stop words, short words)."""
    stop = _stop_words(lang)
    rows = []
    for topic in topics:
        row: dict[str, float] = {}
        for rank, term in enumerate(topic.terms):
            weight = 1 - rank / len(topic.terms)
            words = term.split()
            if any(len(w) < _NAME_WORD_LETTERS or w in stop or not _TOKEN.fullmatch(w) for w in words) or len(set(words)) < len(words):
                continue
            for feature in {term, *words}:
                row[feature] = max(row.get(feature, 0.0), weight)
        rows.append(row)
    vectorizer = DictVectorizer()
    return vectorizer.fit_transform(rows).tocsr(), vectorizer.get_feature_names_out()


def _variants(a: str, b: str) -> bool:
    """Two forms of one word ("charge", "charged"): their common beginning is the shorter word, or
    five letters."""
    common = len(next((a[:k] for k in range(min(len(a), len(b)), 0, -1) if a[:k] == b[:k]), ""))
    return common >= min(len(a), len(b), 5)


def _spell(word: str, spelled: dict[str, str]) -> str:
    text = " ".join(spelled.get(part, part) for part in word.split())
    return text[:1].upper() + text[1:]


def _spellings(topics: Sequence[Topic]) -> dict[str, str]:
    """Each word's most common spelling in the topics' own text ("losenord" -> "lösenord", "atm" -> "ATM")."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for topic in topics:
        for text in (topic.title, *topic.phrasings, topic.answer):
            for token in _TOKEN.findall(PLACEHOLDER.sub(" ", text)):
                seen[strip_accents_unicode(token.lower())][token] += 1
    return {word: counts.most_common(1)[0][0] for word, counts in seen.items()}


def _topic_text(topic: Topic) -> str:
    """What the topic's draft will say, one phrase a line: its question, wordings, terms and answer."""
    return "\n".join([topic.title, *topic.phrasings, *topic.terms, topic.answer])


def _vectorize(texts: list[str], lang: str, stemmed: bool = False):
    """(unit TF-IDF rows of the texts' words and two-word phrases, the fitted vectorizer). Stems
    find a folder's area; new categories group and take their names by the words as spelled."""
    vectorizer = TfidfVectorizer(analyzer=_analyzer(lang, stemmed), sublinear_tf=True)
    return normalize(vectorizer.fit_transform(texts)).tocsr(), vectorizer


def _analyzer(lang: str, stemmed: bool):
    stop = _stop_words(lang)

    def features(text: str) -> list[str]:
        found = []
        for line in PLACEHOLDER.sub(" ", text).splitlines():
            words = content_words(line, lang) if stemmed else _TOKEN.findall(line.lower())
            tokens = [t for t in map(strip_accents_unicode, words) if t not in stop]
            found.extend(tokens)
            found.extend(f"{a} {b}" for a, b in itertools.pairwise(tokens))  # a phrase never spans two lines
        return found

    return features


def _stop_words(lang: str) -> frozenset[str]:
    """Words no category is about: the language's stop words and greetings, spelled as tokens."""
    name = LANGUAGE_MAPPING.get(lang, "")
    words = list(get_stop_words(name)) if name in AVAILABLE_LANGUAGES else []
    words += languages.words("greetings", "addressees", of=lang)
    return frozenset(token for word in words for token in _TOKEN.findall(strip_accents_unicode(word.lower())))
