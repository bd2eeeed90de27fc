"""Dates on news, nineteenth session: a possessive date in an apposition describes its person, and
'the day after the attack' counts from that act. Sentences of my own; each asserts the date the
mechanism gives and, where it has one, the shape it must leave alone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from mention_dates import dater

PUBLISHED = dt.date(2026, 3, 11)  # a Wednesday

_dates = dater(PUBLISHED)


@pytest.mark.parametrize("text", [
    "Aides to the governor, the favourite in Sunday's primary, claim he was arrested outside the depot by guards.",
    "AIDES TO THE GOVERNOR, THE FAVOURITE IN SUNDAY'S PRIMARY, CLAIM HE WAS ARRESTED OUTSIDE THE DEPOT BY GUARDS.",
])
def test_a_possessive_date_in_an_apposition_does_not_date_the_act_told_after_it(text):
    assert _dates(text)["arrested"] is None


@pytest.mark.parametrize("text, trigger, day", [
    ("Sunday's storm, the worst in years, killed twelve people.", "killed", "2026-03-08"),
    ("After Sunday's vote, police arrested twenty protesters.", "arrested", "2026-03-08/.."),
])
def test_a_possessive_date_outside_an_apposition_still_dates_or_bounds_the_act(text, trigger, day):
    assert _dates(text)[trigger] == day


def test_the_day_after_a_named_act_counts_from_that_acts_day_not_the_last_date_written():
    text = ("Gunmen stormed the town hall on 4 May 2023. The trial of six men opened on Monday. "
            "The governor ordered an inquiry the day after the attack.")
    assert _dates(text)["inquiry"] == "2023-05-05"


def test_the_day_after_with_no_act_named_is_left_to_the_stories_day():
    text = "Rebels shelled the border town on Friday. The army seized the bridge the following day."
    assert _dates(text)["seized"] == "2026-03-07"


def test_the_day_after_an_act_that_is_no_violence_is_not_counted_from_the_violence():
    text = ("Gunmen stormed the town hall on 4 May 2023. Voters went to the polls on 20 May 2023. "
            "The governor resigned the day after the election.")
    assert _dates(text)["resigned"] == "2023-05-21"
