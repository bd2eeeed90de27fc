"""Modality read from the words around an event: a reported 'would' is the future of the past."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract import Options, extract, lexicon
from timeline.models import Document


def events(text: str, published: dt.date = dt.date(2023, 6, 14)):
    return extract([Document(id="d", text=text, published=published)], Options(solve=False)).events


@pytest.mark.parametrize("text,modality", [
    ("Rwanda announced that it would withdraw part of its contingent.", "future"),
    ("He said the talks would resume next week.", "future"),
    ("The talks would resume if the rebels agreed.", "hypothetical"),
])
def test_would_in_reported_words_is_the_future_of_the_past(text, modality):
    """'announced that it would withdraw': a reported 'would' tells what was to come, not a condition."""
    assert events(text)[0].modality == modality


@pytest.mark.parametrize("text", [
    "The talks resumed in May.",
    "CUSCO, 17 MAY 90 -- [TEXT] ON 11 MAY A BOMB WRECKED A RAILWAY DEPOT IN CUSCO.",
])
def test_the_month_may_is_no_modal(text):
    """'in May', 'ON 11 MAY': the month (in capitals case cannot tell it from the modal) says
    nothing of whether the event happened."""
    assert events(text)[0].modality == "asserted"


def test_the_modal_may_is_still_hypothetical():
    """'THE REBELS MAY ATTACK THE TOWN': the modal, in capitals too."""
    assert events("THE REBELS MAY ATTACK THE TOWN.")[0].modality == "hypothetical"


@pytest.mark.parametrize("text", [
    "POLICE EXPERTS DEFUSED A CAR BOMB NEAR THE EMBASSY.",
    "A CAR BOMB HAS BEEN DEFUSED OUTSIDE THE CENTRAL STATION.",
    "A HOMEMADE DEVICE WAS LIKEWISE DEFUSED AT THE HARBOUR.",  # the trigger's own words tell it foiled
])
def test_a_defused_bomb_is_a_foiled_bombing(text):
    """'defused a car bomb': the bomb is the event ('defused' supports the nominal), a bombing that
    did not happen (lexicons/modality.yaml, foiled)."""
    [event] = extract([Document(id="d", text=text, published=dt.date(1989, 9, 1))], Options(solve=False)).events
    assert (event.type, event.modality) == ("bombing", "negated")


@pytest.mark.parametrize("case", [lexicon.load("modality")["object_negation"][key] for key in ("example", "counterexample")],
                         ids=["example", "counterexample"])
def test_a_negated_object_negates_the_act(case):
    """'It promised no troops': the act the verb names was not done; 'no fewer than ten' still was."""
    found = events(case["text"])
    assert found and found[-1].modality == case["modality"], [(e.type, e.modality) for e in found]


@pytest.mark.parametrize("text,modality", [
    ("Diplomats are expected to meet both delegations in Oslo next week.", "future"),
    ("THE DELEGATION PLANS TO MEET WITH THE PRESIDENT.", "future"),
    ("The government said it will not accept the ultimatum.", "asserted"),  # a refusal made now
])
def test_a_trigger_opening_on_its_governor_leaves_it_to_the_cue(text, modality):
    """'are expected to meet': the trigger 'to meet' holds the 'to' the cue 'expected to' ends on,
    so the words before the trigger are read with it; a speech act's own 'will' stays its own."""
    assert events(text)[0].modality == modality


_PROTASIS = lexicon.load("modality")["protasis"]


@pytest.mark.parametrize("case", _PROTASIS["examples"] + _PROTASIS["counterexamples"],
                         ids=[f"example-{i}" for i, _ in enumerate(_PROTASIS["examples"])]
                         + [f"counterexample-{i}" for i, _ in enumerate(_PROTASIS["counterexamples"])])
def test_the_condition_of_another_clause_is_no_event(case):
    """'would shell the port if the navy attacked': what a threat hangs on did not happen; an 'until'
    after an asserted clause, or an 'if' after 'to see', tells what happened or is asked."""
    types = [e.type for e in events(case["text"])]
    if "absent" in case:
        assert types and case["absent"] not in types, types
    else:
        assert case["present"] in types, types


_STANDING = lexicon.load("modality")["standing_state"]


@pytest.mark.parametrize("key", ["example", "object_example", "counterexample", "promise_example"])
def test_a_stance_held_is_no_act(key):
    """'has backed minority rights': a position held, no event; 'backed the plan at a meeting' is an
    act, and so is 'has promised to rebuild the school' (the promise made)."""
    case = _STANDING[key]
    found = {e.type for e in events(case["text"])}
    assert (case["type"] in found) == (key in ("counterexample", "promise_example")), found


def test_a_news_lead_in_the_perfect_is_an_act():
    """'has agreed to talks, an official said': the reporter's attribution makes the perfect a fresh act."""
    assert "agreement" in {e.type for e in events("Forty states have signed on to the charter, the ministry said.")}


_SCHEDULED = next(c for c in lexicon.load("modality")["cues"] if c["name"] == "scheduled")


@pytest.mark.parametrize("text,modality,date", [(_SCHEDULED["example"], "future", "2024-03-11"),
                                               (_SCHEDULED["counterexample"], "asserted", "2024-03-04")],
                         ids=["on-a-schedule", "told-as-done"])
def test_an_act_told_as_scheduled_is_to_come_on_its_date(text, modality, date):
    """'is scheduled to resume on Monday': the act is to come and keeps the Monday after the report;
    told as done, the Monday is the one before it (lexicons/modality.yaml, scheduled)."""
    [event] = events(text, dt.date(2024, 3, 8))
    assert (event.modality, event.date) == (modality, date)


_PROMISE_MADE = lexicon.load("modality")["promise_made"]


@pytest.mark.parametrize("case", [_PROMISE_MADE["example"], _PROMISE_MADE["dated_example"]], ids=["on-its-occasion", "own-day"])
def test_a_promise_told_as_made_is_the_act_of_making_it(case):
    """'met on 3 May and agreed to open a joint office': the agreeing happened, on the meeting's day
    (or its own), as a pledge; only what it governs is to come (lexicons/modality.yaml, promise_made)."""
    found = [(e.type, e.modality, e.date) for e in extract(
        [Document(id="d", text=case["text"], published=case["published"])], Options()).events]
    assert (case["type"], case["modality"], case["date"]) in found, found


@pytest.mark.parametrize("case", _PROMISE_MADE["counterexamples"], ids=["will-agree", "expected-to-agree", "past-perfect"])
def test_a_promise_told_as_to_come_or_before_a_past_moment_stays_future(case):
    """'will agree to', 'is expected to agree to': no act made yet; 'said ... had agreed to' keeps the
    bound by the report: nothing of the agreement family is asserted (modality.yaml, promise_made)."""
    found = [(e.type, e.modality) for e in events(case["text"], case["published"])]
    assert found and all(m == "future" for t, m in found if t in ("agreement", "pledge")), found
