"""Readers of helpdesk exports: each format is one registry entry that turns a file into Tickets.

``read_exports`` detects the format of each file (or takes the one named), reads every
ticket, and keeps the newest record when several files carry the same ticket id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kbgen.errors import KbgenError
from kbgen.exports import generic, zendesk
from kbgen.records import Ticket

HEAD_BYTES = 64 * 1024


@dataclass(frozen=True)
class ExportFormat:
    name: str
    description: str
    sniff: Callable[[Path, str], bool]  # (path, first characters of the file) -> looks like this format
    read: Callable[[Path], Iterator[Ticket]]


# Order matters for detection: specific formats before the generic ones.
FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("zendesk-json", "Zendesk Support API ticket JSON with comments", zendesk.sniff_json, zendesk.read_json),
        ExportFormat("json", "generic JSON: a list of ticket objects", generic.sniff_json, generic.read_json),
        ExportFormat("jsonl", "generic JSON Lines: one ticket object per line", generic.sniff_jsonl, generic.read_jsonl),
        ExportFormat("csv", "generic CSV with a header row (comma, semicolon or tab)", generic.sniff_csv, generic.read_csv),
    )
}


@dataclass(frozen=True)
class ExportLoad:
    tickets: tuple[Ticket, ...]
    files: int
    duplicates: int  # records dropped because a newer one has the same ticket id


def format_names() -> list[str]:
    return ["auto", *FORMATS]


def detect_format(path: Path) -> ExportFormat:
    """The registry entry whose sniffer recognises the file."""
    head = read_head(path)
    for fmt in FORMATS.values():
        if fmt.sniff(path, head):
            return fmt
    raise KbgenError(
        f"{path}: not a ticket export kbgen recognises; name its format with --format "
        f"({', '.join(FORMATS)})"
    )


def read_head(path: Path) -> str:
    try:
        with open(path, "rb") as fp:
            raw = fp.read(HEAD_BYTES)
    except FileNotFoundError:
        raise KbgenError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise KbgenError(f"{path}: is a directory, expected an export file") from None
    except OSError as exc:
        raise KbgenError(f"{path}: cannot read: {exc.strerror}") from None
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ""  # binary: no sniffer matches
    return raw.decode("utf-8-sig", errors="replace")


def read_exports(paths: Iterable[str | Path], fmt: str = "auto") -> ExportLoad:
    """Read every export; the newest record of a ticket id wins across files."""
    if fmt != "auto" and fmt not in FORMATS:
        raise KbgenError(f"--format: unknown format '{fmt}' (choose from {', '.join(format_names())})")
    newest: dict[str, Ticket] = {}
    files = duplicates = 0
    for raw_path in paths:
        path = Path(raw_path)
        reader = detect_format(path) if fmt == "auto" else FORMATS[fmt]
        read_head(path)  # a missing or unreadable file fails here with its name
        files += 1
        for ticket in reader.read(path):
            old = newest.get(ticket.id)
            if old is not None:
                duplicates += 1
                if _stamp(old) > _stamp(ticket):
                    continue
            newest[ticket.id] = ticket
    return ExportLoad(tickets=tuple(newest.values()), files=files, duplicates=duplicates)


def _stamp(ticket: Ticket) -> float:
    moments = [t for t in (ticket.solved_at, ticket.created_at) if t is not None]
    return max(moments).timestamp() if moments else 0.0
