"""How a MUC-4 key's strings are found in an event: whole folded words, the same party under
another name, a state's own forces named by the state."""

from __future__ import annotations

import pytest

from timeline.evaluate.muc4_match import actor_names_org, named_in, same_party, state_force, targets_named


@pytest.mark.parametrize("strings,text,count", [
    (["FMLN"], "rebels of the fmln attacked", 1),
    (["FMLN"], "the fmlns attacked", 0),  # whole words only
    (["THE MAYOR"], "gunmen killed the mayor of lima", 1),  # folded: case
    (["USULUTÁN"], "a bomb in usulutan", 1),  # folded: accents
    (["SAN-MIGUEL"], "troops in san miguel", 1),  # folded: punctuation
    (["LIMA"], "a bomb exploded in lima, peru", 1),  # a comma after the name is no part of it
    (["RAMIRO CASTILLO"], '"ramiro castillo\'s murder', 1),  # nor a quote mark or a possessive
    (["ELN [ARMY OF NATIONAL LIBERATION] GUERRILLAS"], "eln [army of national liberation] guerrillas", 1),
    (["THE \\", "/"], "the army attacked", 0),  # a broken key string with no content word names nothing
    (["FMLN", "fmln", "THE MAYOR", "THE BRIDGE"], "the fmln killed the mayor", 2),  # distinct strings, once each
    ([], "the fmln", 0),
])
def test_named_in(strings, text, count):
    """Key strings count once each, when the folded text holds them as whole words."""
    assert named_in(strings, text) == count


@pytest.mark.parametrize("ours,theirs,same", [
    ("Shining Path", "SHINING PATH", True),  # the same words in another case
    ("Shining Path", "MAOIST TERRORIST ORGANIZATION SHINING PATH", True),  # ours inside the key's description
    ("Farabundo Marti National Liberation Front", "FMLN", True),  # the lexicon's acronym
    ("Revolutionary Armed Forces of Colombia", "FARC 12TH FRONT", True),  # an alias inside the key's name
    ("Farabundo Marti National Liberation Front", "FARC 12TH FRONT", False),
    ("Shining Path", "TUPAC AMARU REVOLUTIONARY MOVEMENT", False),
    ("FMLN", "FMLNS", False),  # not a whole word
])
def test_same_party(ours, theirs, same):
    """An actor of ours and a key string name the same party by equal words, containment as
    whole words, or a lexicon alias of ours inside the key's string."""
    assert same_party(ours, theirs) is same


@pytest.mark.parametrize("key,force", [
    ("ARMED FORCES", True),
    ("THE SALVADORAN ARMY", True),
    ("NATIONAL POLICE", True),
    ("TREASURY POLICE", True),
    ("SOLDIERS", True),
    ("FMLN", False),
    ("ARMY OF NATIONAL LIBERATION", False),  # an armed group named like an army
    ("DEATH SQUAD", False),
])
def test_state_force(key, force):
    """A perpetrator that is a state's own forces, which this project names by the state."""
    assert state_force(key) is force


def test_a_states_forces_are_named_by_the_incidents_country():
    """'ARMED FORCES' in a Salvadoran incident is found as the actor 'El Salvador', not elsewhere
    and not without a country; an armed group is not its country."""
    assert actor_names_org(["El Salvador"], ("ARMED FORCES",), "EL SALVADOR")
    assert not actor_names_org(["El Salvador"], ("ARMED FORCES",), "PERU")
    assert not actor_names_org(["El Salvador"], ("ARMED FORCES",), None)
    assert not actor_names_org(["El Salvador"], ("FMLN",), "EL SALVADOR")


def test_an_organisation_is_named_under_any_of_its_alternatives():
    """The key's alternatives ('"FARABUNDO ..." / "FMLN"') are one organisation: any of them counts."""
    assert actor_names_org(["Farabundo Marti National Liberation Front"], ("NATIONAL GUERRILLA FRONT", "FMLN"))
    assert not actor_names_org(["Shining Path"], ("NATIONAL GUERRILLA FRONT", "FMLN"))
    assert not actor_names_org([], ("FMLN",), "EL SALVADOR")


def test_targets_named():
    """One of the event's targets names one of the key's human or physical targets."""
    groups = (("TOMAS QUILLA",), ("THE GRAIN SILO", "SILO"))
    assert targets_named(["grain silo", "Peru"], groups)  # folded, inside the key's words
    assert not targets_named(["Peru"], groups)
    assert not targets_named([], groups)
