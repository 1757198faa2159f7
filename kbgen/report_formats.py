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

from jinja2 import Environment

from kbgen.errors import KbgenError
from kbgen.report import (
    ArticleStats,
    PeriodFigures,
    Report,
    Share,
    StandardResult,
    SurveySummary,
    TicketStats,
    TopicStats,
    Week,
    pct,
    shorten,
)

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
    line = f"{report.records} submissions in {report.files} files ({_period(report)})"
    if report.tickets:
        line += f" and {report.tickets.count} tickets"
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
            (report.ticket_duplicates, "ticket records replaced by newer ones"),
            (report.ticket_bad_rows, "unreadable ticket records skipped"),
        )
        if count
    ]
    return line + ("; " + ", ".join(left_out) if left_out else "")


def _survey_value(summary: SurveySummary) -> str:
    if summary.survey == "csat":
        return f"{pct(summary.value)} (95% CI {pct(summary.low, sign=False)}–{pct(summary.high)})"
    if summary.low is None:
        return _num(summary.value)
    return f"{_num(summary.value)} (95% CI {_num(summary.low)} to {_num(summary.high)})"


def _short_survey(summary: SurveySummary) -> str:
    value = pct(summary.value) if summary.survey == "csat" else _num(summary.value)
    return f"{summary.survey.upper()} {value} (n {summary.n})"


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
    earlier = {s.survey: s for s in before.surveys}
    for summary in now.surveys:
        old = earlier.get(summary.survey)
        rows.append((summary.survey.upper(), f"{_survey_value(summary)} of {summary.n}", f"{_survey_value(old)} of {old.n}" if old else "–"))
    rows += [
        ("Tickets", str(now.tickets), str(before.tickets)),
        ("Searches without result", str(now.failed_searches), str(before.failed_searches)),
    ]
    return rows


def _week_rows(weeks: Sequence[Week]) -> list[tuple[str, str, str, str, str]]:
    return [
        (f"{w.start:%Y-%m-%d}" + (f" ({w.days} days)" if w.days < 7 else ""), str(w.tickets), f"{pct(w.helpful.value)} of {w.helpful.n}", f"{pct(w.csat.value)} of {w.csat.n}", str(w.failed_searches))
        for w in weeks
    ]


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
    comparison = _comparison_rows(report)
    if comparison:
        out += [f"## Compared with the previous period ({report.previous.window.label()})", ""]
        out += _md_table(("Measure", "This period", "Previous period"), comparison)
    if len(report.weeks) > 1:
        out += ["## Week by week", ""]
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
                    f'- {g.count} × "{md_escape(shorten(g.label, 160))}" ({g.not_helpful} with a "not helpful" vote)'
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
        out += _md_table(("Survey", "Measure", "Value", "n"), [(s.survey.upper(), s.measure, _survey_value(s), s.n) for s in report.surveys], (3,))
    if report.standards:
        out += ["## Service standards", ""]
        out += _md_table(("Standard", "Complied (95% CI)", "Target", "n", "Met"), _standard_rows(report), (3,))
    if report.tickets:
        out += ["## Tickets", ""]
        out += _md_table(("Measure", "Value", "n"), _ticket_rows(report.tickets), (2,))
    return "\n".join(out)


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
    """The ranked list, one item per row (the measures are in the other formats)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["rank", "kind", "target", "title", "score", "action", "evidence", "sample_size"])
    for rank, item in enumerate(report.improvements, start=1):
        row = [rank, item.kind, item.target, item.title, f"{item.score:.2f}", item.action, " | ".join(item.evidence), item.sample_size]
        writer.writerow([csv_cell(cell) for cell in row])
    return buffer.getvalue()


# -- JSON ------------------------------------------------------------------------------------


def report_data(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data (format version 1; fields are only ever added).

    ``{"version": 1, "generated_at": "...Z",
    "inputs": {"records", "files", "skipped", "torn", "duplicates", "repeats", "bots", "first_at", "last_at",
               "since", "until" (the period asked for, until exclusive), "outside",
               "ticket_duplicates", "ticket_bad_rows"},
    "improvements": [{"rank", "kind", "target", "title", "score", "action", "evidence": [...], "sample_size"}],
    "articles": [{"page", "title", "path", "votes", "helpful", "not_helpful", "helpful_share": {share},
                  "comments": [...], "comment_groups": [{"label", "count", "not_helpful"}],
                  "searches", "search_terms": [[query, count]], "previous_share": null or {share}}],
    "searches": [{"query", "label", "count", "visitors", "previous"}],
    "surveys": {"csat": {"survey", "n", "measure", "value", "low", "high", "counts": {...}}, ...},
    "tickets": null or {ticket figures},
    "topics": [{"topic", "article", "title", "status", "page", "tickets": {ticket figures}, "previous",
                "published_on", "since_published", "surveys": {like "surveys"}}],
    "standards": [{"name", "measure", "target", "hours", "complied": {share}, "breached"}],
    "periods": {"current": {period}, "previous": null or {period}},
    "weeks": [{"start", "days" (of its 7 in the period), "tickets", "helpful": {share}, "csat": {share},
               "failed_searches"}]}``

    A share is ``{"part", "n", "value", "low", "high"}`` (0-1, Wilson 95% bounds); ticket figures
    are ``{"count", "first_response_h": {"n", "median", "p90"}, "resolution_h": {...},
    "agent_replies_mean", "agent_replies_n", "one_touch": {share}, "reopened": {share}}``; a period
    is ``{"since", "until", "submissions", "helpful": {share}, "surveys": {...}, "tickets",
    "failed_searches"}``. Durations are hours, dates ISO 8601; null means no data.
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
    }


def _surveys_data(summaries: Sequence[SurveySummary]) -> dict[str, Any]:
    return {s.survey: {**asdict(s), "counts": dict(s.counts)} for s in summaries}


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

_HTML = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True).from_string(
    """{# A horizontal bar chart of shares with their 95% intervals and, where set, a target mark. #}
{% macro bars(chart, id, label) %}
<svg id="{{ id }}" role="img" aria-label="{{ label }}" width="{{ chart.width }}" height="{{ chart.height }}" viewBox="0 0 {{ chart.width }} {{ chart.height }}">
{% for bar in chart.bars %}
<g transform="translate(0 {{ bar.y }})"><title>{{ bar.title }}: {{ bar.label }}</title>
<text x="0" y="15">{{ bar.short }}</text>
<rect x="{{ chart.left }}" y="4" width="{{ chart.span }}" height="14" fill="#f1f1f1"/>
<rect x="{{ chart.left }}" y="4" width="{{ bar.width }}" height="14" fill="#4a7bd0"/>
<line x1="{{ bar.low }}" x2="{{ bar.high }}" y1="11" y2="11" stroke="#1b1b1b"/>
<line x1="{{ bar.low }}" x2="{{ bar.low }}" y1="6" y2="16" stroke="#1b1b1b"/>
<line x1="{{ bar.high }}" x2="{{ bar.high }}" y1="6" y2="16" stroke="#1b1b1b"/>
{% if bar.target is not none %}<line x1="{{ bar.target }}" x2="{{ bar.target }}" y1="1" y2="21" stroke="#c0272b" stroke-width="2"/>{% endif %}
<text x="{{ chart.left + chart.span + 8 }}" y="15">{{ bar.label }}</text></g>
{% endfor %}
</svg>
{% endmacro %}
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
{# No scripts and nothing fetched: the page is safe to open and to mail around. #}
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Help site improvement report</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; color: #1b1b1b; max-width: 66rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #eee; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
ol.improvements li { margin-bottom: .8rem; }
.kind { font-size: .8rem; background: #eef; border-radius: 3px; padding: 0 .3rem; }
.muted { color: #666; }
.legend span { margin-right: 1rem; } .swatch { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem; vertical-align: middle; }
svg { max-width: 100%; height: auto; }
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

{% if comparison %}
<h2>Compared with the previous period ({{ report.previous.window.label() }})</h2>
<table><tr><th>Measure</th><th>This period</th><th>Previous period</th></tr>
{% for measure, now, before in comparison %}<tr><td>{{ measure }}</td><td>{{ now }}</td><td>{{ before }}</td></tr>
{% endfor %}
</table>
{% endif %}

{% if trend %}
<h2>Week by week</h2>
<p class="legend"><span><i class="swatch" style="background:#b8c7e6"></i>tickets (bars, left axis up to {{ trend.most }})</span><span><i class="swatch" style="background:#1f6f43"></i>helpful share of votes</span><span><i class="swatch" style="background:#c0572b"></i>CSAT 4-5 share</span></p>
<svg id="chart-trends" role="img" aria-label="Tickets, helpful share and CSAT per week" width="{{ trend.width }}" height="{{ trend.height }}" viewBox="0 0 {{ trend.width }} {{ trend.height }}">
<line x1="{{ trend.left }}" x2="{{ trend.right }}" y1="{{ trend.bottom }}" y2="{{ trend.bottom }}" stroke="#999"/>
<text x="{{ trend.right + 6 }}" y="{{ trend.top + 4 }}">100%</text><text x="{{ trend.right + 6 }}" y="{{ trend.bottom + 4 }}">0%</text>
{% for bar in trend.bars %}
<g><title>week of {{ bar.week }}: {{ bar.tickets }} tickets, helpful {{ bar.helpful_label }}, CSAT {{ bar.csat_label }}</title>
<rect x="{{ bar.x }}" y="{{ bar.y }}" width="{{ trend.bar }}" height="{{ bar.h }}" fill="#b8c7e6"/></g>
{% if bar.label %}<text x="{{ bar.x }}" y="{{ trend.bottom + 16 }}">{{ bar.label }}</text>{% endif %}
{% endfor %}
{% for line in trend.lines %}
<polyline points="{% for x, y in line.points %}{{ x }},{{ y }} {% endfor %}" fill="none" stroke="{{ line.colour }}" stroke-width="2"/>
{% for x, y in line.points %}<circle cx="{{ x }}" cy="{{ y }}" r="3" fill="{{ line.colour }}"/>{% endfor %}
{% endfor %}
</svg>
<table>
<tr><th>Week of</th><th class="n">Tickets</th><th>Helpful votes</th><th>CSAT 4-5</th><th class="n">Searches without result</th></tr>
{% for week, tickets, helpful, csat, failed in week_rows %}<tr><td>{{ week }}</td><td class="n">{{ tickets }}</td><td>{{ helpful }}</td><td>{{ csat }}</td><td class="n">{{ failed }}</td></tr>
{% endfor %}
</table>
{% endif %}

{% if report.articles %}
<h2>Article feedback</h2>
<p class="muted">Bars: helpful share of votes; whiskers: its 95% interval{% if report.articles|selectattr("votes")|list|length > chart_articles %}; the {{ chart_articles }} articles with most votes{% endif %}.</p>
{{ bars(helpfulness, "chart-helpfulness", "Helpful share per article with 95% intervals") }}
<table>
<tr><th>Article</th><th>Page</th><th class="n">Votes</th><th class="n">Helpful</th><th>Helpful share (95% CI)</th><th>Previous period</th><th class="n">Comments</th><th class="n">Opened from search</th></tr>
{% for a in report.articles %}
<tr><td>{{ a.title }}</td><td>{{ a.page }}</td><td class="n">{{ a.votes }}</td><td class="n">{{ a.helpful }}</td><td>{{ shares[loop.index0] }}</td><td>{{ previous[loop.index0] }}</td><td class="n">{{ a.comments|length }}</td><td class="n">{{ a.searches }}</td></tr>
{% endfor %}
</table>
{% for a in report.articles if a.comment_groups or a.search_terms %}
<details><summary>{{ a.title }}: {{ a.comments|length }} comments, {{ a.searches }} opened from search</summary>
{% if a.comment_groups %}<p>Comments worded alike:</p><ul>
{% for g in a.comment_groups %}<li>{{ g.count }} × “{{ g.label }}” <span class="muted">({{ g.not_helpful }} not helpful)</span></li>{% endfor %}
</ul>{% endif %}
{% if a.search_terms %}<p>Searches that led here:</p><ul>
{% for query, count in a.search_terms %}<li>{{ query }} <span class="muted">({{ count }})</span></li>{% endfor %}
</ul>{% endif %}
</details>
{% endfor %}
{% endif %}

{% if report.searches %}
<h2>Searches without result</h2>
<table><tr><th>Search</th><th class="n">Times</th><th class="n">Previous period</th><th class="n">Visitors</th></tr>
{% for g in report.searches %}<tr><td>{{ g.label }}</td><td class="n">{{ g.count }}</td><td class="n">{{ "–" if g.previous is none else g.previous }}</td><td class="n">{{ g.visitors }}</td></tr>
{% endfor %}
</table>
{% endif %}

{% if topic_rows %}
<h2>Tickets per topic</h2>
<table><tr>{% for column in topic_columns %}<th>{{ column }}</th>{% endfor %}</tr>
{% for row in topic_rows %}<tr>{% for cell in row %}<td>{{ cell }}</td>{% endfor %}</tr>
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
<p class="muted">Bars: share of cases within the standard; whiskers: its 95% interval; red mark: the target.</p>
{{ bars(compliance, "chart-standards", "Compliance per service standard with 95% intervals and targets") }}
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
                "week": f"{w.start:%Y-%m-%d}" + (f" ({w.days} of its days in the period)" if w.days < 7 else ""),
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
        week_rows=_week_rows(report.weeks),
        comparison=_comparison_rows(report),
        shares=[_interval(a.helpful_share) for a in report.articles],
        previous=[_previous_share(a) for a in report.articles],
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
