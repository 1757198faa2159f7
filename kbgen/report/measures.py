"""What the report measures, per article, failed search, topic, period and week.

Pure functions of the records and tickets of one period (and of the comparison period, for
the previous values); ``kbgen.report.build`` calls them, ``kbgen.report.rules`` ranks them.
"""

from __future__ import annotations

import heapq
import math
import statistics
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from kbgen.pages import normalize_page
from kbgen.records import Article, Assignment, FeedbackRecord, Ticket
from kbgen.report.comments import COMMENT_SAMPLE, group_comments
from kbgen.report.records import (
    ArticleStats,
    Hours,
    PeriodFigures,
    SearchGroup,
    TicketStats,
    TopicStats,
    Week,
    Window,
)
from kbgen.stats import share
from kbgen.surveys import CSAT_SATISFIED, SCORE, Surveys


def hours(durations_s: Sequence[float]) -> Hours:
    values = sorted(s / 3600 for s in durations_s if s >= 0)
    if not values:
        return Hours(0, None, None)
    return Hours(len(values), statistics.median(values), values[math.ceil(0.9 * len(values)) - 1])


@lru_cache(maxsize=65_536)
def normalize_query(query: str) -> str:
    """Case-folded, punctuation turned to spaces, whitespace collapsed."""
    folded = "".join(" " if unicodedata.category(c).startswith("P") else c for c in query.casefold())
    return " ".join(folded.split())


def article_stats(
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


def failed_searches(records: Sequence[FeedbackRecord], earlier: Sequence[FeedbackRecord] | None) -> tuple[SearchGroup, ...]:
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


EXAMPLE_TICKETS = 5  # ticket ids a topic without an article shows


def article_finder(articles: Sequence[Article]) -> Callable[[Assignment], Article | None]:
    """The article answering an assignment: the file it names, else the one whose front matter
    names its topic (a writer may move or rename the file; a translation only when alone)."""
    by_path = {a.path: a for a in articles}
    by_topic: dict[str, Article] = {}
    for a in sorted(articles, key=lambda a: (a.language != "", a.path)):
        if a.topic_id:
            by_topic.setdefault(a.topic_id, a)
    return lambda assignment: by_path.get(assignment.article) or by_topic.get(assignment.topic_id)


def topic_stats(
    tickets: Sequence[Ticket],
    earlier: Sequence[Ticket] | None,
    records: Sequence[FeedbackRecord],
    articles: Sequence[Article],
    assignments: Mapping[str, Assignment],
    surveys: Surveys,
    resolved_statuses: Collection[str],
) -> tuple[TopicStats, ...]:
    """Per topic of the assignments file: its tickets' figures, its article, and the survey
    answers whose link carried one of its tickets' ids."""

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
    linked: dict[str, list[FeedbackRecord]] = defaultdict(list)
    for record in records:
        if record.kind == "survey" and record.ticket:
            topic = topic_of(record.ticket)
            if topic:
                linked[topic].append(record)
    answering = article_finder(articles)
    stats = []
    for topic, group in by_topic.items():
        article = answering(assignments[group[0].id])
        published_on = article.published_on if article else None
        # Without its article, the question its draft was given says what to write.
        question = next((q for t in group if (q := assignments[t.id].question)), "")
        newest = heapq.nlargest(EXAMPLE_TICKETS, group, key=lambda t: (t.created_at is not None, t.created_at or 0, t.id))
        stats.append(
            TopicStats(
                topic=topic,
                article=article.path if article else "",
                title=article.title if article else question or f"Topic {topic}",
                status=article.status if article else "none",
                page=normalize_page(article.url) if article and article.url else "",
                tickets=ticket_stats(group, resolved_statuses),
                previous=before.get(topic, 0) if before is not None else None,
                published_on=published_on,
                since_published=sum(
                    1 for t in group if published_on is None or (t.created_at and t.created_at.date() >= published_on)
                ),
                surveys=surveys.summarize(survey_answers(linked.get(topic, ()))),
                examples=tuple(t.id for t in newest),
            )
        )
    stats.sort(key=lambda s: (-s.tickets.count, s.topic))
    return tuple(stats)


def period_figures(
    window: Window, records: Sequence[FeedbackRecord], tickets: Sequence[Ticket], surveys: Surveys
) -> PeriodFigures:
    votes = [r.helpful for r in records if r.kind == "feedback" and r.helpful is not None]
    return PeriodFigures(
        window=window,
        submissions=len(records),
        helpful=share(sum(votes), len(votes)),
        surveys=surveys.summarize(survey_answers(records)),
        tickets=len(tickets),
        failed_searches=sum(1 for r in records if r.kind == "search" and r.results == 0),
    )


# Weeks shown of a period without a start (--since): a year of tickets would give 52 rows,
# most of them from before the help site collected anything.
OPEN_WEEKS = 12


def weeks(records: Sequence[FeedbackRecord], tickets: Sequence[Ticket], window: Window, now: datetime) -> tuple[Week, ...]:
    """Per-week counts over the whole period, empty weeks included; where it is open, from the
    last week with any submission or ticket back OPEN_WEEKS weeks at most (or to the first
    such week). The week of now is marked current, its days counted up to today."""
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
            entry[4] += record.score >= CSAT_SATISFIED
        elif kind == "search" and record.results == 0:
            counts[week(record.received_at)][5] += 1
    if not counts and (window.since is None or window.until is None):
        return ()
    last = week(window.until - timedelta(microseconds=1)) if window.until else max(counts)
    first = week(window.since) if window.since else max(min(counts), last - timedelta(weeks=OPEN_WEEKS - 1))
    today = now.astimezone(timezone.utc).date()
    found = []
    start = first
    while start <= last:
        t, v, h, c, s, f = counts.get(start, [0] * 6)
        days = [start + timedelta(days=d) for d in range(7)]
        inside = sum(1 for day in days if day <= today and window.holds(datetime.combine(day, datetime.min.time(), timezone.utc)))
        found.append(Week(start, inside, t, share(h, v), share(s, c), f, current=start <= today < start + timedelta(days=7)))
        start += timedelta(days=7)
    return tuple(found)


def ticket_stats(tickets: Sequence[Ticket], resolved_statuses: Collection[str]) -> TicketStats:
    """Service figures of tickets; a ticket is solved when it has a solve time or one of the
    resolved statuses (lowercase, as kbgen.yml's drafts.statuses gives them)."""
    solved = [t for t in tickets if t.solved_at is not None or t.status.lower() in resolved_statuses]
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


def survey_answers(records: Sequence[FeedbackRecord]) -> dict[str, dict[str, list[int]]]:
    """survey -> question -> the answers of the survey records (score and the other questions)."""
    answers: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for record in records:
        if record.kind == "survey" and record.score is not None:
            questions = answers[record.survey]
            questions[SCORE].append(record.score)
            for question, answer in record.answers:
                questions[question].append(answer)
    return answers


def opened_pages(records: Sequence[FeedbackRecord]) -> dict[str, Counter[str]]:
    """normalized search -> the pages its visitors opened from the results, with counts."""
    opened: dict[str, Counter[str]] = defaultdict(Counter)
    for record in records:
        if record.kind == "search" and record.opened:
            opened[normalize_query(record.query)][normalize_page(record.opened)] += 1
    return opened
