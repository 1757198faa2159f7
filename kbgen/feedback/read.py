"""Read the files the collector writes (``kbgen.feedback.line``) into FeedbackRecords.

Files are append-only logs from one or more collector processes. A process that
crashed mid-write leaves a last line without its newline ("torn"); a line that
is damaged otherwise is skipped and counted. Neither stops a report.
"""

from __future__ import annotations

import glob
from collections import Counter
from dataclasses import dataclass
from operator import attrgetter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable, Iterable

import orjson

from kbgen.errors import KbgenError
from kbgen.feedback import line
from kbgen.records import FeedbackRecord


@dataclass(frozen=True)
class FeedbackLoad:
    """Records read from feedback files, and what had to be left out."""

    records: tuple[FeedbackRecord, ...]  # oldest first, superseded submissions removed
    files: int = 0
    skipped: int = 0  # damaged lines and records of unknown kinds or versions
    torn: int = 0  # unparsable last lines without newline: a writer stopped mid-line
    duplicates: int = 0  # records superseded by a later one with the same submission id
    repeats: int = 0  # the same answer from the same client on the same page within REPEAT_WINDOW
    bots: int = 0  # records of clients that sent more than BOT_DAILY in one UTC day


# The same vote or answer again from one client within this window counts once (a double click,
# a reloaded form); a client that sends more than BOT_DAILY submissions in a day is a robot.
REPEAT_WINDOW = timedelta(minutes=10)
BOT_DAILY = 500
_received = attrgetter("received_at")
_client = attrgetter("client")


def read_feedback(sources: Iterable[str], on_bytes: Callable[[int], None] = lambda n: None) -> FeedbackLoad:
    """Read feedback files, directories (their ``*.jsonl``) and glob patterns; on_bytes hears
    the size of each file read, for a progress bar."""
    records: list[FeedbackRecord] = []
    skipped = torn = 0
    paths = feedback_files(sources)
    for path in paths:
        file_records, file_skipped, file_torn = _read_file(path)
        on_bytes(path.stat().st_size)
        skipped += file_skipped
        torn += file_torn
        records.extend(file_records)
    # Chronological, so "the last one wins" means the latest answer even when the
    # vote and the comment landed in different collector processes' files. The sort is
    # stable: records of one moment keep the order of their files and lines.
    records.sort(key=_received)
    seen: set[tuple[str, str]] = set()
    kept = []
    for record in reversed(records):  # newest first: the first of a submission seen is its latest
        if record.submission:
            key = (record.kind, record.submission)
            if key in seen:
                continue
            seen.add(key)
        kept.append(record)
    kept.reverse()
    per_client = Counter(map(_client, kept))
    del per_client[""]  # anonymous or imported: no client to count
    humans, bots = _without_bots(kept, per_client)
    once, repeats = _without_repeats(humans, per_client)
    return FeedbackLoad(
        records=tuple(once),
        files=len(paths),
        skipped=skipped,
        torn=torn,
        duplicates=len(records) - len(kept),
        repeats=repeats,
        bots=bots,
    )


def _without_bots(records: list[FeedbackRecord], per_client: Counter) -> tuple[list[FeedbackRecord], int]:
    """records without those of clients over BOT_DAILY in a UTC day, and how many went
    (per_client: submissions per client in all days; only the busiest are counted per day)."""
    busy = {client for client, n in per_client.items() if n > BOT_DAILY}
    if not busy:
        return records, 0
    per_day = Counter((r.client, r.received_at.date()) for r in records if r.client in busy)
    robots = {key for key, n in per_day.items() if n > BOT_DAILY}
    if not robots:
        return records, 0
    kept = [r for r in records if not r.client or (r.client, r.received_at.date()) not in robots]
    return kept, len(records) - len(kept)


def _without_repeats(records: list[FeedbackRecord], per_client: Counter) -> tuple[list[FeedbackRecord], int]:
    """records (oldest first) with an answer a client repeated within REPEAT_WINDOW counted once."""
    last_seen: dict[tuple, datetime] = {}
    kept = []
    for record in records:
        if not record.client or per_client[record.client] < 2:
            # Imported or anonymous (nothing to tell repeats by), or the client's only one.
            kept.append(record)
            continue
        key = (
            record.client, record.kind, record.page, record.helpful, record.survey, record.score,
            record.query, record.results, record.opened, record.comment, record.answers,
        )  # fmt: skip
        previous = last_seen.get(key)
        last_seen[key] = record.received_at
        if previous is None or record.received_at - previous > REPEAT_WINDOW:
            kept.append(record)
    return kept, len(records) - len(kept)


def feedback_files(sources: Iterable[str]) -> list[Path]:
    """The files that sources (files, directories of ``*.jsonl``, glob patterns) name, once each."""
    found: list[Path] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            found.extend(sorted(p for p in path.glob("*.jsonl") if p.is_file()))
        elif path.is_file():
            found.append(path)
        elif glob.has_magic(source):
            matches = sorted(Path(m) for m in glob.glob(source))
            if not matches:
                raise KbgenError(f"{source}: no such file or directory")
            for match in matches:
                found.extend(sorted(match.glob("*.jsonl")) if match.is_dir() else [match])
        else:
            raise KbgenError(f"{source}: no such file or directory")
    # The same file named twice (a directory and a glob) must not count twice.
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def _read_file(path: Path) -> tuple[list[FeedbackRecord], int, int]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KbgenError(f"{path}: cannot read: {exc.strerror}") from None
    lines = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")  # a BOM from a text editor is no damage
    # After the final newline split() leaves b""; anything else there is a line cut short.
    unterminated = lines.pop()
    records: list[FeedbackRecord] = []
    skipped = not_json = blank = 0
    first_bad = 0
    loads, decode, keep = orjson.loads, line.decode, records.append
    for number, raw in enumerate(lines, start=1):
        try:
            decoded = loads(raw)  # bytes: orjson checks the UTF-8 itself
        except orjson.JSONDecodeError:
            if not raw.strip():
                blank += 1
                continue
            not_json += 1
            first_bad = first_bad or number
            continue
        record = decode(decoded)
        if record is None:
            skipped += 1
        else:
            keep(record)
    lines_seen = len(lines) - blank
    torn = 0
    if unterminated.strip():
        lines_seen += 1
        try:
            record = line.decode(orjson.loads(unterminated))
        except orjson.JSONDecodeError:
            torn = 1
        else:
            if record is None:
                skipped += 1
            else:
                records.append(record)
    # A file where most lines are not JSON at all is the wrong file (a CSV, a log),
    # not a damaged feedback file: say so instead of reporting on nothing.
    if not records and not_json and not_json * 2 > lines_seen:
        raise KbgenError(
            f"{path}:{first_bad}: not a feedback file (expected one JSON object per line, as `kbgen collect` writes)"
        )
    return records, skipped + not_json, torn
