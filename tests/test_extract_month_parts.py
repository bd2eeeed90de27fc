"""A month told with a part of it ('at the end of January') dates an event to that part."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract import Options, extract, lexicon
from timeline.extract.dating import month_part
from timeline.models import Document
from timeline.timex import tag

PARTS = lexicon.load("dating")["month_parts"]


@pytest.mark.parametrize("entry", PARTS, ids=[e["name"] for e in PARTS])
def test_each_part_of_a_month_dates_its_example_event(entry):
    example = entry["example"]
    doc = Document(id="d", text="Story\n\n" + example["text"], published=example["published"])
    events = extract([doc], Options(solve=False)).events
    assert example["date"] in [e.date for e in events if e.type == example["type"]]


def test_the_tagger_keeps_the_month_as_timeml_values_do():
    """The evaluation of the tagger reads TIMEX3 values, which give 'the end of January' as a month."""
    [timex] = [t for t in tag("at the end of January", published=dt.date(2024, 2, 15)) if t.edtf]
    assert timex.edtf == "2024-01"


def test_only_a_month_with_a_part_named_is_narrowed():
    assert month_part("January", "2024-01") == "2024-01"
    assert month_part("late 2023", "2023") == "2023"
    assert month_part("the end of February", "2023-02") == "2023-02-21/2023-02-28"
