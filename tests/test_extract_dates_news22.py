"""Dates on news, twenty-second session: a date wholly after the report on an act not told as done
(an infinitive, a named act in a clause told in the present) is what is to come, not a past act cut at
the report. Sentences of my own; each asserts the date and modality the mechanism gives and the shape
it must leave alone.
"""

from __future__ import annotations

import pytest

from timeline.extract import Options, extract, lexicon
from timeline.models import Document

SCHEDULED = lexicon.load("dating")["scheduled_noun"]


def _events(text: str, published) -> list[tuple[str, str | None, str]]:
    events = extract([Document(id="news", text=text, published=published)], Options()).events
    return [(e.type, e.date, e.modality) for e in events]


@pytest.mark.parametrize("case", [SCHEDULED["example"], *SCHEDULED["more_examples"], SCHEDULED["counterexample"]],
                         ids=["noun-is-due", "expected-to-visit", "perfect-told-as-done"])
def test_a_date_after_the_report_on_an_act_not_told_as_done_is_to_come(case):
    """'A donors' summit is due in March' and 'was expected to visit on Friday' keep their date and
    are to come; 'has called off a tour ... will return on Saturday' is done by the report
    (lexicons/dating.yaml, scheduled_noun)."""
    assert (case["type"], case["date"], case["modality"]) in _events(case["text"], case["published"])


def test_a_noun_in_a_clause_with_a_past_form_or_no_verb_keeps_the_reports_bound():
    """'announced his resignation effective Wednesday': the announcing is the act, told as done."""
    import datetime as dt

    told = _events("The chief of staff announced his resignation effective next Wednesday, July 31.", dt.date(2019, 7, 26))
    assert all(modality != "future" or date != "2019-07-31" for _, date, modality in told)


THAT_TIME = lexicon.load("dating")["that_time"]


@pytest.mark.parametrize("case", [THAT_TIME["example"], THAT_TIME["counterexample"]], ids=["same-paragraph", "new-paragraph"])
def test_at_the_time_is_the_time_of_the_date_told_just_before(case):
    """'in March 2024 ... declared a state of emergency at the time' is March 2024; after a paragraph
    break nothing is pointed back to and the act stays on or before the report (dating.yaml, that_time)."""
    assert (case["type"], case["date"], "asserted") in _events(case["text"], case["published"])
