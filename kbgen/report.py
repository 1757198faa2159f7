"""Measures from feedback and tickets, and the ranked list of what to improve.

``build_report`` is pure: records in, a ``Report`` out; ``kbgen.report_formats`` prints it.

Each item's score estimates the customers affected x how badly, discounted by uncertainty
(higher first; ties by kind, then target):

* ``fix-article`` (target: page path): votes x the Wilson 95% lower bound of the "not
  helpful" share, plus tickets on its topic since it was published x 0.3 (the share of those
  customers a good article is assumed to spare a ticket).
* ``write-article`` (target: normalized query): a search that found nothing, asked at least
  twice: times x 0.5.
* ``write-article`` (target: article file or topic id): tickets on a topic whose article is
  still a draft, or that has none: tickets x 0.3.
* ``split-article`` (target: page path): an article answering tickets of several topics:
  tickets outside its main topic x 0.15.
* ``merge-articles`` (target: both page paths): the same searches open two articles:
  opens of the less opened one x 0.25.
* ``service-standard`` (target: standard name): a standard of kbgen.yml missed:
  cases x (target - Wilson 95% upper bound of the complying share), so a miss that may be
  chance scores 0.

Only submissions received and tickets created within the report's Window count; the
comparison window (by default the equally long period before) gives the trends.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Callable, Mapping, Sequence
from urllib.parse import unquote

from stop_words import get_stop_words

from kbgen import languages
from kbgen.config import SiteConfig, Standard
from kbgen.feedback import SURVEY_SCALES, FeedbackLoad
from kbgen.records import Article, Assignment, FeedbackRecord, Improvement, Ticket

Z95 = 1.959964
FIX_ARTICLE = "fix-article"
WRITE_ARTICLE = "write-article"
SPLIT_ARTICLE = "split-article"
MERGE_ARTICLES = "merge-articles"
SERVICE_STANDARD = "service-standard"
SEARCH_WEIGHT = 0.5  # a search that found nothing: the visitor left without an answer, or wrote in
TICKET_WEIGHT = 0.3  # a ticket a good article could have spared (assumed share)
SPLIT_WEIGHT = 0.15  # a ticket answered by an article written for another question
MERGE_WEIGHT = 0.25  # a search that could not tell two articles apart
STANDARD_WEIGHT = 1.0  # per customer below the target share: a missed promise weighs like a failed answer
MIN_FAILED_SEARCHES = 2
MIN_SPLIT_TICKETS = 5  # tickets outside an article's main topic, and their share, before a split
SPLIT_SHARE = 0.25
MIN_MERGE_OPENS = 3  # opens of each article from the same searches, and the smaller's share of the larger
MERGE_SHARE = 0.3
COMMENT_SAMPLE = 300  # newest comments of an article grouped by wording (not-helpful ones first)
COMMENT_GROUPS = 30
SIMILAR_WORDING = 0.5  # Jaccard overlap of two comments' word stems to share a group


# -- records ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Share:
    """part of n, with its Wilson 95% interval; value and bounds are None when n is 0."""

    part: int
    n: int
    value: float | None
    low: float | None
    high: float | None


@dataclass(frozen=True)
class Hours:
    """Median and 90th percentile (nearest rank) of durations in hours, over n tickets."""

    n: int
    median: float | None
    p90: float | None


@dataclass(frozen=True)
class CommentGroup:
    """Comments on one article worded alike."""

    label: str  # the group's first comment (not helpful and newest first)
    count: int
    not_helpful: int  # of them left with a "not helpful" vote


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
class SurveySummary:
    survey: str  # csat, nps or ces
    n: int
    measure: str  # what value means
    value: float | None  # csat: share 0-1 of 4-5; nps: -100..100; ces: mean score
    low: float | None = None  # 95% interval: Wilson (csat), adjusted Wald (nps), Student's t (ces)
    high: float | None = None
    counts: tuple[tuple[str, int], ...] = ()  # e.g. promoters, passives, detractors


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
    days: int  # of its 7 days, those within the period (the first and last week may be cut)
    tickets: int
    helpful: Share
    csat: Share
    failed_searches: int


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


# -- statistics ------------------------------------------------------------------------------


def wilson_interval(part: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of part/n; (0, 1) when there is no data."""
    if n <= 0:
        return 0.0, 1.0
    p = part / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    margin = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - margin), min(1.0, centre + margin)


def share(part: int, n: int) -> Share:
    if n <= 0:
        return Share(part, n, None, None, None)
    low, high = wilson_interval(part, n)
    return Share(part, n, part / n, low, high)


def hours(durations_s: Sequence[float]) -> Hours:
    values = sorted(s / 3600 for s in durations_s if s >= 0)
    if not values:
        return Hours(0, None, None)
    return Hours(len(values), statistics.median(values), values[math.ceil(0.9 * len(values)) - 1])


# -- normalization ---------------------------------------------------------------------------


@lru_cache(maxsize=65_536)  # a site has few pages and customers repeat their searches
def normalize_page(page: str) -> str:
    """One form per page: /a/b, /a/b/, /a/b/index.html and /a/b.html are all /a/b/."""
    path = unquote(page.split("?", 1)[0].split("#", 1)[0]) or "/"
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    elif path.endswith(".html"):
        path = path[: -len(".html")]
    return path if path.endswith("/") else path + "/"


@lru_cache(maxsize=65_536)
def normalize_query(query: str) -> str:
    """Case-folded, punctuation turned to spaces, whitespace collapsed."""
    folded = "".join(" " if unicodedata.category(c).startswith("P") else c for c in query.casefold())
    return " ".join(folded.split())


# -- building --------------------------------------------------------------------------------


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
) -> Report:
    """Measures and ranked improvements. Only submissions received, and tickets created, within
    window count; those within compare (a period to set them against) give the trends.
    ticket_duplicates and ticket_bad_rows are what reading the exports replaced and skipped."""
    generated_at = generated_at or datetime.now(timezone.utc)
    records = tuple(r for r in feedback.records if window.holds(r.received_at))
    kept_tickets = tuple(t for t in tickets if window.holds(t.created_at))
    outside = len(feedback.records) - len(records) + len(tickets) - len(kept_tickets)
    earlier_records = tuple(r for r in feedback.records if compare.holds(r.received_at)) if compare else None
    earlier_tickets = tuple(t for t in tickets if compare.holds(t.created_at)) if compare else None
    tickets = kept_tickets

    article_stats = _article_stats(records, articles, earlier_records)
    searches = _failed_searches(records, earlier_records)
    topics = _topic_stats(tickets, earlier_tickets, records, articles, assignments)
    results = tuple(_standard(standard, records, tickets) for standard in standards)
    improvements = _fix_articles(article_stats, topics)
    improvements += [_write_for_search(g) for g in searches if g.count >= MIN_FAILED_SEARCHES]
    improvements += [_write_for_topic(t) for t in topics if t.status != "published"]
    improvements += _splits(topics)
    improvements += _merges(records, articles)
    improvements += [_breach(result) for result in results if result.breached]
    improvements.sort(key=lambda i: (-i.score, i.kind, i.target))
    current = _period_figures(window, records, tickets)
    moments = [r.received_at for r in records]
    return Report(
        improvements=tuple(improvements),
        articles=article_stats,
        searches=searches,
        surveys=current.surveys,
        tickets=_ticket_stats(tickets) if tickets else None,
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
        standards=results,
        topics=topics,
        current=current,
        previous=_period_figures(compare, earlier_records, earlier_tickets) if compare else None,
        weeks=_weeks(records, tickets, window),
        ticket_duplicates=ticket_duplicates,
        ticket_bad_rows=ticket_bad_rows,
    )


def _article_stats(
    records: Sequence[FeedbackRecord], articles: Sequence[Article], earlier: Sequence[FeedbackRecord] | None
) -> tuple[ArticleStats, ...]:
    by_url = {normalize_page(a.url): a for a in articles if a.url}
    votes: dict[str, list[FeedbackRecord]] = defaultdict(list)
    opened: dict[str, Counter[str]] = defaultdict(Counter)
    for record in records:
        if record.kind == "feedback":
            if record.helpful is not None and record.page:
                votes[normalize_page(record.page)].append(record)
        elif record.kind == "search" and record.opened:
            opened[normalize_page(record.opened)][" ".join(record.query.split())] += 1
    before = _votes_by_page(earlier) if earlier is not None else None
    stats = []
    for page in votes.keys() | opened.keys():
        article = by_url.get(page)
        page_votes = votes.get(page, [])
        helpful = sum(1 for r in page_votes if r.helpful)
        # Comments from "not helpful" votes first: they say what is missing.
        commented = sorted(
            (r for r in page_votes if r.comment), key=lambda r: (r.helpful, -r.received_at.timestamp())
        )
        terms = opened.get(page, Counter())
        stats.append(
            ArticleStats(
                page=page,
                title=article.title if article else page,
                path=article.path if article else "",
                votes=len(page_votes),
                helpful=helpful,
                not_helpful=len(page_votes) - helpful,
                helpful_share=share(helpful, len(page_votes)),
                comments=tuple(r.comment for r in commented),
                comment_groups=group_comments([(r.comment, bool(r.helpful)) for r in commented[:COMMENT_SAMPLE]]),
                searches=sum(terms.values()),
                search_terms=tuple(sorted(terms.items(), key=lambda item: (-item[1], item[0]))[:5]),
                previous_share=share(*before.get(page, (0, 0))) if before is not None else None,
            )
        )
    stats.sort(key=lambda s: (-s.votes, -s.searches, s.page))
    return tuple(stats)


def _votes_by_page(records: Sequence[FeedbackRecord]) -> dict[str, tuple[int, int]]:
    """page -> (helpful votes, votes)."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for record in records:
        if record.kind == "feedback" and record.helpful is not None and record.page:
            entry = counts[normalize_page(record.page)]
            entry[0] += record.helpful
            entry[1] += 1
    return {page: (helpful, n) for page, (helpful, n) in counts.items()}


def _failed_searches(records: Sequence[FeedbackRecord], earlier: Sequence[FeedbackRecord] | None) -> tuple[SearchGroup, ...]:
    """Searches that found nothing, grouped by normalized wording; "darkmode" and "dark mode"
    are one group (compared without spaces), named by its most frequent wording."""
    wordings: dict[str, Counter[str]] = defaultdict(Counter)  # group -> wordings as typed
    normalized: dict[str, Counter[str]] = defaultdict(Counter)
    clients: dict[str, set[str]] = defaultdict(set)
    for record in records:
        if record.kind != "search" or record.results != 0:
            continue
        query = normalize_query(record.query)
        if not query:
            continue
        key = query.replace(" ", "")
        wordings[key][" ".join(record.query.split())] += 1
        normalized[key][query] += 1
        if record.client:
            clients[key].add(record.client)
    before = (
        Counter(normalize_query(r.query).replace(" ", "") for r in earlier if r.kind == "search" and r.results == 0)
        if earlier is not None
        else None
    )
    groups = [
        SearchGroup(
            query=_most_frequent(normalized[key]),
            label=_most_frequent(counter),
            count=sum(counter.values()),
            visitors=len(clients[key]),
            previous=before.get(key, 0) if before is not None else None,
        )
        for key, counter in wordings.items()
    ]
    groups.sort(key=lambda g: (-g.count, g.query))
    return tuple(groups)


def _most_frequent(counter: Counter[str]) -> str:
    """The most frequent entry; the alphabetically first of equally frequent ones."""
    return min(counter.items(), key=lambda item: (-item[1], item[0]))[0]


def _topic_stats(
    tickets: Sequence[Ticket],
    earlier: Sequence[Ticket] | None,
    records: Sequence[FeedbackRecord],
    articles: Sequence[Article],
    assignments: Mapping[str, Assignment],
) -> tuple[TopicStats, ...]:
    def topic_of(ticket_id: str) -> str:
        assignment = assignments.get(ticket_id)
        return (assignment.topic_id or assignment.article) if assignment else ""

    by_topic: dict[str, list[Ticket]] = defaultdict(list)
    for ticket in tickets:
        topic = topic_of(ticket.id)
        if topic:
            by_topic[topic].append(ticket)
    before = Counter(topic_of(t.id) for t in earlier) if earlier is not None else None
    # A survey link carrying a ticket id ties the answer to that ticket's topic.
    scores: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for record in records:
        if record.kind == "survey" and record.ticket and record.score is not None:
            topic = topic_of(record.ticket)
            if topic:
                scores[topic][record.survey].append(record.score)
    by_path = {a.path: a for a in articles}
    # A writer may move or rename the file: its front matter still names the topic it answers.
    by_topic_id: dict[str, Article] = {}
    for a in sorted(articles, key=lambda a: (a.language != "", a.path)):  # a translation only when alone
        if a.topic_id:
            by_topic_id.setdefault(a.topic_id, a)
    stats = []
    for topic, group in by_topic.items():
        article = by_path.get(assignments[group[0].id].article) or by_topic_id.get(topic)
        published_on = article.published_on if article else None
        stats.append(
            TopicStats(
                topic=topic,
                article=article.path if article else "",
                title=article.title if article else f"Topic {topic}",
                status=article.status if article else "none",
                page=normalize_page(article.url) if article and article.url else "",
                tickets=_ticket_stats(group),
                previous=before.get(topic, 0) if before is not None else None,
                published_on=published_on,
                since_published=sum(
                    1 for t in group if published_on is None or (t.created_at and t.created_at.date() >= published_on)
                ),
                surveys=_summaries(scores.get(topic, {})),
            )
        )
    stats.sort(key=lambda s: (-s.tickets.count, s.topic))
    return tuple(stats)


def _period_figures(
    window: Window, records: Sequence[FeedbackRecord], tickets: Sequence[Ticket]
) -> PeriodFigures:
    votes = [r.helpful for r in records if r.kind == "feedback" and r.helpful is not None]
    return PeriodFigures(
        window=window,
        submissions=len(records),
        helpful=share(sum(votes), len(votes)),
        surveys=_surveys(records),
        tickets=len(tickets),
        failed_searches=sum(1 for r in records if r.kind == "search" and r.results == 0),
    )


def _weeks(records: Sequence[FeedbackRecord], tickets: Sequence[Ticket], window: Window) -> tuple[Week, ...]:
    """Per-week counts over the whole period (or, where it is open, up to the first and last
    week with any submission or ticket), empty weeks included."""
    counts: dict[date, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])  # tickets, votes, helpful, csat, satisfied, failed
    monday: dict[date, date] = {}

    def week(moment: datetime) -> date:
        day = moment.astimezone(timezone.utc).date()
        if day not in monday:
            monday[day] = day - timedelta(days=day.weekday())
        return monday[day]

    for ticket in tickets:
        if ticket.created_at:
            counts[week(ticket.created_at)][0] += 1
    for record in records:
        kind = record.kind
        if kind == "feedback" and record.helpful is not None:
            entry = counts[week(record.received_at)]
            entry[1] += 1
            entry[2] += record.helpful
        elif kind == "survey" and record.survey == "csat" and record.score is not None:
            entry = counts[week(record.received_at)]
            entry[3] += 1
            entry[4] += record.score >= 4
        elif kind == "search" and record.results == 0:
            counts[week(record.received_at)][5] += 1
    if not counts and (window.since is None or window.until is None):
        return ()
    first = week(window.since) if window.since else min(counts)
    last = week(window.until - timedelta(microseconds=1)) if window.until else max(counts)
    weeks = []
    start = first
    while start <= last:
        t, v, h, c, s, f = counts.get(start, [0] * 6)
        days = sum(
            1 for d in range(7) if window.holds(datetime.combine(start + timedelta(days=d), datetime.min.time(), timezone.utc))
        )
        weeks.append(Week(start, days, t, share(h, v), share(s, c), f))
        start += timedelta(days=7)
    return tuple(weeks)


# -- comments --------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


@languages.registry_cache
def _stop_words() -> frozenset[str]:
    """Stop words of the languages the help site serves, without accents."""
    return frozenset(_plain(w) for lang in languages.registered() if lang.stop_word_list for w in get_stop_words(lang.stop_word_list))


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def _wording(text: str) -> frozenset[str]:
    """The comment's content words, cut to 5 letters so "crash", "crashes" and "crashed" meet."""
    stop = _stop_words()
    return frozenset(w[:5] for w in _WORD.findall(_plain(text)) if len(w) > 2 and w not in stop and not w.isdigit())


def group_comments(comments: Sequence[tuple[str, bool]]) -> tuple[CommentGroup, ...]:
    """Group (comment, helpful) pairs whose content words overlap by SIMILAR_WORDING (Jaccard);
    each joins the first group it is similar to, in the order given. Largest groups first."""
    keys: list[frozenset[str]] = []
    members: list[list[tuple[str, bool]]] = []
    holding: dict[str, list[int]] = defaultdict(list)  # word -> groups whose first comment has it
    for text, helpful in comments:
        words = _wording(text) or frozenset({_plain(" ".join(text.split()))})
        candidates = sorted({g for w in words for g in holding.get(w, ())})
        for g in candidates:
            if len(words & keys[g]) / len(words | keys[g]) >= SIMILAR_WORDING:
                members[g].append((text, helpful))
                break
        else:
            for w in words:
                holding[w].append(len(keys))
            keys.append(words)
            members.append([(text, helpful)])
    groups = [
        CommentGroup(label=group[0][0], count=len(group), not_helpful=sum(1 for _, h in group if not h))
        for group in members
    ]
    groups.sort(key=lambda g: -g.count)  # stable: equal groups keep their order (not helpful, newest first)
    return tuple(groups[:COMMENT_GROUPS])


# -- ranked items ----------------------------------------------------------------------------


def _fix_articles(stats: Sequence[ArticleStats], topics: Sequence[TopicStats]) -> list[Improvement]:
    """One item per published page with "not helpful" votes or tickets still arriving on its topic."""
    votes = {s.page: s for s in stats}
    tickets: dict[str, list[TopicStats]] = defaultdict(list)
    for topic in topics:
        if topic.status == "published" and topic.page:
            tickets[topic.page].append(topic)
    items = []
    for page in sorted(votes.keys() | tickets.keys()):
        vote = votes.get(page)
        arriving = tickets.get(page, [])
        if (vote is None or not vote.not_helpful) and not any(t.since_published for t in arriving):
            continue
        items.append(_fix_article(page, vote, arriving))
    return items


def _fix_article(page: str, votes: ArticleStats | None, topics: Sequence[TopicStats]) -> Improvement:
    evidence = []
    score = 0.0
    if votes and votes.not_helpful:
        not_helpful = share(votes.not_helpful, votes.votes)
        score += votes.votes * (not_helpful.low or 0.0)
        line = (
            f"{votes.not_helpful} of {votes.votes} votes not helpful "
            f"({pct(not_helpful.value)}, 95% CI {pct(not_helpful.low, sign=False)}–{pct(not_helpful.high)})"
        )
        before = votes.previous_share
        if before is not None and before.n:
            line += f"; {pct(1 - (before.value or 0))} of {before.n} in the previous period"
        evidence.append(line)
    if votes and votes.comment_groups:
        top, count = votes.comment_groups[0], len(votes.comments)
        comments = f'{count} comment{"s" if count != 1 else ""}'
        if top.count > 1:
            evidence.append(f'{comments}; {top.count} worded like "{shorten(top.label, 120)}"')
        else:
            evidence.append(f'{comments}, e.g. "{shorten(top.label, 120)}"')
    arriving = sum(t.since_published for t in topics)
    if arriving:
        score += arriving * TICKET_WEIGHT
        dates = sorted({t.published_on for t in topics if t.published_on})
        when = f"since it was published on {dates[0]:%Y-%m-%d}" if dates else "in the period (no 'published' date in its front matter)"
        line = f"{arriving} ticket{'s' if arriving != 1 else ''} on its topic {when}"
        previous = [t.previous for t in topics if t.previous is not None]
        if previous:
            line += f"; {sum(previous)} in the previous period"
        evidence.append(line)
    if votes and votes.searches:
        evidence.append(f"opened from search {votes.searches} times")
    title = votes.title if votes else topics[0].title
    if votes and votes.not_helpful and votes.comment_groups:
        action = "Rewrite the article so it answers the question; address the comments, largest group first"
    elif arriving and not (votes and votes.not_helpful):
        action = "Find why customers still write in: compare the recent tickets with what the article says"
    else:
        action = "Rewrite the article so it answers the question; check every step against the product"
    return Improvement(
        kind=FIX_ARTICLE,
        target=page,
        title=title,
        action=action,
        score=score,
        evidence=tuple(evidence),
        sample_size=(votes.votes if votes else 0) + arriving,
    )


def _write_for_search(group: SearchGroup) -> Improvement:
    evidence = [f"searched {group.count} times with no result"]
    if group.visitors:
        evidence.append(f"by {group.visitors} different visitor{'s' if group.visitors != 1 else ''}")
    if group.previous is not None:
        evidence.append(f"{group.previous} times in the previous period")
    return Improvement(
        kind=WRITE_ARTICLE,
        target=group.query,
        title=group.label,
        action="Write an article that answers this search, or add its wording to the article that does",
        score=group.count * SEARCH_WEIGHT,
        evidence=tuple(evidence),
        sample_size=group.count,
    )


def _write_for_topic(topic: TopicStats) -> Improvement:
    count = topic.tickets.count
    line = f"{count} ticket{'s' if count != 1 else ''} on this question and no published article"
    if topic.previous is not None:
        line += f"; {topic.previous} in the previous period"
    evidence = [line]
    if topic.tickets.first_response_h.median is not None:
        evidence.append(f"first response median {topic.tickets.first_response_h.median:.1f} h")
    return Improvement(
        kind=WRITE_ARTICLE,
        target=topic.article or topic.topic,
        title=topic.title,
        action=(
            "Review the draft, correct it and publish it"
            if topic.status == "draft"
            else "Write an article for this topic (kbgen draft writes a first version)"
        ),
        score=count * TICKET_WEIGHT,
        evidence=tuple(evidence),
        sample_size=count,
    )


def _splits(topics: Sequence[TopicStats]) -> list[Improvement]:
    """An article answering tickets of several topics: the ones outside its main topic."""
    by_article: dict[str, list[TopicStats]] = defaultdict(list)
    for topic in topics:
        if topic.article:
            by_article[topic.article].append(topic)
    items = []
    for path, group in sorted(by_article.items()):
        if len(group) < 2:
            continue
        main, *others = sorted(group, key=lambda t: (-t.tickets.count, t.topic))
        other = sum(t.tickets.count for t in others)
        total = other + main.tickets.count
        if other < MIN_SPLIT_TICKETS or other / total < SPLIT_SHARE:
            continue
        items.append(
            Improvement(
                kind=SPLIT_ARTICLE,
                target=main.page or path,
                title=main.title,
                action="Split the article: give the other topics their own articles and link them",
                score=other * SPLIT_WEIGHT,
                evidence=(
                    f"{total} tickets from {len(group)} topics: {main.tickets.count} on its main topic {main.topic}, "
                    + ", ".join(f"{t.tickets.count} on {t.topic}" for t in others),
                ),
                sample_size=total,
            )
        )
    return items


def _merges(records: Sequence[FeedbackRecord], articles: Sequence[Article]) -> list[Improvement]:
    """The same searches open two articles in like numbers: readers cannot tell which answers."""
    opened: dict[str, Counter[str]] = defaultdict(Counter)
    for record in records:
        if record.kind == "search" and record.opened:
            opened[normalize_query(record.query)][normalize_page(record.opened)] += 1
    pairs: dict[tuple[str, str], list[tuple[str, int, int]]] = defaultdict(list)  # pages -> (query, opens, opens)
    for query, pages in opened.items():
        top = sorted(pages.items(), key=lambda item: (-item[1], item[0]))[:2]
        if len(top) < 2:
            continue
        (first, many), (second, few) = top
        if few >= MIN_MERGE_OPENS and few >= MERGE_SHARE * many:
            a, b = sorted((first, second))
            pairs[a, b].append((query, pages[a], pages[b]))
    titles = {normalize_page(a.url): a.title for a in articles if a.url}
    items = []
    for (a, b), queries in pairs.items():
        queries.sort(key=lambda q: (-min(q[1], q[2]), q[0]))
        lesser = sum(min(x, y) for _, x, y in queries)
        example, x, y = queries[0]
        items.append(
            Improvement(
                kind=MERGE_ARTICLES,
                target=f"{a} + {b}",
                title=f"{titles.get(a, a)} / {titles.get(b, b)}",
                action="Merge the two articles, or make each title say which question it answers",
                score=lesser * MERGE_WEIGHT,
                evidence=(
                    f'{len(queries)} search{"es" if len(queries) != 1 else ""} open both',
                    f'"{shorten(example, 60)}" opened {a} {x} times and {b} {y} times',
                ),
                sample_size=sum(x + y for _, x, y in queries),
            )
        )
    return items


def _standard(standard: Standard, records: Sequence[FeedbackRecord], tickets: Sequence[Ticket]) -> StandardResult:
    complied = COMPLIANCE[standard.measure](standard, records, tickets)
    return StandardResult(standard.name, standard.measure, standard.target, standard.hours, complied)


def _within_hours(durations: Sequence[float | None], hours: float | None) -> Share:
    known = [d for d in durations if d is not None and d >= 0]  # a negative one is a clock or export error
    return share(sum(1 for d in known if d <= (hours or 0) * 3600), len(known))


def _csat_compliance(standard: Standard, records: Sequence[FeedbackRecord], tickets: Sequence[Ticket]) -> Share:
    scores = [r.score for r in records if r.kind == "survey" and r.survey == "csat" and r.score is not None]
    return share(sum(1 for s in scores if s >= 4), len(scores))


# Service standard measure (kbgen.config.STANDARD_MEASURES) -> the share of cases that comply.
COMPLIANCE: dict[str, Callable[[Standard, Sequence[FeedbackRecord], Sequence[Ticket]], Share]] = {
    "first_response": lambda standard, records, tickets: _within_hours([t.first_response_s for t in tickets], standard.hours),
    "resolution": lambda standard, records, tickets: _within_hours([t.resolution_s for t in tickets], standard.hours),
    "csat": _csat_compliance,
    "not_reopened": lambda standard, records, tickets: share(sum(1 for t in tickets if t.reopens == 0), len(tickets)),
}


def _breach(result: StandardResult) -> Improvement:
    """Customers affected: those below the target share; discounted by uncertainty through the
    interval's upper bound (a breach that may be chance scores 0 and ranks last)."""
    c = result.complied
    shortfall = max(0.0, result.target - (c.high if c.high is not None else 1.0))
    return Improvement(
        kind=SERVICE_STANDARD,
        target=result.name,
        title=f"Service standard missed: {result.name}",
        action="Find where the missed cases wait (queue, hours, channel) and staff or route them",
        score=c.n * shortfall * STANDARD_WEIGHT,
        evidence=(
            (
                f"{c.part} of {c.n} complied ({pct(c.value)}, 95% CI {pct(c.low, sign=False)}–{pct(c.high)}); "
                f"target {pct(result.target)}"
            ),
        ),
        sample_size=c.n,
    )


def _csat(scores: Sequence[int]) -> SurveySummary:
    satisfied = sum(1 for s in scores if s >= 4)
    rate = share(satisfied, len(scores))
    return SurveySummary(
        survey="csat",
        n=len(scores),
        measure="share answering 4 or 5",
        value=rate.value,
        low=rate.low,
        high=rate.high,
        counts=(("satisfied", satisfied), ("other", len(scores) - satisfied)),
    )


def _nps(scores: Sequence[int]) -> SurveySummary:
    """NPS with the adjusted-Wald 95% interval (Rocks 2016: 3/4 added to promoters and
    detractors, 3 to n), which holds its coverage for small samples where plain Wald does not."""
    n = len(scores)
    promoters = sum(1 for s in scores if s >= 9)
    detractors = sum(1 for s in scores if s <= 6)
    value = 100 * (promoters - detractors) / n if n else None
    low = high = None
    if n:
        adjusted = n + 3
        pro, det = (promoters + 0.75) / adjusted, (detractors + 0.75) / adjusted
        margin = Z95 * math.sqrt(max(0.0, pro + det - (pro - det) ** 2) / adjusted)
        low, high = max(-100.0, 100 * (pro - det - margin)), min(100.0, 100 * (pro - det + margin))
    return SurveySummary(
        survey="nps",
        n=n,
        measure="% promoters (9-10) minus % detractors (0-6)",
        value=value,
        low=low,
        high=high,
        counts=(("promoters", promoters), ("passives", n - promoters - detractors), ("detractors", detractors)),
    )


def _ces(scores: Sequence[int]) -> SurveySummary:
    """Mean effort score with Student's t 95% interval (none for a single answer)."""
    n = len(scores)
    mean = statistics.fmean(scores) if n else None
    low = high = None
    if n > 1:
        from scipy.special import stdtrit  # here: only reports with CES answers need it

        margin = float(stdtrit(n - 1, 0.975)) * statistics.stdev(scores) / math.sqrt(n)
        low, high = max(1.0, mean - margin), min(7.0, mean + margin)
    return SurveySummary(survey="ces", n=n, measure="mean effort score (1-7)", value=mean, low=low, high=high)


# Survey name -> summary of its scores. Add an entry (and a scale in SURVEY_SCALES) for a new survey.
SURVEY_SUMMARIES: dict[str, Callable[[Sequence[int]], SurveySummary]] = {"csat": _csat, "nps": _nps, "ces": _ces}


def _surveys(records: Sequence[FeedbackRecord]) -> tuple[SurveySummary, ...]:
    scores: dict[str, list[int]] = defaultdict(list)
    for record in records:
        if record.kind == "survey" and record.score is not None:
            scores[record.survey].append(record.score)
    return _summaries(scores)


def _summaries(scores: Mapping[str, Sequence[int]]) -> tuple[SurveySummary, ...]:
    """survey -> its scores, summarized for each built-in survey with answers on its scale."""
    summaries = []
    for name, summarize in SURVEY_SUMMARIES.items():
        low, high = SURVEY_SCALES[name]
        valid = [s for s in scores.get(name, ()) if low <= s <= high]
        if valid:
            summaries.append(summarize(valid))
    return tuple(summaries)


def _ticket_stats(tickets: Sequence[Ticket]) -> TicketStats:
    solved = [t for t in tickets if t.solved_at is not None or t.status.lower() in SiteConfig.resolved_statuses]
    # Zero agent replies on a solved ticket means the export does not count them.
    replies = [t.agent_replies for t in solved if t.agent_replies > 0]
    return TicketStats(
        count=len(tickets),
        first_response_h=hours([t.first_response_s for t in tickets if t.first_response_s is not None]),
        resolution_h=hours([t.resolution_s for t in tickets if t.resolution_s is not None]),
        agent_replies_mean=statistics.fmean(replies) if replies else None,
        agent_replies_n=len(replies),
        one_touch=share(sum(1 for r in replies if r == 1), len(replies)),
        reopened=share(sum(1 for t in tickets if t.reopens > 0), len(tickets)),
    )


# -- wording of evidence ---------------------------------------------------------------------


def pct(value: float | None, sign: bool = True) -> str:
    """0.873 -> "87%" ("87" without the sign); "–" for no data."""
    if value is None:
        return "–"
    return f"{value * 100:.0f}%" if sign else f"{value * 100:.0f}"


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
