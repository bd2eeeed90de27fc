"""An event told only by its deaths is a killing; deaths told beside another act stay that act's
toll (lexicons/killings.yaml)."""

import pytest

from event_types import assert_told_apart, types_of as _types
from timeline.extract import lexicon

EXAMPLES = lexicon.load("killings")["examples"]


@pytest.mark.parametrize("entry", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_killings_example(entry):
    """Each example's violence has the type the lexicon gives, and not the other."""
    assert_told_apart(entry["text"], entry["type"], {"killing", "attack"})


def test_wounds_alone_stay_an_attack():
    """Only deaths make a killing: people wounded by unnamed hands were attacked."""
    assert _types("Gunmen wounded three guards outside the bank on Monday.") & {"killing"} == set()
