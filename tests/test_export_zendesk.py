"""Zendesk exports read into the three tickets of export_cases."""

import csv
import json

import pytest
from conftest import REPO
from export_cases import INTERNAL_MARKER, expected, normalized

from kbgen.errors import KbgenError
from kbgen.exports import FORMATS, detect_format, iter_exports, read_exports
from kbgen.exports.files import ExportFile

FIXTURES = REPO / "tests" / "fixtures"
ALL_FIELDS = {
    "subject", "question", "conversation", "resolution", "status", "created_at", "first_response_at",
    "solved_at", "reopens", "agent_replies", "customer_replies", "group", "tags", "priority", "channel",
    "satisfaction", "people",
}
# A CSV export has no comments: no conversation, question, resolution or customer replies, and
# its assignee comes without an email address.
CSV_FIELDS = {
    "subject", "status", "created_at", "first_response_at", "solved_at", "reopens", "agent_replies",
    "group", "tags", "priority", "channel", "satisfaction",
}
OWN_FIXTURE = {"zendesk-json": "zendesk_api.json", "zendesk-jsonl": "zendesk_full.jsonl", "zendesk-csv": "zendesk_view.csv"}


@pytest.mark.parametrize(
    "fixture, fmt, fields, ids",
    [
        ("zendesk_api.json", "zendesk-json", ALL_FIELDS, ["1001", "1002", "1003"]),
        # No groups in the file, only group ids: the group is left empty.
        ("zendesk_full.jsonl", "zendesk-jsonl", ALL_FIELDS - {"group"}, ["1001", "1002", "1003"]),
        ("zendesk_view.csv", "zendesk-csv", CSV_FIELDS, ["1001", "1002", "1003"]),
    ],
)
def test_fixture_reads_into_the_normalized_tickets(fixture, fmt, fields, ids):
    path = FIXTURES / fixture
    assert detect_format(ExportFile(path)).name == fmt
    tickets = read_exports([path]).tickets
    assert [t.id for t in tickets] == ids
    for index, ticket in enumerate(tickets):
        assert normalized(ticket, fields) == expected(index, fields)
        assert all(INTERNAL_MARKER not in m.text for m in ticket.messages)


def generic_exports(tmp_path):
    """The generic files of test_exports, and a one-line API export, that no vendor reader may claim."""
    listing = tmp_path / "list.json"
    listing.write_text('[{"id": 1, "subject": "a"}]', encoding="utf-8")
    lines = tmp_path / "t.jsonl"
    lines.write_text('{"ticket_id": 1, "subject": "a", "status": "open"}\n', encoding="utf-8")
    table = tmp_path / "t.csv"
    table.write_text("Ticket ID;Subject;Description\n1;a;b\n", encoding="utf-8")
    dated = tmp_path / "dated.csv"
    dated.write_text("id,subject,created_at,requester\n1,a,2026-08-01,Anna\n", encoding="utf-8")
    api = tmp_path / "api.json"
    api.write_text('{"tickets": [{"id": 1, "requester_id": 5, "via": {"channel": "web"}, "status": "open"}]}', encoding="utf-8")
    return [listing, lines, table, dated, api]


@pytest.mark.parametrize("fmt", ["zendesk-jsonl", "zendesk-csv"])
def test_sniffers_claim_only_their_own_fixture(tmp_path, fmt):
    for path in [*sorted(FIXTURES.iterdir()), *generic_exports(tmp_path)]:
        file = ExportFile(path)
        assert FORMATS[fmt].sniff(file, file.head()) == (path.name == OWN_FIXTURE[fmt]), path.name


def test_full_export_has_no_group_or_language_without_sideloads():
    tickets = read_exports([FIXTURES / "zendesk_full.jsonl"]).tickets
    assert [t.group for t in tickets] == ["", "", ""]
    assert [t.language for t in tickets] == ["", "", ""]


def test_full_export_streams_and_names_the_line_of_a_bad_record(tmp_path):
    lines = (FIXTURES / "zendesk_full.jsonl").read_text(encoding="utf-8").splitlines()
    second = json.loads(lines[1])
    second["created_at"] = "yesterday"
    path = tmp_path / "full.jsonl"
    path.write_text("\n".join([lines[0], json.dumps(second), lines[2]]) + "\n", encoding="utf-8")
    stream = iter_exports([path])
    assert next(stream).id == "1001"  # read before the bad line is reached
    with pytest.raises(KbgenError, match=r"full\.jsonl:2: field 'created_at': unreadable date 'yesterday'"):
        next(stream)


def test_full_export_line_without_id_is_named(tmp_path):
    path = tmp_path / "full.jsonl"
    path.write_text('{"subject": "a", "requester_id": 1, "via": {}, "status": "open", "comments": []}\n', encoding="utf-8")
    with pytest.raises(KbgenError, match=r"full\.jsonl:1: field 'id' is missing"):
        read_exports([path])


def rewrite_csv(source, target, change=lambda rows: None, drop=None, rename=None):
    """Copy a CSV fixture with rows changed, a column dropped or columns renamed."""
    with open(source, encoding="utf-8", newline="") as fp:
        rows = list(csv.DictReader(fp))
    change(rows)
    columns = [c for c in rows[0] if c != drop]
    with open(target, "w", encoding="utf-8", newline="") as fp:
        writer = csv.writer(fp)
        writer.writerow([(rename or {}).get(c, c) for c in columns])
        writer.writerows([[row[c] for c in columns] for row in rows])
    return target


def test_view_export_asks_the_subject_and_names_requester_and_assignee():
    first, _, third = read_exports([FIXTURES / "zendesk_view.csv"]).tickets
    assert first.question == "Password reset link expired"
    assert [(m.role, m.text) for m in first.messages] == [("customer", "Password reset link expired")]
    assert {(p.name, p.email) for p in first.people} == {("Anna de Vries", "anna.devries@example.nl"), ("Sam Carter", "")}
    assert {(p.name, p.email) for p in third.people} == {("Erik Lindqvist", "erik@example.se")}


def test_view_export_with_a_description_column_asks_the_description(tmp_path):
    def describe(rows):
        for row in rows:
            row["Description"] = f"About {row['Subject'].lower()}: please help."

    path = rewrite_csv(FIXTURES / "zendesk_view.csv", tmp_path / "view.csv", describe)
    assert read_exports([path]).tickets[0].question == "About password reset link expired: please help."


def test_view_export_bad_date_and_bad_count_name_line_and_column(tmp_path):
    def bad_date(rows):
        rows[1]["Created at"] = "yesterday"

    def bad_count(rows):
        rows[2]["Reopens"] = "twice"

    path = rewrite_csv(FIXTURES / "zendesk_view.csv", tmp_path / "view.csv", bad_date)
    with pytest.raises(KbgenError, match=r"view\.csv:3: field 'Created at': unreadable date 'yesterday'"):
        read_exports([path])
    path = rewrite_csv(FIXTURES / "zendesk_view.csv", tmp_path / "view.csv", bad_count)
    with pytest.raises(KbgenError, match=r"view\.csv:4: field 'Reopens': not a whole number 'twice'"):
        read_exports([path])


def test_view_export_without_subject_column_is_one_line_naming_file_and_column(tmp_path):
    path = rewrite_csv(FIXTURES / "zendesk_view.csv", tmp_path / "view.csv", drop="Subject")
    assert detect_format(ExportFile(path)).name == "zendesk-csv"
    with pytest.raises(KbgenError) as error:
        read_exports([path])
    assert str(error.value) == f"{path}: missing column 'Subject' that every Zendesk CSV export has"
