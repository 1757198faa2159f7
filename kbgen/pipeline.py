"""The two pipelines the commands run.

draft:  exports -> tickets -> redacted tickets -> topics -> categories -> drafts
report: feedback files (+ tickets, articles) -> metrics -> ranked improvements
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from kbgen import __version__
from kbgen.articles import read_article_files, read_articles
from kbgen.config import SiteConfig
from kbgen.drafts.assignments import assignments_rows, read_assignments, write_assignments
from kbgen.drafts.write import MERGED, NEW, PROTECTED, REFRESHED, UNCHANGED, DraftOutcome, read_topic_tickets, write_drafts
from kbgen.errors import KbgenError
from kbgen.exports import ReadOptions, read_exports
from kbgen.feedback.imports import read_form_export
from kbgen.feedback.read import read_feedback
from kbgen.progress import Progress, counted, silent
from kbgen.records import FeedbackRecord, Ticket
from kbgen.redact import Redactor
from kbgen.report.build import build_report
from kbgen.report.formats import render_report
from kbgen.report.records import Window
from kbgen.state import GroupingState, read_state, settings_of, write_state
from kbgen.surveys import Surveys


SHOWN_BAD_ROWS = 10
# Beside .kbgen/: the semantic engine's embeddings of texts it has seen (kbgen.semantic), safe to
# delete and not worth committing.
EMBEDDING_CACHE = ".kbgen-cache"


@dataclass(frozen=True)
class DraftSummary:
    tickets_read: int
    duplicates: int
    bad_rows: tuple[str, ...]  # what was wrong with each skipped record (--skip-bad-rows)
    resolved: int
    redacted: dict[str, int]  # placeholder type -> items replaced
    languages: dict[str, int]  # resolved tickets per language
    topics: int
    topic_seconds: dict[str, float]  # time the topic step took: "vectors", "grouping"
    outcomes: tuple[DraftOutcome, ...]
    unassigned: int
    continued: bool = False  # the earlier runs' grouping was continued (kbgen.state), not made anew
    grown: int = 0  # earlier topics that took tickets of this run

    def count(self, action: str) -> int:
        return sum(1 for o in self.outcomes if o.action == action)

    def lines(self) -> list[str]:
        """The summary as short lines for the terminal; counts only, never a redacted value."""
        redacted = ", ".join(f"{k} {v}" for k, v in sorted(self.redacted.items())) or "none"
        languages = ", ".join(f"{k} {v}" for k, v in self.languages.items()) or "none"
        lines = [f"tickets read: {self.tickets_read} ({self.duplicates} duplicate records replaced by newer ones)"]
        if self.bad_rows:
            lines.append(f"skipped bad records: {len(self.bad_rows)}")
            lines.extend(f"  {problem}" for problem in self.bad_rows[:SHOWN_BAD_ROWS])
            if len(self.bad_rows) > SHOWN_BAD_ROWS:
                lines.append(f"  ... and {len(self.bad_rows) - SHOWN_BAD_ROWS} more")
        return lines + [
            f"resolved: {self.resolved} (languages: {languages})",
            f"redacted: {redacted}",
            *(
                [f"grouping continued from the last run: {self.grown} earlier topics took new tickets (--full groups every ticket again)"]
                if self.continued
                else []
            ),
            f"topics found: {self.topics} in {sum(self.topic_seconds.values()):.1f} s"
            + "".join(f", {step} {seconds:.1f} s" for step, seconds in self.topic_seconds.items()),
            f"new drafts: {self.count(NEW)}, refreshed: {self.count(REFRESHED)}, unchanged: {self.count(UNCHANGED)}"
            + (f", topics merged into an existing article: {self.count(MERGED)}" if self.count(MERGED) else ""),
            f"protected articles with new evidence: {self.count(PROTECTED)}",
            f"unassigned tickets (one-off questions): {self.unassigned}",
        ]


def run_draft(
    exports: Sequence[str | Path],
    *,
    content_dir: str | Path,
    config: SiteConfig,
    fmt: str = "auto",
    read_options: ReadOptions | None = None,
    skip_bad_rows: bool = False,
    on_bytes: Callable[[int], None] = lambda n: None,
    assignments: str | Path | None = None,
    language: str | None = None,
    progress: Progress = silent,
    full: bool = False,
) -> DraftSummary:
    """Read exports, redact, find topics, write drafts (and the assignments file).

    config carries the command line's overrides (kbgen.config.load_site_config); language, when
    given, is every ticket's instead of the detected one; progress hears each stage's counts.
    The grouping an earlier run kept in .kbgen/ (kbgen.state) is continued: the exports' new
    tickets join its topics or are grouped with its one-off tickets; full groups every ticket of
    the exports anew instead.
    """
    # Here: the report does not pay for scikit-learn's import.
    from kbgen.categories import categorise_topics
    from kbgen.topics import find_topics, make_engine

    # A missing semantic extra or model is reported before any file is read.
    topic_engine = make_engine(config.engine, config.embeddings, progress, cache=Path(content_dir).parent / EMBEDDING_CACHE)
    settings = settings_of(__version__, topic_engine.name, topic_engine.model, config.min_topic_size, language)
    earlier = None if full else read_state(content_dir, settings)
    # Drafts read a ticket's subject, question and answer: the rest of its conversation is
    # neither kept nor redacted.
    load = read_exports(exports, fmt, read_options, skip_bad_rows=skip_bad_rows, on_bytes=on_bytes, keep=_without_conversation)
    ticket_ids = [t.id for t in load.tickets]
    redacted = [t for t in load.tickets if t.status in config.resolved_statuses]
    tickets_read, duplicates, bad_rows = len(load.tickets), load.duplicates, load.bad_rows
    del load  # each ticket's text is held once: redacted in place
    redactor = Redactor(config)
    counts: Counter = Counter()
    for at, ticket in enumerate(counted(redacted, "redacting tickets", progress)):
        redacted[at] = redactor.redact_ticket(ticket, counts)
    found = find_topics(
        redacted, min_size=config.min_topic_size, language=language, engine=topic_engine,
        search_phrasings=config.search_phrasings, progress=progress, earlier=earlier.languages if earlier else None,
    )  # fmt: skip
    progress("suggesting categories", 0, 0)
    existing = read_article_files(content_dir) if Path(content_dir).is_dir() else []
    topics = categorise_topics(found.topics, existing, site_language=config.language)
    outcomes = write_drafts(topics, content_dir, site_language=config.language, files=existing, progress=progress, grown=found.grown)
    if assignments:
        earlier_rows = _held_rows(content_dir, found.kept, existing, outcomes) if found.kept else {}
        write_assignments(assignments, assignments_rows(ticket_ids, topics, outcomes, earlier_rows))
    write_state(content_dir, GroupingState(settings, found.state))
    return DraftSummary(
        tickets_read=tickets_read,
        duplicates=duplicates,
        bad_rows=bad_rows,
        resolved=len(redacted),
        redacted=dict(counts),
        languages=found.languages,
        topics=len(found.topics),
        topic_seconds=found.seconds,
        outcomes=outcomes,
        unassigned=len(found.unassigned),
        continued=earlier is not None,
        grown=len(found.grown),
    )


def _held_rows(content_dir, kept: frozenset[str], existing, outcomes: Sequence[DraftOutcome]) -> dict[str, tuple[str, str]]:
    """ticket id -> (topic id, article) for the tickets of kept that an article's topic held
    in an earlier run (existing: the articles as read before this run wrote)."""
    article_of = {a.topic_id: a.path for a, _ in existing if a.topic_id} | {o.topic_id: o.article for o in outcomes}
    return {
        ticket_id: (topic_id, article_of[topic_id])
        for topic_id, ids in read_topic_tickets(Path(content_dir)).items()
        if topic_id in article_of
        for ticket_id in ids
        if ticket_id in kept
    }


def _without_conversation(ticket: Ticket) -> Ticket:
    return replace(ticket, messages=()) if ticket.messages else ticket


def run_report(
    feedback: Sequence[str],
    *,
    tickets: Sequence[str | Path] = (),
    read_options: ReadOptions | None = None,
    skip_bad_rows: bool = False,
    on_bytes: Callable[[int], None] = lambda n: None,
    assignments: str | Path | None = None,
    content_dir: str | Path | None = "content",
    fmt: str = "md",
    window: Window = Window(),
    compare: Window | None = None,
    imports: Sequence[str] = (),
    config: SiteConfig = SiteConfig(),
    surveys: Surveys = Surveys(),
) -> str:
    """Feedback files + tickets + articles -> the ranked improvement list, rendered as fmt.

    compare is the period the trends set window against; by default the equally long one before.
    content_dir None ranks without articles (the report says so). config gives the service
    standards and the ticket statuses that count as solved; surveys are
    the project's (kbgen.site.survey_pages.project_surveys), whose answers are summarised.
    on_bytes hears the bytes of feedback files and ticket exports read. Exports over
    PARALLEL_READ_BYTES are read in a spawned process, so a script calling this needs the usual
    ``if __name__ == "__main__":`` guard. Customers type personal data into comments and searches
    too: it is redacted before any measure is taken, so no report shows it.
    """
    lock = threading.Lock()  # the bytes of tickets read in a second process arrive on a thread

    def on_bytes_locked(n: int) -> None:
        with lock:
            on_bytes(n)

    with _tickets_meanwhile(tickets, read_options, skip_bad_rows, on_bytes_locked) as ticket_list:
        load = read_feedback(feedback, on_bytes_locked)
        if imports:
            # Votes and answers collected by other services count like the collector's own.
            imported = [record for spec in imports for record in read_form_export(spec)]
            load = replace(
                load, records=tuple(sorted((*load.records, *imported), key=lambda r: r.received_at)), files=load.files + len(imports)
            )
        load = replace(load, records=_redacted(load.records))
        articles = read_articles(content_dir) if content_dir is not None and Path(content_dir).is_dir() else []
        assigned = read_assignments(assignments) if assignments else {}
        report_tickets, duplicates, bad_rows = ticket_list()
    now = datetime.now(timezone.utc)
    report = build_report(
        load, report_tickets, articles, assigned, generated_at=now, window=window, standards=config.standards,
        compare=compare or window.previous(now), ticket_duplicates=duplicates, ticket_bad_rows=bad_rows,
        surveys=surveys, resolved_statuses=config.resolved_statuses, articles_read=content_dir is not None,
    )  # fmt: skip
    return render_report(report, fmt)


def _redacted(records: Sequence[FeedbackRecord]) -> tuple[FeedbackRecord, ...]:
    redactor = Redactor()
    # Customers search for the same words again and again: each text is redacted once.
    redacted: dict[str, str] = {"": ""}

    def redact(text: str) -> str:
        if text not in redacted:
            redacted[text] = redactor.redact_text(text)
        return redacted[text]

    out = []
    for r in records:
        if not (r.comment or r.query):  # most votes and answers carry no text
            out.append(r)
            continue
        comment, query = redact(r.comment), redact(r.query)
        # Most texts hold nothing to redact: the record is kept as it is.
        out.append(r if comment == r.comment and query == r.query else replace(r, comment=comment, query=query))
    return tuple(out)


# (tickets, duplicate records replaced, bad records skipped)
TicketFigures = tuple[tuple[Ticket, ...], int, int]

# Ticket exports at least this large are read in a second process while this one reads the
# feedback files: the report's two longest steps, and independent of each other.
PARALLEL_READ_BYTES = 16 * 1024 * 1024


@contextmanager
def _tickets_meanwhile(
    exports: Sequence[str | Path], options: ReadOptions | None, skip_bad_rows: bool, on_bytes: Callable[[int], None]
) -> Iterator[Callable[[], TicketFigures]]:
    """Yields a function returning the report's tickets; large exports are read meanwhile."""
    if not exports:
        yield lambda: ((), 0, 0)
        return
    if sum(Path(p).stat().st_size for p in exports if Path(p).is_file()) < PARALLEL_READ_BYTES:
        yield lambda: _ticket_figures(exports, options, skip_bad_rows, on_bytes)
        return
    context = multiprocessing.get_context("spawn")  # no fork of a process that may hold threads
    read = context.Value("q", 0, lock=False)
    receiver, sender = context.Pipe(duplex=False)
    reader = context.Process(target=_read_elsewhere, args=(sender, read, exports, options, skip_bad_rows), daemon=True)
    reader.start()
    sender.close()  # so that a reader that dies is an EOF here, not a wait forever
    done = threading.Event()

    def forward() -> None:  # the second process's progress, to this one's bar
        seen = 0
        while not done.wait(0.2) or seen != read.value:
            now = read.value
            on_bytes(now - seen)
            seen = now

    def result() -> TicketFigures:
        try:
            outcome, value = receiver.recv()
        except EOFError:
            reader.join()
            raise KbgenError(f"the process reading the ticket exports ended early (exit code {reader.exitcode})") from None
        if outcome == "error":
            raise value
        return value

    progress = threading.Thread(target=forward, daemon=True)
    progress.start()
    try:
        yield result
    finally:
        reader.terminate()  # done by now, unless an error or Ctrl-C here cut the reading short
        reader.join()
        receiver.close()
        done.set()
        progress.join()


def _read_elsewhere(sender, read, exports, options, skip_bad_rows) -> None:
    """The second process: sends ("ok", figures) or ("error", the exception) back."""

    def count(n: int) -> None:
        read.value += n

    try:
        sender.send(("ok", _ticket_figures(exports, options, skip_bad_rows, count)))
    except Exception as exc:  # raised again in the first process, where the command reports it
        sender.send(("error", exc))


def _ticket_figures(
    exports: Sequence[str | Path], options: ReadOptions | None, skip_bad_rows: bool, on_bytes: Callable[[int], None]
) -> TicketFigures:
    """The tickets as the report uses them (ids, dates and counts, without any text or person),
    the duplicate records replaced and the bad ones skipped."""
    load = read_exports(exports, options=options, skip_bad_rows=skip_bad_rows, on_bytes=on_bytes, keep=_figures_only)
    return load.tickets, load.duplicates, len(load.bad_rows)


def _figures_only(t: Ticket) -> Ticket:
    return Ticket(
        id=t.id,
        subject="",
        question="",
        status=t.status,
        created_at=t.created_at,
        first_response_at=t.first_response_at,
        solved_at=t.solved_at,
        reopens=t.reopens,
        agent_replies=t.agent_replies,
        customer_replies=t.customer_replies,
    )

