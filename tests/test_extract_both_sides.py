"""'the two sides', 'both leaders', 'each side': the sides of the fighting told last (groups.yaml both_sides)."""

import pytest

from timeline.extract import Options, lexicon
from timeline.extract.pipeline import run
from timeline.models import Document

EXAMPLES = lexicon.load("groups")["both_sides"]["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][-40:] for e in EXAMPLES])
def test_both_sides_are_the_sides_of_the_fighting(example):
    """The example's event of its type takes both sides among its parties."""
    state = run(Document(id="d", text="Story\n\n" + example["text"]), Options())
    events = [e for e in state.events if e.type == example["type"]]
    assert events and set(example["sides"]) <= set(events[0].actors + events[0].targets), \
        [(e.type, e.actors, e.targets) for e in state.events]


COUNTEREXAMPLES = lexicon.load("groups")["both_sides"]["counterexamples"]


@pytest.mark.parametrize("example", COUNTEREXAMPLES, ids=[e["text"][-40:] for e in COUNTEREXAMPLES])
def test_sides_a_third_party_addresses_are_no_actors(example):
    """'X urged both sides': the story's principal pair is not among the appeal's actors."""
    state = run(Document(id="d", text="Story\n\n" + example["text"]), Options())
    events = [e for e in state.events if e.type == example["type"] and example["actor"] in e.actors]
    assert events and example["not_actor"] not in events[-1].actors, [(e.type, e.actors) for e in state.events]


FIGHTING = lexicon.load("groups")["both_sides"]["fighting"]


@pytest.mark.parametrize("example", FIGHTING, ids=[e["text"][-40:] for e in FIGHTING])
def test_fighting_naming_no_side_is_between_the_principal_parties(example):
    """'Heavy fighting broke out': the story's clear pair of parties, or nobody when there is none."""
    state = run(Document(id="d", text="Story\n\n" + example["text"]), Options())
    fights = [e for e in state.events if e.type == "armed_clash"]
    assert fights and sorted(fights[-1].actors) == sorted(example["sides"]), [(e.type, e.actors) for e in state.events]


BOTH_SIDES = lexicon.load("groups")["both_sides"]
TWO_SIDED = ([("negotiation", e) for e in BOTH_SIDES["talks"]] + [("ceasefire", e) for e in BOTH_SIDES["ceasefires"]]
             + [("agreement", e) for e in BOTH_SIDES["agreements"]])


@pytest.mark.parametrize(("kind", "example"), TWO_SIDED, ids=[e["text"][-40:] for _, e in TWO_SIDED])
def test_an_act_between_two_sides_naming_no_side_is_between_the_principal_parties(kind, example):
    """'an attempt at peace talks mediated by village elders collapsed', 'a truce broke down', 'a
    border accord signed in 2000': the story's clear pair of parties, or nobody when there is none."""
    state = run(Document(id="d", text="Story\n\n" + example["text"]), Options())
    acts = [e for e in state.events if e.type == kind]
    assert acts and sorted(acts[-1].actors) == sorted(example["sides"]), [(e.type, e.actors) for e in state.events]
