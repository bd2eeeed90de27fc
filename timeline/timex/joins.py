"""A clock time written beside the day it falls on is one TIME expression in TimeML: 'May 2, 2013,
1:32 PM', '12:52 p.m. EDT May 2, 2013', 'Aug 7, 2012 at 9:56 AM'. The matcher finds the two
parts separately; a rule marked ``join`` says what may stand between them (and, in ``args.days``,
which kinds of day it joins), and they become one candidate whose clock is normalised on the
day's value. A preposition keeps them apart, as TimeML does ('Sunday night at 8 PM', '11 a.m. on
11 November 1918'; except 'at' after a full date: a timestamp), but the clock still takes the
day's value. A day told by a word and restated beside it in brackets ('Sunday (July 7)', 'ON
TUESDAY [18 APRIL]', 'YESTERDAY (12 DECEMBER)') is one expression too, the date's."""

from __future__ import annotations

import re
from dataclasses import replace

from .candidates import Candidate
from .normalise import weekday_fits_date
from .ruleset import Rule, join_rules

# Normalisers whose value names a day (a weekday, 'today', 'this morning' included).
DAY_NORMS = frozenset({"ymd", "md", "ordinal_day", "weekday", "day_word", "then_and_now", "day_part"})
# A join rule's days default to DAY_NORMS; these join only where a rule names them ('midnight on New Year's Day').
NAMED_DAY_NORMS = frozenset({"holiday"})
# Normalisers of a day told by a word, which a date or a weekday in brackets may restate.
TOLD_DAY_NORMS = frozenset({"weekday", "day_word", "then_and_now", "day_part"})
# Normalisers of a date that names its day of the month ('July 7', '18 APRIL', 'the 5th of May 2013').
DATE_NORMS = frozenset({"ymd", "md", "ordinal_day"})
# The bracket that closes after the second of two neighbours a bracketed join takes ('Sunday (July 7)').
_CLOSING = re.compile(r"[ \t]*[)\]]")


def _is_clock(cand: Candidate) -> bool:
    return cand.rule.norm == "clock" and not cand.groups.get("weekday") and not cand.parts


def _is_day(cand: Candidate) -> bool:
    return cand.rule.norm in DAY_NORMS or cand.rule.norm in NAMED_DAY_NORMS


def _fits(rule: Rule, day: Candidate, clock: Candidate, gap: str) -> bool:
    """Whether a join rule takes this day, this clock (its words, when it names some) and the gap between."""
    words = rule.args.get("words")
    if words and (clock.groups.get("word") or "").lower() not in words:
        return False
    return day.rule.norm in rule.args.get("days", DAY_NORMS) and bool(rule.regex.fullmatch(gap))


def join_neighbours(text: str, kept: list[Candidate]) -> list[Candidate]:
    """The kept candidates with each day and clock time that stand side by side made one (or,
    for a rule with ``args.apart``, kept apart with the clock reading the day's value)."""
    rules = join_rules()
    out: list[Candidate] = []
    for cand in kept:
        joined = _join(text, out[-1], cand, rules) if out and rules else None
        if joined is None:
            out.append(cand)
        elif joined.start == out[-1].start and joined.end >= cand.end:  # one expression now
            out[-1] = joined
        elif joined.start == cand.start:  # the clock came second
            out.append(joined)
        else:
            out[-1:] = [joined, cand]
    return out


def _restated(text: str, first: Candidate, second: Candidate, rules: tuple[Rule, ...]) -> Candidate | None:
    """'3 p.m. (1200 GMT)', '11:30 am IST (0600 UTC)': a clock time and its restatement in a
    named zone are one expression, valued as the first zoned one (it says which instant)."""
    if not second.groups.get("zone"):
        return None
    gap = text[first.end:second.start]
    for rule in rules:
        if rule.args.get("restated") and rule.regex.fullmatch(gap):
            if first.groups.get("zone"):  # '11:30 am IST (0600 UTC)': the first already says which instant
                utc = first.groups["zone"].upper() in ("GMT", "UTC", "Z")  # '07:37 UTC (3:37 EDT)': local second
                groups = {**first.groups, "local_clock": second.groups} if utc else first.groups
                return Candidate(first.start, second.end, rule, groups, first.parts)
            return Candidate(first.start, second.end, rule, {**second.groups, "local_clock": first.groups})
    return None


def _is_told_day(cand: Candidate) -> bool:
    return cand.rule.norm in TOLD_DAY_NORMS and not cand.parts


def _is_date(cand: Candidate) -> bool:
    return cand.rule.norm in DATE_NORMS and not cand.groups.get("dayname") and not cand.parts


def _closed(text: str, rule: Rule, end: int) -> int | None:
    """Where a join ends: after the closing bracket when the rule's gap opens one (None if none
    closes right after the second neighbour), else at the second neighbour's end."""
    if not rule.args.get("bracketed"):
        return end
    found = _CLOSING.match(text, end)
    return found.end() if found else None


def _day_and_restatement(first: Candidate, second: Candidate) -> tuple[Candidate, Candidate] | None:
    """Of two neighbours, a day told by a word ('Sunday', 'yesterday', 'last night') and what
    restates it: a date, or for a day word a weekday ('TODAY (MONDAY)'); None otherwise."""
    for day, other in ((first, second), (second, first)):
        if _is_told_day(day) and (_is_date(other) or other.rule.norm == "weekday" and day.rule.norm != "weekday"):
            return day, other
    return None


def _restated_as(rule: Rule, day: Candidate, other: Candidate) -> tuple[Rule, dict] | None:
    """The rule and groups of a day joined to its restatement: a date's value (its year chosen
    so that a weekday told fits, with the part of the day told), else the day word's own; None
    when a weekday disagrees with a date whose year is written."""
    if not _is_date(other):
        return day.rule, day.groups
    weekday = day.groups.get("weekday") if day.rule.norm == "weekday" else None
    if weekday and not weekday_fits_date(other.groups, weekday):
        return None
    part = day.groups.get("part") or ("night" if day.groups.get("tonight") else None)
    groups = {**other.groups, "date_norm": other.rule.norm, "weekday": weekday, "part": part}
    return (replace(rule, type="TIME") if part else rule), groups


def _restated_day(text: str, first: Candidate, second: Candidate, rules: tuple[Rule, ...]) -> Candidate | None:
    """'Sunday (July 7)', 'TUESDAY MORNING [20 DEC]', 'July 7 (Sunday)', 'YESTERDAY (12 DECEMBER)':
    a day and its restatement beside it, one of them in brackets, are one expression."""
    pair = _day_and_restatement(first, second)
    if pair is None:
        return None
    gap = text[first.end:second.start]
    for rule in rules:
        end = _closed(text, rule, second.end) if rule.args.get("restated_day") and rule.regex.fullmatch(gap) else None
        joined = _restated_as(rule, *pair) if end is not None else None
        if joined is not None:
            return Candidate(first.start, end, joined[0], joined[1])
    return None


def _join(text: str, first: Candidate, second: Candidate, rules: tuple[Rule, ...]) -> Candidate | None:
    restated = _restated_day(text, first, second, rules)
    if restated is not None:
        return restated
    if first.rule.norm == "clock" and _is_clock(second):  # the first may already read its day
        return _restated(text, first, second, rules)
    if _is_day(first) and _is_clock(second):
        day, clock = first, second
    elif _is_clock(first) and _is_day(second):
        day, clock = second, first
    else:
        return None
    gap = text[first.end:second.start]
    for rule in rules:
        if rule.args.get("restated") or rule.args.get("restated_day"):
            continue
        if _fits(rule, day, clock, gap):
            if rule.args.get("apart"):
                local = {"day_is_local": True} if rule.args.get("local_day") else {}
                return replace(clock, parts=(day,), groups={**clock.groups, **local})
            return Candidate(first.start, second.end, rule, clock.groups, (day, clock))
    return None
