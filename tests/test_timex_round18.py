"""Eighteenth tagger round: classes of the misses on the development sets, on the project's own sentences."""

import datetime as dt

import pytest

from tagged import finder

MONDAY = dt.date(2026, 1, 19)


found = finder(MONDAY)


@pytest.mark.parametrize("text, expected", [
    ("The assembly named her acting governor until early March.", ("early March", "DATE", "2026-03")),
    ("The council voted on Friday to keep the shelter open until February.", ("February", "DATE", "2026-02")),
    ("Donors said the camp must be moved before April.", ("April", "DATE", "2026-04")),
])
def test_a_deadline_told_in_a_past_clause_may_lie_ahead(text, expected):
    """'named her governor until early March', said in January: the end a past decision sets is
    weighed as a date either side of the report, not pushed back a year by the past verb."""
    assert expected in found(text)


@pytest.mark.parametrize("text, expected", [
    ("The strike lasted until November.", ("November", "DATE", "2025-11")),
    ("The road was closed until early December.", ("early December", "DATE", "2025-12")),
])
def test_a_deadline_told_in_the_past_stays_past_when_nearer(text, expected):
    """An end told in the past that falls shortly before the report keeps its year."""
    assert expected in found(text)


@pytest.mark.parametrize("text, expected", [
    ("The mine flooded in the spring of 1998. It closed that June.", ("that June", "DATE", "1998-06")),
    ("The dam broke in 1987. That summer the valley emptied.", ("That summer", "DATE", "1987-SU")),
    ("Work should begin in the second quarter of 2027 and the road open that autumn.", ("that autumn", "DATE", "2027-FA")),
])
def test_that_month_or_season_is_of_the_year_last_told(text, expected):
    """'closed that June' is June of the year the story last wrote, as 'June of that year' is."""
    assert expected in found(text)


def test_that_month_followed_by_a_noun_of_day_or_may_as_a_name_is_no_month():
    """'that January day' names a day (left alone); 'said that May would' is a name."""
    assert found("They recalled that January day in the square.") == []
    assert found("Aides said that May would resign.") == []


@pytest.mark.parametrize("text, expected", [
    ("The truce took effect at midnight on Saturday.", ("midnight on Saturday", "TIME", "2026-01-17T00:00")),
    ("The new fares apply from midnight on 1 February.", ("midnight on 1 February", "TIME", "2026-02-01T00:00")),
    ("Fuel prices went up at midnight on New Year's Day.", ("midnight on New Year's Day", "TIME", "2026-01-01T00:00")),
])
def test_midnight_on_a_day_is_one_expression_that_begins_the_day(text, expected):
    """'at midnight on Saturday': one expression, the midnight that opens Saturday (T00:00)."""
    assert expected in found(text)


def test_other_clocks_on_a_day_and_a_bare_midnight_are_as_before():
    """Only midnight joins its day across 'on'; a bare midnight stays the end of its day."""
    assert ("11:30 p.m.", "TIME", "2026-01-17T23:30") in found("The blast came at 11:30 p.m. on January 17, police said.")
    assert ("midnight", "TIME", "2026-01-19T24:00") in found("The curfew will begin at midnight.")


@pytest.mark.parametrize("text, expected", [
    ("Sales fell in the third quarter. The gains of the first half were lost.", ("the first half", "DATE", "2025-H1")),
    ("Exports slowed in the fourth quarter. Growth will pick up in the second half.", ("the second half", "DATE", "2026-H2")),
])
def test_a_bare_half_after_a_quarter_is_a_half_of_a_year(text, expected):
    """In a report that told a quarter, 'the first half' is a half of a year: told in the past in
    January, last year's (this year's has only begun); else this year's."""
    assert expected in found(text)


def test_a_bare_half_without_a_quarter_told_is_no_date():
    """'scored in the second half' (a match) is no half of a year."""
    assert found("City scored twice in the second half.") == []


def test_only_a_quarter_told_before_a_bare_half_makes_it_a_half_of_a_year():
    """A quarter told after a half says nothing of it: in one report the half before the quarter
    stays no date and the half after it is a half of a year (read from where the report's first
    quarter ends, found once a report, not by scanning the text again for each half)."""
    text = ("United scored twice in the second half. The club posted results for the third quarter, "
            "and expects more in the first half.")
    assert [(t, v) for t, _, v in found(text) if t.endswith("half")] == [("the first half", "2026-H1")]


def test_through_a_month_is_a_deadline_too():
    """'a programme to run through June', told in January after a past verb: this June."""
    assert ("June", "DATE", "2026-06") in found("The ministry has chosen three firms for a programme to run through June.")


@pytest.mark.parametrize("text, expected", [
    ("The agency will publish updated figures in early March.", ("early March", "DATE", "2026-03")),
    ("The rebels agreed to free detained villagers in April.", ("April", "DATE", "2026-04")),
])
def test_an_ed_adjective_after_a_modal_verb_is_no_past_tense(text, expected):
    """'will publish updated figures in March': 'updated' describes the figures; the clause is
    told of the future, so March is the coming one."""
    assert expected in found(text)


def test_an_ed_verb_after_its_subject_is_still_past():
    """'the appeal he lodged in March' is told in the past."""
    assert ("March", "DATE", "2025-03") in found("The court will hear the appeal he lodged in March.")


@pytest.mark.parametrize("text, expected", [
    ("The panel reports on Monday and every two weeks after that.", ("every two weeks", "SET", "P2W")),
    ("Guards were changed every three days afterwards.", ("every three days", "SET", "P3D")),
])
def test_every_before_a_step_makes_a_set(text, expected):
    """'every two weeks after that' repeats; it is no single step from the last date told."""
    assert expected in found(text)


@pytest.mark.parametrize("text, expected", [
    ("The square is closed to traffic at weekends.", [("weekends", "SET", "XXXX-WXX-WE")]),
    ("They spent their weekends at the lake.", []),
])
def test_weekends_after_a_preposition_of_time_recur(text, expected):
    """'at weekends' recurs as 'every weekend' does; 'their weekends' is no set."""
    assert found(text) == expected


def test_a_weekday_joined_to_a_recurring_one_recurs():
    """'every Monday and Thursday': both recur; a weekday in another clause does not."""
    assert ("Thursday", "SET", "XXXX-WXX-4") in found("The court sits every Monday and Thursday.")
    assert ("Friday", "DATE", "2026-01-16") in found("He came every Monday and left on Friday.")
