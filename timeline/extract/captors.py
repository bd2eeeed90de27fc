"""An arrest by irregular or unidentified hands, or one whose captives vanish, is an abduction.

ACLED files a detention by non-state armed men, or one followed by the person's disappearance,
as an abduction or forced disappearance; MUC-4 keys record it as a kidnapping. The arrest's own
agent decides (``lexicons/captors.yaml``): 'arrested by armed men in civilian clothes' is an
abduction, 'gunmen were arrested by the police' stays an arrest. So does what befell the people
taken, whoever took them: missing since the arrest, held where no one knows or not seen since,
told in the arrest's sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from . import lexicon
from .groups import is_irregular_group
from .lookup import mentions_in
from .roles import roles_of
from .state import DocState, EventMention

DETENTIONS = frozenset({"arrest"})
_AGENT_REACH = 60  # characters after the agent's head that still describe it ('... in civilian clothes')


@dataclass(frozen=True)
class _Cues:
    """The compiled cues of ``captors.yaml``."""

    captors: re.Pattern
    vanishing: re.Pattern


@cache
def _cues() -> _Cues:
    """The captor and vanishing cues of captors.yaml, compiled once: every arrest is checked against them."""
    data = lexicon.load("captors")
    groups = lexicon.load("groups")
    names = [word for name in data["captor_groups"] for word in groups[name]]
    captors = "|".join([lexicon.alternation(names), *data["captor_words"]])
    return _Cues(re.compile(lexicon.words(captors), re.IGNORECASE),
                 re.compile(lexicon.words("|".join(data["vanishing"])), re.IGNORECASE))


def _irregular_agent(state: DocState, event: EventMention) -> bool:
    """Whether the arrest's agent names irregular or unidentified hands or an armed group that is no state's unit."""
    text, clause, trigger = state.text, event.clause, event.trigger
    agent = roles_of(text, clause, trigger, event.type).agent
    if agent is None:
        return False
    stop = trigger.start if agent.start < trigger.start else clause.end  # never the arrest's own object
    end = min(stop, agent.end + _AGENT_REACH)
    return bool(_cues().captors.search(text, agent.start, end)) or any(
        m.kind == "actor" and is_irregular_group(m.name) for m in mentions_in(state, agent.start, end))


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


def irregular_captors(state: DocState, options) -> DocState:
    """Stage: arrests by irregular hands, or after which the people taken vanish, are abductions."""
    events = [replace(e, trigger=replace(e.trigger, type="abduction"))
              if e.type in DETENTIONS and is_abduction(state, e) else e for e in state.events]
    return replace(state, events=events)
