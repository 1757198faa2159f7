"""Pieces shared by the vendor readers: CSV headers and rows by column name, counts, people.

Vendors change the case of their column names between versions ("Created time", "Created Time"),
so columns are matched case-insensitively; a row maps each lowercased column name to its cell.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from kbgen.errors import KbgenError
from kbgen.exports.files import ExportFile
from kbgen.records import Person


def header_columns(file: ExportFile, head: str) -> set[str]:
    """The lowercased column names of the first line of head; empty when it is no CSV header."""
    first = head.splitlines()[0] if head else ""
    if not first or first.lstrip().startswith(("{", "[")):
        return set()
    return {c.strip().lower() for c in next(csv.reader([first], **file.csv_format()))}


def read_rows(file: ExportFile, required: tuple[str, ...], export_name: str) -> Iterator[tuple[str, dict[str, str]]]:
    """Stream (where, row) pairs; a missing required column fails before the first row."""
    rows = file.csv_rows()
    _, header = next(rows, ("", []))
    columns = [c.strip().lower() for c in header]
    for name in required:
        if name.lower() not in columns:
            raise KbgenError(f"{file.path}: missing column '{name}' that every {export_name} has")
    for where, cells in rows:
        yield where, _by_column(columns, cells)


def _by_column(columns: list[str], cells: list[str]) -> dict[str, str]:
    # Some exports repeat a column name; the first one is the documented column.
    row: dict[str, str] = {}
    for name, cell in zip(columns, cells):
        row.setdefault(name, cell.strip())
    return row


def distinct_people(people) -> tuple[Person, ...]:
    """The named people, once each; a bare name is dropped when the same name came with an email."""
    found: list[Person] = []
    for person in people:
        if (person.name or person.email) and person not in found:
            found.append(person)
    emailed = {p.name for p in found if p.email}
    return tuple(p for p in found if p.email or p.name not in emailed)


def whole_number(value: str, column: str, where: str) -> int | None:
    """A count cell as an int, None when empty; KbgenError naming record and column otherwise."""
    return int(_number(value, column, where, "a whole number", int)) if value.strip() else None


def minutes(value: str, column: str, where: str) -> float | None:
    """A duration cell in minutes, None when empty."""
    return _number(value, column, where, "a number of minutes", float) if value.strip() else None


def _number(value: str, column: str, where: str, kind: str, parse) -> float:
    try:
        number = parse(value.strip())
    except ValueError:
        raise KbgenError(f"{where}: field '{column}': not {kind} '{value}'") from None
    if number < 0:
        raise KbgenError(f"{where}: field '{column}': not {kind} '{value}'")
    return number
