"""Dates on news, nineteenth session: a possessive date in an apposition describes its person, a
counted 'day after' names its act, and narrative order knows an irregular past perfect. Sentences
of my own; each asserts the date or order the mechanism gives and, where it has one, the shape it
must leave alone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract import Options
from timeline.extract.ordering import _in_past_perfect
from timeline.extract.pipeline import run
from timeline.models import Document

PUBLISHED = dt.date(2026, 3, 11)  # a Wednesday


def _dates(text: str) -> dict[str, str | None]:
    """Each mention's stated date by its trigger word (lower case), before co-reference joins them."""
    state = run(Document(id="news", text=text, published=PUBLISHED), Options())
    return {text[m.trigger.start:m.trigger.end].lower(): m.date for m in state.events}


def _orders(text: str) -> set[tuple[str, str, str]]:
    """(trigger, relation, trigger) of every order the ordering stage set."""
    state = run(Document(id="news", text=text, published=PUBLISHED), Options())
    word = [text[m.trigger.start:m.trigger.end].lower() for m in state.events]
    return {(word[k], relation, word[j]) for k, m in enumerate(state.events) for relation, j in m.relations}


@pytest.mark.parametrize("text", [
    "Relatives of the mayor, the loser in Sunday's election, say he was arrested at his office by soldiers.",
    "RELATIVES OF THE MAYOR, THE LOSER IN SUNDAY'S ELECTION, SAY HE WAS ARRESTED AT HIS OFFICE BY SOLDIERS.",
])
def test_a_possessive_date_in_an_apposition_does_not_date_the_act_told_after_it(text):
    assert _dates(text)["arrested"] is None


@pytest.mark.parametrize("text, day", [
    ("Sunday's storm, the worst in years, killed twelve people.", "2026-03-08"),
    ("After Sunday's vote, police arrested twenty protesters.", "2026-03-08/.."),
])
def test_a_possessive_date_outside_an_apposition_still_dates_or_bounds_the_act(text, day):
    found = _dates(text)
    assert day in found.values()


def test_the_day_after_a_named_act_counts_from_that_acts_day_not_the_last_date_written():
    text = ("Gunmen stormed the town hall on 4 May 2023. The trial of six men opened on Monday. "
            "The governor ordered an inquiry the day after the attack.")
    assert _dates(text)["inquiry"] == "2023-05-05"


def test_the_day_after_with_no_act_named_is_left_to_the_stories_day():
    text = "Rebels shelled the border town on Friday. The army seized the bridge the following day."
    assert _dates(text)["seized"] == "2026-03-07"


@pytest.mark.parametrize("phrase, told", [
    ("said its drones had hit a fuel depot", True),
    ("said the patrol had also shot two men", True),
    ("had fought for years", True),
    ("had killed six", True),
    ("had two sons", False),
    ("had no choice", False),
])
def test_an_irregular_participle_after_had_is_a_past_perfect(phrase, told):
    assert _in_past_perfect(phrase, 0, len(phrase), irregular=True) is told


def test_narrative_order_skips_an_act_told_in_an_irregular_past_perfect():
    text = "Rebels shelled the port on Monday. The air force said its jets had hit a fuel depot across the border."
    assert ("hit", "after", "shelled") not in _orders(text)
    assert ("hit", "after", "shelled") in _orders(text.replace("had hit", "hit"))
