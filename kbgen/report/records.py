"""The report's records: what was measured, per article, search, topic, standard, period and week.

Shares carry their Wilson 95% interval (``kbgen.stats.Share``) and survey summaries theirs
(``kbgen.surveys.SurveySummary``); durations are hours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kbgen.records import Improvement
from kbgen.stats import Share
from kbgen.surveys import SurveySummary


WEEKS_PER_MONTH = 365.25 / 12 / 7


@dataclass(frozen=True)
class Hours:
    """Median and 90th percentile (nearest rank) of durations in hours, over n tickets."""

    n: int
    median: float | None
    p90: float | None


@dataclass(frozen=True)
class CommentGroup:
    """Comments on one article worded alike, all left with a "not helpful" vote or all not."""

    label: str  # the group's first comment (newest first)
    count: int
    not_helpful: int  # of them left with a "not helpful" vote: count, or 0 for praise

    @property
    def unhappy(self) -> bool:
        return self.not_helpful > 0


@dataclass(frozen=True)
class ArticleStats:
    page: str  # normalized site path the votes came from
    title: str  # the article's title, or the page path when no article has that URL
    path: str  # article file relative to the content directory; "" when none matches
    votes: int
    helpful: int
    not_helpful: int
    helpful_share: Share
    comments: tuple[str, ...]  # not helpful first, newest first
    comment_groups: tuple[CommentGroup, ...] = ()  # of the newest COMMENT_SAMPLE comments, largest first
    searches: int = 0  # searches whose visitor opened this page from the results
    search_terms: tuple[tuple[str, int], ...] = ()  # the most frequent of those searches, with counts
    previous_share: Share | None = None  # helpful share in the comparison period


@dataclass(frozen=True)
class SearchGroup:
    """Searches that found nothing, grouped by wording (case, punctuation and spaces ignored)."""

    query: str  # the group's most frequent normalized wording: case-folded, punctuation removed, spaces collapsed
    label: str  # the wording visitors used most often
    count: int
    visitors: int  # distinct daily client hashes
    previous: int | None = None  # times in the comparison period; None without one


@dataclass(frozen=True)
class TicketStats:
    count: int
    first_response_h: Hours
    resolution_h: Hours
    agent_replies_mean: float | None  # over solved tickets whose export counts agent replies
    agent_replies_n: int
    one_touch: Share  # solved with exactly one agent reply
    reopened: Share


@dataclass(frozen=True)
class TopicStats:
    """Tickets of one topic (from the assignments file) and the article that answers it."""

    topic: str  # topic id; the article path for assignments without one
    article: str  # article path; "" when the topic has none
    title: str
    status: str  # the article's status ("published", "draft", ...); "none" without an article
    page: str  # the article's site path; "" without one
    tickets: TicketStats
    previous: int | None  # tickets in the comparison period; None without one
    published_on: date | None
    since_published: int  # tickets created on or after published_on (all of them when it is unknown)
    surveys: tuple[SurveySummary, ...]  # answers from survey links carrying a ticket id of this topic
    examples: tuple[str, ...] = ()  # ids of its newest tickets, for a writer to read


@dataclass(frozen=True)
class StandardResult:
    """How a service standard fared: part of n complied; breached when the share is below target."""

    name: str
    measure: str
    target: float
    hours: float | None
    complied: Share

    @property
    def breached(self) -> bool:
        return self.complied.value is not None and self.complied.value < self.target


@dataclass(frozen=True)
class Window:
    """The period a report covers: since (inclusive) to until (exclusive); None is open."""

    since: datetime | None = None
    until: datetime | None = None

    def holds(self, moment: datetime | None) -> bool:
        if self.since is None and self.until is None:
            return True
        if moment is None:
            return False  # a dateless ticket cannot be placed in a period
        return (self.since is None or moment >= self.since) and (self.until is None or moment < self.until)

    def previous(self, now: datetime) -> Window | None:
        """The equally long period just before this one; None when this one has no start."""
        if self.since is None:
            return None
        return Window(self.since - ((self.until or now) - self.since), self.since)

    def label(self) -> str:
        if self.since is None and self.until is None:
            return ""
        start = f"{self.since:%Y-%m-%d}" if self.since else "the start"
        end = f"{self.until - timedelta(seconds=1):%Y-%m-%d}" if self.until else "now"
        return f"from {start} to {end}"


@dataclass(frozen=True)
class PeriodFigures:
    """The headline figures of one period, set against another for trends."""

    window: Window
    submissions: int
    helpful: Share  # over every vote on the site
    surveys: tuple[SurveySummary, ...]
    tickets: int
    failed_searches: int


@dataclass(frozen=True)
class Week:
    """One week (Monday to Sunday, UTC) of the period, for the trend chart."""

    start: date
    days: int  # of its 7 days, those within the period up to today (the first and last may be cut)
    tickets: int
    helpful: Share
    csat: Share
    failed_searches: int
    current: bool = False  # the week the report was made in: still under way


@dataclass(frozen=True)
class Deflection:
    """The tickets one article is estimated to have saved since it was published
    (kbgen.report.deflection)."""

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


@dataclass(frozen=True)
class Report:
    improvements: tuple[Improvement, ...]  # ranked, best first
    articles: tuple[ArticleStats, ...]
    searches: tuple[SearchGroup, ...]
    surveys: tuple[SurveySummary, ...]
    tickets: TicketStats | None  # None when no tickets were given
    generated_at: datetime
    first_at: datetime | None  # oldest and newest submission considered
    last_at: datetime | None
    records: int
    files: int
    skipped: int
    torn: int
    duplicates: int
    window: Window = Window()
    outside: int = 0  # submissions and tickets left out as outside the window
    repeats: int = 0  # repeated answers counted once
    bots: int = 0  # submissions of robots dropped
    standards: tuple[StandardResult, ...] = ()
    topics: tuple[TopicStats, ...] = ()  # most tickets first
    current: PeriodFigures | None = None
    previous: PeriodFigures | None = None  # the comparison period; None without one
    weeks: tuple[Week, ...] = ()
    ticket_duplicates: int = 0  # ticket records replaced by newer ones of the same ticket
    ticket_bad_rows: int = 0  # ticket records skipped as unreadable (--skip-bad-rows)
    articles_read: bool = True  # False: ranked without the content folder (--no-content)
    worked: tuple[Deflection, ...] = ()  # tickets each published article saved, most first (an estimate)
