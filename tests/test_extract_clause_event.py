"""Which of a clause's trigger words names its event (``triggers._best``): the act, not its
purpose or its reason, typed by the most specific word."""

from __future__ import annotations

import pytest

from timeline.extract import Options, extract
from timeline.models import Document


def _types(text: str) -> list[str]:
    return [e.type for e in extract([Document(id="d", text=text)], Options(solve=False)).events]


@pytest.mark.parametrize("text,kind", [
    ("A UNIVERSITY PRESIDENT WAS ASSASSINATED BY THE SQUAD FOR CRITICIZING THE GOVERNMENT.", "killing"),
    ("The minister thanked Qatar for mediating the talks.", "support"),
    ("Police arrested three men for protesting outside the embassy.", "arrest"),
])
def test_a_gerund_after_for_is_the_reason_not_the_act(text, kind):
    """'killed for criticizing': the clause's verb is the event; what it was for is not."""
    assert _types(text) == [kind]


def test_the_most_specific_word_types_the_act():
    """'Twin bombings struck the market': the bombing, though 'struck' is the verb."""
    assert _types("Twin bombings struck the market on Sunday.") == ["bombing"]
