"""A raid told with the arrests it made is that arrest (``lexicons/crowd.yaml`` ``raid_arrests``).

"Police raided the party's offices and arrested twelve activists", "arrested nine men in a raid
on Thursday": the raid is how the arrests were made, and the gold files keep one event, the
arrest, as ACLED's arrests do. A raid whose sentence tells harm (a death, a wound, shots: "raided
the camp, killing two") stays the violence it is; a raid told with no arrest in its sentence is
left to the crowd-control stage, and a siege or a cordon is a measure of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from . import lexicon
from .crowd import harm_pattern
from .lookup import root_of
from .state import DocState, EventMention


@cache
def _arrest_raids() -> re.Pattern:
    """The raid words that can tell how arrests were made (a siege or a cordon is a measure of its own)."""
    return re.compile(lexicon.load("crowd")["arrest_raids"], re.IGNORECASE)


def _raid_without_harm(state: DocState, mention: EventMention) -> bool:
    """Whether a mention of force is told by a raid word and its sentence names no harm."""
    raids, harm = _arrest_raids(), harm_pattern()
    word = state.text[mention.trigger.start:mention.trigger.end].strip()
    start, end = state.sentences[mention.clause.sentence]
    return (mention.type in ("attack", "coercion") and bool(raids.fullmatch(word))
            and not harm.search(state.text, start, end))


def raid_arrests(state: DocState, options) -> DocState:
    """Stage: an event first told as a raid with no harm, in a sentence that tells arrests, is an arrest."""
    kind = lexicon.load("crowd")["raid_arrests"]
    arrested = {m.clause.sentence for m in state.events if m.type == kind}
    first: dict[int, EventMention] = {}
    for i, mention in enumerate(state.events):
        first.setdefault(root_of(state, i), mention)
    retyped = {root for root, m in first.items()
               if m.clause.sentence in arrested and _raid_without_harm(state, m)}
    events = [replace(e, trigger=replace(e.trigger, type=kind)) if root_of(state, i) in retyped else e
              for i, e in enumerate(state.events)]
    return replace(state, events=events)
