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
