"""A date phrase that opens a sentence ('Late on Sunday, ...') is the time of every clause it
governs, past a clause with an event of its own, up to a clause with a date of its own; reported
speech keeps the speaker's frame. Read alike in mixed case and in wire copy written in capitals.
"""

from __future__ import annotations

import datetime as dt

import pytest

from mention_dates import dater

PUBLISHED = dt.date(1990, 3, 21)  # a Wednesday

_dates = dater(PUBLISHED, document="wire")


def _both_cases(text: str) -> list[str]:
    """The sentence and its wire copy in capitals: the frame is syntax, read alike in both."""
    return [text, text.upper()]


@pytest.mark.parametrize("text", _both_cases(
    "Late on Sunday, gunmen stormed a police post near Varrow and the army shelled their hideout."))
def test_a_clause_coordinated_after_an_act_takes_the_opening_date(text):
    dates = _dates(text)
    assert dates["stormed"] == dates["shelled"] == "1990-03-18"


@pytest.mark.parametrize("text", _both_cases(
    "On Friday, rebels ambushed a supply truck near Sorel, killing three drivers, and the air force bombed their camp."))
def test_a_participle_clause_and_a_later_clause_take_the_opening_date(text):
    dates = _dates(text)
    assert dates["ambushed"] == dates["killing"] == dates["bombed"] == "1990-03-16"


@pytest.mark.parametrize("text", _both_cases(
    "On Friday, rebels ambushed a supply truck near Sorel, and on Saturday troops shelled their camp and burned the crops."))
def test_a_clause_with_its_own_date_ends_the_openings_reach(text):
    dates = _dates(text)
    assert (dates["ambushed"], dates["shelled"]) == ("1990-03-16", "1990-03-17")
    assert dates["burned"] != "1990-03-16"


@pytest.mark.parametrize("text", _both_cases(
    "Last Monday, the mayor said gunmen attacked a convoy near Obel and burned two lorries."))
def test_what_a_reporting_clause_tells_is_only_bounded_by_the_opening_date(text):
    dates = _dates(text)
    assert dates["attacked"] == dates["burned"] == "../1990-03-19"


@pytest.mark.parametrize("text", _both_cases(
    "On Thursday, armed men blocked the road to Pell and kidnapped nine travellers, police said."))
def test_a_trailing_report_is_not_dated_by_the_opening_date(text):
    dates = _dates(text)
    assert dates["kidnapped"] == "1990-03-15" and dates["said"] is None


@pytest.mark.parametrize("text", _both_cases(
    "On Tuesday, the army attacked a rebel base near Kell, because rebels had shelled the town."))
def test_what_a_because_clause_tells_is_only_bounded_by_the_opening_date(text):
    dates = _dates(text)
    assert dates["attacked"] == "1990-03-20" and dates["shelled"] == "../1990-03-20"


@pytest.mark.parametrize("text", _both_cases(
    "On Wednesday, the council imposed a curfew on Varrow, allowing police to search homes and detain suspects."))
def test_an_act_an_infinitive_allows_is_not_dated_by_the_opening_date(text):
    dates = _dates(text)
    assert dates["imposed a curfew"] == "1990-03-21" and dates["search"] is None


@pytest.mark.parametrize("text", _both_cases(
    "On Monday, gunmen ambushed a bus near Tarsa, and a wounded driver testified that he recognised the attackers."))
def test_what_a_that_clause_tells_is_not_dated_by_the_opening_date(text):
    dates = _dates(text)
    assert dates["ambushed"] == "1990-03-19" and dates["recognised"] is None
