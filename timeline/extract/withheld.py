"""A yielding act withheld is a refusal (``lexicons/withheld.yaml``).

"did not release", "has not conceded", "never withdrew": the party that could yield is told as not
yielding, which is PLOVER's REJECT. The modality stage marks such an act negated; this stage, right
after it, types it a refusal made, as the trigger lexicon already types "will not release".
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from . import lexicon
from .state import DocState, EventMention
from ..taxonomy import event_types


@cache
def _withheld_rule() -> tuple[frozenset[str], re.Pattern, str]:
    """The yielding types (from the taxonomy's PLOVER categories), the withholding words and the new type."""
    data = lexicon.load("withheld")
    yielding = frozenset(t.name for t in event_types().values() if t.plover_event in data["yielding"])
    return yielding, re.compile(data["withheld"], re.IGNORECASE), data["type"]


def _withheld(text: str, mention: EventMention) -> bool:
    """Whether a negated yielding verb is withheld by its clause's agent: an active auxiliary and 'not' right before it."""
    yielding, withheld, _ = _withheld_rule()
    return (mention.type in yielding and mention.modality == "negated" and mention.trigger.kind == "verb"
            and withheld.search(text[mention.clause.start:mention.trigger.start]) is not None)


def withheld_yielding(state: DocState, options) -> DocState:
    """Stage: a concession, release or retreat told as withheld ('did not release') is a refusal."""
    kind = _withheld_rule()[2]
    events = [replace(e, trigger=replace(e.trigger, type=kind), modality="asserted", cues=e.cues + ["withheld"])
              if _withheld(state.text, e) else e for e in state.events]
    return replace(state, events=events)
