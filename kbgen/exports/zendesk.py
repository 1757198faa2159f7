"""Zendesk Support exports: API JSON, the newline-delimited JSON export and the CSV export.

``zendesk-json``: ``{"tickets": [...]}`` from the API, with comments embedded and users and
groups sideloaded; people, roles, group names and languages come from the sideloads.

``zendesk-jsonl``: the newline-delimited JSON of a full account export or of an incremental
export written one ticket per line: API ticket objects with their ``comments`` (and
``metric_set`` when included) embedded, but no users or groups. So, from the documented fields:
  - a comment is the customer's when its ``author_id`` is the ticket's ``requester_id`` and an
    agent's otherwise (a CC'd end user who writes in counts as an agent);
  - people are the senders in ``via.source.from`` (``name``, ``address``) of the ticket and of
    its public comments, which Zendesk fills for messages that came by email; someone who only
    used the web form or the agent interface stays unnamed;
  - the group is left empty: a ``group_id`` is no category a reader can use, and the language
    is unknown.
The file is read one line at a time.

``zendesk-csv``: the CSV of Reports > Export or of a view export: one row per ticket with
columns such as "Id", "Requester", "Requester email", "Assignee", "Group", "Subject", "Tags",
"Status", "Priority", "Via", "Created at", "Solved at", "Reopens", "Replies",
"First reply time in minutes" and "Satisfaction Score". It has no comments: the question is the
"Description" column when a view adds it, else the subject; the first response is "Created at"
plus "First reply time in minutes"; agent replies are "Replies". The assignee comes without an
email address.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

from kbgen.errors import KbgenError
from kbgen.exports.assemble import assemble_ticket, normalize_priority, normalize_status, time_field
from kbgen.exports.files import ExportFile, ReadOptions, parse_json_line
from kbgen.exports.vendor_csv import distinct_people, header_columns, minutes, read_rows, whole_number
from kbgen.records import AGENT, CUSTOMER, Message, Person, Ticket

_AGENT_ROLES = {"agent", "admin"}
# "Via" in the CSV export names how the ticket was created; kbgen uses the API's channel names.
_VIA_CHANNELS = {"mail": "email", "web form": "web", "feedback tab": "web", "web service (api)": "api"}
_CSV_REQUIRED = ("Id", "Subject")


# -- API JSON ------------------------------------------------------------------------------------


def sniff_json(file: ExportFile, head: str) -> bool:
    start = head.lstrip()[:2000]
    return start.startswith("{") and '"tickets"' in start and (
        '"comments"' in head or '"requester_id"' in head or '"via"' in head
    )


def records_json(file: ExportFile) -> Iterator[tuple[str, Any]]:
    data = file.load_json()
    if not isinstance(data, dict) or not isinstance(data.get("tickets"), list):
        raise KbgenError(f"{file.path}: expected an object with a \"tickets\" list (Zendesk API export)")
    users = {u.get("id"): u for u in data.get("users", []) if isinstance(u, dict)}
    groups = {g.get("id"): g.get("name", "") for g in data.get("groups", []) if isinstance(g, dict)}
    for number, raw in enumerate(data["tickets"], start=1):
        yield f"{file.path}:ticket {number}", (raw, users, groups)


def ticket(record: tuple[dict, dict, dict], where: str, options: ReadOptions) -> Ticket:
    raw, users, groups = record
    _check_id(raw, where)
    requester = raw.get("requester_id")

    def role(author_id) -> str:
        if author_id == requester:
            return CUSTOMER
        user = users.get(author_id) or {}
        return AGENT if user.get("role") in _AGENT_ROLES or not user else CUSTOMER

    comments = _comments(raw, where)
    people = tuple(
        Person(name=u.get("name", ""), email=u.get("email", ""))
        for uid in {requester, raw.get("assignee_id"), raw.get("submitter_id"), *(c.get("author_id") for c in comments)}
        if (u := users.get(uid))
    )
    return _api_ticket(
        raw, where, options, role,
        people=people,
        group=groups.get(raw.get("group_id"), ""),
        language=(users.get(requester, {}).get("locale") or "").split("-")[0].lower(),
    )


# -- newline-delimited JSON ----------------------------------------------------------------------


def sniff_jsonl(file: ExportFile, head: str) -> bool:
    # The first line may be cut off by the head: look for ticket keys rather than parse it.
    first = head.lstrip().split("\n", 1)[0]
    return (
        first.startswith("{")
        and not re.match(r'\{\s*"tickets"\s*:', first)
        and all(key in first for key in ('"requester_id"', '"via"', '"status"'))
    )


def ticket_from_line(line: str, where: str, options: ReadOptions) -> Ticket:
    raw = parse_json_line(line, where)
    _check_id(raw, where)
    requester = raw.get("requester_id")
    senders = [_sender(raw.get("via")), *(_sender(c.get("via")) for c in _comments(raw, where) if _is_public(c))]
    return _api_ticket(
        raw, where, options,
        lambda author_id: CUSTOMER if author_id == requester else AGENT,
        people=distinct_people(p for p in senders if p),
        group="",
        language="",
    )


def _sender(via: object) -> Person | None:
    """Who sent a message that came by email, from its via object."""
    source = via.get("source") if isinstance(via, dict) else None
    sender = source.get("from") if isinstance(source, dict) else None
    if not isinstance(sender, dict) or not (sender.get("address") or sender.get("name")):
        return None
    return Person(name=str(sender.get("name") or ""), email=str(sender.get("address") or ""))


# -- shared by both JSON forms -------------------------------------------------------------------


def _check_id(raw: object, where: str) -> None:
    if not isinstance(raw, dict):
        raise KbgenError(f"{where}: expected a ticket object")
    if raw.get("id") in (None, ""):
        raise KbgenError(f"{where}: field 'id' is missing")


def _comments(raw: dict, where: str) -> list[dict]:
    comments = raw.get("comments") or []
    if not isinstance(comments, list) or not all(isinstance(c, dict) for c in comments):
        raise KbgenError(f"{where}: field 'comments': expected a list of comment objects")
    return comments


def _is_public(comment: dict) -> bool:
    return comment.get("public", True) is not False


def _api_ticket(
    raw: dict, where: str, options: ReadOptions, role: Callable[[Any], str], *,
    people: tuple[Person, ...], group: str, language: str,
) -> Ticket:
    zone = options.timezone
    messages = [
        Message(role(c.get("author_id")), c.get("body") or c.get("plain_body") or "", time_field(c.get("created_at"), "comments.created_at", where, zone))
        for c in _comments(raw, where)
        # Internal notes are for agents only: they never leave the reader.
        if _is_public(c)
    ]
    metrics = raw.get("metric_set") or {}
    rating = (raw.get("satisfaction_rating") or {}).get("score", "")
    return assemble_ticket(
        id=str(raw["id"]),
        subject=raw.get("subject") or raw.get("raw_subject") or "",
        description=raw.get("description") or "",
        messages=messages,
        source=where,
        status=normalize_status(raw.get("status")),
        created_at=time_field(raw.get("created_at"), "created_at", where, zone),
        solved_at=time_field(metrics.get("solved_at"), "metric_set.solved_at", where, zone),
        reopens=int(metrics.get("reopens") or 0),
        channel=str((raw.get("via") or {}).get("channel") or ""),
        group=group,
        tags=tuple(raw.get("tags") or ()),
        priority=normalize_priority(raw.get("priority")),
        satisfaction=rating if rating in ("good", "bad") else "",
        language=language,
        people=people,
    )


# -- CSV export ----------------------------------------------------------------------------------


def sniff_csv(file: ExportFile, head: str) -> bool:
    return {"id", "requester", "created at"} <= header_columns(file, head)


def records_csv(file: ExportFile) -> Iterator[tuple[str, dict[str, str]]]:
    return read_rows(file, _CSV_REQUIRED, "Zendesk CSV export")


def ticket_csv(row: dict[str, str], where: str, options: ReadOptions) -> Ticket:
    def get(column: str) -> str:
        return row.get(column.lower(), "")

    if not get("Id"):
        raise KbgenError(f"{where}: field 'Id' is empty")
    zone = options.timezone
    created = time_field(get("Created at"), "Created at", where, zone)
    reply_minutes = minutes(get("First reply time in minutes"), "First reply time in minutes", where)
    people = distinct_people(
        [Person(get("Requester"), get("Requester email")), Person(get("Assignee")), Person(get("Submitter"))]
    )
    score = get("Satisfaction Score").lower()
    via = get("Via").lower()
    return assemble_ticket(
        id=get("Id"),
        subject=get("Subject"),
        description=get("Description") or get("Subject"),
        messages=[],
        source=where,
        first_response_at=created + timedelta(minutes=reply_minutes) if created and reply_minutes is not None else None,
        agent_replies=whole_number(get("Replies"), "Replies", where),
        status=normalize_status(get("Status")),
        created_at=created,
        solved_at=time_field(get("Solved at"), "Solved at", where, zone),
        reopens=whole_number(get("Reopens"), "Reopens", where) or 0,
        channel=_VIA_CHANNELS.get(via, via),
        group=get("Group"),
        tags=tuple(t for t in re.split(r"[\s,]+", get("Tags")) if t),
        priority=normalize_priority(get("Priority")),
        satisfaction=next((s for s in ("good", "bad") if score.startswith(s)), ""),
        people=people,
    )
