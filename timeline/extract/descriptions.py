"""States named only to describe a place or a person: an address's last part, a nationality noun, a border."""

from __future__ import annotations

import re
from functools import cache

from . import lexicon
from .state import Mention


@cache
def _patterns() -> dict[str, re.Pattern]:
    rules = lexicon.load("text")["state_descriptions"]
    return {key: re.compile(rules[key], re.IGNORECASE)
            for key in ("address_before", "address_after", "nationality_before", "nationality_after", "border_after")} \
        | {"border_locative_end": re.compile(rules["border_locative"] + "$", re.IGNORECASE),
           "border_locative_before": re.compile(rules["border_locative"] + rules["border_before"], re.IGNORECASE)}


def _addressed(text: str, mention: Mention, before: Mention | None) -> bool:
    """'Kenosha, Wisconsin, United States', 'Niamey, Niger's capital': the state ends a place's
    address (the name before the comma is no party: 'Armenia, Azerbaijan' is a list)."""
    patterns = _patterns()
    head = text[max(0, mention.start - 4):mention.start]
    if not patterns["address_before"].search(head) or patterns["address_after"].match(text, mention.end) is None:
        return False
    word = re.search(r"([A-Z][\w.'-]*)\W*$", text[max(0, mention.start - 40):mention.start])
    if word is None:
        return False
    return before is None or before.kind == "place" or before.end < mention.start - 40 + word.start(1)


def _nationality(text: str, mention: Mention) -> bool:
    """'An Australian, Brenton Tarrant': a demonym after an article names a person's nationality."""
    patterns = _patterns()
    surface = text[mention.start:mention.end]
    return (surface != mention.name and patterns["nationality_before"].search(text[max(0, mention.start - 6):mention.start])
            is not None and patterns["nationality_after"].match(text, mention.end) is not None)


def _bordering(text: str, mention: Mention) -> bool:
    """'near the Guinea-Bissau border', 'close to the border with Mali': a state that only says which
    border is where it happened, not who acted; 'closed its border with Mali' and 'Turkish border
    guards' still name it."""
    patterns, head = _patterns(), text[max(0, mention.start - 50):mention.start]
    if patterns["border_locative_before"].search(head) is not None:
        return True
    return (patterns["border_after"].match(text, mention.end) is not None
            and patterns["border_locative_end"].search(head) is not None)


def without_descriptive_states(text: str, found: list[Mention], states: frozenset[str]) -> list[Mention]:
    """The mentions less states that only describe a place or a person (``found`` in text order)."""
    kept, before = [], None
    for mention in found:
        if mention.kind == "actor" and mention.name in states and (
                _addressed(text, mention, before) or _nationality(text, mention) or _bordering(text, mention)):
            continue
        kept.append(mention)
        before = mention
    return kept
