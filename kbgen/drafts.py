"""Draft articles: one Markdown file per topic, written so that curated work is never overwritten.

A topic that matches an existing article (same ``kbgen_topic`` id, or the same question in the
same language) goes to that article. kbgen rewrites an article only while it is an untouched
draft: status ``draft`` and the hash recorded in its front matter still matching the file.
Anything a writer edited or published is protected; new evidence for it goes to a sidecar
file under ``.kbgen/evidence/`` beside the content directory.

``.kbgen/topics.json`` records which tickets each article's topic held. A later run with more
tickets may group a question a little differently (new id, other words on top): a topic that
holds mostly tickets an article's topic held is that article's question.
"""

from __future__ import annotations

import csv
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from kbgen import languages
from kbgen.articles import HASH_KEY, content_hash, read_articles, split_front_matter
from kbgen.errors import KbgenError
from kbgen.records import Article, Assignment, Ticket, Topic

# Cosine similarity (TF-IDF words) above which a topic asks what an existing article answers.
MATCH_THRESHOLD = 0.3
# A topic is an article's when the article's earlier topic held most of the topic's tickets that
# any earlier topic held, at least this share of all its tickets and at least two.
MATCH_SHARED_TICKETS = 0.25
TOPICS_FILE = "topics.json"

NO_ANSWER = "_No agent answer in these tickets yet: write the answer here._"

NEW, REFRESHED, UNCHANGED, PROTECTED = "new", "refreshed", "unchanged", "protected"
MERGED = "merged"  # went to the article another topic of the same run answers


@dataclass(frozen=True)
class DraftOutcome:
    topic_id: str
    article: str  # path relative to the content directory
    action: str  # NEW, REFRESHED, UNCHANGED or PROTECTED


def write_drafts(topics: Sequence[Topic], content_dir: str | Path, *, site_language: str = "en") -> tuple[DraftOutcome, ...]:
    """Write or refresh one draft per topic; never touch an edited or published article.

    Topics are expected largest first. Topics that answer the same existing article are one
    question that this run's grouping split: they go to that article together, the largest
    one's text first (the others' outcomes say MERGED).
    """
    root = Path(content_dir)
    root.mkdir(parents=True, exist_ok=True)
    articles = read_articles(root)
    held = read_topic_tickets(root)
    matches = match_articles(topics, articles, root, site_language, held)
    together: dict[str, list[Topic]] = {}
    for topic in topics:
        if topic.id in matches:
            together.setdefault(matches[topic.id].path, []).append(topic)
    taken = {a.path for a in articles}
    outcomes = []
    for topic in topics:
        article = matches.get(topic.id)
        if article is not None:
            group = together[article.path]
            if group[0] is not topic:
                first = next(o for o in outcomes if o.article == article.path)
                outcomes.append(DraftOutcome(first.topic_id, article.path, MERGED))
                continue
            topic = merge_topics(group)
        if article is not None and (article.status != "draft" or article.edited):
            write_evidence(root, article, topic)
            outcomes.append(DraftOutcome(article.topic_id or topic.id, article.path, PROTECTED))
            continue
        if article is not None:
            rel = article.path
            topic_id = article.topic_id or topic.id
        else:
            rel = _free_path(draft_path(topic, site_language), taken)
            topic_id = topic.id
        taken.add(rel)
        text = render_draft(topic, topic_id=topic_id)
        target = root / rel
        if article is not None and target.read_text(encoding="utf-8") == text:
            outcomes.append(DraftOutcome(topic_id, rel, UNCHANGED))
            continue
        atomic_write(target, text)
        outcomes.append(DraftOutcome(topic_id, rel, REFRESHED if article is not None else NEW))
    for topic, outcome in zip(topics, outcomes, strict=True):
        held[outcome.topic_id] = sorted(set(held.get(outcome.topic_id, ())) | set(topic.ticket_ids))
    write_topic_tickets(root, held)
    return tuple(outcomes)


def read_topic_tickets(root: Path) -> dict[str, list[str]]:
    """Article topic id -> the ticket ids its topic held, from earlier runs ({} at first)."""
    path = root.parent / ".kbgen" / TOPICS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KbgenError(f"{path}: unreadable ({exc.__class__.__name__}); delete it and kbgen rebuilds it") from None
    topics = data.get("topics") if isinstance(data, dict) else None
    if not isinstance(topics, dict):
        raise KbgenError(f"{path}: expected {{\"topics\": {{topic id: [ticket ids]}}}}; delete it and kbgen rebuilds it")
    return {str(k): [str(t) for t in v] for k, v in topics.items() if isinstance(v, list)}


def write_topic_tickets(root: Path, held: dict[str, list[str]]) -> None:
    path = root.parent / ".kbgen" / TOPICS_FILE
    atomic_write(path, json.dumps({"version": 1, "topics": held}, indent=1, sort_keys=True) + "\n")


def merge_topics(group: Sequence[Topic]) -> Topic:
    """One topic of several that ask one question: the first's text, all the tickets."""
    first = group[0]
    if len(group) == 1:
        return first
    seen = [t.first_seen_at for t in group if t.first_seen_at]
    last = [t.last_seen_at for t in group if t.last_seen_at]
    phrasings = list(dict.fromkeys(p for t in group for p in t.phrasings))
    return replace(
        first,
        ticket_ids=tuple(tid for t in group for tid in t.ticket_ids),
        first_seen_at=min(seen) if seen else None,
        last_seen_at=max(last) if last else None,
        phrasings=tuple(phrasings[:5]),
    )


def match_articles(
    topics: Sequence[Topic], articles: Sequence[Article], root: Path, site_language: str, held: dict[str, list[str]] | None = None
) -> dict[str, Article]:
    """Topic id -> the existing article that answers the same question, if any: the article with
    the topic's id, else the one whose earlier topic held most of its tickets (held), else the one
    whose words it shares most."""
    found: dict[str, Article] = {}
    by_topic_id = {a.topic_id: a for a in articles if a.topic_id}
    for topic in topics:
        if topic.id in by_topic_id:
            found[topic.id] = by_topic_id[topic.id]
    for topic in topics:
        if topic.id not in found:
            article = _article_holding(topic, held or {}, by_topic_id)
            if article is not None and (article.language or site_language) == topic.language:
                found[topic.id] = article
    rest = [t for t in topics if t.id not in found]
    candidates = [a for a in articles if a.url != "/"]
    if not rest or not candidates:
        return found
    article_texts = [_article_text(root / a.path) for a in candidates]
    topic_texts = [" ".join([t.title, *t.phrasings, *t.terms]) for t in rest]
    from sklearn.feature_extraction.text import TfidfVectorizer  # here: `kbgen report` reads assignments without it

    vectorizer = TfidfVectorizer(sublinear_tf=True, strip_accents="unicode")
    try:
        matrix = vectorizer.fit_transform(article_texts + topic_texts)
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


def _article_holding(topic: Topic, held: dict[str, list[str]], by_topic_id: dict[str, Article]) -> Article | None:
    tickets = set(topic.ticket_ids)
    shared = {topic_id: len(tickets.intersection(ids)) for topic_id, ids in held.items() if topic_id in by_topic_id}
    shared = {topic_id: n for topic_id, n in shared.items() if n}
    if not shared:
        return None
    topic_id = max(shared, key=shared.__getitem__)
    best = shared[topic_id]
    if best >= 2 and best >= MATCH_SHARED_TICKETS * len(tickets) and best * 2 > sum(shared.values()):
        return by_topic_id[topic_id]
    return None


def draft_path(topic: Topic, site_language: str) -> str:
    """content-relative path: [<lang>/]<category>/<question-slug>.md"""
    parts = [] if topic.language == site_language else [topic.language]
    parts.append(slugify(topic.category) or "general")
    parts.append((slugify(topic.title) or topic.id) + ".md")
    return "/".join(parts)


def render_draft(topic: Topic, topic_id: str | None = None) -> str:
    """The Markdown file of a draft, its front matter ending with the content hash."""
    meta = {
        # Themes print the title unescaped in places: no angle brackets or backticks in it.
        "title": re.sub(r"[<>`]", "", topic.title),
        "status": "draft",
        "category": topic.category or "General",
        "tags": list(topic.tags),
        "lang": topic.language,
        "kbgen_topic": topic_id or topic.id,
        "tickets": len(topic.ticket_ids),
        "first_seen": topic.first_seen_at.date().isoformat() if topic.first_seen_at else None,
        "last_seen": topic.last_seen_at.date().isoformat() if topic.last_seen_at else None,
    }
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    # A topic in a language without a file (fr, es) gets the English heading.
    heading = languages.get(topic.language if topic.language in languages.codes() else "en").also_asked
    body = [
        f"# {markdown_text(re.sub(r'[<>`]', '', topic.title))}",
        "",
        markdown_block(topic.answer) if topic.answer else NO_ANSWER,
        "",
        f"## {heading}",
        "",
        *(f"- {markdown_text(p)}" for p in topic.phrasings),
    ]
    text = f"---\n{front}---\n\n" + "\n".join(body).rstrip() + "\n"
    # The hash goes last in the front matter; it is computed without its own line.
    return text.replace("\n---\n\n", f"\n{HASH_KEY}: {content_hash(text)}\n---\n\n", 1)


def write_evidence(root: Path, article: Article, topic: Topic) -> Path:
    """Record new tickets for a protected article beside the content, never in it."""
    target = root.parent / ".kbgen" / "evidence" / (article.path.replace("/", "__").removesuffix(".md") + ".yml")
    record = {
        "article": article.path,
        "topic": topic.id,
        "tickets": len(topic.ticket_ids),
        "first_seen": topic.first_seen_at.date().isoformat() if topic.first_seen_at else None,
        "last_seen": topic.last_seen_at.date().isoformat() if topic.last_seen_at else None,
        "customers_ask": list(topic.phrasings),
        "suggested_answer": topic.answer,
    }
    atomic_write(target, yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=1000))
    return target


def assignments_rows(tickets: Iterable[Ticket], topics: Sequence[Topic], outcomes: Sequence[DraftOutcome]) -> list[tuple[str, str, str]]:
    """One (ticket_id, topic_id, article) row per input ticket; empty fields when it joined none."""
    article_of = {topic.id: outcome for topic, outcome in zip(topics, outcomes, strict=True)}
    topic_of = {tid: topic.id for topic in topics for tid in topic.ticket_ids}
    rows = []
    for ticket in tickets:
        outcome = article_of.get(topic_of.get(ticket.id, ""))
        rows.append((ticket.id, outcome.topic_id if outcome else "", outcome.article if outcome else ""))
    return rows


def write_assignments(path: str | Path, rows: Sequence[tuple[str, str, str]]) -> None:
    target = Path(path)
    with _atomic_target(target) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="") as fp:
            writer = csv.writer(fp)
            writer.writerow(["ticket_id", "topic_id", "article"])
            writer.writerows(rows)


def read_assignments(path: str | Path) -> dict[str, Assignment]:
    """ticket id -> its topic and article ("" when it joined none), from a file `draft` wrote."""
    source = Path(path)
    try:
        with open(source, encoding="utf-8-sig", newline="") as fp:
            reader = csv.DictReader(fp)
            if not {"ticket_id", "article"} <= set(reader.fieldnames or []):
                raise KbgenError(f"{source}: expected columns ticket_id,topic_id,article")
            return {row["ticket_id"]: Assignment(row.get("topic_id") or "", row["article"] or "") for row in reader}
    except FileNotFoundError:
        raise KbgenError(f"{source}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KbgenError(f"{source}: cannot read: {exc}") from None


def atomic_write(target: Path, text: str) -> None:
    """Write through a temporary file and rename, so a reader never sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with _atomic_target(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


class _atomic_target:
    def __init__(self, target: Path) -> None:
        self.target = target

    def __enter__(self) -> Path:
        self.target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".tmp", dir=self.target.parent)
        os.close(fd)
        self.tmp = Path(name)
        return self.tmp

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            os.replace(self.tmp, self.target)
        else:
            self.tmp.unlink(missing_ok=True)


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


def _article_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    meta, body = split_front_matter(text, source=str(path))
    return f"{meta.get('title', '')}\n{body}"


_LIST_ITEM = re.compile(r"^\s*(\d{1,2}[.)]|[-*•])\s+(.*)$")


def markdown_text(text: str) -> str:
    """Ticket text made inert in Markdown: no HTML, links, images or emphasis can form."""
    text = text.replace("\\", "\\\\").replace("<", "&lt;")
    return re.sub(r"([`*_\[\]#|>!{}])", r"\\\1", text)


def markdown_block(text: str) -> str:
    """A reply as Markdown paragraphs, keeping its numbered or bulleted steps as a list."""
    out: list[str] = []
    for line in text.splitlines():
        item = _LIST_ITEM.match(line)
        if item:
            marker = item.group(1)
            marker = f"{marker[:-1]}." if marker[0].isdigit() else "-"
            if out and out[-1] and not _LIST_ITEM.match(out[-1]):
                out.append("")
            out.append(f"{marker} {markdown_text(item.group(2))}")
        else:
            if out and out[-1] and _LIST_ITEM.match(out[-1]) and line.strip():
                out.append("")
            out.append(markdown_text(line))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()
