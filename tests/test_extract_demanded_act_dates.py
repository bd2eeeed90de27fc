"""A date after the act an appeal or threat governs ('urged them to meet on Friday') is that act's."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract import Options, extract
from timeline.models import Document

PUBLISHED = dt.date(2024, 1, 31)  # a Wednesday


def appeal(text: str):
    found = [e for e in extract([Document(id="d", text=text, published=PUBLISHED)], Options(solve=False)).events
             if e.type == "appeal"]
    assert found, text
    return found[0]


@pytest.mark.parametrize("text", [
    "She called on her supporters to hold rallies across the country on Saturday.",
    "The UN urged both sides to meet in Geneva on Friday.",
])
def test_the_date_of_the_demanded_act_does_not_date_the_appeal(text):
    """The rallies are on Saturday; when the call was made the sentence does not say."""
    assert appeal(text).date in (None, "../2024-01-31")


@pytest.mark.parametrize("text,date", [
    ("On Thursday the UN urged both sides to stop fighting.", "2024-01-25"),
    ("The UN on Thursday urged both sides to stop fighting.", "2024-01-25"),
])
def test_a_date_before_the_infinitive_is_the_appeals(text, date):
    assert appeal(text).date == date
