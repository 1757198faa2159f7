"""Generic exports for any other tool: CSV, JSON (a list of objects) and JSON Lines.

Columns are matched by common names (``ticket_id``, ``subject``, ``description``, ...), case
and spacing ignored. A ticket needs an id and a subject or a question.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path

from kbgen.errors import KbgenError
from kbgen.exports.assemble import assemble_ticket, load_json
from kbgen.exports.times import parse_time
from kbgen.records import AGENT, CUSTOMER, Message, Ticket

# Ticket field -> column names that mean it, normalized (lowercase, no spaces or punctuation).
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "ticketid", "ticket", "ticketnumber", "number", "key", "issuekey", "conversationid"),
    "subject": ("subject", "title", "summary"),
    "question": ("description", "question", "body", "message", "text", "customermessage", "request"),
    "resolution": ("resolution", "answer", "reply", "agentreply", "solution", "response"),
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
}
REQUIRED_NOTE = "an id column (e.g. ticket_id) and a subject or description column"


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def resolve_columns(columns: list[str]) -> dict[str, str]:
    """Ticket field -> the column that holds it, for the columns present."""
    by_norm = {_norm(c): c for c in columns}
    found = {}
    for field_name, names in ALIASES.items():
        for name in names:
            if name in by_norm:
                found[field_name] = by_norm[name]
                break
    return found


def _has_required(found: dict[str, str]) -> bool:
    return "id" in found and ("subject" in found or "question" in found)


def _delimiter(header: str) -> str:
    """The delimiter of a header row: the one of comma, semicolon and tab that splits it most."""
    return max(",;\t", key=header.count)


def sniff_csv(path: Path, head: str) -> bool:
    first = head.splitlines()[0] if head else ""
    if not first or first.lstrip().startswith(("{", "[")):
        return False
    return _has_required(resolve_columns(next(csv.reader([first], delimiter=_delimiter(first)))))


def sniff_json(path: Path, head: str) -> bool:
    return head.lstrip().startswith("[")


def sniff_jsonl(path: Path, head: str) -> bool:
    first = head.lstrip().split("\n", 1)[0]
    if not first.startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return False


def read_csv(path: Path) -> Iterator[Ticket]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as fp:
            delimiter = _delimiter(fp.readline())
            fp.seek(0)
            reader = csv.DictReader(fp, delimiter=delimiter)
            found = resolve_columns(reader.fieldnames or [])
            if not _has_required(found):
                raise KbgenError(f"{path}: missing required column: {REQUIRED_NOTE}")
            while True:
                first_line = reader.line_num + 1  # a record may span lines: name where it starts
                row = next(reader, None)
                if row is None:
                    break
                yield _ticket(row, found, source=f"{path}:{first_line}")
    except UnicodeDecodeError as exc:
        raise KbgenError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except csv.Error as exc:
        raise KbgenError(f"{path}: unreadable CSV ({exc})") from None


def read_json(path: Path) -> Iterator[Ticket]:
    data = load_json(path)
    if not isinstance(data, list):
        raise KbgenError(f"{path}: expected a JSON list of ticket objects")
    for number, raw in enumerate(data, start=1):
        yield _object_ticket(raw, source=f"{path}:record {number}")


def read_jsonl(path: Path) -> Iterator[Ticket]:
    try:
        with open(path, encoding="utf-8-sig") as fp:
            for line_no, line in enumerate(fp, start=1):
                if not line.strip():
                    continue
                try:
                    raw = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise KbgenError(f"{path}:{line_no}: not valid JSON ({exc.msg})") from None
                yield _object_ticket(raw, source=f"{path}:{line_no}")
    except UnicodeDecodeError as exc:
        raise KbgenError(f"{path}: not UTF-8 text (byte {exc.start})") from None


def _object_ticket(raw: object, source: str) -> Ticket:
    if not isinstance(raw, dict):
        raise KbgenError(f"{source}: expected a ticket object")
    found = resolve_columns(list(raw))
    if not _has_required(found):
        raise KbgenError(f"{source}: missing required field: {REQUIRED_NOTE}")
    return _ticket(raw, found, source)


def _ticket(row: dict, found: dict[str, str], source: str) -> Ticket:
    def get(field_name: str) -> str:
        column = found.get(field_name)
        value = row.get(column) if column else None
        return "" if value is None else str(value).strip()

    if not get("id"):
        raise KbgenError(f"{source}: field '{found['id']}' is empty")
    times = {}
    for field_name in ("created_at", "first_response_at", "solved_at"):
        try:
            times[field_name] = parse_time(get(field_name))
        except ValueError as exc:
            raise KbgenError(f"{source}: field '{found[field_name]}': {exc}") from None
    messages = []
    if get("question"):
        messages.append(Message(CUSTOMER, get("question"), times["created_at"]))
    if get("resolution"):
        messages.append(Message(AGENT, get("resolution"), times["first_response_at"] or times["solved_at"]))
    reopens = get("reopens")
    return assemble_ticket(
        id=get("id"),
        subject=get("subject"),
        description=get("question"),
        messages=messages,
        source=source,
        first_response_at=times["first_response_at"],
        status=get("status").lower(),
        created_at=times["created_at"],
        solved_at=times["solved_at"],
        reopens=int(reopens) if reopens.isdigit() else 0,
        tags=tuple(t for t in re.split(r"[,;|\s]+", get("tags")) if t),
        language=get("language").split("-")[0].lower(),
        group=get("group"),
        channel=get("channel"),
        priority=get("priority"),
    )
