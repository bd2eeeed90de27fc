"""A quote typed or pasted by hand that differs from its article only in its quote marks, dashes,
spaces or capitals is reported with the article's own words and where they are, so the person can
write them; otherwise the message says what the quote's offsets hold."""

from __future__ import annotations

import json

import pytest

from timeline import checks, store
from timeline.models import Source

ARTICLE = ("The ferry's crew -- twelve sailors -- were held at the quay. \"We saw the flares first,\" "
           "a fisherman said.\n\nLater the harbour master  reopened the port.")

FILE = """\
documents:
  - id: harbour-news
    published: 2031-05-02
    text: {text}
events:
  - id: crew-held
    title: The crew is held at the quay
    type: arrest
    sources:
      - document: harbour-news
        quote: {quote}
{offsets}"""


def _problems(quote: str, offsets: str = "") -> list[store.Problem]:
    text = FILE.format(text=json.dumps(ARTICLE), quote=quote, offsets=offsets)
    with pytest.raises(store.TimelineError) as caught:
        store.loads(text)
    return caught.value.problems


@pytest.mark.parametrize("typed, meant", [
    ("The ferry’s crew", "The ferry's crew"),  # a curly apostrophe from a word processor
    ("“We saw the flares first,”", "\"We saw the flares first,\""),
    ("crew – twelve sailors", None),  # one dash for two: not the same words
    ("the harbour master reopened the port", "the harbour master  reopened the port"),  # one space for two
    ("Later The Harbour Master", "Later the harbour master"),
])
def test_the_article_s_own_words_are_offered(typed, meant):
    (problem,) = _problems(f"'{typed}'" if "'" not in typed else f'"{typed}"')
    assert problem.path == "events[0].sources[0].quote" and problem.line == 11
    assert problem.message.startswith("quote not found in the text of document 'harbour-news'")
    if meant is None:
        assert "other quotes" not in problem.message
        return
    at = ARTICLE.index(meant)
    assert f"at {at}-{at + len(meant)}: {meant!r}: write the quote as the article has it" in problem.message


def test_otherwise_the_offsets_say_what_they_hold():
    (problem,) = _problems("twelve seamen!", "        start: 20\n        end: 34\n")  # edited, same length
    assert problem.message.endswith("; its offsets 20-34 hold 'twelve sailors'")


def test_offsets_left_from_before_an_edit_say_what_to_write():
    (problem,) = _problems("twelve sailors were held", "        start: 20\n        end: 34\n")
    assert problem.message.endswith("set end to 44 or delete start and end (both optional)")


def test_a_quote_found_as_written_is_no_problem():
    timeline = store.loads(FILE.format(text=json.dumps(ARTICLE), quote="twelve sailors", offsets=""))
    assert timeline.events[0].sources[0].quote == "twelve sailors"


def test_every_mistyped_quote_of_one_article_is_placed_and_the_article_folded_once():
    """Many hand-typed quotes of one long article: each is placed, and the article is folded once."""
    checks._folded.cache_clear()
    hints = [checks._quote_hint(Source(document="harbour-news", quote=typed), ARTICLE)
             for typed in ("The ferry’s crew", "LATER THE HARBOUR MASTER", "“We saw the flares first,”")]
    for hint, meant in zip(hints, ("The ferry's crew", "Later the harbour master", "\"We saw the flares first,\"")):
        at = ARTICLE.index(meant)
        assert f"at {at}-{at + len(meant)}: {meant!r}" in hint
    assert checks._folded.cache_info().misses == 4  # the article once, each quote once
