"""The stored line: what the collector writes is what the report reads, and nothing else is."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from kbgen.feedback.line import KINDS, decode, encode
from kbgen.records import FeedbackRecord

AT = datetime(2026, 10, 1, 12, 3, 11, tzinfo=timezone.utc)
RECORDS = [
    FeedbackRecord("feedback", AT, page="/a/", lang="nl", helpful=False, comment="Geen PDF", client="c1", submission="s-1"),
    FeedbackRecord("survey", AT, page="/survey/onboarding/", survey="onboarding", score=3, answers=(("ease", 4),), ticket="T-9", client="c2"),
    FeedbackRecord("search", AT, page="/", query="dark mode", results=0, client="c3"),
    FeedbackRecord("search", AT, page="/", query="invoice", results=4, opened="/billing/invoice/", client="c4"),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.kind)
def test_a_stored_record_reads_back_as_itself(record):
    assert decode(json.loads(encode(record))) == record


def test_the_line_holds_the_kinds_fields_in_order_and_the_optional_ones_only_when_set():
    feedback, survey, failed, opened = (json.loads(encode(r)) for r in RECORDS)
    assert list(feedback) == ["v", "kind", "received_at", *KINDS["feedback"], "client", "submission"]
    assert list(survey) == ["v", "kind", "received_at", *KINDS["survey"], "answers", "client"]
    assert list(failed) == ["v", "kind", "received_at", *KINDS["search"], "client"]
    assert opened["opened"] == "/billing/invoice/"
    assert (feedback["received_at"], survey["answers"]) == ("2026-10-01T12:03:11Z", {"ease": 4})
    assert encode(RECORDS[0]).endswith(b"\n") and encode(RECORDS[0]).count(b"\n") == 1


@pytest.mark.parametrize(
    "change",
    [{"v": 2}, {"kind": "rating"}, {"kind": ["feedback"]}, {"received_at": "2026-10-01T12:03:11"}, {"received_at": "soon"},
     {"received_at": 1764763391}, {"helpful": "yes"}, {"helpful": 1}, {"comment": 5}, {"client": None},
     {"answers": {"ease": "4"}}, {"answers": {"ease": True}}, {"answers": ["ease", 4]}, {"kind": "survey", "survey": "csat"},
     {"kind": "search", "query": "x", "results": "3"}],
    ids=["version", "kind", "kind-list", "naive-time", "not-a-time", "time-number", "helpful-text", "helpful-number",
         "comment-number", "client-null", "answer-text", "answer-bool", "answers-list", "survey-no-score", "results-text"],
)  # fmt: skip
def test_a_line_kbgen_cannot_use_is_not_read(change):
    line = json.loads(encode(RECORDS[0])) | change
    assert decode(line) is None


@pytest.mark.parametrize(
    "stamp", ["2026-10-01T12:03:11Z", "2026-10-01T12:03:11z", "2026-10-01T12:03:11+00:00", "2026-10-01T14:03:11+02:00"]
)
def test_a_time_with_any_zone_is_read_in_utc(stamp):
    record = decode(json.loads(encode(RECORDS[0])) | {"received_at": stamp})
    assert record.received_at == AT and record.received_at.utcoffset().total_seconds() == 0
