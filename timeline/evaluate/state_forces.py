"""A state's own forces compared as that state: 'Royal Lesotho Constabulary' and 'Lesotho' name one
party when `eval events` compares actors, on the gold side and the extraction side alike.

ACLED codes a state's military, police and other agents as that state's forces ("Police Forces of
Kenya"); the gold files write 'police' as the state in most files and as the named national force
in others. A name is a state's force when it is a force's head ("Police Service", "Defence Force",
"Armed Forces", ``state_forces.yaml``) with a state before it or after 'of', or the organisations
lexicon gives it a state. A police force may be named after a region when every reading the
gazetteer has of the name lies in one state ("Minas Gerais State Police"; not "Victoria Police", an
Australian state's name and a Hong Kong city's); an army only after a state, since armies named
after a region are mostly rebels' ("Arakan Army"). The lexicon's armed groups with no state stay
themselves ("Libyan National Army").
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml


@cache
def rules() -> dict:
    """state_forces.yaml: the heads and qualifiers of a force's name, and the examples the test runs."""
    return yaml.safe_load(resources.files("timeline.evaluate").joinpath("state_forces.yaml").read_text(encoding="utf-8"))


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """('<place> [qualifiers] <head>', '<head> of [the] <place>'), case-insensitive."""
    from ..extract.lexicon import alternation

    heads, qualifiers = alternation(rules()["heads"]), alternation(rules()["qualifiers"])
    before = re.compile(rf"^(?:the\s+)?(?:royal\s+)?(?P<place>.+?)\s+(?:(?:{qualifiers})\s+)*(?P<head>{heads})$", re.I)
    after = re.compile(rf"^(?:the\s+)?(?:(?:{qualifiers})\s+)*(?P<head>{heads})\s+of\s+(?:the\s+)?(?P<place>.+)$", re.I)
    return before, after


def _named_state(place: str) -> str | None:
    """The state a place's name, alias or demonym names in the states lexicon, else the gazetteer's
    country of that name ('Malawian' -> 'Malawi', 'Timor-Leste' -> 'East Timor')."""
    from .. import gazetteer
    from ..extract import lexicon

    entry = lexicon.names().get(place.lower())
    if entry is not None and entry.kind == "actor" and entry.name in lexicon.state_names():
        return entry.name
    found = gazetteer.country(place)
    return _canonical_state(found.name) if found is not None else None


def _canonical_state(name: str | None) -> str | None:
    """A gazetteer country under the name the states lexicon gives it, when it has one."""
    from ..extract import lexicon

    entry = lexicon.names().get(name.lower()) if name else None
    return entry.name if entry is not None and entry.kind == "actor" else name


def _state_of_place(place: str, police: bool) -> str | None:
    """The state a force's place names: a state itself, or for a police force a region or a site
    of the gazetteer that every reading of the name places in one state ('Minas Gerais'; not
    'Victoria', an Australian state and a city in Hong Kong, nor 'Kent', a city name only)."""
    from .. import gazetteer

    state = _named_state(place)
    if state is not None or not police:
        return state
    found = gazetteer.readings(place)
    countries = {p.country for p in found}
    if len(countries) != 1 or all(p.kind == "city" for p in found):
        return None
    return _canonical_state(countries.pop())


def _lexicon_state(name: str) -> str | None:
    """The state the organisations lexicon gives a name's organ ('CRPF' -> India), if any."""
    from ..extract import lexicon

    entry = lexicon.names().get(name.lower())
    return entry.state if entry is not None and entry.kind == "actor" and entry.state else None


@cache
def _stateless_armed_groups() -> frozenset[str]:
    """Every name (lower-cased) of the organisations lexicon's armed groups that no state owns."""
    from ..extract import lexicon

    return frozenset(alias.lower() for org in lexicon.load("organisations")["organisations"]
                     if org.get("armed") and not org.get("state") for alias in [org["name"], *org.get("aliases", [])])


@cache
def state_of_force(name: str) -> str | None:
    """The state whose own force ``name`` is, or None when it is no state's force."""
    if name.lower() in _stateless_armed_groups():
        return None
    for pattern in _patterns():
        found = pattern.match(name.strip())
        if found is None:
            continue
        police = found["head"].lower() in {h.lower() for h in rules()["police_heads"]}
        return _lexicon_state(name) or _state_of_place(found["place"], police)
    return None


def as_compared(name: str) -> str:
    """A party's name as the actor comparison reads it: a state's force as its state."""
    return state_of_force(name) or name
