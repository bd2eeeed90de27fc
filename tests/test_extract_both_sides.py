"""'the two sides', 'both leaders', 'each side': the sides of the fighting told last (groups.yaml both_sides)."""

import pytest

from timeline.extract import Options, lexicon
from timeline.extract.pipeline import run
from timeline.models import Document

EXAMPLES = lexicon.load("groups")["both_sides"]["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][-40:] for e in EXAMPLES])
def test_both_sides_are_the_sides_of_the_fighting(example):
    """The example's event of its type takes both sides among its parties."""
    state = run(Document(id="d", text="Story\n\n" + example["text"]), Options())
    events = [e for e in state.events if e.type == example["type"]]
    assert events and set(example["sides"]) <= set(events[0].actors + events[0].targets), \
        [(e.type, e.actors, e.targets) for e in state.events]
