"""Reading the collector's JSON-lines files."""

from __future__ import annotations

import itertools
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from kbgen.errors import KbgenError
from kbgen.feedback.read import read_feedback


_CLIENTS = itertools.count()


def _line(**fields) -> str:
    """One stored record; each from its own client unless told (one client's repeats count once)."""
    record = {
        "v": 1,
        "kind": "feedback",
        "received_at": "2026-10-01T12:03:11Z",
        "page": "/a/",
        "lang": "en",
        "helpful": True,
        "comment": "",
        "client": f"{next(_CLIENTS):016x}",
    }
    record.update(fields)
    return json.dumps(record, ensure_ascii=False) + "\n"


def _write(path: Path, *lines: str) -> Path:
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_reads_every_kind_with_aware_utc_times(tmp_path):
    path = _write(
        tmp_path / "feedback-2026-10-01-h-1.jsonl",
        _line(helpful=False, comment="Where is the PDF?"),
        _line(kind="survey", received_at="2026-10-01T14:03:11+02:00", survey="nps", score=9, ticket="ZD-1"),
        _line(kind="search", query="refund", results=0),
    )
    load = read_feedback([str(path)])
    assert (load.files, load.skipped, load.torn, load.duplicates) == (1, 0, 0, 0)
    feedback, survey, search = load.records
    assert feedback.helpful is False and feedback.comment == "Where is the PDF?"
    assert survey.received_at == datetime(2026, 10, 1, 12, 3, 11, tzinfo=timezone.utc)
    assert (survey.survey, survey.score, survey.ticket) == ("nps", 9, "ZD-1")
    assert (search.query, search.results) == ("refund", 0)


def test_torn_last_line_is_counted_not_fatal(tmp_path):
    path = _write(tmp_path / "f.jsonl", _line(), _line(), _line()[:40])
    load = read_feedback([str(path)])
    assert len(load.records) == 2
    assert (load.torn, load.skipped) == (1, 0)


def test_torn_line_cut_inside_a_multibyte_character(tmp_path):
    path = tmp_path / "f.jsonl"
    second = _line(comment="café").encode()
    path.write_bytes(_line().encode() + second[: second.index("é".encode()) + 1])
    load = read_feedback([str(path)])
    assert (len(load.records), load.torn) == (1, 1)


def test_corrupt_and_unknown_lines_are_skipped_and_counted(tmp_path):
    path = _write(
        tmp_path / "f.jsonl",
        _line(),
        "{not json\n",
        _line(kind="reaction"),
        _line(v=2),
        _line(received_at="yesterday"),
        _line(received_at="2026-10-01T12:03:11"),  # no time zone: ambiguous
        _line(helpful="yes"),
        "\n",
        _line(),
    )
    load = read_feedback([str(path)])
    assert len(load.records) == 2
    assert (load.skipped, load.torn) == (6, 0)


def test_same_submission_twice_keeps_the_last(tmp_path):
    path = _write(
        tmp_path / "f.jsonl",
        _line(submission="s1", helpful=False, received_at="2026-10-01T12:00:00Z"),
        _line(submission="s2", helpful=True, received_at="2026-10-01T12:00:01Z"),
        _line(submission="s1", helpful=False, comment="Steps are outdated", received_at="2026-10-01T12:00:05Z"),
    )
    load = read_feedback([str(path)])
    assert load.duplicates == 1
    assert [(r.submission, r.comment) for r in load.records] == [("s2", ""), ("s1", "Steps are outdated")]


def test_latest_answer_wins_across_files_of_different_processes(tmp_path):
    later = _line(submission="s1", comment="later", received_at="2026-10-01T12:00:09Z")
    _write(tmp_path / "feedback-2026-10-01-a-1.jsonl", later)
    _write(tmp_path / "feedback-2026-10-01-b-2.jsonl", _line(submission="s1", received_at="2026-10-01T12:00:00Z"))
    load = read_feedback([str(tmp_path)])
    assert [r.comment for r in load.records] == ["later"]


def test_directory_and_glob_sources(tmp_path):
    _write(tmp_path / "feedback-2026-10-01-h-1.jsonl", _line())
    _write(tmp_path / "feedback-2026-10-02-h-1.jsonl", _line(), _line())
    _write(tmp_path / "notes.txt", "not feedback\n")
    assert (read_feedback([str(tmp_path)]).files, len(read_feedback([str(tmp_path)]).records)) == (2, 3)
    load = read_feedback([str(tmp_path / "feedback-2026-10-02-*.jsonl")])
    assert (load.files, len(load.records)) == (1, 2)
    # A file reached twice is read once.
    load = read_feedback([str(tmp_path), str(tmp_path / "*.jsonl")])
    assert (load.files, len(load.records)) == (2, 3)


@pytest.mark.parametrize("source", ["missing.jsonl", "missing-dir/*.jsonl"])
def test_missing_source_is_a_kbgen_error(tmp_path, source):
    with pytest.raises(KbgenError, match=r"no such file or directory"):
        read_feedback([str(tmp_path / source)])


def test_csv_passed_by_mistake_names_the_file_and_line(tmp_path):
    path = _write(tmp_path / "tickets.csv", "id,subject\n1,Invoice\n2,Refund\n")
    with pytest.raises(KbgenError, match=rf"^{path}:1: not a feedback file"):
        read_feedback([str(path)])


def test_binary_file_is_a_kbgen_error(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_bytes(b"\xff\xfe\x00binary\n\x89PNG\r\n\x1a\n")
    with pytest.raises(KbgenError, match=rf"^{path}:1: not a feedback file"):
        read_feedback([str(path)])


def test_empty_directory_gives_no_records(tmp_path):
    load = read_feedback([str(tmp_path)])
    assert (load.records, load.files) == ((), 0)


def test_an_answer_repeated_by_one_client_within_minutes_counts_once(tmp_path):
    same = {"client": "c1", "page": "/a/", "helpful": False}
    path = _write(
        tmp_path / "f.jsonl",
        _line(received_at="2026-10-01T12:00:00Z", **same),
        _line(received_at="2026-10-01T12:04:00Z", **same),  # a double click: counted once
        _line(received_at="2026-10-01T12:30:00Z", **same),  # later: a new vote
        _line(received_at="2026-10-01T12:05:00Z", client="c1", page="/a/", helpful=True),  # another answer
        _line(received_at="2026-10-01T12:05:00Z", client="c2", page="/a/", helpful=False),  # another client
    )
    load = read_feedback([str(path)])
    assert (len(load.records), load.repeats) == (4, 1)


def test_one_search_opening_two_results_is_two_answers_not_a_repeat(tmp_path):
    search = {"kind": "search", "client": "c1", "query": "vat invoice", "results": 4, "helpful": None}
    path = _write(
        tmp_path / "f.jsonl",
        _line(received_at="2026-10-01T12:00:00Z", opened="/billing/vat/", **search),
        _line(received_at="2026-10-01T12:02:00Z", opened="/billing/download-invoice/", **search),
    )
    load = read_feedback([str(path)])
    assert ([r.opened for r in load.records], load.repeats) == (["/billing/vat/", "/billing/download-invoice/"], 0)


def test_a_byte_order_mark_from_an_editor_is_not_damage(tmp_path):
    path = tmp_path / "f.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + _line().encode("utf-8"))
    load = read_feedback([str(path)])
    assert (len(load.records), load.skipped) == (1, 0)


def test_a_client_sending_hundreds_a_day_is_a_robot_and_dropped(tmp_path):
    start = datetime(2026, 10, 1, tzinfo=timezone.utc)
    robot = [
        _line(received_at=f"{start + timedelta(seconds=20 * n):%Y-%m-%dT%H:%M:%SZ}", client="bot", page=f"/p{n}/")
        for n in range(501)
    ]
    path = _write(tmp_path / "f.jsonl", *robot, _line(client="person"))
    load = read_feedback([str(path)])
    assert (len(load.records), load.bots) == (1, 501)
    assert load.records[0].client == "person"
