"""Turn the pieces every reader finds into one normalized Ticket."""

from __future__ import annotations

import re
from datetime import datetime

from kbgen.errors import KbgenError
from kbgen.exports.text import clean_message
from kbgen.exports.times import parse_time
from kbgen.records import AGENT, CUSTOMER, Message, Person, Ticket

# Vendor status words -> kbgen's: open, pending, solved, closed. Unknown words pass lowercased.
STATUSES = {
    **dict.fromkeys(["new", "open", "active", "in progress", "waiting for support", "escalated", "reopened"], "open"),
    **dict.fromkeys(
        ["pending", "hold", "on hold", "on-hold", "waiting", "waiting for customer", "pending reminder", "pending close"],
        "pending",
    ),
    **dict.fromkeys(["solved", "resolved", "done", "fixed", "completed", "answered"], "solved"),
    **dict.fromkeys(["closed", "archived"], "closed"),
}


# Vendor priority words -> kbgen's: low, normal, high, urgent (Jira's old and new schemes
# included). Unknown words pass lowercased.
PRIORITIES = {
    **dict.fromkeys(["urgent", "highest", "blocker", "critical"], "urgent"),
    **dict.fromkeys(["high", "major"], "high"),
    **dict.fromkeys(["normal", "medium"], "normal"),
    **dict.fromkeys(["low", "lowest", "minor", "trivial"], "low"),
}


def normalize_priority(value: object) -> str:
    # Zammad writes "2 normal": the number is its own ordering.
    text = re.sub(r"^\d+\s+", "", str(value or "").strip().lower())
    return PRIORITIES.get(text, text)


def normalize_status(value: object) -> str:
    text = " ".join(str(value or "").lower().replace("_", " ").split())
    return STATUSES.get(text, text)


def time_field(value: object, field: str, where: str, zone: str) -> datetime | None:
    """parse_time for a named field; a bad value raises KbgenError naming record and field."""
    try:
        return parse_time(value, zone)
    except ValueError as exc:
        raise KbgenError(f"{where}: field '{field}': {exc}") from None


def assemble_ticket(
    *,
    id: str,
    subject: str,
    messages: list[Message],
    description: str = "",
    source: str = "",
    first_response_at: datetime | None = None,
    agent_replies: int | None = None,
    customer_replies: int | None = None,
    people: tuple[Person, ...] = (),
    resolution: str = "",
    **fields,
) -> Ticket:
    """Clean each public message and derive question, resolution, replies and first response.

    ``messages`` must be public only and in time order; internal notes never reach here.
    ``resolution`` is used when the export has no agent message.
    """
    if not str(id).strip():
        raise KbgenError(f"{source}: field 'id' is empty")
    cleaned = [Message(m.role, clean_message(m.text), m.at) for m in messages]
    cleaned = [m for m in cleaned if m.text]
    customer = [m for m in cleaned if m.role == CUSTOMER]
    agent = [m for m in cleaned if m.role == AGENT]
    question = customer[0].text if customer else clean_message(description)
    if not cleaned and question:
        cleaned = [Message(CUSTOMER, question, fields.get("created_at"))]
    if first_response_at is None and agent:
        first_response_at = agent[0].at
    return Ticket(
        id=str(id).strip(),
        subject=clean_message(subject),
        question=question,
        messages=tuple(cleaned),
        resolution=_resolution(agent) if agent else clean_message(resolution),
        first_response_at=first_response_at,
        agent_replies=len(agent) if agent_replies is None else agent_replies,
        customer_replies=max(len(customer) - 1, 0) if customer_replies is None else customer_replies,
        people=people,
        source=source,
        **fields,
    )


def _resolution(agent: list[Message]) -> str:
    """The reply that solved the ticket: the agent's last substantial message.

    A closing "You're welcome!" after the customer's thanks is not the answer.
    """
    longest = max(len(m.text) for m in agent)
    return next(m.text for m in reversed(agent) if len(m.text) >= longest / 2)
