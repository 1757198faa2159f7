"""A Report printed as Markdown, CSV, JSON or a self-contained HTML page (``RENDERERS``).

Every text that came from a customer (comments, searches) is escaped for its format: Markdown
entities, CSV cells that cannot start a formula, HTML autoescaping under a policy that runs no
script and fetches nothing.
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import asdict
from datetime import date, datetime, timezone
from typing import Any, Callable, Sequence

from jinja2 import Environment, PackageLoader

from kbgen.errors import KbgenError
from kbgen.report.records import ArticleStats, CommentGroup, Deflection, PeriodFigures, Report, StandardResult, TicketStats, TopicStats, Week
from kbgen.report.wording import plural, pct, shorten
from kbgen.stats import Share
from kbgen.surveys import SCORE, SurveySummary

SHOWN_COMMENT_GROUPS = 5
CHART_ARTICLES = 40  # bars in the helpfulness chart: the articles with most votes (the table has all)

# -- shared wording --------------------------------------------------------------------------


def _num(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _interval(s: Share) -> str:
    return f"{pct(s.value)} ({pct(s.low, sign=False)}–{pct(s.high)})"


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def _period(report: Report) -> str:
    if report.first_at is None or report.last_at is None:
        return "no submissions"
    return f"submissions from {report.first_at:%Y-%m-%d} to {report.last_at:%Y-%m-%d}"


def _inputs_line(report: Report) -> str:
    line = f"{report.records} submissions in {plural(report.files, 'file')} ({_period(report)})"
    if report.tickets:
        line += f" and {report.tickets.count} tickets"
    if report.window.label():
        line = f"period {report.window.label()}: " + line
    left_out = [
        f"{count} {what}"
        for count, what in (
            (report.skipped, "damaged lines skipped"),
            (report.torn, "unfinished last lines"),
            (report.duplicates, "earlier versions of an answer counted as their final one (a vote, then its comment)"),
            (report.repeats, "repeated answers counted once"),
            (report.bots, "robot submissions dropped"),
            (report.outside, "submissions and tickets outside the period"),
            (report.ticket_duplicates, "ticket records replaced by newer ones"),
            (report.ticket_bad_rows, "unreadable ticket records skipped"),
        )
        if count
    ]
    if left_out:
        line += "; " + ", ".join(left_out)
    if not report.articles_read:
        line += "; articles not read (--no-content): no titles, status or publication dates"
    return line


def _is_share(summary: SurveySummary) -> bool:
    """CSAT's score is a share of answers; every other measure is a number on its scale."""
    return summary.survey == "csat" and summary.question == SCORE


def _survey_value(summary: SurveySummary) -> str:
    if _is_share(summary):
        return f"{pct(summary.value)} (95% CI {pct(summary.low, sign=False)}–{pct(summary.high)})"
    if summary.low is None:
        return _num(summary.value)
    return f"{_num(summary.value)} (95% CI {_num(summary.low)} to {_num(summary.high)})"


def _survey_name(summary: SurveySummary) -> str:
    """CSAT, or a project survey's name with the question when it is not its score."""
    name = summary.survey.upper()
    return name if summary.question == SCORE else f"{name}: {summary.question}"


def _short_survey(summary: SurveySummary) -> str:
    value = pct(summary.value) if _is_share(summary) else _num(summary.value)
    return f"{_survey_name(summary)} {value} (n {summary.n})"


def _ticket_rows(stats: TicketStats) -> list[tuple[str, str, int]]:
    """(measure, value, n) rows shared by the Markdown and HTML tables."""
    return [
        ("Tickets", str(stats.count), stats.count),
        ("First response, median", _num(stats.first_response_h.median) + " h", stats.first_response_h.n),
        ("First response, 90th percentile", _num(stats.first_response_h.p90) + " h", stats.first_response_h.n),
        ("Resolution, median", _num(stats.resolution_h.median) + " h", stats.resolution_h.n),
        ("Resolution, 90th percentile", _num(stats.resolution_h.p90) + " h", stats.resolution_h.n),
        ("Agent replies per resolution", _num(stats.agent_replies_mean), stats.agent_replies_n),
        ("One-touch resolution", pct(stats.one_touch.value), stats.one_touch.n),
        ("Reopened", pct(stats.reopened.value), stats.reopened.n),
    ]


TOPIC_COLUMNS = (
    "Topic", "Article", "Status", "Tickets", "Previous period", "Since published",
    "First response h (median / p90)", "Resolution h (median / p90)", "Replies per resolution",
    "One-touch", "Reopened", "Surveys",
)  # fmt: skip


def _topic_row(t: TopicStats) -> tuple[str, ...]:
    s = t.tickets
    return (
        t.topic,
        t.title,
        t.status,
        str(s.count),
        "–" if t.previous is None else str(t.previous),
        str(t.since_published) if t.status == "published" else "–",
        f"{_num(s.first_response_h.median)} / {_num(s.first_response_h.p90)}",
        f"{_num(s.resolution_h.median)} / {_num(s.resolution_h.p90)}",
        _num(s.agent_replies_mean),
        pct(s.one_touch.value),
        pct(s.reopened.value),
        ", ".join(_short_survey(summary) for summary in t.surveys) or "–",
    )


def _standard_rows(report: Report) -> list[tuple[str, str, str, int, str]]:
    """(name, complied with interval, target, n, met) per service standard."""
    return [
        (r.name, _interval(r.complied), pct(r.target), r.complied.n, "no" if r.breached else "yes" if r.complied.n else "no data")
        for r in report.standards
    ]


def _comparison_rows(report: Report) -> list[tuple[str, str, str]]:
    """(measure, this period, previous period); empty without a comparison period."""
    now, before = report.current, report.previous
    if now is None or before is None:
        return []
    rows = [
        ("Submissions", str(now.submissions), str(before.submissions)),
        ("Helpful share of votes", f"{_interval(now.helpful)} of {now.helpful.n}", f"{_interval(before.helpful)} of {before.helpful.n}"),
    ]
    earlier = {s.key: s for s in before.surveys}
    for summary in now.surveys:
        old = earlier.get(summary.key)
        rows.append((_survey_name(summary), f"{_survey_value(summary)} of {summary.n}", f"{_survey_value(old)} of {old.n}" if old else "–"))
    rows += [
        ("Tickets", str(now.tickets), str(before.tickets)),
        ("Searches without result", str(now.failed_searches), str(before.failed_searches)),
    ]
    return rows


WORKED_NOTE = (
    "An estimate: each article's topic, tickets per week before and since its `published:` date, against what "
    "the rest of the tickets did over the same weeks (the trend). It assumes the topic would have followed that "
    "trend without the article; the 95% range covers the counts, not that assumption."
)
WORKED_COLUMNS = (
    "Article", "Published", "Before: tickets (per week)", "Since: tickets (per week)", "Expected since, without it",
    "Avoided so far (95% range)", "Per month",
)  # fmt: skip


def _worked_row(d: Deflection) -> tuple[str, ...]:
    return (
        d.title,
        f"{d.published_on:%Y-%m-%d}",
        f"{d.before} ({d.rate_before:.1f} over {d.before_weeks:.1f} weeks)",
        f"{d.after} ({d.rate_after:.1f} over {d.after_weeks:.1f} weeks)",
        f"{d.expected:.0f} (trend ×{d.trend:.2f})",
        f"{d.avoided:.0f} ({d.low:.0f} to {d.high:.0f})",
        f"{d.per_month:.0f}",
    )


def _worked_total(report: Report) -> str:
    """The site's total, as the sum of the articles' estimates and of their ranges."""
    worked = report.worked
    return (
        f"Site total: about {sum(d.avoided for d in worked):.0f} tickets avoided so far (the articles' ranges add up to "
        f"{sum(d.low for d in worked):.0f} to {sum(d.high for d in worked):.0f}), {sum(d.per_month for d in worked):.0f} a month."
    )


def _week_label(w: Week) -> str:
    """"2026-11-30", "2026-11-30 (3 days so far)" for the week under way, "(4 days)" for one the period cuts."""
    if w.current:
        return f"{w.start:%Y-%m-%d} ({plural(w.days, 'day')} so far)"
    return f"{w.start:%Y-%m-%d}" + (f" ({plural(w.days, 'day')})" if w.days < 7 else "")


def _of(s: Share) -> str:
    return f"{pct(s.value)} of {s.n}" if s.n else "–"


def _week_rows(weeks: Sequence[Week]) -> list[tuple[str, str, str, str, str]]:
    return [(_week_label(w), str(w.tickets), _of(w.helpful), _of(w.csat), str(w.failed_searches)) for w in weeks]


def _weeks_note(report: Report) -> str:
    """What the weekly rows cover where no period was asked for."""
    if report.window.since is not None:
        return ""
    return f"The last {plural(len(report.weeks), 'week')} with data (--since and --until choose the period)."


# -- Markdown --------------------------------------------------------------------------------

# Customer text becomes entities, so it can open no tag, link, code span or table cell.
_MD_ESCAPES = str.maketrans({c: f"&#{ord(c)};" for c in "&<>[]`|*_\\#"})


def md_escape(text: str) -> str:
    escaped = " ".join(str(text).split()).translate(_MD_ESCAPES)
    # Defuse autolinking of bare addresses (GitHub and similar renderers).
    return escaped.replace("://", "&#58;//").replace("www.", "www&#46;")


def _md_table(header: Sequence[str], rows: Sequence[Sequence[Any]], numeric: Sequence[int] = ()) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---:" if i in numeric else "---" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(md_escape(str(cell)) for cell in row) + " |" for row in rows]
    return lines + [""]


def render_markdown(report: Report) -> str:
    out = ["# Help site improvement report", ""]
    out += [f"Generated {report.generated_at:%Y-%m-%d %H:%M} UTC from {_inputs_line(report)}.", ""]
    out += ["## What to improve", ""]
    if not report.improvements:
        out += ["Nothing stands out yet.", ""]
    for rank, item in enumerate(report.improvements, start=1):
        out.append(f"{rank}. **{md_escape(item.title)}** ({item.kind}: {md_escape(item.target)}, score {item.score:.1f})")
        out.append(f"    - Action: {md_escape(item.action)}")
        out += [f"    - {md_escape(line)}" for line in item.evidence]
    out.append("")
    if report.worked:
        out += ["## What worked (an estimate)", "", WORKED_NOTE, ""]
        out += _md_table(WORKED_COLUMNS, [_worked_row(d) for d in report.worked], (6,))
        out += [_worked_total(report), ""]
    comparison = _comparison_rows(report)
    if comparison:
        out += [f"## Compared with the previous period ({report.previous.window.label()})", ""]
        out += _md_table(("Measure", "This period", "Previous period"), comparison)
    if len(report.weeks) > 1:
        out += ["## Week by week", ""]
        note = _weeks_note(report)
        out += [note, ""] if note else []
        out += _md_table(("Week of", "Tickets", "Helpful votes", "CSAT 4-5", "Searches without result"), _week_rows(report.weeks), (1, 4))
    if report.articles:
        out += ["## Article feedback", ""]
        out += _md_table(
            ("Article", "Page", "Votes", "Helpful", "Helpful share (95% CI)", "Previous period", "Comments", "Opened from search"),
            [
                (a.title, a.page, a.votes, a.helpful, _interval(a.helpful_share), _previous_share(a), len(a.comments), a.searches)
                for a in report.articles
            ],
            (2, 3, 6, 7),
        )
        for a in report.articles:
            if a.comment_groups:
                out += [f"### Comments on {md_escape(a.title)}", ""]
                out += [
                    f'- {g.count} × "{md_escape(shorten(g.label, 160))}" ({_comment_kind(g)})'
                    for g in a.comment_groups[:SHOWN_COMMENT_GROUPS]
                ]
                out.append("")
    if report.searches:
        out += ["## Searches without result", ""]
        out += _md_table(
            ("Search", "Times", "Previous period", "Visitors"),
            [(g.label, g.count, "–" if g.previous is None else g.previous, g.visitors) for g in report.searches],
            (1, 2, 3),
        )
    if report.topics:
        out += ["## Tickets per topic", ""]
        out += _md_table(TOPIC_COLUMNS, [_topic_row(t) for t in report.topics], (3, 4, 5))
    if report.surveys:
        out += ["## Surveys", ""]
        out += _md_table(("Survey", "Measure", "Value", "n"), [(_survey_name(s), s.measure, _survey_value(s), s.n) for s in report.surveys], (3,))
    if report.standards:
        out += ["## Service standards", ""]
        out += _md_table(("Standard", "Complied (95% CI)", "Target", "n", "Met"), _standard_rows(report), (3,))
    if report.tickets:
        out += ["## Tickets", ""]
        out += _md_table(("Measure", "Value", "n"), _ticket_rows(report.tickets), (2,))
    return "\n".join(out)


def _comment_kind(group: CommentGroup) -> str:
    return 'with a "not helpful" vote' if group.unhappy else 'praise: with a "helpful" vote'


def _previous_share(a: ArticleStats) -> str:
    if a.previous_share is None:
        return "–"
    return f"{pct(a.previous_share.value)} of {a.previous_share.n}"


# -- CSV -------------------------------------------------------------------------------------


def csv_cell(value: Any) -> str:
    """A cell a spreadsheet shows as text: a leading = + - @ tab or CR would start a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def render_csv(report: Report) -> str:
    """The ranked list, one item per row, then what worked: one row per article credited, kind
    "worked", no rank, its score the tickets it avoided (the measures are in the other formats)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["rank", "kind", "target", "title", "score", "action", "evidence", "sample_size"])
    for rank, item in enumerate(report.improvements, start=1):
        row = [rank, item.kind, item.target, item.title, f"{item.score:.2f}", item.action, " | ".join(item.evidence), item.sample_size]
        writer.writerow([csv_cell(cell) for cell in row])
    for d in report.worked:
        evidence = " | ".join(f"{name}: {value}" for name, value in zip(WORKED_COLUMNS[1:], _worked_row(d)[1:]))
        row = ["", "worked", d.path, d.title, f"{d.avoided:.2f}", "An estimate of the tickets it avoided", evidence, d.before + d.after]
        writer.writerow([csv_cell(cell) for cell in row])
    return buffer.getvalue()


# -- JSON ------------------------------------------------------------------------------------


def report_data(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data (format version 1; fields are only ever added).

    ``{"version": 1, "generated_at": "...Z",
    "inputs": {"records", "files", "skipped", "torn", "duplicates", "repeats", "bots", "first_at", "last_at",
               "since", "until" (the period asked for, until exclusive), "outside",
               "ticket_duplicates", "ticket_bad_rows", "articles_read" (false with --no-content)},
    "improvements": [{"rank", "kind", "target", "title", "score", "action", "evidence": [...], "sample_size",
                      "parts": [[action, part of the score]] (where several signals make it)}],
    "articles": [{"page", "title", "path", "votes", "helpful", "not_helpful", "helpful_share": {share},
                  "comments": [...], "comment_groups": [{"label", "count", "not_helpful" (0: praise)}],
                  "searches", "search_terms": [[query, count]], "previous_share": null or {share}}],
    "searches": [{"query", "label", "count", "visitors", "previous"}],
    "surveys": {"csat": {"survey", "n", "measure", "value", "low", "high", "counts": {...}, "question"}, ...},
    "tickets": null or {ticket figures},
    "topics": [{"topic", "article", "title", "status", "page", "tickets": {ticket figures}, "previous",
                "published_on", "since_published", "surveys": {like "surveys"}, "examples": [newest ticket ids]}],
    "standards": [{"name", "measure", "target", "hours", "complied": {share}, "breached"}],
    "periods": {"current": {period}, "previous": null or {period}},
    "weeks": [{"start", "days" (of its 7 in the period, up to today), "tickets", "helpful": {share},
               "csat": {share}, "failed_searches", "current" (the week under way)}],
    "worked": [{"path", "title", "published_on", "before", "before_weeks", "after", "after_weeks", "trend",
                "expected", "avoided", "low", "high", "rate_before", "rate_after", "per_month"}],
    "worked_total": {"avoided", "low", "high", "per_month"} (sums over "worked"; an estimate)}``

    A share is ``{"part", "n", "value", "low", "high"}`` (0-1, Wilson 95% bounds); ticket figures
    are ``{"count", "first_response_h": {"n", "median", "p90"}, "resolution_h": {...},
    "agent_replies_mean", "agent_replies_n", "one_touch": {share}, "reopened": {share}}``; a period
    is ``{"since", "until", "submissions", "helpful": {share}, "surveys": {...}, "tickets",
    "failed_searches"}``. Surveys are keyed by name for their score and "name.question" for a
    project survey's other questions (whose "counts" are per answer). Durations are hours, dates
    ISO 8601; null means no data.
    """
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
            "ticket_duplicates": report.ticket_duplicates,
            "ticket_bad_rows": report.ticket_bad_rows,
            "articles_read": report.articles_read,
        },
        "improvements": [
            {"rank": rank, **asdict(item), "score": round(item.score, 3), "evidence": list(item.evidence)}
            for rank, item in enumerate(report.improvements, start=1)
        ],
        "articles": [asdict(a) for a in report.articles],
        "searches": [asdict(g) for g in report.searches],
        "surveys": _surveys_data(report.surveys),
        "tickets": asdict(report.tickets) if report.tickets else None,
        "topics": [{**asdict(t), "surveys": _surveys_data(t.surveys)} for t in report.topics],
        "standards": [{**asdict(r), "breached": r.breached} for r in report.standards],
        "periods": {
            "current": _period_data(report.current) if report.current else None,
            "previous": _period_data(report.previous) if report.previous else None,
        },
        "weeks": [asdict(w) for w in report.weeks],
        "worked": [
            {**asdict(d), "rate_before": d.rate_before, "rate_after": d.rate_after, "per_month": d.per_month} for d in report.worked
        ],
        "worked_total": {
            "avoided": sum(d.avoided for d in report.worked),
            "low": sum(d.low for d in report.worked),
            "high": sum(d.high for d in report.worked),
            "per_month": sum(d.per_month for d in report.worked),
        },
    }


def _surveys_data(summaries: Sequence[SurveySummary]) -> dict[str, Any]:
    return {s.key: {**asdict(s), "counts": dict(s.counts)} for s in summaries}


def _period_data(period: PeriodFigures) -> dict[str, Any]:
    return {
        "since": _iso(period.window.since),
        "until": _iso(period.window.until),
        "submissions": period.submissions,
        "helpful": asdict(period.helpful),
        "surveys": _surveys_data(period.surveys),
        "tickets": period.tickets,
        "failed_searches": period.failed_searches,
    }


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return _iso(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def render_json(report: Report) -> str:
    return json.dumps(report_data(report), ensure_ascii=False, indent=2, default=_json_value) + "\n"


# -- HTML ------------------------------------------------------------------------------------

# Autoescaped: comments and searches are customers' words.
_HTML = Environment(
    loader=PackageLoader("kbgen.report", "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True
).get_template("report.html")


def _bars(rows: Sequence[tuple[str, Share, str, float | None]]) -> dict[str, Any]:
    """A horizontal bar chart of shares with their intervals: rows of (title, share, label, target)."""
    left, span, row = 260, 300, 24
    bars = []
    for index, (title, s, label, target) in enumerate(rows):
        bars.append(
            {
                "y": index * row,
                "title": title,
                "short": shorten(title, 38),
                "width": round(span * (s.value or 0), 1),
                "low": round(left + span * (s.low or 0), 1),
                "high": round(left + span * (s.high or 0), 1),
                "target": None if target is None else round(left + span * target, 1),
                "label": label,
            }
        )
    return {"left": left, "span": span, "width": left + span + 220, "height": len(bars) * row + 4, "bars": bars}


def _worked_chart(worked: Sequence[Deflection]) -> dict[str, Any] | None:
    """Per article, tickets per week before (grey) and since (blue) its publication, with the
    rate expected without it marked; None without any."""
    if not worked:
        return None
    left, span, row = 260, 300, 40
    most = max(max(d.rate_before, d.rate_after, d.rate_before * d.trend) for d in worked) or 1.0
    rows = []
    for index, d in enumerate(worked[:CHART_ARTICLES]):
        rows.append(
            {
                "y": index * row, "title": d.title, "short": shorten(d.title, 38),
                "before": round(span * d.rate_before / most, 1), "after": round(span * d.rate_after / most, 1),
                "expected": round(left + span * d.rate_before * d.trend / most, 1),
                "label": f"{d.rate_before:.1f} → {d.rate_after:.1f} a week; {d.avoided:.0f} avoided",
            }
        )  # fmt: skip
    return {"left": left, "span": span, "width": left + span + 240, "height": len(rows) * row + 4, "rows": rows}


def _trend(weeks: Sequence[Week]) -> dict[str, Any] | None:
    """Tickets per week as bars, helpful and CSAT shares as lines; None for under two weeks."""
    if len(weeks) < 2:
        return None
    left, top, bottom, step = 10, 10, 170, max(8, min(40, 640 // len(weeks)))
    most = max(w.tickets for w in weeks) or 1
    bar = max(2, step - 3)
    bars, helpful, csat = [], [], []
    label_every = math.ceil(56 / step)  # a "28 Sep" label is about 50 pixels wide
    for index, w in enumerate(weeks):
        x = left + index * step
        h = round((bottom - top) * w.tickets / most, 1)
        centre = x + bar / 2
        bars.append(
            {
                "x": x, "y": bottom - h, "h": h, "tickets": w.tickets,
                "week": _week_label(w),
                "helpful_label": f"{pct(w.helpful.value)} of {w.helpful.n}", "csat_label": f"{pct(w.csat.value)} of {w.csat.n}",
                "label": f"{w.start:%d %b}" if index % label_every == 0 else "",
            }
        )  # fmt: skip
        if w.helpful.value is not None:
            helpful.append((round(centre, 1), round(bottom - (bottom - top) * w.helpful.value, 1)))
        if w.csat.value is not None:
            csat.append((round(centre, 1), round(bottom - (bottom - top) * w.csat.value, 1)))
    right = left + len(weeks) * step
    # Each week's share is a dot, joined by a line: a week alone still shows.
    lines = [{"points": p, "colour": c} for p, c in ((helpful, "#1f6f43"), (csat, "#c0572b")) if p]
    return {
        "left": left, "right": right, "top": top, "bottom": bottom, "bar": bar, "most": most,
        "width": right + 50, "height": bottom + 24, "bars": bars, "lines": lines,
    }  # fmt: skip


def _standard_label(result: StandardResult) -> str:
    return f"{pct(result.complied.value)} of {result.complied.n} (target {pct(result.target)})"


def render_html(report: Report) -> str:
    return _HTML.render(
        report=report,
        generated=f"{report.generated_at:%Y-%m-%d %H:%M}",
        inputs=_inputs_line(report),
        helpfulness=_bars(
            [(a.title, a.helpful_share, f"{pct(a.helpful_share.value)} of {a.votes}", None) for a in report.articles if a.votes][:CHART_ARTICLES]
        ),
        chart_articles=CHART_ARTICLES,
        compliance=_bars([(r.name, r.complied, _standard_label(r), r.target) for r in report.standards]),
        trend=_trend(report.weeks),
        worked=_worked_chart(report.worked),
        worked_rows=[_worked_row(d) for d in report.worked],
        worked_columns=WORKED_COLUMNS,
        worked_note=WORKED_NOTE.replace("`", ""),
        worked_total=_worked_total(report) if report.worked else "",
        week_rows=_week_rows(report.weeks),
        weeks_note=_weeks_note(report),
        comparison=_comparison_rows(report),
        shares=[_interval(a.helpful_share) for a in report.articles],
        previous=[_previous_share(a) for a in report.articles],
        survey_names=[_survey_name(s) for s in report.surveys],
        survey_values=[_survey_value(s) for s in report.surveys],
        ticket_rows=_ticket_rows(report.tickets) if report.tickets else [],
        standard_rows=_standard_rows(report),
        topic_columns=TOPIC_COLUMNS,
        topic_rows=[_topic_row(t) for t in report.topics],
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
