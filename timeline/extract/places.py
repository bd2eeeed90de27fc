"""Places no gazetteer knows, told by a locative word before a run of name words: 'in San Luis de
la Reina', 'NEAR LA ESPERANZA FARM', 'in Huarpacha'. In mixed-case text the words are capitalised;
in capitals, at least one is a word the dictionary does not know (see casing.py). A known name
overlapping the run wins (the gazetteer and the lexicons are read first).
"""

from __future__ import annotations

from functools import cache

from . import lexicon
from .casing import is_english_word
from .groups import display
from .phrases import tokens
from .state import Mention


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(lexicon.load("groups")[key])


def _name_word(word: str, caps: bool) -> bool:
    if not word[:1].isalpha():
        return False
    return (word.isupper() and not is_english_word(word)) if caps else word[:1].isupper()


def _run(found: list[tuple[int, int, str]], i: int, caps: bool) -> int:
    """Index past the name that starts at token ``i`` (``i`` itself when there is none)."""
    connectors, kinds = _words("place_connectors"), _words("place_kinds")
    j, named = i, False
    while j < len(found):
        word = found[j][2]
        lower = word.lower()
        if _name_word(word, caps) and lower not in kinds:
            named, j = True, j + 1
        elif lower in connectors and named or lower in ("san", "santa", "santo", "la", "el", "los", "las"):
            j += 1
        elif named and lower in kinds:
            return j + 1
        else:
            break
    while j > i and found[j - 1][2].lower() in connectors:
        j -= 1
    return j if named else i


def places_in(text: str, start: int, end: int, caps: bool) -> list[Mention]:
    """Unknown place names after a locative word in ``text[start:end]``."""
    found = tokens(text, start, end)
    out = []
    for i, (_, _, word) in enumerate(found[:-1]):
        if word.lower() not in _words("locatives"):
            continue
        first = i + 1 + (found[i + 1][2].lower() == "the")
        last = _run(found, first, caps)
        if last > first:
            words = [w for _, _, w in found[first:last]]
            out.append(Mention(found[first][0], found[last - 1][1], "place", display(words, caps)))
    return out
