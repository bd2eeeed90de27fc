"""A verb that takes people or things is a seizure of people when it takes a person
(lexicons/seizures.yaml)."""

import pytest

from event_types import types_of
from timeline.extract import extract, lexicon
from timeline.models import Document

EXAMPLES = lexicon.load("seizures")["examples"]
TAKINGS = {"abduction", "arrest"}


@pytest.mark.parametrize("entry", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_seizure_example(entry):
    """Each example is a seizure of the type the lexicon gives, or no taking at all."""
    taken = types_of(entry["text"]) & TAKINGS
    assert taken == ({entry["type"]} if entry["type"] else set()), taken


def test_a_person_in_the_plural_needs_no_determiner():
    """'snatched nurses': a person-denoting head in the plural is people."""
    assert types_of("Bandits snatched nurses from the clinic near the market.") & TAKINGS == {"abduction"}


def test_a_pronoun_for_people_is_taken():
    """'grabbed her': a pronoun for people is a person."""
    assert types_of("Two masked men grabbed her outside the school gate.") & TAKINGS == {"abduction"}


def test_holding_told_as_past_restraint_is_no_seizure():
    """'held him on the ground': 'hold' told as a past act restrains, it takes no one."""
    assert types_of("Passers-by held him on the ground until the guards came.") & TAKINGS == set()


def test_harm_told_after_the_seizure_is_the_incident():
    """'seized the mayor and shot him': the shooting types the incident, not the seizure."""
    assert "abduction" not in types_of("Gunmen seized the mayor of the village and shot him in the square.")


def test_a_taking_told_by_its_own_word_is_not_told_twice():
    """'holding the senator, kidnapped in May': the kidnapping word tells the taking, with its day."""
    text = "Story\n\nThe militia is still holding the senator, kidnapped on 3 May 2026 near the border."
    events = [e for e in extract([Document(id="d", text=text)]).events if e.type == "abduction"]
    assert [e.date for e in events] == ["2026-05-03"]


def test_take_seizes_people_only_told_with_where_from():
    """'took the sailors from the ship' is a seizure; 'took the children to school' takes no one."""
    assert types_of("Pirates took three sailors from a tanker off the coast.") & TAKINGS == {"abduction"}
    assert types_of("The volunteers took the children to school on Monday.") & TAKINGS == set()


def test_take_to_safety_is_no_seizure():
    """'took the miners from the shaft to safety': a rescue, not a taking."""
    assert types_of("Firefighters took four miners from the flooded shaft to safety.") & TAKINGS == set()


def test_take_after_a_taking_moves_the_captives():
    """'seized two guards and then took them off the farm': one taking, the captives moved."""
    text = "Story\n\nRebels seized two farm guards on Monday and then took them off the farm."
    assert len([e for e in extract([Document(id="d", text=text)]).events if e.type in TAKINGS]) == 1


def test_take_after_a_taking_noun_is_its_own_taking():
    """'the abduction was the second since pirates took ...': the noun names another taking."""
    text = "Story\n\nThe abduction was the second this year, after pirates took four sailors from a trawler in May."
    assert "abduction" in {e.type for e in extract([Document(id="d", text=text)]).events}
