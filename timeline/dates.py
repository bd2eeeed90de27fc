"""EDTF date strings <-> earliest/latest bounds and precision.

Every event date is an EDTF string (``2023-09-19``, ``2023-09``, ``2023-21`` (spring), ``2023~``,
``199X``, ``2023-09-11/2023-09-20``, ``../2024-01-31``, ``2024-01-31/..``). Parsing and calendar
checks are the ``edtf`` package's; this module only turns its answer into plain ``datetime.date``
bounds, where ``None`` means "open" (no bound known on that side).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import time
from dataclasses import dataclass
from functools import lru_cache

import edtf
from edtf.parser.edtf_exceptions import EDTFParseException

OPEN = ".."


class DateError(ValueError):
    """An EDTF string that cannot be read; the message says why in plain words."""


@dataclass(frozen=True, slots=True)
class Bounds:
    """The interval a date string allows: ``None`` on a side means unbounded."""

    earliest: dt.date | None
    latest: dt.date | None
    precision: str

    @property
    def is_point(self) -> bool:
        return self.earliest is not None and self.earliest == self.latest

    def contains(self, other: "Bounds") -> bool:
        """True when ``other`` lies wholly inside this interval."""
        lo_ok = self.earliest is None or (other.earliest is not None and other.earliest >= self.earliest)
        hi_ok = self.latest is None or (other.latest is not None and other.latest <= self.latest)
        return lo_ok and hi_ok

    def width_days(self) -> float:
        """Length in days (inclusive); infinite when a side is open."""
        if self.earliest is None or self.latest is None:
            return float("inf")
        return (self.latest - self.earliest).days + 1


def _struct_to_date(value: time.struct_time) -> dt.date:
    return dt.date(value.tm_year, value.tm_mon, value.tm_mday)


def _precision_of(node: object) -> str:
    """Name the precision of one parsed EDTF date (not an interval)."""
    name = type(node).__name__
    if name == "Season":
        return "season"
    if name in {"Unspecified", "PartialUnspecified"}:
        text = str(node)
        trailing = len(text) - len(text.rstrip("X")) if len(text) == 4 else 0
        return {1: "decade", 2: "century"}.get(trailing, "year")
    inner = getattr(node, "date", node)  # UncertainOrApproximate wraps a Date
    precision = getattr(inner, "precision", None)
    return {"day": "day", "month": "month", "year": "year"}.get(precision or "", "year")


_PLAIN = re.compile(r"(\d{4})(?:-(0[1-9]|1[0-2])(?:-(\d{2}))?)?")


def _parse_plain(text: str) -> tuple[dt.date, dt.date, str] | None:
    """YYYY, YYYY-MM or YYYY-MM-DD without the full EDTF grammar (which costs ~10 ms a string)."""
    match = _PLAIN.fullmatch(text)
    if match is None or match[1] == "0000":
        return None  # year 0 is outside Python's calendar: the EDTF path words the error
    year, month, day = int(match[1]), match[2], match[3]
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    last = calendar.monthrange(year, int(month))[1]
    if day is None:
        return dt.date(year, int(month), 1), dt.date(year, int(month), last), "month"
    if not 1 <= int(day) <= last:
        return None  # let the EDTF parser word the error
    point = dt.date(year, int(month), int(day))
    return point, point, "day"


def _parse_single(text: str) -> tuple[dt.date, dt.date, str]:
    plain = _parse_plain(text)
    if plain is not None:
        return plain
    try:
        node = edtf.parse_edtf(text)
    except (EDTFParseException, ValueError) as exc:
        raise DateError(f"{text!r} is not a valid EDTF date ({_reason(exc)})") from None
    if type(node).__name__ in {"Interval", "Level1Interval", "Level2Interval"}:
        raise DateError(f"{text!r}: nested intervals are not supported")
    try:
        return _struct_to_date(node.lower_strict()), _struct_to_date(node.upper_strict()), _precision_of(node)
    except (TypeError, ValueError, OverflowError) as exc:
        raise DateError(f"{text!r} is not a date this tool can place on a calendar ({exc})") from None


def _reason(exc: Exception) -> str:
    message = str(exc).split(". Please")[0]
    return message[0].lower() + message[1:] if message else "unreadable"


@lru_cache(maxsize=262144)
def parse(text: str) -> Bounds:
    """Parse an EDTF string into bounds; raise ``DateError`` with a readable reason."""
    if not isinstance(text, str) or not text.strip():
        raise DateError("a date must be a non-empty EDTF string such as 2023-09-19 or ../2024-01-31")
    text = text.strip()
    if "/" not in text:
        lo, hi, precision = _parse_single(text)
        return Bounds(lo, hi, precision)
    start, _, end = text.partition("/")
    if "/" in end:
        raise DateError(f"{text!r}: an interval has exactly one '/'")
    if start in ("", OPEN) and end in ("", OPEN):
        return Bounds(None, None, "open")
    earliest = None if start in ("", OPEN) else _parse_single(start)[0]
    latest = None if end in ("", OPEN) else _parse_single(end)[1]
    if earliest is not None and latest is not None and earliest > latest:
        raise DateError(f"{text!r}: the interval ends before it starts")
    precision = "interval" if earliest is not None and latest is not None else "open"
    return Bounds(earliest, latest, precision)


def one_day(text: str | None) -> dt.date | None:
    """The day a date names when it names exactly one ('2024-03-05', not '2024-03' or '../2024-03-05'):
    what a rule comparing told days may compare."""
    bounds = parse(text) if text else None
    return bounds.earliest if bounds is not None and bounds.is_point else None


def is_valid(text: str) -> bool:
    try:
        parse(text)
    except DateError:
        return False
    return True


def format_interval(earliest: dt.date | None, latest: dt.date | None) -> str:
    """Write bounds back as the shortest EDTF string that says exactly them."""
    if earliest is None and latest is None:
        return f"{OPEN}/{OPEN}"
    if earliest is None:
        return f"{OPEN}/{latest.isoformat()}"
    if latest is None:
        return f"{earliest.isoformat()}/{OPEN}"
    if earliest == latest:
        return earliest.isoformat()
    compact = _whole_period(earliest, latest)
    return compact or f"{earliest.isoformat()}/{latest.isoformat()}"


def _whole_period(earliest: dt.date, latest: dt.date) -> str | None:
    """``2023-09`` for 1-30 Sep 2023, ``2023`` for a whole year, else None."""
    if earliest.day != 1:
        return None
    next_day = latest + dt.timedelta(days=1)
    if next_day.day != 1:
        return None
    if earliest.month == 1 and latest.month == 12 and earliest.year == latest.year:
        return f"{earliest.year:04d}"
    if earliest.year == latest.year and earliest.month == latest.month:
        return f"{earliest.year:04d}-{earliest.month:02d}"
    return None


def within(inner: Bounds, outer: Bounds) -> bool:
    """A closed interval wholly within another (an open end contains nothing)."""
    if None in (inner.earliest, inner.latest, outer.earliest, outer.latest):
        return False
    return outer.earliest <= inner.earliest and inner.latest <= outer.latest


def intersection(a: Bounds, b: Bounds) -> Bounds | None:
    """What both intervals allow (an open side takes the other's bound); None if they do not meet."""
    lows = [d for d in (a.earliest, b.earliest) if d is not None]
    highs = [d for d in (a.latest, b.latest) if d is not None]
    low, high = (max(lows) if lows else None), (min(highs) if highs else None)
    if low is not None and high is not None and low > high:
        return None
    precision = "open" if low is None or high is None else "day" if low == high else "interval"
    return Bounds(low, high, precision)


def in_words(earliest: dt.date | None, latest: dt.date | None) -> str:
    """Short words for an interval, as a reader says it: '11 to 20 Sep 2023', 'on or before 31 Jan 2024'."""
    if earliest is None and latest is None:
        return "date unknown"
    if earliest is None:
        return f"on or before {_day_words(latest)}"
    if latest is None:
        return f"on or after {_day_words(earliest)}"
    if earliest == latest:
        return _day_words(earliest)
    whole = _whole_period(earliest, latest)
    if whole is not None:
        return str(earliest.year) if len(whole) == 4 else earliest.strftime("%b %Y")
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return f"{earliest.day} to {_day_words(latest)}"
    if earliest.year == latest.year:
        return f"{earliest.day} {earliest.strftime('%b')} to {_day_words(latest)}"
    return f"{_day_words(earliest)} to {_day_words(latest)}"


def _day_words(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%b %Y')}"


def words(text: str | None) -> str:
    """An EDTF string (or no date) in a reader's words."""
    if text is None:
        return "date unknown"
    b = parse(text)
    return in_words(b.earliest, b.latest)
