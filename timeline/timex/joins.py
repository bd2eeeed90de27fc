"""A clock time written beside the day it falls on is one TIME expression in TimeML: 'May 2, 2013,
1:32 PM', '12:52 p.m. EDT May 2, 2013', 'Aug 7, 2012 at 9:56 AM'. The matcher finds the two
parts separately; a rule marked ``join`` says what may stand between them (and, in ``args.days``,
which kinds of day it joins), and they become one candidate whose clock is normalised on the
day's value. A preposition keeps them apart, as TimeML does ('Sunday night at 8 PM', '11 a.m. on
11 November 1918'; except 'at' after a full date: a timestamp), but the clock still takes the
day's value."""

from __future__ import annotations

from dataclasses import replace

from .candidates import Candidate
from .ruleset import Rule, join_rules

# Normalisers whose value names a day (a weekday, 'today', 'this morning' included).
DAY_NORMS = frozenset({"ymd", "md", "ordinal_day", "weekday", "day_word", "then_and_now", "day_part"})
# A join rule's days default to DAY_NORMS; these join only where a rule names them ('midnight on New Year's Day').
NAMED_DAY_NORMS = frozenset({"holiday"})


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
        elif joined.start == out[-1].start and joined.end == cand.end:  # one expression now
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


def _join(text: str, first: Candidate, second: Candidate, rules: tuple[Rule, ...]) -> Candidate | None:
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
        if rule.args.get("restated"):
            continue
        if _fits(rule, day, clock, gap):
            if rule.args.get("apart"):
                local = {"day_is_local": True} if rule.args.get("local_day") else {}
                return replace(clock, parts=(day,), groups={**clock.groups, **local})
            return Candidate(first.start, second.end, rule, clock.groups, (day, clock))
    return None
