"""Generic exports for any other tool: CSV, JSON (a list of objects) and JSON Lines.

Columns are matched by common names (``ticket_id``, ``subject``, ``description``, ...), case
and spacing ignored; ``--map field=column`` names any other column. A ticket needs an id and
a subject or a question. The conversation, when the export has it, is a ``conversation``
(or ``messages``) field: a JSON list of ``{"role": "customer"|"agent", "text": ..., "at": ...,
"internal": false}`` (in a CSV cell, the same JSON as text). Internal messages are dropped.
Requester and agent columns (``requester_name``, ``requester_email``, ``agent_name``) name the
people whose names redaction removes.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterator
from typing import Any

from kbgen.errors import KbgenError
from kbgen.exports.assemble import assemble_ticket, normalize_priority, normalize_status, time_field
from kbgen.exports.files import ExportFile, ReadOptions, parse_json_line
from kbgen.exports.vendor_csv import distinct_people
from kbgen.records import AGENT, CUSTOMER, Message, Person, Ticket

# Ticket field -> column names that mean it, normalized (lowercase, no spaces or punctuation).
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "ticketid", "ticket", "ticketnumber", "number", "key", "issuekey", "conversationid"),
    "subject": ("subject", "title", "summary"),
    "question": ("description", "question", "body", "message", "text", "customermessage", "request"),
    "resolution": ("resolution", "answer", "reply", "agentreply", "solution", "response"),
    "conversation": ("conversation", "messages", "thread", "transcript"),
    "status": ("status", "state"),
    "created_at": ("createdat", "created", "createdtime", "createddate", "opened", "date"),
    "first_response_at": ("firstresponseat", "firstrepliedat", "firstresponse"),
    "solved_at": ("solvedat", "resolvedat", "resolved", "resolvedtime", "closedat", "closed", "solved"),
    "tags": ("tags", "labels", "tag"),
    "language": ("language", "lang", "locale"),
    "group": ("group", "category", "queue", "team", "requesttype"),
    "channel": ("channel", "source", "via"),
    "priority": ("priority",),
    "reopens": ("reopens", "reopencount", "reopened"),
    "satisfaction": ("satisfaction", "csat", "rating", "satisfactionrating"),
    # The people, so that redaction finds their names and addresses wherever they appear.
    "requester_name": ("requestername", "requester", "customername", "customer", "contactname", "fullname", "name"),
    "requester_email": ("requesteremail", "customeremail", "contactemail", "email", "emailaddress"),
    "agent_name": ("agentname", "agent", "assigneename", "assignee"),
}
# Fields that may hold lists rather than text.
_STRUCTURED = ("conversation", "tags")
REQUIRED_NOTE = "an id column (e.g. ticket_id) and a subject or description column"
_ROLES = {"customer": CUSTOMER, "end-user": CUSTOMER, "enduser": CUSTOMER, "requester": CUSTOMER, "user": CUSTOMER,
          "agent": AGENT, "staff": AGENT, "support": AGENT, "admin": AGENT}

# Cells of a conversation column can be long: lift the csv module's 128 KiB default.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def resolve_columns(columns: list[str], mapping: dict[str, str] | None = None, where: str = "") -> dict[str, str]:
    """Ticket field -> the column that holds it: --map first, then the common names."""
    by_norm = {_norm(c): c for c in columns}
    found = {}
    for field_name, column in (mapping or {}).items():
        if field_name not in ALIASES:
            raise KbgenError(f"--map {field_name}={column}: unknown field '{field_name}' (fields: {', '.join(ALIASES)})")
        if column not in columns:
            raise KbgenError(f"{where}: --map {field_name}={column}: no column '{column}'")
        found[field_name] = column
    for field_name, names in ALIASES.items():
        if field_name in found:
            continue
        for name in names:
            if name in by_norm:
                found[field_name] = by_norm[name]
                break
    return found


def _has_required(found: dict[str, str]) -> bool:
    return "id" in found and ("subject" in found or "question" in found)


def sniff_csv(file: ExportFile, head: str) -> bool:
    first = head.splitlines()[0] if head else ""
    if not first or first.lstrip().startswith(("{", "[")):
        return False
    columns = next(csv.reader([first], **file.csv_format()))
    try:
        return _has_required(resolve_columns(columns, file.options.mapping, str(file.path)))
    except KbgenError:
        return False


def sniff_json(file: ExportFile, head: str) -> bool:
    return head.lstrip().startswith("[")


def sniff_jsonl(file: ExportFile, head: str) -> bool:
    first = head.lstrip().split("\n", 1)[0]
    if not first.startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return False


def records_csv(file: ExportFile) -> Iterator[tuple[str, Any]]:
    rows = file.csv_rows()
    _, header = next(rows, ("", []))
    found = resolve_columns(header, file.options.mapping, str(file.path))
    if not _has_required(found):
        raise KbgenError(f"{file.path}: missing required column: {REQUIRED_NOTE}")
    for where, cells in rows:
        yield where, (dict(zip(header, cells)), found)


def records_json(file: ExportFile) -> Iterator[tuple[str, Any]]:
    data = file.load_json()
    if not isinstance(data, list):
        raise KbgenError(f"{file.path}: expected a JSON list of ticket objects")
    for number, raw in enumerate(data, start=1):
        where = f"{file.path}:record {number}"
        yield where, (raw, _object_columns(raw, file.options, where))


def ticket_from_line(line: str, where: str, options: ReadOptions) -> Ticket:
    raw = parse_json_line(line, where)
    return ticket((raw, _object_columns(raw, options, where)), where, options)


def _object_columns(raw: object, options: ReadOptions, where: str) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise KbgenError(f"{where}: expected a ticket object")
    found = resolve_columns(list(raw), options.mapping, where)
    if not _has_required(found):
        raise KbgenError(f"{where}: missing required field: {REQUIRED_NOTE}")
    return found


def ticket(record: tuple[dict, dict[str, str]], where: str, options: ReadOptions) -> Ticket:
    row, found = record
    if not isinstance(row, dict):
        raise KbgenError(f"{where}: expected a ticket object")

    values = {name: str(row.get(column) or "").strip() for name, column in found.items() if name not in _STRUCTURED}

    def get(field_name: str) -> str:
        return values.get(field_name, "")

    if not get("id"):
        raise KbgenError(f"{where}: field '{found['id']}' is empty")
    zone = options.timezone
    times = {name: time_field(get(name), found.get(name, name), where, zone) for name in ("created_at", "first_response_at", "solved_at")}
    messages = _conversation(row.get(found["conversation"]) if "conversation" in found else None, found.get("conversation", ""), where, zone)
    if not messages:
        if get("question"):
            messages.append(Message(CUSTOMER, get("question"), times["created_at"]))
        if get("resolution"):
            messages.append(Message(AGENT, get("resolution"), times["first_response_at"] or times["solved_at"]))
    reopens = get("reopens")
    satisfaction = get("satisfaction").lower()
    tags = row.get(found["tags"]) if "tags" in found else ""
    return assemble_ticket(
        id=get("id"),
        subject=get("subject"),
        description=get("question"),
        messages=messages,
        source=where,
        first_response_at=times["first_response_at"],
        status=normalize_status(get("status")),
        created_at=times["created_at"],
        solved_at=times["solved_at"],
        reopens=int(reopens) if reopens.isdigit() else 0,
        tags=tuple(tags) if isinstance(tags, list) else tuple(t for t in re.split(r"[,;|\s]+", tags or "") if t),
        language=get("language").split("-")[0].lower(),
        group=get("group"),
        channel=get("channel"),
        priority=normalize_priority(get("priority")),
        satisfaction=satisfaction if satisfaction in ("good", "bad") else "",
        people=distinct_people([Person(get("requester_name"), get("requester_email")), Person(get("agent_name"))]),
    )


def _conversation(value: Any, column: str, where: str, zone: str) -> list[Message]:
    """Public messages of a conversation field (a JSON list, or its text in a CSV cell)."""
    if value in (None, "", []):
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            raise KbgenError(f"{where}: field '{column}': not a JSON list of messages ({exc.msg})") from None
    if not isinstance(value, list):
        raise KbgenError(f"{where}: field '{column}': expected a list of messages")
    messages = []
    for item in value:
        if not isinstance(item, dict):
            raise KbgenError(f"{where}: field '{column}': expected message objects")
        if item.get("internal") is True or item.get("public") is False:
            continue  # internal notes never leave the reader
        role = _ROLES.get(str(item.get("role") or item.get("author") or "").lower())
        if role is None:
            raise KbgenError(f"{where}: field '{column}': message role must be customer or agent")
        text = item.get("text") or item.get("body") or ""
        messages.append(Message(role, str(text), time_field(item.get("at") or item.get("created_at"), f"{column}.at", where, zone)))
    return messages
