"""A bombing by a state's armed forces is an air strike; one by an armed group stays a bombing
(lexicons/bombardment.yaml)."""

import pytest

from event_types import assert_told_apart, types_of as _types
from timeline.extract import lexicon

EXAMPLES = lexicon.load("bombardment")["examples"]


@pytest.mark.parametrize("entry", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_bombardment_example(entry):
    """Each example's violence has the type the lexicon gives."""
    assert_told_apart(entry["text"], entry["type"], {"bombing", "airstrike"})


def test_a_planted_device_is_no_bombardment():
    """Without 'bomb' as the verb, soldiers near a device do not make it an air strike."""
    assert _types("Soldiers found that a bomb had exploded outside the barracks.") & {"airstrike"} == set()
