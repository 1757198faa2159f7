"""Help Scout conversations read into the three tickets of export_cases."""

import pytest
from conftest import REPO
from export_cases import INTERNAL_MARKER, expected, normalized
from test_export_jira import claimed_by, generic_samples

from kbgen.errors import KbgenError
from kbgen.exports import detect_format, read_exports
from kbgen.exports.files import ExportFile
from kbgen.records import AGENT, CUSTOMER

FIXTURES = REPO / "tests" / "fixtures"
# Help Scout has no priority, no reopen count and no satisfaction on a conversation.
FIELDS = {
    "subject", "question", "conversation", "resolution", "status", "created_at", "first_response_at", "solved_at",
    "agent_replies", "customer_replies", "group", "tags", "channel", "people",
}
ANNA = {"id": 1, "type": "customer", "first": "Anna", "last": "de Vries", "email": "anna@example.nl"}
SAM = {"id": 2, "type": "user", "first": "Sam", "last": "Carter", "email": "sam@tasklane.example"}


def conversation(threads: list[dict], **fields) -> dict:
    return {"id": 77, "number": 7, "subject": "Export", "status": "closed", "createdAt": "2026-08-01T10:00:00Z",
            "primaryCustomer": ANNA, "_embedded": {"threads": threads}, **fields}


def test_fixture_reads_into_the_normalized_tickets():
    path = FIXTURES / "helpscout_conversations.json"
    assert detect_format(ExportFile(path)).name == "helpscout-json"
    tickets = read_exports([path]).tickets
    assert [t.id for t in tickets] == ["2101", "2102", "2103"]
    for index, ticket in enumerate(tickets):
        # Help Scout has no "solved": the solved ticket 1 is closed like ticket 2.
        fields = FIELDS - {"status"} if index == 0 else FIELDS
        assert normalized(ticket, fields) == expected(index, fields)
        assert all(INTERNAL_MARKER not in m.text for m in ticket.messages)
    assert tickets[0].status == "closed"


def test_a_plain_list_is_read_and_only_published_replies_and_customer_threads_count(write_json):
    threads = [
        {"type": "message", "state": "draft", "body": "Draft answer", "createdBy": SAM, "createdAt": "2026-08-01T12:00:00Z"},
        {"type": "forwardparent", "body": "Forwarded to the dev team", "createdBy": SAM, "createdAt": "2026-08-01T11:30:00Z"},
        {"type": "chat", "body": "Sure, it is in Settings.", "createdBy": SAM, "createdAt": "2026-08-01T11:00:00Z"},
        {"type": "chat", "body": "Where is the export?", "createdBy": ANNA, "createdAt": "2026-08-01T10:00:00Z"},
        {"type": "note", "body": "INTERNAL-ONLY check plan", "createdBy": SAM, "createdAt": "2026-08-01T10:30:00Z"},
    ]
    path = write_json("list.json", [conversation(threads, tags=["export"])])
    assert detect_format(ExportFile(path)).name == "helpscout-json"
    [ticket] = read_exports([path]).tickets
    assert [(m.role, m.text) for m in ticket.messages] == [
        (CUSTOMER, "Where is the export?"),
        (AGENT, "Sure, it is in Settings."),
    ]
    assert ticket.tags == ("export",)


def test_detection_claims_only_help_scout_exports(tmp_path):
    others = [p for p in FIXTURES.iterdir() if p.name != "helpscout_conversations.json"]
    for path in [*others, *generic_samples(tmp_path)]:
        assert claimed_by(("helpscout-json",), path) == [], path.name


def test_a_bad_date_names_file_conversation_and_field(write_json):
    threads = [{"type": "customer", "body": "Hi", "createdBy": ANNA, "createdAt": "yesterday"}]
    path = write_json("bad.json", {"_embedded": {"conversations": [conversation(threads)]}})
    message = r"bad\.json:conversation 1: field '_embedded\.threads\.createdAt': unreadable date 'yesterday'"
    with pytest.raises(KbgenError, match=message):
        read_exports([path])


def test_a_missing_key_is_one_line_naming_the_file(write_json):
    no_list = write_json("mailboxes.json", {"_embedded": {"mailboxes": []}})
    with pytest.raises(KbgenError, match=r"mailboxes\.json: expected Help Scout conversations") as raised:
        read_exports([no_list], fmt="helpscout-json")
    assert "\n" not in str(raised.value)
    no_number = conversation([])
    del no_number["id"], no_number["number"]
    with pytest.raises(KbgenError, match=r"n\.json:conversation 1: field 'number' is missing"):
        read_exports([write_json("n.json", [no_number])], fmt="helpscout-json")
