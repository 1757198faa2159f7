"""How numbers and customer text are worded in evidence lines and every output format."""

from __future__ import annotations


def pct(value: float | None, sign: bool = True) -> str:
    """0.873 -> "87%" ("87" without the sign); "–" for no data."""
    if value is None:
        return "–"
    return f"{value * 100:.0f}%" if sign else f"{value * 100:.0f}"


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def plural(count: int, word: str, many: str = "") -> str:
    """1 -> "1 file", 3 -> "3 files" (many: the plural where it is not word + "s")."""
    return f"{count} {word if count == 1 else many or word + 's'}"
