"""Perpetrators: who did the violence when its clause names no one by a name in place
(``timeline/extract/perpetrators.py``), and agents no name stands for (``arguments.py``)."""

from __future__ import annotations

import pytest

from timeline.extract import Options, extract, lexicon
from timeline.extract.perpetrators import VIOLENT
from timeline.models import Document, Event


def events(text: str) -> list[Event]:
    """The events of a story told in ``text``."""
    return extract([Document(id="d", text="Story\n\n" + text)], Options(solve=False)).events


@pytest.mark.parametrize("text,actor", [
    ("THE MAYOR WAS KILLED ON 5 JANUARY, APPARENTLY BY THE ANDEAN YOUTH FRONT.", "Andean Youth Front"),
    ("The bombing was carried out, according to the police, by the Andean Youth Front.", "Andean Youth Front"),
])
def test_an_agent_the_commas_cut_off(text, actor):
    """A passive's 'by ...' told after a comma (past an aside such as 'according to the police'),
    and the apposition after an agent that says whose it is, name who did it."""
    [event] = events(text)
    assert actor in event.actors


def test_a_participle_clause_tells_a_nominals_agent():
    """'condemned the murder of the mayor, carried out this morning by X terrorists': X did it."""
    text = "POLICE CONDEMNED THE MURDER OF THE MAYOR, CARRIED OUT THIS MORNING BY ANDEAN YOUTH FRONT TERRORISTS."
    (killing,) = [e for e in events(text) if e.type == "killing"]
    assert killing.actors == ["Andean Youth Front"]


def test_an_apposition_says_whose_the_agent_is():
    """'by a guerrilla column, also belonging to X': X, not the armed group the story names most."""
    text = ("THE TUPAJ KATARI ARMED FORCES ARE ACTIVE IN THE NORTH. THE TUPAJ KATARI ARMED FORCES HAVE 300 MEN. "
            "THE MAYOR WAS KILLED BY A GUERRILLA COLUMN, ALSO BELONGING TO THE ANDEAN YOUTH FRONT.")
    (killing,) = [e for e in events(text) if "MAYOR" in e.targets]
    assert killing.actors == ["Andean Youth Front"]


def test_a_by_phrase_after_a_clause_of_its_own_is_not_the_agent():
    """'..., by then the police had arrived': a 'by' that opens a clause with an event of its own,
    or an active verb, takes no agent from the next clause."""
    text = "REBELS KILLED THE MAYOR, BY ORDER OF THE ANDEAN YOUTH FRONT COMMAND."
    found = events(text)
    assert found and all("Andean Youth Front Command" not in e.actors for e in found)


def test_a_state_named_where_violence_happened_is_its_place_not_its_actor():
    """'Two judges were murdered in Colombia': Colombia is where, not who."""
    (killing,) = events("TWO JUDGES WERE MURDERED IN COLOMBIA ON MONDAY.")
    assert killing.location == "Colombia" and "Colombia" not in killing.actors


@pytest.mark.parametrize("text", [
    "THE ANDEAN YOUTH FRONT HAS ANNOUNCED A CAMPAIGN. YESTERDAY THEY MURDERED A JUDGE IN CALI.",
    "THE ANDEAN YOUTH FRONT FAILED TO TAKE THE TOWN WHEN THEY ATTACKED THE BARRACKS ON MONDAY.",
    "THE ANDEAN YOUTH FRONT HAS ANNOUNCED A CAMPAIGN. YESTERDAY THEY ATTEMPTED TO MURDER A JUDGE IN CALI.",
])
def test_they_who_did_violence_are_the_armed_group_told_last(text):
    """A pronoun subject of violence ('yesterday they murdered', 'when they attacked') stands for
    the armed group named last, a few sentences back at most."""
    violent = [e for e in events(text) if e.type in ("killing", "attack")]
    assert violent and all(e.actors == ["Andean Youth Front"] for e in violent)


def test_a_coordinated_clause_continues_the_subordinate_clause_before_it():
    """'Police said that rebels of X overpowered the guards and burned the offices': X burned them."""
    text = "POLICE SAID THAT REBELS OF THE ANDEAN YOUTH FRONT OVERPOWERED THE GUARDS AND BURNED THE OFFICES OF A BANK."
    (arson,) = [e for e in events(text) if e.type == "arson"]
    assert arson.actors == ["Andean Youth Front"]


@pytest.mark.parametrize("text,group", [
    ("A RIVER FERRY WAS DYNAMITED BY DRUG TRAFFICKING GANGS WHILE IT WAS MOORED.", "DRUG TRAFFICKING GANGS"),
    ("Extreme rightist groups murdered two union leaders on Monday.", "Extreme rightist groups"),
    ("THE JUDGE WAS THREATENED BY THE DRUG MAFIAS.", "DRUG MAFIAS"),
])
def test_an_agent_told_by_what_it_is_acts_by_its_words(text, group):
    """A group no name stands for ('drug trafficking gangs', 'death squads') is the actor of the
    violence or threat it does, by its own words; 'gunmen' are no group."""
    (event,) = events(text)
    assert event.actors == [group]
    assert not events("UNIDENTIFIED GUNMEN MURDERED TWO UNION LEADERS ON MONDAY.")[0].actors


def test_a_relative_clause_acts_for_the_party_before_it():
    """'The Andean Youth Front, which on Monday killed a judge, ...': the front killed him."""
    found = events("THE ANDEAN YOUTH FRONT, WHICH ON MONDAY KILLED A JUDGE IN CALI, TODAY THREATENED THE MAYOR.")
    (killing,) = [e for e in found if e.type in ("killing", "attack")]
    assert killing.actors == ["Andean Youth Front"]


@pytest.mark.parametrize("text", [
    "A POWERFUL BOMB ALLEGEDLY PLANTED BY THE ANDEAN YOUTH FRONT EXPLODED IN CALI ON MONDAY.",
    "A WATCHMAN WAS WOUNDED BY EXPLOSIVES THAT HAD BEEN PLANTED BY THE ANDEAN YOUTH FRONT IN A CLINIC.",
])
def test_who_placed_the_weapon_did_the_violence(text):
    """'a bomb planted by X exploded', 'wounded by explosives placed by X': X did it, not the bomb."""
    (bombing,) = events(text)
    assert bombing.actors == ["Andean Youth Front"]


def test_a_states_insurgents_are_the_armed_group_the_story_names():
    """'Salvadoran guerrillas threatened ...': the FMLN the story names acted (the adjective's state stays)."""
    found = events("THE FMLN ISSUED A COMMUNIQUE. THE SALVADORAN GUERRILLAS TODAY THREATENED TO KILL THE MAYORS.")
    (threat,) = [e for e in found if e.type == "threat"]
    assert "Farabundo Marti National Liberation Front" in threat.actors


ANAPHORS = lexicon.load("groups")["anaphor_examples"]


@pytest.mark.parametrize("example", ANAPHORS, ids=[e["text"][:40] for e in ANAPHORS])
def test_a_definite_group_phrase_is_the_armed_group_told_last(example):
    """Each anaphor example of groups.yaml: 'the aforementioned group placed a bomb', 'the group
    kidnapped', 'the clandestine group, which set fire' stand for the armed group named last, as
    'they' do."""
    violent = [e for e in events(example["text"]) if e.type in VIOLENT]
    assert violent and all(e.actors == [example["group"]] for e in violent)


SPEAKER_ANAPHORS = lexicon.load("groups")["anaphor_speaker_examples"]


@pytest.mark.parametrize("example", SPEAKER_ANAPHORS, ids=[e["text"][:40] for e in SPEAKER_ANAPHORS])
def test_a_definite_group_phrase_speaks_for_the_armed_group_told_last(example):
    """Each speaker example of groups.yaml: 'the group denied', 'the group warned' are said by the
    armed group named last, not left without a party or given the state."""
    said = [e for e in events(example["text"]) if e.type not in VIOLENT]
    assert said and all(e.actors == [example["group"]] for e in said)


def test_a_relative_clause_acts_for_a_group_told_by_what_it_is():
    """'the so-called death squads, who murdered three teachers': the death squads did it."""
    found = events("VILLAGERS DREAD THE THUGS OF THE SO-CALLED DEATH SQUADS, WHO MURDERED THREE TEACHERS IN MARCH.")
    (killing,) = [e for e in found if e.type == "killing"]
    assert killing.actors == ["DEATH SQUADS"]
