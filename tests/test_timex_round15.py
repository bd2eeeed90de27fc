"""Fifteenth tagger round: classes the extractor's helpers saw go wrong in news, on the project's own sentences."""

import datetime as dt
import re

import pytest

import timeline.timex
from timeline.timex import context, normalise
from timeline.timex.lexicon import lexicon
from tagged import finder

WEDNESDAY = dt.date(2026, 12, 2)


found = finder(WEDNESDAY, typed=False)


WHEN_CLAUSES = [
    ("Dozens drowned in the 2019 floods, when the river burst its banks on 3 May.", ("3 May", "2019-05-03")),
    ("The mine closed in 2021, when the company ran out of money in March.", ("March", "2021-03")),
]


@pytest.mark.parametrize("text, expected", WHEN_CLAUSES)
def test_a_when_clause_right_after_a_year_is_told_of_that_year(text, expected):
    """'the 2019 floods, when the river burst its banks on 3 May': 3 May of 2019, not of the report's year."""
    assert expected in found(text)


@pytest.mark.parametrize("text, expected", WHEN_CLAUSES)
def test_the_when_clause_example_needs_its_rule(text, expected, monkeypatch):
    """Without the rule the day or month takes the year nearest the report."""
    monkeypatch.setattr(context.Context, "when_year", lambda self, start: None)
    assert expected not in found(text)


def test_the_day_after_a_day_of_a_when_clause_steps_from_it():
    """'the next day' after that day steps from it, not from the report's year."""
    text = ("Protesters stormed the town hall during the 2019 floods, when the river burst its banks "
            "on 3 May. The mayor resigned the next day.")
    assert ("the next day", "2019-05-04") in found(text)


@pytest.mark.parametrize("text, expected", [
    ("The dam was built in 1990, and the ministry inspected it on 3 May.", ("3 May", "2026-05-03")),
    ("Prices have risen since 2019. In March, the bank raised its rate.", ("March", "2026-03")),
    ("The 2027 budget was presented on 30 September.", ("30 September", "2026-09-30")),
])
def test_a_year_told_in_passing_without_when_does_not_anchor_a_news_date(text, expected):
    """A year told in passing, with no 'when' clause after it, leaves a bare date to the report's year."""
    assert expected in found(text)


DONE_THINGS = [
    ("Under Thursday's agreement, the rebels will hand over their heavy guns by June.", ("Thursday", "2026-11-26")),
    ("After Monday's deadly blast, the market will stay shut for a week.", ("Monday", "2026-11-30")),
]


@pytest.mark.parametrize("text, expected", DONE_THINGS)
def test_a_weekdays_possessive_before_a_thing_done_is_a_past_day(text, expected):
    """Said on a Wednesday, 'under Thursday's agreement, the rebels will hand over' is last Thursday:
    an agreement is done, whatever the tense of the clause around it."""
    assert expected in found(text)


@pytest.mark.parametrize("text, expected", DONE_THINGS)
def test_the_done_thing_example_needs_its_rule(text, expected, monkeypatch):
    """Without the rule the future clause makes it the coming weekday."""
    monkeypatch.setattr(normalise, "_done_after", lambda: re.compile(r"(?!)"))
    assert expected not in found(text)


@pytest.mark.parametrize("text, expected", [
    ("Parties will campaign until the eve of Sunday's vote.", ("Sunday", "2026-12-06")),
    ("Organisers expect crowds at Saturday's planned march.", ("Saturday", "2026-12-05")),
])
def test_a_weekdays_possessive_before_a_thing_planned_follows_the_tense(text, expected):
    """A vote is held on its day, a planned march not yet marched: the tense decides, as before."""
    assert expected in found(text)


@pytest.mark.parametrize("noun", lexicon()["done_nouns"])
def test_every_done_noun_makes_the_weekday_past(noun):
    """Each noun of lexicon.yaml's done_nouns, after a weekday's possessive in a future clause."""
    assert ("Friday", "2026-11-27") in found(f"Under Friday's {noun}, the talks will move to Geneva.")


UNANCHORED = [
    ("Aid trucks reached the camp. Two days earlier, gunmen had looted its stores.", ("Two days earlier", "XXXX-XX-XX")),
    ("The border post was abandoned a week earlier, a guard said.", ("a week earlier", "XXXX-WXX")),
    ("Gunmen looted the depot. The day before, the guards had left.", ("The day before", "XXXX-XX-XX")),
]


@pytest.mark.parametrize("text, expected", UNANCHORED)
def test_a_step_from_a_date_the_story_never_told_stays_unresolved(text, expected):
    """'two days earlier' with no date told before it: earlier than an undated event, not than the report."""
    assert expected in found(text)


@pytest.mark.parametrize("text, expected", UNANCHORED)
def test_the_unanchored_step_example_needs_its_rule(text, expected, monkeypatch):
    """Without the rule the step is taken from the report's day."""
    monkeypatch.setattr(context.Context, "told", context.Context.anaphoric)
    assert expected not in found(text)


def test_a_step_from_a_date_told_still_resolves():
    """After 'on Monday' the same step is two days before that Monday."""
    text = "Aid trucks reached the camp on Monday. Two days earlier, gunmen had looted its stores."
    assert ("Two days earlier", "2026-11-28") in found(text)


APPOSED = [
    ("The convoy was ambushed on 4 May 2023, a Thursday, near the pass.", ("Thursday", "2023-05-04")),
    ("Voting ended on 9 June 2024 (a Sunday) in most districts.", ("Sunday", "2024-06-09")),
]


@pytest.mark.parametrize("text, expected", APPOSED)
def test_a_weekday_set_beside_a_day_names_that_day(text, expected):
    """'on 4 May 2023, a Thursday': the Thursday is 4 May 2023, not the report's week's."""
    assert expected in found(text)


@pytest.mark.parametrize("text, expected", APPOSED)
def test_the_apposed_weekday_example_needs_its_rule(text, expected, monkeypatch):
    """Without the rule the weekday is read against the report."""
    monkeypatch.setattr(normalise, "_apposed_day", lambda ctx, span, number: None)
    assert expected not in found(text)


def test_a_step_after_an_apposed_weekday_steps_from_the_day():
    """'Two days later' after 'on 4 May 2023, a Thursday' is 6 May 2023."""
    text = "The convoy was ambushed on 4 May 2023, a Thursday. Two days later the drivers were freed."
    assert ("Two days later", "2023-05-06") in found(text)


def test_a_weekday_beside_a_day_it_does_not_fall_on_is_its_own():
    """'on 4 May 2023, a Monday' does not fall on that day: the weekday is read as before."""
    assert ("Monday", "2023-05-04") not in found("The convoy was ambushed on 4 May 2023, a Monday.")


RESTATED = [
    ("The ferry sank on 2 March. Days later, on 11 March, divers reached the hull.", ("Days later", "2026-03-11")),
    ("The party split in 2017 and reunited two years later, in May 2019.", ("two years later", "2019-05")),
    ("If nobody wins, a runoff follows three weeks later, on 29 March.", ("three weeks later", "2027-03-29")),
]


@pytest.mark.parametrize("text, expected", RESTATED)
def test_a_step_restated_by_a_date_takes_the_dates_value(text, expected):
    """'days later, on 11 March': the step is that day, as TE3-style and WikiWars gold write it."""
    assert expected in found(text)


@pytest.mark.parametrize("text, expected", RESTATED)
def test_the_restated_step_example_needs_its_rule(text, expected, monkeypatch):
    """Without the rule the step keeps its own reading (of unstated size, a year, or unanchored)."""
    monkeypatch.setattr(timeline.timex, "_RESTATES", re.compile(r"(?!)"))
    assert expected not in found(text)


def test_a_step_followed_by_a_place_keeps_its_value():
    """'two days later in Goma' names no date: the step stays a step."""
    assert ("two days later", "2026-03-04") in found("Talks opened on 2 March and resumed two days later in Goma.")
