"""Service standards (``standards:`` in kbgen.yml): the share of cases that comply with each."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kbgen.config import Standard
from kbgen.records import FeedbackRecord, Ticket
from kbgen.report.records import StandardResult
from kbgen.stats import Share, share
from kbgen.surveys import CSAT_SATISFIED


def check_standard(standard: Standard, records: Sequence[FeedbackRecord], tickets: Sequence[Ticket]) -> StandardResult:
    complied = COMPLIANCE[standard.measure](standard, records, tickets)
    return StandardResult(standard.name, standard.measure, standard.target, standard.hours, complied)


def _within_hours(durations: Sequence[float | None], hours: float | None) -> Share:
    known = [d for d in durations if d is not None and d >= 0]  # a negative one is a clock or export error
    return share(sum(1 for d in known if d <= (hours or 0) * 3600), len(known))


def _csat_compliance(standard: Standard, records: Sequence[FeedbackRecord], tickets: Sequence[Ticket]) -> Share:
    scores = [r.score for r in records if r.kind == "survey" and r.survey == "csat" and r.score is not None]
    return share(sum(1 for s in scores if s >= CSAT_SATISFIED), len(scores))


# Service standard measure (kbgen.config.STANDARD_MEASURES) -> the share of cases that comply.
COMPLIANCE: dict[str, Callable[[Standard, Sequence[FeedbackRecord], Sequence[Ticket]], Share]] = {
    "first_response": lambda standard, records, tickets: _within_hours([t.first_response_s for t in tickets], standard.hours),
    "resolution": lambda standard, records, tickets: _within_hours([t.resolution_s for t in tickets], standard.hours),
    "csat": _csat_compliance,
    "not_reopened": lambda standard, records, tickets: share(sum(1 for t in tickets if t.reopens == 0), len(tickets)),
}
