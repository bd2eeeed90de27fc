"""Which of a clause's trigger words names its event (``triggers._best``): the act, not its
purpose or its reason, typed by the most specific word."""

from __future__ import annotations

import pytest

from timeline.extract import Options, extract, lexicon
from timeline.models import Document


def _types(text: str) -> list[str]:
    return [e.type for e in extract([Document(id="d", text=text)], Options(solve=False)).events]


@pytest.mark.parametrize("text,kind", [
    ("A RADIO HOST WAS ASSASSINATED BY GUNMEN FOR MOCKING THE GENERALS.", "killing"),
    ("The minister thanked Qatar for mediating the talks.", "support"),
    ("Police arrested three men for protesting outside the embassy.", "arrest"),
])
def test_a_gerund_after_for_is_the_reason_not_the_act(text, kind):
    """'killed for criticizing': the clause's verb is the event; what it was for is not."""
    assert _types(text) == [kind]


def test_the_most_specific_word_types_the_act():
    """'Twin bombings struck the market': the bombing, though 'struck' is the verb."""
    assert _types("Twin bombings struck the market on Sunday.") == ["bombing"]


def test_acts_of_several_kinds_listed_in_one_clause_are_one_event_each():
    """'murdered the guards, exploded two devices and burned the house' in one quoted clause: a
    killing, a bombing and an arson (lexicons/triggers.yaml, listed_acts)."""
    kinds = _types(lexicon.load("triggers")["listed_acts"]["example"])
    assert [k for k in kinds if k != "statement"] == ["killing", "bombing", "arson"]


def test_violent_nouns_of_several_kinds_with_their_victims_are_one_event_each():
    """'the murder of the attorney general and the kidnapping of the mayor': a killing and an
    abduction, each told by whom it hit (lexicons/triggers.yaml, listed_acts noun_example)."""
    kinds = _types(lexicon.load("triggers")["listed_acts"]["noun_example"])
    assert {"killing", "abduction"} <= set(kinds), kinds


def test_a_measure_joined_to_violence_is_an_act_of_its_own():
    """'raids on pumping stations and a transport stoppage': the attack and the
    coercive stoppage (lexicons/triggers.yaml, joined_measures)."""
    kinds = _types(lexicon.load("triggers")["joined_measures"]["example"])
    assert kinds == ["attack", "coercion"], kinds


@pytest.mark.parametrize("text,kinds", [
    ("The judge was murdered by a bomb in his car.", ["bombing"]),
    ('Witnesses said gunmen "shot and killed the driver and burned the truck."', ["arson"]),
])
def test_an_instrument_or_a_general_word_makes_no_second_act(text, kinds):
    """'murdered by a bomb' is one bombing; 'shot and killed': the toll of the arson's incident,
    no act of a kind of its own."""
    assert [k for k in _types(text) if k != "statement"] == kinds


@pytest.mark.parametrize("text,told", [
    ("The rebels made three demands, which the government rejected.", True),
    ("He was accused of ordering the raid, which he denied.", True),
    ("The rebels made three demands, which were rejected.", False),  # a passive says what they became
])
def test_a_speech_act_in_a_relative_clause_with_its_own_subject_is_news(text, told):
    """'demands, which the government rejected': the government's act, not what the demands are."""
    assert ("refusal" in _types(text)) is told


def test_a_governing_word_after_the_violence_governs_nothing():
    """'threw three dynamite charges at the building': a word that could govern another event
    ('charges' read as accusing), told after the clause's violence, does not type the clause."""
    assert _types("Unidentified men threw three dynamite charges at the building.") == ["bombing"]


def test_a_violent_noun_joined_by_and_an_with_its_target_is_another_incident():
    """'raided a police post and an assault on the hamlet of X': two
    incidents, each with what it hit; 'died and another fell injured during skirmishes' is one
    (lexicons/triggers.yaml, coordinated_incidents)."""
    entry = lexicon.load("triggers")["coordinated_incidents"]
    events = extract([Document(id="d", text=entry["example"])], Options(solve=False)).events
    assert [e.type for e in events] == ["attack", "attack"]
    assert events[0].targets != events[1].targets
    assert len(_types(entry["counterexample"])) == 1


@pytest.mark.parametrize("example", lexicon.load("triggers")["joined_measures"]["determiner_examples"],
                         ids=lambda e: e["determiner"])
def test_a_determiner_after_and_still_joins_a_measure_to_violence(example):
    """'and their indefinite armed transport stoppage': the determiner does not count among the two
    words that may stand between 'and' and the measure (lexicons/triggers.yaml, joined_measures)."""
    from timeline.extract.triggers import _joined_measures, triggers_in

    assert example["determiner"] in lexicon.load("triggers")["joined_measures"]["determiners"]
    cluster = triggers_in(example["text"])
    best = next(t for t in cluster if t.type == "attack")
    assert [t.type for t in _joined_measures(example["text"], cluster, best)] == ["coercion"]
