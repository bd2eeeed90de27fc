"""A clause telling two incidents by a sequel verb ('the 4 October attacks were followed today by
eight bombings') divides there: each incident keeps its own date."""

from __future__ import annotations

import datetime as dt

from timeline.extract import Options, extract, lexicon
from timeline.models import Document


def _events(text: str, published: dt.date) -> list:
    return extract([Document(id="wire", text=text, published=published)], Options()).events


def test_the_lexicons_sequel_example_gives_two_incidents_on_their_own_days():
    """The example in text.yaml: the earlier attacks on their day, the bombings on the report's."""
    example = lexicon.load("text")["sequels"]["example"]
    events = _events(example["text"], dt.date.fromisoformat(str(example["published"])))
    assert sorted(str(e.date) for e in events) == example["dates"]


def test_a_participle_describing_a_noun_is_no_sequel():
    """'the route followed by the motorcade': no auxiliary, so the clause stays whole."""
    text = "LIMA, 5 OCT 89 -- A DYNAMITE CHARGE WAS DETONATED TODAY ON THE ROUTE FOLLOWED BY THE MOTORCADE."
    [event] = _events(text, dt.date(1989, 10, 5))
    assert event.date == "1989-10-05" and "MOTORCADE" in event.sources[0].quote
