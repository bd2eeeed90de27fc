"""A state's own measure told with no agent and reported by one of its bodies ('two of them were
released, the army said') is that state's doing; reported by anyone else the reporter is no party
(``arguments._state_reporters``), and custody told in the passive with no agent is still the story's
state's (``arguments.custody_by_home_state``, twentieth session), as are a curfew and a criminal charge
told so (twenty-second session) and a ban or a closure (twenty-third)."""

import pytest

from timeline.extract import Options
from timeline.extract.pipeline import run
from timeline.models import Document

REPORTED_BY_THE_STATE = [
    ("Protesters blocked the main road into Lusaka, Zambia, on Monday. Three of the organisers were "
     "released on bail on Thursday, the army said.", "release", "Zambia"),
    ("Crowds burned tyres across Lilongwe in Malawi on Tuesday. Police said a shop had been looted and "
     "that nine suspects were arrested.", "arrest", "Malawi"),
    ("Rival gangs fought in the streets of Guayaquil in Ecuador overnight. A curfew has been imposed on "
     "the city until Sunday, the government said.", "coercion", "Ecuador"),
]

REPORTED_BY_OTHERS = [
    ("Protesters blocked the main road into Lusaka, Zambia, on Monday. Forty people were detained on "
     "Tuesday, a local rights group said.", "arrest", "Zambia"),
    ("Crowds burned tyres across Lilongwe in Malawi on Tuesday. Nine suspects were arrested overnight, "
     "witnesses told reporters.", "arrest", "Malawi"),
]


@pytest.mark.parametrize("text, kind, party", REPORTED_BY_THE_STATE, ids=lambda v: str(v)[:30])
def test_a_measure_a_states_body_reports_is_that_states(text: str, kind: str, party: str) -> None:
    """The measure takes the reporting body's state as its actor."""
    events = [e for e in run(Document(id="d", text="Story\n\n" + text), Options()).events if e.type == kind]
    assert events and events[0].actors == [party], [(e.type, e.actors) for e in events]


@pytest.mark.parametrize("text, kind, state", REPORTED_BY_OTHERS, ids=lambda v: str(v)[:30])
def test_a_measure_others_report_is_not_the_reporters(text: str, kind: str, state: str) -> None:
    """A rights group or a witness telling of arrests did not make them: the story's state did."""
    events = [e for e in run(Document(id="d", text="Story\n\n" + text), Options()).events if e.type == kind]
    assert events and events[0].actors == [state], [(e.type, e.actors) for e in events]


def _measures_rule() -> dict:
    from timeline.extract import lexicon

    return lexicon.load("groups")["home_state_measures"]


@pytest.mark.parametrize("example", _measures_rule()["examples"], ids=lambda e: e["text"][:30])
def test_a_states_own_measure_told_with_no_party_is_the_story_states(example: dict) -> None:
    """'a curfew had been imposed', 'was charged on Friday': only a state's authorities take these,
    so told with no party, place or agent they are the story's state's (twenty-second session)."""
    events = [e for e in run(Document(id="d", text="Story\n\n" + example["text"]), Options()).events
              if e.type == example["type"]]
    assert events and events[0].actors == [example["party"]], [(e.type, e.actors) for e in events]


@pytest.mark.parametrize("example", _measures_rule()["counterexamples"], ids=lambda e: e["text"][:30])
def test_a_measure_told_with_its_taker_is_not_given_the_story_state(example: dict) -> None:
    """'The rebels imposed a curfew': a measure whose taker the clause names stays that taker's."""
    events = [e for e in run(Document(id="d", text="Story\n\n" + example["text"]), Options()).events
              if e.type == example["type"]]
    assert events and example["not_party"] not in events[0].actors, [(e.type, e.actors) for e in events]
