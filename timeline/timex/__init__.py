"""Temporal expression tagger: find DATE/TIME/DURATION/SET expressions and normalise them.

Public interface (stable; other stages call only this):

    tag(text, published=None, mode="news") -> list[Timex]

Rules and word lists are YAML data in ``rules/``; ``matcher`` finds spans, ``normalise`` turns
them into TimeML values against a ``context`` (publication date in news, last mentioned date in
narrative), and ``intervals`` gives each date the EDTF interval it denotes.

``Timex.edtf`` is None for durations, sets, unresolved values and clock times written without
their day (the value still guesses one, as TimeML does); PRESENT_REF is the publication
day, PAST_REF ``../published``, FUTURE_REF ``published/..``; a cue word right before a date opens
it for the event it anchors: "since 1994" -> ``1994/..``, "by March 2024" -> ``../2024-03``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Literal

from .candidates import Candidate
from .context import DAY_VALUE, Context, from_bc_proxy
from .intervals import open_for_cue, to_edtf
from .lexicon import lookup
from .matcher import find, part_of_day_prefix
from .normalise import NORMALISERS, local_day
from .tokenised import detokenised, looks_tokenised

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Mode = Literal["news", "narrative"]
MODES = ("news", "narrative")
_YEAR = re.compile(r"^\d{4}$")
# a year, month or day with its year written, or a season, quarter or half of it ('the spring of 1987')
_PARTS_OF_YEAR = "SP|SU|FA|WI|Q[1-4]|H[12]"  # a season, quarter or half of a year: the one list the patterns below share
_PART_OF_YEAR = re.compile(rf"^\d{{4}}-(?:{_PARTS_OF_YEAR})$")
_WRITTEN_YEAR = re.compile(rf"^\d{{4}}(?:(?:-\d{{2}}){{0,2}}|-(?:{_PARTS_OF_YEAR}))$")
_PERIOD = re.compile(rf"^\d{{4}}-(?:\d{{2}}|{_PARTS_OF_YEAR})$")  # a month, or a part of a year
_DATED = re.compile(r"^(?:\d{4}|XXXX)-(?:\d{2}-\d{2}|WXX-\d)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n)\W*(?:\w+\W+){0,3}$")


def _opens_sentence(text: str, start: int) -> bool:
    """A year near the start of its sentence ('In 1917, ...') sets a story's time; one further
    in ('..., as it had in 1905') usually looks back or ahead, so it is not an anchor."""
    return bool(_SENTENCE_START.search(text[max(0, start - 40):start]))
_ANCHORING = {"unit_before_after", "day_part", "year_bc", "year_in_era", "ordinal_day", "month_of_year", "holiday", "ymd", "ym", "year", "md", "restated_day", "month", "season", "weekday", "day_word", "then_and_now", "later_earlier",
              "anaphoric_unit", "shifted_unit", "ago", "season_habit"}


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression: ``text == document[start:end]``."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str  # TimeML value: 2023-09-19, 2023-09, 2023-SU, PAST_REF, P3D, XXXX-WXX-1 ...
    edtf: str | None = None  # the interval it denotes, for anchoring events; None if not a date
    cue: bool = False  # read by the extractor ('recently' arrested: before the report), marked by no annotator

    def to_dict(self) -> dict:
        """The JSON form the CLI prints."""
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                "value": self.value}


def _normalise(cand: Candidate, ctx: Context) -> str | None:
    """The value of a match; dates written out become the reference for what follows. A joined
    match (a day and its clock time) takes the day's value for its clock."""
    groups = cand.groups
    if cand.parts:
        day = cand.parts[0]
        on = _normalise(day, ctx)
        groups = {**groups, "on": on} if on and _DATED.match(on) else groups
    rule = cand.rule
    value = NORMALISERS[rule.norm](groups, ctx, (cand.start, cand.end), rule.args)
    if value is None:
        return None
    if ctx.bc:
        value = from_bc_proxy(value)
    if rule.norm in _ANCHORING and (ctx.mode == "news" or not _YEAR.match(value.removeprefix("BC"))
                                     or _opens_sentence(ctx.text, cand.start)) \
            and not ctx.background_day(value, cand.start) and not ctx.label_day(value, cand.start):
        ctx.remember(value)
        ctx.last_at = cand.end
    elif value.startswith("BC"):
        ctx.bc = True  # a year BC told in passing sets no anchor, but the story is told BC
    if _PERIOD.match(value) and not rule.args.get("point"):  # a quarter counted back is a comparison's base, no new reference
        ctx.last_period = (value, cand.end)
    if cand.groups.get("year") and DAY_VALUE.match(value):
        ctx.stated = (dt.date.fromisoformat(value), cand.end)
    if cand.groups.get("year") and _WRITTEN_YEAR.match(value):
        ctx.year_said = (int(value[:4]), cand.end)
        if _PART_OF_YEAR.match(value) and rule.norm in _ANCHORING:  # 'in the spring of 2019 ... two years later'
            ctx.last, ctx.last_at = (dt.date(int(value[:4]), 1, 1), "year"), cand.end
    return value


def tag(text: str, published: dt.date | None = None, mode: Mode = "news") -> list[Timex]:
    """Find and normalise the temporal expressions of ``text``; relative ones need ``published``."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    if isinstance(published, dt.datetime):
        published = published.date()
    elif isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published[:10])
        except ValueError:
            raise ValueError(f"published must be a date or YYYY-MM-DD, not {published!r}") from None
    if not isinstance(text, str):
        raise TypeError(f"tag() needs text as str, not {type(text).__name__}")
    if not looks_tokenised(text):
        return _tag(text, published, mode)
    plain, where = detokenised(text)
    return [replace(t, start=where(t.start), end=where(t.end - 1) + 1, text=text[where(t.start):where(t.end - 1) + 1])
            for t in _tag(plain, published, mode)]


def marked(timexes: list[Timex]) -> list[Timex]:
    """The expressions a TimeML annotator marks: the tagger's output without the cues only the
    extractor reads, so that printed and scored annotations follow the corpora's convention."""
    return [t for t in timexes if not t.cue]


def _tag(text: str, published: dt.date | None, mode: Mode) -> list[Timex]:
    """The expressions of a text that reads as plain prose (a tokenised one is read through
    ``tokenised.detokenised``, its offsets mapped back)."""
    ctx = Context(text, published, mode)
    out: list[Timex] = []
    norms: list[str] = []
    for cand in find(text):
        rule = cand.rule
        value = _normalise(cand, ctx)
        if value is None:
            continue
        start, kind = cand.start, rule.type
        if rule.args.get("point") and not value.startswith("P"):
            kind = rule.args["point"]  # 'the previous three months' after a quarter told: that quarter's predecessor
        prefix = part_of_day_prefix(text, start) if DAY_VALUE.match(value) and kind == "DATE" else None
        if prefix and (not out or out[-1].end <= prefix[0]):
            start, kind = prefix[0], "TIME"
            value = f"{value}T{lookup('day_parts', prefix[1])}"
        edtf = open_for_cue(to_edtf(value, kind, published), text[max(0, start - 12):start])
        if edtf is None and rule.args.get("interval") and mode == "news":  # 'in the coming weeks'
            edtf = to_edtf(rule.args["interval"], "DATE", published)
        if rule.norm == "clock" and not (cand.parts or cand.groups.get("weekday")) or \
                rule.norm == "later_earlier" and value.endswith("_REF"):
            edtf = None  # '3:30 a.m.': which day is only a guess; 'days later': from a date told, not the report
        elif edtf and DAY_VALUE.match(edtf):
            edtf = _local(edtf, value, cand, text, out[-1] if out else None)
        elif edtf and _YEAR.match(edtf):
            edtf = _year_range(edtf, text, cand) or edtf
        if out and norms[-1] == "later_earlier" and rule.norm in _CALENDAR and _RESTATES.fullmatch(text, out[-1].end, start):
            out[-1] = replace(out[-1], value=value, edtf=edtf)  # 'six days later, on 7 October': that day
        out.append(Timex(start, cand.end, text[start:cand.end], kind, value, edtf, bool(rule.args.get("cue"))))
        norms.append(rule.norm)
    return out


# A calendar date right after a step ('three weeks later, on 30 March', 'a decade later, in 2008')
# restates it: the step takes the date's value, as TE3-style and WikiWars gold write it.
_CALENDAR = frozenset({"ymd", "md", "ym", "month", "year", "ordinal_day"})
_RESTATES = re.compile(r"[ \t]*(?:,[ \t]*(?:on|in)?|on|in)[ \t]*", re.IGNORECASE)


_ON = re.compile(r"[ \t]*(?:,[ \t]*)?(?:on[ \t]+)?", re.IGNORECASE)
_UTC_CLOCK = re.compile(r"^\d{4}-\d{2}-\d{2}T(\d{2}):\d{2}Z$")


def _local(edtf: str, value: str, cand: Candidate, text: str, previous: Timex | None) -> str:
    """The day where it happened, for a day told in GMT ('AT 2230 [0230 GMT ON 12 JANUARY]' is 11
    January where it was 22:30); without the local clock, the days a zone may put it on; a night
    told as 'overnight' runs past midnight into the next day."""
    if cand.rule.args.get("through_night"):
        return _through_night(edtf)
    if cand.groups.get("local_clock"):
        return local_day(value, cand.groups["local_clock"]) or edtf
    utc = _UTC_CLOCK.match(value)
    if utc and cand.parts:
        return _days_around(edtf, int(utc[1]))
    if previous is not None and previous.edtf and _UTC_CLOCK.match(previous.value) and \
            previous.value.startswith(edtf) and _ON.fullmatch(text, previous.end, cand.start):
        return previous.edtf  # '0400 GMT ON 10 SEPTEMBER': the day is the clock's
    return _day_range(edtf, text, cand) or edtf


_RANGE_BEFORE = re.compile(r"(?<![\d.,:/])(\d{1,2})(?:st|nd|rd|th)?[ \t]*(?:-|–|to|and|or|through)[ \t]*$", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"[ \t]*(?:-|–|to|and|or|through)[ \t]*(\d{1,2})(?:st|nd|rd|th)?\b(?![ \t]*(?:[,.:/]?\d|%|[a-z]))",
                          re.IGNORECASE)


_YEARS_BEFORE = re.compile(r"(?<![\d.,:/])(\d{4})[ \t]*(?:-|–|to|and|through|until)[ \t]*$", re.IGNORECASE)
_YEARS_AFTER = re.compile(r"[ \t]*(?:-|–|to|and|through|until)[ \t]*(\d{4})\b(?![ \t]*(?:[,.:/]?\d|%))", re.IGNORECASE)


def _year_range(edtf: str, text: str, cand: Candidate) -> str | None:
    """'(1982 - 1986)', 'between 1991 and 1998': each year of a range anchors an event to the
    whole range (the value stays the year written)."""
    before = _YEARS_BEFORE.search(text, max(0, cand.start - 12), cand.start)
    after = None if before else _YEARS_AFTER.match(text, cand.end)
    found = before or after
    if found is None or not 1000 <= int(found.group(1)) <= 2999 or found.group(1) == edtf:
        return None
    first, last = sorted((edtf, found.group(1)))
    return f"{first}/{last}"


def _day_range(edtf: str, text: str, cand: Candidate) -> str | None:
    """'ON 12 AND 13 FEBRUARY', 'on February 12 or 13', '3-5 May': each written day of a range
    anchors an event to the whole range (the value stays the day written)."""
    try:
        day = dt.date.fromisoformat(edtf)
    except ValueError:
        return None
    before = _RANGE_BEFORE.search(text, max(0, cand.start - 12), cand.start)
    after = None if before else _RANGE_AFTER.match(text, cand.end)
    other = int((before or after).group(1)) if (before or after) else None
    if other is None or other == day.day:
        return None
    try:
        bound = day.replace(day=other)
    except ValueError:
        return None
    first, last = sorted((day, bound))
    return f"{first.isoformat()}/{last.isoformat()}"


def _through_night(day: str) -> str:
    """A night's day and the next: what happened 'overnight' may have come after midnight."""
    date = dt.date.fromisoformat(day)
    return f"{day}/{(date + dt.timedelta(days=1)).isoformat()}"


def _days_around(day: str, utc_hour: int) -> str:
    """The local days of a GMT hour on ``day``, for zones from UTC-11 to UTC+14."""
    try:
        date = dt.date.fromisoformat(day)
    except ValueError:
        return day
    first = date - dt.timedelta(days=1) if utc_hour < 11 else date
    last = date + dt.timedelta(days=1) if utc_hour >= 10 else date
    return f"{first.isoformat()}/{last.isoformat()}"
