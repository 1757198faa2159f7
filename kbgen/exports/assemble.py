"""Turn the pieces every reader finds into one normalized Ticket."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from kbgen.errors import KbgenError
from kbgen.exports.text import clean_message
from kbgen.records import AGENT, CUSTOMER, Message, Person, Ticket


def load_json(path: Path) -> object:
    """A whole JSON export file; KbgenError naming the file (and line) when it is not one."""
    try:
        with open(path, encoding="utf-8-sig") as fp:
            return json.load(fp)
    except UnicodeDecodeError as exc:
        raise KbgenError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise KbgenError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from None


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
    **fields,
) -> Ticket:
    """Clean each public message and derive question, resolution, replies and first response.

    ``messages`` must be public only and in time order; internal notes never reach here.
    """
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
        id=str(id),
        subject=clean_message(subject),
        question=question,
        messages=tuple(cleaned),
        resolution=_resolution(agent) if agent else fields.pop("resolution", ""),
        first_response_at=first_response_at,
        agent_replies=len(agent) if agent_replies is None else agent_replies,
        customer_replies=max(len(customer) - 1, 0) if customer_replies is None else customer_replies,
        people=people,
        source=source,
        **{k: v for k, v in fields.items() if k != "resolution"},
    )


def _resolution(agent: list[Message]) -> str:
    """The reply that solved the ticket: the agent's last substantial message.

    A closing "You're welcome!" after the customer's thanks is not the answer.
    """
    longest = max(len(m.text) for m in agent)
    return next(m.text for m in reversed(agent) if len(m.text) >= longest / 2)
