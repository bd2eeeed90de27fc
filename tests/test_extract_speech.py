"""The type line between saying and doing: a promise one party makes of its own act is the event
(a pledge), not the act it promises; a consent names what was consented to, and a promised retreat
stays the concession the PLOVER manual codes it as."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract import Options, extract, lexicon
from timeline.models import Document


def _events(text: str) -> list[tuple[str, str]]:
    doc = Document(id="speech", text=text, published=dt.date(2024, 3, 4))
    return [(e.type, e.modality) for e in extract([doc], Options()).events]


def test_the_own_pledges_example_is_a_pledge():
    """lemmas.yaml, own_pledges: its example's one event is the promise."""
    assert _events(lexicon.load("lemmas")["own_pledges"]["example"]) == [("pledge", "asserted")]


def test_an_order_to_ones_own_agents_is_the_act_ordered():
    """lemmas.yaml, orders_to_own: the example's search is the event; an order to another party
    (the counterexample) stays an appeal."""
    rule = lexicon.load("lemmas")["orders_to_own"]
    assert [t for t, _ in _events(rule["example"])] == ["coercion"]
    assert "appeal" in [t for t, _ in _events(rule["counterexample"])]


@pytest.mark.parametrize("text", [
    "The regional bloc offered to mediate between the two governments.",
    "The governor promised to send more police to the valley.",
    "The union said it was ready to help rebuild the bridge.",
])
def test_a_promise_of_ones_own_act_is_a_pledge(text):
    """What a party promises to do is not done: the promise is the news, typed as a pledge."""
    assert _events(text) == [("pledge", "asserted")]


@pytest.mark.parametrize("text,kind", [
    ("The two delegations agreed to a further meeting next month.", "meeting"),  # consent to a gathering
    ("The militia offered to release the four drivers.", "release"),  # a promised retreat: CONCEDE
])
def test_a_consent_or_a_promised_retreat_names_what_is_promised(text, kind):
    """'agreed to a meeting' names the meeting; a promised release stays the release, told as future."""
    assert _events(text) == [(kind, "future")]


def test_the_condition_a_threat_sets_is_no_event():
    """triggers.yaml, conditions: its example's one event is the threat, not the condition."""
    assert _events(lexicon.load("triggers")["conditions"]["example"]) == [("threat", "asserted")]


@pytest.mark.parametrize("text,events", [
    ("The strikers demanded higher pay until the company sold the mine.", [("appeal", "asserted")]),
    # a ransom demanded is a threat (lemmas.yaml, ransom-demanded): its condition is passed over too
    ("The kidnappers demanded a ransom until the family sold its land.", [("threat", "asserted")]),
    # no threat or demand in the sentence: an 'until' clause tells its own act
    ("Police guarded the office until protesters burned it.", [("arson", "asserted")]),
])
def test_a_condition_needs_a_threat_or_demand_before_it(text, events):
    """Only a threat's or a demand's condition is passed over."""
    assert _events(text) == events


def _quotes(text: str) -> list[tuple[str, str]]:
    doc = Document(id="speech", text=text, published=dt.date(2024, 3, 4))
    return [(e.type, e.sources[0].quote) for e in extract([doc], Options()).events]


def test_an_act_reported_as_done_before_the_saying_is_quoted_in_its_own_words():
    """'said that ... had freed': the act is the event, its evidence the act's clause; the saying
    only reports it (and still gives it its speaker and its 'on or before' date)."""
    found = _quotes("The navy said on Friday that its divers had freed the trapped fishermen.")
    assert found == [("release", "its divers had freed the trapped fishermen")]


def test_an_announced_decision_stays_quoted_with_its_announcement():
    """'announced that ... will be extended': the announcement is the news of the decision."""
    found = _quotes("The governor announced that the curfew will be extended to the port.")
    assert len(found) == 1 and found[0][1].startswith("The governor announced")


@pytest.mark.parametrize("case", lexicon.load("triggers")["without"]["examples"], ids=lambda c: c["text"][:30])
def test_what_a_clause_says_did_not_happen_names_no_event(case):
    """'without a deal', 'without a fight': the noun after 'without' neither types the clause nor
    makes an event of its own; the talks or the surrender are the event (lexicons/triggers.yaml, without)."""
    assert _events(case["text"]) == [tuple(e) for e in case["events"]]


def test_a_promise_governs_an_infinitive_its_act_carries():
    """lemmas.yaml, own_pledges carried_example: the act's trigger holds the 'to' ('to meet'); the
    promise still governs it and is the one event."""
    assert _events(lexicon.load("lemmas")["own_pledges"]["carried_example"]) == [("pledge", "asserted")]


@pytest.mark.parametrize("text", [
    lexicon.load("lemmas")["own_pledges"]["negated_example"],
    "The garrison commander promised not to fire on the marchers in the square.",
])
def test_a_promise_not_to_act_is_a_pledge(text):
    """lemmas.yaml, own_pledges negated_example: what a promise or consent rules out, violence
    included, is neither done nor to come; the promise is the one event."""
    assert _events(text) == [("pledge", "asserted")]


def test_a_consent_to_act_still_names_the_act():
    """Without 'not', a consent to violence keeps naming the violence consented to, told as to come."""
    assert _events("The rival clans agreed to raid the border posts next week.") == [("attack", "future")]


def test_a_remedy_the_state_is_told_to_make_is_its_pledge():
    """'said the government would compensate the families': the state's undertaking of repair or
    redress is a pledge though no pledge word tells it (triggers.yaml state-will-remedy)."""
    text = "Story\n\nThe interior minister said the government would compensate the families of the two fishermen."
    assert [kind for kind, _ in _events(text)] == ["pledge"]


def test_a_state_act_with_a_word_of_its_own_keeps_its_type():
    """'will deploy two battalions' is a deployment whoever announces it: only repair or redress is read."""
    text = "Story\n\nThe interior minister said the cabinet will deploy two battalions along the valley road."
    assert "pledge" not in [kind for kind, _ in _events(text)]
