"""Dates on news, nineteenth session, second round: a date inside a wh-clause that is the subject
of a judgement told by the copula is that happening's, not the judging's. Sentences of my own;
each asserts the date the mechanism gives and the shape it must leave alone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from mention_dates import dater

PUBLISHED = dt.date(2026, 3, 11)  # a Wednesday

_dates = dater(PUBLISHED)


@pytest.mark.parametrize("text, trigger, day", [
    ('"What happened in the valley last night was a cowardly crime," the governor said on Wednesday.', "was a cowardly",
     "2026-03-11"),  # the saying's day
    ("What the soldiers did in the village on Monday was a war crime, the envoy told reporters.", "was a war crime",
     None),  # a saying with no day of its own: no stated date, not Monday's
])
def test_a_date_inside_a_wh_subject_does_not_date_the_judgement_the_copula_tells(text, trigger, day):
    assert _dates(text)[trigger] == day


@pytest.mark.parametrize("text, trigger, day", [
    ('"What happened in the valley last night was a massacre," the governor said.', "massacre", "2026-03-10"),
    ("The rebels, who on Sunday attacked the camp, said they held the road.", "attacked", "2026-03-08"),
])
def test_a_noun_renaming_the_happening_or_the_wh_clauses_own_act_keeps_the_date(text, trigger, day):
    assert _dates(text)[trigger] == day
