"""Violence a time phrase dates the main clause by ('asked to leave after the 16 November murder
of six priests') is an incident of its own, not the scene of the main clause."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract import Options, extract, lexicon
from timeline.models import Document

PRIOR = lexicon.load("triggers")["prior_incidents"]


@pytest.mark.parametrize("entry", PRIOR, ids=[e["name"] for e in PRIOR])
def test_violence_a_time_phrase_names_is_an_incident_dated_by_its_own_words(entry):
    """The earlier violence is an event of its own, on its own day, beside the main clause's act."""
    example = entry["example"]
    published = dt.date.fromisoformat(str(example["published"]))
    events = extract([Document(id="wire", text=example["text"], published=published)], Options()).events
    [prior] = [e for e in events if e.type == example["type"]]
    assert str(prior.date).startswith(example["date"]) and len(events) >= 2


def test_a_scene_set_by_an_undated_nominal_still_folds_into_the_main_clause():
    """'In the attack, three soldiers died': the phrase sets the scene of the one incident told."""
    text = "In the attack on the barracks, guerrillas killed three soldiers."
    events = extract([Document(id="wire", text=text, published=dt.date(2021, 5, 10))], Options()).events
    assert len(events) == 1


def test_a_killing_or_kidnapping_told_by_its_possessor_after_a_time_word_is_an_incident():
    """'following the mayor's kidnapping': the possessor is whom it befell, as in 'the kidnapping of
    the mayor', so the phrase names an incident of its own, not the scene of the main clause."""
    text = "LIMA, 10 MAY 89 -- FOLLOWING MAYOR ANA RUIZ'S KIDNAPPING, THE COUNCIL SUSPENDED ITS SESSIONS."
    events = extract([Document(id="wire", text=text, published=dt.date(1989, 5, 10))], Options()).events
    assert [e.type for e in events] == ["abduction"]


def test_an_attack_told_by_its_possessor_still_sets_the_scene():
    """'after the army's offensive': an attack's possessor is who made it, not whom it hit."""
    text = "LIMA, 10 MAY 89 -- AFTER THE ARMY'S OFFENSIVE, THE VILLAGERS FLED TO THE HILLS."
    events = extract([Document(id="wire", text=text, published=dt.date(1989, 5, 10))], Options()).events
    assert "attack" not in [e.type for e in events] and events
