"""Tokenised text (a blank between every two tokens, as EventStoryLine gives its documents) is read
as the plain text it was cut from: the same expressions with the same values, spans in the
tokenised text."""

import datetime as dt
import re

import pytest

from timeline.timex import tag
from timeline.timex.ruleset import rules
from timeline.timex.tokenised import detokenised, looks_tokenised

PUBLISHED = dt.date(2013, 3, 22)
LEAD = "By our staff , in the field , with agencies .\n"  # tokenised, no expression in it


def tokenised(text: str) -> str:
    """The text cut into words and single marks, one blank between each two."""
    return " ".join(re.findall(r"\w+|[^\w\s]", text))


def _read(text: str, example: dict) -> list[tuple[str, str]]:
    """Types and values of a text as the rule's example is read (its publication day and mode)."""
    published = example.get("published", PUBLISHED)
    return [(t.type, t.value) for t in tag(text, published, example.get("mode", "news"))]


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.name)
def test_every_rule_example_reads_the_same_tokenised(rule):
    example = rule.example
    text = LEAD + tokenised(example["text"])
    found = tag(text, example.get("published", PUBLISHED), example.get("mode", "news"))
    assert [(t.type, t.value) for t in found] == _read(example["text"], example)
    assert all(t.text == text[t.start:t.end] for t in found)


@pytest.mark.parametrize("text, expected", [
    ("The vote is due in mid - October , officials said .", ("mid - October", "2013-10")),
    ("He was stopped in the early - morning hours and held .", ("the early - morning hours", "2013-03-22TMO")),
    ("The ferry left at 9 o ' clock , the crew said .", ("9 o ' clock", "2013-03-22T09:00")),
    ("Crowds gathered on New Year ' s Day , police said .", ("New Year ' s Day", "2013-01-01")),
    ("Police were called at 11 . 15pm on Saturday , they said .", ("11 . 15pm", "2013-03-16T23:15")),
    ("April 12 , 2011 - - Updated 0942 GMT , Cairo .", ("April 12 , 2011 - - Updated 0942 GMT", "2011-04-12T09:42Z")),
])
def test_tokenised_forms_read_as_plain(text, expected):
    found = [(t.text, t.value) for t in tag(LEAD + text, PUBLISHED)]
    assert expected in found, found


def test_only_tokenised_text_is_read_through_the_plain_copy():
    assert looks_tokenised(LEAD + "The strike ended on Monday , a union said .")
    assert not looks_tokenised("The strike ended on Monday, a union said. Talks resume - perhaps - soon.")


def test_gaps_close_only_inside_words_and_offsets_point_back():
    text = "from 1990 - 1995 , a court - ordered stay , a 90 - day term ."
    plain, where = detokenised(text)
    assert plain == "from 1990 - 1995 , a court - ordered stay , a 90-day term ."
    assert "".join(text[where(i)] for i in range(len(plain))) == plain
