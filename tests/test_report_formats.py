"""The report printed four ways: Markdown, CSV, JSON and HTML, customer text made harmless in each."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from report_cases import HOSTILE, T0, hostile_report, known_truth_report, report_of, sample_report

from kbgen.errors import KbgenError
from kbgen.records import FeedbackRecord
from kbgen.report.formats import render_report
from kbgen.surveys import Surveys


@pytest.fixture
def report():
    return sample_report()


@pytest.fixture(name="hostile_report")
def hostile():
    return hostile_report()


def test_csv_neutralises_formulas(hostile_report):
    rows = list(csv.reader(io.StringIO(render_report(hostile_report, "csv"))))
    assert rows[0] == ["rank", "kind", "target", "title", "score", "action", "evidence", "sample_size"]
    search_row = next(r for r in rows[1:] if r[1] == "write-article")
    assert search_row[3] == "'" + HOSTILE
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_html_escapes_customer_text(hostile_report):
    page = render_report(hostile_report, "html")
    assert "<script>" not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 4  # search, comment, its group, opened search
    assert "<svg" in page
    # Self-contained: nothing to fetch, nothing to run.
    assert "src=" not in page and "href=" not in page and "<script" not in page


def test_markdown_escapes_customer_text(hostile_report):
    text = render_report(hostile_report, "md")
    assert "<script>" not in text and "[click]" not in text and "`x`" not in text and "](" not in text
    assert "&#60;script&#62;" in text
    search_rows = [line for line in text.splitlines() if line.startswith("| ") and "HYPERLINK" in line]
    # The customer's "|" must not add a column to the table.
    assert [row.count("|") for row in search_rows] == [5]


def test_markdown_lists_the_ranking_and_tables(report):
    text = render_report(report, "md")
    assert text.startswith("# Help site improvement report\n")
    assert "1. **Download an invoice** (fix-article: /billing/download-invoice/, score 9.8)" in text
    assert "    - 26 of 40 votes not helpful (65%, 95% CI 50–78%)" in text
    assert "| Download an invoice | /billing/download-invoice/ | 40 | 14 | 35% (22–50%) | – | 2 | 0 |" in text


def test_json_parses_and_carries_every_section(report):
    data = json.loads(render_report(report, "json"))
    assert data["version"] == 1
    assert data["generated_at"] == "2026-10-31T12:00:00Z"
    assert [i["rank"] for i in data["improvements"]] == [1, 2, 3]
    assert data["improvements"][0]["evidence"][0].startswith("26 of 40")
    assert data["articles"][0]["helpful_share"]["n"] == 40
    assert data["searches"][0]["count"] == 9
    assert data["surveys"] == {} and data["tickets"] is None
    # The sections are the ones report_data documents, in its order.
    from kbgen.report.formats import report_data

    documented = re.findall(r'^    "(\w+)":', report_data.__doc__, re.M)
    assert list(data) == ["version", "generated_at", *documented]


def test_unknown_format_is_a_kbgen_error(report):
    with pytest.raises(KbgenError, match="report format 'pdf': expected one of md, csv, json, html"):
        render_report(report, "pdf")


def test_json_carries_topics_periods_and_weeks():
    data = json.loads(render_report(known_truth_report(), "json"))
    topic = next(t for t in data["topics"] if t["topic"] == "t-refund")
    assert (topic["status"], topic["published_on"], topic["since_published"], topic["tickets"]["count"]) == (
        "published", "2026-09-01", 40, 40,
    )  # fmt: skip
    assert data["periods"]["current"]["tickets"] == 170
    assert data["periods"]["previous"] is None
    assert data["weeks"][0]["start"] == "2026-09-28"
    assert data["articles"][0]["comment_groups"] == [{"label": "Refund button missing", "count": 6, "not_helpful": 6}]


def test_html_draws_trend_and_standards_charts():
    text = render_report(known_truth_report(), "html")
    assert 'id="chart-helpfulness"' in text and 'id="chart-standards"' in text and 'id="chart-trends"' in text
    assert "<script" not in text


def test_only_the_csat_score_is_a_share_its_other_questions_are_means():
    surveys = Surveys.with_templates({"csat": {"score": (1, 5), "ease": (1, 5)}})
    records = [FeedbackRecord("survey", T0, survey="csat", score=5, answers=(("ease", 4),)) for _ in range(3)]
    text = render_report(report_of(records, surveys=surveys), "md")
    assert "| CSAT | share answering 4 or 5 | 100% (95% CI 44–100%) | 3 |" in text
    assert "| CSAT: ease | mean answer (1-5) | 4.0 (95% CI 4.0 to 4.0) | 3 |" in text
