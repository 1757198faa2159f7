"""File helpers every stage shares: safe writes, and the encoding and CSV dialect of a file.

Ticket exports (``kbgen.exports``) and feedback imports (``kbgen.feedback.imports``) come from
the same spreadsheets and helpdesks, so they are read with the same detection.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import charset_normalizer
import clevercsv

from kbgen.errors import KbgenError

HEAD_BYTES = 64 * 1024
SAMPLE_BYTES = 1024 * 1024
# Besides UTF-8 and UTF-16, the encodings European helpdesk exports come in: Excel on Windows
# saves Western European text as Windows-1252 and Central European text (Polish) as ISO-8859-2.
LEGACY_ENCODINGS = ["cp1252", "iso8859_2"]
_BOMS = [(b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")]


def atomic_write(target: Path, text: str) -> None:
    """Write through a temporary file and rename, so a reader never sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_target(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


class atomic_target:
    """``with atomic_target(path) as tmp:`` write tmp; it replaces path only if the block ends
    without an error (otherwise it is removed and path is left as it was)."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __enter__(self) -> Path:
        self.target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".tmp", dir=self.target.parent)
        os.close(fd)
        self.tmp = Path(name)
        return self.tmp

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            os.replace(self.tmp, self.target)
        else:
            self.tmp.unlink(missing_ok=True)


def open_binary(path: Path, buffering: int = -1):
    try:
        return open(path, "rb", buffering=buffering)
    except FileNotFoundError:
        raise KbgenError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise KbgenError(f"{path}: is a directory, expected an export file") from None
    except OSError as exc:
        raise KbgenError(f"{path}: cannot read: {exc.strerror}") from None


def detect_encoding(path: Path) -> str:
    """The file's encoding: a byte-order mark, else UTF-8 when it decodes, else the likeliest legacy one."""
    with open_binary(path) as fp:
        sample = fp.read(SAMPLE_BYTES)
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        # A multi-byte character cut by the sample's end is still UTF-8.
        if exc.start >= len(sample) - 3 and len(sample) == SAMPLE_BYTES:
            return "utf-8"
    if b"\x00" in sample:
        return "utf-8"  # binary: no format will recognise it
    best = charset_normalizer.from_bytes(sample, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None:
        raise KbgenError(f"{path}: cannot tell the text encoding; name it with --encoding")
    return best.encoding


def csv_format(sample: str) -> dict[str, str]:
    """Delimiter and quote character of CSV text, detected by CleverCSV.

    Only comma, semicolon and tab are considered (European Excel writes semicolons). Where
    detection finds nothing, the one that splits the header row most is taken.
    """
    dialect = clevercsv.Detector().detect(sample, delimiters=[",", ";", "\t"]) if sample else None
    if dialect is None or dialect.delimiter not in (",", ";", "\t"):
        header = sample.split("\n", 1)[0]
        return {"delimiter": max(",;\t", key=header.count), "quotechar": '"'}
    return {"delimiter": dialect.delimiter, "quotechar": dialect.quotechar or '"'}
