"""Violence told on a list of days is one incident per day; a span or an uncertain day stays one
event (lexicons/days.yaml)."""

import datetime as dt

import pytest

from timeline.extract import Options, extract, lexicon
from timeline.extract.days import days_listed
from timeline.models import Document

EXAMPLES = lexicon.load("days")["examples"]


def _days(text: str) -> list[int]:
    document = Document(id="d", text="Story\n\n" + text, published=dt.date(2024, 3, 20))
    events = extract([document], Options(merge_documents=False)).events
    return sorted(dt.date.fromisoformat(e.date).day for e in events if e.date and len(e.date) == 10)


@pytest.mark.parametrize("entry", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_days_example(entry):
    """A list of days gives one dated event per day; a span gives no list."""
    if entry["days"]:
        assert _days(entry["text"]) == entry["days"]
    else:
        assert len(_days(entry["text"])) <= 1


@pytest.mark.parametrize("text,days", [
    ("on 12 and 13 February", [12, 13]),
    ("on February 12 and 13", [12, 13]),
    ("on 3, 5 and 9 March", [3, 5, 9]),
    ("on 12 or 13 February", []),
    ("from 12 to 13 February", []),
])
def test_days_listed(text, days):
    """Only days joined by 'and' or commas are a list."""
    assert days_listed(text) == days
