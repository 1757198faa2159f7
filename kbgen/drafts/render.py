"""A draft's Markdown, and the evidence kept for an article kbgen must not rewrite.

Ticket text is made inert (``kbgen.drafts.escape``): no HTML, link, image or emphasis can form
from what a customer or agent typed (the site's SafeMarkdown is the second guard).
"""

from __future__ import annotations

import re

import yaml

from kbgen import languages
from kbgen.articles import HASH_KEY, SEARCH_PHRASINGS, content_hash, split_front_matter
from kbgen.drafts.escape import markdown_block, markdown_heading, markdown_text
from kbgen.drafts.markers import NO_ANSWER
from kbgen.records import Topic


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
        # Not shown on the page: the site's search finds the article by them. Prune freely.
        SEARCH_PHRASINGS: list(topic.asked),
    }
    # A topic in a language without a file (fr, es) gets the English heading.
    heading = languages.get(topic.language if topic.language in languages.codes() else "en").also_asked
    body = [
        f"# {markdown_heading(re.sub(r'[<>`]', '', topic.title))}",
        "",
        markdown_block(topic.answer) if topic.answer else NO_ANSWER.markdown,
        "",
        f"## {heading}",
        "",
        *(f"- {markdown_text(p)}" for p in topic.phrasings),
    ]
    return _hashed(meta, "\n".join(body).rstrip() + "\n")


def recount_draft(text: str, topic: Topic) -> str:
    """An untouched draft (render_draft's text) with the topic's ticket count and dates: its
    title, answer and phrasings stay as an earlier run wrote them."""
    meta, _ = split_front_matter(text)
    body = text.split("\n---\n\n", 1)[1]
    meta.pop(HASH_KEY, None)
    meta["tickets"] = len(topic.ticket_ids)
    meta["first_seen"] = topic.first_seen_at.date().isoformat() if topic.first_seen_at else None
    meta["last_seen"] = topic.last_seen_at.date().isoformat() if topic.last_seen_at else None
    return _hashed(meta, body)


def _hashed(meta: dict, body: str) -> str:
    """The file: front matter, then body; the content hash goes last in the front matter,
    computed without its own line."""
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    text = f"---\n{front}---\n\n{body}"
    return text.replace("\n---\n\n", f"\n{HASH_KEY}: {content_hash(text)}\n---\n\n", 1)


def render_evidence(article: str, topic: Topic) -> str:
    """The evidence file of a protected article (path relative to the content directory): the
    tickets that still ask its question, and the answer they suggest."""
    record = {
        "article": article,
        "topic": topic.id,
        "tickets": len(topic.ticket_ids),
        "first_seen": topic.first_seen_at.date().isoformat() if topic.first_seen_at else None,
        "last_seen": topic.last_seen_at.date().isoformat() if topic.last_seen_at else None,
        "customers_ask": list(topic.phrasings),
        SEARCH_PHRASINGS: list(topic.asked),
        "suggested_answer": topic.answer,
    }
    return yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=1000)
