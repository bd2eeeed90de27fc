"""Wire copy in capitals read like mixed case by the syntax cues keyed on lower-case words: a
coordinated clause with a subject of its own, a participle clause describing a nominal, a promise's
infinitive, a reduced relative's head (issue 10, item 5). Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract import Options, extract
from timeline.extract.casing import common_form
from timeline.extract.clauses import clauses_of
from timeline.extract.dating import reduced_relative_verb
from timeline.models import Document


@pytest.mark.parametrize("word,caps,form", [
    ("fled", False, "fled"),  # lower case: itself
    ("FLED", True, "fled"),  # capitals: a dictionary word reads as written small
    ("HAD", True, "had"),  # a function word
    ("USULUTAN", True, None),  # not a dictionary word: a name
    ("FLED", False, None),  # in mixed case a word in capitals is no common word
    ("Fled", False, None),  # nor a capitalised one (a sentence's opening, a name)
    ("Fled", True, None),
])
def test_common_form(word, caps, form):
    """The lower-case form mixed case would write mid-sentence, or None for a name."""
    assert common_form(word, caps) == form


def _cuts(text: str, caps: bool) -> list[str]:
    return [text[c.start:c.end] for c in clauses_of(text, 0, len(text), 0, caps)]


@pytest.mark.parametrize("sentence,second", [
    ("The army shelled the bridge at dawn and the rebels burned two trucks near the market.", "and the rebels"),
    ("Police said guerrillas had dynamited the tower and residents fled the village.", "and residents"),
])
def test_new_subject_cut_in_capitals(sentence, second):
    """'... and the rebels burned ...': a coordinator before a new subject and its finite verb opens
    a clause in capitals as in mixed case."""
    upper = sentence.upper()
    assert [c.lower() for c in _cuts(upper, True)] == [c.lower() for c in _cuts(sentence, False)]
    assert any(c.lower().startswith(second) for c in _cuts(upper, True))


def test_two_subjects_of_one_verb_stay_one_clause_in_capitals():
    """'leaders of the two parties and the envoys met': no finite verb before 'and', so no second
    clause, in capitals as in mixed case."""
    sentence = "LEADERS OF THE TWO PARTIES AND THE ENVOYS MET IN THE CAPITAL."
    assert _cuts(sentence, True) == [sentence]


def _events(text: str) -> list[tuple]:
    """(type, date, modality) of each event, read alone (no merge across documents to hide a difference)."""
    found = extract([Document(id="wire", text=text, published=dt.date(1990, 3, 14))], Options(merge_documents=False))
    return [(e.type, e.date, e.modality) for e in found.events]


@pytest.mark.parametrize("sentence", [
    "The army shelled the bridge at dawn and the rebels burned two trucks near the market.",  # a new subject
    "Police said guerrillas had dynamited the tower and residents fled the village.",
    "Gunmen killed a mayor on Sunday and the police arrested three suspects on Tuesday.",
    "A ceasefire, agreed in May, collapsed last week.",  # a participle clause dates the nominal
    "The governor has promised to rebuild the school.",  # a promise made, not a standing state
    "The envoy pledged to Kenya a shipment of grain.",  # 'to' and a name: no infinitive
    "A journalist abducted near the border was released on Monday.",
    "Two soldiers were arrested on Monday for the shooting of a student.",
    "In the north the rebels carried out an ambush against a convoy, killing four soldiers.",  # no setting: a verb
])
def test_capitals_read_like_mixed_case(sentence):
    """The same events, dates and modalities from a sentence and from it written in capitals."""
    mixed = _events(sentence)
    assert mixed and _events(sentence.upper()) == mixed  # not two empty lists


def test_reduced_relative_head_in_capitals():
    """'A JOURNALIST ABDUCTED NEAR ... WAS RELEASED': a noun heads the participle; an adverb before
    it ('SWIFTLY ABDUCTED') heads none, whatever its case."""
    text = "A JOURNALIST ABDUCTED NEAR THE BORDER WAS RELEASED ON MONDAY."
    start = text.index("ABDUCTED")
    assert reduced_relative_verb(text, start, start + 8, len(text), caps=True) == text.index("WAS")
    text = "THEY SAID HE WAS SWIFTLY ABDUCTED NEAR THE BORDER AND HELD FOR A WEEK."
    start = text.index("ABDUCTED")
    assert reduced_relative_verb(text, start, start + 8, len(text), caps=True) is None
