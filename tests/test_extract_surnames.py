"""Victims told by surname alone are the person named in full before (lexicons/surnames.yaml)."""

from __future__ import annotations

import pytest

from timeline.extract import Options, extract, lexicon
from timeline.extract.surnames import full_name
from timeline.models import Document


def targets(text: str) -> list[list[str]]:
    """The targets of each violent event of a short text read alone."""
    events = extract([Document(id="d", text=text)], Options(solve=False)).events
    return [e.targets for e in events if e.type in {"attack", "killing", "abduction", "bombing"}]


def test_the_lexicon_example_names_the_victim_in_full():
    """The file's own example: 'VIZCAINO WAS KIDNAPPED' after 'JUDGE ORLANDO VIZCAINO'."""
    entry = lexicon.load("surnames")
    [found] = targets(entry["example"])
    assert found == [entry["example_target"]]


@pytest.mark.parametrize("text,victim", [
    ("THE ARMY SAID THAT DEPUTY ELENA MARQUINEZ HAD LEFT FOR THE COAST. MARQUINEZ WAS SHOT DEAD IN THE PORT ON "
     "FRIDAY.", "ELENA MARQUINEZ"),
    ("REPORTERS MET [TEXT] OSVALDO TREJOS IN THE CAPITAL. TREJOS WAS KIDNAPPED BY ARMED MEN ON 4 JUNE.",
     "OSVALDO TREJOS"),
])
def test_a_surname_names_the_person_told_in_full(text, victim):
    """The name words before the surname's first use make its full name; a title or a bracket does not."""
    [found] = targets(text)
    assert found == [victim]


@pytest.mark.parametrize("text,word", [
    ("THE HOSTAGES WERE FREED. ARMED MEN KIDNAPPED HOSTAGES AGAIN.", "HOSTAGES"),  # an English word: no name
    ("MARQUINEZ WAS SHOT ON FRIDAY.", "MARQUINEZ"),  # first told alone: nothing fuller
    ("THE MAYOR OF MARQUINEZ SPOKE.", "MARQUINEZ"),  # a function word before it
])
def test_no_fuller_name(text, word):
    """An English word, a surname first told alone, or one after a function word gets no fuller name."""
    assert full_name(text, word, caps=True) is None
