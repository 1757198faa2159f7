"""Jira Service Management exports read into the three tickets of export_cases."""

import csv
import json
from pathlib import Path

import pytest
from conftest import REPO, zendesk_export, zendesk_ticket
from export_cases import INTERNAL_MARKER, expected, normalized

from kbgen.errors import KbgenError
from kbgen.exports import FORMATS, ReadOptions, detect_format, read_exports
from kbgen.exports.files import ExportFile
from kbgen.records import AGENT, CUSTOMER

FIXTURES = REPO / "tests" / "fixtures"
AMSTERDAM = ReadOptions(timezone="Europe/Amsterdam")
IDS = ["HELP-1", "HELP-2", "HELP-3"]
JIRA_FORMATS = ("jira-csv", "jira-json")
# The CSV has no agent answers (see kbgen/exports/jira.py), no channel, no reopen count and no
# e-mail addresses; its conversation is checked against the customer's messages below.
CSV_FIELDS = {
    "subject", "question", "status", "created_at", "solved_at", "customer_replies", "group", "tags", "priority",
    "satisfaction",
}
# Jira has no channel field in the REST issue either.
JSON_FIELDS = {
    "subject", "question", "conversation", "resolution", "status", "created_at", "first_response_at", "solved_at",
    "reopens", "agent_replies", "customer_replies", "group", "tags", "priority", "satisfaction", "people",
}
CSV_HEADER = [
    "Summary", "Issue key", "Issue id", "Status", "Resolution", "Reporter", "Reporter Id", "Created", "Description",
    "Comment", "Comment",
]


def generic_samples(tmp_path: Path) -> list[Path]:
    """The generic and Zendesk exports of tests/test_exports.py, which no other vendor reader may claim."""
    samples = {
        "list.json": '[{"id": 1, "subject": "a"}]',
        "t.jsonl": '{"ticket_id": 1, "subject": "a"}\n',
        "t.csv": "Ticket ID;Subject;Description\n1;a;b\n",
        "z.json": json.dumps(zendesk_export([zendesk_ticket(1, "a", "b", "c")])),
    }
    for name, text in samples.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [tmp_path / name for name in samples]


def claimed_by(names: tuple[str, ...], path: Path) -> list[str]:
    file = ExportFile(path)
    head = file.head()
    return [name for name in names if FORMATS[name].sniff(file, head)]


def write_csv(path: Path, rows: list[list[str]], header: list[str] = CSV_HEADER) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fp:
        csv.writer(fp).writerows([header, *rows])
    return path


def test_csv_fixture_reads_into_the_normalized_tickets():
    path = FIXTURES / "jira_export.csv"
    assert detect_format(ExportFile(path)).name == "jira-csv"
    tickets = read_exports([path], options=AMSTERDAM).tickets
    assert [t.id for t in tickets] == IDS
    for index, ticket in enumerate(tickets):
        assert normalized(ticket, CSV_FIELDS) == expected(index, CSV_FIELDS)
        customer_side = [m for m in expected(index, {"conversation"})["conversation"] if m[0] == CUSTOMER]
        assert normalized(ticket, {"conversation"})["conversation"] == customer_side
        assert (ticket.resolution, ticket.agent_replies) == ("", 0)
        assert all(INTERNAL_MARKER not in m.text for m in ticket.messages)
    assert {p.name for p in tickets[0].people} == {"Anna de Vries", "Sam Carter"}


def test_json_fixture_reads_into_the_normalized_tickets():
    path = FIXTURES / "jira_api.json"
    assert detect_format(ExportFile(path)).name == "jira-json"
    tickets = read_exports([path]).tickets
    assert [t.id for t in tickets] == IDS
    for index, ticket in enumerate(tickets):
        assert normalized(ticket, JSON_FIELDS) == expected(index, JSON_FIELDS)
        assert all(INTERNAL_MARKER not in m.text for m in ticket.messages)


def test_csv_reads_only_the_reporters_comments_and_keeps_their_semicolons(tmp_path):
    path = write_csv(
        tmp_path / "jira.csv",
        [["Login fails", "HELP-9", "10009", "Waiting for support", "", "Anna de Vries", "qm:anna", "01/Aug/26 10:00 AM",
          "I cannot log in.", "01/Aug/26 11:00 AM;5b10agent;Try again please; it should work now.",
          "01/Aug/26 12:00 PM;qm:anna;Still broken; same error as before."]],
    )
    [ticket] = read_exports([path], options=AMSTERDAM).tickets
    assert [(m.role, m.text) for m in ticket.messages] == [
        (CUSTOMER, "I cannot log in."),
        (CUSTOMER, "Still broken; same error as before."),
    ]
    assert ticket.created_at.isoformat() == "2026-08-01T10:00:00+02:00"


@pytest.mark.parametrize(
    "status, resolution, kbgen_status",
    [("Resolved", "Done", "solved"), ("Done", "", "solved"), ("Closed", "Done", "closed"),
     ("Awaiting deploy", "Fixed", "solved"), ("Waiting for support", "", "open"), ("In progress", "Unresolved", "open")],
)
def test_a_set_resolution_means_resolved(tmp_path, status, resolution, kbgen_status):
    path = write_csv(tmp_path / "jira.csv", [["S", "HELP-1", "1", status, resolution, "A", "qm:a", "", "Q", "", ""]])
    assert read_exports([path]).tickets[0].status == kbgen_status


def jira_issue(comments: list[dict]) -> dict:
    reporter = {"accountId": "qm:anna", "displayName": "Anna de Vries"}
    return {
        "key": "HELP-7",
        "fields": {
            "summary": "Export fails", "description": "The export stops at 50%.", "reporter": reporter,
            "created": "2026-08-01T10:00:00.000+0200", "status": {"name": "Resolved"}, "resolution": {"name": "Done"},
            "comment": {"comments": comments},
        },
    }


def test_json_leaves_out_every_comment_hidden_from_the_customer(write_json):
    agent = {"accountId": "5b10agent", "displayName": "Sam Carter"}
    at = "2026-08-01T11:00:00.000+0200"
    hidden = [
        {"author": agent, "body": "INTERNAL-ONLY jsd", "created": at, "jsdPublic": False},
        {"author": agent, "body": "INTERNAL-ONLY role", "created": at, "visibility": {"type": "role", "value": "Developers"}},
        {"author": agent, "body": "INTERNAL-ONLY property", "created": at,
         "properties": [{"key": "sd.public.comment", "value": {"internal": True}}]},
    ]
    adf_reply = {"type": "doc", "version": 1, "content": [
        {"type": "paragraph", "content": [{"type": "text", "text": "Export in two parts."}]},
    ]}
    public = {"author": agent, "body": adf_reply, "created": at, "jsdPublic": True}
    [ticket] = read_exports([write_json("jira.json", {"issues": [jira_issue([*hidden, public])]})]).tickets
    assert [(m.role, m.text) for m in ticket.messages] == [
        (CUSTOMER, "The export stops at 50%."),
        (AGENT, "Export in two parts."),
    ]


def test_detection_claims_only_jira_exports(tmp_path):
    others = [p for p in FIXTURES.iterdir() if p.name not in ("jira_export.csv", "jira_api.json")]
    for path in [*others, *generic_samples(tmp_path)]:
        assert claimed_by(JIRA_FORMATS, path) == [], path.name


def test_a_bad_date_names_file_line_and_field(tmp_path, write_json):
    path = write_csv(tmp_path / "bad.csv", [
        ["S", "HELP-1", "1", "Open", "", "A", "qm:a", "01/Aug/26 10:00 AM", "Q", "", ""],
        ["S", "HELP-2", "2", "Open", "", "A", "qm:a", "01/Aug/26 10:00 AM", "Q", "yesterday;qm:a;more", ""],
    ])
    with pytest.raises(KbgenError, match=r"bad\.csv:3: field 'Comment': unreadable date 'yesterday'"):
        read_exports([path])
    issue = jira_issue([])
    issue["fields"]["created"] = "soon"
    with pytest.raises(KbgenError, match=r"bad\.json:issue 1: field 'fields\.created': unreadable date 'soon'"):
        read_exports([write_json("bad.json", {"issues": [issue]})])


def test_a_comment_without_date_and_author_is_named(tmp_path):
    path = write_csv(tmp_path / "bad.csv", [["S", "HELP-1", "1", "Open", "", "A", "qm:a", "", "Q", "just text", ""]])
    with pytest.raises(KbgenError, match=r"bad\.csv:2: field 'Comment': expected 'date;author;text', got 0 ';' in 9 characters$") as raised:
        read_exports([path], fmt="jira-csv")
    assert "just text" not in str(raised.value)  # a customer's words stay out of terminals and CI logs


def test_a_missing_column_or_key_is_one_line_naming_the_file(tmp_path, write_json):
    no_key = write_csv(tmp_path / "no_key.csv", [["S", "1"]], header=["Summary", "Issue id"])
    with pytest.raises(KbgenError, match=r"no_key\.csv: missing required column 'Issue key'") as raised:
        read_exports([no_key], fmt="jira-csv")
    assert "\n" not in str(raised.value)
    no_issues = write_json("no_issues.json", {"total": 0})
    with pytest.raises(KbgenError, match=r"no_issues\.json: expected an object with an \"issues\" list") as raised:
        read_exports([no_issues], fmt="jira-json")
    assert "\n" not in str(raised.value)
