"""Zammad tickets from the REST API: a JSON list of ``GET /api/v1/tickets?expand=true`` objects,
each with its ``articles`` (``GET /api/v1/ticket_articles/by_ticket/<id>``) and, optionally, its
``tags`` (``GET /api/v1/tags?object=Ticket&o_id=<id>``).

Articles: ``sender`` Customer is the customer, Agent an agent; ``internal`` articles and System
articles (triggers, auto-replies) are never read. A ``text/plain`` body is escaped so that the
cleaning step does not take its angle brackets for markup.

States: new and open are open, "pending reminder" and "pending close" pending, closed closed.
Zammad has no "solved": a finished ticket is closed, and ``close_at`` is when it was solved.
Priorities lose their sort number ("2 normal" is normal). The ticket id is the ticket number
agents and customers see.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from email.utils import parseaddr
from typing import Any

from kbgen.errors import KbgenError
from kbgen.exports.assemble import assemble_ticket, normalize_priority, normalize_status, time_field
from kbgen.exports.files import ExportFile, ReadOptions
from kbgen.records import AGENT, CUSTOMER, Message, Person, Ticket

_SENDERS = {"customer": CUSTOMER, "agent": AGENT, "system": None}
_TICKET_KEYS = ('"create_article_type"', '"article_count"', '"state_id"', '"owner_id"')


def sniff_json(file: ExportFile, head: str) -> bool:
    return head.lstrip().startswith("[") and '"articles"' in head and any(key in head for key in _TICKET_KEYS)


def records_json(file: ExportFile) -> Iterator[tuple[str, Any]]:
    data = file.load_json()
    if not isinstance(data, list):
        raise KbgenError(f"{file.path}: expected a JSON list of Zammad tickets (GET /api/v1/tickets?expand=true)")
    for number, raw in enumerate(data, start=1):
        yield f"{file.path}:ticket {number}", raw


def ticket(raw: dict, where: str, options: ReadOptions) -> Ticket:
    if not isinstance(raw, dict) or raw.get("number", raw.get("id")) in (None, ""):
        raise KbgenError(f"{where}: field 'number' is missing")
    articles = raw.get("articles")
    if not isinstance(articles, list) or not all(isinstance(a, dict) for a in articles):
        raise KbgenError(
            f"{where}: field 'articles' is missing or no list of articles "
            "(add each ticket's articles from /api/v1/ticket_articles/by_ticket/<id>)"
        )
    zone = options.timezone
    messages = []
    for article in articles:
        at = time_field(article.get("created_at"), "articles.created_at", where, zone)
        sender = str(article.get("sender") or "").lower()
        if sender not in _SENDERS:
            raise KbgenError(f"{where}: field 'articles.sender' must be Customer, Agent or System, not '{article.get('sender')}'")
        # Internal notes and system messages never leave the reader.
        if article.get("internal") is True or _SENDERS[sender] is None:
            continue
        body = str(article.get("body") or "")
        if article.get("content_type") != "text/html":
            body = html.escape(body, quote=False)
        messages.append(Message(_SENDERS[sender], body, at))
    messages.sort(key=lambda m: m.at.timestamp() if m.at else 0.0)
    tags = raw.get("tags") or ()
    return assemble_ticket(
        id=str(raw.get("number", raw.get("id"))),
        subject=raw.get("title") or "",
        messages=messages,
        source=where,
        status=normalize_status(raw.get("state")),
        created_at=time_field(raw.get("created_at"), "created_at", where, zone),
        first_response_at=time_field(raw.get("first_response_at"), "first_response_at", where, zone),
        solved_at=time_field(raw.get("close_at"), "close_at", where, zone),
        channel=str(raw.get("create_article_type") or next((a.get("type") for a in articles if a.get("type")), "")),
        group=str(raw.get("group") or ""),
        tags=tuple(t.strip() for t in tags.split(",")) if isinstance(tags, str) else tuple(tags),
        priority=normalize_priority(raw.get("priority")),
        people=_people(raw, articles),
    )


def _people(raw: dict, articles: list[dict]) -> tuple[Person, ...]:
    """Customer and agent senders by name and address, and the customer's and owner's logins when they are addresses."""
    by_email: dict[str, Person] = {}
    for article in articles:
        if _SENDERS.get(str(article.get("sender") or "").lower()) is None:
            continue  # the system's own address is no person
        name, email = parseaddr(str(article.get("from") or ""))
        if "@" in email and (email not in by_email or not by_email[email].name):
            by_email[email] = Person(name=name, email=email)
    for login in (raw.get("customer"), raw.get("owner")):
        if isinstance(login, str) and "@" in login and login not in by_email:
            by_email[login] = Person(email=login)
    return tuple(sorted(by_email.values(), key=lambda p: (p.name, p.email)))
