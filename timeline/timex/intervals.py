"""TimeML values -> EDTF intervals, so events can be anchored on a calendar."""

from __future__ import annotations

import datetime as dt
import re

from ..dates import format_interval
from .lexicon import lexicon

_SEASONS = {"SP": "21", "SU": "22", "FA": "23", "WI": "24"}
_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:T.*)?$")
_MONTH_OR_YEAR = re.compile(r"^\d{4}(?:-\d{2})?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_PART = re.compile(r"^(\d{4})-([QH])(\d)$")
_FISCAL = re.compile(r"^FY(\d{4})$")


def to_edtf(value: str, timex_type: str, published: dt.date | None) -> str | None:
    """The EDTF interval a DATE/TIME value denotes; None for durations, sets and unknowns."""
    if timex_type not in ("DATE", "TIME") or "X" in value.replace("PRESENT_REF", "").replace("PAST_REF", ""):
        return None
    if value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        return _reference(value, published)
    for pattern, build in _BUILDERS:
        found = pattern.match(value)
        if found:
            return build(found)
    return None


def _reference(value: str, published: dt.date | None) -> str | None:
    if published is None:
        return None
    day = published.isoformat()
    return {"PRESENT_REF": day, "PAST_REF": f"../{day}", "FUTURE_REF": f"{day}/.."}[value]


def _week(found: re.Match) -> str:
    monday = dt.date.fromisocalendar(int(found[1]), int(found[2]), 1)
    if found[3]:
        return format_interval(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6))
    return format_interval(monday, monday + dt.timedelta(days=6))


def _part(found: re.Match) -> str:
    year, kind, number = int(found[1]), found[2], int(found[3])
    months = 3 if kind == "Q" else 6
    first = dt.date(year, (number - 1) * months + 1, 1)
    last_month = first.month + months - 1
    last = (dt.date(year + 1, 1, 1) if last_month == 12 else dt.date(year, last_month + 1, 1)) - dt.timedelta(days=1)
    return format_interval(first, last)


_BUILDERS = (
    (_DAY, lambda m: m[1]),
    (_MONTH_OR_YEAR, lambda m: m[0]),
    (_WEEK, _week),
    (_SEASON, lambda m: f"{m[1]}-{_SEASONS[m[2]]}"),
    (_PART, _part),
    (_FISCAL, lambda m: m[1]),
    (re.compile(r"^(\d{3})$"), lambda m: m[1] + "X"),
    (re.compile(r"^(\d{2})$"), lambda m: m[1] + "XX"),
)


def open_for_cue(edtf: str | None, before: str) -> str | None:
    """'since 1994' -> '1994/..', 'by March 2024' -> '../2024-03': a cue word right before a
    date opens its interval on one side (the lexicon's open_after and open_before lists)."""
    if edtf is None:
        return edtf
    cue = before[-12:].lower().split()
    if not cue:
        return edtf
    low, _, high = edtf.partition("/")
    high = high or low
    if cue[-1] in lexicon()["open_after"] and low != "..":
        return f"{low}/.."
    if cue[-1] in lexicon()["open_before"] and high != "..":
        return f"../{high}"
    return edtf
