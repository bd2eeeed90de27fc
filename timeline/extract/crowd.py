"""Crowd control told with no harm is coercion, not an attack (``lexicons/crowd.yaml``).

The verbs of force ("fired", "used ... tear gas") are typed an attack where the triggers stage
finds them. After co-reference, an attack each of whose mentions names non-lethal means of crowd
control in its clause and no word of wounding force, death, wounds or vessels is the taxonomy's coercion
(a dispersal), as the gold files and ACLED's interventions count it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from . import lexicon
from .lookup import chains, root_of
from .state import DocState, EventMention


@cache
def _cues() -> tuple[re.Pattern, re.Pattern, str]:
    """The means, the words that keep it an attack (harm, vessels) and the type of crowd.yaml, compiled once."""
    data = lexicon.load("crowd")
    means = re.compile(lexicon.words(data["means"]), re.IGNORECASE)
    kept = lexicon.words(f"{data['harm']}|{data['at_sea']}")
    return means, re.compile(kept, re.IGNORECASE), data["type"]


def harm_pattern() -> re.Pattern:
    """The words that keep force an attack (crowd.yaml harm and at_sea), read by the raid stage too."""
    return _cues()[1]


@cache
def _protest_cues() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A state's forces as a clause's subject, the crowds that protest and the raid words, from crowd.yaml."""
    data = lexicon.load("crowd")
    subject = r"^\W*(?:[\w'-]+\W+){0,%d}?" % data["subject_within"] + lexicon.words(data["forces"])
    crowds, raids = (re.compile(lexicon.words(data[key]), re.IGNORECASE) for key in ("crowds", "raids"))
    return re.compile(subject, re.IGNORECASE), crowds, raids


def _forces_protest(text: str, mention: EventMention) -> bool:
    """Whether a protest word is told of a state's forces: its clause's subject, with no crowd before the word."""
    if mention.type != "protest":
        return False
    forces, crowds, _ = _protest_cues()
    before = text[mention.clause.start:mention.trigger.start]
    return bool(forces.match(before)) and not crowds.search(before)


def _forces_raid(text: str, mention: EventMention) -> bool:
    """Whether an attack is a raid or siege by a state's forces, its clause's subject, that harms no one."""
    forces, _, raids = _protest_cues()
    word = text[mention.trigger.start:mention.trigger.end].strip()
    clause = text[mention.clause.start:mention.clause.end]
    return (mention.type == "attack" and bool(raids.fullmatch(word))
            and bool(forces.match(text[mention.clause.start:mention.trigger.start])) and not _cues()[1].search(clause))


def _controls_only(text: str, mention: EventMention) -> bool:
    """Whether an attack mention's clause names crowd-control means and no harm or vessel."""
    if mention.type != "attack":
        return False
    means, harm, _ = _cues()
    clause = text[mention.clause.start:mention.clause.end]
    return bool(means.search(clause)) and not harm.search(clause)


def _restricts(text: str, mentions: list[EventMention]) -> bool:
    """Whether every mention of an event tells crowd control with no harm, a state's forces doing a protest word, or their raid."""
    return any(all(told(text, m) for m in mentions) for told in (_controls_only, _forces_protest, _forces_raid))


def crowd_control(state: DocState, options) -> DocState:
    """Stage: an attack told only as crowd control with no harm, or a protest word done by forces, is coercion."""
    kind = _cues()[2]
    retyped = {root for root, mentions in chains(state).items() if _restricts(state.text, mentions)}
    events = [replace(e, trigger=replace(e.trigger, type=kind)) if root_of(state, i) in retyped else e
              for i, e in enumerate(state.events)]
    return replace(state, events=events)
