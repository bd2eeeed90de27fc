"""An arrest by irregular or unidentified hands, or one whose captives vanish, is an abduction.

ACLED files a detention by non-state armed men, or one followed by the person's disappearance,
as an abduction or forced disappearance; MUC-4 keys record it as a kidnapping. The arrest's own
agent decides (``lexicons/captors.yaml``): 'arrested by armed men in civilian clothes' is an
abduction, 'gunmen were arrested by the police' stays an arrest.
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

DETENTIONS = frozenset({"arrest"})
_AGENT_REACH = 60  # characters after the agent's head that still describe it ('... in civilian clothes')


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    data = lexicon.load("captors")
    groups = lexicon.load("groups")
    names = [word for name in data["captor_groups"] for word in groups[name]]
    captors = "|".join([lexicon.alternation(names), *data["captor_words"]])
    return (re.compile(lexicon.words(captors), re.IGNORECASE),
            re.compile(lexicon.words("|".join(data["vanishing"])), re.IGNORECASE))


def _sentence_end(state: DocState, event: EventMention) -> int:
    return state.sentences[event.clause.sentence][1]


def is_abduction(state: DocState, event: EventMention) -> bool:
    """Whether an arrest's agent names irregular or unidentified hands or an armed group, or the people it took
    vanished afterwards (told later in its sentence)."""
    text, clause, trigger = state.text, event.clause, event.trigger
    captors, vanishing = _patterns()
    agent = roles_of(text, clause, trigger, event.type).agent
    if agent is not None:
        stop = trigger.start if agent.start < trigger.start else clause.end  # never the arrest's own object
        end = min(stop, agent.end + _AGENT_REACH)
        if captors.search(text, agent.start, end) or any(
                m.kind == "actor" and is_armed_group(m.name) for m in mentions_in(state, agent.start, end)):
            return True
    return vanishing.search(text, trigger.end, _sentence_end(state, event)) is not None


def irregular_captors(state: DocState, options) -> DocState:
    """Stage: arrests by irregular hands, or after which the people taken vanish, are abductions."""
    events = [replace(e, trigger=replace(e.trigger, type="abduction"))
              if e.type in DETENTIONS and is_abduction(state, e) else e for e in state.events]
    return replace(state, events=events)
