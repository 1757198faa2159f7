"""Zendesk Support API ticket JSON: {"tickets": [...]} with comments, users and groups sideloaded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kbgen.errors import KbgenError
from kbgen.exports.assemble import assemble_ticket, load_json
from kbgen.exports.times import parse_time
from kbgen.records import AGENT, CUSTOMER, Message, Person, Ticket

_AGENT_ROLES = {"agent", "admin"}


def sniff_json(path: Path, head: str) -> bool:
    start = head.lstrip()[:2000]
    return start.startswith("{") and '"tickets"' in start and (
        '"comments"' in head or '"requester_id"' in head or '"via"' in head
    )


def read_json(path: Path) -> Iterator[Ticket]:
    data = load_json(path)
    if not isinstance(data, dict) or not isinstance(data.get("tickets"), list):
        raise KbgenError(f"{path}: expected an object with a \"tickets\" list (Zendesk API export)")
    users = {u.get("id"): u for u in data.get("users", []) if isinstance(u, dict)}
    groups = {g.get("id"): g.get("name", "") for g in data.get("groups", []) if isinstance(g, dict)}
    for number, raw in enumerate(data["tickets"], start=1):
        yield _ticket(raw, users, groups, source=f"{path}:ticket {number}")


def _ticket(raw: dict, users: dict, groups: dict, source: str) -> Ticket:
    if not isinstance(raw, dict) or raw.get("id") in (None, ""):
        raise KbgenError(f"{source}: field 'id' is missing")
    requester = raw.get("requester_id")

    def role(author_id) -> str:
        if author_id == requester:
            return CUSTOMER
        user = users.get(author_id) or {}
        return AGENT if user.get("role") in _AGENT_ROLES or not user else CUSTOMER

    try:
        messages = [
            Message(role(c.get("author_id")), c.get("body") or c.get("plain_body") or "", parse_time(c.get("created_at")))
            for c in raw.get("comments") or []
            # Internal notes are for agents only: they never leave the reader.
            if c.get("public", True) is not False
        ]
        created_at = parse_time(raw.get("created_at"))
        metrics = raw.get("metric_set") or {}
        solved_at = parse_time(metrics.get("solved_at"))
    except ValueError as exc:
        raise KbgenError(f"{source}: {exc}") from None
    people = tuple(
        Person(name=u.get("name", ""), email=u.get("email", ""))
        for uid in {requester, raw.get("assignee_id"), raw.get("submitter_id"), *(c.get("author_id") for c in raw.get("comments") or [])}
        if (u := users.get(uid))
    )
    rating = (raw.get("satisfaction_rating") or {}).get("score", "")
    return assemble_ticket(
        id=str(raw["id"]),
        subject=raw.get("subject") or raw.get("raw_subject") or "",
        description=raw.get("description") or "",
        messages=messages,
        source=source,
        status=str(raw.get("status") or "").lower(),
        created_at=created_at,
        solved_at=solved_at,
        reopens=int(metrics.get("reopens") or 0),
        channel=str((raw.get("via") or {}).get("channel") or ""),
        group=groups.get(raw.get("group_id"), ""),
        tags=tuple(raw.get("tags") or ()),
        priority=str(raw.get("priority") or ""),
        satisfaction=rating if rating in ("good", "bad") else "",
        language=_locale_language(users.get(requester, {}).get("locale", "")),
        people=people,
    )


def _locale_language(locale: str) -> str:
    return (locale or "").split("-")[0].lower()
