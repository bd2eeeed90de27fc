"""A state's protest is a diplomatic protest: an accusation, not a protest (``lexicons/disapproval.yaml``).

PLOVER keeps PROTEST for collective action in the street and codes a state's or an embassy's
protest ACCUSE 'disapprove'. After co-reference, an event of protest words one of whose mentions
tells a state (or its foreign ministry, embassy, envoy) as the verb's subject, or a document that
protests, and none of which tells a crowd before its protest word, becomes an accusation.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from . import lexicon
from .lookup import chains, mentions_in, root_of
from .state import DocState, EventMention, Mention


@cache
def _cues() -> dict[str, re.Pattern]:
    """disapproval.yaml's patterns, compiled once, and crowd.yaml's crowds."""
    data = lexicon.load("disapproval")
    bodies = rf"(?:{data['bodies']})(?:\s+{data['place']})?"
    return {
        "verb": re.compile(data["verbs"], re.IGNORECASE),
        "opener": re.compile(rf"^\W*(?:(?:{data['openers']})\W+){{0,2}}?(?:(?:the|its)\s+)?$", re.IGNORECASE),
        "after_state": re.compile(rf"^(?:(?:'s|’s)?\s+{bodies})?\s+(?:(?:{data['auxiliaries']})\s+){{0,2}}$", re.IGNORECASE),
        "body_subject": re.compile(rf"^\W*(?:(?:{data['openers']})\W+){{0,2}}?(?:the|its)\s+{bodies}\s+"
                                   rf"(?:(?:{data['auxiliaries']})\s+){{0,2}}$", re.IGNORECASE),
        "document": re.compile(rf"\b{data['documents']}\s+$", re.IGNORECASE),
        "crowds": re.compile(lexicon.words(lexicon.load("crowd")["crowds"]), re.IGNORECASE),
    }


@cache
def _capitals() -> frozenset[str]:
    """The states' capitals, which stand for their governments ("Beijing protested")."""
    return frozenset(s["capital"] for s in lexicon.load("states")["states"] if s.get("capital"))


def _names_state(name: Mention) -> bool:
    """Whether a name is a state's: the state itself or its capital."""
    return (name.kind == "actor" and name.name in lexicon.state_names()) or (
        name.kind == "place" and name.name in _capitals())


def _state_subject(text: str, start: int, trigger: int, names: list[Mention]) -> bool:
    """Whether a state, by its name or one of its bodies, opens the clause as the subject of the word at ``trigger``."""
    cues = _cues()
    if cues["body_subject"].match(text[start:trigger]):
        return True
    return any(_names_state(n) and start <= n.start and n.end <= trigger
               and cues["opener"].match(text[start:n.start]) and cues["after_state"].match(text[n.end:trigger])
               and (text[n.start:n.end].lower() not in lexicon.demonyms() or text[n.end:trigger].strip())
               for n in names)


def _diplomatic(text: str, mention: EventMention, names: list[Mention]) -> bool:
    """Whether a protest word is a state's or a document's, not a crowd's."""
    word = text[mention.trigger.start:mention.trigger.end]
    if mention.type != "protest" or not _cues()["verb"].fullmatch(word):
        return False
    before = text[mention.clause.start:mention.trigger.start]
    return bool(_cues()["document"].search(before)) or _state_subject(
        text, mention.clause.start, mention.trigger.start, names)


def _crowded(text: str, mention: EventMention) -> bool:
    """Whether a crowd is told before the mention's trigger in its clause."""
    return bool(_cues()["crowds"].search(text[mention.clause.start:mention.trigger.start]))


def _names_in(state: DocState, mention: EventMention) -> list[Mention]:
    """The names told in the mention's clause before its trigger (bisected: a long document holds
    hundreds of thousands of names and a protest chain may be asked about for each of its mentions)."""
    return mentions_in(state, mention.clause.start, mention.trigger.start)


def diplomatic_protests(state: DocState, options) -> DocState:
    """Stage: a protest told of a state or its diplomats, or by a document, and of no crowd, is an accusation."""
    kind = lexicon.load("disapproval")["type"]
    text = state.text
    retyped = {root for root, mentions in chains(state).items()
               if mentions[0].type == "protest" and not any(_crowded(text, m) for m in mentions if m.type == "protest")
               and any(_diplomatic(text, m, _names_in(state, m)) for m in mentions)}
    events = [replace(e, trigger=replace(e.trigger, type=kind)) if root_of(state, i) in retyped else e
              for i, e in enumerate(state.events)]
    return replace(state, events=events)
