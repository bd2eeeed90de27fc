"""Calendar arithmetic and TimeML value formatting at a granularity (day, week, month ...)."""

from __future__ import annotations

import calendar
import datetime as dt

# TimeML duration letters for the units that shift a calendar date.
GRANS = ("day", "week", "month", "quarter", "half", "year", "decade", "century")
UNIT_TO_GRAN = {"D": "day", "W": "week", "WE": "week", "M": "month", "Q": "quarter",
                "Y": "year", "DE": "decade", "CE": "century"}


def add_months(day: dt.date, months: int) -> dt.date:
    """Shift by whole months, clamping the day to the target month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise ValueError("year out of range")
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def shift(day: dt.date, gran: str, n: int) -> dt.date:
    """Move ``n`` units of a granularity from a date (n may be negative)."""
    if gran == "day":
        return day + dt.timedelta(days=n)
    if gran == "week":
        return day + dt.timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}[gran]
    return add_months(day, months * n)


def fmt(day: dt.date, gran: str) -> str:
    """The TimeML value naming the period of ``gran`` that contains ``day``."""
    if gran == "day":
        return day.isoformat()
    if gran == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if gran == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if gran == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if gran == "half":
        return f"{day.year:04d}-H{(day.month - 1) // 6 + 1}"
    if gran == "year":
        return f"{day.year:04d}"
    if gran == "decade":
        return f"{day.year:04d}"[:3]
    return f"{day.year:04d}"[:2]


def unknown(gran: str) -> str:
    """The value of a relative expression that has no reference date to resolve against."""
    return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX",
            "half": "XXXX-HX", "year": "XXXX", "decade": "XXX", "century": "XX"}[gran]


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when the numbers do not make one (31 February, year 0)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def weekday_near(ref: dt.date, weekday: int, direction: int) -> dt.date:
    """The given ISO weekday nearest ``ref``: direction -1 past, +1 future, 0 same week."""
    delta = weekday - ref.isoweekday()
    if direction < 0:
        return ref + dt.timedelta(days=delta - 7 if delta > 0 else delta)
    if direction > 0:
        return ref + dt.timedelta(days=delta + 7 if delta < 0 else delta)
    return ref + dt.timedelta(days=delta)
