"""Timestamps found in exports, made timezone-aware."""

from __future__ import annotations

from datetime import datetime, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as dateparser

from kbgen.errors import KbgenError


@cache
def zone(name: str) -> tzinfo:
    """The IANA time zone called name; KbgenError for an unknown one."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise KbgenError(f"--timezone: unknown time zone '{name}' (use an IANA name such as Europe/Amsterdam)") from None


def parse_time(value: object, default_zone: str = "UTC") -> datetime | None:
    """An aware datetime, None for an empty value; ValueError when the value is no date.

    ISO 8601 is read directly; other forms ("01/Aug/26 10:00 AM", "1.8.2026 10:00",
    "Tue, 04 Aug 2026 10:02:00 +0200") through dateutil, day before month when ambiguous
    as in Europe. A value without offset is a time in default_zone.
    """
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    if text[-1] in "Zz":
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        try:
            moment = dateparser.parse(text, dayfirst=True)
        except (ValueError, OverflowError):
            raise ValueError(f"unreadable date '{value}'") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone(default_zone))
    return moment
