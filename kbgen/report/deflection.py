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
from dataclasses import dataclass
from datetime import date, timedelta, timezone

from kbgen.records import Article, Assignment, Ticket
from kbgen.stats import wilson_interval

BEFORE_WEEKS = 12  # the span before publication the topic's usual rate is measured on
MIN_BEFORE = 10  # tickets before publication, for an estimate at all
MIN_DAYS = 7  # days on each side of the publication date
WEEKS_PER_MONTH = 365.25 / 12 / 7


@dataclass(frozen=True)
class Deflection:
    """The tickets one article is estimated to have saved since it was published."""

    path: str  # article file
    title: str
    published_on: date
    before: int  # the topic's tickets in the span before publication
    before_weeks: float
    after: int  # ... and since
    after_weeks: float
    trend: float  # the rest of the tickets' number per week, since / before
    expected: float  # tickets expected since publication without the article
    avoided: float  # expected - after
    low: float  # 95% range of avoided
    high: float

    @property
    def rate_before(self) -> float:
        return self.before / self.before_weeks

    @property
    def rate_after(self) -> float:
        return self.after / self.after_weeks

    @property
    def per_month(self) -> float:
        return self.avoided / self.after_weeks * WEEKS_PER_MONTH


def deflections(tickets: Sequence[Ticket], articles: Sequence[Article], assignments: Mapping[str, Assignment]) -> tuple[Deflection, ...]:
    """One estimate per published article with a ``published:`` date, MIN_BEFORE tickets on its
    topic before it and MIN_DAYS on each side, whose topic's tickets fell below what the trend
    expected (what worked); most tickets avoided first."""
    days = [t.created_at.astimezone(timezone.utc).date() for t in tickets if t.created_at]
    if not days:
        return ()
    first, end = min(days), max(days) + timedelta(days=1)  # end: the day after the newest ticket
    by_path = {a.path: a for a in articles}
    by_topic: dict[str, Article] = {}
    for a in sorted(articles, key=lambda a: (a.language != "", a.path)):  # a translation only when alone
        if a.topic_id:
            by_topic.setdefault(a.topic_id, a)
    per_day: dict[str, Counter[date]] = {}  # article path -> its topic's tickets per day
    every_day: Counter[date] = Counter()
    for ticket, day in zip((t for t in tickets if t.created_at), days):
        every_day[day] += 1
        assignment = assignments.get(ticket.id)
        article = assignment and (by_path.get(assignment.article) or by_topic.get(assignment.topic_id))
        if article and article.status == "published" and article.published_on:
            per_day.setdefault(article.path, Counter())[day] += 1
    found = []
    for path, counts in per_day.items():
        article = by_path[path]
        published = article.published_on
        start = max(first, published - timedelta(weeks=BEFORE_WEEKS))
        if (published - start).days < MIN_DAYS or (end - published).days < MIN_DAYS:
            continue
        before = sum(n for day, n in counts.items() if start <= day < published)
        after = sum(n for day, n in counts.items() if day >= published)
        if before < MIN_BEFORE:
            continue
        others_before = sum(n for day, n in every_day.items() if start <= day < published) - before
        others_after = sum(n for day, n in every_day.items() if day >= published) - after
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
            found.append(Deflection(path, article.title, published, before, before_weeks, after, after_weeks, trend, expected, expected - after, low, high))
    found.sort(key=lambda d: (-d.avoided, d.path))
    return tuple(found)
