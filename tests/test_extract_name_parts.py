"""An organisation's alias inside a person's name or a longer name names nobody of the organisation."""

import pytest

from timeline.extract import lexicon
from timeline.extract.casing import shouting
from timeline.extract.names import names_in


@pytest.mark.parametrize("example", lexicon.load("text")["name_part_examples"], ids=lambda e: e["text"][:40])
def test_alias_inside_another_name(example):
    """Each example's organisation is named, or not, as the rule says."""
    text = example["text"]
    found = [m.name for m in names_in(text, 0, len(text), shouting(text))]
    assert (example["name"] in found) is example["named"], found
