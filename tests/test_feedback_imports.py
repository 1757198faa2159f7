"""Feedback collected by other services: GA4 exports of Material's widget, Google Forms sheets."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from kbgen.errors import KbgenError
from kbgen.feedback.imports import read_form_export

GA4 = """\
# ----------------------------------------
# Feedback widget
# Start date: 20261001
# End date: 20261031
# ----------------------------------------
Page path,data,Event count
/account/reset-your-password/,0,3
/account/reset-your-password/,1,"1,002"
https://help.example.com/billing/invoices/,1,2
/account/reset-your-password/,(not set),7
"""

FORMS = """\
Timestamp,How satisfied are you with the support you received?,Anything else?,Ticket number
2026/10/02 9:15:00 AM GMT+2,4,Quick answer,#4821
10/3/2026 14:00:05,2,,4822
2026/10/04 10:00:00 AM GMT+2,,left empty,4823
"""


def test_ga4_feedback_events_become_one_vote_each(tmp_path):
    path = tmp_path / "ga4.csv"
    path.write_text(GA4, encoding="utf-8")
    records = read_form_export(f"ga4:{path}")
    votes = [(r.page, r.helpful) for r in records]
    assert votes.count(("/account/reset-your-password/", False)) == 3
    assert votes.count(("/account/reset-your-password/", True)) == 1002
    assert votes.count(("/billing/invoices/", True)) == 2
    assert len(records) == 1007  # "(not set)" rows are other events
    assert records[0].received_at == datetime(2026, 10, 31, 12, tzinfo=timezone.utc)  # the export's end date


def test_a_ga4_export_without_the_rating_column_is_refused_by_name(tmp_path):
    path = tmp_path / "ga4.csv"
    path.write_text("Page path,Views\n/a/,3\n", encoding="utf-8")
    with pytest.raises(KbgenError, match=r"ga4\.csv: no rating \(data\) or event count column \(found: Page path, Views\)"):
        read_form_export(f"ga4:{path}")


def test_google_forms_answers_become_survey_records(tmp_path):
    path = tmp_path / "responses.csv"
    path.write_text(FORMS, encoding="utf-8")
    records = read_form_export(f"google-forms:csat={path}")
    assert [(r.survey, r.score, r.comment, r.ticket) for r in records] == [("csat", 4, "Quick answer", "4821"), ("csat", 2, "", "4822")]
    assert records[0].received_at == datetime(2026, 10, 2, 7, 15, tzinfo=timezone.utc)


def test_a_sheet_saved_again_by_a_european_excel_is_read(tmp_path):
    # Windows-1252 and semicolons; "ë" and "€" are not UTF-8 here.
    path = tmp_path / "responses.csv"
    sheet = "Timestamp;Hoe tevreden bent u?;Opmerking\n2026-10-02 09:15;5;Geholpen door Zoë, € terug\n2026-10-03 10:00;3;\n"
    path.write_bytes(sheet.encode("cp1252"))
    records = read_form_export(f"google-forms:csat={path}")
    assert [(r.score, r.comment) for r in records] == [(5, "Geholpen door Zoë, € terug"), (3, "")]


def test_google_forms_needs_a_score_on_the_surveys_scale(tmp_path):
    path = tmp_path / "responses.csv"
    path.write_text(FORMS, encoding="utf-8")
    with pytest.raises(KbgenError, match="expected SURVEY=FILE"):
        read_form_export(f"google-forms:{path}")
    (tmp_path / "nps.csv").write_text("Timestamp,Score\n2026-10-01 10:00,11\n", encoding="utf-8")
    with pytest.raises(KbgenError, match="from 0 to 10 for the nps score"):
        read_form_export(f"google-forms:nps={tmp_path / 'nps.csv'}")


def test_an_unknown_format_names_the_known_ones():
    with pytest.raises(KbgenError, match="FORMAT one of google-forms, ga4"):
        read_form_export("typeform:x.csv")
