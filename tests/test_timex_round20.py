"""Twentieth tagger round (sixteenth session): error classes seen in several texts or corpora, on the project's own sentences."""

import datetime as dt

import pytest

from tagged import finder

WEDNESDAY = dt.date(2026, 3, 4)


found = finder(WEDNESDAY, typed=False)


@pytest.mark.parametrize("text, expected", [
    ("The café puts its tables out on the pavement in summer.", "XXXX-SU"),
    ("Farmers drive their sheep down twice a week in winter, and the pass will close in May.", "XXXX-WI"),
    ("Pilgrims crowd the shrine on Sundays in spring.", "XXXX-SP"),
])
def test_a_bare_season_of_a_habit_is_any_years(text, expected):
    """'in summer' with no article, in a clause of no tense or beside a rate, is a habit's season."""
    assert expected in [v for _, v in found(text)]


@pytest.mark.parametrize("text, expected", [
    ("The dam burst in summer and flooded the lower town.", "2025-SU"),
    ("Parliament will vote on the budget in autumn.", "2026-FA"),
    ("The harvest failed in the summer after the drought.", "2025-SU"),
])
def test_a_season_told_in_the_past_or_future_or_with_its_article_is_one_season(text, expected):
    """A past or future clause, or 'the summer', keeps the one season the story tells of."""
    assert expected in [v for _, v in found(text)]


@pytest.mark.parametrize("text, expected", [
    ("The agency publishes its casualty figures weekly.", ("weekly", "P1W")),
    ("A joint commission meets monthly to check the handover.", ("monthly", "P1M")),
    ("Water tankers reach the camp twice daily.", ("daily", "P1D")),
    ("The assembly elects its speaker annually.", ("annually", "XXXX")),
])
def test_rate_adverbs_in_news_are_periods(text, expected):
    """In news 'weekly', 'monthly', 'daily' are the period between occurrences; 'annually' keeps TE3's pattern."""
    assert expected in found(text)


def test_rate_adverbs_in_narrative_stay_patterns():
    """The narrative mode keeps the TIMEX2 patterns WikiWars writes."""
    assert ("weekly", "XXXX-WXX") in found("The rebels raided the depot weekly.", mode="narrative")


@pytest.mark.parametrize("text", [
    "A curfew from 9 p.m. to 5 a.m. stays in force in the old town.",
    "The curfew, from 9 p.m. to 5 a.m., was extended by a week.",
    "Roads are closed from 9 p.m. to 5 a.m. each night until the vote.",
])
def test_clocks_of_daily_hours_fall_on_no_one_day(text):
    """A curfew's hours, or a range whose recurring word lies past its second clock, fall on no one day."""
    values = [v for _, v in found(text)]
    assert "XXXX-XX-XXT21:00" in values and "XXXX-XX-XXT05:00" in values


@pytest.mark.parametrize("text", [
    "A curfew will apply in the port from 9 p.m. to 5 a.m.",  # a verb between: tonight's
    "Police closed the bridge from 9 p.m. to 5 a.m.",  # no noun of hours, no recurring word
])
def test_clocks_of_one_nights_range_keep_the_day(text):
    """Without a noun of daily hours right before the range, the clocks keep the day told."""
    assert "2026-03-04T21:00" in [v for _, v in found(text)]


@pytest.mark.parametrize("text", [
    "Ferries run daily from May to September.",
    "The dry season, which usually lasts from November until March, has begun early.",
    "Nomads move their herds every year from November to March.",
])
def test_a_range_of_bare_months_beside_a_habit_is_any_years(text):
    """A 'from <month> to <month>' range with a habit's word in its sentence falls in no one year."""
    values = [v for _, v in found(text)]
    assert any(v.startswith("XXXX-11") or v.startswith("XXXX-05") for v in values), values
    assert not any(v[:4].isdigit() for v in values), values


@pytest.mark.parametrize("text, expected", [
    ("The exhibition was shown from May to September.", "2025-05"),  # no habit's word
    ("Ferries ran daily from May to September 2024.", "2024-05"),  # a year written after the range
])
def test_a_range_of_one_year_keeps_its_year(text, expected):
    """Without a habit's word, or with a year written, the months keep a year."""
    assert expected in [v for _, v in found(text)]


@pytest.mark.parametrize("text, expected", [
    ("Dock workers have called a strike for Friday.", "2026-03-06"),
    ("The students called a march for Thursday and asked teachers to join.", "2026-03-05"),
])
def test_a_weekday_a_thing_is_called_for_is_the_nearest(text, expected):
    """'called a strike for Friday' told in the past: the day lies ahead of the call, the nearest either side."""
    assert expected in [v for _, v in found(text)]


@pytest.mark.parametrize("text, expected", [
    ("Two rebels were blamed for Thursday's ambush.", "2026-02-26"),  # a possessive: a thing done
    ("Crowds gathered for Thursday prayers.", "2026-02-26"),  # a noun after the weekday
])
def test_a_weekday_before_a_noun_after_for_stays_past(text, expected):
    """'for' before a weekday that opens a noun phrase is no day set ahead."""
    assert expected in [v for _, v in found(text)]


def test_a_day_that_opens_a_sentence_after_an_after_clause_is_an_anchor():
    """'... after a witness received threats. Last Thursday, ...': the break right before the day
    ends the sentence, so the day is no background of an 'after' clause and anchors what follows."""
    text = ("The raid took place on 3 May 2019. The hearing was put off in the spring after a witness "
            "received threats. Last Thursday, the judges heard the last witness; the defence rested the following day.")
    assert ("the following day", "2026-02-27") in found(text)
