"""What to improve: the rules that turn the report's measures into ranked items.

Each rule is one entry of ``RULES``, with its weights and thresholds beside it. An item's score
estimates the customers affected x how badly, discounted by uncertainty (higher first; ties by
kind, then target):

* ``fix-article`` (target: page path): votes x (the Wilson 95% lower bound of the "not
  helpful" share - the normal share, ``baselines``) where that is above 0, asking for a
  rewrite; plus tickets on its topic since it was published x TICKET_WEIGHT (the share of
  those customers a good article is assumed to spare a ticket), asking why they still write in.
* ``write-article`` (target: normalized query): a search that found nothing, asked at least
  MIN_FAILED_SEARCHES times: times x SEARCH_WEIGHT.
* ``write-article`` (target: article file or topic id): tickets on a topic whose article is
  still a draft, or that has none: tickets x TICKET_WEIGHT.
* ``split-article`` (target: page path): an article answering tickets of several topics:
  tickets outside its main topic x SPLIT_WEIGHT.
* ``merge-articles`` (target: both page paths): the same searches open two articles:
  opens of the less opened one x MERGE_WEIGHT.
* ``service-standard`` (target: standard name): a standard of kbgen.yml missed:
  cases x (target - Wilson 95% upper bound of the complying share) x STANDARD_WEIGHT, so a
  miss that may be chance scores 0.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from kbgen.records import Improvement
from kbgen.report.records import ArticleStats, SearchGroup, StandardResult, TopicStats
from kbgen.report.wording import plural, pct, shorten
from kbgen.stats import share

FIX_ARTICLE = "fix-article"
WRITE_ARTICLE = "write-article"
SPLIT_ARTICLE = "split-article"
MERGE_ARTICLES = "merge-articles"
SERVICE_STANDARD = "service-standard"


@dataclass(frozen=True)
class Findings:
    """The measures of one period, as the rules read them."""

    articles: tuple[ArticleStats, ...]
    searches: tuple[SearchGroup, ...]  # that found nothing
    topics: tuple[TopicStats, ...]
    standards: tuple[StandardResult, ...]
    opened: Mapping[str, Counter[str]]  # normalized search -> pages opened from its results, with counts
    titles: Mapping[str, str]  # normalized page -> its article's title


# -- fix-article -----------------------------------------------------------------------------

TICKET_WEIGHT = 0.3  # a ticket a good article could have spared (assumed share)
# What share of "not helpful" votes is normal: that of the other articles in the same folder of
# the site (/billing/, /nl/billing/) when they have BASELINE_VOTES votes, else of every other
# article when they have, else DEFAULT_NOT_HELPFUL. Some readers always vote "no" (they wanted
# another answer, or a product change): only votes beyond the normal share ask for a rewrite.
BASELINE_VOTES = 50
DEFAULT_NOT_HELPFUL = 0.25

REWRITE_FOR_COMMENTS = "Rewrite the article: answer what the unhappy comments ask, largest group first"
REWRITE = "Rewrite the article so it answers the question; check every step against the product"
STILL_WRITE_IN = (
    "Find why customers still write in: compare the recent tickets with the article "
    "(it may be hard to find, incomplete, or about a fault the product must fix)"
)


@dataclass(frozen=True)
class Baseline:
    """The "not helpful" share an article's votes are set against, and where it comes from."""

    share: float
    votes: int  # of the other articles it was measured on; 0 for the default
    scope: str  # "in /billing/", "on the site", or "" for the default


ASSUMED = Baseline(DEFAULT_NOT_HELPFUL, 0, "")


def baselines(articles: Sequence[ArticleStats]) -> dict[str, Baseline]:
    """page -> its normal "not helpful" share: its folder's other articles', else the site's
    other articles', else DEFAULT_NOT_HELPFUL (leave-one-out: a much-voted article does not set
    its own bar)."""
    votes: Counter[str] = Counter()
    unhappy: Counter[str] = Counter()
    for a in articles:
        for scope in (_folder(a.page), ""):  # "": the whole site
            votes[scope] += a.votes
            unhappy[scope] += a.not_helpful
    found = {}
    for a in articles:
        found[a.page] = ASSUMED
        for scope, label in ((_folder(a.page), f"in {_folder(a.page)}"), ("", "on the site")):
            others = votes[scope] - a.votes
            if others >= BASELINE_VOTES:
                found[a.page] = Baseline((unhappy[scope] - a.not_helpful) / others, others, label)
                break
    return found


def _folder(page: str) -> str:
    """/billing/vat/ -> /billing/; /nl/billing/vat/ -> /nl/billing/."""
    return page.rstrip("/").rpartition("/")[0] + "/"


def fix_articles(findings: Findings) -> list[Improvement]:
    """One item per published page whose "not helpful" share is credibly above the normal one,
    or with tickets still arriving on its topic."""
    votes = {s.page: s for s in findings.articles}
    tickets: dict[str, list[TopicStats]] = defaultdict(list)
    for topic in findings.topics:
        if topic.status == "published" and topic.page:
            tickets[topic.page].append(topic)
    normal = baselines(findings.articles)
    items = []
    for page in sorted(votes.keys() | tickets.keys()):
        item = _fix_article(page, votes.get(page), tickets.get(page, []), normal.get(page, ASSUMED))
        if item is not None:
            items.append(item)
    return items


def _fix_article(page: str, votes: ArticleStats | None, topics: Sequence[TopicStats], normal: Baseline) -> Improvement | None:
    """The item for page, None where neither its votes nor its tickets ask for anything."""
    evidence = []
    parts: list[tuple[str, float]] = []
    if votes and votes.votes:
        not_helpful = share(votes.not_helpful, votes.votes)
        beyond = votes.votes * max(0.0, (not_helpful.low or 0.0) - normal.share)
        where = f"the other articles {normal.scope}, {normal.votes} votes" if normal.votes else "assumed: too few votes elsewhere"
        line = (
            f"{votes.not_helpful} of {votes.votes} votes not helpful "
            f"({pct(not_helpful.value)}, 95% CI {pct(not_helpful.low, sign=False)}–{pct(not_helpful.high)}); "
            f"normal {pct(normal.share)} ({where})"
        )
        before = votes.previous_share
        if before is not None and before.n:
            line += f"; {pct(1 - (before.value or 0))} of {before.n} in the previous period"
        evidence.append(line)
        if beyond > 0:
            unhappy = [g for g in votes.comment_groups if g.unhappy]
            parts.append((REWRITE_FOR_COMMENTS if unhappy else REWRITE, beyond))
            if unhappy:
                count, top = sum(g.count for g in unhappy), unhappy[0]
                said = f'{top.count} worded like "{shorten(top.label, 120)}"' if top.count > 1 else f'e.g. "{shorten(top.label, 120)}"'
                evidence.append(f"{plural(count, 'unhappy comment')}; {said}")
    arriving = sum(t.since_published for t in topics)
    if arriving:
        parts.append((STILL_WRITE_IN, arriving * TICKET_WEIGHT))
        dates = sorted({t.published_on for t in topics if t.published_on})
        when = f"since it was published on {dates[0]:%Y-%m-%d}" if dates else "in the period (no 'published' date in its front matter)"
        line = f"{plural(arriving, 'ticket')} on its topic {when}"
        previous = [t.previous for t in topics if t.previous is not None]
        if previous:
            line += f"; {sum(previous)} in the previous period"
        evidence.append(line)
    if not parts:
        return None
    if votes and votes.searches:
        evidence.append(f"opened from search {votes.searches} times")
    score = sum(part for _, part in parts)
    parts.sort(key=lambda p: -p[1])
    if len(parts) == 1:
        action = parts[0][0]
    else:
        action = ". ".join(f"{what} ({pct(part / score)} of the score)" for what, part in parts)
    return Improvement(
        kind=FIX_ARTICLE,
        target=page,
        title=votes.title if votes else topics[0].title,
        action=action,
        score=score,
        evidence=tuple(evidence),
        sample_size=(votes.votes if votes else 0) + arriving,
        parts=tuple(parts) if len(parts) > 1 else (),
    )


# -- write-article for a failed search -------------------------------------------------------

SEARCH_WEIGHT = 0.5  # a search that found nothing: the visitor left without an answer, or wrote in
MIN_FAILED_SEARCHES = 2


def write_for_searches(findings: Findings) -> list[Improvement]:
    return [_write_for_search(group) for group in findings.searches if group.count >= MIN_FAILED_SEARCHES]


def _write_for_search(group: SearchGroup) -> Improvement:
    evidence = [f"searched {group.count} times with no result"]
    if group.visitors:
        evidence.append(f"by {plural(group.visitors, 'different visitor')}")
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


# -- write-article for a topic without a published article -----------------------------------


def write_for_topics(findings: Findings) -> list[Improvement]:
    return [_write_for_topic(topic) for topic in findings.topics if topic.status != "published"]


def _write_for_topic(topic: TopicStats) -> Improvement:
    count = topic.tickets.count
    line = f"{plural(count, 'ticket')} on this question and no published article"
    if topic.previous is not None:
        line += f"; {topic.previous} in the previous period"
    evidence = [line]
    if topic.examples and topic.status == "none":  # a draft holds its customers' phrasings already
        evidence.append(f"newest tickets: {', '.join(topic.examples)}")
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


# -- split-article ---------------------------------------------------------------------------

SPLIT_WEIGHT = 0.15  # a ticket answered by an article written for another question
MIN_SPLIT_TICKETS = 5  # tickets outside an article's main topic, and their share, before a split
SPLIT_SHARE = 0.25


def splits(findings: Findings) -> list[Improvement]:
    """An article answering tickets of several topics: the ones outside its main topic."""
    by_article: dict[str, list[TopicStats]] = defaultdict(list)
    for topic in findings.topics:
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


# -- merge-articles --------------------------------------------------------------------------

MERGE_WEIGHT = 0.25  # a search that could not tell two articles apart
MIN_MERGE_OPENS = 3  # opens of each article from the same searches, and the smaller's share of the larger
MERGE_SHARE = 0.3


def merges(findings: Findings) -> list[Improvement]:
    """The same searches open two articles in like numbers: readers cannot tell which answers."""
    pairs: dict[tuple[str, str], list[tuple[str, int, int]]] = defaultdict(list)  # pages -> (query, opens, opens)
    for query, pages in findings.opened.items():
        top = sorted(pages.items(), key=lambda item: (-item[1], item[0]))[:2]
        if len(top) < 2:
            continue
        (first, many), (second, few) = top
        if few >= MIN_MERGE_OPENS and few >= MERGE_SHARE * many:
            a, b = sorted((first, second))
            pairs[a, b].append((query, pages[a], pages[b]))
    titles = findings.titles
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
                    f"{plural(len(queries), 'search', 'searches')} open both",
                    f'"{shorten(example, 60)}" opened {a} {x} times and {b} {y} times',
                ),
                sample_size=sum(x + y for _, x, y in queries),
            )
        )
    return items


# -- service-standard ------------------------------------------------------------------------

STANDARD_WEIGHT = 1.0  # per customer below the target share: a missed promise weighs like a failed answer


def breaches(findings: Findings) -> list[Improvement]:
    return [_breach(result) for result in findings.standards if result.breached]


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


# -- the registry ----------------------------------------------------------------------------

# Every rule, in the order its items are gathered (the ranking sorts them anyway). Add an entry,
# and its row in the README's table, for a new kind of item.
RULES: tuple[Callable[[Findings], list[Improvement]], ...] = (
    fix_articles,
    write_for_searches,
    write_for_topics,
    splits,
    merges,
    breaches,
)


def rank_improvements(findings: Findings) -> tuple[Improvement, ...]:
    """Every rule's items, highest score first; ties by kind, then target."""
    items = [item for rule in RULES for item in rule(findings)]
    items.sort(key=lambda i: (-i.score, i.kind, i.target))
    return tuple(items)
