"""A bombing done by a state's armed forces is a bombardment (an air strike), not a device planted.

ACLED files bombing by state forces as an air or drone strike or shelling, and the MUC-4 keys
record it as an ATTACK; a bomb planted by an armed group stays a bombing. The bombing verb's own
agent decides (``lexicons/bombardment.yaml``): 'the army bombed the villages' is a bombardment,
'a bus carrying soldiers was bombed by rebels' and 'the National Liberation Army bombed a
pipeline' (an armed group named an army) stay bombings.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from . import lexicon
from .groups import is_armed_group
from .lookup import mentions_in
from .roles import roles_of
from .state import DocState, EventMention


@cache
def _cues() -> tuple[re.Pattern, re.Pattern, str]:
    """The verb and forces patterns of bombardment.yaml and the type they give, compiled once."""
    data = lexicon.load("bombardment")
    verbs = re.compile(r"(?:%s)" % data["verbs"], re.IGNORECASE)
    forces = re.compile(lexicon.words(lexicon.alternation(data["forces"])), re.IGNORECASE)
    return verbs, forces, data["type"]


def is_bombardment(state: DocState, event: EventMention) -> bool:
    """Whether a bombing is told by the verb 'bomb' whose agent names state forces, and no armed group."""
    verbs, forces, _ = _cues()
    text, trigger = state.text, event.trigger
    if event.type != "bombing" or not verbs.fullmatch(text[trigger.start:trigger.end].strip()):
        return False
    agent = roles_of(text, event.clause, trigger, event.type).agent
    if agent is None or not forces.search(text, agent.start, agent.end):
        return False
    return not any(m.kind == "actor" and is_armed_group(m.name) for m in mentions_in(state, agent.start, agent.end))


def bombardments(state: DocState, options) -> DocState:
    """Stage: bombings by a state's armed forces are air strikes."""
    kind = _cues()[2]
    events = [replace(e, trigger=replace(e.trigger, type=kind)) if is_bombardment(state, e) else e
              for e in state.events]
    return replace(state, events=events)
