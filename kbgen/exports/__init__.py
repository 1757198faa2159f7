"""Readers of helpdesk exports: each format is one registry entry that turns a file into Tickets.

An entry splits reading in two: ``records`` streams the raw records of a file (a file-level
problem, such as a missing column, raises KbgenError at once), and ``ticket`` turns one record
into a Ticket (a bad record raises KbgenError naming file, record and field; with
``skip_bad_rows`` it is counted and listed instead). ``read_exports`` detects the format of each
file, or takes the one named, and keeps the newest record when several carry the same ticket id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kbgen.errors import KbgenError
from kbgen.exports import generic, zendesk
from kbgen.exports import freshdesk
from kbgen.exports import helpscout, jira, zammad
from kbgen.exports.files import ExportFile, ReadOptions, json_lines
from kbgen.records import Ticket

__all__ = ["FORMATS", "ExportFormat", "ExportLoad", "ReadOptions", "detect_format", "iter_exports", "read_exports"]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    description: str
    sniff: Callable[[ExportFile, str], bool]  # (file, its first characters) -> looks like this format
    records: Callable[[ExportFile], Iterator[tuple[str, Any]]]  # -> (where, raw record)
    ticket: Callable[[Any, str, ReadOptions], Ticket]  # (raw record, where, options) -> Ticket


# Order matters for detection: vendor formats before the generic ones.
FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat(
            "zendesk-json", "Zendesk Support API ticket JSON with comments",
            zendesk.sniff_json, zendesk.records_json, zendesk.ticket,
        ),
        ExportFormat(
            "zendesk-jsonl", "Zendesk full or incremental export: one ticket per line, comments embedded",
            zendesk.sniff_jsonl, json_lines, zendesk.ticket_from_line,
        ),
        ExportFormat(
            "zendesk-csv", "Zendesk CSV ticket or view export (no comments)",
            zendesk.sniff_csv, zendesk.records_csv, zendesk.ticket_csv,
        ),
        ExportFormat(
            "freshdesk-csv", "Freshdesk ticket CSV export (no conversations)",
            freshdesk.sniff_csv, freshdesk.records_csv, freshdesk.ticket_csv,
        ),
        ExportFormat(
            "freshdesk-json", "Freshdesk API v2 ticket JSON list with conversations, requester and stats",
            freshdesk.sniff_json, freshdesk.records_json, freshdesk.ticket_json,
        ),
        ExportFormat(
            "jira-csv", "Jira Service Management \"Export > CSV (all fields)\" (reporter's comments only)",
            jira.sniff_csv, jira.records_csv, jira.ticket_csv,
        ),
        ExportFormat(
            "jira-json", "Jira REST search JSON with comments (public ones read)",
            jira.sniff_json, jira.records_json, jira.ticket_json,
        ),
        ExportFormat(
            "helpscout-json", "Help Scout Mailbox API 2.0 conversations with threads",
            helpscout.sniff_json, helpscout.records_json, helpscout.ticket,
        ),
        ExportFormat(
            "zammad-json", "Zammad API tickets (expand=true) with their articles",
            zammad.sniff_json, zammad.records_json, zammad.ticket,
        ),
        ExportFormat("json", "generic JSON: a list of ticket objects", generic.sniff_json, generic.records_json, generic.ticket),
        ExportFormat("jsonl", "generic JSON Lines: one ticket object per line", generic.sniff_jsonl, json_lines, generic.ticket_from_line),
        ExportFormat("csv", "generic CSV with a header row (comma, semicolon or tab)", generic.sniff_csv, generic.records_csv, generic.ticket),
    )
}


@dataclass(frozen=True)
class ExportLoad:
    tickets: tuple[Ticket, ...]
    files: int
    duplicates: int  # records dropped because a newer one has the same ticket id
    bad_rows: tuple[str, ...] = ()  # what was wrong with each skipped record


def format_names() -> list[str]:
    return ["auto", *FORMATS]


def detect_format(file: ExportFile) -> ExportFormat:
    """The registry entry whose sniffer recognises the file."""
    head = file.head()
    for fmt in FORMATS.values():
        if fmt.sniff(file, head):
            return fmt
    raise KbgenError(
        f"{file.path}: not a ticket export kbgen recognises; name its format with --format "
        f"({', '.join(FORMATS)})"
    )


def iter_exports(
    paths: Iterable[str | Path],
    fmt: str = "auto",
    options: ReadOptions | None = None,
    *,
    on_bad: Callable[[str], None] | None = None,
    on_bytes: Callable[[int], None] = lambda n: None,
) -> Iterator[Ticket]:
    """Stream the tickets of every export, file after file, keeping nothing.

    A bad record raises KbgenError, or, when on_bad is given, is passed to it and skipped.
    """
    if fmt != "auto" and fmt not in FORMATS:
        raise KbgenError(f"--format: unknown format '{fmt}' (choose from {', '.join(format_names())})")
    options = options or ReadOptions()
    for raw_path in paths:
        file = ExportFile(Path(raw_path), options, on_bytes)
        reader = detect_format(file) if fmt == "auto" else FORMATS[fmt]
        try:
            for where, raw in reader.records(file):
                try:
                    yield reader.ticket(raw, where, options)
                except KbgenError as exc:
                    if on_bad is None:
                        raise
                    on_bad(str(exc))
        except UnicodeDecodeError as exc:
            raise file.decode_error(exc) from None


def read_exports(
    paths: Iterable[str | Path],
    fmt: str = "auto",
    options: ReadOptions | None = None,
    *,
    skip_bad_rows: bool = False,
    on_bytes: Callable[[int], None] = lambda n: None,
    keep: Callable[[Ticket], Ticket] | None = None,
) -> ExportLoad:
    """Read every export; the newest record of a ticket id wins across files. keep: what of
    each ticket is kept (a function of it), so that what the caller does not need is never
    held for all tickets at once."""
    paths = list(paths)
    newest: dict[str, Ticket] = {}
    bad: list[str] = []
    duplicates = 0
    for ticket in iter_exports(paths, fmt, options, on_bad=bad.append if skip_bad_rows else None, on_bytes=on_bytes):
        old = newest.get(ticket.id)
        if old is not None:
            duplicates += 1
            if _stamp(old) > _stamp(ticket):
                continue
        newest[ticket.id] = keep(ticket) if keep else ticket
    return ExportLoad(tickets=tuple(newest.values()), files=len(paths), duplicates=duplicates, bad_rows=tuple(bad))


def _stamp(ticket: Ticket) -> float:
    moments = [t for t in (ticket.solved_at, ticket.created_at) if t is not None]
    return max(moments).timestamp() if moments else 0.0
