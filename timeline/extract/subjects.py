"""Who a clause opening on its verb is about: the subject its commas split off before it.

'Pedro Osorio, a bodyguard of the newspaper, was killed': the clause the verb opens says nothing
of whom; the subject told over the eventless clauses before it does. The arguments stage reads it
as the patient of a passive verb; the subjects stage quotes it, so the evidence names who or what
the act was about ('the home of X, director of Y, was damaged in a terrorist attack').
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..taxonomy import of_class
from .lookup import clauses_before, events_of
from .phrases import end_before, phrase_before
from .roles import appositive_heads, passive
from .state import Clause, DocState, EventMention

RELATIVE = frozenset({"who", "whom", "whose", "which"})
_SUBJECT_AFTER = ("that", "when")  # connectives a split subject begins after
_VIOLENT = of_class("violence") - {"armed_clash"}


def subject_span(state: DocState, clause: Clause) -> tuple[int, int] | None:
    """Where the subject split over the earlier, eventless clauses of the sentence begins and
    ends: back over descriptions and relative clauses to the sentence start, a clause with an
    event or another connective ('said that X, a farmer, was killed' and 'vacant since 1 August
    when X, a party leader, was shot' begin after 'that' and 'when')."""
    start = None
    for previous in reversed(clauses_before(state, clause)):
        if previous.lead in RELATIVE:
            continue
        if _tells_act(state, previous) or previous.lead not in ("", "and", *_SUBJECT_AFTER):
            break
        start = previous.start + (len(previous.lead) if previous.lead in _SUBJECT_AFTER else 0)
        if previous.lead in _SUBJECT_AFTER:
            break
    return (start, clause.start) if start is not None else None


def _tells_act(state: DocState, clause: Clause) -> bool:
    """A clause that tells an act of its own; a description between commas whose only event word
    is a noun of no violence ('the radio station with the largest audience') tells none."""
    return any(e.trigger.kind != "noun" or e.type in _VIOLENT for e in events_of(state, clause))


def quote_split_subjects(state: DocState, options) -> DocState:
    """Stage: a passive clause that opens on its verb ('..., was assassinated this afternoon'), or
    violence told by a clause opening on its verb ('..., was damaged in a terrorist attack'), is
    quoted from the subject the commas split off ('the bodyguard ..., Pedro Luis Osorio, was
    assassinated'): the evidence says who or what the act was about."""
    starts = [_split_subject_start(state, event) for event in state.events]
    for event, start in zip(state.events, starts):
        if start is not None:
            event.clause = replace(event.clause, evidence=(start, event.clause.end))
    return state


def _split_subject_start(state: DocState, event: EventMention) -> int | None:
    """Where the subject of a clause opening on its verb begins, told before the clause."""
    text, clause, trigger = state.text, event.clause, event.trigger
    if clause.evidence or not _opens_on_verb(text, clause, trigger, event.type):
        return None
    if clause.lead in RELATIVE:  # 'the leader Hector Oqueli, who was kidnapped': from the antecedent's clause
        earlier = clauses_before(state, clause)
        if not earlier:
            return None
        if not events_of(state, earlier[-1]):
            lead_end = earlier[-1].start + len(earlier[-1].lead)
            return lead_end + len(text[lead_end:earlier[-1].end]) - len(text[lead_end:earlier[-1].end].lstrip())
        antecedent = phrase_before(text, end_before(text, clause.start), earlier[-1].start)
        return antecedent.start if antecedent else None
    span = subject_span(state, clause)
    heads = appositive_heads(text, *span) if span else ()
    return heads[0].start if heads else span[0] if span else None


_FINITE_FIRST = re.compile(r"\s*(?:was|were|is|are|has|have|had|did|does|do)\b", re.IGNORECASE)


def _opens_on_verb(text: str, clause: Clause, trigger, event_type: str) -> bool:
    """A passive with no subject before its verb, or violence told by a clause whose first word is
    its verb ('..., was damaged in a terrorist attack', '..., had not yet exploded')."""
    if trigger.kind == "verb" and passive(text, clause, trigger) and not phrase_before(text, trigger.start, clause.start):
        return True
    return event_type in _VIOLENT and _FINITE_FIRST.match(text, clause.start + len(clause.lead)) is not None
