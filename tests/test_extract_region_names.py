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
