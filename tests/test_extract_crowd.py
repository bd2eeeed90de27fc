"""Crowd control told with no harm, or a protest word done by a state's forces, is coercion; with harm it stays an attack
(lexicons/crowd.yaml)."""

import pytest

from event_types import assert_told_apart
from timeline.extract import lexicon

EXAMPLES = lexicon.load("crowd")["examples"]


@pytest.mark.parametrize("entry", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_crowd_example(entry):
    """Each example's force has the type the lexicon gives, and not the other."""
    assert_told_apart(entry["text"], entry["type"], {"coercion", "attack", "protest"})
