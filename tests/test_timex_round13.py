"""Thirteenth tagger round: classes seen in the c3 batch's first run, each on the project's own sentences."""

import datetime as dt

import pytest

from tagged import finder

WEDNESDAY = dt.date(2024, 5, 15)


found = finder(WEDNESDAY)


def test_since_the_weekend_is_the_last_weekend():
    """'since the weekend' points back at the weekend just past, as 'over the weekend' does."""
    assert ("the weekend", "DATE", "2024-W19-WE") in found("Queues have grown at the bakery since the weekend.")


@pytest.mark.parametrize("text, expected", [
    ("The market opens every weekend in summer.", ("every weekend", "SET", "XXXX-WXX-WE")),
    ("Divers inspect the hull each weekend.", ("each weekend", "SET", "XXXX-WXX-WE")),
])
def test_every_weekend_is_any_weeks_weekend(text, expected):
    """A weekend has no ISO length, so 'every weekend' is the pattern, not a period 'P1WE'."""
    assert expected in found(text)


@pytest.mark.parametrize("text, expected", [
    ("The mill shut in 1958, the railway station a decade later.", ("a decade later", "DATE", "1968")),
    ("In 1871 the fort fell. Its walls had been raised a century earlier.", ("a century earlier", "DATE", "1771")),
])
def test_one_decade_later_is_a_year(text, expected):
    """Stepped once from a year, a decade or century lands on a year, as 'a decade ago' does."""
    assert expected in found(text)


@pytest.mark.parametrize("text, expected", [
    ("The pier was rebuilt in 1961. Ferries stopped in the summer of 1979, and the hotel shut that winter.",
     ("that winter", "DATE", "1979-WI")),
    ("Output fell in 2008. Sales recovered in the third quarter of 2011, and in October of that year the plant reopened.",
     ("October of that year", "DATE", "2011-10")),
])
def test_a_season_of_a_year_is_a_year_written(text, expected):
    """'the summer of 1979' writes its year as '1979' does: 'that winter' after it is 1979's."""
    assert expected in found(text)


def test_should_looks_ahead_as_would_does():
    """Said on a Wednesday, 'should crest by Thursday' is tomorrow, not last week's Thursday."""
    assert ("Thursday", "DATE", "2024-05-16") in found("Forecasters say the river should crest by Thursday.")


def test_the_day_of_telling_does_not_date_the_story():
    """'clashed on Monday night, police said Tuesday': a later bare clock is still Monday's."""
    text = ("Rival gangs clashed on Monday night in the harbour district, police said Tuesday. "
            "Witnesses said the first shots came at 11:15 p.m. near the fish market.")
    assert ("11:15 p.m.", "TIME", "2024-05-13T23:15") in found(text)


@pytest.mark.parametrize("text, published, expected", [
    ("Freight rates fell sharply in the second half of the year.", dt.date(2024, 2, 10),
     ("the second half of the year", "DATE", "2023-H2")),
    ("Freight rates fell sharply in the first half of the year.", dt.date(2024, 9, 10),
     ("the first half of the year", "DATE", "2024-H1")),
    ("The agency will publish its review in the first half of the year.", dt.date(2024, 11, 20),
     ("the first half of the year", "DATE", "2025-H1")),
])
def test_a_half_of_the_year_follows_the_tense(text, published, expected):
    """Told in the past before most of it has come, 'the year' is the one just over; told of
    the future after most of it has gone, the next."""
    assert expected in found(text, published)


def test_a_year_earlier_than_now_steps_back_from_the_report():
    """'Queues now last an hour, against three a year earlier': a year before the report, not
    before the last month told."""
    text = "Fees rose in 2019 and again in March. Queues now last an hour, against three hours a year earlier."
    assert ("a year earlier", "DATE", "2023") in found(text)


@pytest.mark.parametrize("text, expected", [
    ("Growers fear a poor crop after a wet summer ruined the seedlings.", ("summer", "DATE", "2023-SU")),
    ("The lake shrank to a pond in a hot autumn.", ("autumn", "DATE", "2023-FA")),
])
def test_a_season_told_by_its_weather(text, expected):
    """'a wet summer' is the season; its 'after' clause's own verb tells the tense, not 'fear'."""
    assert expected in found(text)


def test_a_fall_in_prices_is_no_season():
    assert found("Traders expect a sharp fall in grain prices.") == []


def test_a_proposal_names_a_day_ahead():
    """Said on a Wednesday, 'proposed talks on Friday' is the coming Friday."""
    assert ("Friday", "DATE", "2024-05-17") in found("The mayor proposed crisis talks with the unions on Friday.")


def test_a_step_from_a_season_of_a_year():
    """'in the autumn of 2016 ... three years later' is 2019: the season's year anchors the step."""
    text = "The roof fell in during the autumn of 2016, and the town rebuilt it three years later."
    assert ("three years later", "DATE", "2019") in found(text)


@pytest.mark.parametrize("text, expected", [
    ("Floods hit the valley in March 2003. In August that year the dam burst.", ("August that year", "DATE", "2003-08")),
    ("The pact was signed in 1994. In June the following year it lapsed.", ("June the following year", "DATE", "1995-06")),
])
def test_a_month_that_year_without_of(text, expected):
    """'In August that year' is one expression, as 'August of that year' is, not this August."""
    assert expected in found(text)
