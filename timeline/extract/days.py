"""Violence told on a list of days is one incident per day: 'were kidnapped on 12 and 13
February' tells two acts, as the MUC-4 keys and ACLED (one event per place and day) count them.
The event keeps the first day its date expression gave; one copy is dated on each further day
of the list (lexicons/days.yaml). A span ('12-13 May') or an uncertain day ('12 or 13 May') is
no list and stays one event.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import replace
from functools import cache

from ..taxonomy import of_class
from . import lexicon
from .state import DocState, EventMention

_NUMBER = re.compile(r"\d{1,2}")


@cache
def _patterns() -> tuple[re.Pattern, ...]:
    """The two orders of a list of days in days.yaml (days then month, month then days), compiled once."""
    data = lexicon.load("days")
    return tuple(re.compile(data[key], re.IGNORECASE) for key in ("days_then_month", "month_then_days"))


def days_listed(text: str) -> list[int]:
    """The day numbers of the first list of days in ``text`` ('12 and 13 February': [12, 13])."""
    for pattern in _patterns():
        found = pattern.search(text)
        if found:
            return [int(n) for n in _NUMBER.findall(found.group("days"))]
    return []


def _day(event: EventMention) -> dt.date | None:
    """The one day an event is dated to, or None when its date is not a single day."""
    try:
        return dt.date.fromisoformat(event.date or "")
    except ValueError:
        return None


def _apart(state: DocState, event: EventMention) -> list[EventMention]:
    """The event, and one copy per further day of the list its clause dates it by."""
    day = _day(event)
    if day is None or not event.date_stated or event.type not in of_class("violence"):
        return [event]
    listed = days_listed(state.text[event.clause.start:event.clause.end])
    if day.day not in listed:
        return [event]
    copies = []
    for number in dict.fromkeys(listed):
        try:
            other = day.replace(day=number)
        except ValueError:
            continue
        if other != day:
            copies.append(replace(copy.deepcopy(event), date=other.isoformat()))
    return [event] + copies


def split_days(state: DocState, options) -> DocState:
    """Stage: violence told on several days listed becomes one event per day."""
    return replace(state, events=[part for event in state.events for part in _apart(state, event)])
