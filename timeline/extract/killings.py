"""Deaths told by no act but the killing itself are a killing, not an attack.

The word "killed" is typed an attack where the triggers stage finds it, since it is the toll of
most violence ("stormed the school and killed four"). After co-reference, an event whose every
mention tells it only by that word, with no other violent word in any of their clauses, is a
killing (``lexicons/killings.yaml``): ACLED's attack is an act beside the deaths. When the only
violent words beside the deaths name fighting ("killed three of the raiders in a clash by the
ford"), the deaths are the fighting's toll and the event is that fighting.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from functools import cache

from . import lexicon
from .lookup import root_of
from .state import DocState, EventMention
from ..taxonomy import of_class

_VIOLENCE = of_class("violence")


@cache
def _cues() -> tuple[re.Pattern, str]:
    """The words of killings.yaml and the type they give, compiled once."""
    data = lexicon.load("killings")
    return re.compile(r"(?:%s)" % data["words"], re.IGNORECASE), data["type"]


@cache
def _tolls_of() -> frozenset[str]:
    """The types of violence whose words beside the deaths make the deaths their toll."""
    return frozenset(lexicon.load("killings").get("toll_of", ()))


def _beside_deaths(text: str, mention: EventMention) -> set[str] | None:
    """The violent types told beside a mention told by the deaths word; None when its trigger is another word."""
    words, _ = _cues()
    trigger = mention.trigger
    if mention.type != "attack" or not words.fullmatch(text[trigger.start:trigger.end].strip()):
        return None
    return {other.type for other in mention.others if other.type in _VIOLENCE}


def _told_as(text: str, mentions: list[EventMention]) -> str | None:
    """The type of an event all of whose mentions tell deaths: a killing alone, fighting's toll beside fighting."""
    beside: set[str] = set()
    for mention in mentions:
        types = _beside_deaths(text, mention)
        if types is None:
            return None
        beside |= types
    if not beside:
        return _cues()[1]
    return next(iter(beside)) if len(beside) == 1 and beside <= _tolls_of() else None


def killings(state: DocState, options) -> DocState:
    """Stage: an event told only by its deaths is a killing, or the toll of the fighting told beside them."""
    chains: dict[int, list[EventMention]] = defaultdict(list)
    for i, mention in enumerate(state.events):
        chains[root_of(state, i)].append(mention)
    retyped = {root: kind for root, mentions in chains.items() if (kind := _told_as(state.text, mentions))}
    roots = [root_of(state, i) for i in range(len(state.events))]
    events = [replace(e, trigger=replace(e.trigger, type=retyped[root])) if root in retyped else e
              for e, root in zip(state.events, roots)]
    return replace(state, events=events)
