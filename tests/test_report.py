"""Measures and the ranked improvement list (the formats are in test_report_formats.py)."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone

import pytest
from report_cases import EXPORT, GENERATED, INVOICE, OCT, SSO_QUESTION, T0, VAT, known_truth_report, known_truth_world, report_of, sample_report, votes

from kbgen.config import Standard
from kbgen.feedback.read import FeedbackLoad
from kbgen.records import Article, Assignment, FeedbackRecord, Ticket
from kbgen.report.build import build_report
from kbgen.report.comments import group_comments
from kbgen.report.formats import render_report
from kbgen.report.measures import normalize_query
from kbgen.report.records import Window
from kbgen.stats import wilson_interval
from kbgen.surveys import Surveys


@pytest.fixture
def report():
    return sample_report()


def test_many_votes_at_65_percent_outrank_two_unlucky_votes(report):
    fixes = [i for i in report.improvements if i.kind == "fix-article"]
    assert [(i.target, i.title) for i in fixes] == [
        ("/billing/download-invoice/", "Download an invoice"),
        ("/billing/vat/", "Change your VAT number"),
    ]
    top = fixes[0]
    # Too few votes elsewhere to say what is normal: the assumed 25% is the bar.
    assert top.evidence[0] == "26 of 40 votes not helpful (65%, 95% CI 50–78%); normal 25% (assumed: too few votes elsewhere)"
    assert top.evidence[1] == '2 unhappy comments; e.g. "Where is the PDF?"'
    assert top.sample_size == 40
    assert top.score == pytest.approx(40 * (wilson_interval(26, 40)[0] - 0.25))
    assert top.action == "Rewrite the article: answer what the unhappy comments ask, largest group first"


def test_repeated_failed_search_is_grouped_with_its_count(report):
    [group, single] = report.searches
    assert (group.query, group.label, group.count, group.visitors) == ("refund policy", "Refund policy?", 9, 2)
    assert single.count == 1
    writes = [i for i in report.improvements if i.kind == "write-article"]
    assert [(i.target, i.score) for i in writes] == [("refund policy", 4.5)]
    assert writes[0].evidence[0] == "searched 9 times with no result"


def test_ranking_is_by_score_then_kind_then_target(report):
    assert [i.target for i in report.improvements] == ["/billing/download-invoice/", "refund policy", "/billing/vat/"]


def test_article_stats_join_pages_to_articles(report):
    invoice, vat = report.articles
    assert (invoice.title, invoice.path, invoice.votes, invoice.helpful) == (INVOICE.title, INVOICE.path, 40, 14)
    assert invoice.helpful_share.value == pytest.approx(0.35)
    assert (vat.page, vat.votes) == ("/billing/vat/", 2)


def test_tickets_assigned_to_a_draft_are_demand_for_it():
    tickets = [Ticket(id=str(n), subject="Export", question="How do I export?") for n in range(12)]
    assignments = {t.id: Assignment("t-export", "data/export.md") for t in tickets} | {"0": Assignment("", "")}
    report = report_of([], tickets=tickets, articles=[EXPORT, INVOICE], assignments=assignments)
    [item] = report.improvements
    assert (item.kind, item.target, item.title) == ("write-article", "data/export.md", "Export your data")
    assert item.evidence == ("11 tickets on this question and no published article",)
    assert item.score == pytest.approx(3.3)


def test_an_article_moved_since_the_draft_is_found_by_its_topic_id():
    moved = Article(path="billing/invoices/download.md", title="Download an invoice", status="published",
                    topic_id="t-inv", url="/billing/invoices/download/")  # fmt: skip
    tickets = [Ticket(id=str(n), subject="", question="", created_at=T0) for n in range(3)]
    report = report_of([], tickets=tickets, articles=[moved], assignments={t.id: Assignment("t-inv", INVOICE.path) for t in tickets})
    [topic] = report.topics
    assert (topic.article, topic.status, topic.page) == (moved.path, "published", "/billing/invoices/download/")
    assert [i.kind for i in report.improvements] == ["fix-article"]


def test_a_topic_without_any_article_is_a_write_item():
    tickets = [Ticket(id=str(n), subject="Export", question="How do I export?") for n in range(4)]
    report = report_of([], tickets=tickets, assignments={t.id: Assignment("t-gone", "") for t in tickets})
    [item] = report.improvements
    assert (item.kind, item.target, item.title) == ("write-article", "t-gone", "Topic t-gone")
    assert item.action.startswith("Write an article for this topic")


def test_tickets_still_arriving_on_a_published_article_are_a_fix_item():
    article = Article(**{**INVOICE.__dict__, "published_on": (T0 + timedelta(days=10)).date()})
    tickets = [Ticket(id=str(n), subject="Invoice", question="?", created_at=T0 + timedelta(days=n)) for n in range(20)]
    report = report_of([], tickets=tickets, articles=[article], assignments={t.id: Assignment("t-inv", article.path) for t in tickets})
    [item] = report.improvements
    assert (item.kind, item.target) == ("fix-article", "/billing/download-invoice/")
    assert item.evidence == ("10 tickets on its topic since it was published on 2026-10-11",)
    assert item.score == pytest.approx(3.0)
    [topic] = report.topics
    assert (topic.topic, topic.status, topic.tickets.count, topic.since_published) == ("t-inv", "published", 20, 10)
    # Without a publication date every ticket of the period counts, and the evidence says so.
    undated = report_of([], tickets=tickets, articles=[INVOICE], assignments={t.id: Assignment("t-inv", INVOICE.path) for t in tickets})
    assert undated.improvements[0].evidence == (
        "20 tickets on its topic in the period (no 'published' date in its front matter)",
    )


def test_survey_summaries():
    def answer(survey, score):
        return FeedbackRecord("survey", T0, survey=survey, score=score)

    records = [answer("csat", s) for s in (5, 4, 4, 2)]
    records += [answer("nps", s) for s in (10, 9, 9, 8, 7, 3, 0)] + [answer("ces", s) for s in (2, 3, 7)]
    records.append(answer("csat", 9))  # out of the scale: ignored
    surveys = {s.survey: s for s in report_of(records).surveys}
    assert (surveys["csat"].n, surveys["csat"].value) == (4, 0.75)
    assert (surveys["nps"].n, round(surveys["nps"].value, 1)) == (7, 14.3)  # 3 promoters - 2 detractors of 7
    assert (surveys["ces"].n, surveys["ces"].value) == (3, 4.0)
    # Intervals: NPS adjusted Wald (n 7 -> 10, promoters 3.75/10, detractors 2.75/10); CES Student's t, 2 df.
    nps_margin = 1.959964 * ((0.375 + 0.275 - 0.1**2) / 10) ** 0.5 * 100
    assert (surveys["nps"].low, surveys["nps"].high) == (pytest.approx(10 - nps_margin), pytest.approx(10 + nps_margin))
    ces_margin = 4.302653 * 2.645751 / 3**0.5
    assert (surveys["ces"].low, surveys["ces"].high) == (1.0, pytest.approx(min(7.0, 4.0 + ces_margin)))
    big = {s.survey: s for s in report_of([answer("ces", 1 + n % 7) for n in range(700)]).surveys}["ces"]
    assert big.high - big.low == pytest.approx(2 * 1.963 * 2.0 / 700**0.5, rel=0.01)


def test_ticket_service_figures():
    def ticket(n, first_h, solved_h, replies, reopens=0):
        return Ticket(
            id=str(n),
            subject="s",
            question="q",
            created_at=T0,
            status="solved",
            first_response_at=T0 + timedelta(hours=first_h),
            solved_at=T0 + timedelta(hours=solved_h),
            agent_replies=replies,
            reopens=reopens,
        )

    tickets = [ticket(n, n + 1, 10 * (n + 1), 1 if n < 4 else 3, reopens=int(n == 0)) for n in range(10)]
    stats = report_of([], tickets=tickets).tickets
    assert stats.count == 10
    assert (stats.first_response_h.median, stats.first_response_h.p90, stats.first_response_h.n) == (5.5, 9, 10)
    assert (stats.resolution_h.median, stats.resolution_h.p90) == (55, 90)
    assert stats.agent_replies_mean == pytest.approx(2.2)
    assert (stats.one_touch.value, stats.one_touch.n) == (0.4, 10)
    assert (stats.reopened.value, stats.reopened.n) == (0.1, 10)
    assert report_of([]).tickets is None


def test_query_normalization():
    assert normalize_query("  Refund,   POLICY?! ") == "refund policy"
    assert normalize_query("Straße") == "strasse"


def test_a_period_counts_only_what_happened_in_it():
    before = [FeedbackRecord("feedback", T0 - timedelta(days=3), page="/billing/vat/", helpful=False)]
    inside = votes("/billing/download-invoice/", 1, 2)
    tickets = [
        Ticket(id="1", subject="a", question="a", created_at=T0 + timedelta(hours=2)),
        Ticket(id="2", subject="b", question="b", created_at=T0 + timedelta(days=2)),
        Ticket(id="3", subject="c", question="c"),  # no date: cannot be placed in the period
    ]
    window = Window(since=T0 - timedelta(hours=9), until=T0 + timedelta(days=1))
    report = report_of(before + inside, articles=[INVOICE, VAT], tickets=tickets, window=window)
    assert report.records == 3 and report.outside == 3
    assert [a.page for a in report.articles if a.votes] == ["/billing/download-invoice/"]
    assert report.tickets.count == 1
    data = json.loads(render_report(report, "json"))["inputs"]
    assert (data["since"], data["until"], data["outside"]) == ("2026-10-01T00:00:00Z", "2026-10-02T09:00:00Z", 3)
    assert "period from 2026-10-01 to 2026-10-02" in render_report(report, "md")


def _tickets_answered(within_day: int, later: int) -> list[Ticket]:
    tickets = []
    for n in range(within_day + later):
        hours = 3 if n < within_day else 40
        tickets.append(Ticket(id=str(n), subject="q", question="q", created_at=T0, first_response_at=T0 + timedelta(hours=hours),
                              reopens=1 if n % 20 == 0 else 0))
    return tickets


def test_a_missed_service_standard_is_ranked_with_its_evidence():
    standards = [
        Standard("First reply within 24 hours", "first_response", 0.9, hours=24),
        Standard("Not reopened", "not_reopened", 0.9),
    ]
    report = report_of(votes("/billing/vat/", 0, 2), articles=[VAT], tickets=_tickets_answered(60, 40), standards=standards)
    first, not_reopened = report.standards
    assert (first.complied.part, first.complied.n, first.breached) == (60, 100, True)
    assert (not_reopened.complied.part, not_reopened.breached) == (95, False)
    breach, unlucky = report.improvements
    # 100 tickets, at most 69% within a day against 90%: well above two "no" votes.
    assert (breach.kind, breach.target) == ("service-standard", "First reply within 24 hours")
    assert breach.evidence == ("60 of 100 complied (60%, 95% CI 50–69%); target 90%",)
    assert breach.score == pytest.approx(100 * (0.9 - first.complied.high))
    assert unlucky.kind == "fix-article" and unlucky.score < breach.score
    assert "| Not reopened | 95% (89–98%) | 90% | 100 | yes |" in render_report(report, "md")
    assert [s["breached"] for s in json.loads(render_report(report, "json"))["standards"]] == [True, False]


def test_every_standard_measure_the_config_accepts_has_a_compliance_rule():
    from kbgen.config import STANDARD_MEASURES
    from kbgen.report.standards import COMPLIANCE

    assert set(COMPLIANCE) == set(STANDARD_MEASURES)


# -- the ranking on a scenario whose answer is known -----------------------------------------

def test_well_evidenced_problems_rank_above_an_article_with_two_votes():
    report = known_truth_report()
    ranked = [(item.kind, item.target) for item in report.improvements]
    assert ranked == [
        ("fix-article", "/billing/refunds/"),
        ("service-standard", "First reply within a day"),
        ("write-article", "dark mode"),
        ("write-article", "t-sso"),
    ]
    refunds, standard, search, topic = report.improvements
    assert refunds.evidence == (
        "80 of 120 votes not helpful (67%, 95% CI 58–74%); normal 25% (assumed: too few votes elsewhere)",
        '6 unhappy comments; 6 worded like "Refund button missing"',
        "40 tickets on its topic since it was published on 2026-09-01",
    )
    assert refunds.score == pytest.approx(120 * (wilson_interval(80, 120)[0] - 0.25) + 40 * 0.3)
    assert refunds.action.startswith("Rewrite the article: answer what the unhappy comments ask, largest group first (77% of the score). Find why")
    assert standard.evidence == ("120 of 170 complied (71%, 95% CI 63–77%); target 90%",)
    assert search.evidence == ("searched 25 times with no result", "by 2 different visitors")
    assert topic.evidence[0] == "30 tickets on this question and no published article"
    # Two "no" votes on a site where two thirds of the votes are "no" are not yet evidence.
    assert "/account/2fa/" not in [item.target for item in report.improvements]
    assert all(item.action and item.sample_size for item in report.improvements)
    # The order holds in every format.
    data = json.loads(render_report(report, "json"))
    assert [(i["kind"], i["target"]) for i in data["improvements"]] == ranked
    rows = list(csv.reader(io.StringIO(render_report(report, "csv"))))
    assert [(row[1], row[2]) for row in rows[1:]] == ranked


# -- trends, topics, merge and split ---------------------------------------------------------

SEP = datetime(2026, 9, 1, tzinfo=timezone.utc)


def test_a_comparison_period_gives_each_measure_its_previous_value():
    records = [FeedbackRecord("feedback", SEP + timedelta(days=d), page="/billing/vat/", helpful=d % 2 == 0) for d in range(10)]
    records += [FeedbackRecord("feedback", OCT + timedelta(days=d), page="/billing/vat/", helpful=False) for d in range(4)]
    records += [FeedbackRecord("search", SEP + timedelta(days=d), query="Dark mode", results=0) for d in range(3)]
    records += [FeedbackRecord("search", OCT + timedelta(days=d), query="dark mode!", results=0) for d in range(5)]
    records += [FeedbackRecord("survey", SEP + timedelta(days=1), survey="csat", score=5)]
    records += [FeedbackRecord("survey", OCT + timedelta(days=1), survey="csat", score=2)]
    tickets = [Ticket(id=f"s{n}", subject="", question="", created_at=SEP + timedelta(days=n)) for n in range(6)]
    tickets += [Ticket(id=f"o{n}", subject="", question="", created_at=OCT + timedelta(days=n)) for n in range(9)]
    assignments = {t.id: Assignment("t-vat", VAT.path) for t in tickets}
    october = Window(OCT, datetime(2026, 11, 1, tzinfo=timezone.utc))
    september = october.previous(GENERATED)
    assert september == Window(datetime(2026, 9, 30, tzinfo=timezone.utc) - timedelta(days=30), OCT)
    report = report_of(records, tickets=tickets, articles=[VAT], assignments=assignments, window=october, compare=september)

    [vat] = report.articles
    assert (vat.votes, vat.previous_share.part, vat.previous_share.n) == (4, 5, 10)
    [search] = report.searches
    assert (search.count, search.previous) == (5, 3)
    [topic] = report.topics
    assert (topic.tickets.count, topic.previous) == (9, 6)
    assert (report.current.tickets, report.previous.tickets) == (9, 6)
    assert (report.current.failed_searches, report.previous.failed_searches) == (5, 3)
    assert [s.value for s in report.previous.surveys] == [1.0]
    item = next(i for i in report.improvements if i.target == "/billing/vat/")
    assert "9 tickets on its topic in the period (no 'published' date in its front matter); 6 in the previous period" in item.evidence
    text = render_report(report, "md")
    assert "## Compared with the previous period (from 2026-08-31 to 2026-09-30)" in text
    assert "| Tickets | 9 | 6 |" in text
    # Weeks run from the first to the last week of the period, empty ones included; October
    # 2026 starts on a Thursday and ends on a Saturday.
    assert [(f"{w.start:%m-%d}", w.days) for w in report.weeks] == [("09-28", 4), ("10-05", 7), ("10-12", 7), ("10-19", 7), ("10-26", 6)]
    assert [w.tickets for w in report.weeks] == [4, 5, 0, 0, 0]
    assert "| 2026-09-28 (4 days) | 4 |" in text


def test_an_article_answering_several_topics_is_a_split_item():
    tickets = [Ticket(id=str(n), subject="", question="", created_at=T0) for n in range(30)]
    assignments = {t.id: Assignment("t-main" if int(t.id) < 20 else "t-other", INVOICE.path) for t in tickets}
    report = report_of([], tickets=tickets, articles=[INVOICE], assignments=assignments)
    split = next(i for i in report.improvements if i.kind == "split-article")
    assert split.target == "/billing/download-invoice/"
    assert split.evidence == ("30 tickets from 2 topics: 20 on its main topic t-main, 10 on t-other",)
    assert split.score == pytest.approx(10 * 0.15)
    # A few tickets off the main topic are noise, not a second question.
    few = {t.id: Assignment("t-main" if int(t.id) < 27 else "t-other", INVOICE.path) for t in tickets}
    assert not [i for i in report_of([], tickets=tickets, articles=[INVOICE], assignments=few).improvements if i.kind == "split-article"]


def test_one_search_opening_two_articles_alike_is_a_merge_item_and_counts_as_searches_that_led_there():
    def opened(query, page, times):
        return [FeedbackRecord("search", T0, query=query, results=3, opened=page) for _ in range(times)]

    records = opened("VAT invoice", INVOICE.url, 6) + opened("vat invoice?", VAT.url, 4) + opened("refund", VAT.url, 9)
    report = report_of(records, articles=[INVOICE, VAT])
    [merge] = report.improvements
    assert (merge.kind, merge.target) == ("merge-articles", "/billing/download-invoice/ + /billing/vat/")
    assert merge.title == "Download an invoice / Change your VAT number"
    assert merge.evidence[1] == '"vat invoice" opened /billing/download-invoice/ 6 times and /billing/vat/ 4 times'
    assert merge.score == pytest.approx(4 * 0.25)
    vat = next(a for a in report.articles if a.page == "/billing/vat/")
    assert (vat.searches, vat.search_terms) == (13, (("refund", 9), ("vat invoice?", 4)))
    # Two opens of the second article are not enough to call the two alike.
    assert report_of(opened("vat", INVOICE.url, 6) + opened("vat", VAT.url, 2), articles=[INVOICE, VAT]).improvements == ()


def test_comments_worded_alike_are_grouped():
    comments = [
        ("The reset link expired", False),
        ("Where is the PDF?", False),
        ("reset link has expired again!!", False),
        ("Link expired, reset does not work", True),
        ("Links expire too fast", False),
    ]
    groups = group_comments(comments)
    # Under "not helpful" and under "helpful" apart: the same words may be a complaint or praise.
    assert [(g.label, g.count, g.not_helpful) for g in groups] == [
        ("The reset link expired", 2, 2),
        ("Where is the PDF?", 1, 1),
        ("Links expire too fast", 1, 1),
        ("Link expired, reset does not work", 1, 0),
    ]
    assert [g.unhappy for g in groups] == [True, True, True, False]
    # Stop words of any of the site's languages do not make comments alike.
    assert len(group_comments([("Het werkt niet", False), ("Det fungerar inte", False)])) == 2


def test_surveys_from_ticket_links_count_for_the_ticket_topic():
    tickets = [Ticket(id=str(n), subject="", question="", created_at=T0) for n in range(3)]
    assignments = {t.id: Assignment("t-vat", VAT.path) for t in tickets}
    records = [FeedbackRecord("survey", T0, survey="csat", score=s, ticket=str(n)) for n, s in enumerate((5, 4, 1))]
    records.append(FeedbackRecord("survey", T0, survey="csat", score=5, ticket="unknown"))
    [topic] = report_of(records, tickets=tickets, articles=[VAT], assignments=assignments).topics
    [csat] = topic.surveys
    assert (csat.survey, csat.n, csat.value) == ("csat", 3, pytest.approx(2 / 3))


def test_a_project_surveys_answers_are_summarised_per_question():
    surveys = Surveys.with_templates({"onboarding": {"score": (1, 3), "ease": (1, 5)}})
    answers = [(3, 4), (2, 5), (3, 3), (1, None)]
    records = [
        FeedbackRecord("survey", T0, survey="onboarding", score=score, answers=(("ease", ease),) if ease else ())
        for score, ease in answers
    ]
    score, ease = report_of(records, surveys=surveys).surveys
    assert (score.key, score.n, score.value, score.measure) == ("onboarding", 4, 2.25, "mean answer (1-3)")
    assert score.counts == (("1", 1), ("2", 1), ("3", 2))
    assert (ease.key, ease.n, ease.value) == ("onboarding.ease", 3, 4.0)
    assert ease.low < 4.0 < ease.high <= 5.0
    data = json.loads(render_report(report_of(records, surveys=surveys), "json"))
    assert data["surveys"]["onboarding.ease"]["counts"] == {"1": 0, "2": 0, "3": 1, "4": 1, "5": 1}
    table = render_report(report_of(records, surveys=surveys), "md")
    assert "| ONBOARDING | mean answer (1-3) | 2.2 (95% CI 1.0 to 3.0) | 4 |" in table
    assert "| ONBOARDING: ease | mean answer (1-5) | 4.0 (95% CI 1.5 to 5.0) | 3 |" in table


def test_a_configured_resolved_status_counts_as_solved():
    tickets = [Ticket(id=str(n), subject="s", question="q", status="Done", agent_replies=1 + n % 2) for n in range(4)]
    assert report_of([], tickets=tickets).tickets.agent_replies_n == 0
    stats = report_of([], tickets=tickets, resolved_statuses=("done",)).tickets
    assert (stats.agent_replies_n, stats.one_touch.value) == (4, 0.5)


def test_without_a_period_the_weeks_are_the_last_twelve_with_data_and_the_week_under_way_is_marked():
    # A year of tickets, votes only in the last weeks: no table of 52 rows of "– of 0".
    now = datetime(2026, 11, 4, 15, tzinfo=timezone.utc)  # a Wednesday
    tickets = [Ticket(id=str(n), subject="", question="", created_at=now - timedelta(days=7 * n)) for n in range(52)]
    records = [FeedbackRecord("feedback", now - timedelta(days=1), page="/a/", helpful=True)]
    report = build_report(FeedbackLoad(records=tuple(records), files=1), tickets=tickets, generated_at=now)
    assert len(report.weeks) == 12 and report.weeks[-1].start == datetime(2026, 11, 2).date()
    assert [(w.days, w.current) for w in report.weeks[-2:]] == [(7, False), (3, True)]
    text = render_report(report, "md")
    assert "The last 12 weeks with data (--since and --until choose the period)." in text
    assert "| 2026-11-02 (3 days so far) | 1 | 100% of 1 | – | 0 |" in text
    assert "| 2026-10-26 | 1 | – | – | 0 |" in text
    assert "in 1 file (" in text


# -- a world whose truths are known: baselines, actions, praise, questions, what worked ---------


def test_the_known_truth_world_gets_the_action_each_article_needs():
    report = known_truth_world()
    items = {item.target: item for item in report.improvements}
    # 95% helpful over 500 votes is better than the site's normal: no fix item, whatever its 25 "no" votes.
    assert "/account/reset-password/" not in items
    bad, stream, sso, few = report.improvements
    assert (bad.target, stream.target, sso.target, few.target) == ("/billing/refund/", "/projects/gantt/", "t-sso", "/data/export/")
    # Votes beyond the normal share ask for a rewrite, with the unhappy comments as the reason.
    assert bad.evidence[0] == "70 of 100 votes not helpful (70%, 95% CI 60–78%); normal 6% (the other articles on the site, 603 votes)"
    assert bad.score == pytest.approx(100 * (wilson_interval(70, 100)[0] - 38 / 603))  # 38 "no" of the 603 others
    assert bad.action.startswith("Rewrite the article: answer what the unhappy comments ask")
    # Tickets still arriving on a helpful article: find out why, not a rewrite.
    assert stream.action.startswith("Find why customers still write in")
    assert "150 tickets on its topic since it was published on 2026-06-01" in stream.evidence
    assert stream.score == pytest.approx(150 * 0.3)
    # The question without an article says what to write, and which tickets to read.
    assert sso.title == SSO_QUESTION
    assert "newest tickets: s39, s38, s37, s36, s35" in sso.evidence
    # Three votes are not yet evidence: last, with a small score.
    assert few.score < 1
    # Praise is never quoted as a reason to fix, in any format.
    for fmt in ("md", "csv", "json", "html"):
        text = render_report(report, fmt)
        ranked = text.split("What worked")[0] if fmt != "json" else json.dumps(json.loads(text)["improvements"])
        assert "Worked first time" not in ranked, fmt


def test_what_worked_credits_the_topic_whose_tickets_stopped_in_every_format():
    report = known_truth_world()
    [stopped] = report.worked  # the only article with tickets before its publication
    assert (stopped.title, stopped.before, stopped.after, stopped.before_weeks) == ("Turn on two-step login", 200, 0, 12.0)
    # Without the article, its 16.7 tickets a week would have followed the rest's trend.
    assert stopped.expected == pytest.approx(200 / 12 * stopped.trend * stopped.after_weeks)
    assert stopped.avoided == pytest.approx(stopped.expected) and stopped.low > 0.9 * stopped.expected
    assert stopped.per_month == pytest.approx(stopped.avoided / stopped.after_weeks * 365.25 / 12 / 7)
    md = render_report(report, "md")
    assert "## What worked (an estimate)" in md
    assert "| Turn on two-step login | 2026-09-01 | 200 (16.7 over 12.0 weeks) | 0 (0.0 over 8.7 weeks) |" in md
    assert "Site total: about 164 tickets avoided so far" in md
    data = json.loads(render_report(report, "json"))
    assert [(w["title"], w["before"], w["after"]) for w in data["worked"]] == [("Turn on two-step login", 200, 0)]
    assert data["worked_total"]["avoided"] == pytest.approx(stopped.avoided)
    rows = list(csv.reader(io.StringIO(render_report(report, "csv"))))
    assert [(r[0], r[1], r[2]) for r in rows if r[1] == "worked"] == [("", "worked", "account/two-factor.md")]
    html = render_report(report, "html")
    assert 'id="chart-worked"' in html and "What worked (an estimate)" in html


def test_what_worked_credits_only_published_articles_whose_tickets_fell_and_prefers_the_main_language():
    from kbgen.report.deflection import deflections

    published = datetime(2026, 9, 1).date()
    main = Article(path="account/x.md", title="X", status="published", url="/account/x/", topic_id="t-x", published_on=published)
    dutch = Article(path="nl/account/x.md", title="X (nl)", status="published", url="/nl/account/x/", topic_id="t-x", language="nl", published_on=published)
    draft = Article(path="account/y.md", title="Y", status="draft", url="/account/y/", topic_id="t-y", published_on=published)
    rising = Article(path="account/z.md", title="Z", status="published", url="/account/z/", topic_id="t-z", published_on=published)
    start = datetime(2026, 7, 1, tzinfo=timezone.utc)
    tickets, assignments = [], {}

    def ticket(key: str, at: datetime, topic: str = "") -> None:
        tickets.append(Ticket(id=key, subject="", question="", created_at=at))
        if topic:
            assignments[key] = Assignment(topic, "")  # no article named: the topic finds it

    for n in range(120):  # July to October, one ticket a day each
        at = start + timedelta(days=n)
        before = at.date() < published
        if before:  # t-x (two languages) and t-y (a draft) stop at publication
            ticket(f"x{n}", at, "t-x")
            ticket(f"y{n}", at, "t-y")
        ticket(f"z{n}", at, "t-z")
        if not before:  # t-z doubles
            ticket(f"z{n}+", at, "t-z")
        ticket(f"o{n}", at)  # the rest: steady
    [worked] = deflections(tickets, [dutch, main, draft, rising], assignments)
    assert (worked.path, worked.after) == ("account/x.md", 0)
