"""States that only describe a place or a person (an address's last part, a nationality noun) are no party."""

import pytest

from timeline.extract import extract, lexicon
from timeline.models import Document

RULES = lexicon.load("text")["state_descriptions"]


def _parties(text: str) -> list[str]:
    events = extract([Document(id="d", text="Story\n\n" + text)]).events
    assert events, text
    return [name for e in events for name in e.actors + e.targets]


@pytest.mark.parametrize("example", RULES["examples"], ids=lambda e: e["state"])
def test_descriptive_state_is_no_party(example):
    assert example["state"] not in _parties(example["text"])


@pytest.mark.parametrize("example", RULES["counterexamples"], ids=lambda e: e["state"])
def test_listed_state_stays_a_party(example):
    assert example["state"] in _parties(example["text"])
