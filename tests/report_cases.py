"""Feedback, tickets and articles with known measures, shared by the report's tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from kbgen.config import Standard
from kbgen.feedback.read import FeedbackLoad
from kbgen.records import Article, Assignment, FeedbackRecord, Ticket
from kbgen.report.build import build_report

T0 = datetime(2026, 10, 1, 9, 0, tzinfo=timezone.utc)
GENERATED = datetime(2026, 10, 31, 12, 0, tzinfo=timezone.utc)
INVOICE = Article(
    path="billing/download-invoice.md", title="Download an invoice", status="published", url="/billing/download-invoice/"
)
VAT = Article(path="billing/vat.md", title="Change your VAT number", status="published", url="/billing/vat/")
EXPORT = Article(path="data/export.md", title="Export your data", status="draft", url="/data/export/")


def votes(page: str, helpful: int, not_helpful: int, comments: tuple[str, ...] = ()) -> list[FeedbackRecord]:
    records = [FeedbackRecord("feedback", T0 + timedelta(minutes=i), page=page, helpful=True) for i in range(helpful)]
    for i in range(not_helpful):
        comment = comments[i] if i < len(comments) else ""
        at = T0 + timedelta(hours=1, minutes=i)
        records.append(FeedbackRecord("feedback", at, page=page, helpful=False, comment=comment))
    return records


def searches(query: str, times: int) -> list[FeedbackRecord]:
    return [
        FeedbackRecord("search", T0, query=query, results=0, client=f"{i % 2:016x}", page="/") for i in range(times)
    ]


def report_of(records, **kwargs):
    return build_report(FeedbackLoad(records=tuple(records), files=1), generated_at=GENERATED, **kwargs)


def sample_report():
    """Votes on two articles (one page in three URL forms) and searches that found nothing."""
    records = votes("/billing/download-invoice/", 14, 26, comments=("The button is gone", "Where is the PDF?"))
    # Same page in its other URL forms: joined to the same article.
    records += votes("/billing/download-invoice/index.html", 0, 0) + votes("/billing/vat", 0, 2)
    records += searches("Refund policy?", 4) + searches("refund   POLICY", 3) + searches("refundpolicy", 2)
    records += searches("lost key", 1)
    return report_of(records, articles=[INVOICE, VAT, EXPORT])


HOSTILE = '=HYPERLINK("http://evil") <script>alert(1)</script> [click](http://evil) `x` | y'


def hostile_report():
    """Customer text with markup and a formula in every place it shows: failed searches, comments
    and their groups, searches that led to a page."""
    # In every place customer text shows: failed searches, comments and their groups, searches that led to a page.
    opened = [FeedbackRecord("search", T0, query=HOSTILE, results=2, opened="/x/")]
    return report_of(searches(HOSTILE, 3) + votes("/x/", 0, 1, comments=(HOSTILE,)) + opened)


OCT = datetime(2026, 10, 1, tzinfo=timezone.utc)
REFUNDS = Article(
    path="billing/refunds.md", title="Get a refund", status="published", url="/billing/refunds/",
    published_on=datetime(2026, 9, 1).date(),
)  # fmt: skip
TWO_FACTOR = Article(path="account/2fa.md", title="Turn on two-step login", status="published", url="/account/2fa/")


def known_truth_report():
    """An article with many "no" votes and tickets still arriving; a topic with tickets and no
    article; a search that keeps failing; a missed first-response standard; an article with 2 votes."""
    records = votes("/billing/refunds/", 40, 80, comments=("Refund button missing",) * 6)
    records += votes("/account/2fa/", 0, 2, comments=("Useless",))
    records += searches("dark mode", 25)
    tickets, assignments = [], {}
    for n in range(40):  # on the refunds topic, after the article was published
        tickets.append(Ticket(id=f"r{n}", subject="Refund", question="?", created_at=OCT + timedelta(hours=n)))
        assignments[f"r{n}"] = Assignment("t-refund", REFUNDS.path)
    for n in range(30):  # a topic nobody wrote an article for
        tickets.append(Ticket(id=f"s{n}", subject="SSO", question="?", created_at=OCT + timedelta(hours=n)))
        assignments[f"s{n}"] = Assignment("t-sso", "")
    for n in range(100):  # one-off questions, half answered late
        late = n % 2 == 0
        created = OCT + timedelta(hours=n)
        tickets.append(
            Ticket(id=f"o{n}", subject="Other", question="?", created_at=created,
                   first_response_at=created + timedelta(hours=48 if late else 1))
        )  # fmt: skip
    tickets = [
        t if t.first_response_at else Ticket(**{**t.__dict__, "first_response_at": t.created_at + timedelta(hours=1)})
        for t in tickets
    ]
    standard = Standard(name="First reply within a day", measure="first_response", target=0.9, hours=24)
    return report_of(records, tickets=tickets, articles=[REFUNDS, TWO_FACTOR], assignments=assignments, standards=[standard])


def _dated_votes(page: str, helpful: int, not_helpful: int, praise: tuple[str, ...] = (), unhappy: tuple[str, ...] = ()) -> list[FeedbackRecord]:
    """Votes on page; the first helpful ones carry praise, the first "not helpful" ones unhappy."""
    records = [
        FeedbackRecord("feedback", T0 + timedelta(minutes=i), page=page, helpful=True, comment=praise[i] if i < len(praise) else "")
        for i in range(helpful)
    ]
    records += [
        FeedbackRecord("feedback", T0 + timedelta(hours=1, minutes=i), page=page, helpful=False, comment=unhappy[i] if i < len(unhappy) else "")
        for i in range(not_helpful)
    ]
    return records


WORLD_ARTICLES = {
    name: Article(path=f"{folder}/{slug}.md", title=title, status="published", url=f"/{folder}/{slug}/", published_on=published)
    for name, folder, slug, title, published in (
        ("good", "account", "reset-password", "Reset your password", datetime(2026, 6, 1).date()),
        ("bad", "billing", "refund", "Get a refund", datetime(2026, 6, 1).date()),
        ("few", "data", "export", "Export your data", datetime(2026, 6, 1).date()),
        ("stream", "projects", "gantt", "Read the Gantt chart", datetime(2026, 6, 1).date()),
        ("stopped", "account", "two-factor", "Turn on two-step login", datetime(2026, 9, 1).date()),
    )
}
SSO_QUESTION = "How do I sign in with single sign-on?"


def known_truth_world():
    """The report's known truths, each planted once (GENERATED is 2026-10-31):

    - good: 500 votes, 95% helpful, 18 praising comments: no fix item, praise never a reason;
    - bad: 100 votes, 70% not helpful, 8 unhappy comments worded alike: a fix item, rewrite;
    - few: 3 votes, all "not helpful": low in the ranking;
    - stream: 60 votes, 90% helpful, 150 tickets since it was published: "still write in";
    - sso: 40 tickets on a question without an article: its question and ticket ids shown;
    - stopped: 200 tickets in the 12 weeks before it was published on 2026-09-01, none after:
      credited in "what worked";
    - 5 other tickets a week throughout, the trend the stopped topic is set against.
    """
    a = WORLD_ARTICLES
    records = _dated_votes(a["good"].url, 475, 25, praise=("Worked first time, thanks",) * 18, unhappy=("Link expired",) * 2)
    records += _dated_votes(a["bad"].url, 30, 70, unhappy=("Refund button missing",) * 8)
    records += _dated_votes(a["few"].url, 0, 3)
    records += _dated_votes(a["stream"].url, 54, 6)
    records += _dated_votes(a["stopped"].url, 36, 4)
    tickets, assignments = [], {}

    def ticket(key: str, at: datetime, assignment: Assignment | None) -> None:
        tickets.append(Ticket(id=key, subject="", question="", created_at=at, first_response_at=at + timedelta(hours=1)))
        if assignment:
            assignments[key] = assignment

    june = datetime(2026, 6, 8, 9, tzinfo=timezone.utc)
    for n in range(150):  # a steady stream since 2026-06-08 on the helpful Gantt article
        ticket(f"g{n}", june + timedelta(hours=20 * n), Assignment("t-gantt", a["stream"].path, a["stream"].title))
    for n in range(40):
        ticket(f"s{n}", OCT + timedelta(hours=12 * n), Assignment("t-sso", "", SSO_QUESTION))
    for n in range(200):  # 2026-06-09 to 2026-08-31, then nothing
        ticket(f"f{n}", datetime(2026, 6, 9, tzinfo=timezone.utc) + timedelta(hours=10 * n), Assignment("t-2fa", a["stopped"].path, a["stopped"].title))
    for n in range(5 * 21):  # 21 weeks of other questions
        ticket(f"o{n}", june + timedelta(hours=33.6 * n), None)
    return report_of(records, tickets=tickets, articles=list(a.values()), assignments=assignments)
