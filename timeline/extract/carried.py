"""A person carried by others makes no visit: carried in custody, it is the detention (``lemmas.yaml`` carried).

"Was flown to the capital" inflects the visit verb "fly to", but a visit is made, not undergone. In
the passive, beside words of custody in its sentence ("for questioning", "handed to prosecutors",
"the detainees") the carrying is the arrest, as the gold files type such transfers; otherwise it
stays as the lexicon typed it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from . import lexicon
from .state import Trigger


@cache
def _cues() -> tuple[frozenset[str], re.Pattern, str, re.Pattern]:
    """The visit classes, the passive words before the verb, and custody's type and words, compiled once."""
    data = lexicon.load("lemmas")["carried"]
    passive = re.compile(rf"\b(?:{lexicon.alternation(data['passive'])})\s+(?:\w+\s+)?$", re.IGNORECASE)
    custody = re.compile(rf"\b(?:{lexicon.alternation(data['custody']['words'])})\b", re.IGNORECASE)
    return frozenset(data["classes"]), passive, data["custody"]["type"], custody


def carried(text: str, sentence: tuple[int, int], trigger: Trigger) -> Trigger:
    """The trigger retyped as custody when it tells a person carried, in the passive, in custody."""
    classes, passive, held, custody = _cues()
    if trigger.rule not in classes or not passive.search(text, max(sentence[0], trigger.start - 30), trigger.start):
        return trigger
    if not custody.search(text, sentence[0], sentence[1]):
        return trigger
    return replace(trigger, type=held, rule=f"carried:{trigger.rule}")
