"""Links found in Markdown with their lines, and where they lead."""

from __future__ import annotations

import pytest

from kbgen.site.links import Link, find_links, local_target, survey_name


def test_links_are_found_with_their_lines_outside_code():
    markdown = (
        "Intro [a](a.md) and ![logo](img/logo.png \"Logo\")\n"
        "\n"
        "```text\n[not a link](b.md)\n```\n"
        "Inline `[code](c.md)` and [d](<d e.md>)\n"
        "\n"
        "[ref]: ../other.md \"Other\"\n"
    )
    assert find_links(markdown, first_line=5) == [
        Link(5, "a.md"), Link(5, "img/logo.png"), Link(10, "d e.md"), Link(12, "../other.md"),
    ]


@pytest.mark.parametrize(
    "target, expected",
    [
        ("b.md", "account/b.md"),
        ("../billing/x.md#part", "billing/x.md"),
        ("b%20c.md", "account/b c.md"),
        ("/survey/csat/?ticket=1", "survey/csat/"),
        ("../survey/nps/", "survey/nps"),
        ("https://example.com/a.md", None),
        ("mailto:a@b.example", None),
        ("#part", None),
        ("/elsewhere/", None),
    ],
)
def test_local_targets_resolve_from_the_page(target, expected):
    assert local_target("account/a.md", target) == expected


def test_survey_names_come_from_survey_paths():
    assert survey_name("survey/csat/") == "csat"
    assert survey_name("survey/csat") == "csat"
    assert survey_name("account/survey-results.md") is None
