"""Confidence stage: how sure an event is, from its trigger, its arguments and its evidence."""

from __future__ import annotations

import re
from functools import cache

from ..taxonomy import of_class
from . import lexicon
from .anchoring import ANNOUNCED, DONE_BY_REPORT
from .modality import PROTASIS, STANDING
from .state import DocState, EventMention

_QUOTATION = re.compile(r"[\"“][^\"”]{12,}[\"”]")


@cache
def _occasion() -> re.Pattern:
    """The participles that open a speech's occasion (triggers.yaml speech_occasion), compiled once."""
    return re.compile(rf"\s*(?:{lexicon.load('triggers')['speech_occasion']['pattern']})\b", re.IGNORECASE)


def speech_occasion(state: DocState, event: EventMention) -> bool:
    """'Asked about funding, X said ...', '..., speaking at a council meeting': a participle clause
    that frames a reported speech tells no event of its own (lexicons/triggers.yaml)."""
    clause = event.clause
    if clause.lead or not _occasion().match(state.text, clause.start, clause.end):
        return False
    before = state.text[state.sentences[clause.sentence][0]:clause.start].rstrip()
    return not before or before.endswith(",")


_VIOLENCE = of_class("violence")


@cache
def _figurative_object() -> re.Pattern:
    """'on' or 'against' and an idea or ill within a few words (triggers.yaml figurative), compiled once."""
    targets = lexicon.load("triggers")["figurative"]["targets"]
    return re.compile(rf"\s+(?:on|against)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{targets})\b", re.IGNORECASE)


def figurative(state: DocState, event: EventMention) -> bool:
    """'an assault on free speech', 'a war on drugs': violence aimed at an idea or an ill is a figure
    of speech (lexicons/triggers.yaml figurative)."""
    return (event.type in _VIOLENCE and event.trigger.kind == "noun"
            and _figurative_object().match(state.text, event.trigger.end) is not None)


@cache
def _renaming() -> re.Pattern:
    """A verb of calling or judging, its object and 'as' right before a noun (triggers.yaml renamed)."""
    entry = lexicon.load("triggers")["renamed"]
    return re.compile(rf"\b(?:{entry['verbs']})\s+(?:[\w'’-]+\s+){{0,{int(entry['object_words'])}}}?as\s+[\"“]?"
                      rf"(?:(?:an?|the)\s+)?(?:[\w'’-]+\s+){{0,{int(entry['modifiers'])}}}$", re.IGNORECASE)


def renamed(state: DocState, event: EventMention) -> bool:
    """'condemned the raid as an abduction': a noun that renames what its clause's verb of calling or
    judging is about is no act of its own (lexicons/triggers.yaml renamed)."""
    start = max(state.sentences[event.clause.sentence][0], event.trigger.start - 150)  # 'as' may open a clause
    return event.trigger.kind == "noun" and _renaming().search(state.text, start, event.trigger.start) is not None


def score(state: DocState, options) -> DocState:
    """Stage: raise events with named participants, keep bare reporting verbs below the bar."""
    for event in state.events:
        if PROTASIS in event.cues or speech_occasion(state, event) or figurative(state, event) or renamed(state, event):  # kept only to link mentions
            event.confidence = 0.3
            continue
        if STANDING in event.cues and not event.date_stated:  # a stance held, told with no date of its own
            event.confidence = 0.45
            continue
        has_args = bool(event.actors or event.people or event.targets)
        if event.trigger.weight == 0:
            quoted = _QUOTATION.search(state.text, event.clause.start, event.clause.end)
            event.confidence = 0.55 if quoted and event.people else 0.4
            continue
        if has_args:
            event.confidence = min(0.95, event.confidence + 0.1)
        if event.date_stated and not {ANNOUNCED, DONE_BY_REPORT} & set(event.cues):  # a date of its own, not the report's
            event.confidence = min(0.95, event.confidence + 0.05)
        event.confidence = round(event.confidence, 6)  # 0.7 - 0.25 + 0.05 is 0.5, not 0.4999...
    return state
