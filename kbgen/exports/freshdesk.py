"""Freshdesk exports: the ticket CSV export and API v2 ticket JSON with conversations.

``freshdesk-csv``: Tickets > Export as CSV, one row per ticket with columns such as
"Ticket ID", "Subject", "Description", "Status", "Priority", "Source", "Type", "Agent", "Group",
"Created time", "Resolved time", "Closed time", "Initial response time",
"Agent interactions", "Customer interactions", "Tags", "Survey results" and the requester's
"Full name" and "Email". Times are local times without offset, read in --timezone. There is no
conversation: the question is the description. The first response is "Initial response time"
(a moment; "First response time (in hrs)" counts business hours and is not used). Agent replies
are "Agent interactions"; "Customer interactions" counts the customer's first message too, so
customer replies are one less. The agent comes without an email address; the export has no
reopen count.

``freshdesk-json``: a JSON list of ticket objects as ``GET /api/v2/tickets/{id}`` returns them
with ``include=conversations,requester,stats``. The ticket's ``description`` is the customer's
first message; ``conversations`` follow, ``incoming: true`` from the customer, ``private: true``
being internal notes that are never read. Times come from ``stats`` (``first_responded_at``,
``resolved_at``, ``closed_at``; ``reopened_at`` counts as one reopen). The API gives only ids
for the group and agent: the group is left empty rather than filled with a number no reader
could use as a category, and people are the requester and the senders of incoming messages.
Satisfaction ratings live elsewhere in the API, so the JSON carries none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from email.utils import parseaddr
from typing import Any

from kbgen.errors import KbgenError
from kbgen.exports.assemble import assemble_ticket, normalize_priority, normalize_status, time_field
from kbgen.exports.files import ExportFile, ReadOptions
from kbgen.exports.vendor_csv import distinct_people, header_columns, read_rows, whole_number
from kbgen.records import AGENT, CUSTOMER, Message, Person, Ticket

# API codes -> the names Freshdesk shows (and writes in its CSV export).
STATUS_CODES = {2: "open", 3: "pending", 4: "resolved", 5: "closed"}
PRIORITY_CODES = {1: "low", 2: "medium", 3: "high", 4: "urgent"}
SOURCE_CODES = {1: "email", 2: "portal", 3: "phone", 7: "chat", 9: "feedback widget", 10: "outbound email"}
# Freshdesk source -> kbgen channel (Zendesk's words: a portal or widget form is "web").
_CHANNELS = {"portal": "web", "feedback widget": "web", "outbound email": "email"}
_CSV_REQUIRED = ("Ticket ID", "Subject")


def channel(source: str) -> str:
    name = source.strip().lower()
    return _CHANNELS.get(name, name)


def satisfaction(survey_result: str) -> str:
    """"good" or "bad" from a survey answer ("Awesome", "Extremely happy", "Not good", ...)."""
    text = survey_result.strip().lower()
    if re.search(r"unhappy|not good|dissatisfied|unsatisfied", text):
        return "bad"
    if re.search(r"awesome|happy|satisfied|good", text):
        return "good"
    return ""


# -- CSV export ----------------------------------------------------------------------------------


def sniff_csv(file: ExportFile, head: str) -> bool:
    return {"ticket id", "created time"} <= header_columns(file, head)


def records_csv(file: ExportFile) -> Iterator[tuple[str, dict[str, str]]]:
    return read_rows(file, _CSV_REQUIRED, "Freshdesk ticket export")


def ticket_csv(row: dict[str, str], where: str, options: ReadOptions) -> Ticket:
    def get(column: str) -> str:
        return row.get(column.lower(), "")

    if not get("Ticket ID"):
        raise KbgenError(f"{where}: field 'Ticket ID' is empty")
    zone = options.timezone
    customer_messages = whole_number(get("Customer interactions"), "Customer interactions", where)
    people = distinct_people([Person(get("Full name"), get("Email")), Person(get("Agent"))])
    return assemble_ticket(
        id=get("Ticket ID"),
        subject=get("Subject"),
        description=get("Description") or get("Subject"),
        messages=[],
        source=where,
        first_response_at=time_field(get("Initial response time"), "Initial response time", where, zone),
        agent_replies=whole_number(get("Agent interactions"), "Agent interactions", where),
        customer_replies=None if customer_messages is None else max(customer_messages - 1, 0),
        status=normalize_status(get("Status")),
        created_at=time_field(get("Created time"), "Created time", where, zone),
        solved_at=time_field(get("Resolved time"), "Resolved time", where, zone)
        or time_field(get("Closed time"), "Closed time", where, zone),
        channel=channel(get("Source")),
        group=get("Group"),
        tags=tuple(t.strip() for t in get("Tags").split(",") if t.strip()),
        priority=normalize_priority(get("Priority")),
        satisfaction=satisfaction(get("Survey results")),
        people=people,
    )


# -- API JSON ------------------------------------------------------------------------------------


def sniff_json(file: ExportFile, head: str) -> bool:
    return head.lstrip().startswith("[") and '"responder_id"' in head and any(
        key in head for key in ('"fr_due_by"', '"conversations"', '"description_text"')
    )


def records_json(file: ExportFile) -> Iterator[tuple[str, Any]]:
    data = file.load_json()
    if not isinstance(data, list):
        raise KbgenError(f"{file.path}: expected a JSON list of Freshdesk ticket objects")
    for number, raw in enumerate(data, start=1):
        yield f"{file.path}:ticket {number}", raw


def ticket_json(raw: Any, where: str, options: ReadOptions) -> Ticket:
    if not isinstance(raw, dict):
        raise KbgenError(f"{where}: expected a ticket object")
    if raw.get("id") in (None, ""):
        raise KbgenError(f"{where}: field 'id' is missing")
    zone = options.timezone
    created = time_field(raw.get("created_at"), "created_at", where, zone)
    conversations = raw.get("conversations") or []
    if not isinstance(conversations, list) or not all(isinstance(c, dict) for c in conversations):
        raise KbgenError(f"{where}: field 'conversations': expected a list of conversation objects")
    # Internal notes are for agents only: they never leave the reader.
    public = [c for c in conversations if c.get("private") in (False, None)]
    messages = [Message(CUSTOMER, _text(raw, "description"), created)] + [
        Message(
            CUSTOMER if c.get("incoming") is True else AGENT,
            _text(c, "body"),
            time_field(c.get("created_at"), "conversations.created_at", where, zone),
        )
        for c in public
    ]
    stats = _embedded(raw, "stats", where)
    requester = _embedded(raw, "requester", where)
    senders = [parseaddr(str(c.get("from_email") or "")) for c in public if c.get("incoming") is True]
    people = distinct_people(
        [Person(str(requester.get("name") or ""), str(requester.get("email") or "")), *(Person(n, a) for n, a in senders)]
    )
    return assemble_ticket(
        id=str(raw["id"]),
        subject=str(raw.get("subject") or ""),
        messages=messages,
        source=where,
        first_response_at=time_field(stats.get("first_responded_at"), "stats.first_responded_at", where, zone),
        status=normalize_status(_coded(raw, "status", STATUS_CODES, where)),
        created_at=created,
        solved_at=time_field(stats.get("resolved_at"), "stats.resolved_at", where, zone)
        or time_field(stats.get("closed_at"), "stats.closed_at", where, zone),
        reopens=1 if stats.get("reopened_at") else 0,
        channel=channel(_coded(raw, "source", SOURCE_CODES, where)),
        tags=tuple(str(t) for t in raw.get("tags") or ()),
        priority=normalize_priority(_coded(raw, "priority", PRIORITY_CODES, where)),
        people=people,
    )


def _embedded(raw: dict, field: str, where: str) -> dict:
    """An object the include parameter embeds; empty when the export was made without it."""
    value = raw.get(field) or {}
    if not isinstance(value, dict):
        raise KbgenError(f"{where}: field '{field}': expected an object")
    return value


def _text(item: dict, field: str) -> str:
    """The plain-text form the API gives next to the HTML one, else the HTML."""
    return str(item.get(f"{field}_text") or item.get(field) or "")


def _coded(raw: dict, field: str, names: dict[int, str], where: str) -> str:
    """The name of a numeric API code; custom codes (a custom status) stay as their number."""
    value = raw.get(field)
    if value in (None, ""):
        return ""
    if isinstance(value, bool) or not str(value).strip().isdigit():
        raise KbgenError(f"{where}: field '{field}': expected a Freshdesk code number, not '{value}'")
    return names.get(int(value), str(value).strip())
