"""What to do with each topic, decided before anything is written: a pure function of the topics
and what the content folder already holds.

A topic that matches an existing article (same ``kbgen_topic`` id, the tickets its earlier
topic held, or the same question in the same language) goes to that article. kbgen rewrites an
article only while it is an untouched draft: status ``draft`` and the hash recorded in its front
matter still matching the file. Anything a writer edited or published is protected: new
evidence for it goes beside the content instead.

A later run with more tickets may group a question a little differently (new id, other words on
top): a topic that holds mostly tickets an article's topic held is that article's question.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

from kbgen.articles import split_front_matter
from kbgen.records import Article, Draft, Topic
from kbgen.words import all_words, content_words

NEW = "new"  # a draft in a new file
REFRESH = "refresh"  # an untouched draft rewritten with this run's tickets
PROTECTED = "protected"  # an edited or published article: its new tickets go to an evidence file
MERGED = "merged"  # a topic that asks what another topic of this run answers, in the same article
RECOUNT = "recount"  # an untouched draft whose earlier topic took new tickets: counts and dates only

# Cosine similarity (TF-IDF of word stems) above which a topic asks what an existing article answers.
MATCH_THRESHOLD = 0.3
# A topic is an article's when the article's earlier topic held most of the topic's tickets that
# any earlier topic held, at least this share of all its tickets and at least two.
MATCH_SHARED_TICKETS = 0.25


def plan_drafts(
    topics: Sequence[Topic],
    articles: Sequence[Article],
    texts: Mapping[str, str],
    held: Mapping[str, Sequence[str]],
    site_language: str = "en",
    grown: frozenset[str] = frozenset(),
) -> tuple[Draft, ...]:
    """One Draft per topic, in the topics' order (largest first).

    texts: each article's whole file by path; held: article topic id -> the ticket ids its topic
    held in earlier runs. Topics that answer the same existing article are one question that this
    run's grouping split: the largest one carries all their tickets, the others are MERGED.
    grown: the topics that continue an earlier run's (kbgen.topics.find_topics): their untouched
    drafts keep their words and take the new counts and dates (RECOUNT).
    """
    matches = match_articles(topics, articles, texts, site_language, held)
    together: dict[str, list[Topic]] = {}
    for topic in topics:
        if topic.id in matches:
            together.setdefault(matches[topic.id].path, []).append(topic)
    # Topics of this run that one title asks are one question that the grouping split by its
    # specifics (an amount, a shop, a date): the largest carries them all.
    asking: dict[tuple, list[Topic]] = {}
    for topic in topics:
        if topic.id not in matches:
            asking.setdefault(question_key(topic), []).append(topic)
    taken = {a.path for a in articles}
    drafts: list[Draft] = []
    new_paths: dict[str, str] = {}  # the first topic of a question -> its draft's path
    for topic in topics:
        article = matches.get(topic.id)
        if article is None:
            group = asking[question_key(topic)]
            if group[0] is not topic:
                drafts.append(Draft(MERGED, topic, group[0].id, new_paths[group[0].id]))
                continue
            path = _free_path(draft_path(topic, site_language), taken)
            taken.add(path)
            new_paths[topic.id] = path
            drafts.append(Draft(NEW, merge_topics(group), topic.id, path))
            continue
        group = together[article.path]
        if group[0] is not topic:
            first = next(d for d in drafts if d.article == article.path)
            drafts.append(Draft(MERGED, topic, first.topic_id, article.path))
            continue
        action = PROTECTED if article.status != "draft" or article.edited else RECOUNT if topic.id in grown else REFRESH
        drafts.append(Draft(action, merge_topics(group), article.topic_id or topic.id, article.path))
    return tuple(drafts)


def question_key(topic: Topic) -> tuple[str, ...]:
    """A title's words, stemmed, in order: two questions with one key ask one question. A title
    that asks nothing (a phrase its tickets share, "Mobile app") names an area, not a question:
    its key is its topic's own."""
    if not topic.title.rstrip().endswith("?"):
        return ("", topic.id)
    return (topic.language, *all_words(topic.title, topic.language))


def merge_topics(group: Sequence[Topic]) -> Topic:
    """One topic of several that ask one question: the first's text, all the tickets."""
    first = group[0]
    if len(group) == 1:
        return first
    seen = [t.first_seen_at for t in group if t.first_seen_at]
    last = [t.last_seen_at for t in group if t.last_seen_at]
    phrasings = list(dict.fromkeys(p for t in group for p in t.phrasings))
    # What the article does not show stays findable: the others' phrasings join the search's.
    asked = list(dict.fromkeys(p for t in group for p in (*t.asked, *t.phrasings) if p not in phrasings[:5]))
    return replace(
        first,
        ticket_ids=tuple(tid for t in group for tid in t.ticket_ids),
        first_seen_at=min(seen) if seen else None,
        last_seen_at=max(last) if last else None,
        phrasings=tuple(phrasings[:5]),
        asked=tuple(asked),
    )


def match_articles(
    topics: Sequence[Topic],
    articles: Sequence[Article],
    texts: Mapping[str, str],
    site_language: str,
    held: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, Article]:
    """Topic id -> the existing article that answers the same question, if any: the article with
    the topic's id, else the one whose earlier topic held most of its tickets (held), else the one
    whose words it shares most (texts: each article's whole file by path)."""
    found: dict[str, Article] = {}
    by_topic_id = {a.topic_id: a for a in articles if a.topic_id}
    for topic in topics:
        if topic.id in by_topic_id:
            found[topic.id] = by_topic_id[topic.id]
    # Each ticket's article topic, where one held it (the first, where several did): looked up
    # once, not once per topic (a year's export holds a million tickets).
    holder: dict[str, str] = {}
    for topic_id, ids in (held or {}).items():
        if topic_id in by_topic_id:
            for ticket_id in ids:
                holder.setdefault(ticket_id, topic_id)
    for topic in topics:
        if topic.id not in found:
            article = _article_holding(topic, holder, by_topic_id)
            if article is not None and (article.language or site_language) == topic.language:
                found[topic.id] = article
    rest = [t for t in topics if t.id not in found]
    candidates = [a for a in articles if a.url != "/"]
    if not rest or not candidates:
        return found
    # Each text's words stemmed in its own language: "invoices" asks what "invoice" answers.
    article_words = [content_words(_title_and_body(texts[a.path], a.path), a.language or site_language) for a in candidates]
    topic_words = [content_words(" ".join([t.title, *t.phrasings, *t.terms]), t.language) for t in rest]
    from sklearn.feature_extraction.text import TfidfVectorizer  # here: `kbgen report` reads assignments without it

    vectorizer = TfidfVectorizer(sublinear_tf=True, analyzer=lambda words: words)
    try:
        matrix = vectorizer.fit_transform(article_words + topic_words)
    except ValueError:
        return found
    similarity = (matrix[len(candidates) :] @ matrix[: len(candidates)].T).toarray()
    # Best pairs first: each topic goes to the article it resembles most.
    pairs = sorted(
        ((similarity[i, j], i, j) for i in range(len(rest)) for j in range(len(candidates))),
        reverse=True,
    )
    for score, i, j in pairs:
        topic, article = rest[i], candidates[j]
        if score < MATCH_THRESHOLD or topic.id in found:
            continue
        if (article.language or site_language) != topic.language:
            continue
        found[topic.id] = article
    return found


def _article_holding(topic: Topic, holder: Mapping[str, str], by_topic_id: dict[str, Article]) -> Article | None:
    tickets = set(topic.ticket_ids)
    shared = Counter(holder[t] for t in dict.fromkeys(topic.ticket_ids) if t in holder)
    if not shared:
        return None
    topic_id, best = shared.most_common(1)[0]
    if best >= 2 and best >= MATCH_SHARED_TICKETS * len(tickets) and best * 2 > sum(shared.values()):
        return by_topic_id[topic_id]
    return None


def _title_and_body(text: str, source: str) -> str:
    meta, body = split_front_matter(text, source=source)
    return f"{meta.get('title', '')}\n{body}"


def draft_path(topic: Topic, site_language: str) -> str:
    """content-relative path: [<lang>/]<category folder>/<question-slug>.md; the folder is the
    topic's own (kbgen.categories may keep it to one a writer renamed), else its category's slug."""
    parts = [] if topic.language == site_language else [topic.language]
    parts.append(topic.folder or slugify(topic.category) or "general")
    parts.append((slugify(topic.title) or topic.id) + ".md")
    return "/".join(parts)


def slugify(text: str, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-")


def _free_path(rel: str, taken: set[str]) -> str:
    stem, n = rel.removesuffix(".md"), 2
    while rel in taken:
        rel = f"{stem}-{n}.md"
        n += 1
    return rel
