"""A yielding act withheld by its agent is a refusal; a passive or an asserted one stays as it is
(lexicons/withheld.yaml)."""

import pytest

from event_types import assert_told_apart
from timeline.extract import lexicon

EXAMPLES = lexicon.load("withheld")["examples"]


@pytest.mark.parametrize("entry", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_withheld_example(entry):
    """Each example's event has the type the lexicon gives, and not the other one named."""
    assert_told_apart(entry["text"], entry["type"], {entry["type"], entry["not"]})
