"""What worked: the tickets each published article saved, estimated from its topic's tickets
before and after its ``published:`` date.

For an article published on day P, over the tickets of every export given (whatever the
report's period): its topic's tickets per week in the BEFORE_WEEKS before P, and since P up to
the newest ticket. Without the article, the topic is assumed to have followed the rest of the
tickets: their number per week changed by a factor (the trend) between the same two spans, and
the topic's would have changed alike (a busy season lifts every topic). Expected since P = rate
before x trend x weeks since; avoided = expected - tickets since P. The 95% range comes from the
two counts alone (Poisson: the share of the topic's tickets that fell after P, given both
spans, has a Wilson interval); the trend is taken as known. An estimate, labelled as one in
every format.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, timedelta, timezone

from kbgen.records import Article, Assignment, Ticket
from kbgen.report.measures import article_finder
from kbgen.report.records import Deflection
from kbgen.stats import wilson_interval

BEFORE_WEEKS = 12  # the span before publication the topic's usual rate is measured on
MIN_BEFORE = 10  # tickets before publication, for an estimate at all
MIN_DAYS = 7  # days on each side of the publication date


def deflections(tickets: Sequence[Ticket], articles: Sequence[Article], assignments: Mapping[str, Assignment]) -> tuple[Deflection, ...]:
    """One estimate per published article with a ``published:`` date, MIN_BEFORE tickets on its
    topic before it and MIN_DAYS on each side, whose topic's tickets fell below what the trend
    expected (what worked); most tickets avoided first."""
    days = [t.created_at.astimezone(timezone.utc).date() for t in tickets if t.created_at]
    if not days:
        return ()
    first, end = min(days), max(days) + timedelta(days=1)  # end: the day after the newest ticket
    answering = article_finder(articles)
    per_day: dict[Article, Counter[date]] = {}  # article -> its topic's tickets per day
    every_day: Counter[date] = Counter()
    for ticket, day in zip((t for t in tickets if t.created_at), days):
        every_day[day] += 1
        assignment = assignments.get(ticket.id)
        article = assignment and answering(assignment)
        if article and article.status == "published" and article.published_on:
            per_day.setdefault(article, Counter())[day] += 1
    found = []
    for article, counts in per_day.items():
        published = article.published_on
        start = max(first, published - timedelta(weeks=BEFORE_WEEKS))
        if (published - start).days < MIN_DAYS or (end - published).days < MIN_DAYS:
            continue
        before, after = _between(counts, start, published), _between(counts, published, end)
        if before < MIN_BEFORE:
            continue
        others_before = _between(every_day, start, published) - before
        others_after = _between(every_day, published, end) - after
        before_weeks, after_weeks = (published - start).days / 7, (end - published).days / 7
        trend = (others_after / after_weeks) / (others_before / before_weeks) if others_before and others_after else 1.0
        rate = before / before_weeks
        expected = rate * trend * after_weeks
        # The share of the topic's tickets that fell after publication, given both spans, bounds
        # the ratio of its rates after and before (R), and so the tickets avoided: rate x weeks
        # since x (trend - R).
        shares = wilson_interval(after, after + before)
        ratios = [share / (1 - share) * before_weeks / after_weeks if share < 1 else float("inf") for share in shares]
        low, high = (rate * after_weeks * (trend - ratio) for ratio in reversed(ratios))
        if expected > after:
            found.append(Deflection(article.path, article.title, published, before, before_weeks, after, after_weeks, trend, expected, expected - after, low, high))
    found.sort(key=lambda d: (-d.avoided, d.path))
    return tuple(found)


def _between(per_day: Counter[date], start: date, end: date) -> int:
    """Tickets of the days from start up to (not including) end."""
    return sum(n for day, n in per_day.items() if start <= day < end)
