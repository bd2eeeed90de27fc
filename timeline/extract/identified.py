"""Victims told after the act: 'The victims were identified as X and Y', 'Among the dead was X',
'The wounded reporters are X'. A sentence opening on a victim noun with a form of 'be' names,
after it, whom the violence told just before was done to; its heads are that violence's targets
(lexicons/identified.yaml).
"""

from __future__ import annotations

import re
from functools import cache

from ..taxonomy import of_class
from . import lexicon
from .lookup import mentions_in, root_of, sentence_events
from .phrases import phrase_after
from .roles import appositive_heads
from .state import DocState, EventMention

_VIOLENT = of_class("violence") - {"armed_clash"}
_REACH = 2  # sentences back to the violence the victims are told of


@cache
def _pattern(key: str) -> re.Pattern:
    return re.compile(lexicon.load("identified")[key], re.IGNORECASE)


def identify_victims(state: DocState, options) -> DocState:
    """Stage, after co-reference (a new target would change which mentions join): the people a
    victim sentence names are targets of the latest violence told in it or the sentences before."""
    for number, (start, end) in enumerate(state.sentences):
        opening = _pattern("opening").match(state.text, start, end)
        if opening is None or _pattern("no_identity").match(state.text, opening.end(), end):
            continue
        event = _latest_violence(state, number, start)
        if event is not None:
            _name_victims(state, event, opening.end(), end)
    return state


def _latest_violence(state: DocState, number: int, start: int) -> EventMention | None:
    """The first mention of the latest asserted violence told up to ``_REACH`` sentences before."""
    near = (i for sentence in range(max(0, number - _REACH), number + 1) for i in sentence_events(state, sentence))
    told = [i for i in near if (e := state.events[i]).type in _VIOLENT and e.clause.start < start
            and e.modality in ("asserted", None)]
    return state.events[root_of(state, max(told))] if told else None


def _name_victims(state: DocState, event: EventMention, start: int, end: int) -> None:
    """The heads of the complement ('X, 22, from Y, and Z'), by the people named in them or in
    their own words, join the event's targets."""
    for head in appositive_heads(state.text, start, end) or filter(None, [phrase_after(state.text, start, end)]):
        people = [m for m in mentions_in(state, head.start, head.end) if m.kind == "person"]
        words = " ".join(head.text.split())
        for name in [m.name for m in people] or ([words] if 3 <= len(words) <= 80 else []):
            if name not in event.targets:
                event.targets.append(name)
