"""Places no lexicon knows, told by a locative word before a run of name words: 'in San Luis de
la Reina', 'NEAR LA ESPERANZA FARM', 'in Huarpacha'. In capitals, at least one word is one the
dictionary does not know (see casing.py); in mixed case the words are capitalised and the run ends
in a kind of place ('La Esperanza Farm') or is a city the gazetteer knows. A name the lexicons
know overlapping the run wins (they are read first).
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


@cache
def _not_places() -> frozenset[str]:
    """Capitalised words that begin no place: months, weekdays, demonyms ('in March', 'in French')."""
    from ..timex.lexicon import lexicon as timex_lexicon

    calendar = set(timex_lexicon()["months"]) | set(timex_lexicon()["weekdays"])
    return frozenset(calendar) | lexicon.demonyms()


def _name_word(word: str, caps: bool) -> bool:
    if not word[:1].isalpha() or word.lower() in _not_places():
        return False
    if caps:
        return word.isupper() and not is_english_word(word)
    return word[:1].isupper() and not (word.isupper() and len(word) > 1)  # 'EU', 'NCAA': acronyms, not places


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


def _firm(words: list[str]) -> bool:
    """In mixed case, where capitals also mark titles and headlines, a place needs a kind word
    ('Newport Beach' no, 'La Esperanza Farm' yes) or a city the gazetteer knows."""
    from ..gazetteer import lookup

    return words[-1].lower() in _words("place_kinds") or lookup(" ".join(words)) is not None


def places_in(text: str, start: int, end: int, caps: bool,
              found: list[tuple[int, int, str]] | None = None) -> list[Mention]:
    """Unknown place names after a locative word in ``text[start:end]``; ``found``: its tokens when
    the caller has them already."""
    found = tokens(text, start, end) if found is None else found
    out, locatives = [], _words("locatives")
    for i, (_, _, word) in enumerate(found[:-1]):
        if word.lower() not in locatives:
            continue
        first = i + 1 + (found[i + 1][2].lower() == "the")
        last = _run(found, first, caps)
        words = [w for _, _, w in found[first:last]]
        if last > first and (caps or _firm(words)):
            out.append(Mention(found[first][0], found[last - 1][1], "place", display(words, caps)))
    return out
