"""Messy export files read as they come from Excel and helpdesks; bad ones fail in one line."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from test_cli import run_main

from kbgen.errors import KbgenError
from kbgen.exports import ReadOptions, read_exports
from kbgen.files import detect_encoding

HEADER = ["ticket_id", "subject", "description", "status", "created_at"]
DUTCH = "Ik kan mijn factuur niet downloaden — wat nu? Prijs € 49,00, café."
POLISH = "Nie mogę się zalogować, hasło wygasło. Zażółć gęślą jaźń."
GERMAN = "Ich möchte mein Passwort zurücksetzen. Grüße aus Köln."


def write_table(path, rows, delimiter=",", encoding="utf-8", header=HEADER):
    lines = [delimiter.join(header)] + [delimiter.join(row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


@pytest.mark.parametrize(
    "encoding, text, expected",
    [
        ("utf-8", DUTCH, "utf-8"),
        ("utf-8-sig", DUTCH, "utf-8-sig"),
        ("utf-16", DUTCH, "utf-16"),  # Excel "Unicode text": UTF-16 with a byte-order mark
        ("cp1252", DUTCH, "cp1252"),
        ("cp1252", GERMAN, "cp1252"),
        ("iso8859_2", POLISH, "iso8859_2"),
    ],
)
def test_encodings_are_detected_and_text_survives(tmp_path, encoding, text, expected):
    path = write_table(tmp_path / "export.csv", [["1", "Question", f'"{text}"', "solved", "2026-08-01"]], encoding=encoding)
    assert detect_encoding(path) == expected
    [ticket] = read_exports([path]).tickets
    assert ticket.question == text


def test_excel_unicode_text_is_tab_separated_utf16(tmp_path):
    path = write_table(tmp_path / "export.txt", [["1", "Vraag", DUTCH, "Opgelost", "01-08-2026 10:00"]], delimiter="\t", encoding="utf-16")
    [ticket] = read_exports([path], fmt="csv").tickets
    assert ticket.question == DUTCH


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiters_and_quoted_newlines(tmp_path, delimiter):
    rows = [["1", '"Login, again"', '"First line\nsecond; line\twith tab"', "solved", "2026-08-01"]]
    [ticket] = read_exports([write_table(tmp_path / "t.csv", rows, delimiter=delimiter)]).tickets
    assert ticket.subject == "Login, again"
    assert ticket.question == "First line\nsecond; line with tab"


def test_a_wrong_encoding_given_by_hand_is_named(tmp_path):
    path = write_table(tmp_path / "t.csv", [["1", "Q", POLISH, "solved", "2026-08-01"]], encoding="utf-8")
    with pytest.raises(KbgenError, match=r"t\.csv: not valid ascii text .*--encoding"):
        read_exports([path], options=ReadOptions(encoding="ascii"))


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2026-08-01T10:00:00Z", datetime(2026, 8, 1, 10, tzinfo=timezone.utc)),
        ("2026-08-01T12:00:00+02:00", datetime(2026, 8, 1, 10, tzinfo=timezone.utc)),
        ("2026-08-01 12:00", datetime(2026, 8, 1, 10, tzinfo=timezone.utc)),  # Amsterdam local time
        ("01/08/2026 12:00", datetime(2026, 8, 1, 10, tzinfo=timezone.utc)),  # day first
        ("1.8.2026 12:00", datetime(2026, 8, 1, 10, tzinfo=timezone.utc)),
        ("01/Aug/26 12:00 PM", datetime(2026, 8, 1, 10, tzinfo=timezone.utc)),  # Jira
        ("Sat, 01 Aug 2026 10:00:00 +0000", datetime(2026, 8, 1, 10, tzinfo=timezone.utc)),  # e-mail
        ("2026-01-15 12:00", datetime(2026, 1, 15, 11, tzinfo=timezone.utc)),  # winter time: UTC+1
    ],
)
def test_mixed_date_formats_and_time_zones(tmp_path, value, expected):
    path = write_table(tmp_path / "t.csv", [["1", "Q", "q", "solved", f'"{value}"']])
    [ticket] = read_exports([path], options=ReadOptions(timezone="Europe/Amsterdam")).tickets
    assert ticket.created_at == expected
    assert ticket.created_at.utcoffset() is not None


def test_duplicate_ids_across_files_keep_the_newest_and_are_counted(tmp_path):
    old = write_table(tmp_path / "old.csv", [["7", "Old", "q", "open", "2026-08-01"], ["8", "Other", "q", "solved", "2026-08-01"]])
    header = [*HEADER, "resolved_at"]
    new = write_table(tmp_path / "new.csv", [["7", "New", "q", "solved", "2026-08-01", "2026-08-09"]], header=header)
    load = read_exports([old, new])
    assert sorted((t.id, t.subject) for t in load.tickets) == [("7", "New"), ("8", "Other")]
    assert load.duplicates == 1


def test_generic_conversation_column_drops_internal_messages(tmp_path):
    conversation = (
        '"[{""role"": ""customer"", ""text"": ""How do I export?"", ""at"": ""2026-08-01T09:00:00Z""},'
        ' {""role"": ""agent"", ""text"": ""INTERNAL-ONLY note"", ""internal"": true},'
        ' {""role"": ""agent"", ""text"": ""Use Export > CSV."", ""at"": ""2026-08-01T10:00:00Z""}]"'
    )
    path = write_table(tmp_path / "t.csv", [["1", "Export", "How do I export?", "solved", "2026-08-01T09:00:00Z", conversation]], header=[*HEADER, "conversation"])
    [ticket] = read_exports([path]).tickets
    assert [m.text for m in ticket.messages] == ["How do I export?", "Use Export > CSV."]
    assert ticket.resolution == "Use Export > CSV." and ticket.first_response_s == 3600


def test_map_names_columns_the_aliases_do_not_know(tmp_path):
    path = write_table(tmp_path / "t.csv", [["T-1", "Body text", "Login"]], header=["Ref", "Klantvraag", "Onderwerp"])
    [ticket] = read_exports([path], fmt="csv", options=ReadOptions(mapping={"id": "Ref", "question": "Klantvraag", "subject": "Onderwerp"})).tickets
    assert (ticket.id, ticket.question, ticket.subject) == ("T-1", "Body text", "Login")
    with pytest.raises(KbgenError, match=r"--map question=Body: no column 'Body'"):
        read_exports([path], fmt="csv", options=ReadOptions(mapping={"id": "Ref", "question": "Body"}))


# -- bad input: one line, exit 2, naming file, line and field -------------------------------


def bad_inputs(tmp_path):
    missing_column = write_table(tmp_path / "no_id.csv", [["Q", "q"]], header=["subject", "description"])
    bad_row = write_table(tmp_path / "bad_row.csv", [["1", "Q", "q", "solved", "2026-08-01"], ["2", "Q", "q", "solved", "someday"]])
    not_export = tmp_path / "photo.png"
    not_export.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    broken_json = tmp_path / "broken.jsonl"
    broken_json.write_text('{"id": 1, "subject": "a"}\n{"id": 2, "subject": \n', encoding="utf-8")
    return [
        ([str(missing_column), "--format", "csv"], f"Error: {missing_column}: missing required column: an id column"),
        ([str(bad_row)], f"Error: {bad_row}:3: field 'created_at': unreadable date 'someday'"),
        ([str(not_export)], f"Error: {not_export}: not a ticket export kbgen recognises"),
        ([str(broken_json)], f"Error: {broken_json}:2: not valid JSON"),
        ([str(tmp_path / "nowhere.csv")], f"Error: {tmp_path / 'nowhere.csv'}: no such file"),
        ([str(bad_row), "--timezone", "Mars/Base"], "Error: --timezone: unknown time zone 'Mars/Base'"),
        ([str(bad_row), "--map", "question"], "Error: Invalid value for '--map': 'question' is not FIELD=COLUMN"),
        ([str(bad_row), "--encoding", "klingon"], "Error: Invalid value for '--encoding': unknown encoding 'klingon'"),
    ]


def test_each_bad_input_is_one_error_line_and_exit_2(monkeypatch, capsys, tmp_path):
    for args, start in bad_inputs(tmp_path):
        code, out, err = run_main(monkeypatch, capsys, "draft", *args, "--content", str(tmp_path / "content"))
        assert code == 2, args
        assert err.startswith(start), (args, err)
        assert err.count("\n") == 1 and "Traceback" not in err


def test_skip_bad_rows_reads_the_rest_and_lists_what_was_skipped(monkeypatch, capsys, tmp_path):
    rows = [[str(i), "Invoice?", "Where is my invoice?", "solved", "2026-08-01"] for i in range(1, 4)]
    rows.insert(1, ["9", "Q", "q", "solved", "someday"])
    path = write_table(tmp_path / "t.csv", rows)
    code, out, err = run_main(monkeypatch, capsys, "draft", str(path), "--skip-bad-rows", "--content", str(tmp_path / "c"))
    assert code == 0, err
    assert "tickets read: 3 " in out
    assert f"skipped bad records: 1\n  {path}:3: field 'created_at': unreadable date 'someday'\n" in out


def test_reading_streams_without_keeping_records(tmp_path):
    """iter_exports yields one ticket at a time: the reader holds no list of records."""
    from kbgen.exports import iter_exports

    rows = [[str(i), "Q", "q", "solved", "2026-08-01"] for i in range(2000)]
    path = write_table(tmp_path / "t.csv", rows)
    stream = iter_exports([path])
    first = next(stream)
    assert first.id == "0"
    referrers = [r for r in __import__("gc").get_referrers(first) if isinstance(r, list)]
    assert not any(len(r) > 100 for r in referrers)
    assert sum(1 for _ in stream) == 1999

