"""The offline gazetteer: countries with ISO codes, regions and cities with coordinates."""

from __future__ import annotations

import pytest

from timeline import gazetteer


@pytest.mark.parametrize("name,kind,country,iso3", [
    ("El Salvador", "country", "El Salvador", "SLV"),
    ("SV", "country", "El Salvador", "SLV"),
    ("LIMA", "city", "Peru", "PER"),  # wire copy in capitals
    ("Huancayo", "city", "Peru", "PER"),  # a city only the GeoNames list knows
    ("Nagorno-Karabakh", "site", "Azerbaijan", "AZE"),  # the project's own lexicon
    ("Cundinamarca", "region", "Colombia", "COL"),  # a first-level region (pycountry)
])
def test_a_place_resolves_with_its_country(name, kind, country, iso3):
    place = gazetteer.lookup(name)
    assert (place.kind, place.country, place.iso3) == (kind, country, iso3)


def test_accents_and_case_do_not_matter():
    assert gazetteer.lookup("BOGOTA") == gazetteer.lookup("Bogotá")


def test_a_city_has_coordinates_and_its_namesake_region():
    place = gazetteer.lookup("San Salvador")
    assert place.admin1 == "San Salvador" and 13 < place.lat < 14 and -90 < place.lon < -89


def test_the_project_names_countries_as_its_lexicon_does():
    assert gazetteer.country("CZ").name == "Czech Republic"


def test_within_prefers_places_in_that_country():
    assert gazetteer.lookup("La Paz", within="SV").iso2 == "SV"


def test_unknown_names_are_none():
    assert gazetteer.lookup("the Kremlin") is None and gazetteer.lookup("") is None


def test_renamed_and_user_assigned_countries():
    """pycountry says 'Türkiye'; the lexicons' 'Turkey' still finds it. Kosovo is outside ISO 3166
    and keeps its user-assigned code instead of a fuzzy match to Serbia."""
    assert gazetteer.lookup("Turkey").iso3 == "TUR"
    assert gazetteer.lookup("Kosovo").iso2 == "XK"


@pytest.mark.parametrize("name,expected", [("El Salvador", True), ("SV", True), ("SLV", True),
                                           ("Aden", False), ("", False), (None, False)])
def test_is_country_answers_without_the_cities(name, expected):
    """Whether a name is a state's is asked for every violent event's place: answering it must not
    load the cities (some 70 MB a long extraction held for nothing)."""
    gazetteer._cities.cache_clear()
    assert gazetteer.is_country(name) is expected
    assert gazetteer._cities.cache_info().currsize == 0


def test_readings_show_a_names_ambiguity():
    """'Victoria' is an Australian state and a city in Hong Kong: every reading is given, so a
    caller can refuse an ambiguous name (a police force named after it is nobody's in particular)."""
    assert {(p.kind, p.country) for p in gazetteer.readings("Victoria")} >= {("region", "Australia"), ("city", "Hong Kong")}
    assert [(p.kind, p.country) for p in gazetteer.readings("Minas Gerais")] == [("region", "Brazil")]
    assert gazetteer.readings(None) == []
