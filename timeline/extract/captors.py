"""An arrest by irregular or unidentified hands, or one whose captives vanish, is an abduction.

ACLED files a detention by non-state armed men, or one followed by the person's disappearance,
as an abduction or forced disappearance; MUC-4 keys record it as a kidnapping. The arrest's own
agent decides (``lexicons/captors.yaml``): 'arrested by armed men in civilian clothes' is an
abduction, 'gunmen were arrested by the police' stays an arrest. So does what befell the people
taken, whoever took them: missing since the arrest, held where no one knows or not seen since,
told in the arrest's sentence. An arrest told by a verb sharing a subject told before it ('rebels
of the front stormed the village and captured the priest', 'they captured') has no agent in its
clause: once the arguments have named its actors, all of them armed groups of no state (none named
among the people taken) make it an abduction too; PLOVER codes combatants captured in a conflict
as ASSAULT 'abduct', not COERCE 'arrest'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from . import lexicon
from .groups import is_irregular_group
from .lookup import mentions_in
from .phrases import Phrase
from .roles import passive, roles_of
from .state import DocState, EventMention

DETENTIONS = frozenset({"arrest"})
_AGENT_REACH = 60  # characters after the agent's head that still describe it ('... in civilian clothes')


@dataclass(frozen=True)
class _Cues:
    """The compiled cues of ``captors.yaml``."""

    captors: re.Pattern
    vanishing: re.Pattern
    taker_before: re.Pattern  # the words right before an arrest whose taker is told before its clause
    taker_pronoun: re.Pattern  # an agent that is a group told before


@cache
def _cues() -> _Cues:
    """The captor and vanishing cues of captors.yaml, compiled once: every arrest is checked against them."""
    data = lexicon.load("captors")
    groups = lexicon.load("groups")
    names = [word for name in data["captor_groups"] for word in groups[name]]
    captors = "|".join([lexicon.alternation(names), *data["captor_words"]])
    return _Cues(re.compile(lexicon.words(captors), re.IGNORECASE),
                 re.compile(lexicon.words("|".join(data["vanishing"])), re.IGNORECASE),
                 re.compile(rf"(?<![\w-])(?:{data['taker_before']})\s*$", re.IGNORECASE),
                 re.compile(data["taker_pronoun"], re.IGNORECASE))


def _agent_span(state: DocState, event: EventMention) -> tuple[int, int] | None:
    """Where the taking's agent is told, with the words after its head that describe it, never
    reaching the taking's own object; None when the clause names no agent."""
    clause, trigger = event.clause, event.trigger
    agent = roles_of(state.text, clause, trigger, event.type).agent
    if agent is None:
        return None
    stop = trigger.start if agent.start < trigger.start else clause.end
    return agent.start, min(stop, agent.end + _AGENT_REACH)


def _irregular_agent(state: DocState, event: EventMention) -> bool:
    """Whether the arrest's agent names irregular or unidentified hands or an armed group that is no state's unit."""
    span = _agent_span(state, event)
    if span is None:
        return False
    start, end = span
    named = mentions_in(state, event.clause.start, end)  # with a name the agent's head ends ('members of the Shining Path')
    return bool(_cues().captors.search(state.text, start, end)) or any(
        m.kind == "actor" and m.end > start and is_irregular_group(m.name) for m in named)


def captives_vanished(state: DocState, event: EventMention) -> bool:
    """Whether the people an arrest took vanished, told after it in its sentence (up to a ';',
    after which a list tells of others)."""
    text, trigger = state.text, event.trigger
    end = state.sentences[event.clause.sentence][1]
    item_end = text.find(";", trigger.end, end)  # a list's next item tells of other people
    return _cues().vanishing.search(text, trigger.end, end if item_end < 0 else item_end) is not None


def is_abduction(state: DocState, event: EventMention) -> bool:
    """Whether an arrest is an abduction: irregular hands took the people, or they vanished."""
    return _irregular_agent(state, event) or captives_vanished(state, event)


def held_by_armed_groups(state: DocState, event: EventMention) -> bool:
    """Whether an active arrest whose clause names no taker of its own (a verb sharing the subject
    before it, 'they') was made by actors, as the arguments and the attribution named them, that
    are all armed groups of no state, none told among the people taken: who holds the people
    decides, not the verb."""
    if passive(state.text, event.clause, event.trigger):
        return False  # 'forty members of the front were captured': a party named about it is as often the taken
    roles = roles_of(state.text, event.clause, event.trigger, event.type)
    if roles.agent is None:
        shared = _cues().taker_before.search(state.text[event.clause.start:event.trigger.start])
        if shared is None:
            return False  # 'X, captured while ...': a participle with no subject names no taker
    elif not _cues().taker_pronoun.fullmatch(roles.agent.text):
        return False  # the clause's own agent decides (``is_abduction``)
    taken = _named_among_the_taken(state, event, roles.patients)
    return bool(event.actors) and all(_irregular_party(a) and a not in taken for a in event.actors)


def _named_among_the_taken(state: DocState, event: EventMention, patients: tuple[Phrase, ...]) -> set[str]:
    """The parties named among the people an arrest took: in its patients ('forty members of the
    front were captured') or after its trigger in its clause ('arrested along with a cartel member')."""
    spans = [(p.start, p.end + _AGENT_REACH) for p in patients] + [(event.trigger.end, event.clause.end)]
    return {m.name for a, b in spans for m in mentions_in(state, a, min(b, event.clause.end)) if m.kind == "actor"}


def _irregular_party(actor: str) -> bool:
    """An actor that is an armed group of no state ('Shining Path') or named by irregular hands
    ('Group of Subversives', 'unidentified gunmen')."""
    return is_irregular_group(actor) or _cues().captors.search(actor) is not None


def armed_captors(state: DocState, options) -> DocState:
    """Stage: arrests whose taker, told before their clause, is an irregular armed group are
    abductions (after the arguments and the attribution, which name it)."""
    events = [_retyped(e, "abduction") if e.type in DETENTIONS and held_by_armed_groups(state, e) else e
              for e in state.events]
    return replace(state, events=events)


def irregular_captors(state: DocState, options) -> DocState:
    """Stage: arrests by irregular hands, or after which the people taken vanish, are abductions."""
    events = [_retyped(e, "abduction") if e.type in DETENTIONS and is_abduction(state, e) else e
              for e in state.events]
    return replace(state, events=events)


def _retyped(event: EventMention, kind: str) -> EventMention:
    """The event with its trigger's type changed."""
    return replace(event, trigger=replace(event.trigger, type=kind))
