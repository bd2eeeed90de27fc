"""A state's name that ends a longer region's name is that region, a place of the region's own state."""

import datetime as dt

import pytest

from timeline.extract import Options, extract
from timeline.extract.casing import shouting
from timeline.extract.names import names_in
from timeline.models import Document


@pytest.mark.parametrize("text,region,state", [
    ("Police in Northern Ireland arrested two men near Armagh on Monday.", "Northern Ireland", "United Kingdom"),
    ("NEW MEXICO STATE POLICE SAID THE CONVOY WAS STOPPED.", "New Mexico", "United States"),
])
def test_the_region_is_a_place_of_its_own_state(text, region, state):
    found = [(m.kind, m.name, m.state) for m in names_in(text, 0, len(text), shouting(text))]
    assert ("place", region, state) in found and not any(m[0] == "actor" for m in found), found


def test_the_state_alone_stays_a_party():
    text = "Ireland and the United Kingdom signed a fisheries deal in Dublin."
    found = {m.name for m in names_in(text, 0, len(text)) if m.kind == "actor"}
    assert found == {"Ireland", "United Kingdom"}


def test_an_arrest_in_the_region_is_not_the_namesake_states():
    text = "Police in Northern Ireland arrested two men near Armagh on Monday."
    events = extract([Document(id="ni", published=dt.date(2026, 3, 4), text=text)], Options()).events
    assert [e.type for e in events] == ["arrest"] and "Ireland" not in events[0].actors


def _arrests(text: str) -> list[list[str]]:
    events = extract([Document(id="p", published=dt.date(2026, 3, 4), text=text)], Options()).events
    return [e.actors for e in events if e.type == "arrest"]


@pytest.mark.parametrize("text,state", [
    ("Gunmen shot dead a trader in Salto, Uruguay, on Monday, Uruguay's interior ministry said. "
     "The suspects were later detained by police in Santa Catarina, who said they had fled north.", "Brazil"),
    ("Smugglers attacked a border post in Bhutan on Sunday, Bhutan's home ministry said. "
     "Assam police detained a driver near Dhubri on Friday.", "India"),
])
def test_police_named_with_a_region_of_one_state_are_that_states(text, state):
    """'Assam police', 'police in Santa Catarina': the region's state's police, not the story's; a region
    two states share ('Misiones': Argentina's and Paraguay's) says nothing of whose they are."""
    assert [state] in _arrests(text), _arrests(text)


@pytest.mark.parametrize("police", ["Police", "Misiones police"])
def test_police_named_with_no_region_of_one_state_are_the_storys_states(police):
    text = ("Gunmen shot dead a trader in Salto, Uruguay, on Monday, Uruguay's interior ministry said. "
            f"{police} arrested two suspects on Tuesday.")
    assert ["Uruguay"] in _arrests(text), _arrests(text)
