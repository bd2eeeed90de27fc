"""Nominal events: a bare 'the attack' is background, a nominal told with whom it hit, a date,
a support verb or a partner is an event of its own."""

from __future__ import annotations

import pytest

from timeline.extract import Options, extract, lexicon
from timeline.models import Document


def events(text: str) -> list[tuple[str, str]]:
    """(type, modality) of every event extracted from one sentence."""
    return [(e.type, e.modality) for e in extract([Document(id="d", text=text)], Options(solve=False)).events]


@pytest.mark.parametrize("text,kind", [
    ("Editorials voiced the anger caused by the assassination of Luis Carlos Galan.", "killing"),
    ("A GARDENER IS THE SOLE WITNESS TO THE MURDER OF THE SIX JESUITS.", "killing"),
    ("The talks were suspended after the attack on a labor union headquarters.", "attack"),
])
def test_violent_nominal_with_its_victim_is_an_event(text, kind):
    """'the murder of six Jesuits': whom the violence hit makes it one incident, not background."""
    assert (kind, "asserted") in events(text)


@pytest.mark.parametrize("text", [
    "Officials discussed the attack.",
    "The newspapers reported the indignation caused by the violence.",
])
def test_bare_nominal_is_background(text):
    """A nominal with nothing that ties it to one incident names no event."""
    assert events(text) == []


@pytest.mark.parametrize("text", [
    "Officials warned of an attack on the capital.",
    "He spoke about the threat of attack.",
])
def test_threatened_violence_is_not_told_as_done(text):
    """What a warning or a threat names is still to come: never an asserted attack."""
    assert ("attack", "asserted") not in events(text)



SUPPORT = lexicon.load("triggers")["support"]


@pytest.mark.parametrize("entry", SUPPORT, ids=[entry["name"] for entry in SUPPORT])
def test_support_words_make_a_nominal_an_event(entry):
    """Each support entry's example: the nominal beside the support words is an event."""
    assert [kind for kind, modality in events(entry["example"]) if modality == "asserted"]
