"""Wrong values on found spans, sorted by cause: the form of the phrase and how the two values differ.

A held-out corpus may only be read as aggregate figures; this table says which kind of value
error makes its gap (the anchor, the direction of a weekday or month, granularity, a length's
unit ...) without showing a single document or phrase.
"""

from __future__ import annotations

import collections
import datetime as dt
import re

from .timex_score import Span, comparable, in_regions, match, same_value

_REFS = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_PART = re.compile(r"^(\d{4}-\d\d-\d\d)T(?:MO|AF|EV|NI|DT|MI)$")
_CLOCK = re.compile(r"^\d{4}-\d\d-\d\dT\d\d")
_MONTH_RE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b\.?")
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
_YEAR_WRITTEN = re.compile(r"\b\d{4}\b|'\d\d\b")
_BARE_YEAR = re.compile(r"^(?:in |the year |the )?(?:'?\d{2,4}s?|'\d0s)(?: ?bc| ?ad)?$|\d0s\b|ties\b")
_SEASON = re.compile(r"\b(?:spring|summer|autumn|fall|winter)s?\b")
_QUARTER = re.compile(r"\b(?:quarter|half)\b")
_DAY_PART = re.compile(r"\b(?:morning|afternoon|evening|night|overnight|midnight|noon|midday|dawn|dusk)\b")
_ANAPHOR = re.compile(r"\b(?:that|the same|the end of the|the start of the)\s+(?:day|week|month|year|time)\b|\bthe \d+(?:st|nd|rd|th)\b")
_DEICTIC = re.compile(r"\b(?:yesterday|today|tomorrow|tonight|ago|last|next|this|previous|coming|past|earlier|later"
                      r"|before|after|following|same)\b")

CAUSES = (  # the table's rows, in this order
    "gold without a value",
    "a vague reference (PRESENT/PAST/FUTURE_REF) against a told value",
    "a length where the gold has a point",
    "a point where the gold has a length",
    "a length ('the past N days'): its unit",
    "a length ('the past N days'): its number",
    "a time of day: minutes or zone on the right day",
    "a time of day without its date: another day",
    "a time of day with its date: another day",
    "a part of the day where the gold has only its day",
    "a day where the gold has a part of it",
    "an unknown field (XXXX: a habit, a generic) against a told one",
    "granularity: finer than the gold (a day for its month or year)",
    "granularity: coarser than the gold (a month or year for its day)",
    "a bare year or decade: another year",
    "a season: another year",
    "a weekday: the other direction (within a week of the gold)",
    "a weekday: another anchor (over a week off)",
    "a month without its year: the other direction (a year off)",
    "a month without its year: another anchor",
    "a quarter or half of a year without its year: another year",
    "a part of the day without its date ('the afternoon', 'overnight'): another day",
    "an anaphor ('that day', 'the end of the year', 'the 13th'): another reference",
    "a relative day ('yesterday', 'last week', 'ago'): another anchor",
    "a date written in full: another value",
    "other",
)


def value_cause(phrase: str, gold: str, predicted: str) -> str:
    """The cause of one wrong value on a found span, from the phrase's form and the two values."""
    gold, predicted = gold.strip().upper(), predicted.strip().upper()
    if not gold:
        return _cause("gold without")
    if gold in _REFS or predicted in _REFS:
        return _cause("a vague reference")
    if gold.startswith("P") != predicted.startswith("P"):
        return _cause("a length where" if predicted.startswith("P") else "a point where")
    if gold.startswith("P"):
        units = [re.sub(r"[\d.]", "", comparable(value)) for value in (gold, predicted)]
        return _cause("a length ('the past N days'): its " + ("unit" if units[0] != units[1] else "number"))
    return _point_cause(" ".join(phrase.lower().split()), gold, predicted)


def _point_cause(words: str, gold: str, predicted: str) -> str:
    """The cause of a wrong point in time (a day, a month, a clock ...)."""
    if _CLOCK.match(gold) and _CLOCK.match(predicted):
        if gold[:10] == predicted[:10]:
            return _cause("a time of day: minutes")
        dated = _MONTH_RE.search(words) or _WEEKDAY.search(words)
        return _cause("a time of day with its date" if dated else "a time of day without")
    part_gold, part_pred = _PART.match(gold), _PART.match(predicted)
    if part_pred and part_pred[1] == gold:
        return _cause("a part of the day where")
    if part_gold and part_gold[1] == predicted:
        return _cause("a day where")
    if "X" in gold or "X" in predicted:
        return _cause("an unknown field")
    shown_gold, shown_pred = comparable(gold), comparable(predicted)
    if shown_pred.startswith(shown_gold):
        return _cause("granularity: finer")
    if shown_gold.startswith(shown_pred):
        return _cause("granularity: coarser")
    return _anchor_cause(words, gold, predicted)


def _anchor_cause(words: str, gold: str, predicted: str) -> str:
    """The cause of a point at the right granularity but another place in time, by the phrase's form."""
    if _BARE_YEAR.search(words) and not _MONTH_RE.search(words):
        return _cause("a bare year")
    if _SEASON.search(words):
        return _cause("a season")
    if _WEEKDAY.search(words):
        days = _days_apart(gold, predicted)
        return _cause("a weekday: the other" if days is not None and days <= 7 else "a weekday: another")
    if _MONTH_RE.search(words) and not _YEAR_WRITTEN.search(words):
        one_year = gold[4:] == predicted[4:] and gold[:4].isdigit() and predicted[:4].isdigit() \
            and abs(int(gold[:4]) - int(predicted[:4])) == 1
        return _cause("a month without its year: the other" if one_year else "a month without its year: another")
    if _QUARTER.search(words):
        return _cause("a quarter or half")
    if _DAY_PART.search(words):
        return _cause("a part of the day without")
    if _ANAPHOR.search(words):
        return _cause("an anaphor")
    if _DEICTIC.search(words):
        return _cause("a relative day")
    if _MONTH_RE.search(words) or _YEAR_WRITTEN.search(words) or re.search(r"\d{1,2}\s?/\s?\d{1,2}", words):
        return _cause("a date written in full")
    return "other"


def _cause(opening: str) -> str:
    """The one cause in ``CAUSES`` that starts so (names stay written once, in the table)."""
    return next(cause for cause in CAUSES if cause.startswith(opening))


def _days_apart(gold: str, predicted: str) -> int | None:
    """Days between two values that both name a day, else None."""
    found = [_DAY.match(value) for value in (gold, predicted)]
    if not all(found):
        return None
    try:
        days = [dt.date(int(m[1]), int(m[2]), int(m[3])) for m in found]
    except ValueError:
        return None
    return abs((days[0] - days[1]).days)


def value_errors(text: str, gold: list[Span], predicted: list[Span], regions: list[tuple[int, int]] | None = None,
                 loose_zones: bool = False) -> collections.Counter:
    """(cause, gold type, 'exact' or 'overlap') of each found span whose value is wrong, counted."""
    scored = in_regions(predicted, regions)
    tally: collections.Counter = collections.Counter()
    for gi, pi in match(gold, scored):
        g, p = gold[gi], scored[pi]
        if same_value(g[3], p[3], loose_zones):
            continue
        extent = "exact" if (g[0], g[1]) == (p[0], p[1]) else "overlap"
        tally[(value_cause(text[g[0]:g[1]], g[3], p[3]), g[2], extent)] += 1
    return tally
