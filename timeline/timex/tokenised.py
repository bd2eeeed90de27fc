"""Tokenised text read as the plain text it was cut from: EventStoryLine's tokens come with a blank
between each two ('mid - October', "o ' clock", "New Year 's Day", 'Oct . 21 , 2011'). Most rules
already allow those blanks; the gaps tokenising opens inside a word are closed here instead, once,
on a copy of the text whose every character remembers its offset in the original."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache

from .lexicon import lexicon

_HYPHEN = re.compile(r"\b(\w+)( - )(?=(\w+)\b)")
_APOSTROPHE = re.compile(r"\w( )['’]( )?(?=s\b)|\bo( )['’]( )(?=clock\b)|-( )(?=-)|\s['’]( )(?=\d\ds?\b)", re.IGNORECASE)


def looks_tokenised(text: str) -> bool:
    """Commas and full stops set off by blanks far more often than written against their word
    ('killed Saturday , police said .'): plain prose never does that."""
    spaced = sum(text.count(f" {mark}{after}") for mark in ",." for after in " \n")
    glued = sum(text.count(f"{mark}{after}") for mark in ",." for after in " \n") - spaced
    return spaced >= 3 and spaced > 4 * glued


@lru_cache(maxsize=1)
def _hyphen_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words that show a blank-set hyphen to be a word's own ('mid', 'day', 'old' ...)."""
    lx = lexicon()
    return frozenset(lx["hyphen_before"]), frozenset(lx["hyphen_after"])


def _gaps(text: str) -> set[int]:
    """Offsets of the blanks to drop: around a word's hyphen, inside "'s", "o'clock", '--', "'99"."""
    before, after = _hyphen_words()
    drop: set[int] = set()
    for found in _HYPHEN.finditer(text):
        if found[1].lower() in before or found[3].lower() in after:
            start = found.start(2)
            drop.update((start, start + 2))
    for found in _APOSTROPHE.finditer(text):
        drop.update(m for m in map(found.start, range(1, 7)) if m >= 0)
    return drop


def detokenised(text: str) -> tuple[str, Callable[[int], int]]:
    """The text with those gaps closed, and what gives, for an offset in it, the offset in ``text``."""
    drops = sorted(_gaps(text))
    plain = "".join(text[a + 1:b] for a, b in zip([-1] + drops, drops + [len(text)]))
    shifted = [at - n for n, at in enumerate(drops)]  # where each dropped blank would stand in the copy
    return plain, lambda offset: offset + bisect.bisect_right(shifted, offset)
