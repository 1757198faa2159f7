"""The three tickets every export fixture in tests/fixtures/ carries, and what kbgen must read.

Each vendor fixture writes these same conversations in its own format, so every reader can be
checked against one normalized truth. A format that lacks a piece (a CSV without comments, an
export without reopen counts) lists the fields it carries in its test; only those are compared.

Times are UTC. A fixture whose format writes local times without offset uses Europe/Amsterdam
(UTC+2 in August) and is read with timezone="Europe/Amsterdam".

Ticket 1, "Password reset link expired" (solved):
  customer  2026-08-03 09:00  "Hi, the password reset link says it has expired. How do I get a new one?"
  note      2026-08-03 09:30  "INTERNAL-ONLY customer is on the legacy plan"      (internal: never read)
  agent     2026-08-03 10:00  reply with two steps (REPLY_1 below), signed "Best regards,\nSam Carter"
  customer  2026-08-03 10:30  "That worked, thanks!" followed by quoted history of the agent's reply
  solved    2026-08-03 11:00, group Account, tags password + login, priority normal, channel email,
            requester Anna de Vries <anna.devries@example.nl>, agent Sam Carter <sam.carter@tasklane.example>

Ticket 2, "Invoice for July" (closed, reopened once, satisfaction good):
  customer  2026-08-04 08:00  HTML body "<p>Where can I download the invoice for <b>July</b>?</p>"
  agent     2026-08-04 09:00  "Go to Settings > Billing > Invoices and click Download PDF."
  customer  2026-08-05 08:00  "I can't find it."
  note      2026-08-05 08:15  "INTERNAL-ONLY check billing migration"              (internal: never read)
  agent     2026-08-05 09:00  REPLY_2 below
  solved    2026-08-05 10:00, group Billing, tags billing + invoice, priority high, channel web,
            requester Pieter Jansen <pieter@example.com>, agent Sam Carter

Ticket 3, "App crashes on start" (open, no agent answer yet):
  customer  2026-08-06 12:00  "The iOS app crashes as soon as I open it."
  group Mobile app, priority urgent, channel email, requester Erik Lindqvist <erik@example.se>
"""

from __future__ import annotations

from datetime import datetime, timezone

from kbgen.records import AGENT, CUSTOMER, Ticket

INTERNAL_MARKER = "INTERNAL-ONLY"

QUESTION_1 = "Hi, the password reset link says it has expired. How do I get a new one?"
REPLY_1 = "Hi Anna,\n\nReset links work for 30 minutes. Request a new one:\n1. Go to the sign-in page\n2. Click Forgot password?"
QUESTION_2 = "Where can I download the invoice for July?"
FIRST_REPLY_2 = "Go to Settings > Billing > Invoices and click Download PDF."
REPLY_2 = "It's under Billing now: Settings > Billing > Invoices. Click Download PDF next to July."
QUESTION_3 = "The iOS app crashes as soon as I open it."


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 8, day, hour, minute, tzinfo=timezone.utc)


# What every reader must produce for the fields its format carries. Ticket ids differ per
# vendor (Jira keys, Zammad numbers) and are compared through ID_FIELDS in each test.
EXPECTED: list[dict] = [
    {
        "subject": "Password reset link expired",
        "question": QUESTION_1,
        "conversation": [
            (CUSTOMER, QUESTION_1, utc(3, 9)),
            (AGENT, REPLY_1, utc(3, 10)),
            (CUSTOMER, "That worked, thanks!", utc(3, 10, 30)),
        ],
        "resolution": REPLY_1,
        "status": "solved",
        "created_at": utc(3, 9),
        "first_response_at": utc(3, 10),
        "solved_at": utc(3, 11),
        "reopens": 0,
        "agent_replies": 1,
        "customer_replies": 1,
        "group": "Account",
        "tags": ("password", "login"),
        "priority": "normal",
        "channel": "email",
        "people": {("Anna de Vries", "anna.devries@example.nl"), ("Sam Carter", "sam.carter@tasklane.example")},
    },
    {
        "subject": "Invoice for July",
        "question": QUESTION_2,
        "conversation": [
            (CUSTOMER, QUESTION_2, utc(4, 8)),
            (AGENT, FIRST_REPLY_2, utc(4, 9)),
            (CUSTOMER, "I can't find it.", utc(5, 8)),
            (AGENT, REPLY_2, utc(5, 9)),
        ],
        "resolution": REPLY_2,
        "status": "closed",
        "created_at": utc(4, 8),
        "first_response_at": utc(4, 9),
        "solved_at": utc(5, 10),
        "reopens": 1,
        "agent_replies": 2,
        "customer_replies": 1,
        "group": "Billing",
        "tags": ("billing", "invoice"),
        "priority": "high",
        "channel": "web",
        "satisfaction": "good",
        "people": {("Pieter Jansen", "pieter@example.com"), ("Sam Carter", "sam.carter@tasklane.example")},
    },
    {
        "subject": "App crashes on start",
        "question": QUESTION_3,
        "conversation": [(CUSTOMER, QUESTION_3, utc(6, 12))],
        "resolution": "",
        "status": "open",
        "created_at": utc(6, 12),
        "first_response_at": None,
        "solved_at": None,
        "reopens": 0,
        "agent_replies": 0,
        "customer_replies": 0,
        "group": "Mobile app",
        "tags": (),
        "priority": "urgent",
        "channel": "email",
        "people": {("Erik Lindqvist", "erik@example.se")},
    },
]


def normalized(ticket: Ticket, fields: set[str]) -> dict:
    """The ticket's values for the compared fields, shaped like EXPECTED."""
    values = {
        "subject": ticket.subject,
        "question": ticket.question,
        "conversation": [(m.role, m.text, m.at) for m in ticket.messages],
        "resolution": ticket.resolution,
        "status": ticket.status,
        "created_at": ticket.created_at,
        "first_response_at": ticket.first_response_at,
        "solved_at": ticket.solved_at,
        "reopens": ticket.reopens,
        "agent_replies": ticket.agent_replies,
        "customer_replies": ticket.customer_replies,
        "group": ticket.group,
        "tags": tuple(ticket.tags),
        "priority": ticket.priority,
        "channel": ticket.channel,
        "satisfaction": ticket.satisfaction,
        "people": {(p.name, p.email) for p in ticket.people},
    }
    return {k: v for k, v in values.items() if k in fields}


def expected(index: int, fields: set[str]) -> dict:
    case = {"satisfaction": "", **EXPECTED[index]}
    return {k: v for k, v in case.items() if k in fields}
