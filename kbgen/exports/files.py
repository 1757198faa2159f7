"""Export files as text: encoding detected once, read as a stream, bytes counted for progress."""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from kbgen.errors import KbgenError
from kbgen.files import HEAD_BYTES, csv_format, detect_encoding, open_binary


@dataclass(frozen=True)
class ReadOptions:
    """How to read exports; the defaults suit files straight from a helpdesk."""

    # Ticket field -> column or key name, for the generic formats (--map field=column).
    mapping: dict[str, str] = field(default_factory=dict)
    # None detects the encoding of each file.
    encoding: str | None = None
    # Zone of timestamps that carry no offset (IANA name).
    timezone: str = "UTC"


class _CountingReader(io.RawIOBase):
    """A binary file that reports how many bytes were read, for a progress bar."""

    def __init__(self, raw, on_bytes: Callable[[int], None]) -> None:
        self._raw = raw
        self._on_bytes = on_bytes

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = self._raw.readinto(buffer)
        if count:
            self._on_bytes(count)
        return count

    def close(self) -> None:
        self._raw.close()
        super().close()


@dataclass
class ExportFile:
    """One export file being read: its path, the options and the encoding found."""

    path: Path
    options: ReadOptions = field(default_factory=ReadOptions)
    on_bytes: Callable[[int], None] = lambda n: None
    encoding: str = ""
    _head: str | None = field(default=None, repr=False)
    _csv_format: dict[str, str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not self.encoding:
            self.encoding = self.options.encoding or detect_encoding(self.path)

    def head(self) -> str:
        """The first characters of the file, for format detection ("" for binary files)."""
        if self._head is None:
            with open_binary(self.path) as fp:
                raw = fp.read(HEAD_BYTES)
            binary = b"\x00" in raw and not self.encoding.startswith("utf-16")
            self._head = "" if binary else raw.decode(self.encoding, errors="replace").lstrip("\ufeff")
        return self._head

    def csv_format(self) -> dict[str, str]:
        """csv.reader keyword arguments (delimiter, quotechar) for this file, detected once."""
        if self._csv_format is None:
            self._csv_format = csv_format(self.head())
        return self._csv_format

    def open(self) -> TextIO:
        """The whole file as a text stream (universal newlines left to the csv module)."""
        binary = io.BufferedReader(_CountingReader(open_binary(self.path, buffering=0), self.on_bytes), 256 * 1024)
        return io.TextIOWrapper(binary, encoding=self.encoding, newline="")

    def csv_rows(self) -> Iterator[tuple[str, list[str]]]:
        """(where, cells) of every non-blank row, the header first; where names the line a
        record starts on (a quoted field may span lines)."""
        with self.open() as fp:
            header = fp.readline()
            reader = csv.reader(itertools.chain([header], fp), **self.csv_format())
            try:
                while True:
                    first_line = reader.line_num + 1
                    cells = next(reader, None)
                    if cells is None:
                        return
                    if any(cell.strip() for cell in cells):
                        yield f"{self.path}:{first_line}", cells
            except csv.Error as exc:
                raise KbgenError(f"{self.path}:{reader.line_num}: unreadable CSV ({exc})") from None

    def decode_error(self, exc: UnicodeDecodeError) -> KbgenError:
        return KbgenError(
            f"{self.path}: not valid {self.encoding} text (byte {exc.start} of a block); "
            "name the encoding with --encoding"
        )

    def load_json(self) -> Any:
        """The whole file as one JSON document."""
        try:
            with self.open() as fp:
                return json.load(fp)
        except UnicodeDecodeError as exc:
            raise self.decode_error(exc) from None
        except json.JSONDecodeError as exc:
            raise KbgenError(f"{self.path}:{exc.lineno}: not valid JSON ({exc.msg})") from None


def json_lines(file: ExportFile):
    """(where, line) for each non-blank line of a JSON Lines file, streamed."""
    with file.open() as fp:
        for line_no, line in enumerate(fp, start=1):
            if line.strip():
                yield f"{file.path}:{line_no}", line


def parse_json_line(line: str, where: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise KbgenError(f"{where}: not valid JSON ({exc.msg})") from None
