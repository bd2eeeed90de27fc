"""Sixteenth tagger round: general classes of the timex-unseen misses, on the project's own sentences."""

import datetime as dt

import pytest

from timeline.timex import tag
from tagged import finder

MONDAY = dt.date(2026, 1, 19)


found = finder(MONDAY)


@pytest.mark.parametrize("text, expected", [
    ("Forecasters have extended the flood warning to noon Tuesday.", ("noon Tuesday", "TIME", "2026-01-20T12:00")),
    ("The army has extended the curfew until Wednesday.", ("Wednesday", "DATE", "2026-01-21")),
    ("The ministry has extended the alert until 8 a.m. on Thursday.", ("8 a.m. on Thursday", "TIME", "2026-01-22T08:00")),
    ("The court extended his detention to Wednesday.", ("Wednesday", "DATE", "2026-01-21")),
])
def test_an_extension_reaches_ahead_from_its_moment(text, expected):
    """'has extended the warning to noon Tuesday': the end an extension reaches is the nearest
    such day, not last week's, though 'extended' is a past form; also past a clock ('until 8 a.m.
    on Thursday')."""
    assert expected in found(text)


def test_an_extension_told_without_a_deadline_stays_past():
    """'extended' with no deadline word before the day is a past form as any other."""
    assert ("Friday", "DATE", "2026-01-16") in found("The council extended the lease on Friday.")


@pytest.mark.parametrize("text, expected", [
    ("Inspectors visit the plant every week.", ("every week", "SET", "P1W")),
    ("The fund pays out each month.", ("each month", "SET", "P1M")),
    ("Prices have risen every year since 2020.", ("every year", "SET", "P1Y")),
    ("The board reports each quarter.", ("each quarter", "SET", "P3M")),
    ("The bank reports quarterly.", ("quarterly", "SET", "P3M")),
    ("The market opens every weekend.", ("every weekend", "SET", "XXXX-WXX-WE")),
    ("The council meets annually.", ("annually", "SET", "XXXX")),
])
def test_a_counted_out_unit_is_a_period_and_an_adverb_a_pattern(text, expected):
    """'every week' is the period between occurrences (P1W, TimeML's and the TIMEX3 texts'
    writing); a quarter is three months (ISO has no quarter); 'every weekend' and the adverbs
    ('annually') stay calendar patterns, as TE3 and WikiWars write them."""
    assert expected in found(text)


@pytest.mark.parametrize("text, expected", [
    ("Several roads were closed overnight after the storm.", ("overnight", "TIME", "2026-01-18TNI")),
    ("Overnight, the militia shelled two villages.", ("Overnight", "TIME", "2026-01-18TNI")),
    ("On Friday the convoy reached the border and overnight it crossed.", ("overnight", "TIME", "2026-01-16TNI")),
    ("On Friday the convoy reached the border. Troops searched the depot overnight.", ("overnight", "TIME", "2026-01-16TNI")),
    ("Snow has fallen since Friday, and roads were closed overnight.", ("overnight", "TIME", "2026-01-18TNI")),
    ("The bridge will stay shut overnight, the council said.", ("overnight", "TIME", "2026-01-19TNI")),
])
def test_overnight_is_the_night_before_the_report(text, expected):
    """'closed overnight' told in news is last night; after a day the story told before the
    report's (not one that opens a stretch to now, 'since Friday'), that day's night; told of the
    future, tonight."""
    assert expected in found(text)


@pytest.mark.parametrize("text", [
    "The mayor imposed an overnight curfew.",
    "The singer became famous overnight.",
    "Overnight, the old party ceased to exist.",
])
def test_overnight_as_an_adjective_or_suddenly_is_no_time(text):
    assert not [t for t in found(text) if t[0].lower() == "overnight"]


def test_overnight_gives_events_the_night_and_the_next_day():
    """A night runs past midnight: an event told 'overnight' may fall on either day."""
    night = [t for t in tag("Troops searched the depot overnight.", MONDAY) if t.text == "overnight"]
    assert [t.edtf for t in night] == ["2026-01-18/2026-01-19"]


@pytest.mark.parametrize("text, expected", [
    ("Snow has fallen since Friday. The governor will speak at 11 a.m.", ("11 a.m.", "TIME", "2026-01-19T11:00")),
    ("Snow has fallen since Friday. The governor spoke at 11 a.m.", ("11 a.m.", "TIME", "2026-01-16T11:00")),
])
def test_a_bare_clock_told_of_the_future_is_not_before_the_report(text, expected):
    """A clock with no day falls on the last day told; told of the future, not before the report's."""
    assert expected in found(text)


@pytest.mark.parametrize("text, expected", [
    ("The repairs could last until the summer.", ("the summer", "DATE", "2026-SU")),
    ("A ruling is unlikely before the autumn.", ("the autumn", "DATE", "2026-FA")),
    ("The ban stays in place until December.", ("December", "DATE", "2026-12")),
])
def test_a_deadline_in_a_clause_not_told_of_the_past_lies_ahead(text, expected):
    """'could last until the summer', said in January: this year's summer, not last year's nearer one."""
    assert expected in found(text)


def test_a_deadline_told_in_the_past_keeps_the_nearest_reading():
    assert ("the summer", "DATE", "2025-SU") in found("The repairs lasted until the summer.")


def test_a_morning_clock_after_an_evening_one_told_in_the_past_is_the_next_day():
    """'reported at 10:40 p.m. on Thursday ... reopened at 5:25 a.m.': the night has passed; a
    clock that looks back ('had begun at 9 a.m.') stays on the day."""
    text = ("The alarm was raised at 10:40 p.m. on Thursday. Guests slept in the lobby. "
            "The hotel reopened at 5:25 a.m., and police said the fire had begun at 9 a.m.")
    values = found(text, dt.date(2026, 1, 23))
    assert ("5:25 a.m.", "TIME", "2026-01-23T05:25") in values
    assert ("9 a.m.", "TIME", "2026-01-22T09:00") in values


def test_a_morning_clock_is_not_put_after_the_report():
    """An evening told on the report's day leaves a later morning clock on that day."""
    text = "Repairs began at 11 p.m. on Friday. Workers laboured through the dark and pumping resumed at 10 a.m."
    assert ("10 a.m.", "TIME", "2026-01-23T10:00") in found(text, dt.date(2026, 1, 23))


def test_a_midnight_told_in_the_past_on_the_report_day_is_the_one_that_began_it():
    """The midnight that ends the report's day is still ahead: told in the past, it is T24:00 of the day before."""
    values = found("Power, cut at around midnight, was restored at dawn. The curfew will begin at midnight.")
    assert ("around midnight", "TIME", "2026-01-18T24:00") in values
    assert ("midnight", "TIME", "2026-01-19T24:00") in values


def test_several_decades_ago_keep_the_decade_and_one_steps_in_years():
    """'three decades ago' said in 2026 is the 1990s (199), as 'two decades earlier' is; 'a decade ago' is 2016."""
    values = found("The mill closed three decades ago. A decade ago the school shut.")
    assert ("three decades ago", "DATE", "199") in values and ("A decade ago", "DATE", "2016") in values


@pytest.mark.parametrize("text, expected", [
    ("Exports slowed. November was especially weak.", ("November", "DATE", "2025-11")),
    ("The front held. September saw the worst fighting.", ("September", "DATE", "2025-09")),
])
def test_a_month_as_the_subject_of_its_sentence_is_a_date(text, expected):
    assert expected in found(text)


def test_a_span_that_opens_its_sentence_reads_its_own_sentence_tense():
    """'Prices fell in September. March will bring relief.': the cue of the sentence before does not decide."""
    assert ("March", "DATE", "2026-03") in found("Prices fell in September. March will bring relief.")


@pytest.mark.parametrize("text, expected", [
    ("Sales fell 3% in the fourth quarter compared with a year earlier.", ("a year earlier", "DATE", "2024-Q4")),
    ("Prices rose 9 percent in December from a year earlier.", ("a year earlier", "DATE", "2024-12")),
])
def test_a_year_earlier_compared_with_a_period_just_told_is_that_period_a_year_back(text, expected):
    """'in December from a year earlier': December of the year before, not the whole year."""
    assert expected in found(text)


def test_a_year_earlier_as_a_step_stays_a_step():
    assert ("A year earlier", "DATE", "2024") in found("The dam opened in 2025. A year earlier, the valley flooded.")


def test_a_part_of_the_day_after_into_or_since_is_that_part_of_the_day_told():
    """'lasted long into the night', 'had gathered since the afternoon': the day last told."""
    values = found("The final was played on Sunday. Fans sang long into the night, having gathered since the afternoon.")
    assert ("the night", "TIME", "2026-01-18TNI") in values and ("the afternoon", "TIME", "2026-01-18TAF") in values


def test_last_night_is_the_day_later_parts_of_the_day_are_on():
    """'Polls closed last night, and the count ran through the night': last night's night, not tonight."""
    assert ("the night", "TIME", "2026-01-18TNI") in found("Polls closed last night, and the count ran through the night.")


def test_this_morning_in_a_quotation_is_the_morning_the_words_were_said():
    """A quotation from yesterday's statement: its 'this morning' is yesterday's morning."""
    text = 'Two trains collided on Sunday. "The crash that took place this morning shocked us," the mayor said.'
    assert ("this morning", "TIME", "2026-01-18TMO") in found(text)
