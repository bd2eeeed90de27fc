"""Deaths told by no act but the killing itself are a killing, not an attack.

The word "killed" is typed an attack where the triggers stage finds it, since it is the toll of
most violence ("stormed the school and killed four"). After co-reference, an event whose every
mention tells it only by that word, with no other violent word in any of their clauses, is a
killing (``lexicons/killings.yaml``): ACLED's attack is an act beside the deaths.
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


def _only_deaths(text: str, mention: EventMention) -> bool:
    """Whether a mention is told by the deaths alone: its trigger is the word, no other violence beside it."""
    words, _ = _cues()
    trigger = mention.trigger
    if mention.type != "attack" or not words.fullmatch(text[trigger.start:trigger.end].strip()):
        return False
    return not any(other.type in _VIOLENCE for other in mention.others)


def killings(state: DocState, options) -> DocState:
    """Stage: an event all of whose mentions tell only deaths is a killing."""
    chains: dict[int, list[EventMention]] = defaultdict(list)
    for i, mention in enumerate(state.events):
        chains[root_of(state, i)].append(mention)
    kind = _cues()[1]
    retyped = {root for root, mentions in chains.items()
               if all(_only_deaths(state.text, m) for m in mentions)}
    events = [replace(e, trigger=replace(e.trigger, type=kind)) if root_of(state, i) in retyped else e
              for i, e in enumerate(state.events)]
    return replace(state, events=events)
