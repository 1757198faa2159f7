"""Help Scout Mailbox API 2.0 conversations with their threads (``embed=threads``).

The file is a list-conversations response, ``{"_embedded": {"conversations": [...]}}``, or a
plain list of conversation objects. Each conversation carries its threads in
``_embedded.threads``, newest first as the API gives them; they are read in time order.

Threads: ``customer`` is the customer's message and ``message`` an agent's reply; ``chat`` and
``phone`` threads belong to whoever created them (``createdBy.type`` customer or user). ``note``
threads are internal and never read, ``lineitem`` threads are system events, and a thread of any
other type (forwards) or not ``published`` (drafts, held for review) is skipped too.

Group: the mailbox name, from ``mailbox.name`` or from a list of mailboxes (GET /v2/mailboxes)
put beside the conversations as ``_embedded.mailboxes``. Help Scout has no priority, no reopen
count and no "solved" status: a finished conversation is ``closed``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kbgen.errors import KbgenError
from kbgen.exports.assemble import assemble_ticket, normalize_status, time_field
from kbgen.exports.files import ExportFile, ReadOptions
from kbgen.records import AGENT, CUSTOMER, Message, Person, Ticket

_THREAD_ROLES = {"customer": CUSTOMER, "message": AGENT}
_BY_CREATOR = {"chat", "beaconchat", "phone"}


def sniff_json(file: ExportFile, head: str) -> bool:
    start = head.lstrip()[:2000]
    if start.startswith("{"):
        return '"_embedded"' in start and '"conversations"' in start
    return start.startswith("[") and '"_embedded"' in head and '"threads"' in head and '"createdBy"' in head


def records_json(file: ExportFile) -> Iterator[tuple[str, Any]]:
    data = file.load_json()
    embedded = data.get("_embedded") if isinstance(data, dict) else None
    conversations = embedded.get("conversations") if isinstance(embedded, dict) else data
    if not isinstance(conversations, list):
        raise KbgenError(
            f"{file.path}: expected Help Scout conversations: an object with \"_embedded\": "
            "{\"conversations\": [...]} or a list of conversations"
        )
    mailboxes = {
        m.get("id"): str(m.get("name") or "")
        for m in ((embedded.get("mailboxes") or []) if isinstance(embedded, dict) else [])
        if isinstance(m, dict)
    }
    for number, raw in enumerate(conversations, start=1):
        yield f"{file.path}:conversation {number}", (raw, mailboxes)


def ticket(record: tuple[dict, dict], where: str, options: ReadOptions) -> Ticket:
    raw, mailboxes = record
    if not isinstance(raw, dict) or raw.get("number", raw.get("id")) in (None, ""):
        raise KbgenError(f"{where}: field 'number' is missing")
    embedded = raw.get("_embedded") or {}
    threads = (embedded.get("threads") or []) if isinstance(embedded, dict) else None
    if not isinstance(threads, list) or not all(isinstance(t, dict) for t in threads):
        raise KbgenError(f"{where}: field '_embedded.threads': expected a list of threads")
    zone = options.timezone
    timed = []
    for thread in threads:
        at = time_field(thread.get("createdAt"), "_embedded.threads.createdAt", where, zone)
        role = _role(thread)
        # Notes are internal, line items are system events: neither leaves the reader.
        if role and thread.get("state", "published") == "published":
            timed.append(Message(role, str(thread.get("body") or ""), at))
    timed.sort(key=lambda m: m.at.timestamp() if m.at else 0.0)
    customer = raw.get("primaryCustomer") or raw.get("customer")
    people = {
        _person(p)
        for p in (customer, raw.get("assignee"), raw.get("closedByUser"), *(t.get("createdBy") for t in threads))
        if isinstance(p, dict)
    }
    source = raw.get("source") or {}
    return assemble_ticket(
        id=str(raw.get("number", raw.get("id"))),
        subject=raw.get("subject") or "",
        messages=timed,
        source=where,
        status=normalize_status(raw.get("status")),
        created_at=time_field(raw.get("createdAt"), "createdAt", where, zone),
        solved_at=time_field(raw.get("closedAt"), "closedAt", where, zone),
        channel=str(source.get("type") or raw.get("type") or ""),
        group=mailboxes.get(raw.get("mailboxId")) or str((raw.get("mailbox") or {}).get("name") or ""),
        tags=tuple(t.get("tag", "") if isinstance(t, dict) else str(t) for t in raw.get("tags") or ()),
        people=tuple(sorted((p for p in people if p.name or p.email), key=lambda p: (p.name, p.email))),
    )


def _role(thread: dict) -> str | None:
    kind = thread.get("type")
    if kind in _BY_CREATOR:
        return CUSTOMER if (thread.get("createdBy") or {}).get("type") == "customer" else AGENT
    return _THREAD_ROLES.get(kind)


def _person(person: dict) -> Person:
    name = " ".join(str(person.get(k) or "").strip() for k in ("first", "last")).strip()
    return Person(name=name, email=str(person.get("email") or ""))
