"""The stored line: one JSON object per submission, as the collector appends it to its files.

This module owns the format both ways: ``encode`` is the collector's only writer and ``decode``
the report's only reader, so a field is added in one place. Format version 1::

    {"v": 1, "kind": "feedback", "received_at": "2026-10-31T12:00:00Z",
     "page": "/billing/invoice/", "lang": "en", "helpful": false, "comment": "...",
     "client": "<salted daily hash>", "submission": "<id the page made>"}

After ``received_at`` come the kind's fields (``KINDS``, in that order), then ``answers`` (a
survey's other scale questions) and ``opened`` (the result a search led to) when set, then
``client``, and last ``submission`` when set. Lines of another version or kind are not read.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

from kbgen.records import FeedbackRecord

VERSION = 1
# Kind of submission -> its fields, in stored order.
KINDS: dict[str, tuple[str, ...]] = {
    "feedback": ("page", "lang", "helpful", "comment"),
    "survey": ("page", "lang", "survey", "score", "comment", "ticket"),
    "search": ("page", "lang", "query", "results"),
}
_ZERO = timedelta(0)


def encode(record: FeedbackRecord) -> bytes:
    """The stored line of a record, newline included (times to the second, in UTC)."""
    data: dict[str, Any] = {
        "v": VERSION,
        "kind": record.kind,
        "received_at": record.received_at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    for name in KINDS[record.kind]:
        data[name] = getattr(record, name)
    if record.answers:
        data["answers"] = dict(record.answers)
    if record.opened:
        data["opened"] = record.opened
    data["client"] = record.client
    if record.submission:
        data["submission"] = record.submission
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def decode(data: Any) -> FeedbackRecord | None:
    """A FeedbackRecord from one decoded line, or None when it is not one kbgen can use."""
    # Written for speed: a million-line report runs this for every line.
    if type(data) is not dict or data.get("v", 1) != VERSION:
        return None
    kind = data.get("kind")
    if type(kind) is not str or kind not in KINDS:
        return None
    received_at = _timestamp(data.get("received_at"))
    if received_at is None:
        return None
    get = data.get
    page, lang, comment, survey, ticket, query, opened, client, submission = text = (
        get("page", ""), get("lang", ""), get("comment", ""), get("survey", ""), get("ticket", ""), get("query", ""),
        get("opened", ""), get("client", ""), get("submission", ""),
    )  # fmt: skip
    try:
        "".join(text)  # the quickest check that every one is a string
    except TypeError:
        return None
    helpful, score, results = data.get("helpful"), data.get("score"), data.get("results")
    if helpful is not None and type(helpful) is not bool:
        return None
    if (score is not None and not _is_int(score)) or (results is not None and not _is_int(results)):
        return None
    if (kind == "feedback" and helpful is None) or (kind == "survey" and (not survey or score is None)) or (kind == "search" and not query):
        return None
    answers = data.get("answers")
    if answers is not None:
        if type(answers) is not dict or not all(type(k) is str and _is_int(v) for k, v in answers.items()):
            return None
        answers = tuple(sorted(answers.items()))
    # Positional, in the record's field order: quicker than keywords (the round trip tests the order).
    return FeedbackRecord(
        kind, received_at, page, lang, helpful, comment, survey, score, answers or (), ticket, query, opened, results, client, submission
    )


def _timestamp(value: Any) -> datetime | None:
    if type(value) is not str:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        if not value.endswith(("Z", "z")):
            return None
        try:
            moment = datetime.fromisoformat(value[:-1] + "+00:00")  # Python 3.10 does not read "Z"
        except ValueError:
            return None
    zone = moment.tzinfo
    if zone is None:
        return None
    return moment if zone is timezone.utc or moment.utcoffset() == _ZERO else moment.astimezone(timezone.utc)


def _is_int(value: Any) -> bool:
    return type(value) is int  # JSON's integers; a bool is not one
