"""Zammad tickets read into the three tickets of export_cases."""

import pytest
from conftest import REPO
from export_cases import INTERNAL_MARKER, expected, normalized
from test_export_jira import claimed_by, generic_samples

from kbgen.errors import KbgenError
from kbgen.exports import detect_format, read_exports
from kbgen.exports.files import ExportFile
from kbgen.records import AGENT, CUSTOMER

FIXTURES = REPO / "tests" / "fixtures"
# Zammad counts no reopens and has no satisfaction rating. The fixture's "4 urgent" is a
# priority added beside Zammad's default "1 low", "2 normal" and "3 high".
FIELDS = {
    "subject", "question", "conversation", "resolution", "status", "created_at", "first_response_at", "solved_at",
    "agent_replies", "customer_replies", "group", "tags", "priority", "channel", "people",
}


def zammad_ticket(articles: list[dict], **fields) -> dict:
    return {"id": 5, "number": "31005", "title": "Export", "state": "open", "state_id": 2, "group": "Users",
            "priority": "2 normal", "created_at": "2026-08-01T10:00:00.000Z", "articles": articles, **fields}


def article(sender: str, body: str, at: str = "2026-08-01T10:00:00.000Z", **fields) -> dict:
    return {"sender": sender, "type": "email", "internal": False, "content_type": "text/plain", "body": body,
            "from": "", "created_at": at, **fields}


def test_fixture_reads_into_the_normalized_tickets():
    path = FIXTURES / "zammad_tickets.json"
    assert detect_format(ExportFile(path)).name == "zammad-json"
    tickets = read_exports([path]).tickets
    assert [t.id for t in tickets] == ["31001", "31002", "31003"]
    for index, ticket in enumerate(tickets):
        # Zammad has no "solved" state: the solved ticket 1 is closed like ticket 2.
        fields = FIELDS - {"status"} if index == 0 else FIELDS
        assert normalized(ticket, fields) == expected(index, fields)
        assert all(INTERNAL_MARKER not in m.text for m in ticket.messages)
    assert tickets[0].status == "closed"


def test_internal_and_system_articles_are_never_read_and_plain_text_keeps_its_brackets(write_json):
    articles = [
        article("Customer", "Export to <b>PDF</b> fails for a@example.com"),
        article("Agent", "INTERNAL-ONLY known bug", "2026-08-01T10:30:00.000Z", internal=True),
        article("System", "Auto reply: we received your request", "2026-08-01T10:01:00.000Z"),
        article("Agent", "<p>Fixed in 4.2</p>", "2026-08-01T11:00:00.000Z", content_type="text/html"),
    ]
    [ticket] = read_exports([write_json("z.json", [zammad_ticket(articles)])]).tickets
    assert [(m.role, m.text) for m in ticket.messages] == [
        (CUSTOMER, "Export to <b>PDF</b> fails for a@example.com"),
        (AGENT, "Fixed in 4.2"),
    ]
    assert (ticket.status, ticket.priority) == ("open", "normal")


def test_an_unknown_sender_is_named(write_json):
    path = write_json("z.json", [zammad_ticket([article("Robot", "Hi")])])
    with pytest.raises(KbgenError, match=r"z\.json:ticket 1: field 'articles\.sender' must be Customer, Agent or System"):
        read_exports([path])


def test_detection_claims_only_zammad_exports(tmp_path):
    others = [p for p in FIXTURES.iterdir() if p.name != "zammad_tickets.json"]
    for path in [*others, *generic_samples(tmp_path)]:
        assert claimed_by(("zammad-json",), path) == [], path.name


def test_a_bad_date_names_file_ticket_and_field(write_json):
    path = write_json("bad.json", [zammad_ticket([article("Customer", "Hi")]), zammad_ticket([], close_at="tomorrow")])
    with pytest.raises(KbgenError, match=r"bad\.json:ticket 2: field 'close_at': unreadable date 'tomorrow'"):
        read_exports([path])


def test_a_missing_key_is_one_line_naming_the_file(write_json):
    no_list = write_json("one.json", {"ticket": zammad_ticket([])})
    with pytest.raises(KbgenError, match=r"one\.json: expected a JSON list of Zammad tickets") as raised:
        read_exports([no_list], fmt="zammad-json")
    assert "\n" not in str(raised.value)
    no_articles = zammad_ticket([])
    del no_articles["articles"]
    with pytest.raises(KbgenError, match=r"a\.json:ticket 1: field 'articles' is missing") as raised:
        read_exports([write_json("a.json", [no_articles])], fmt="zammad-json")
    assert "\n" not in str(raised.value)
