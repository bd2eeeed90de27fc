"""Live blogs: an entry stamped with a clock time ("14:45 - Gunmen have attacked ...") tells what
happened on the blog's day, so what it reports without a date of its own took place that day.

A stamp is a clock time opening a line, followed by a dash, a colon or a line break; a document is a
live blog only when at least ``MIN_STAMPS`` lines open so (one clock at a line's start is no genre).
An entry stamped before ``EARLY_HOURS`` may report the night before: it is dated to the two days.
A sentence's time keeps its act off the stamp, unless it is the blog's own day ('starting tonight')
or, for the entry's news, a clock range that a measure holds ('a curfew from 8 p.m. to 5 a.m.').
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import cache

from . import lexicon
from .lookup import cached, timexes_in
from .state import DocState, EventMention

MIN_STAMPS = 3
EARLY_HOURS = 6
_DAY_MINUTES = 24 * 60


@cache
def _stamp() -> re.Pattern:
    """A clock opening a line, its time zone if named (``lexicons/text.yaml``: ``stamp_zones``)."""
    zones = "|".join(map(re.escape, lexicon.load("text")["stamp_zones"]))
    return re.compile(rf"^[ \t]*([01]?\d|2[0-3])[:.]([0-5]\d)(?:[ \t]*(?:{zones}))?[ \t]*(?:[-–—|:][ \t]+|\n)", re.MULTILINE)


@cache
def clock_time() -> re.Pattern:
    """A clock time told in a sentence ('at about 3 a.m.', 'from 18:00'), which a tagger may leave
    unresolved without a day: it times what the sentence tells, not the entry's stamp."""
    return re.compile(r"(?<![\w:.])(?:(?:[01]?\d|2[0-3])[:.][0-5]\d|(?:1[0-2]|0?\d)(?:[:.][0-5]\d)?\s*[ap]\.?m\.?)(?![\w:])",
                      re.IGNORECASE)


def stamps(text: str) -> list[tuple[int, int]]:
    """(where the entry opens, its minute of the day) of every stamped entry, in text order (minutes,
    not hours: two entries of one hour still follow each other); none unless the document holds
    enough stamps to be a live blog."""
    found = [(m.start(), int(m.group(1)) * 60 + int(m.group(2))) for m in _stamp().finditer(text)]
    return found if len(found) >= MIN_STAMPS else []


def stamps_of(state: DocState) -> list[tuple[int, int]]:
    """The document's stamped entries, found once per document: the anchoring stage dates each
    entry's events by them and the ordering stage orders entries by them."""
    return cached(state, "liveblog_stamps", state.sentences, lambda _: stamps(state.text))


def entry_index(entries: list[tuple[int, int]], position: int) -> int | None:
    """The index of the entry a position lies in, or None before the first stamp."""
    index = bisect.bisect_right(entries, position, key=lambda entry: entry[0]) - 1  # no list of starts built per event
    return index if index >= 0 else None


def entry_minute(entries: list[tuple[int, int]], position: int) -> int | None:
    """The minute of the day of the entry a position lies in, or None before the first stamp."""
    index = entry_index(entries, position)
    return entries[index][1] if index is not None else None


def clock_ranks(entries: list[tuple[int, int]]) -> list[int]:
    """Each entry's rank in clock order: a blog whose stamps mostly fall from one entry to the next
    is told newest first and read backwards (ranks, not hours: a blog may run past midnight)."""
    steps = [(later[1] - earlier[1]) % _DAY_MINUTES for earlier, later in zip(entries, entries[1:])]  # 23:40 -> 00:15 is on
    newest_first = sum(step > _DAY_MINUTES // 2 for step in steps) > sum(0 < step < _DAY_MINUTES // 2 for step in steps)
    return [len(entries) - 1 - n for n in range(len(entries))] if newest_first else list(range(len(entries)))


@cache
def _clock_range() -> re.Pattern:
    """'a curfew from 7 p.m. to 5 a.m.': the hours a measure holds, not when the entry's news happened."""
    clock = clock_time().pattern.replace("(?<![\\w:.])", "").replace("(?![\\w:])", "")
    return re.compile(rf"\b(?:from|between)\s+{clock}\s*(?:to|and|until|till|-|–)\s*{clock}", re.IGNORECASE)


def names_other_time(state: DocState, start: int, end: int, clocks: bool = True) -> bool:
    """A sentence naming a time other than the blog's own day ('in 2024', 'the next day', or with
    ``clocks`` 'at about 3 a.m.'): what it tells is timed by that, not by the entry's stamp.
    'Tonight' or 'this morning' is the blog's day, and a clock range is the hours a measure holds."""
    own, inside = state.published.isoformat() if state.published else None, timexes_in(state, start, end)
    if any(t.edtf != own for t in inside) or \
            bisect.bisect_left(state.timex_starts, end) - bisect.bisect_left(state.timex_starts, start) > len(inside):
        return True
    text = _clock_range().sub(" ", state.text[start:end]) if clocks else ""
    return clock_time().search(text, 1) is not None  # not the stamp opening the entry


def date_entry(state: DocState, event: EventMention, entries: list[tuple[int, int]]) -> None:
    """An asserted event left undated inside a stamped entry happened on the blog's day (the day
    before too, for an entry stamped in the small hours); not one whose sentence names any time,
    which is background told in passing ('when crowds stormed it in 2024 ... the next day')."""
    if event.date is not None or event.modality != "asserted" or state.published is None:
        return
    start, end = state.sentences[event.clause.sentence]
    if names_other_time(state, start, end, clocks=False):  # a clock time of the blog's day dates nothing else
        return
    minute = entry_minute(entries, event.clause.start)
    if minute is None:
        return
    day = state.published
    event.date = day.isoformat() if minute >= EARLY_HOURS * 60 else f"{(day - dt.timedelta(days=1)).isoformat()}/{day.isoformat()}"
