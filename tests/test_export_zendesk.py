"""Zendesk exports read into the three tickets of export_cases."""

import pytest
from conftest import REPO
from export_cases import INTERNAL_MARKER, expected, normalized

from kbgen.exports import detect_format, read_exports
from kbgen.exports.files import ExportFile

FIXTURES = REPO / "tests" / "fixtures"
ALL_FIELDS = {
    "subject", "question", "conversation", "resolution", "status", "created_at", "first_response_at",
    "solved_at", "reopens", "agent_replies", "customer_replies", "group", "tags", "priority", "channel",
    "satisfaction", "people",
}


@pytest.mark.parametrize(
    "fixture, fmt, fields, ids",
    [("zendesk_api.json", "zendesk-json", ALL_FIELDS, ["1001", "1002", "1003"])],
)
def test_fixture_reads_into_the_normalized_tickets(fixture, fmt, fields, ids):
    path = FIXTURES / fixture
    assert detect_format(ExportFile(path)).name == fmt
    tickets = read_exports([path]).tickets
    assert [t.id for t in tickets] == ids
    for index, ticket in enumerate(tickets):
        assert normalized(ticket, fields) == expected(index, fields)
        assert all(INTERNAL_MARKER not in m.text for m in ticket.messages)
