"""Relayed figures: an agency that reports how many fled is no party to the flight."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract import Options, extract
from timeline.models import Document


def _displacement_actors(text: str) -> list[str]:
    doc = Document(id="d", text="Story\n\n" + text, published=dt.date(2024, 3, 5))
    (found,) = [e for e in extract([doc], Options()).events if e.type == "displacement"]
    return found.actors


@pytest.mark.parametrize("text,speaker", [
    ("The International Organization for Migration said more than 40,000 people had fled their homes.",
     "International Organization for Migration"),
    ("OCHA SAID 12,000 PEOPLE HAD BEEN DISPLACED BY THE FIGHTING.", "OCHA"),
])
def test_speaker_of_the_figures_is_no_actor(text, speaker):
    assert speaker not in _displacement_actors(text)


def test_a_subject_pointing_back_keeps_the_speaker():
    """'The army said it evacuated ...': the army did it."""
    assert "Sudan" in _displacement_actors("The Sudanese army said it evacuated 3,000 residents of El Fasher.")
