"""Measures from feedback and tickets, and the ranked list of what to improve.

``build_report`` is pure: records in, a ``Report`` out. ``render_report`` turns a
report into Markdown, CSV, JSON or a self-contained HTML page (``RENDERERS``).

Ranking (higher score first; ties by kind, then target):

* ``fix-article`` (target: page path): votes x Wilson 95% lower bound of the
  "not helpful" share, so many votes at a high share outrank two unlucky ones.
* ``write-article`` (target: normalized query): a search that found nothing,
  asked at least twice; score = times x 0.5.
* ``write-article`` (target: article file): tickets assigned to an article that
  is still a draft; score = tickets x 0.3.
* ``service-standard`` (target: standard name): a standard of kbgen.yml missed;
  score = cases x (target - Wilson 95% upper bound of the complying share), so
  a miss that may be chance scores 0.

Only submissions received and tickets created within the report's Window count.
"""

from __future__ import annotations

import csv
import io
import json
import math
import statistics
import unicodedata
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from functools import lru_cache
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Mapping, Sequence
from urllib.parse import unquote

from jinja2 import Environment

from kbgen.config import SiteConfig, Standard
from kbgen.errors import KbgenError
from kbgen.feedback import SURVEY_SCALES, FeedbackLoad
from kbgen.records import Article, FeedbackRecord, Improvement, Ticket

Z95 = 1.959964
FIX_ARTICLE = "fix-article"
WRITE_ARTICLE = "write-article"
SEARCH_WEIGHT = 0.5
DRAFT_DEMAND_WEIGHT = 0.3
MIN_FAILED_SEARCHES = 2
SERVICE_STANDARD = "service-standard"
STANDARD_WEIGHT = 1.0  # per customer below the target share: a missed promise weighs like a failed answer


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
class ArticleStats:
    page: str  # normalized site path the votes came from
    title: str  # the article's title, or the page path when no article has that URL
    path: str  # article file relative to the content directory; "" when none matches
    votes: int
    helpful: int
    not_helpful: int
    helpful_share: Share
    comments: tuple[str, ...]  # newest first


@dataclass(frozen=True)
class SearchGroup:
    """Searches that found nothing, grouped by normalized wording."""

    query: str  # normalized: case-folded, punctuation removed, spaces collapsed
    label: str  # the wording visitors used most often
    count: int
    visitors: int  # distinct daily client hashes


@dataclass(frozen=True)
class SurveySummary:
    survey: str  # csat, nps or ces
    n: int
    measure: str  # what value means
    value: float | None  # csat: share 0-1 of 4-5; nps: -100..100; ces: mean score
    low: float | None = None  # 95% interval where one is computed (csat)
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

    def label(self) -> str:
        if self.since is None and self.until is None:
            return ""
        start = f"{self.since:%Y-%m-%d}" if self.since else "the start"
        end = f"{self.until - timedelta(seconds=1):%Y-%m-%d}" if self.until else "now"
        return f"from {start} to {end}"


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


def wilson_lower_bound(part: int, n: int) -> float:
    return wilson_interval(part, n)[0]


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
    assignments: Mapping[str, str] = {},
    generated_at: datetime | None = None,
    window: Window = Window(),
    standards: Sequence[Standard] = (),
) -> Report:
    """Measures and ranked improvements; assignments map ticket id -> article path ("" for none).
    Only submissions received, and tickets created, within window count."""
    records = tuple(r for r in feedback.records if window.holds(r.received_at))
    kept_tickets = tuple(t for t in tickets if window.holds(t.created_at))
    outside = len(feedback.records) - len(records) + len(tickets) - len(kept_tickets)
    tickets = kept_tickets
    article_stats = _article_stats(records, articles)
    searches = _failed_searches(records)
    improvements = [_fix_article(s) for s in article_stats if s.not_helpful]
    improvements += [_write_for_search(g) for g in searches if g.count >= MIN_FAILED_SEARCHES]
    improvements += _write_for_drafts(tickets, articles, assignments)
    results = tuple(_standard(standard, records, tickets) for standard in standards)
    improvements += [_breach(result) for result in results if result.breached]
    improvements.sort(key=lambda i: (-i.score, i.kind, i.target))
    moments = [r.received_at for r in records]
    return Report(
        improvements=tuple(improvements),
        articles=article_stats,
        searches=searches,
        surveys=_surveys(records),
        tickets=_ticket_stats(tickets) if tickets else None,
        generated_at=generated_at or datetime.now(timezone.utc),
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
    )


def _article_stats(records: Sequence[FeedbackRecord], articles: Sequence[Article]) -> tuple[ArticleStats, ...]:
    by_url = {normalize_page(a.url): a for a in articles if a.url}
    votes: dict[str, list[FeedbackRecord]] = defaultdict(list)
    for record in records:
        if record.kind == "feedback" and record.helpful is not None and record.page:
            votes[normalize_page(record.page)].append(record)
    stats = []
    for page, page_votes in votes.items():
        article = by_url.get(page)
        helpful = sum(1 for r in page_votes if r.helpful)
        # Comments from "not helpful" votes first: they say what is missing.
        commented = sorted(
            (r for r in page_votes if r.comment), key=lambda r: (r.helpful, -r.received_at.timestamp())
        )
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
            )
        )
    stats.sort(key=lambda s: (-s.votes, s.page))
    return tuple(stats)


def _failed_searches(records: Sequence[FeedbackRecord]) -> tuple[SearchGroup, ...]:
    wordings: dict[str, Counter[str]] = defaultdict(Counter)
    clients: dict[str, set[str]] = defaultdict(set)
    for record in records:
        if record.kind != "search" or record.results != 0:
            continue
        key = normalize_query(record.query)
        if not key:
            continue
        wordings[key][" ".join(record.query.split())] += 1
        if record.client:
            clients[key].add(record.client)
    groups = [
        SearchGroup(
            query=key,
            label=min(counter.items(), key=lambda item: (-item[1], item[0]))[0],
            count=sum(counter.values()),
            visitors=len(clients[key]),
        )
        for key, counter in wordings.items()
    ]
    groups.sort(key=lambda g: (-g.count, g.query))
    return tuple(groups)


def _fix_article(stats: ArticleStats) -> Improvement:
    not_helpful = share(stats.not_helpful, stats.votes)
    evidence = [
        f"{stats.not_helpful} of {stats.votes} votes not helpful "
        f"({_pct(not_helpful.value)}, 95% CI {_pct(not_helpful.low, sign=False)}–{_pct(not_helpful.high)})"
    ]
    if stats.comments:
        example = _shorten(stats.comments[0], 120)
        count = len(stats.comments)
        evidence.append(f'{count} comment{"s" if count != 1 else ""}, e.g. "{example}"')
        action = "Rewrite the article so it answers the question; address the comments"
    else:
        action = "Rewrite the article so it answers the question; check every step against the product"
    return Improvement(
        kind=FIX_ARTICLE,
        target=stats.page,
        title=stats.title,
        action=action,
        score=stats.votes * (not_helpful.low or 0.0),
        evidence=tuple(evidence),
        sample_size=stats.votes,
    )


def _standard(standard: Standard, records: Sequence[FeedbackRecord], tickets: Sequence[Ticket]) -> StandardResult:
    complied = COMPLIANCE[standard.measure](standard, records, tickets)
    return StandardResult(standard.name, standard.measure, standard.target, standard.hours, complied)


def _within_hours(durations: Sequence[float | None], hours: float | None) -> Share:
    known = [d for d in durations if d is not None]
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
            f"{c.part} of {c.n} complied ({_pct(c.value)}, 95% CI {_pct(c.low, sign=False)}–{_pct(c.high)}); "
            f"target {_pct(result.target)}",
        ),
        sample_size=c.n,
    )


def _write_for_search(group: SearchGroup) -> Improvement:
    evidence = [f"searched {group.count} times with no result"]
    if group.visitors:
        evidence.append(f"by {group.visitors} different visitor{'s' if group.visitors != 1 else ''}")
    return Improvement(
        kind=WRITE_ARTICLE,
        target=group.query,
        title=group.label,
        action="Write an article that answers this search, or add its wording to the article that does",
        score=group.count * SEARCH_WEIGHT,
        evidence=tuple(evidence),
        sample_size=group.count,
    )


def _write_for_drafts(
    tickets: Sequence[Ticket], articles: Sequence[Article], assignments: Mapping[str, str]
) -> list[Improvement]:
    drafts = {a.path: a for a in articles if a.status == "draft"}
    demand = Counter(assignments.get(t.id, "") for t in tickets)
    improvements = []
    for path, count in demand.items():
        if path not in drafts:
            continue
        improvements.append(
            Improvement(
                kind=WRITE_ARTICLE,
                target=path,
                title=drafts[path].title,
                action="Review the draft, correct it and publish it",
                score=count * DRAFT_DEMAND_WEIGHT,
                evidence=(f"{count} ticket{'s' if count != 1 else ''} on this question and no published article",),
                sample_size=count,
            )
        )
    return improvements


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
    promoters = sum(1 for s in scores if s >= 9)
    detractors = sum(1 for s in scores if s <= 6)
    value = 100 * (promoters - detractors) / len(scores) if scores else None
    passives = len(scores) - promoters - detractors
    return SurveySummary(
        survey="nps",
        n=len(scores),
        measure="% promoters (9-10) minus % detractors (0-6)",
        value=value,
        counts=(("promoters", promoters), ("passives", passives), ("detractors", detractors)),
    )


def _ces(scores: Sequence[int]) -> SurveySummary:
    mean = statistics.fmean(scores) if scores else None
    return SurveySummary(survey="ces", n=len(scores), measure="mean effort score (1-7)", value=mean)


# Survey name -> summary of its scores. Add an entry (and a scale in SURVEY_SCALES) for a new survey.
SURVEY_SUMMARIES: dict[str, Callable[[Sequence[int]], SurveySummary]] = {"csat": _csat, "nps": _nps, "ces": _ces}


def _surveys(records: Sequence[FeedbackRecord]) -> tuple[SurveySummary, ...]:
    scores: dict[str, list[int]] = defaultdict(list)
    for record in records:
        scale = SURVEY_SCALES.get(record.survey)
        if record.kind == "survey" and scale and record.score is not None and scale[0] <= record.score <= scale[1]:
            scores[record.survey].append(record.score)
    return tuple(SURVEY_SUMMARIES[name](scores[name]) for name in SURVEY_SUMMARIES if scores[name])


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


# -- formatting helpers ----------------------------------------------------------------------


def _pct(value: float | None, sign: bool = True) -> str:
    if value is None:
        return "–"
    return f"{value * 100:.0f}%" if sign else f"{value * 100:.0f}"


def _num(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def _period(report: Report) -> str:
    if report.first_at is None or report.last_at is None:
        return "no submissions"
    return f"submissions from {report.first_at:%Y-%m-%d} to {report.last_at:%Y-%m-%d}"


def _inputs_line(report: Report) -> str:
    line = f"{report.records} submissions in {report.files} files ({_period(report)})"
    if report.window.label():
        line = f"period {report.window.label()}: " + line
    left_out = [
        f"{count} {what}"
        for count, what in (
            (report.skipped, "damaged lines skipped"),
            (report.torn, "unfinished last lines"),
            (report.duplicates, "superseded answers"),
            (report.repeats, "repeated answers counted once"),
            (report.bots, "robot submissions dropped"),
            (report.outside, "submissions and tickets outside the period"),
        )
        if count
    ]
    return line + ("; " + ", ".join(left_out) if left_out else "")


def _survey_value(summary: SurveySummary) -> str:
    if summary.survey == "csat":
        return f"{_pct(summary.value)} (95% CI {_pct(summary.low, sign=False)}–{_pct(summary.high)})"
    return _num(summary.value)


def _ticket_rows(stats: TicketStats) -> list[tuple[str, str, int]]:
    """(measure, value, n) rows shared by the Markdown and HTML tables."""
    return [
        ("Tickets", str(stats.count), stats.count),
        ("First response, median", _num(stats.first_response_h.median) + " h", stats.first_response_h.n),
        ("First response, 90th percentile", _num(stats.first_response_h.p90) + " h", stats.first_response_h.n),
        ("Resolution, median", _num(stats.resolution_h.median) + " h", stats.resolution_h.n),
        ("Resolution, 90th percentile", _num(stats.resolution_h.p90) + " h", stats.resolution_h.n),
        ("Agent replies per resolution", _num(stats.agent_replies_mean), stats.agent_replies_n),
        ("One-touch resolution", _pct(stats.one_touch.value), stats.one_touch.n),
        ("Reopened", _pct(stats.reopened.value), stats.reopened.n),
    ]


# -- Markdown --------------------------------------------------------------------------------

# Customer text becomes entities, so it can open no tag, link, code span or table cell.
_MD_ESCAPES = str.maketrans({c: f"&#{ord(c)};" for c in "&<>[]`|*_\\#"})


def _standard_rows(report: Report) -> list[tuple[str, str, str, int, str]]:
    """(name, complied with interval, target, n, met) per service standard."""
    return [
        (
            r.name,
            f"{_pct(r.complied.value)} ({_pct(r.complied.low, sign=False)}–{_pct(r.complied.high)})",
            _pct(r.target),
            r.complied.n,
            "no" if r.breached else "yes" if r.complied.n else "no data",
        )
        for r in report.standards
    ]


def md_escape(text: str) -> str:
    escaped = " ".join(str(text).split()).translate(_MD_ESCAPES)
    # Defuse autolinking of bare addresses (GitHub and similar renderers).
    return escaped.replace("://", "&#58;//").replace("www.", "www&#46;")


def render_markdown(report: Report) -> str:
    out = ["# Help site improvement report", ""]
    out += [f"Generated {report.generated_at:%Y-%m-%d %H:%M} UTC from {_inputs_line(report)}.", ""]
    out += ["## What to improve", ""]
    if not report.improvements:
        out += ["Nothing stands out yet.", ""]
    for rank, item in enumerate(report.improvements, start=1):
        out.append(
            f"{rank}. **{md_escape(item.title)}** ({item.kind}: {md_escape(item.target)}, score {item.score:.1f})"
        )
        out.append(f"    - Action: {md_escape(item.action)}")
        out += [f"    - {md_escape(line)}" for line in item.evidence]
    out.append("")
    if report.articles:
        out += ["## Article feedback", ""]
        out += [
            "| Article | Page | Votes | Helpful | Helpful share (95% CI) | Comments |",
            "|---|---|---:|---:|---|---:|",
        ]
        for a in report.articles:
            s = a.helpful_share
            out.append(
                f"| {md_escape(a.title)} | {md_escape(a.page)} | {a.votes} | {a.helpful} | "
                f"{_pct(s.value)} ({_pct(s.low, sign=False)}–{_pct(s.high)}) | {len(a.comments)} |"
            )
        out.append("")
    if report.searches:
        out += ["## Searches without result", "", "| Search | Times | Visitors |", "|---|---:|---:|"]
        out += [f"| {md_escape(g.label)} | {g.count} | {g.visitors} |" for g in report.searches]
        out.append("")
    if report.surveys:
        out += ["## Surveys", "", "| Survey | Measure | Value | n |", "|---|---|---|---:|"]
        out += [f"| {s.survey.upper()} | {md_escape(s.measure)} | {_survey_value(s)} | {s.n} |" for s in report.surveys]
        out.append("")
    if report.standards:
        out += ["## Service standards", "", "| Standard | Complied (95% CI) | Target | n | Met |", "|---|---|---|---:|---|"]
        out += [f"| {md_escape(name)} | {complied} | {target} | {n} | {met} |" for name, complied, target, n, met in _standard_rows(report)]
        out.append("")
    if report.tickets:
        out += ["## Tickets", "", "| Measure | Value | n |", "|---|---|---:|"]
        out += [f"| {measure} | {value} | {n} |" for measure, value, n in _ticket_rows(report.tickets)]
        out.append("")
    return "\n".join(out)


# -- CSV -------------------------------------------------------------------------------------


def csv_cell(value: Any) -> str:
    """A cell a spreadsheet shows as text: a leading = + - @ tab or CR would start a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def render_csv(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["rank", "kind", "target", "title", "score", "action", "evidence"])
    for rank, item in enumerate(report.improvements, start=1):
        row = [rank, item.kind, item.target, item.title, f"{item.score:.2f}", item.action, " | ".join(item.evidence)]
        writer.writerow([csv_cell(cell) for cell in row])
    return buffer.getvalue()


# -- JSON ------------------------------------------------------------------------------------


def report_data(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data (format version 1).

    ``{"version": 1, "generated_at": "...Z",
    "inputs": {"records", "files", "skipped", "torn", "duplicates", "repeats", "bots", "first_at", "last_at",
               "since", "until" (the period asked for, until exclusive), "outside"},
    "improvements": [{"rank", "kind", "target", "title", "score", "action", "evidence": [...], "sample_size"}],
    "articles": [{"page", "title", "path", "votes", "helpful", "not_helpful",
                  "helpful_share": {"part", "n", "value", "low", "high"}, "comments": [...]}],
    "searches": [{"query", "label", "count", "visitors"}],
    "surveys": {"csat": {"survey", "n", "measure", "value", "low", "high", "counts": {...}}, ...},
    "tickets": null or {"count", "first_response_h": {"n", "median", "p90"}, "resolution_h": {...},
                "agent_replies_mean", "agent_replies_n", "one_touch": {share}, "reopened": {share}},
    "standards": [{"name", "measure", "target", "hours", "complied": {share}, "breached"}]}``

    Shares are 0-1 fractions, durations hours; null means no data.
    """
    surveys = {}
    for summary in report.surveys:
        entry = asdict(summary)
        entry["counts"] = dict(summary.counts)
        surveys[summary.survey] = entry
    return {
        "version": 1,
        "generated_at": _iso(report.generated_at),
        "inputs": {
            "records": report.records,
            "files": report.files,
            "skipped": report.skipped,
            "torn": report.torn,
            "duplicates": report.duplicates,
            "repeats": report.repeats,
            "bots": report.bots,
            "first_at": _iso(report.first_at),
            "last_at": _iso(report.last_at),
            "since": _iso(report.window.since),
            "until": _iso(report.window.until),
            "outside": report.outside,
        },
        "improvements": [
            {"rank": rank, **asdict(item), "score": round(item.score, 3), "evidence": list(item.evidence)}
            for rank, item in enumerate(report.improvements, start=1)
        ],
        "articles": [asdict(a) for a in report.articles],
        "searches": [asdict(g) for g in report.searches],
        "surveys": surveys,
        "tickets": asdict(report.tickets) if report.tickets else None,
        "standards": [{**asdict(r), "breached": r.breached} for r in report.standards],
    }


def render_json(report: Report) -> str:
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"


# -- HTML ------------------------------------------------------------------------------------

_HTML = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True).from_string(
    """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
{# No scripts and nothing fetched: the page is safe to open and to mail around. #}
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Help site improvement report</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; color: #1b1b1b; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #eee; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
ol.improvements li { margin-bottom: .8rem; }
.kind { font-size: .8rem; background: #eef; border-radius: 3px; padding: 0 .3rem; }
.muted { color: #666; }
svg text { font: 12px system-ui, sans-serif; fill: #1b1b1b; }
</style>
</head>
<body>
<h1>Help site improvement report</h1>
<p class="muted">Generated {{ generated }} UTC from {{ inputs }}.</p>

<h2>What to improve</h2>
{% if report.improvements %}
<ol class="improvements">
{% for item in report.improvements %}
<li><strong>{{ item.title }}</strong> <span class="kind">{{ item.kind }}</span>
<span class="muted">{{ item.target }} · score {{ "%.1f"|format(item.score) }}</span>
<ul><li>{{ item.action }}</li>{% for line in item.evidence %}<li>{{ line }}</li>{% endfor %}</ul></li>
{% endfor %}
</ol>
{% else %}
<p>Nothing stands out yet.</p>
{% endif %}

{% if report.articles %}
<h2>Article feedback</h2>
<svg role="img" aria-label="Helpful share per article with 95% intervals" width="{{ chart.width }}" height="{{ chart.height }}" viewBox="0 0 {{ chart.width }} {{ chart.height }}">
{% for bar in chart.bars %}
<g transform="translate(0 {{ bar.y }})"><title>{{ bar.title }}: {{ bar.label }}</title>
<text x="0" y="15">{{ bar.short }}</text>
<rect x="{{ chart.left }}" y="4" width="{{ chart.span }}" height="14" fill="#f1f1f1"/>
<rect x="{{ chart.left }}" y="4" width="{{ bar.width }}" height="14" fill="#4a7bd0"/>
<line x1="{{ bar.low }}" x2="{{ bar.high }}" y1="11" y2="11" stroke="#1b1b1b"/>
<line x1="{{ bar.low }}" x2="{{ bar.low }}" y1="6" y2="16" stroke="#1b1b1b"/>
<line x1="{{ bar.high }}" x2="{{ bar.high }}" y1="6" y2="16" stroke="#1b1b1b"/>
<text x="{{ chart.left + chart.span + 8 }}" y="15">{{ bar.label }}</text></g>
{% endfor %}
</svg>
<table>
<tr><th>Article</th><th>Page</th><th class="n">Votes</th><th class="n">Helpful</th><th>Helpful share (95% CI)</th><th class="n">Comments</th></tr>
{% for a in report.articles %}
<tr><td>{{ a.title }}</td><td>{{ a.page }}</td><td class="n">{{ a.votes }}</td><td class="n">{{ a.helpful }}</td><td>{{ shares[loop.index0] }}</td><td class="n">{{ a.comments|length }}</td></tr>
{% endfor %}
</table>
{% for a in report.articles if a.comments %}
<details><summary>Comments on {{ a.title }} ({{ a.comments|length }})</summary><ul>
{% for comment in a.comments %}<li>{{ comment }}</li>{% endfor %}
</ul></details>
{% endfor %}
{% endif %}

{% if report.searches %}
<h2>Searches without result</h2>
<table><tr><th>Search</th><th class="n">Times</th><th class="n">Visitors</th></tr>
{% for g in report.searches %}<tr><td>{{ g.label }}</td><td class="n">{{ g.count }}</td><td class="n">{{ g.visitors }}</td></tr>
{% endfor %}
</table>
{% endif %}

{% if report.surveys %}
<h2>Surveys</h2>
<table><tr><th>Survey</th><th>Measure</th><th>Value</th><th class="n">n</th></tr>
{% for s in report.surveys %}<tr><td>{{ s.survey|upper }}</td><td>{{ s.measure }}</td><td>{{ survey_values[loop.index0] }}</td><td class="n">{{ s.n }}</td></tr>
{% endfor %}
</table>
{% endif %}

{% if standard_rows %}
<h2>Service standards</h2>
<table><tr><th>Standard</th><th>Complied (95% CI)</th><th>Target</th><th class="n">n</th><th>Met</th></tr>
{% for name, complied, target, n, met in standard_rows %}<tr><td>{{ name }}</td><td>{{ complied }}</td><td>{{ target }}</td><td class="n">{{ n }}</td><td>{{ met }}</td></tr>
{% endfor %}
</table>
{% endif %}

{% if ticket_rows %}
<h2>Tickets</h2>
<table><tr><th>Measure</th><th>Value</th><th class="n">n</th></tr>
{% for measure, value, n in ticket_rows %}<tr><td>{{ measure }}</td><td>{{ value }}</td><td class="n">{{ n }}</td></tr>
{% endfor %}
</table>
{% endif %}
</body>
</html>
"""
)


def _chart(articles: Sequence[ArticleStats]) -> dict[str, Any]:
    left, span, row = 260, 300, 24
    bars = []
    for index, a in enumerate(articles):
        s = a.helpful_share
        bars.append(
            {
                "y": index * row,
                "title": a.title,
                "short": _shorten(a.title, 38),
                "width": round(span * (s.value or 0), 1),
                "low": round(left + span * (s.low or 0), 1),
                "high": round(left + span * (s.high or 0), 1),
                "label": f"{_pct(s.value)} of {a.votes}",
            }
        )
    return {"left": left, "span": span, "width": left + span + 90, "height": len(bars) * row + 4, "bars": bars}


def render_html(report: Report) -> str:
    return _HTML.render(
        report=report,
        generated=f"{report.generated_at:%Y-%m-%d %H:%M}",
        inputs=_inputs_line(report),
        chart=_chart(report.articles),
        shares=[
            f"{_pct(a.helpful_share.value)} ({_pct(a.helpful_share.low, sign=False)}–{_pct(a.helpful_share.high)})"
            for a in report.articles
        ],
        survey_values=[_survey_value(s) for s in report.surveys],
        ticket_rows=_ticket_rows(report.tickets) if report.tickets else [],
        standard_rows=_standard_rows(report),
    )


# Output format name -> renderer. Add an entry to offer a new format.
RENDERERS: dict[str, Callable[[Report], str]] = {
    "md": render_markdown,
    "csv": render_csv,
    "json": render_json,
    "html": render_html,
}


def render_report(report: Report, fmt: str) -> str:
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise KbgenError(f"report format '{fmt}': expected one of {', '.join(RENDERERS)}")
    return renderer(report)
