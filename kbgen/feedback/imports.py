"""Feedback collected elsewhere, as FeedbackRecords: CSV exports of form and analytics services.

A registry of formats, each a reader of one CSV file:

- ``google-forms``: a Google Forms response sheet downloaded as CSV (``Timestamp`` and one
  column per question). Its survey is named with the file (``csat=responses.csv``); the score is
  the first column whose answers are all whole numbers on that survey's scale, the comment the
  first other column with free text, the ticket id a column whose header names a ticket.
- ``ga4``: a Google Analytics 4 exploration of the ``feedback`` events that Material for MkDocs'
  own feedback widget sends, exported as CSV: a page column (``Page path``, ``Page location``),
  the rating (the widget's ``data`` parameter, a custom dimension: 1 helpful, 0 not), an
  ``Event count`` and, optionally, a ``Date``; without one, the export's ``# End date``.

Each vote or answer becomes one record, so they count like the collector's.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import datetime, time, timezone
from pathlib import Path
from urllib.parse import urlsplit

from dateutil import parser as dateparser

from kbgen import languages
from kbgen.errors import KbgenError
from kbgen.files import HEAD_BYTES, csv_format, detect_encoding, open_binary
from kbgen.records import FeedbackRecord
from kbgen.surveys import BUILTIN, SCORE

_PAGE = ("page path", "page path and screen class", "page location", "pagepath", "page")
_RATING = ("data", "feedback", "rating", "customevent:data", "feedback value", "helpful")
_COUNT = ("event count", "eventcount", "events", "count")
_DATE = ("date",)
_HELPFUL = {"1": True, "good": True, "yes": True, "helpful": True, "0": False, "bad": False, "no": False}
_TICKET = re.compile(r"\bticket\b", re.I)
# Google Sheets writes "GMT+2" meaning UTC+2; dateutil reads it the POSIX way (UTC-2).
_GMT_OFFSET = re.compile(r"\bGMT([+-])(\d{1,2})(?::?(\d{2}))?\b")


def _iso_offset(match: re.Match[str]) -> str:
    return f"{match.group(1)}{int(match.group(2)):02d}:{match.group(3) or '00'}"


def read_form_export(spec: str) -> list[FeedbackRecord]:
    """Records of one ``FORMAT:FILE`` spec (``ga4:feedback.csv``, ``google-forms:csat=responses.csv``)."""
    kind, _, rest = spec.partition(":")
    if kind not in FORMATS or not rest:
        raise KbgenError(f"{spec}: expected FORMAT:FILE with FORMAT one of {', '.join(FORMATS)}")
    return FORMATS[kind](rest)


def _rows(path: Path) -> tuple[list[str], list[list[str]], list[str]]:
    """(header, rows, comment lines) of a CSV file; GA4 opens with '#' comment lines.

    A sheet opened and saved again in Excel comes back in the system's code page and, in much
    of Europe, with semicolons: both are detected as for ticket exports."""
    encoding = detect_encoding(path)
    with open_binary(path) as fp:
        data = fp.read()
    try:
        text = data.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        raise KbgenError(f"{path}: not valid {encoding} text (byte {exc.start}); save the CSV again as UTF-8") from None
    lines = text.splitlines()
    comments = [line for line in lines if line.startswith("#")]
    body = "\n".join(line for line in lines if line.strip() and not line.startswith("#"))
    table = list(csv.reader(io.StringIO(body), **csv_format(body[:HEAD_BYTES])))
    if not table:
        raise KbgenError(f"{path}: no header row")
    return [cell.strip() for cell in table[0]], table[1:], comments


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    lowered = [cell.lower() for cell in header]
    for name in names:
        if name in lowered:
            return lowered.index(name)
    return None


def read_ga4(path_text: str) -> list[FeedbackRecord]:
    path = Path(path_text)
    header, rows, comments = _rows(path)
    page, rating, count, day = (_column(header, names) for names in (_PAGE, _RATING, _COUNT, _DATE))
    missing = [name for name, index in (("page", page), ("rating (data)", rating), ("event count", count)) if index is None]
    if missing:
        raise KbgenError(f"{path}: no {' or '.join(missing)} column (found: {', '.join(header)})")
    end = next((c.split(":", 1)[1].strip() for c in comments if c.lower().startswith("# end date")), "")
    default_day = _ga_day(end, path, 0) if end else None
    records = []
    for number, row in enumerate(rows, start=2 + len(comments)):
        if len(row) < len(header) or not row[page].strip():
            continue
        helpful = _HELPFUL.get(row[rating].strip().lower())
        if helpful is None:
            continue  # another event's rows, or a rating kbgen does not know
        try:
            times = int(float(row[count].replace(",", "")))
        except ValueError:
            raise KbgenError(f"{path}:{number}: event count: '{row[count]}' is not a number") from None
        moment = _ga_day(row[day], path, number) if day is not None else default_day
        if moment is None:
            raise KbgenError(f"{path}: no Date column and no '# End date' line to date the votes")
        url = row[page].strip()
        page_path = urlsplit(url).path if "://" in url else url
        records += [FeedbackRecord("feedback", moment, page=page_path, helpful=helpful)] * times
    return records


def _ga_day(value: str, path: Path, number: int) -> datetime:
    try:
        day = datetime.strptime(value.strip(), "%Y%m%d")
    except ValueError:
        raise KbgenError(f"{path}:{number}: date: '{value}' is not YYYYMMDD") from None
    return datetime.combine(day.date(), time(12), tzinfo=timezone.utc)


def read_google_forms(spec: str) -> list[FeedbackRecord]:
    survey, _, path_text = spec.partition("=")
    if not path_text or survey not in BUILTIN:
        raise KbgenError(f"{spec}: expected SURVEY=FILE with SURVEY one of {', '.join(BUILTIN)}")
    path = Path(path_text)
    header, rows, _ = _rows(path)
    stamp = _column(header, tuple(language.form_timestamp.lower() for language in languages.registered()))
    if stamp is None:
        raise KbgenError(f"{path}: no Timestamp column: not a Google Forms export")
    low, high = BUILTIN[survey].scales[SCORE]
    answers = [[row[i].strip() if i < len(row) else "" for row in rows] for i in range(len(header))]
    score = next(
        (i for i, column in enumerate(answers)
         if i != stamp and any(column) and all(not a or (a.lstrip("-").isdigit() and low <= int(a) <= high) for a in column)),
        None,
    )
    if score is None:
        raise KbgenError(f"{path}: no column of whole numbers from {low} to {high} for the {survey} score")
    ticket = next((i for i, name in enumerate(header) if _TICKET.search(name)), None)
    comment = next(
        (i for i, column in enumerate(answers) if i not in (stamp, score, ticket) and any(not a.isdigit() for a in column if a)),
        None,
    )
    records = []
    for number, row in enumerate(rows, start=2):
        value = row[score].strip() if score < len(row) else ""
        if not value:
            continue
        try:
            moment = dateparser.parse(_GMT_OFFSET.sub(_iso_offset, row[stamp]))
        except (ValueError, OverflowError):
            raise KbgenError(f"{path}:{number}: Timestamp: '{row[stamp]}' is not a date") from None
        moment = moment.replace(tzinfo=moment.tzinfo or timezone.utc).astimezone(timezone.utc)
        records.append(FeedbackRecord(
            "survey", moment, survey=survey, score=int(value),
            comment=row[comment].strip() if comment is not None and comment < len(row) else "",
            ticket=re.sub(r"[^A-Za-z0-9-]", "", row[ticket])[:40] if ticket is not None and ticket < len(row) else "",
        ))
    return records


# Format name -> reader of what follows "name:" in a spec.
FORMATS: dict[str, Callable[[str], list[FeedbackRecord]]] = {
    "google-forms": read_google_forms,
    "ga4": read_ga4,
}
