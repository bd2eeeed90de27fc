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
from dataclasses import replace
from functools import cache

from . import lexicon
from .lookup import chains, root_of
from .state import DocState, EventMention
from ..taxonomy import of_class

_VIOLENCE = of_class("violence")


@cache
def _cues() -> tuple[re.Pattern, str]:
    """The words of killings.yaml and the type they give, compiled once."""
    data = lexicon.load("killings")
    return re.compile(r"(?:%s)" % data["words"], re.IGNORECASE), data["type"]


@cache
def _by_hand() -> tuple[re.Pattern, re.Pattern]:
    """The weapon verbs done to a person, and the words after them that tell the person died."""
    data = lexicon.load("killings")
    return re.compile(r"(?:%s)" % data["by_hand"], re.IGNORECASE), re.compile(data["died_after"], re.IGNORECASE)


@cache
def _tolls_of() -> frozenset[str]:
    """The types of violence whose words beside the deaths make the deaths their toll."""
    return frozenset(lexicon.load("killings").get("toll_of", ()))


def _told_by(text: str, mention: EventMention) -> str | None:
    """How an attack mention is told: 'deaths', 'by_hand', 'by_hand_died' (a death right after), else None."""
    trigger = mention.trigger
    word = text[trigger.start:trigger.end].strip()
    if mention.type != "attack":
        return None
    if _cues()[0].fullmatch(word):
        return "deaths"
    verbs, died = _by_hand()
    if not verbs.fullmatch(word):
        return None
    return "by_hand_died" if died.match(text, trigger.end) else "by_hand"


def _told_as(text: str, mentions: list[EventMention]) -> str | None:
    """The type of an event all of whose mentions tell deaths: a killing alone, fighting's toll beside fighting.

    A weapon verb done to a person counts as the killing itself when the chain tells the death too."""
    told = [_told_by(text, mention) for mention in mentions]
    if None in told or set(told) == {"by_hand"}:
        return None
    beside = {other.type for mention in mentions for other in mention.others if other.type in _VIOLENCE}
    if not beside:
        return _cues()[1]
    by_hand = any(kind != "deaths" for kind in told)
    return next(iter(beside)) if not by_hand and len(beside) == 1 and beside <= _tolls_of() else None


def killings(state: DocState, options) -> DocState:
    """Stage: an event told only by its deaths is a killing, or the toll of the fighting told beside them."""
    retyped = {root: kind for root, mentions in chains(state).items() if (kind := _told_as(state.text, mentions))}
    roots = [root_of(state, i) for i in range(len(state.events))]
    events = [replace(e, trigger=replace(e.trigger, type=retyped[root])) if root in retyped else e
              for e, root in zip(state.events, roots)]
    return replace(state, events=events)
