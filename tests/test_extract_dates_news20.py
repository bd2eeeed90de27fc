"""Dates on news, twentieth session: a date fronted by 'From' opens what the sentence tells ('From
June 2020, the armies held talks'), and a date the text opened towards the future ('since 2017')
closes at publication for what is told as done or going on. Sentences of my own; each asserts the
date the mechanism gives and the shape it must leave alone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract import Options, extract, lexicon
from timeline.models import Document

FROM = lexicon.load("dating")["fronted_from"]


def _dated(text: str, published: dt.date) -> dict[str, str | None]:
    events = extract([Document(id="news", text=text, published=published)], Options()).events
    return {e.type: e.date for e in events}


@pytest.mark.parametrize("case", [FROM["example"], FROM["counterexample"]], ids=["from-june", "from-to"])
def test_a_date_fronted_by_from_opens_what_the_sentence_tells(case):
    """'From June 2020, the two armies held talks' went on from June 2020 to the report; 'From 2020
    to 2022' is a range the tagger reads (lexicons/dating.yaml, fronted_from)."""
    assert _dated(case["text"], case["published"])[case["type"]] == case["date"]


def test_a_date_opened_by_since_closes_at_publication_for_an_act_told_as_going_on():
    text = "Militants have fought the army in the province since 2017."
    assert _dated(text, dt.date(2026, 11, 18))["armed_clash"] == "2017-01-01/2026-11-18"


def test_a_date_opened_for_an_act_to_come_stays_open():
    text = "The army said it would shell rebel positions after Friday."
    assert _dated(text, dt.date(2026, 11, 18))["shelling"] == "2026-11-18/.."
