"""Whom an event is aimed at: targets from objects, recipients and places, kept apart from actors."""

from __future__ import annotations

import pytest

from timeline.extract import Options, extract, lexicon
from timeline.models import Document


def _event(text: str, kind: str):
    """The first event of ``kind`` extracted from one sentence."""
    events = extract([Document(id="d", text=text)], Options(solve=False)).events
    found = [e for e in events if e.type == kind]
    assert found, [(e.type, e.actors) for e in events]
    return found[0]


def test_a_recipient_named_twice_is_no_actor():
    """'a French militant to France': the state named by the object and the recipient is the
    target, not an actor beside the one that acted."""
    event = _event("Kenya extradited a suspected French militant to France on Monday.", "cooperation")
    assert event.actors == ["Kenya"] and event.targets == ["France"]


@pytest.mark.parametrize("text,kind,place_targeted", [
    ("Rebels shelled the city of Aleppo on Sunday.", "shelling", True),  # the place heads the object
    ("Rebels shelled Mosul on Sunday.", "shelling", True),
    ("Gunmen killed the former Cali mayor on Sunday.", "killing", False),  # the place only qualifies the mayor
])
def test_a_place_that_heads_the_object_is_a_target(text, kind, place_targeted):
    """What underwent the act is the place itself when the object's phrase ends on it; the place
    is where it happened either way."""
    event = _event(text, kind)
    assert (event.location in event.targets) is place_targeted and event.location is not None


@pytest.mark.parametrize("text,kind,targets", [
    ("Kenyan diplomats held talks with Ethiopia on Monday.", "negotiation", ["Ethiopia"]),
    ("The Kenyan president hosted the Ethiopian prime minister on Monday.", "meeting", ["Ethiopia"]),
    ("Talks between Kenya and Ethiopia began on Monday.", "negotiation", []),  # no subject seeks the other out
    ("Kenya and Ethiopia clashed on the border on Monday.", "armed_clash", []),  # both sides fight
])
def test_whom_a_subject_meets_takes_part_and_is_met(text, kind, targets):
    """A joint act one party seeks out: the party met, hosted or talked with is an actor (it
    takes part) and the target (whom the act is aimed at)."""
    event = _event(text, kind)
    assert {"Kenya", "Ethiopia"} <= set(event.actors) and event.targets == targets


@pytest.mark.parametrize("text,kind,actors,targets", [
    ("Kenyan authorities imposed a curfew in Mombasa on Monday.", "coercion", ["Kenya"], ["Mombasa"]),
    ("Police said a curfew was imposed in Mombasa on Monday.", "coercion", [], ["Mombasa"]),
])
def test_a_measure_is_aimed_at_the_place_it_applies_to(text, kind, actors, targets):
    """A curfew, a state of emergency, a blockade or its lifting: where it applies is whom it is
    aimed at, and no party that imposed it."""
    event = _event(text, kind)
    assert (event.actors, event.targets) == (actors, targets)


@pytest.mark.parametrize("text,kind,target", [
    ("The United Nations will send food aid to refugee families in the north.", "aid", "refugee families"),
    ("Kenya rejected an appeal from the striking teachers on Monday.", "refusal", "striking teachers"),
])
def test_a_recipient_no_name_stands_for_is_told_by_its_words(text, kind, target):
    """Whom a directed act is aimed at, described rather than named, is a target by its words."""
    assert target in _event(text, kind).targets


@pytest.mark.parametrize("text,kind,targets", [
    ("Britain urged Vladimir Putin to withdraw his troops.", "appeal", ["Vladimir Putin", "Russia"]),
])
def test_a_leader_addressed_stands_for_his_state(text, kind, targets):
    """A speech act or a measure aimed at a state's leader is aimed at the state too, as his
    words and acts count for it among the actors (violence excepted: the person is the victim)."""
    assert _event(text, kind).targets == targets


@pytest.mark.parametrize("text,kind", [
    ("Kenya has refused to deploy troops in Somalia.", "refusal"),  # past an infinitive, no preposition of its type
    ("Uganda pledged to support Somalia in the talks.", "support"),
    ("Kenya agreed to lift the trade embargo on Somalia.", "pledge"),  # agreed to do, with nobody named: a promise made
])
def test_a_party_past_a_directed_verb_is_aimed_at(text, kind):
    """A directed act (a refusal, aid, support, a measure) whose subject acts before its verb is
    aimed at the party named after the verb, whatever word introduces it."""
    event = _event(text, kind)
    assert event.targets == ["Somalia"] and "Somalia" not in event.actors


@pytest.mark.parametrize("text,kind,described", [
    ("Soldiers at a roadblock shot dead three Kenyan students on Monday.", "killing", "Kenyan students"),
    ("GUNMEN HURLED GRENADES AT THE BOLIVIAN CONSULATE OFFICES YESTERDAY.", "bombing", "BOLIVIAN CONSULATE OFFICES"),
])
def test_a_state_that_only_qualifies_the_victims_leaves_their_description(text, kind, described):
    """A nationality before the victims' noun qualifies them: the victims are still a target in
    their own words, beside the state."""
    event = _event(text, kind)
    assert any(described in t for t in event.targets), event.targets


@pytest.mark.parametrize("text,kind,actors,targets", [
    ("Kenyan traders protested on Friday in Uganda.", "protest", ["Kenya"], ["Uganda"]),
    ("Kenyan fans rioted at a stadium in Uganda on Saturday.", "riot", ["Kenya"], ["Uganda"]),
    ("Angry traders protested on Friday in Uganda.", "protest", ["Uganda"], []),  # the subject names nobody
])
def test_a_protest_is_aimed_at_the_party_named_after_it(text, kind, actors, targets):
    """Past the verb of a protest or riot whose subject names its party, another party named is
    whom it is aimed at; when the subject names nobody, the party named may be its own side."""
    event = _event(text, kind)
    assert (event.actors, event.targets) == (actors, targets)


@pytest.mark.parametrize("text,target", [
    ("Late on Monday a car bomb exploded outside a police station.", "police station"),
    ("A BOMB WENT OFF YESTERDAY AT A BANK BRANCH.", "BANK BRANCH"),
])
def test_an_explosion_with_no_object_was_done_to_the_building_it_hit(text, target):
    """An explosion told mid-sentence (not at the text's first character) still finds the
    building it went off in or at as what it was done to."""
    assert _event(text, "bombing").targets == [target]


def test_a_particle_after_the_verb_is_no_part_of_its_object():
    """'beat to death a farmer': the particle told between a violent verb and its object, past
    a sentence's first words, is skipped before the object is read (a beating to death is a
    killing: killings.yaml by_hand)."""
    assert _event("On Monday soldiers beat to death a farmer.", "killing").targets == ["farmer"]


@pytest.mark.parametrize("text,kind,targets", [
    ("Militants set off a string of bombs in Mombasa on Sunday.", "bombing", ["string of bombs", "Mombasa"]),
    ("Soldiers fired mortar shells at targets in Mombasa, witnesses said.", "shelling", ["targets", "Mombasa"]),
    ("Kenyan police reimposed roadblocks in Mombasa on Friday.", "coercion", ["roadblocks", "Mombasa"]),
    ("Gunmen killed the mayor of Mombasa on Sunday.", "killing", ["mayor of Mombasa"]),  # a victim named
])
def test_violence_or_a_measure_naming_no_party_is_aimed_at_its_place(text, kind, targets):
    """Violence or a measure whose targets are only words (no party, no place a lexicon names)
    was aimed at the town where it happened; a state named as where is left to the older rule."""
    assert _event(text, kind).targets == targets


GROUPS = lexicon.load("groups")  # the rules whose examples and counterexamples these tests run


@pytest.mark.parametrize("example", GROUPS["state_victims"]["examples"], ids=lambda e: e["text"][:30])
def test_violence_by_nobody_named_at_the_states_agents_or_things_is_aimed_at_the_state(example):
    """'A roadside bomb wounded four gendarmes', 'a bomb exploded in Lima', 'at a fuel depot': the place's
    state is what violence by nobody named was aimed at (twenty-second session)."""
    event = _event(example["text"], example["type"])
    assert example["party"] in event.targets, (event.actors, event.targets)


@pytest.mark.parametrize("example", GROUPS["state_victims"]["counterexamples"], ids=lambda e: e["text"][:30])
def test_violence_by_nobody_named_at_civilians_is_not_aimed_at_the_state(example):
    """'A journalist was shot dead', 'killed three villagers': people who are not the state's agents
    (or the places civilians live in) were the victims, not the place's state."""
    event = _event(example["text"], example["type"])
    assert example["not_party"] not in event.targets + event.actors, (event.actors, event.targets)


@pytest.mark.parametrize("example", GROUPS["destinations"]["examples"], ids=lambda e: e["text"][:30])
def test_a_state_people_flee_to_is_no_party_of_the_flight(example):
    """'fled into Malawi', 'withdrew towards Uganda': where they went, not a party."""
    event = _event(example["text"], example["type"])
    assert example["not_party"] not in event.actors + event.targets, (event.actors, event.targets)


@pytest.mark.parametrize("example", GROUPS["destinations"]["counterexamples"], ids=lambda e: e["text"][:30])
def test_a_state_that_moves_its_own_troops_stays_their_party(example):
    """'Togo withdrew its troops from the border': the state that moves is the actor."""
    event = _event(example["text"], example["type"])
    assert example["party"] in event.actors, (event.actors, event.targets)


@pytest.mark.parametrize("text,kind,party", [
    ("Thousands of people protested in Nairobi on Tuesday.", "protest", None),  # nobody named: the crowd's
    ("Riots erupted in Accra after the vote.", "riot", None),
    ("Kenyan teachers went on strike in Mombasa on Tuesday.", "protest", "Kenya"),  # a state named stays
    ("Students in Nairobi blocked the university gates on Tuesday.", "protest", "Kenya"),  # the place qualifies who acted
])
def test_a_crowds_act_by_nobody_named_is_no_act_of_the_places_state(text, kind, party):
    """'Thousands of people protested in Nairobi': the people of the place protested, not the state whose town
    it is (twenty-third session); a protest whose clause names its state stays that state's, and so
    does one whose place qualifies the crowd before the act ('students in Nairobi'), as PLOVER codes such crowds."""
    event = _event(text, kind)
    assert event.actors == ([party] if party else []), (event.actors, event.targets)
