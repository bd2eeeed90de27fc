"""How a MUC key's strings are found in an event: in its evidence, among its actors or targets.

Strings are compared folded (case, accents and punctuation runs ignored) and as whole words, so
'FMLN' is not found inside 'FMLNS' and 'THE MAYOR' is found in 'killed the mayor of Lima'. A name
also counts when the extractor's lexicon maps the key's string to the canonical name the event
uses ('FMLN' -> 'Farabundo Marti National Liberation Front').
"""

from __future__ import annotations

import re
from functools import cache

from ..gazetteer import fold


def _inside(needle: str, haystack: str) -> bool:
    return bool(needle) and f" {needle} " in f" {haystack} "


_PUNCTUATION = re.compile(r"[^\w\s]+")
_BARE = frozenset({"the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "by", "for", "with", "s"})


def _words(text: str) -> str:
    """Folded, with every run of punctuation a word boundary: 'Lima,' and '"Castillo's' hold the
    words 'lima' and 'castillo'."""
    return " ".join(_PUNCTUATION.sub(" ", fold(text)).split())


def named_in(strings: list[str], folded_text: str) -> int:
    """How many distinct key strings the (folded) text contains as whole words, punctuation
    ignored on both sides; a key string left with no content word ('THE \\' from a broken quote)
    names nothing."""
    text = _words(folded_text)
    keys = {_words(s) for s in strings}
    return sum(_inside(k, text) for k in keys if set(k.split()) - _BARE)


@cache
def _canonical(name: str) -> str:
    """The lexicon's canonical name for a surface name, folded (itself when unknown)."""
    from ..extract import lexicon

    entry = lexicon.names().get(name.lower())
    return fold(entry.name) if entry is not None else fold(name)


@cache
def _aliases(canonical: str) -> frozenset[str]:
    """Every surface name the lexicon maps to a canonical name, folded ('fmln' for the FMLN)."""
    from ..extract import lexicon

    return frozenset(fold(k) for k, v in lexicon.names().items() if v.name == canonical) | {fold(canonical)}


def same_party(ours: str, theirs: str) -> bool:
    """An actor or target of ours and a string of the key name the same party: the same words, one
    inside the other, or one of our name's aliases inside the key's ('FARC 12TH FRONT')."""
    a, b = fold(ours), fold(theirs)
    if a == b or _inside(a, b) or _inside(b, a) or _canonical(ours) == _canonical(theirs):
        return True
    return any(len(alias) > 2 and _inside(alias, b) for alias in _aliases(ours))


_STATE_FORCES = re.compile(r"^(?:the )?(?:\w+ )?(?:armed forces|army|air force|navy|military|government|national guard|"
                           r"(?:national |treasury )?police|security forces|soldiers|troops)$")


def state_force(key: str) -> bool:
    """'ARMED FORCES', 'THE SALVADORAN ARMY': a key's perpetrator that is a state's own forces,
    which this project names by the state."""
    return _STATE_FORCES.match(fold(key)) is not None


def actor_names_org(actors: list[str], alternatives: tuple[str, ...], country: str | None = None) -> bool:
    """One of the event's actors is the organisation under one of its names; a state's own
    forces are named by the state (the incident's country)."""
    if country and any(state_force(name) for name in alternatives) and _country_name(country) in actors:
        return True
    return any(same_party(actor, name) for actor in actors for name in alternatives)


def _country_name(key_country: str) -> str | None:
    from ..gazetteer import country

    found = country(key_country.title())
    return found.name if found else None


def targets_named(targets: list[str], groups: tuple[tuple[str, ...], ...]) -> bool:
    """One of the event's targets is one of the key's human or physical targets."""
    return any(same_party(target, name) for target in targets for group in groups for name in group)
