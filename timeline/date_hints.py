"""What a person most likely meant by a date that EDTF does not read ('19 December 2018' -> write
2018-12-19), added to the error message of a hand-edited file or the app's Edit form.

Messages only: the date parser (``timeline.dates``) and extraction never call this. The words
around dates live in ``date_hints.yaml`` with examples that ``tests/test_date_hints.py`` checks.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cache
from importlib import resources

import yaml

from . import dates

_WORDED = re.compile(r"[a-z].*\b\d{4}\b|\b\d{4}\b.*[a-z]")  # a month's name and a year
_YEAR_FIRST = re.compile(r"(\d{4})[-./ ](\d{1,2})[-./ ](\d{1,2})")
_YEAR_LAST = re.compile(r"(\d{1,2})[-./](\d{1,2})[-./](\d{4})")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@cache
def words() -> dict:
    """date_hints.yaml: the words people write around dates, and the examples the test checks."""
    return yaml.safe_load(resources.files("timeline").joinpath("date_hints.yaml").read_text(encoding="utf-8"))


@cache
def _worded_parser():
    """dateparser reads month names, abbreviations and ordinals ('19th Dec. 2018', 'Sept 2018');
    absolute dates only ('today' or 'Monday' would name a day the person did not write), and a
    year and a month required. Imported on first use: only messages need it."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"REQUIRE_PARTS": ["year", "month"],
                                                      "PARSERS": ["absolute-time"]})


def _in_words(text: str) -> str | None:
    """A date written with its month's name, as an EDTF day or month; None when it is not one."""
    data = _worded_parser().get_date_data(text)
    if data.date_obj is None or data.period not in ("day", "month"):
        return None
    return data.date_obj.strftime("%Y-%m-%d" if data.period == "day" else "%Y-%m")


def _day(year: int, month: int, day: int) -> str | None:
    """YYYY-MM-DD when that day exists."""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _written(text: str) -> str | None:
    """One date a person wrote in words or with other separators, as EDTF ('Dec 19, 2018')."""
    raw = text.strip()
    text = raw.lower()
    if _WORDED.search(text):
        return _in_words(text)
    if m := _YEAR_FIRST.fullmatch(text):
        return _day(int(m[1]), int(m[2]), int(m[3]))
    return _valid(raw)


def _valid(text: str) -> str | None:
    """The text itself when it is already a single EDTF date."""
    try:
        dates.parse(text)
    except dates.DateError:
        return None
    return text if "/" not in text else None


def _numeric(text: str) -> str | None:
    """19/12/2018 or 12/19/2018 read the only way it can be; both readings when either can."""
    m = _YEAR_LAST.fullmatch(text.strip())
    if m is None:
        return None
    a, b, year = int(m[1]), int(m[2]), int(m[3])
    day_first, month_first = _day(year, b, a), _day(year, a, b)
    if day_first and month_first and day_first != month_first:
        return f"write {day_first} if the day comes first, {month_first} if the month does"
    return f"write {day_first or month_first}" if day_first or month_first else None


def _completed(short: str, full: str) -> str:
    """A range end that gives only a day ('19' in 'between 19 and 21 December 2018') takes the
    other end's month and year."""
    short = short.strip()
    if not short.isdigit() or len(short) > 2:
        return short
    day = _written(full)
    return f"{day[:8]}{int(short):02d}" if day and len(day) == 10 else short


def _split_range(text: str) -> tuple[str, str] | None:
    """'X to Y', 'between X and Y', 'from X to Y', 'X/Y' -> (X, Y)."""
    lowered = text.strip().lower()
    for opener in words()["range_openers"]:
        if lowered.startswith(opener + " "):
            lowered = lowered[len(opener) + 1:]
            break
    if lowered.count("/") == 1 and not _YEAR_LAST.fullmatch(lowered):
        return tuple(lowered.split("/"))  # type: ignore[return-value]
    for joiner in words()["range_joiners"]:
        parts = re.split(rf"\s+{re.escape(joiner)}\s+", lowered, maxsplit=1)
        if len(parts) == 2:
            return parts[0], parts[1]
    return None


def _range(text: str) -> str | None:
    """A range a person wrote, as an EDTF interval (earlier day first)."""
    parts = _split_range(text)
    if parts is None or "" in parts or ".." in parts:
        return None
    first, last = _completed(parts[0], parts[1]), _completed(parts[1], parts[0])
    start, end = _written(first), _written(last)
    if start is None or end is None:
        return None
    if dates.parse(start).earliest > dates.parse(end).latest:
        return f"write the earlier day first: {end}/{start}"
    return f"write {start}/{end}"


def _open(text: str) -> str | None:
    """'before X' -> ../X, 'since X' -> X/.. ."""
    lowered = text.strip().lower()
    for key, template in (("open_before", "write ../{} (on or before)"), ("open_after", "write {}/.. (on or after)")):
        for word in words()[key]:
            if lowered.startswith(word + " "):
                day = _written(lowered[len(word) + 1:])
                return template.format(day) if day else None
    return None


def _impossible(text: str) -> str | None:
    """YYYY-MM-DD with a month or day the calendar has not."""
    m = _ISO_DAY.fullmatch(text.strip())
    if m is None:
        return None
    year, month, day = int(m[1]), int(m[2]), int(m[3])
    if not 1 <= month <= 12:
        return f"there is no month {month}: write the month before the day (YYYY-MM-DD)"
    last = calendar.monthrange(year, month)[1]
    return f"{calendar.month_name[month]} {year} has {last} days" if not 1 <= day <= last else None


def hint(text: str) -> str | None:
    """What to write instead of a date EDTF refuses, or None when no likely meaning is seen."""
    if not isinstance(text, str) or not text.strip():
        return None
    single = _written(text)
    if single is not None and single != text.strip():
        return f"write {single}"
    return _impossible(text) or _numeric(text) or _open(text) or _range(text)


def day_hint(text: str) -> str | None:
    """The hint for a field that takes one day (a publication date): none that names a month, a
    year or an interval."""
    found = hint(text)
    return None if found is None or "/" in found or re.fullmatch(r"write \d{4}(-\d{2})?", found) else found


def worded(message: str, text: str) -> str:
    """The parser's message followed by the hint, when there is one."""
    found = hint(text)
    return f"{message}; {found}" if found else message
