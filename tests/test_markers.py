"""The texts a draft holds for its writer are found however a writer left them."""

import pytest

from kbgen.drafts.markers import MARKERS, NO_ANSWER, find_markers

PAGE = "---\ntitle: Refunds\nstatus: published\n---\n\n# Refunds\n\n{answer}\n\n## Customers also ask it as\n"


@pytest.mark.parametrize(
    "answer",
    [
        NO_ANSWER.markdown,
        "No agent answer in these tickets yet: write the answer here.",  # underscores dropped
        "**No agent answer in these tickets yet.**",
        "Refunds take 5 days. no agent answer in these tickets YET",
        "_No agent answer in these\ntickets yet: write the answer here._",  # wrapped by an editor
        "- No\\_agent answer in *these* tickets yet",
    ],
)
def test_the_placeholder_is_found_with_its_line(answer):
    assert find_markers(PAGE.format(answer=answer)) == [(8, NO_ANSWER)]


@pytest.mark.parametrize(
    "answer",
    [
        "Refunds take 5 days; write to billing if yours has not arrived.",
        "No agent answered in these tickets, so we asked the team.",  # other words
        "There is no answer yet in these tickets",
    ],
)
def test_a_written_answer_holds_no_marker(answer):
    assert find_markers(PAGE.format(answer=answer)) == []


def test_every_marker_is_found_in_the_markdown_kbgen_writes():
    for marker in MARKERS:
        assert [found for _, found in find_markers(f"intro\n\n{marker.markdown}\n")] == [marker]
