"""An arrest by irregular or unidentified hands, or whose captives vanish, is an abduction
(lexicons/captors.yaml)."""

import pytest

from event_types import assert_told_apart, types_of as _types
from timeline.extract import lexicon

EXAMPLES = lexicon.load("captors")["examples"]


@pytest.mark.parametrize("entry", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_captor_example(entry):
    """Each example reads as an abduction, or stays an arrest, as the lexicon says."""
    assert_told_apart(entry["text"], "abduction" if entry["abduction"] else "arrest", {"abduction", "arrest"})


def test_named_armed_group_as_captor_is_an_abduction():
    """A known armed group (organisations.yaml, armed: true) holding someone is abducting him."""
    assert _types("The engineer was captured by the ELN near Arauca.") == {"abduction"}


def test_the_arrests_object_is_not_its_captor():
    """'arrested three guerrillas': the guerrillas are taken, the police take them."""
    assert _types("Soldiers arrested three guerrillas in the hills.") == {"arrest"}


TAKER_EXAMPLES = lexicon.load("captors")["taker_examples"]


@pytest.mark.parametrize("entry", TAKER_EXAMPLES, ids=[e["text"][:40] for e in TAKER_EXAMPLES])
def test_taker_told_before_the_arrest(entry):
    """An arrest whose taker is told before its clause ('and captured', 'they captured') is an
    abduction when that taker is an armed group of no state, and stays an arrest otherwise."""
    assert_told_apart(entry["text"], "abduction" if entry["abduction"] else "arrest", {"abduction", "arrest"})


def test_a_raid_that_takes_people_stays_the_groups_attack():
    """'raided the farm and captured two agronomists': the raid is the group's attack, the capture
    its abduction (no arrest the raid would be read as)."""
    assert _types("Fighters of the Popular Liberation Front raided the farm and captured the two agronomists.") \
        == {"attack", "abduction"}


def test_members_of_a_named_group_as_captors():
    """'Members of the X Front captured': the agent's head is 'members', the group its name."""
    assert _types("Members of the Popular Liberation Front captured a customs officer near the bridge.") == {"abduction"}
