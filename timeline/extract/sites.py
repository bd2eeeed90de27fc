"""Violence told at a list of places is one incident per place: 'destroyed power poles in
Guazapa, Chalatenango and Ilobasco' tells three acts of sabotage, as MUC-4 keys and ACLED (one
event per place and day) count them. The event is copied once per further place, each copy
placed there; the words between the places decide what a list is (lexicons/sites.yaml).
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from functools import cache

from ..taxonomy import of_class
from . import lexicon
from .casing import name_like
from .lookup import mentions_in
from .state import DocState, EventMention, Mention


@cache
def _rules() -> dict:
    return lexicon.load("sites")


@cache
def _pattern(key: str) -> re.Pattern:
    return re.compile(_rules()[key], re.IGNORECASE)


def _is_place(mention: Mention) -> bool:
    return mention.kind == "place" or mention.name in lexicon.coordinates()


def _place_at(mentions: list[Mention], position: int) -> Mention | None:
    return next((m for m in mentions if m.start == position and _is_place(m)), None)


def _unknown_name(text: str, position: int, caps: bool) -> tuple[str, int] | None:
    """An unknown name of one to three name-like words standing where a list goes on."""
    found = _pattern("item").match(text, position)
    if not found or not all(name_like(w, caps) for w in found.group(1).split()):
        return None
    return found.group(1).title() if caps else found.group(1), found.end(1)


def places_listed(text: str, first: Mention, mentions: list[Mention], end: int, caps: bool) -> list[str]:
    """The places a list adds after its first place ('in X, Y, and Z'): known places wherever
    the list goes on; a name no gazetteer knows only inside a list run by commas. A list closes
    on 'and': 'in Nueva Florida, Miraflores municipality' names one place and the one holding it."""
    names, position, commas, closed = [], first.end, 0, 0
    while position < end:
        joint = _pattern("joint").match(text, position, end)
        if not joint:
            break
        comma = "," in joint.group(0)
        place = _place_at(mentions, joint.end())
        unknown = None if place else _unknown_name(text, joint.end(), caps)
        if place:
            names.append(place.name)
            position = place.end
        elif unknown and (comma or commas) and _pattern("list_end").match(text, unknown[1]):
            names.append(unknown[0])
            position = unknown[1]
        else:  # 'in Chalatenango, San Antonio, and north [word indistinct]': the comma list holds
            closed = len(names) if commas and "and" in joint.group(0).lower() else closed
            break
        commas += comma
        closed = len(names) if "and" in joint.group(0).lower() else closed
    return [n for n in dict.fromkeys(names[:closed]) if n != first.name]


def _first_place(state: DocState, event: EventMention, mentions: list[Mention], sentence: tuple[int, int]) -> Mention | None:
    """The mention that placed the event, told after a locative word ('in', 'in the towns of')."""
    for mention in mentions:
        if mention.name == event.location and _is_place(mention) \
                and _pattern("locative").search(state.text, max(sentence[0], mention.start - 40), mention.start):
            return mention
    return None


def _apart(state: DocState, event: EventMention) -> list[EventMention]:
    """The event, and one copy per further place its list names."""
    if event.type not in of_class("violence") or not event.location:
        return [event]
    sentence = state.sentences[event.clause.sentence]
    mentions = mentions_in(state, *sentence)  # the sentence's own names: work stays linear in the text
    first = _first_place(state, event, mentions, sentence)
    if first is None:
        return [event]
    places = places_listed(state.text, first, mentions, sentence[1], state.caps)
    return [event] + [replace(copy.deepcopy(event), location=place) for place in places]


def split_sites(state: DocState, options) -> DocState:
    """Stage: violence told at several places listed becomes one event per place."""
    return replace(state, events=[part for event in state.events for part in _apart(state, event)])
