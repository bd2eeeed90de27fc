"""A state's or its diplomats' protest, or one told by a note, is an accusation; a crowd's stays a protest
(lexicons/disapproval.yaml)."""

import pytest

from event_types import assert_told_apart, types_of
from timeline.extract import lexicon

EXAMPLES = lexicon.load("disapproval")["examples"]


@pytest.mark.parametrize("entry", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_disapproval_example(entry):
    """Each example's protest word has the type the lexicon gives, and not the other."""
    assert_told_apart(entry["text"], entry["type"], {"accusation", "protest"})


def test_a_capital_speaks_for_its_state():
    """A capital that protests is its government: a diplomatic protest."""
    assert types_of("On Monday, Canberra protested the seizure of the trawler.") == {"accusation"}


def test_a_state_named_after_a_preposition_is_no_subject():
    """Workers in a state protest as a crowd, not as the state."""
    assert types_of("Dock workers in Portugal protested outside the ministry on Tuesday.") == {"protest"}


def test_a_judgement_on_violence_is_an_accusation():
    """'called the bombing "a disgrace"': a verdict passed on an act of violence, whatever its words."""
    assert "accusation" in types_of('The archbishop called the bombing "a disgrace to the nation".')
    assert "accusation" not in types_of("The envoy called the truce a good beginning.")
