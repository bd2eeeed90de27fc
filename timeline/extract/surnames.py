"""Victims told by surname: a target that is one name word alone ('PASTRANA WAS KIDNAPPED') is the
person the report named in full the first time it used that word ('BOGOTA CITY MAYOR ANDRES
PASTRANA'), so the event's target is the full name (lexicons/surnames.yaml)."""

from __future__ import annotations

import re
from functools import cache

from . import lexicon
from .casing import is_english_word, name_like
from .state import DocState

_WORD_BEFORE = re.compile(r"([A-Za-zÀ-ÿ][\w'’-]*)\s+$")


@cache
def _given_names() -> int:
    """How many name words before the surname a full name may hold (lexicons/surnames.yaml)."""
    return int(lexicon.load("surnames")["given_names"])


def _lone_name(target: str, caps: bool) -> bool:
    """One word that names someone and is no English word ('PASTRANA', not 'HOSTAGES' or 'Mayor')."""
    return " " not in target and name_like(target, caps) and not is_english_word(target)


def full_name(text: str, surname: str, caps: bool) -> str | None:
    """The name words right before the surname's first use in the text, with it ('ANDRES PASTRANA');
    None when its first use stands alone."""
    first = re.search(rf"\b{re.escape(surname)}\b", text)
    if first is None:
        return None
    start, words = first.start(), []
    while len(words) < _given_names() and (before := _WORD_BEFORE.search(text, max(0, start - 60), start)) is not None:
        word = before.group(1)
        if not (name_like(word, caps) and not is_english_word(word)):
            break
        words.insert(0, word)
        start = before.start(1)
    return " ".join([*words, surname]) if words else None


def fuller_names(state: DocState, options) -> DocState:
    """Stage, after co-reference (a changed target would change which mentions join): each target
    told by surname alone becomes the full name the report gave that person first."""
    found: dict[str, str | None] = {}
    for event in state.events:
        if event is None or not any(_lone_name(t, state.caps) for t in event.targets):
            continue
        named = []
        for target in event.targets:
            if _lone_name(target, state.caps):
                if target not in found:
                    found[target] = full_name(state.text, target, state.caps)
                target = found[target] or target
            if target not in named:
                named.append(target)
        event.targets[:] = named
    return state
