"""Fourteenth tagger round: classes seen in the c5 batch's first run, each on the project's own sentences."""

import datetime as dt

import pytest

from timeline.timex.lexicon import lexicon
from tagged import finder

WEDNESDAY = dt.date(2024, 5, 15)


found = finder(WEDNESDAY)


@pytest.mark.parametrize("text, expected", [
    ("The harbour levy must be paid by March 31.", ("March 31", "DATE", "2025-03-31")),
    ("Under the new rules the ferry operator has to publish its accounts by April 2.", ("April 2", "DATE", "2025-04-02")),
])
def test_an_obligation_told_in_the_present_looks_ahead(text, expected):
    """Said in May, 'must be paid by March 31' is next March, not the March just gone."""
    assert expected in found(text)


def test_must_have_looks_back():
    """'must have left on Friday' guesses at the past: last Friday."""
    assert ("Friday", "DATE", "2024-05-10") in found("The smugglers must have left the cove on Friday.")


@pytest.mark.parametrize("text, expected", [
    ("The pass was closed in winter last year.", ("winter last year", "DATE", "2023-WI")),
    ("A second dig is planned for the summer next year.", ("the summer next year", "DATE", "2025-SU")),
])
def test_a_season_with_a_relative_year_is_one_expression(text, expected):
    """'spring last year' without 'of' is the season of that year, as 'March last year' is."""
    assert expected in found(text)


def test_a_verb_fall_before_next_year_is_no_season():
    """'prices may fall next year': 'fall' is a verb there, only the year is tagged."""
    assert found("Prices may fall next year.") == [("next year", "DATE", "2025")]


@pytest.mark.parametrize("text, expected", [
    ("Power cuts are expected for much of the afternoon.", ("the afternoon", "TIME", "2024-05-15TAF")),
    ("Rescuers dug through the rubble on Monday and for the rest of the night.", ("the night", "TIME", "2024-05-13TNI")),
])
def test_a_share_of_a_part_of_the_day_is_that_part(text, expected):
    """'much of the afternoon': the afternoon of the day last told (the report's when none was)."""
    assert expected in found(text)


@pytest.mark.parametrize("text, expected", [
    ("The street party began on Saturday at 9 p.m. and went on until 2:15 a.m.", ("2:15 a.m.", "TIME", "2024-05-12T02:15")),
    ("On Monday the generators ran from 10 p.m. to 4 a.m.", ("4 a.m.", "TIME", "2024-05-14T04:00")),
])
def test_a_range_of_clock_times_past_midnight_ends_the_next_day(text, expected):
    """The end of a night's range of hours falls on the day after the evening it began."""
    assert expected in found(text)


def test_a_daytime_range_stays_on_its_day():
    """'from 9 a.m. to 5 p.m.' runs forward within one day."""
    assert ("5 p.m.", "TIME", "2024-05-13T17:00") in found("On Monday the clinic opened from 9 a.m. to 5 p.m.")


STANDING = lexicon()["standing"]


@pytest.mark.parametrize("word", STANDING["rules"])
def test_the_bounds_of_a_standing_rule_fall_on_no_one_day(word):
    """'loud music is banned after 11 p.m.': any night's eleven o'clock, not the report's."""
    assert ("11 p.m.", "TIME", "XXXX-XX-XXT23:00") in found(f"Loud music is {word} after 11 p.m. in the old town.")


@pytest.mark.parametrize("start", STANDING["starts"] + ["from March"])
def test_hours_that_start_with_a_month_or_season_fall_on_no_one_day(start):
    """'the gates will shut at 9 p.m. from March': the new closing hour of every day."""
    assert ("9 p.m.", "TIME", "XXXX-XX-XXT21:00") in found(f"The park gates will shut at 9 p.m. {start}.")


@pytest.mark.parametrize("days", STANDING["plural_days"])
def test_hours_on_plural_weekdays_fall_on_no_one_day(days):
    """'the ferry sails Sundays at 7 a.m.': any Sunday's seven o'clock."""
    assert ("7 a.m.", "TIME", "XXXX-XX-XXT07:00") in found(f"The ferry sails {days} at 7 a.m.")


@pytest.mark.parametrize("text, expected", [
    ("Police banned the march at 6 p.m.", ("6 p.m.", "TIME", "2024-05-15T18:00")),
    ("On Friday the sale of fuel was banned between noon and 4 p.m.", ("4 p.m.", "TIME", "2024-05-10T16:00")),
    ("From March 3 the gates will shut at 9 p.m.", ("9 p.m.", "TIME", "2025-03-03T21:00")),
])
def test_a_rule_told_with_its_day_or_without_its_bounds_keeps_its_day(text, expected):
    """A day in the sentence, a clock that bounds nothing, or a start told to the day: one day's clock."""
    assert expected in found(text)


def test_a_day_that_names_a_thing_does_not_date_what_follows():
    """'the interview of 2 March 2023' labels an old broadcast: the hearing's clock stays on Monday."""
    text = ("A tribunal heard the appeal of the presenter Lea Moss on Monday. Her lawyer said the interview "
            "of 2 March 2023 had been edited unfairly. The panel rose shortly after 4 p.m.")
    assert ("4 p.m.", "TIME", "2024-05-13T16:00") in found(text)


def test_the_night_of_a_day_still_dates_what_follows():
    """'on the night of 11 May' is the story's own day, not a label."""
    text = "Police were called on Monday. The break-in happened on the night of 11 May. Alarms sounded at 2 a.m."
    assert ("2 a.m.", "TIME", "2024-05-11T02:00") in found(text)


@pytest.mark.parametrize("cue", lexicon()["deadline_cues"])
def test_a_deadline_of_a_request_or_expectation_looks_ahead(cue):
    """Told on 15 May, 'asked for a first payment by the end of the month' is May's end, not April's."""
    text = f"On Monday the agency {cue} a first payment by the end of the month."
    assert ("the end of the month", "DATE", "2024-05") in found(text), cue


def test_a_day_right_after_a_request_is_a_past_day():
    """'demanded on Saturday' with no deadline is the Saturday it was demanded."""
    assert ("Saturday", "DATE", "2024-05-11") in found("Strikers demanded on Saturday a higher wage.")


@pytest.mark.parametrize("text, expected", [
    ("Exports rose in the last three months of last year.", ("the last three months of last year", "DATE", "2023-Q4")),
    ("Rents climbed in the first three months of the year.", ("the first three months of the year", "DATE", "2024-Q1")),
])
def test_months_from_the_years_edge_that_make_a_quarter_are_that_quarter(text, expected):
    """Three months from the start or end of a year are its first or fourth quarter."""
    assert expected in found(text)


def test_two_months_from_the_years_edge_stay_a_length():
    """'the first two months of 2020' make no quarter: a length, as TIMEX2 writes it."""
    assert ("the first two months", "DURATION", "P2M") in found("Sales fell in the first two months of 2020.")


def test_a_share_of_a_day_is_no_label():
    """'for most of Monday' is the story's Monday: the night after it is Monday's night."""
    text = "Shelling began on Sunday night and went on for most of Monday. The following night was calm."
    assert ("The following night", "TIME", "2024-05-14TNI") in found(text)


@pytest.mark.parametrize("text", [
    "Shelling began on Monday. Officers aired the interview of 2 March 2023 again. The following night was calm.",
    "Shelling began on Monday. The interview of 2 March 2023 was aired again. The following night was calm.",
])
def test_a_label_day_is_one_whatever_the_case_of_its_determiner(text):
    """'The interview of 2 March 2023' opening a sentence labels a thing as 'the interview of' does:
    the night after is Monday's, not that day's."""
    assert ("The following night", "TIME", "2024-05-14TNI") in found(text)


@pytest.mark.parametrize("noun", lexicon()["not_label_nouns"])
def test_a_noun_of_time_or_share_before_a_day_makes_no_label(noun):
    """'the night of 2 March 2023' is the story's own day; 'the interview of 2 March 2023' labels a
    thing (rules/lexicon.yaml, not_label_nouns)."""
    from timeline.timex.context import Context

    def label(word):
        text = f"Police were called on Monday. Officers spoke of the {word} of 2 March 2023."
        ctx = Context(text, WEDNESDAY, "news")
        ctx.last_day = dt.date(2024, 5, 13)
        return ctx.label_day("2023-03-02", text.index("2 March"))

    assert label("interview") and not label(noun)
