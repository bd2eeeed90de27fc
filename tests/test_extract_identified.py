"""Victims told after the act are its targets (lexicons/identified.yaml)."""

from __future__ import annotations

import pytest

from timeline.extract import Options, extract, lexicon
from timeline.models import Document


def targets(text: str) -> list[list[str]]:
    """The targets of each violent event of a short text read alone."""
    events = extract([Document(id="d", text=text)], Options(solve=False)).events
    return [e.targets for e in events if e.type in {"attack", "killing", "abduction", "bombing"}]


def test_the_lexicon_example_names_its_victims():
    """The file's own example: the victims identified after the killing are its targets."""
    [found] = targets(lexicon.load("identified")["example"])
    assert "Tomas Vidal" in found


@pytest.mark.parametrize("text,victim", [
    ("A BOMB EXPLODED AT THE RADIO STATION, WOUNDING TWO TECHNICIANS. THE WOUNDED TECHNICIANS ARE RAUL PINO, 30, "
     "AND ELENA SOTO.", "RAUL PINO"),
    ("Armed men kidnapped three engineers on the highway. Among the hostages was Marco Duarte, a road inspector.",
     "Marco Duarte"),
])
def test_victims_named_after_the_act_are_its_targets(text, victim):
    """'The wounded technicians are X': the violence told just before was done to X."""
    [found] = targets(text)
    assert victim in found


@pytest.mark.parametrize("text", [
    "A BOMB EXPLODED AT THE RADIO STATION. THE WOUNDED WERE TAKEN TO A HOSPITAL IN THE CAPITAL.",
    "Gunmen shot dead a driver on the highway. The victim was 45 years old.",
    "Gunmen shot dead a driver on the highway. The victim was not a member of any party.",
])
def test_what_tells_no_one_adds_no_target(text):
    """A verb form, an age or a negation after 'be' names nobody."""
    assert all(len(found) <= 1 for found in targets(text))
