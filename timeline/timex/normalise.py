"""Normalisers: turn one rule match (its named groups) into a TimeML value.

Each takes ``(groups, ctx, span, args)`` and returns the value, or None to drop the match
(a date that does not exist, a rank that only looks like a duration). Rules name them by key.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Callable
from functools import lru_cache

from .calendar_math import GRANS, UNIT_TO_GRAN, fmt, safe_date, shift, unknown, weekday_near
from .context import DAY_VALUE, Context
from .lexicon import alternation, expand, lexicon, lookup

Groups = dict[str, str | None]
Span = tuple[int, int]
_SLACK = dt.timedelta(days=60)
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


def _month(word: str) -> int:
    return int(word) if word.isdigit() else lookup("months", word)


def _day(word: str) -> int:
    return int(re.match(r"\d+", word).group())


def _number(word: str | None):
    """1, 2.5 or 'X' (unspecified) from digits or a number word; None when absent."""
    if word is None:
        return "X"
    if word[0].isdigit():
        value = float(word.replace(",", ""))
        return int(value) if value.is_integer() else value
    return lookup("numbers", word)


def _year2(word: str) -> int:
    """Two-digit years: '90 -> 1990, 05 -> 2005."""
    value = int(word.lstrip("'"))
    return 2000 + value if value < 40 else 1900 + value


@lru_cache(maxsize=1)
def _range_end() -> re.Pattern:
    """The far end of a range of months or days that states the year ('and April 1918',
    '- July 3, 2012', 'to 3 July 2012')."""
    return re.compile(expand(
        r"[ \t]*(?:-|–|to|and|or|through|until|till)[ \t]+(?:(?:early|mid|late)[ \t]+|mid-)?"
        r"(?:\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?)?(?P<month>{MONTHN})(?:[ \t]+\d{1,2}(?:st|nd|rd|th)?)?"
        r"[ \t]*,?[ \t]*(?P<year>{YEAR})"), re.IGNORECASE)


def _year_at_range_end(ctx: Context, span: Span, month: int) -> int | None:
    """'between March and April 1918': a month or day at a range's start takes the year its end
    states (the year before when the end's month comes earlier: 'December to February 1945')."""
    found = _range_end().match(ctx.text, span[1])
    if not found:
        return None
    year = int(found["year"])
    return year - 1 if _month(found["month"]) < month else year


def _year_of_weekday(year: int, month: int, day: int, named: str) -> int:
    """'Saturday, July 6': a year inferred for a date whose weekday is written with it gives way
    to the year either side on which the date falls on that weekday, when only one does."""
    number = next((n for name, n in lexicon()["weekdays"].items() if name.startswith(named.lower()[:3])), None)

    def fits(y: int) -> bool:
        found = safe_date(y, month, day)
        return found is not None and found.isoweekday() == number
    if number is None or fits(year):
        return year
    others = [y for y in (year - 1, year + 1) if fits(y)]
    return others[0] if len(others) == 1 else year


def _told_day(g: Groups) -> int | None:
    """The day of the month a date's groups write (digits or an ordinal word)."""
    day = _day(g["day"]) if g.get("day") else lookup("ordinals", g.get("ordinal") or "")
    return day if isinstance(day, int) else None


def weekday_fits_date(g: Groups, weekday_name: str) -> bool:
    """'Sunday (July 7, 2013)': whether a weekday written beside a date falls on it; a date
    without its year fits (its year is chosen so that it does), a date with one must agree."""
    if not (g.get("year") or g.get("year2")) or not g.get("month"):
        return True
    year = int(g["year"]) if g.get("year") else _year2(g["year2"])
    day = _told_day(g)
    found = safe_date(year, _month(g["month"]), day) if day else None
    return found is not None and found.isoweekday() == lookup("weekdays", weekday_name)


def _infer_year(ctx: Context, span: Span, month: int, day: int = 15) -> int | None:
    """Year of a date written without one: in news the year a 'when' clause right after a year
    is told of, or of a full date written earlier in the same sentence, else the nearest
    occurrence to the publication date (the past weighs less, since news reports the past; a
    future cue wins); in narrative the anchor's."""
    ranged = _year_at_range_end(ctx, span, month)
    if ranged is not None:
        return ranged
    said = ctx.year_said_nearby(span[0]) if ctx.mode == "narrative" else ctx.when_year(span[0])
    if said is not None:
        return said
    stated = ctx.stated_nearby(span[0]) if ctx.mode == "news" else None
    if stated is not None:  # the year that puts it nearest the date written beside it
        return min((stated.year - 1, stated.year, stated.year + 1),
                   key=lambda y: abs((safe_date(y, month, min(day, 28)) - stated).days))
    anchor = ctx.year_anchor()
    if anchor is None:
        return None
    if ctx.mode != "news" or ctx.published is None:
        return anchor.year
    tense = _tense_with_deadline(ctx, span)
    best, best_cost = anchor.year, None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        guess = safe_date(year, month, min(day, 28))
        if guess is None:
            continue
        days = (guess - ctx.published).days
        ahead = days >= -_SLACK.days // 4
        weight = {1: (1, 10), -1: (12, 1), 0: (1.5, 1)}[tense][0 if ahead else 1]
        cost = abs(days) * weight
        if best_cost is None or cost < best_cost:
            best, best_cost = year, cost
    return best


@lru_cache(maxsize=1)
def _deadline_word() -> re.Pattern:
    """'until', 'before', 'by', 'through' right before a date, with 'the' or 'mid-' between
    (rules/lexicon.yaml, open_before and until_words)."""
    words = lexicon()['open_before'] + lexicon()['until_words']
    return re.compile(rf"\b(?:{alternation(words)})[ \t]+(?:(?:the|mid-?|early|late)[ \t]*)?$", re.IGNORECASE)


def _tense_with_deadline(ctx: Context, span: Span) -> int:
    """The clause's tense, moved ahead by a deadline word right before the date: an end not told
    of the past lies ahead ('could last until the summer'); an end told in a past clause may lie
    either side of the report, so the past no longer weighs ('named him caretaker until early
    January', said in December)."""
    tense = ctx.tense(*span)
    if not _deadline_word().search(ctx.text, max(0, span[0] - 16), span[0]):
        return tense
    return 1 if tense == 0 else max(tense, 0)


def ymd(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """An explicit calendar date; None when the day does not exist (31 February)."""
    year = int(g["year"]) if g.get("year") else _year2(g["year2"])
    day = safe_date(year, _month(g["month"]), _day(g["day"]))
    if day and args.get("either_order") and ctx.published:
        day = _nearer_order(day, ctx.published)
    return day.isoformat() if day else None


def _nearer_order(month_first: dt.date, published: dt.date) -> dt.date:
    """'08/05/2013' on a page of 8 May 2013: a numeric date that reads both ways is read day
    first when only that reading falls within three days of the publication (a British or Indian
    time stamp); month first otherwise, as American copy writes it."""
    day_first = safe_date(month_first.year, month_first.day, month_first.month) if month_first.day <= 12 else None

    def near(day: dt.date) -> bool:
        return abs((day - published).days) <= 3
    return day_first if day_first and near(day_first) and not near(month_first) else month_first


def md(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """A day and month without year: the year comes from the anchor and the clause's tense."""
    if g.get("year"):
        return ymd(g, ctx, span, args)
    month, day = _month(g["month"]), _day(g["day"])
    if safe_date(2000, month, day) is None:
        return None
    year = _infer_year(ctx, span, month, day)
    if year and g.get("dayname"):
        year = _year_of_weekday(year, month, day, g["dayname"])
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"


def restated_day(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'Sunday (July 7)', 'TUESDAY MORNING [20 DEC]', 'last night (July 6)': a day restated by its
    date in brackets names that date (its year chosen so that a weekday told fits), with the part
    of the day told."""
    value = NORMALISERS[g["date_norm"]]({**g, "dayname": g.get("weekday")}, ctx, span, {})
    if value and g.get("part") and DAY_VALUE.match(value):
        return f"{value}T{lookup('day_parts', g['part'])}"
    return value


def day_of_told_month(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'on the 5th': that day of the month last mentioned (unknown without one)."""
    ref = ctx.anaphoric()
    day = _day(g["day"])
    if ref is None or ref[1] not in ("day", "month"):
        return f"XXXX-XX-{day:02d}"
    found = safe_date(ref[0].year, ref[0].month, day)
    return found.isoformat() if found else None


def ordinal_day(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'the fifth of May (1921)': an ordinal word as the day of the month."""
    day = lookup("ordinals", g["ordinal"])
    groups = {**g, "day": str(day)}
    return ymd(groups, ctx, span, args) if g.get("year") else md(groups, ctx, span, args)


def ym(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """A month of a stated year."""
    return f"{int(g['year']):04d}-{_month(g['month']):02d}"


def month(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """A bare month: 'last November' steps from the reference, 'in May' takes the nearest fitting year."""
    number = _month(g["month"])
    if g.get("shift"):
        ref = ctx.deictic()
        if ref is None:
            return f"XXXX-{number:02d}"
        step = lookup("shifts", g["shift"])
        year = ref[0].year
        if step < 0 and number >= ref[0].month:
            year -= 1
        elif step > 0 and number <= ref[0].month:
            year += 1
        return f"{year:04d}-{number:02d}"
    if ctx.mode == "news" and _month_range_of_habit(ctx.text, span):
        return f"XXXX-{number:02d}"
    year = _infer_year(ctx, span, number)
    return f"{year:04d}-{number:02d}" if year else f"XXXX-{number:02d}"


@lru_cache(maxsize=1)
def _month_range() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A month that opens 'from April to October' (what comes before it, what after) and one
    that closes it, with no day or year written after either month."""
    edge = r"(?:(?:early|mid|late)[ \t-]+)?"
    to = r"[ \t]+(?:to|until|till|through)[ \t]+"
    month = expand("(?:{MONTHN})")
    opens_before = re.compile(rf"\bfrom[ \t]+{edge}$", re.IGNORECASE)
    opens_after = re.compile(rf"{to}{edge}{month}\b(?![ \t]*,?[ \t]*\d)", re.IGNORECASE)
    closes_before = re.compile(rf"\bfrom[ \t]+{edge}{month}{to}{edge}$", re.IGNORECASE)
    return opens_before, opens_after, closes_before


@lru_cache(maxsize=1)
def _habit_words() -> re.Pattern:
    """'every year', 'each night', 'daily', 'usually' (rules/lexicon.yaml, habit and recurring)."""
    words, recurring = lexicon()["habit"], lexicon()["recurring"]
    every = alternation(recurring["every"])
    units = alternation(recurring["units"] + words["units"] + ["season"])
    adverbs = alternation(recurring["adverbs"] + words["adverbs"])
    return re.compile(rf"\b(?:(?:{every})[ \t]+(?:{units})|{adverbs})\b", re.IGNORECASE)


def _month_range_of_habit(text: str, span: Span) -> bool:
    """'tours run daily from April to October', 'the monsoon, which usually lasts from June to
    September': a range of bare months beside a habit's word in its sentence is any year's."""
    opens_before, opens_after, closes_before = _month_range()
    before, after = text[max(0, span[0] - 40):span[0]], text[span[1]:span[1] + 40]
    opens = opens_before.search(before) and opens_after.match(after)
    closes = closes_before.search(before) and not re.match(r"[ \t]*,?[ \t]*\d", after)
    if not (opens or closes):
        return False
    sentence = "".join(_clause_around(text, span, 160, 120))
    return bool(_habit_words().search(sentence))


def month_of_year(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'October of that year', 'May 5 of the following year': month in the anaphoric year."""
    shift = g["shift"].lower().split()[-1]
    deictic = shift in ("this", "last", "next")
    step = lookup("shifts", shift) if deictic else _ANAPHORIC.get(shift, 0)
    ref = ctx.deictic() if deictic else ctx.year_ref(span[0])
    number = _month(g["month"])
    if ref is None:
        return f"XXXX-{number:02d}" + (f"-{_day(g['day']):02d}" if g.get("day") else "")
    found = ref[0].year + step
    if g.get("day"):
        day = safe_date(found, number, _day(g["day"]))
        return day.isoformat() if day else None
    return f"{found:04d}-{number:02d}"


_MAKE_AFTER = re.compile(r"[ \t]+(?-i:[A-Z][a-z]+)")


def year(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """A four-digit year; not a model year, which stands after a possessive and before a make
    written with a capital ('his 2008 Bentley'; 'a 1919 Polish attempt' stays a year)."""
    if g.get("owner") and _MAKE_AFTER.match(ctx.text, span[1]):
        return None
    return f"{int(g['year']):04d}"


def year_short(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'99': the latest year with those last digits not after the anchor's year ('Ragazzi del '99' in
    1917 is 1899); without an anchor, 1940-2039."""
    digits = int(g["year2"][-2:])
    anchor = ctx.year_anchor()
    if anchor is None:
        return f"{_year2(g['year2'][-2:]):04d}"
    year = anchor.year // 100 * 100 + digits
    return f"{year - 100 if year > anchor.year else year:04d}"


def year_range_end(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'58' in '1957-58': 1958, the first year's century (the next after '1999-00'); a second
    part not after the first ('1957-12', a month) is not a year."""
    first = re.search(r"(\d{4})[ \t]*[-–][ \t]*$", ctx.text[max(0, span[0] - 8):span[0]])
    if first is None:
        return None
    start, short = int(first[1]), int(g["year2"])
    year = start // 100 * 100 + short
    if year <= start:
        year += 100
    return f"{year:04d}" if year - start <= 20 else None


def year_bc(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """A year before the common era, written as TimeML does (BC0490), with its month or season
    when one is told (BC0480-08, BC0480-SP)."""
    year = f"BC{int(g['year']):04d}"
    if g.get("month"):
        return f"{year}-{_month(g['month']):02d}"
    return f"{year}-{lookup('seasons', g['season'])}" if g.get("season") else year


def year_in_era(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """A bare 2-3 digit year is a year only inside a story told in years BC ('In 480, ...')."""
    return f"BC{int(g['year']):04d}" if ctx.mode == "narrative" and ctx.bc else None


def fiscal(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """A fiscal year keeps its FY prefix: it need not match the calendar year."""
    return f"FY{int(g['year']):04d}"


def decade(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'the 1990s' is the decade 199 ('the '90s' and 'the nineties' assume the 1900s; 'the 470s BC'
    is BC047)."""
    if g.get("decade2"):
        return "19" + g["decade2"][0]
    if g.get("decade_word"):
        return f"19{lookup('decade_words', g['decade_word'])}"
    if g.get("decade_bc"):
        return f"BC{int(g['decade_bc']) // 10:03d}"
    return g["decade"][:3]


def century(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'the 12th century' is 11 in TimeML (years 1100-1199)."""
    word = g["ordinal"]
    number = int(re.match(r"\d+", word).group()) if word[0].isdigit() else lookup("ordinals", word)
    return f"{number - 1:02d}" if number else None


def _shifted_year(g: Groups, ctx: Context, span: Span, month_no: int) -> int | None:
    """Year from an explicit year group, a shift word, or the anchor."""
    if g.get("year"):
        return int(g["year"])
    if g.get("shift"):
        ref = _shift_anchor(ctx, g["shift"]) if g["shift"].lower() != "that" else ctx.year_ref(span[0])
        step = lookup("shifts", g["shift"]) or 0
        if g["shift"].lower() == "the" and ref:
            step = _year_by_tense(ctx, span, month_no)
        return ref[0].year + step if ref else None
    return _infer_year(ctx, span, month_no)


def _year_by_tense(ctx: Context, span: Span, middle: int) -> int:
    """'the second half of the year' told in the past in January is last year's (most of this
    year's is still ahead); told of the future once most of it is over, next year's."""
    if ctx.mode != "news" or ctx.published is None:
        return 0
    tense = ctx.tense(*span)
    if tense < 0 and middle > ctx.published.month:
        return -1
    return 1 if tense > 0 and middle < ctx.published.month else 0


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}  # first and last month


def _last_or_next_season(code: str, day: dt.date, step: int) -> int:
    """The year of 'last spring' (the latest one over by ``day``) or 'next spring' (the first
    one not yet begun); a winter is valued by the year it begins in."""
    first, last = _SEASON_MONTHS[code]
    if step > 0:
        return day.year if day.month < first else day.year + 1
    if code == "WI":  # the winter that began last December is over from March on
        return day.year - 1 if day.month > last else day.year - 2
    return day.year if day.month > last else day.year - 1


def _shift_anchor(ctx: Context, word: str) -> tuple[dt.date, str] | None:
    """What a shift word steps from: 'last spring' from the report's day, 'the following spring'
    and 'the previous summer' from the date the story last told (rules/lexicon.yaml, told_shifts)."""
    told = re.sub(r"^the[ \t]+", "", word.lower()) in lexicon()["told_shifts"]
    return ctx.anaphoric() if told else ctx.deictic()


def season(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """A season of a stated, shifted or inferred year (2023-SU)."""
    code = lookup("seasons", g["season"])
    shift = lookup("shifts", g["shift"]) if g.get("shift") else 0
    ref = _shift_anchor(ctx, g["shift"]) if shift and g["shift"].lower() != "that" else None
    if ref is not None and shift in (-1, 1) and ref[1] == "year":  # 'in 2019 ... the following spring'
        return f"{ref[0].year + shift:04d}-{code}"
    if ref is not None and shift in (-1, 1):  # 'last spring' said in November is this year's
        return f"{_last_or_next_season(code, ref[0], shift):04d}-{code}"
    found = _shifted_year(g, ctx, span, _SEASON_MONTH[code])
    if found and code == "WI" and ctx.mode == "news" and not g.get("year") and not g.get("shift"):
        found -= 1  # reckoned by its January, a winter is valued by the year it begins in, as 'last winter' is
    return f"{found:04d}-{code}" if found else f"XXXX-{code}"


@lru_cache(maxsize=1)
def _habit() -> re.Pattern:
    """'twice a day', 'three times a week', 'on Fridays' (rules/lexicon.yaml, habit and standing)."""
    words = lexicon()["habit"]
    counts, per, units = (alternation(words[key]) for key in ("counts", "per", "units"))
    days = alternation(lexicon()["standing"]["plural_days"])
    return re.compile(rf"\b(?:(?:{counts})[ \t]+(?:{per})[ \t]+(?:{units})|(?:on|at)[ \t]+(?:{days}))\b", re.IGNORECASE)


def season_habit(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'in summer' with no article in news is any year's summer (a habit) when its clause tells
    no tense or a rate stands beside it; else one summer (``season``)."""
    before, after = _clause_around(ctx.text, span, 60, 40)
    if ctx.mode == "news" and (ctx.tense(*span) == 0 or _habit().search(before) or _habit().search(after)):
        return f"XXXX-{lookup('seasons', g['season'])}"
    return season(g, ctx, span, args)


def season_of_year(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'the spring of next year', 'the winter of that year'."""
    shift = g["shift"].lower().split()[-1]
    code = lookup("seasons", g["season"])
    deictic = shift in ("this", "last", "next")
    ref = ctx.deictic() if deictic else ctx.anaphoric()
    step = lookup("shifts", shift) if deictic else _ANAPHORIC.get(shift, 0)
    return f"{ref[0].year + step:04d}-{code}" if ref else f"XXXX-{code}"


def quarter(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """A quarter of a stated, shifted or inferred year (2023-Q3)."""
    number = lookup("quarter_words", g["qword"])
    found = _shifted_year(g, ctx, span, number * 3 - 1)
    return f"{found:04d}-Q{number}" if found else f"XXXX-Q{number}"


def half(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """A half of a stated, shifted or inferred year (2019-H1)."""
    number = 1 if g["half"].lower() in ("first", "1st") else 2
    found = _shifted_year(g, ctx, span, number * 6 - 3)
    return f"{found:04d}-H{number}" if found else f"XXXX-H{number}"


_QUARTER_TOLD = re.compile(r"\bquarter\b|\bQ[1-4]\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _first_quarter_end(text: str) -> int:
    """Where the first quarter a report tells ends (past its end when none): read once a report,
    not from its start again for each bare half (a half is told after a quarter when it begins at
    or past this end; its pattern begins at a word's start, so no quarter is cut short there)."""
    found = _QUARTER_TOLD.search(text)
    return found.end() if found else len(text) + 1


def half_told(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'the first half' alone, in a report that told a quarter before it: told in the past, the
    latest such half over at the report ('the gains of the first half', said in January, are last
    year's); else the report's year's; after a part of a year written with its year in the same
    sentence ('rose in the first quarter of 2031 and will slow in the second half'), that year's."""
    if ctx.mode != "news" or ctx.published is None or _first_quarter_end(ctx.text) > span[0]:
        return None
    number = 1 if g["half"].lower() == "first" else 2
    told = ctx.year_said_nearby(span[0])
    if told is not None and ctx.last_period and re.match(rf"{told:04d}-[QH]\d$", ctx.last_period[0]):
        return f"{told:04d}-H{number}"
    over = ctx.published.month > number * 6
    year = ctx.published.year - (ctx.tense(*span) < 0 and not over)
    return f"{year:04d}-H{number}"


def months_of_year(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'the first three months of the year' is its first quarter, 'the last six months of 2023'
    its second half: a count of months from the year's edge that makes one of its parts."""
    first = g["edge"].lower() == "first"
    if g["count"].lower() in ("three", "3"):
        return quarter({**g, "qword": "first" if first else "fourth"}, ctx, span, args)
    return half({**g, "half": "first" if first else "second"}, ctx, span, args)


def week_of_month(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'the last week of August', 'the first week of June 2025': a stretch of that month, valued
    as the month (as 'late August' is), so that it never dates an event outside it."""
    number = _month(g["month"])
    found = _shifted_year(g, ctx, span, number)
    return f"{found:04d}-{number:02d}" if found else f"XXXX-{number:02d}"


def holiday(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """A fixed-date holiday, in a stated or inferred year."""
    month_day = lookup("holidays", g["holiday"])
    number, day = int(month_day[:2]), int(month_day[3:])
    found = int(g["year"]) if g.get("year") else _infer_year(ctx, span, number, day)
    return f"{found:04d}-{month_day}" if found else f"XXXX-{month_day}"


def anaphoric_part(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'the following morning': a part of the day next to the last date given to the day."""
    step = _ANAPHORIC.get((g.get("shift") or "same").lower().split()[-1], 0)
    return _at(ctx.anaphoric(fine=True, span=span), "day", step) + "T" + lookup("day_parts", g["part"])


def running_part(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'a third straight night (Wednesday)': that weekday's night, else the last day's."""
    if g.get("weekday"):
        return weekday(g, ctx, span, args)
    return anaphoric_part(g, ctx, span, args)


def constant(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """A fixed value such as PRESENT_REF for 'now'."""
    return args["value"]


_DAY_WORDS = {"the day before yesterday": -2, "yesterday": -1, "today": 0, "tomorrow": 1,
              "the day after tomorrow": 2}


def day_word(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'yesterday', 'today', 'tomorrow' against the reference day."""
    offset = _DAY_WORDS[re.sub(r"\s+", " ", g["word"].lower())]
    if offset == 0 and ctx.mode == "narrative":
        return "PRESENT_REF"  # a history's "today" is the writer's present, not the story's day
    return _at(ctx.deictic(), "day", offset)


_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[A-Z\"“])")
_CLAUSE_STOP = re.compile(r"[.;!?\"”]|\n")  # a quotation ends the clause it opened
_PERFECT = re.compile(r"\b(?:have|has|'ve)(?:[ \t]+\w+)?[ \t]+\w+ed\b", re.IGNORECASE)


def _sentences_before(text: str, start: int) -> str:
    """The sentence before a span and its own sentence up to it (at most 400 characters back)."""
    before = text[max(0, start - 400):start]
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    return before[ends[-2] if len(ends) > 1 else 0:]


def then_and_now(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'In the 1980s it employed 3,000 people; today it employs 700': a 'today' that opens a
    clause not told in the past, set against years the story just told in the past, is the open present
    (PRESENT_REF), as in a history; otherwise the report's day."""
    stop = _CLAUSE_STOP.search(ctx.text, span[1])
    own = ctx.text[span[1]:stop.start() if stop else None]
    before = _sentences_before(ctx.text, span[0])
    closed = _PERFECT.sub(" ", before)  # 'have warned for years' reaches to now: no 'then'
    if (ctx.mode == "news" and not ctx.looks_back(own, or_modal=True) and ctx.looks_back(closed)
            and re.search(args["era"], before, re.IGNORECASE)):
        return "PRESENT_REF"
    return day_word({"word": "today"}, ctx, span, args)


def moment_of_telling(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'right now': the day of the telling, as 'today' (a history's is PRESENT_REF); in a quotation,
    the day the words were said."""
    said = ctx.quoted_speech_day(span[0])
    if said is not None:
        return said.isoformat()
    return day_word({"word": "today"}, ctx, span, args)


def _at(ref: tuple[dt.date, str] | None, gran: str, offset: int) -> str:
    """The period ``offset`` units of ``gran`` from a reference, or 'unknown' when too coarse."""
    if ref is None or GRANS.index(ref[1]) > GRANS.index(gran):
        return unknown(gran)
    try:
        return fmt(shift(ref[0], gran, offset), gran)
    except (ValueError, OverflowError):
        return unknown(gran)


def _gran(unit: str) -> str:
    return UNIT_TO_GRAN.get(lookup("units", unit), "day")


def weekday_of_week(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'Friday next week': that weekday in the week named, counted from the reference's week (said
    on a Sunday, 'last week' is the week that ends that day, as ``shifted_unit`` reads it)."""
    number, step = lookup("weekdays", g["weekday"]), lookup("shifts", g["shift"]) or 0
    ref = ctx.deictic()
    if ref is None or ref[1] != "day":
        return f"XXXX-WXX-{number}"
    if step == -1 and ref[0].isoweekday() == 7:
        step = 0
    monday = ref[0] - dt.timedelta(days=ref[0].isoweekday() - 1)
    return (monday + dt.timedelta(days=7 * step + number - 1)).isoformat()


def shifted_unit(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'last week', 'next month': a step of one unit from the reference."""
    step = lookup("shifts", g["shift"])
    ref = ctx.deictic()
    if step == -1 and g["unit"].lower() == "week" and ref and ref[1] == "day" and ref[0].isoweekday() == 7:
        step = 0  # said on a Sunday, 'last week' is the week that ends that day
    value = _at(ref, _gran(g["unit"]), step)
    return value + "-WE" if g["unit"].lower() == "weekend" else value


def weekend(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'over the weekend': the latest weekend in a past clause, the coming one in a future one."""
    ref = ctx.deictic()
    if ref is None or ref[1] != "day":
        return "XXXX-WXX-WE"
    day = ref[0]
    future = not g.get("past") and ctx.future(*span)
    if day.isoweekday() >= 6:
        return fmt(day, "week") + "-WE"
    return fmt(shift(day, "week", 0 if future else -1), "week") + "-WE"


_ANAPHORIC = {"same": 0, "that": 0, "following": 1, "next": 1, "subsequent": 1, "ensuing": 1,
              "previous": -1, "preceding": -1, "prior": -1}


_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _not_after_report(value: str, ctx: Context, span: Span, gran: str) -> str:
    """Told in the past, a step ahead cannot land after the report: stepped from the report's own
    day ('THE NEXT DAY THE DAS FACILITIES WERE ATTACKED', no day told before) it is unknown."""
    found = _PERIOD.match(value)
    if not (found and ctx.mode == "news" and ctx.published):
        return value
    start = safe_date(int(found[1]), int(found[2] or 1), int(found[3] or 1))
    return unknown(gran) if start and start > ctx.published and ctx.tense(*span) < 0 else value


def anaphoric_unit(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'the following year', 'that month': steps from the last mentioned date."""
    step = _ANAPHORIC[(g.get("shift") or "same").lower()]
    unit = g["unit"].lower()
    if unit in ("spring", "summer", "autumn", "winter"):
        ref = ctx.year_ref(span[0])
        code = lookup("seasons", unit)
        return f"{ref[0].year:04d}-{code}" if ref else f"XXXX-{code}"
    gran = _gran(unit)
    ref = ctx.year_ref(span[0]) if gran == "year" else ctx.anaphoric(fine=gran == "day", span=span)
    value = _at(ref, gran, step)
    if step > 0:
        value = _not_after_report(value, ctx, span, gran)
    return value + "-WE" if unit == "weekend" else value


def unit_before_after(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'the day before', 'the year after' (said of the last date mentioned)."""
    gran = _gran(g["unit"])
    step = -1 if g["dir"].lower() == "before" else 1
    value = _at(ctx.told(fine=gran == "day", span=span), gran, step)
    return _not_after_report(value, ctx, span, gran) if step > 0 else value


def rest_of_day(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'suspended for the rest of the day': told in the present or future in news, the report's
    day; told in the past, the day the story last told ('fighting went on throughout the day')."""
    if ctx.mode == "news" and ctx.published and ctx.tense(*span) >= 0:
        return ctx.published.isoformat()
    return _at(ctx.anaphoric(fine=True, span=span), "day", 0)


_RESTATED_BY = re.compile(r"[ \t]*(?:,|-|–|—)[ \t]*")
_THIRD_WORD = re.compile(r"[ \t]+\w+[ \t]+\S+[ \t]+\S+[ \t]+(\S+)")


def day_next_to_event(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'the day after the crossing': the day next to the last one told; set right after a day
    ('on 2 October 1950, the day after the crossing') it restates that day; before a clause
    ('the day before the guards found him') it is left alone, as a day the story may not tell."""
    verb = _THIRD_WORD.match(ctx.text, span[1])
    if verb is not None and ctx.looks_back(verb.group(1)):
        return None
    if ctx.last_day is not None and ctx.last_at <= span[0] and _RESTATED_BY.fullmatch(ctx.text, ctx.last_at, span[0]):
        return ctx.last_day.isoformat()
    return unit_before_after(g, ctx, span, args)


_HOURS = {"H": 1, "TM": 1 / 60, "S": 1 / 3600}
_CLOCK_UNITS = {"TM", "S"}  # a vague count of these cannot leave the day


def _steps(count, unit: str) -> tuple[str, int]:
    """Granularity and number of steps of 'N units': hours and minutes count as whole days
    ('two hours later' is the same day, '48 hours ago' two days back)."""
    code = lookup("units", unit)
    if code in _HOURS:
        return "day", round(float(count) * _HOURS[code] / 24)
    return _gran(unit), int(count)


_YEARS_IN = {"decade": 10, "century": 100}


def ago(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'two years ago': a step back from the reference, at the unit's precision; 'a few minutes
    ago' is still the reference day, as 'ten minutes ago' is."""
    count = _number(g["num"])
    if count == "X":
        return _at(ctx.deictic(), "day", 0) if lookup("units", g["unit"]) in _CLOCK_UNITS else "PAST_REF"
    gran, steps = _steps(count, g["unit"])
    if gran in _YEARS_IN and steps == 1:  # 'a decade ago' said in 2024 is 2014, a year, not the 2010s
        gran, steps = "year", _YEARS_IN[gran]
    return _at(ctx.deictic(), gran, -steps)  # 'three decades ago' keeps the decade (199), as 'two decades earlier' does


_NOW_IN_SENTENCE = re.compile(r"\b(?:now|currently|today|at present|these days)\b", re.IGNORECASE)


def _sentence_before(text: str, start: int) -> str:
    """The words of a span's clause before it (at most 200 characters back): what it is told against."""
    before = text[max(0, start - 200):start]
    return before[max((m.end() for m in _CLAUSE_END.finditer(before)), default=0):]


# 'from a year earlier', and with the figure compared between: 'from 6.1 percent a year earlier'
_COMPARED_WITH = re.compile(r"\b(?:from|than|with|over|against|on)(?:[ \t]+\d[\d.,]*(?:[ \t]*%|[ \t]+(?:percent|per[ \t]+cent|points?))?)?[ \t]+$", re.IGNORECASE)


def _period_a_year_back(g: Groups, ctx: Context, span: Span, count) -> str | None:
    """'rose 11.8 percent in December from a year earlier', 'fell in the fourth quarter compared
    with a year earlier': the same month (season, quarter, half) a year before the one just told."""
    if count != 1 or lookup("units", g["unit"]) != "Y" or not g["dir"].lower().startswith(("earlier", "before")):
        return None
    told = ctx.last_period
    if told is None or not _COMPARED_WITH.search(ctx.text, max(0, span[0] - 40), span[0]):
        return None
    if told[1] > span[0] or _CLAUSE_END.search(ctx.text, told[1], span[0]):
        return None
    value = told[0]  # '2024-12', '2024-Q4': Context.last_period keeps only a period of a written year
    return f"{int(value[:4]) - 1:04d}{value[4:]}"


_TOLD_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")


def quarter_before_told(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'fell in the fourth quarter from 2.0 percent in the previous three months': the quarter
    before the one just told in the same sentence; told after no quarter, the length (P3M)."""
    told = ctx.last_period
    found = _TOLD_QUARTER_VALUE.match(told[0]) if told else None
    if found is None or told[1] > span[0] or _CLAUSE_END.search(ctx.text, told[1], span[0]):
        return "P3M"
    year, number = int(found[1]), int(found[2]) - 1
    return f"{year - 1:04d}-Q4" if number == 0 else f"{year:04d}-Q{number}"


def later_earlier(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'two days later': a step from the last mentioned date ('days later': of unstated size)."""
    count = _number(g.get("num"))
    compared = _period_a_year_back(g, ctx, span, count)
    if compared is not None:
        return compared
    if count == "X" and lookup("units", g["unit"]) in _CLOCK_UNITS:  # 'a few minutes later': that day
        return _at(ctx.anaphoric(fine=True, span=span), "day", 0)
    if count == "X":
        return "PAST_REF" if g["dir"].lower().startswith(("earlier", "before", "previously")) else "FUTURE_REF"
    sign = -1 if g["dir"].lower().startswith(("earlier", "before", "previously")) else 1
    gran, steps = _steps(count, g["unit"])
    if sign < 0 and ctx.mode == "news" and _NOW_IN_SENTENCE.search(_sentence_before(ctx.text, span[0])):
        return _at(ctx.deictic(), gran if gran not in _YEARS_IN else "year",
                   sign * steps * _YEARS_IN.get(gran, 1))  # 'now wait four days, down from nine a year earlier'
    if gran in _YEARS_IN and steps == 1:  # 'in 1962 ... a decade later' is 1972, not the 1970s
        gran, steps = "year", _YEARS_IN[gran]
    value = _at(ctx.told(fine=gran == "day", span=span), gran, sign * steps)
    return _not_after_report(value, ctx, span, gran) if sign * steps > 0 else value


def current_unit(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'earlier this month': the unit that holds the reference; 'early in the month' the one that
    holds the date last told ('in May. Early in the month, ...'), when told finely enough."""
    gran = _gran(g["unit"])
    ref = ctx.anaphoric() if g.get("the") else None
    if ref is None or GRANS.index(ref[1]) > GRANS.index(gran):
        ref = ctx.deictic()
    return _at(ref, gran, 0)


def _in_first_half(day: dt.date, gran: str) -> bool:
    """Whether a day falls in the first half of its week, month or year."""
    if gran == "week":
        return day.isoweekday() <= 3
    return day.day <= 15 if gran == "month" else day.month <= 6


def edge_of_unit(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'the end of the year': the unit that holds the reference; in news, the previous one when
    told in the past before the unit's middle (not after 'until'), the next one for a start told
    of the future after it ('this' always keeps the current one)."""
    ref, gran = ctx.deictic(), _gran(g["unit"])
    step = 0
    if ctx.mode == "news" and ref and ref[1] == "day" and not g.get("this"):
        edge, tense, early = g["edge"].lower(), ctx.tense(*span), _in_first_half(ref[0], gran)
        if edge == "end" and tense < 0 and early and not _past_end(ctx, span):
            step = -1  # not an end a suspension runs 'until': 'halted exports until the end of the month
        elif edge in ("start", "beginning") and tense > 0 and not early:
            step = 1
    return _at(ref, gran, step)


_PART_DAY = {"this": 0, "yesterday": -1, "tomorrow": 1, "last": -1}


def day_part(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'this morning', 'last night': a part of a day near the reference; in a quotation, near the
    day the words were said ('a crash that took place this morning', quoted from yesterday)."""
    said = ctx.quoted_speech_day(span[0])
    ref = (said, "day") if said is not None else ctx.deictic()
    if g.get("tonight"):
        return _at(ref, "day", 0) + "TNI"
    return _at(ref, "day", _PART_DAY[g["word"].lower()]) + "T" + lookup("day_parts", g["part"])


@lru_cache(maxsize=1)
def _sudden_change() -> re.Pattern:
    """A verb of change of state, which makes 'overnight' mean 'suddenly' (rules/lexicon.yaml)."""
    return re.compile(rf"\b(?:{alternation(lexicon()['sudden_change_verbs'])})\b", re.IGNORECASE)


def overnight(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'roads were closed overnight': in news the night before the report's day, as 'last night'
    is; after a day the story told before the report's, that day's night ('On Thursday ... raided
    the office overnight'); told of the future, tonight. 'became a star overnight' is no time."""
    clause, _, _ = ctx.clause(*span)
    if _sudden_change().search(clause):
        return None
    if ctx.mode == "news":
        future = ctx.tense(*span) > 0
        day = None if future else ctx.story_day_before_report()
        if day is not None:
            return day.isoformat() + "TNI"
        return _at(ctx.deictic(), "day", 0 if future else -1) + "TNI"
    return _at(ctx.anaphoric(), "day", 0) + "TNI"


@lru_cache(maxsize=1)
def _weekday_range_start() -> re.Pattern:
    """A weekday that opens a range ending at the next one ('Monday to', 'Wednesday through',
    'Thursday-', 'between Monday and')."""
    link = r"[ \t]*(?:-|–|to|through|thru|until|till)[ \t]*"
    return re.compile(expand(rf"(?:\b(?P<weekday>{{WEEKDAY}}){link}|\bbetween[ \t]+(?P<start>{{WEEKDAY}})[ \t]+and[ \t]+)$"),
                      re.IGNORECASE)


def _range_end_weekday(ctx: Context, span: Span, number: int) -> dt.date | None:
    """The end of a written range of weekdays is the first such day after its start, as the
    start was read ('announced mourning, Wednesday through Friday', said on a Thursday, ends
    tomorrow; a past clause had put Friday last week, before its own start)."""
    found = _weekday_range_start().search(ctx.text, max(0, span[0] - 30), span[0])
    if not found or ctx.last_day is None:
        return None
    start_ends = found.end("weekday") if found["weekday"] else found.end("start")
    if ctx.last_at != start_ends:
        return None
    return weekday_near(ctx.last_day + dt.timedelta(days=1), number, 1)


@lru_cache(maxsize=1)
def _until_before() -> re.Pattern:
    """'until', 'through' right before a day (rules/lexicon.yaml, until_words)."""
    return re.compile(rf"\b(?:{alternation(lexicon()['until_words'])})[ \t]+$", re.IGNORECASE)


def _past_end(ctx: Context, span: Span) -> bool:
    """An end told in the past ('extended the red alert until 6 a.m. on Sunday', 'a visit through
    Friday') may lie on either side of the report: the nearest such day."""
    return bool(_until_before().search(ctx.text, max(0, span[0] - 8), span[0])) and ctx.tense(*span) < 0


# A weekday a thing is called or set for ('called a strike for Friday', 'protests for Sunday and'):
# 'for' right before it, and no possessive or noun after it ('blamed for Sunday's blast', 'for
# Friday prayers'); round 20.
_FOR_BEFORE = re.compile(r"\bfor[ \t]+$", re.IGNORECASE)
_NO_NOUN_AFTER = re.compile(r"(?![ \t]*['’]s\b)(?![ \t]+(?!(?:and|or|but|at|in|on|to|as|when|if|after|before|because|amid|with)\b)(?-i:[a-z]))")


def _set_for(ctx: Context, span: Span) -> bool:
    """The day a thing is called for, told with no future tense ('unions have called a strike for
    Friday'): it lies ahead of the call, so the nearest such day either side of the report."""
    return (bool(_FOR_BEFORE.search(ctx.text, max(0, span[0] - 8), span[0]))
            and bool(_NO_NOUN_AFTER.match(ctx.text, span[1])) and ctx.tense(*span) <= 0)


@lru_cache(maxsize=1)
def _done_after() -> re.Pattern:
    """A possessive and a noun of a thing done right after a weekday ('Thursday's agreement',
    'Monday's deadly blast'; not 'Sunday's planned march'; rules/lexicon.yaml, done_nouns)."""
    plans, nouns = alternation(lexicon()["plan_words"]), alternation(lexicon()["done_nouns"])
    return re.compile(rf"['’]s[ \t]+(?!(?:{plans})\b)(?:(?-i:[a-z][\w-]*)[ \t]+)?(?:{nouns})\b", re.IGNORECASE)


_APPOSED = re.compile(r"[ \t]*(?:,|\(|–|—)[ \t]*(?:which[ \t]+was[ \t]+|that[ \t]+was[ \t]+)?an?[ \t]+", re.IGNORECASE)


def _apposed_day(ctx: Context, span: Span, number: int) -> dt.date | None:
    """'on 11 March 2022, a Friday': a weekday set beside the day just told, and falling on it,
    names that day again (it must not become a day of its own, the report's week's)."""
    if ctx.last_day is None or ctx.last_day.isoweekday() != number:
        return None
    return ctx.last_day if _APPOSED.fullmatch(ctx.text, ctx.last_at, span[0]) else None


def weekday(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """A weekday: the one this/last/next names, else the nearest one the tense points to."""
    number = lookup("weekdays", g["weekday"])
    part = "T" + lookup("day_parts", g["part"]) if g.get("part") else ""
    ref = ctx.deictic() if ctx.mode == "news" else ctx.anaphoric()
    if ref is None or ref[1] != "day":
        return f"XXXX-WXX-{number}{part}"
    ranged = None if g.get("shift") or ctx.mode != "news" or part else \
        _apposed_day(ctx, span, number) or _range_end_weekday(ctx, span, number)
    if ranged:
        return ranged.isoformat()
    if g.get("shift"):
        direction = lookup("shifts", g["shift"]) or ctx.tense(*span)  # 'this Sunday, X crossed' is past
    elif ctx.mode == "narrative":
        direction = 1
    elif ref[0].isoweekday() == number:
        direction = 0
    elif _done_after().match(ctx.text, span[1]):
        direction = -1  # 'under Thursday's agreement, the troops will withdraw': done, so past
    elif ctx.ahead_of_past(*span) or _past_end(ctx, span) or _set_for(ctx, span):
        # 'said Tuesday the bridge would reopen Thursday', 'extended the alert until Sunday': the nearest
        direction = 1 if (number - ref[0].isoweekday()) % 7 < 4 else -1
    elif ctx.untold(*span):
        # no tense cue at all ('Monday is a rest day'): the coming day only when it is one or two
        # days ahead (the past one would be five or six days old), else the past one as before
        direction = 1 if (number - ref[0].isoweekday()) % 7 <= 2 else -1
    else:
        direction = 1 if ctx.future(*span) else -1
    day = weekday_near(ref[0], number, direction)
    if day == ref[0] and g.get("shift") and lookup("shifts", g["shift"]):
        day += dt.timedelta(days=7 * direction)  # 'next Tuesday' said on a Tuesday is a week on
    return day.isoformat() + part


@lru_cache(maxsize=1)
def _recurring() -> re.Pattern:
    """'every day', 'each market day', 'every Tuesday', 'each time', 'six mornings a week', 'nightly'
    (rules/lexicon.yaml, recurring): a day or an occasion that comes round again."""
    words = lexicon()["recurring"]
    every, units, adverbs, occasions, parts = (alternation(words[key]) for key in
                                               ("every", "units", "adverbs", "occasions", "parts"))
    per, weekday = alternation(lexicon()["habit"]["per"]), expand("{WEEKDAY}")
    return re.compile(rf"\b(?:(?:{every})[ \t]+(?:[a-z]+[ \t]+)?(?:{units})|(?:{every})[ \t]+(?:{weekday}|{occasions})"
                      rf"|{adverbs}|(?:{parts})[ \t]+(?:{per})[ \t]+week)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;!?][\"”’')\]]*\s+(?=[A-Z\"“])|\n")  # ends before the next clause's first letter


# The rest of a clock range after its first clock ('8 p.m.[ to 6 a.m.]'): what is read after a
# range's first clock starts past its end, as it does after its second (round 20).
_RANGE_REST = re.compile(r"[ \t]*(?:to|until|till|and|-|–)[ \t]*(?:\d{1,2}(?:[:.]\d{2})?(?:[ \t]*[ap]\.?[ \t]?m\b\.?)?|noon|midnight)",
                         re.IGNORECASE)


def _recurring_clock(text: str, span: Span) -> bool:
    """'the siren called the shift every day at 5:45 a.m.', 'from 7 a.m. to 4 p.m. each day': a
    clock of a recurring day falls on no one day (read in a bounded stretch, same sentence; past
    the rest of a range the clock opens)."""
    rest = _RANGE_REST.match(text, span[1], span[1] + 30)
    before, after = _clause_around(text, (span[0], rest.end() if rest else span[1]), 30, 25)
    recurring = _recurring()
    return (bool(recurring.search(before) or recurring.search(after)) or _hours_of_standing(text, span, rest)
            or _habit_range(text, span, rest))


@lru_cache(maxsize=1)
def _hours_noun() -> re.Pattern:
    """A noun whose hours recur every day, right before 'from' or 'between' ('a curfew from 8 p.m.
    to 6 a.m.', 'the curfew, from 9 p.m.'; rules/lexicon.yaml, standing.hours_nouns); not across a
    verb ('a curfew will apply from 8 p.m.' tonight)."""
    nouns = alternation(lexicon()["standing"]["hours_nouns"])
    return re.compile(rf"\b(?:{nouns})(?:[ \t]+hours)?[ \t]*,?[ \t]*\b(?:from|between)[ \t]+"
                      rf"(?:(?P<first>[^ \t]+(?:[ \t]+[ap]\.?[ \t]?m\b\.?)?)[ \t]+(?:to|until|till|and)[ \t]+)?$", re.IGNORECASE)


def _hours_of_standing(text: str, span: Span, rest: re.Match | None) -> bool:
    """Either clock of a range right after a noun of daily hours: 'a curfew from 8 p.m. to 6 a.m.'
    falls on no one day."""
    found = _hours_noun().search(_clause_around(text, span, 60, 0)[0])
    if not found:
        return False
    return bool(found.group("first")) or rest is not None


_RANGE_OPEN = re.compile(r"\b(?:from|between)[ \t]+(?:\d{1,2}(?:[:.]\d{2})?(?:[ \t]*[ap]\.?[ \t]?m\b\.?)?|noon|midnight)"
                         r"[ \t]*(?:to|until|till|and|-|–)[ \t]*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _range_habit() -> re.Pattern:
    """A habit's word, a rate or a stretch longer than a day (rules/lexicon.yaml, standing)."""
    words = lexicon()["standing"]
    every = rf"\b(?:every|each)[ \t]+(?:{expand('{WEEKDAY}')}|{alternation(words['every_units'])})\b"
    rate = expand(r"\b(?:{NUM}|a{SP}few|several){SP}(?:days|nights){SP}(?:a|an|per|each|every){SP}(?:week|month|year)\b")
    counted = [u for u in words["stretch_units"] if not u.startswith("a ")]
    single = [u for u in words["stretch_units"] if u.startswith("a ")]
    stretch = expand(r"\bfor{SP}(?:(?:{NUM}|several|a{SP}few){SP}(?:" + alternation(counted) + ")|"
                     + alternation(single) + r")\b")
    return re.compile("|".join((_habit_words().pattern, _habit().pattern, every, rate, stretch)), re.IGNORECASE)


_REGIME_START = re.compile(expand(r"\b(?:(?:from|since|starting|beginning)[ \t]+(?:on[ \t]+)?|"
                                  r"(?:every|each)[ \t]+(?:(?:{WEEKDAY})[ \t]*(?:,|and|or)[ \t]*)*)$"), re.IGNORECASE)


def _habit_range(text: str, span: Span, rest: re.Match | None) -> bool:
    """Either clock of a range in a sentence that tells a habit, a rate or a stretch of days ('the
    ferry normally runs from 6 a.m. to 10 p.m.', 'from 10 p.m. to 4 a.m. for ten days') recurs;
    not right after a day told ('on May 3 between 6 a.m. and noon'), unless that day starts a
    regime or recurs ('from December 1', 'every Friday')."""
    opened = _RANGE_OPEN.search(text, max(0, span[0] - 30), span[0])
    if rest is None and opened is None:
        return False
    whole = (opened.start() if opened else span[0], rest.end() if rest else span[1])
    before, after = _clause_around(text, whole, 150, 100)
    near = max(0, len(before) - 40)
    if any(not _REGIME_START.search(before, 0, day.start()) for day in _DAY_TOLD.finditer(before, near)):
        return False
    return bool(_range_habit().search(before + " " + after))


def _clause_around(text: str, span: Span, back: int, ahead: int) -> tuple[str, str]:
    """The words of a span's clause within ``back`` characters before it and ``ahead`` after it."""
    before, after = text[max(0, span[0] - back):span[0]], text[span[1]:span[1] + ahead]
    cut = _CLAUSE_END.search(after)
    return before[max((m.end() for m in _CLAUSE_END.finditer(before)), default=0):], after[:cut.start()] if cut else after


@lru_cache(maxsize=1)
def _standing() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A rule's words, a regime's start and plural weekdays (rules/lexicon.yaml, standing); a
    start is also 'from' before a month name alone ('from October', not 'from October 3')."""
    words = lexicon()["standing"]
    rules = re.compile(rf"\b(?:{alternation(words['rules'])})\b", re.IGNORECASE)
    starts = re.compile(rf"\b(?:{alternation(words['starts'])}|from[ \t]+{expand('{MONTHN}')}(?![ \t]*\d))\b",
                        re.IGNORECASE)
    return rules, starts, re.compile(rf"\b(?:{alternation(words['plural_days'])})\b", re.IGNORECASE)


_DAY_TOLD = re.compile(expand(r"\b(?:(?:{WEEKDAY})(?!s)|today|tonight|yesterday|tomorrow|this[ \t]+(?:morning|afternoon|evening)|"
                              r"(?:{MONTHN})[ \t]+\d{1,2}\b|\d{1,2}[ \t]+(?:{MONTHN}))\b"), re.IGNORECASE)
_BOUND_BEFORE = re.compile(r"\b(?:between|from|after|before|until|till|and|to)[ \t]+$", re.IGNORECASE)


def _standing_clock(text: str, span: Span) -> bool:
    """'work is banned between noon and 3 p.m.', 'lights go off after 11 p.m. from March', 'opens
    Sundays from 10 a.m.': a clock of a standing arrangement, in a sentence that tells no day."""
    before, after = _clause_around(text, span, 120, 100)
    sentence = before + " " + after
    if _DAY_TOLD.search(sentence):
        return False
    rules, starts, plural_days = _standing()
    if starts.search(sentence) or plural_days.search(sentence):
        return True
    return bool(rules.search(sentence)) and bool(_BOUND_BEFORE.search(before[-20:]))


def clock(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """A clock time on the day written beside it (``on``, set by the matcher's join), the
    weekday it names, or else the last day mentioned (in news; the publication day when none
    was); a written time zone becomes a UTC offset."""
    if ctx.mode == "news" and _bare_short_clock(g, ctx.text[span[0]:span[1]]):
        return None
    if g.get("on"):
        day = g["on"].split("T")[0]
        if args.get("day_start") and DAY_VALUE.match(day):
            return f"{day}T00:00"  # 'midnight on Saturday' joined: the midnight that begins it
    elif ctx.mode == "news" and (_recurring_clock(ctx.text, span) or _standing_clock(ctx.text, span)):
        day = "XXXX-XX-XX"
    elif g.get("weekday"):
        day = weekday({**g, "part": None}, ctx, span, args)
        if DAY_VALUE.match(day):  # 'at 9 a.m. on Tuesday. Police arrived at 9:40 a.m.': that Tuesday
            ctx.remember(day)
            ctx.last_at = span[1]
    elif ctx.mode == "news" and ctx.published and _entry_stamp(ctx.text, span):
        day = ctx.published.isoformat()
        ctx.remember(day)  # a live page's entry stamp ('10:47 Police have closed...'): told that day
    elif ctx.mode == "news" and ctx.last_day is not None:
        day = _bare_clock_day(ctx, span)
    else:
        day = _at(ctx.deictic(), "day", 0)
    time = _clock_time(g, _part_told(g))
    if time is None:
        return None
    if g.get("day_is_local") and g.get("local_clock") and DAY_VALUE.match(day):
        day = _day_in_zone(day, g["local_clock"], time)
    elif not g.get("on") and DAY_VALUE.match(day):
        day = _midnight_told_past(ctx, span, _past_midnight(ctx, span, day, time), time)
    ctx.last_clock = (day, time, span[1])
    return f"{day}T{time}" + zone_offset(g.get("zone"), day, time)


def _bare_clock_day(ctx: Context, span: Span) -> str:
    """A clock with no day beside it falls on the last day mentioned; told of the future, not
    before the report's ('since Friday ... The governor will speak at 11 a.m.' is today)."""
    day = ctx.anaphoric(fine=True, span=span)[0]
    if ctx.published and day < ctx.published and ctx.tense(*span) > 0:
        day = ctx.published
    return day.isoformat()


_RANGE_TO = re.compile(r"(?:\buntil|\btill|\bto|\bthrough|\band|-|–)[ \t]*$", re.IGNORECASE)


def _past_midnight(ctx: Context, span: Span, day: str, time: str) -> str:
    """'opened at 10 p.m. and ran until 1:30 a.m.', 'from 9 p.m. to 5 a.m.': the end of a range
    of clock times that runs past midnight falls on the day after its start; so does a morning
    clock told in the past after an evening one of the same paragraph ('reported at 10:40 p.m.
    on Thursday ... The runway reopened at 5:25 a.m.')."""
    last = ctx.last_clock
    if last is None or last[0] != day or last[1] <= time or last[1] == "24:00":
        return day
    between = ctx.text[last[2]:span[0]]
    ranged = span[0] - last[2] <= 60 and not _CLAUSE_END.search(between) and _RANGE_TO.search(between)
    if not (ranged or _night_passed(ctx, span, last[1], time, between)):
        return day
    return (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()


def _midnight_told_past(ctx: Context, span: Span, day: str, time: str) -> str:
    """A midnight told in the past on the report's day is the one that began it ('internet
    access, cut at around midnight, was restored' is the night before: T24:00 of the day before),
    since the one that ends it is still ahead."""
    if time != "24:00" or ctx.mode != "news" or ctx.published is None or day != ctx.published.isoformat():
        return day
    return (ctx.published - dt.timedelta(days=1)).isoformat() if ctx.tense(*span) < 0 else day


_LOOKS_BACK = re.compile(r"\b(?:had|earlier|before)\b", re.IGNORECASE)


def _night_passed(ctx: Context, span: Span, evening: str, morning: str, between: str) -> bool:
    """A morning clock told in the past, in the paragraph of an evening one before it, and not
    looking back ('had begun at 9 a.m.'): the story has gone on through the night, though not
    past the report's day."""
    if evening < "18:00" or morning >= "12:00" or "\n" in between or len(between) > 400:
        return False
    if ctx.published is not None and ctx.last_clock[0] >= ctx.published.isoformat():
        return False
    clause, left, _ = ctx.clause(*span)
    return ctx.tense(*span) < 0 and not _LOOKS_BACK.search(clause, 0, left)


_ENTRY_AFTER_STAMP = re.compile(r"[ \t]*(?:[-–—:|][ \t]*)?(?:$|[A-Z\"“‘'])", re.MULTILINE)


def _entry_stamp(text: str, span: Span) -> bool:
    """A clock time alone at the head of its line, the entry after it opening with a capital
    ('10:47 Police have closed...'): a live page's time stamp, not a time the text tells of."""
    reach = max(0, span[0] - 80)  # a bounded look back: a text with no line breaks costs no more per clock
    line = text.rfind("\n", reach, span[0])
    if line < 0 and reach > 0:
        return False
    before = text[line + 1:span[0]]
    return not before.strip() and text[span[0]:span[0] + 1].isdigit() and \
        bool(_ENTRY_AFTER_STAMP.match(text, span[1]))


def _day_in_zone(local_day: str, local: Groups, time: str) -> str:
    """The day of a zoned clock time restated from a local one on a local day: '10 p.m. EDT
    (0200 GMT) on Tuesday' is Wednesday in GMT (zones lie within half a day of each other)."""
    written = _clock_time(local)
    if written is None:
        return local_day
    local_minutes = _minutes(written)
    shift = (_minutes(time) - local_minutes) % (24 * 60)
    shift = shift - 24 * 60 if shift > 12 * 60 else shift
    days = (local_minutes + shift) // (24 * 60)
    return (dt.date.fromisoformat(local_day) + dt.timedelta(days=days)).isoformat()


def _minutes(clock_time: str) -> int:
    hours, minutes = clock_time.split(":")
    return int(hours) * 60 + int(minutes)


_PART_CODE = re.compile(r"T(MO|AF|EV|NI)$")


def _part_told(g: Groups) -> str | None:
    """The part of the day told with a clock time: its own words ('3:30 Tuesday morning') or
    the day it was joined to ('10:30 last night' reads the day 'last night')."""
    if g.get("part"):
        return lookup("day_parts", g["part"])
    found = _PART_CODE.search(g.get("on") or "")
    return found[1] if found else None


def _bare_short_clock(g: Groups, written: str) -> bool:
    """'stopped the fight at 2:56': a one-digit hour with minutes and nothing else (no a.m./p.m.,
    zone, 'hours' or day) is a race or round time; news writes a time of day '2:56 p.m.' or '02:56'."""
    hour = g.get("hour24") or ""
    return (len(hour) == 1 and not (g.get("zone") or g.get("on") or g.get("weekday") or g.get("local_clock"))
            and not re.search(r"h(?:ou)?rs?\b", written, re.IGNORECASE))


_INSTANT = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})")


def local_day(value: str, local: Groups) -> str | None:
    """The day where the event happened, for an instant restated in another zone with its local
    clock time: '2230 [0230 GMT ON 12 JANUARY]' fell on 11 January where it was 22:30."""
    found, written = _INSTANT.match(value), _clock_time(local)
    if found is None or written is None:
        return None
    zoned = dt.datetime.fromisoformat(f"{found[1]}T{found[2]}:{found[3]}")
    hours, minutes = (int(x) for x in written.split(":"))
    shift = (hours * 60 + minutes - zoned.hour * 60 - zoned.minute) % (24 * 60)
    shift = shift - 24 * 60 if shift > 12 * 60 else shift  # zones lie within half a day of each other
    return (zoned + dt.timedelta(minutes=shift)).date().isoformat()


def _clock_time(g: Groups, part: str | None = None) -> str | None:
    """'HH:MM' from the hour, minute and a.m./p.m. groups (noon and midnight by word); without
    a.m. or p.m., an afternoon or evening, or a night from six on, puts the hour after noon."""
    word = (g.get("word") or "").lower()
    if word:
        return "24:00" if word == "midnight" else "12:00"
    if g.get("second") and len(g.get("hour24") or "") == 1:
        return None  # '3:07:35' is a race time or a length, not a time of day
    hour = int(g.get("hour") or g["hour24"])
    minute = int(g.get("minute") or g.get("minute24") or 0)
    ampm = re.sub(r"[\s.]", "", (g.get("ampm") or "").lower())
    if not ampm and hour < 12 and (part in ("AF", "EV") or (part == "NI" and hour >= 6)):
        ampm = "p"
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if ampm and not ampm.startswith("o") and hour > 23:
        return None
    return f"{hour:02d}:{minute:02d}"


def zone_offset(zone: str | None, day: str, time: str) -> str:
    """'Z', '-04:00' for a written zone ('' when none, or when a named zone meets an unknown day)."""
    found = lookup("time_zones", zone) if zone else None
    if found is None:
        return ""
    if found[0] in "+-":
        return "Z" if found == "+00:00" else found
    try:
        moment = dt.datetime.fromisoformat(f"{day}T{time.replace('24:00', '23:59')}")
        offset = moment.replace(tzinfo=zoneinfo.ZoneInfo(found)).utcoffset()
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        return ""
    minutes = int(offset.total_seconds() // 60)
    return "Z" if minutes == 0 else f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


_TIME_UNITS = {"S", "TM", "H"}


def duration(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """A length of time: P3D, PT2H, PXY for an unspecified number."""
    code = lookup("units", g["unit"])
    count = _number(g.get("num")) if g.get("num") or not g["unit"].lower().endswith("s") else "X"
    if g.get("num") is None and not g["unit"].lower().endswith("s"):
        count = 1
    if code == "S" and (g.get("num") or "").lower() in ("a", "an"):
        return None  # "a second" is nearly always a rank in news, not a duration
    return _period(count, code)


def _period(count, code: str) -> str:
    """P3D, PT2H, P10Y (a decade), PXY (years)."""
    if code in ("DE", "CE") and count != "X":
        count, code = count * (10 if code == "DE" else 100), "Y"
    if code == "Q" and count != "X":
        count, code = count * 3, "M"  # ISO 8601 has no quarter: 'each quarter' is P3M
    letter = "M" if code == "TM" else code
    return ("PT" if code in _TIME_UNITS else "P") + f"{count}{letter}"


def duration_and_a_half(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'two and a half years' (P2.5Y), 'an hour and a half' (PT1.5H)."""
    count = 1 if g.get("single") else _number(g["num"])
    if not isinstance(count, (int, float)):
        return None
    return _period(count + 0.5, lookup("units", g.get("single") or g["unit"]))


def duration_composite(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'2 hours, 4 minutes and 11 seconds' (PT2H4M11S), '15 years, 8 months' (P15Y8M); weeks
    with days count as days (P17D). The rule's pattern lets only smaller units follow larger."""
    first = next(g[k] for k in ("y", "mo", "w", "d", "h", "mi") if g.get(k))
    counts = {lookup("units", unit): _number(number)  # 'X' for 'several'
              for number, unit in [(g["n1"], first), (g["n2"], g["u2"]), (g.get("n3"), g.get("u3"))] if unit}
    if isinstance(counts.get("W"), int) and isinstance(counts.get("D"), int):
        counts["D"] += 7 * counts.pop("W")
    written = {c: f"{n:g}" if isinstance(n, (int, float)) else "X" for c, n in counts.items()}
    date_part = "".join(f"{written[c]}{c}" for c in ("Y", "M", "W", "D") if c in written)
    time_part = "".join(f"{written[c]}{'M' if c == 'TM' else c}" for c in ("H", "TM", "S") if c in written)
    return "P" + date_part + ("T" + time_part if time_part else "")


_HALVES = {"H": (30, "TM"), "TM": (30, "S"), "D": (12, "H"), "Y": (6, "M"), "DE": (5, "Y"), "CE": (50, "Y")}


def half_unit(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'half an hour' (PT30M), 'half a century' (P50Y): in the next smaller unit where that is
    exact, else as a decimal ('half a week', P0.5W)."""
    code = lookup("units", g["unit"])
    count, smaller = _HALVES.get(code, (0.5, code))
    return _period(count, smaller)


def race_time(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'3:07:35' is PT3H7M35S."""
    return f"PT{int(g['hours'])}H{int(g['minutes'])}M{int(g['seconds'])}S"


def season_count(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'11 seasons' of a sport: eleven years (P11Y)."""
    word = re.sub(r"\s+", " ", g["num"].lower())
    count = 1 if word == "a single" else _number(word)
    return _period(count, "Y") if count else None


# A unit counted out with 'every' or 'each' ('every day', 'each week', 'every two weeks') or a
# rate ('per day') is the period between occurrences (P1D, P1W, P2W), as TimeML's guidelines and
# the TIMEX3 texts write it (TIMEX2's WikiWars wrote its one 'every day' XXXX-XX-XX); 'every
# weekend' is the weekend of any week (XXXX-WXX-WE: a weekend is no ISO length, so no period can
# say it). The adverbs ('daily', 'annually') stay calendar patterns, as TE3 and WikiWars write them.
def set_unit(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'every week' (P1W), 'per week' (P1W), 'every two weeks' (P2W); 'every morning'
    (XXXX-XX-XXTMO), 'every weekend' (XXXX-WXX-WE)."""
    if g.get("part"):
        return "XXXX-XX-XXT" + lookup("day_parts", g["part"])
    code = lookup("units", g["unit"])
    if code == "WE":
        return "XXXX-WXX-WE"
    count = _number(g.get("num")) if g.get("num") else 1
    return _period(count, code)


_SET_WORDS = {"daily": "XXXX-XX-XX", "weekly": "XXXX-WXX", "monthly": "XXXX-XX", "yearly": "XXXX",
              "annually": "XXXX", "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI", "quarterly": "P3M"}


def set_word(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'daily', 'annually' as the calendar pattern they repeat (XXXX-XX-XX, XXXX); in news the
    rates the rule's args name are periods ('weekly' P1W), as the TIMEX3 texts write them."""
    word = g["word"].lower()
    periods = args.get(ctx.mode, {}) if args else {}
    return periods.get(word) or _SET_WORDS[word]


def set_weekday(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'every Friday' is the weekday of any week."""
    return f"XXXX-WXX-{lookup('weekdays', g['weekday'])}"


def set_month(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'each April' is April of any year (XXXX-04); 'every spring' any year's spring (XXXX-SP)."""
    if g.get("month"):
        return f"XXXX-{_month(g['month']):02d}"
    return f"XXXX-{lookup('seasons', g['season'])}"


def set_day_of_year(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'every February 8' is that day of any year (XXXX-02-08): the day is part of what recurs."""
    month, day = _month(g.get("month") or g["month2"]), _day(g.get("dayfirst") or g["day"])
    return f"XXXX-{month:02d}-{day:02d}" if safe_date(2000, month, day) else None


def set_day_of_month(g: Groups, ctx: Context, span: Span, args: dict) -> str | None:
    """'the 15th of each month' is that day of any month (XXXX-XX-15), not the period P1M."""
    day = _day(g["day"]) if g.get("day") else lookup("ordinals", g["ordinal"])
    return f"XXXX-XX-{day:02d}" if isinstance(day, int) and 1 <= day <= 31 else None


NORMALISERS: dict[str, Callable[[Groups, Context, Span, dict], str | None]] = {
    fn.__name__: fn for fn in (
        unit_before_after, day_next_to_event, rest_of_day, weekend, year_in_era, season_habit, season_of_year, ordinal_day, month_of_year, week_of_month, holiday, anaphoric_part, ymd, md, restated_day, day_of_told_month, ym, month, year, year_short, year_bc, fiscal, decade, year_range_end, century, season, quarter, half, half_told, months_of_year, constant,
        day_word, then_and_now, moment_of_telling, overnight, shifted_unit, weekday_of_week, anaphoric_unit, edge_of_unit, ago, later_earlier, quarter_before_told, current_unit, day_part, weekday, running_part,
        clock, race_time, duration, duration_and_a_half, half_unit, duration_composite, season_count, set_unit, set_word, set_weekday, set_month, set_day_of_year, set_day_of_month)
}
