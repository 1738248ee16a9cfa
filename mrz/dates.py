"""MRZ dates: ``YYMMDD`` with the century inferred from what the date is.

A birth date is in the past, so ``YY`` is the latest year not after today. An expiry date may lie
up to ``EXPIRY_MAX_YEARS_AHEAD`` years ahead (no travel document is issued for longer), so ``YY``
is the latest year within that window. ``today`` is always passed in: the library reads no clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

EXPIRY_MAX_YEARS_AHEAD: Final = 20


@dataclass(frozen=True)
class MRZDate:
    """``value`` is None when the text is not a date; ``problem`` then says why."""

    value: dt.date | None
    problem: str | None


def _year(yy: int, latest: int) -> int:
    year = (latest // 100) * 100 + yy
    return year if year <= latest else year - 100


def _read(text: str, latest_year: int) -> MRZDate:
    if len(text) != 6:
        return MRZDate(None, "is not six characters")
    if "<" in text:
        return MRZDate(None, "is partly unknown (fillers)")
    if not text.isdigit():
        return MRZDate(None, "contains characters that are not digits")
    yy, mm, dd = int(text[:2]), int(text[2:4]), int(text[4:])
    year = _year(yy, latest_year)
    try:
        return MRZDate(dt.date(year, mm, dd), None)
    except ValueError:
        return MRZDate(None, f"is not a calendar date (year {year}, month {mm:02d}, day {dd:02d})")


def birth_date(text: str, today: dt.date) -> MRZDate:
    found = _read(text, today.year)
    if found.value is not None and found.value > today:
        # same YY but later in the current year: the holder was born a century ago
        earlier = _read(text, today.year - 1)
        return earlier
    return found


def expiry_date(text: str, today: dt.date) -> MRZDate:
    return _read(text, today.year + EXPIRY_MAX_YEARS_AHEAD)


def year_month(text: str, today: dt.date) -> tuple[int, int] | None:
    """``YYMM`` of an issue date (French ID card), not after today; None if not a month."""
    if len(text) != 4 or not text.isdigit() or not 1 <= int(text[2:]) <= 12:
        return None
    year = _year(int(text[:2]), today.year)
    if (year, int(text[2:])) > (today.year, today.month):
        year -= 100
    return year, int(text[2:])


def to_yymmdd(value: dt.date) -> str:
    return value.strftime("%y%m%d")
