"""``build_report``: feedback records, tickets and articles in, a ``Report`` out.

Pure: nothing is read or written here (``kbgen.pipeline.run_report`` reads the inputs,
``kbgen.report.formats`` prints the result). Only submissions received and tickets created within
the report's Window count; the comparison window (by default the equally long period before)
gives the trends.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime, timezone

from kbgen.config import SiteConfig, Standard
from kbgen.feedback.read import FeedbackLoad
from kbgen.pages import normalize_page
from kbgen.records import Article, Assignment, Ticket
from kbgen.report.deflection import deflections
from kbgen.report.measures import (
    article_stats,
    failed_searches,
    opened_pages,
    period_figures,
    ticket_stats,
    topic_stats,
    weeks,
)
from kbgen.report.records import Report, Window
from kbgen.report.rules import Findings, rank_improvements
from kbgen.report.standards import check_standard
from kbgen.surveys import Surveys


def build_report(
    feedback: FeedbackLoad,
    tickets: Sequence[Ticket] = (),
    articles: Sequence[Article] = (),
    assignments: Mapping[str, Assignment] = {},
    generated_at: datetime | None = None,
    window: Window = Window(),
    standards: Sequence[Standard] = (),
    compare: Window | None = None,
    ticket_duplicates: int = 0,
    ticket_bad_rows: int = 0,
    surveys: Surveys = Surveys(),
    resolved_statuses: Collection[str] = SiteConfig.resolved_statuses,
    articles_read: bool = True,
) -> Report:
    """Measures and ranked improvements. Only submissions received, and tickets created, within
    window count; those within compare (a period to set them against) give the trends.
    ticket_duplicates and ticket_bad_rows are what reading the exports replaced and skipped;
    surveys are the project's (built-in and its templates'); resolved_statuses the ticket
    statuses that count as solved (kbgen.yml's drafts.statuses); articles_read False: the
    report was asked for without the content folder (--no-content), and says so."""
    generated_at = generated_at or datetime.now(timezone.utc)
    records = tuple(r for r in feedback.records if window.holds(r.received_at))
    every_ticket = tickets  # what worked looks before and after each publication, whatever the period
    kept_tickets = tuple(t for t in tickets if window.holds(t.created_at))
    outside = len(feedback.records) - len(records) + len(tickets) - len(kept_tickets)
    earlier_records = tuple(r for r in feedback.records if compare.holds(r.received_at)) if compare else None
    earlier_tickets = tuple(t for t in tickets if compare.holds(t.created_at)) if compare else None
    tickets = kept_tickets

    findings = Findings(
        articles=article_stats(records, articles, earlier_records),
        searches=failed_searches(records, earlier_records),
        topics=topic_stats(tickets, earlier_tickets, records, articles, assignments, surveys, resolved_statuses),
        standards=tuple(check_standard(standard, records, tickets) for standard in standards),
        opened=opened_pages(records),
        titles={normalize_page(a.url): a.title for a in articles if a.url},
    )
    current = period_figures(window, records, tickets, surveys)
    moments = [r.received_at for r in records]
    return Report(
        improvements=rank_improvements(findings),
        articles=findings.articles,
        searches=findings.searches,
        surveys=current.surveys,
        tickets=ticket_stats(tickets, resolved_statuses) if tickets else None,
        generated_at=generated_at,
        first_at=min(moments) if moments else None,
        last_at=max(moments) if moments else None,
        records=len(records),
        files=feedback.files,
        skipped=feedback.skipped,
        torn=feedback.torn,
        duplicates=feedback.duplicates,
        repeats=feedback.repeats,
        bots=feedback.bots,
        window=window,
        outside=outside,
        standards=findings.standards,
        topics=findings.topics,
        current=current,
        previous=period_figures(compare, earlier_records, earlier_tickets, surveys) if compare else None,
        weeks=weeks(records, tickets, window, generated_at),
        ticket_duplicates=ticket_duplicates,
        ticket_bad_rows=ticket_bad_rows,
        articles_read=articles_read,
        worked=deflections(every_ticket, articles, assignments),
    )
