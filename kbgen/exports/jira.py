"""Jira Service Management issues: the CSV of "Export > CSV (all fields)" and the REST search JSON.

``jira-csv`` reads the all-fields CSV. Its header repeats names (one "Labels" column per label,
one "Comment" column per comment), so columns are taken by position. A comment cell is
``date;author;text`` (the text may hold more semicolons); dates are local times without offset,
read in ``--timezone``.

``jira-json`` reads the response of ``/rest/api/2/search`` (or ``/rest/api/3/search/jql``, whose
rich-text bodies are reduced to plain text): ``{"issues": [{"key", "fields": {...}}]}``, with
``expand=names`` for the Satisfaction field and ``expand=changelog`` for reopen counts.

Internal comments. JSM marks an internal comment only with the comment property
``sd.public.comment`` (``{"internal": true}``), which the REST API reports as ``jsdPublic: false``;
Jira also hides comments restricted to a role or group (``visibility``). The JSON reader reads a
comment only when none of the three says it is hidden from the customer. The CSV export writes
every comment the exporting user may see as ``date;author;text`` with no visibility at all, so an
internal note cannot be told from a reply. kbgen therefore reads from a Jira CSV only the
reporter's comments (in JSM the reporter is the customer, and customers cannot write internal
comments) and treats every other comment as internal: a CSV ticket carries the customer's side
of the conversation and the issue fields, never an agent's answer. Export with the REST API
(``jira-json``) to get the answers.

Roles: the reporter's comments are the customer's, everyone else's are agents'. Status: a set
Resolution means resolved, so an issue with one whose status is not already solved or closed
(a "Resolved" or "Done" status is solved, "Closed" is closed) counts as solved.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from kbgen.errors import KbgenError
from kbgen.exports.assemble import (
    assemble_ticket,
    normalize_priority,
    normalize_status,
    time_field,
)
from kbgen.exports.files import ExportFile, ReadOptions
from kbgen.exports.vendor_csv import header_columns
from kbgen.records import AGENT, CUSTOMER, Message, Person, Ticket

REQUIRED_COLUMNS = ("Issue key", "Summary")
_UNRESOLVED = {"", "unresolved", "none"}
_SOLVED = {"solved", "closed"}


def sniff_csv(file: ExportFile, head: str) -> bool:
    columns = header_columns(file, head)
    return all(name.lower() in columns for name in REQUIRED_COLUMNS)


def sniff_json(file: ExportFile, head: str) -> bool:
    start = head.lstrip()[:2000]
    return start.startswith("{") and '"issues"' in start and '"fields"' in head and '"key"' in head


def records_csv(file: ExportFile) -> Iterator[tuple[str, Any]]:
    rows = file.csv_rows()
    _, header = next(rows, ("", []))
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise KbgenError(
            f"{file.path}: missing required column {', '.join(repr(m) for m in missing)} "
            "(expected a Jira \"Export > CSV (all fields)\" file)"
        )
    # Jira repeats columns ("Comment", "Labels"): each name keeps every index it stands at.
    columns: dict[str, list[int]] = {}
    for index, name in enumerate(header):
        columns.setdefault(name.strip(), []).append(index)
    for where, row in rows:
        yield where, (row, columns)


def records_json(file: ExportFile) -> Iterator[tuple[str, Any]]:
    data = file.load_json()
    if not isinstance(data, dict) or not isinstance(data.get("issues"), list):
        raise KbgenError(f"{file.path}: expected an object with an \"issues\" list (Jira REST search response)")
    names = data.get("names") if isinstance(data.get("names"), dict) else {}
    for number, raw in enumerate(data["issues"], start=1):
        yield f"{file.path}:issue {number}", (raw, names)


def ticket_csv(record: tuple[list[str], dict[str, list[int]]], where: str, options: ReadOptions) -> Ticket:
    row, columns = record

    def every(name: str) -> list[str]:
        cells = (row[i].strip() for i in columns.get(name, ()) if i < len(row))
        return [cell for cell in cells if cell]

    def one(name: str) -> str:
        return next(iter(every(name)), "")

    key = one("Issue key")
    if not key:
        raise KbgenError(f"{where}: field 'Issue key' is empty")
    zone = options.timezone
    created_at = time_field(one("Created"), "Created", where, zone)
    reporter = {one("Reporter"), one("Reporter Id")} - {""}
    messages = [Message(CUSTOMER, one("Description"), created_at)] if one("Description") else []
    for cell in every("Comment"):
        at, author, text = _split_comment(cell, where)
        moment = time_field(at, "Comment", where, zone)
        # The CSV cannot tell an internal note from a reply: only the reporter's comments are read.
        if author in reporter:
            messages.append(Message(CUSTOMER, text, moment))
    people = {Person(name=one(column)) for column in ("Reporter", "Assignee", "Creator") if one(column)}
    return assemble_ticket(
        id=key,
        subject=one("Summary"),
        description=one("Description"),
        messages=messages,
        source=where,
        status=_status(one("Status"), one("Resolution")),
        created_at=created_at,
        solved_at=time_field(one("Resolved"), "Resolved", where, zone),
        group=one("Custom field (Request Type)") or one("Component/s"),
        tags=tuple(every("Labels")),
        priority=normalize_priority(one("Priority")),
        satisfaction=_satisfaction(one("Custom field (Satisfaction)")),
        people=tuple(sorted(people, key=lambda p: p.name)),
    )


def ticket_json(record: tuple[dict, dict[str, str]], where: str, options: ReadOptions) -> Ticket:
    raw, names = record
    if not isinstance(raw, dict) or not (raw.get("key") or raw.get("id")):
        raise KbgenError(f"{where}: field 'key' is missing")
    fields = raw.get("fields")
    if not isinstance(fields, dict):
        raise KbgenError(f"{where}: field 'fields' is missing")
    zone = options.timezone
    reporter = fields.get("reporter") if isinstance(fields.get("reporter"), dict) else {}
    created_at = time_field(fields.get("created"), "fields.created", where, zone)
    description = _text(fields.get("description"))
    comments = [c for c in (fields.get("comment") or {}).get("comments") or [] if isinstance(c, dict)]
    messages = [Message(CUSTOMER, description, created_at)] if description else []
    for comment in comments:
        at = time_field(comment.get("created"), "fields.comment.comments.created", where, zone)
        if _public(comment):
            role = CUSTOMER if _same_user(comment.get("author"), reporter) else AGENT
            messages.append(Message(role, _text(comment.get("body")), at))
    users = [reporter, fields.get("assignee"), *(c.get("author") for c in comments)]
    people = {Person(name=u.get("displayName") or "", email=u.get("emailAddress") or "") for u in users if isinstance(u, dict)}
    return assemble_ticket(
        id=str(raw.get("key") or raw.get("id")),
        subject=fields.get("summary") or "",
        description=description,
        messages=messages,
        source=where,
        status=_status(_name(fields.get("status")), _name(fields.get("resolution"))),
        created_at=created_at,
        solved_at=time_field(fields.get("resolutiondate"), "fields.resolutiondate", where, zone),
        reopens=_reopens(raw.get("changelog")),
        group=_request_type(fields) or next((_name(c) for c in fields.get("components") or []), ""),
        tags=tuple(fields.get("labels") or ()),
        priority=normalize_priority(_name(fields.get("priority"))),
        satisfaction=_satisfaction(_named_field(fields, names, "Satisfaction")),
        people=tuple(sorted((p for p in people if p.name or p.email), key=lambda p: (p.name, p.email))),
    )


def _split_comment(cell: str, where: str) -> tuple[str, str, str]:
    parts = cell.split(";", 2)
    if len(parts) < 3:
        # The cell itself is not shown: it holds a customer's words and an author's name.
        raise KbgenError(f"{where}: field 'Comment': expected 'date;author;text', got {len(parts) - 1} ';' in {len(cell)} characters")
    return parts[0].strip(), parts[1].strip(), parts[2]


def _status(status: str, resolution: str) -> str:
    word = normalize_status(status)
    if word not in _SOLVED and resolution.strip().lower() not in _UNRESOLVED:
        return "solved"
    return word


def _satisfaction(value: object) -> str:
    """JSM rates 1 to 5 stars: 4 and 5 are good, 1 and 2 bad, 3 neither."""
    if isinstance(value, dict):
        value = value.get("rating")
    stars = re.search(r"\b[1-5]\b", str(value or ""))
    if not stars:
        return ""
    return "good" if int(stars.group()) >= 4 else "bad" if int(stars.group()) <= 2 else ""


def _name(value: object) -> str:
    return str(value.get("name") or "") if isinstance(value, dict) else ""


def _public(comment: dict) -> bool:
    if comment.get("jsdPublic") is False or comment.get("visibility"):
        return False
    for prop in comment.get("properties") or []:
        if isinstance(prop, dict) and prop.get("key") == "sd.public.comment" and (prop.get("value") or {}).get("internal"):
            return False
    return True


def _same_user(author: object, reporter: dict) -> bool:
    if not isinstance(author, dict) or not reporter:
        return False
    for key in ("accountId", "key", "name", "emailAddress"):
        if author.get(key) and reporter.get(key):
            return author[key] == reporter[key]
    return False


def _request_type(fields: dict) -> str:
    """The JSM request type: the one field whose value holds a "requestType" (its id differs per site)."""
    for value in fields.values():
        if isinstance(value, dict) and isinstance(value.get("requestType"), dict):
            return str(value["requestType"].get("name") or "")
    return ""


def _named_field(fields: dict, names: dict[str, str], name: str) -> object:
    """A custom field's value by its display name, through the response's ``names`` (expand=names)."""
    return next((fields.get(field_id) for field_id, label in names.items() if label == name), None)


def _reopens(changelog: object) -> int:
    """Status changes from solved or closed back to open or pending (needs expand=changelog)."""
    if not isinstance(changelog, dict):
        return 0
    return sum(
        1
        for history in changelog.get("histories") or []
        for item in history.get("items") or []
        if item.get("field") == "status"
        and normalize_status(item.get("fromString")) in _SOLVED
        and normalize_status(item.get("toString")) in ("open", "pending")
    )


def _text(body: object) -> str:
    """A body as text: API v2 gives a string, API v3 an Atlassian Document Format tree."""
    if isinstance(body, dict):
        return _adf_text(body)
    return str(body or "")


_ADF_BLOCKS = {"paragraph", "heading", "blockquote", "codeBlock", "bulletList", "orderedList", "rule"}


def _adf_text(node: dict) -> str:
    kind = node.get("type")
    if kind == "text":
        return str(node.get("text") or "")
    if kind == "hardBreak":
        return "\n"
    inner = "".join(_adf_text(child) for child in node.get("content") or [] if isinstance(child, dict))
    if kind == "listItem":
        return f"- {inner.strip()}\n"
    return f"{inner}\n\n" if kind in _ADF_BLOCKS else inner
