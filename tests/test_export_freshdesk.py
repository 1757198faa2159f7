"""Freshdesk exports read into the three tickets of export_cases."""

import json

import pytest
from export_cases import INTERNAL_MARKER, expected, normalized, utc
from test_export_zendesk import ALL_FIELDS, FIXTURES, generic_exports, rewrite_csv

from kbgen.errors import KbgenError
from kbgen.exports import FORMATS, ReadOptions, detect_format, read_exports
from kbgen.exports.files import ExportFile

AMSTERDAM = ReadOptions(timezone="Europe/Amsterdam")
# The CSV has no conversation and no reopen count; its agent comes without an email address.
# Freshdesk's "Medium" is kbgen's "normal".
CSV_FIELDS = {
    "subject", "question", "status", "created_at", "first_response_at", "solved_at", "agent_replies",
    "customer_replies", "group", "tags", "channel", "satisfaction", "priority",
}
# The API gives group and agent ids only and keeps satisfaction ratings elsewhere.
JSON_FIELDS = ALL_FIELDS - {"group", "satisfaction", "people"}
OWN_FIXTURE = {"freshdesk-csv": "freshdesk_export.csv", "freshdesk-json": "freshdesk_api.json"}


@pytest.mark.parametrize(
    "fixture, fmt, fields",
    [("freshdesk_export.csv", "freshdesk-csv", CSV_FIELDS), ("freshdesk_api.json", "freshdesk-json", JSON_FIELDS)],
)
def test_fixture_reads_into_the_normalized_tickets(fixture, fmt, fields):
    path = FIXTURES / fixture
    assert detect_format(ExportFile(path)).name == fmt
    tickets = read_exports([path], options=AMSTERDAM).tickets
    assert [t.id for t in tickets] == ["41", "42", "43"]
    for index, ticket in enumerate(tickets):
        assert normalized(ticket, fields) == expected(index, fields)
        assert all(INTERNAL_MARKER not in m.text for m in ticket.messages)


@pytest.mark.parametrize("fmt", ["freshdesk-csv", "freshdesk-json"])
def test_sniffers_claim_only_their_own_fixture(tmp_path, fmt):
    for path in [*sorted(FIXTURES.iterdir()), *generic_exports(tmp_path)]:
        file = ExportFile(path)
        assert FORMATS[fmt].sniff(file, file.head()) == (path.name == OWN_FIXTURE[fmt]), path.name


def test_csv_times_are_local_times_in_the_given_zone():
    first = read_exports([FIXTURES / "freshdesk_export.csv"]).tickets[0]
    assert first.created_at == utc(3, 11)  # read as UTC without --timezone
    first = read_exports([FIXTURES / "freshdesk_export.csv"], options=AMSTERDAM).tickets[0]
    assert first.created_at == utc(3, 9)


def test_csv_names_requester_and_agent():
    first, _, third = read_exports([FIXTURES / "freshdesk_export.csv"], options=AMSTERDAM).tickets
    assert {(p.name, p.email) for p in first.people} == {("Anna de Vries", "anna.devries@example.nl"), ("Sam Carter", "")}
    assert {(p.name, p.email) for p in third.people} == {("Erik Lindqvist", "erik@example.se")}


def test_csv_columns_match_in_any_case(tmp_path):
    renamed = {"Ticket ID": "Ticket Id", "Created time": "Created Time", "Resolved time": "Resolved Time"}
    path = rewrite_csv(FIXTURES / "freshdesk_export.csv", tmp_path / "export.csv", rename=renamed)
    assert detect_format(ExportFile(path)).name == "freshdesk-csv"
    first = read_exports([path], options=AMSTERDAM).tickets[0]
    assert (first.id, first.created_at, first.solved_at) == ("41", utc(3, 9), utc(3, 11))


def test_csv_bad_date_and_bad_count_name_line_and_column(tmp_path):
    def bad_date(rows):
        rows[1]["Resolved time"] = "tomorrow-ish"

    def bad_count(rows):
        rows[0]["Agent interactions"] = "many"

    path = rewrite_csv(FIXTURES / "freshdesk_export.csv", tmp_path / "export.csv", bad_date)
    with pytest.raises(KbgenError, match=r"export\.csv:3: field 'Resolved time': unreadable date 'tomorrow-ish'"):
        read_exports([path], options=AMSTERDAM)
    path = rewrite_csv(FIXTURES / "freshdesk_export.csv", tmp_path / "export.csv", bad_count)
    with pytest.raises(KbgenError, match=r"export\.csv:2: field 'Agent interactions': not a whole number 'many'"):
        read_exports([path], options=AMSTERDAM)


def test_csv_without_subject_column_is_one_line_naming_file_and_column(tmp_path):
    path = rewrite_csv(FIXTURES / "freshdesk_export.csv", tmp_path / "export.csv", drop="Subject")
    with pytest.raises(KbgenError) as error:
        read_exports([path], options=AMSTERDAM)
    assert str(error.value) == f"{path}: missing column 'Subject' that every Freshdesk ticket export has"


def test_api_json_names_the_requester_and_leaves_the_group_empty():
    tickets = read_exports([FIXTURES / "freshdesk_api.json"]).tickets
    assert [{(p.name, p.email) for p in t.people} for t in tickets] == [
        {("Anna de Vries", "anna.devries@example.nl")},
        {("Pieter Jansen", "pieter@example.com")},
        {("Erik Lindqvist", "erik@example.se")},
    ]
    assert [t.group for t in tickets] == ["", "", ""]


def write_api_export(tmp_path, change):
    tickets = json.loads((FIXTURES / "freshdesk_api.json").read_text(encoding="utf-8"))
    change(tickets)
    path = tmp_path / "tickets.json"
    path.write_text(json.dumps(tickets, indent=1), encoding="utf-8")
    return path


def test_api_json_bad_record_names_ticket_and_field(tmp_path):
    def bad_date(tickets):
        tickets[1]["conversations"][0]["created_at"] = "yesterday"

    def bad_status(tickets):
        tickets[2]["status"] = "Open"

    bad = r"tickets\.json:ticket 2: field 'conversations\.created_at': unreadable date 'yesterday'"
    with pytest.raises(KbgenError, match=bad):
        read_exports([write_api_export(tmp_path, bad_date)])
    with pytest.raises(KbgenError, match=r"tickets\.json:ticket 3: field 'status': expected a Freshdesk code number, not 'Open'"):
        read_exports([write_api_export(tmp_path, bad_status)])


def test_api_json_custom_status_keeps_its_number(tmp_path):
    def custom_status(tickets):
        tickets[2]["status"] = 6

    assert read_exports([write_api_export(tmp_path, custom_status)]).tickets[2].status == "6"


def test_api_json_that_is_no_list_is_named(tmp_path):
    path = tmp_path / "ticket.json"
    path.write_text('{"id": 41, "responder_id": null, "conversations": []}', encoding="utf-8")
    with pytest.raises(KbgenError, match=r"ticket\.json: expected a JSON list of Freshdesk ticket objects"):
        read_exports([path], fmt="freshdesk-json")
