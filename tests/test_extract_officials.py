"""Officials told by their office of state: with no state named before the title, an unknown
official who opens a sentence acts for the state the story names most."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from timeline.extract import Options, extract, lexicon
from timeline.models import Document


def _events(text: str):
    return extract([Document(id="d", text="Story\n\n" + text, published=dt.date(2024, 1, 30))], Options()).events


def _last_actors(text: str) -> list[str]:
    return _events(text)[-1].actors


@pytest.mark.parametrize("example", lexicon.load("groups")["state_office_examples"], ids=lambda e: e["text"][:40])
def test_an_office_of_state_before_an_unknown_name_is_the_storys_state(example):
    assert example["state"] in _last_actors(example["text"])


@pytest.mark.parametrize("example", lexicon.load("groups")["titled_official_examples"], ids=lambda e: e["text"][:40])
def test_an_official_introduced_with_his_state_acts_for_it_when_named_again(example):
    assert example["state"] in _last_actors(example["text"])


def test_an_officials_name_stops_at_the_end_of_its_line():
    """'former Kenyan president Uhuru Kenyatta.' then a paragraph: the next sentence is not his."""
    text = "The talks were chaired by former Kenyan president Uhuru Kenyatta.\n\nThe United States welcomed the deal on Monday."
    assert _last_actors(text) == ["United States"]


@pytest.mark.parametrize("example", lexicon.load("groups")["state_office_counterexamples"], ids=lambda e: e["text"][:40])
def test_an_official_gets_no_state_where_the_title_or_the_story_tells_another(example):
    assert example["state"] not in _last_actors(example["text"])


def test_an_official_beside_the_storys_state_in_his_sentence_is_not_given_it():
    """'Foreign Minister X accused Israel': the state told beside him is more likely the other side."""
    text = ("Israel struck a convoy on Monday. Israel said the convoy carried arms. "
            "Foreign Minister Hossein Salami accused Israel of aggression on Tuesday.")
    accusation = next(e for e in _events(text) if e.type == "accusation")
    assert "Israel" not in accusation.actors


def test_an_official_as_an_object_is_not_given_the_storys_state():
    """'Egypt's envoy met Foreign Minister X': the title after the verb is no subject of the story's state."""
    text = "Sudan's army shelled the city on Monday. Egypt's envoy met Foreign Minister Ali Youssef in Cairo."
    meeting = next(e for e in _events(text) if e.type == "meeting")
    assert "Sudan" not in meeting.actors + meeting.targets


def test_a_returning_surname_belongs_to_the_official_introduced_first_and_only_after_him():
    """One pass over the text for all officials (a scan per official was quadratic on a long document):
    a surname told before any introduction is no one's, one shared by two officials is the first's."""
    from timeline.extract.officials import Located, titled_officials
    from timeline.extract.state import Mention

    text = ("Ortega spoke first. Chilean Interior Minister Tomas Ortega flew north. "
            "Peruvian Interior Minister Luis Ortega stayed home. Ortega later sent police.")
    states = [Mention(text.index(word), text.index(word) + len(word), "actor", name)
              for word, name in (("Chilean", "Chile"), ("Peruvian", "Peru"))]
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    found = [(text[m.start:m.end], m.state) for m in titled_officials(text, sentences, Located.of(states))]
    assert found == [("Tomas Ortega", "Chile"), ("Luis Ortega", "Peru"), ("Ortega", "Chile")], found


def _filed(text: str):
    return extract([Document(id="d", text=text, published=dt.date(2024, 1, 30))], Options()).events


def test_custody_told_in_the_passive_with_no_agent_is_the_storys_states():
    """'Four suspects were arrested': the story's state holds them; 'released by the gunmen' has its agent."""
    text = ("Story\n\nRebels attacked a market in Chad on Monday. Chad accused Sudan of backing the raid and closed "
            "the border. Four suspects were arrested on Tuesday. Two hostages were released by the gunmen on Wednesday.")
    events = _filed(text)
    assert next(e for e in events if e.type == "arrest").actors == ["Chad"]
    assert "Chad" not in next(e for e in events if e.type == "release").actors


def test_an_office_told_with_no_name_as_the_subject_is_the_storys_state():
    """'Last month, the interior minister visited ...': the office alone is the story's state's; not
    'the prime minister's office', nor an office another state's sentence tells."""
    lead = "Story\n\nRebels attacked a market in Chad on Monday. Chad closed the border. "
    visit = _events(lead + "Last month, the interior minister visited the town and met elders.")[2]
    assert visit.type == "visit" and visit.actors == ["Chad"]
    assert _events(lead + "The prime minister's office denied that soldiers had fled.")[2].actors == []
    other = _events(lead + "The foreign minister denied that Sudan had any role.")[2]  # maybe Sudan's minister
    assert other.type == "refusal" and other.actors == []


@pytest.mark.parametrize("text,kind,state", [
    # the official's name in apposition to his state's office, then 'he' in his reported words
    ("Ghana's interior minister, Kofi Mensah, said on Monday that he had spoken to his Togolese "
     "counterpart by telephone.", "meeting", "Ghana"),
    # a bare office of the story's state, then 'he' opening the next sentence
    ("Gunmen attacked a police post in northern Ghana on Monday. The defence minister travelled to "
     "Tamale on Wednesday. He ruled out talks with the gunmen.", "refusal", "Ghana"),
])
def test_a_pronoun_after_a_states_official_acts_for_that_state(text, kind, state):
    """'He' or 'she' after a state's official told by office with no known name acts for his state,
    as a known person's pronoun already acts for the person's (twenty-third session)."""
    (event,) = [e for e in _events(text) if e.type == kind]
    assert state in event.actors, (event.actors, event.targets)


def test_a_pronoun_after_another_person_named_since_the_official_is_not_the_officials_state():
    """A person named after the official ('The activist X said he ...') is whom the pronoun stands for."""
    (event,) = [e for e in _events("Ghana's interior minister visited Tamale on Monday. The activist "
                                   "Kofi Mensah said he had met rebel leaders.") if e.type == "meeting"]
    assert "Ghana" not in event.actors, event.actors
