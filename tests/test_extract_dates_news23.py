"""Dates on news, twenty-third session: an undated act told in the present perfect is recent news,
bounded below by `recent_days` before the day that bounds it, unless its sentence stretches it back
('since ...') or the perfect is an infinitive or a passive, or the text is wire copy in capitals. Sentences of my own; each asserts the date the
mechanism gives and the shapes it must leave alone.
"""

from __future__ import annotations

import pytest

from timeline.extract import Options, extract, lexicon
from timeline.models import Document

RECENT = lexicon.load("dating")["recent_perfect"]


def _events(text: str, published) -> list[tuple[str, str | None, str]]:
    events = extract([Document(id="news", text=text, published=published)], Options()).events
    return [(e.type, e.date, e.modality) for e in events]


@pytest.mark.parametrize("case", [RECENT["example"], RECENT["counterexample"], *RECENT["more_counterexamples"]],
                         ids=["present-perfect", "since-reaches-back", "perfect-infinitive", "passive-perfect", "wire-capitals"])
def test_an_undated_act_told_in_the_present_perfect_is_recent(case):
    """'has accused the militia' is within the month before the report; 'Since the mine opened, ...
    has accused', 'is said to have visited', 'has been accused' and wire copy in capitals keep the bare
    bound of the report (dating.yaml, recent_perfect)."""
    assert (case["type"], case["date"], "asserted") in _events(case["text"], case["published"])
