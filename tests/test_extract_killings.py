"""An event told only by its deaths is a killing; deaths told beside another act stay that act's
toll (lexicons/killings.yaml)."""

import pytest

from timeline.extract import extract, lexicon
from timeline.models import Document

EXAMPLES = lexicon.load("killings")["examples"]


def _types(text: str) -> set[str]:
    return {e.type for e in extract([Document(id="d", text="Story\n\n" + text)]).events}


@pytest.mark.parametrize("entry", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_killings_example(entry):
    """Each example's violence has the type the lexicon gives, and not the other."""
    types = _types(entry["text"])
    assert entry["type"] in types, types
    assert ({"killing", "attack"} - {entry["type"]}).isdisjoint(types), types


def test_wounds_alone_stay_an_attack():
    """Only deaths make a killing: people wounded by unnamed hands were attacked."""
    assert _types("Gunmen wounded three guards outside the bank on Monday.") & {"killing"} == set()
