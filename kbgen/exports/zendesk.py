"""Zendesk Support API ticket JSON: {"tickets": [...]} with comments, users and groups sideloaded."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kbgen.errors import KbgenError
from kbgen.exports.assemble import assemble_ticket, normalize_status, time_field
from kbgen.exports.files import ExportFile, ReadOptions
from kbgen.records import AGENT, CUSTOMER, Message, Person, Ticket

_AGENT_ROLES = {"agent", "admin"}


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
    if not isinstance(raw, dict) or raw.get("id") in (None, ""):
        raise KbgenError(f"{where}: field 'id' is missing")
    requester = raw.get("requester_id")
    zone = options.timezone

    def role(author_id) -> str:
        if author_id == requester:
            return CUSTOMER
        user = users.get(author_id) or {}
        return AGENT if user.get("role") in _AGENT_ROLES or not user else CUSTOMER

    comments = raw.get("comments") or []
    messages = [
        Message(role(c.get("author_id")), c.get("body") or c.get("plain_body") or "", time_field(c.get("created_at"), "comments.created_at", where, zone))
        for c in comments
        # Internal notes are for agents only: they never leave the reader.
        if c.get("public", True) is not False
    ]
    metrics = raw.get("metric_set") or {}
    people = tuple(
        Person(name=u.get("name", ""), email=u.get("email", ""))
        for uid in {requester, raw.get("assignee_id"), raw.get("submitter_id"), *(c.get("author_id") for c in comments)}
        if (u := users.get(uid))
    )
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
        group=groups.get(raw.get("group_id"), ""),
        tags=tuple(raw.get("tags") or ()),
        priority=str(raw.get("priority") or ""),
        satisfaction=rating if rating in ("good", "bad") else "",
        language=(users.get(requester, {}).get("locale") or "").split("-")[0].lower(),
        people=people,
    )
