"""The set of event types extracted from one short story, for the lexicon-example tests."""

from timeline.extract import extract
from timeline.models import Document


def types_of(text: str) -> set[str]:
    """Types of the events found in `text` told under a one-word headline."""
    return {e.type for e in extract([Document(id="d", text="Story\n\n" + text)]).events}


def assert_told_apart(text: str, expected: str, pair: set[str]) -> None:
    """A lexicon example that tells two types apart: the story's events have ``expected`` and
    not the other type of ``pair``."""
    types = types_of(text)
    assert expected in types, types
    assert (pair - {expected}).isdisjoint(types), types
