"""Violence told at a list of places is one incident per place (lexicons/sites.yaml)."""

from __future__ import annotations

import pytest

from timeline.extract import Options, extract, lexicon
from timeline.models import Document


def _events(text: str):
    return extract([Document(id="d", text=text)], Options(solve=False)).events


def test_the_named_example_is_one_incident_per_place():
    """The lexicon's example: pylons blown up in three departments are three bombings, each placed."""
    example = lexicon.load("sites")["example"]
    places = sorted(e.location for e in _events(example) if e.type == "bombing")
    assert places == ["Chalatenango", "Morazan", "Usulutan"]


def test_wire_copy_lists_places_no_gazetteer_knows():
    """In capitals, a comma list goes on over names no gazetteer knows."""
    text = "SUSPECTED SHINING PATH FIGHTERS RAIDED TOWN HALLS IN QUILCAS, PACCHA, HUAYUCACHI, AND MITOBAMBA."
    events = [e for e in _events(text) if e.type == "attack"]
    assert len(events) == 4 and len({e.location for e in events}) == 4


@pytest.mark.parametrize("text", [
    "A car bomb exploded in Lima and killed two people.",  # 'and' joins an act, not a place
    "Guerrillas blew up a plane in Nueva Florida, Miraflores municipality.",  # a place and the one holding it
    "Troops clashed with rebels between Chalatenango and Morazan.",  # 'between' names one stretch
    "The army said talks were held in Chalatenango, Usulutan and Morazan.",  # no violence
])
def test_one_place_or_no_violence_is_not_split(text):
    """Only violence placed by 'in' at a list that closes on 'and' is split."""
    assert len(_events(text)) == len({(e.type, e.sources[0].quote) for e in _events(text)})
