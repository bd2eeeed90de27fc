"""Whom a pronoun undergoing violence stands for: the subject the sentence, or the one before, opened on."""

from __future__ import annotations

import pytest

from timeline.extract import Options, extract
from timeline.models import Document


def violence(text: str) -> list:
    """The violent events of a short text read alone."""
    events = extract([Document(id="d", text=text)], Options(solve=False)).events
    return [e for e in events if e.type in {"attack", "killing", "abduction", "bombing"}]


@pytest.mark.parametrize("text,target", [
    ("THE MAYOR OF SAN PEDRO, 58, WAS LEAVING CHURCH WITH HIS WIFE. HE WAS SHOT TWICE IN THE BACK.",
     "MAYOR OF SAN PEDRO"),  # capitals: no name to go by, the phrase in its own words
    ("Two nurses from the district clinic were driving home on Friday. They were abducted at a roadblock.", "nurses"),
    ("Police said the union leader Jorge Mena was driving to work. He was shot at a traffic light.",
     "union leader Jorge Mena"),  # the reported clause's subject, not the speaker's
    ("The rebels entered the town at dawn. They were ambushed near the bridge.", "rebels"),
    ("POLICE ARE INVESTIGATING THE MURDER OF UNION LEADER ANA GOMEZ AND JOURNALIST PABLO RUIZ. THEIR KIDNAPPING TOOK "
     "PLACE IN THE CAPITAL.", "UNION LEADER ANA GOMEZ AND JOURNALIST PABLO RUIZ"),  # 'their': the pair ending the sentence
])
def test_a_pronoun_undergoing_violence_stands_for_the_subject_before(text, target):
    """'X was driving home. He was shot': the pronoun's act was done to X."""
    assert any(target in event.targets for event in violence(text))


@pytest.mark.parametrize("text", [
    "A TRADE MISSION ARRIVED IN THE CAPITAL ON MONDAY. THEIR KIDNAPPING WAS REPORTED LATER.",  # 'their': one mission
    "HOW COULD THEY FORGET? THEY WERE KILLED BY THE ARMY.",  # a question word is no antecedent
    "THE COUNCIL MET ON FRIDAY, ACCORDING TO PRIESTS AND NUNS. THEY WERE KILLED.",  # who tells is no antecedent
    "SEVERAL SECTORS CALLED FOR CALM. SHE WAS SHOT NEAR THE CHURCH.",  # 'she' for a plural noun
])
def test_no_antecedent_of_another_number_or_kind(text):
    """A pronoun of another number or a question word names no victim."""
    assert all(not event.targets for event in violence(text))


@pytest.mark.parametrize("text,target", [
    ("The district judge Rosa Vela, abducted on 3 March near the market, was freed on Friday.",
     "district judge Rosa Vela"),
    ("TWO TEACHERS, KIDNAPPED BY MASKED MEN LAST WEEK, WERE RELEASED TODAY.", "TEACHERS"),
])
def test_a_participle_after_a_comma_tells_what_befell_the_phrase_before(text, target):
    """'X, abducted on 3 March, was freed': X was abducted, and the date is no victim."""
    [abduction] = [e for e in violence(text) if e.type == "abduction"]
    assert target in abduction.targets and not any("March" in t or "WEEK" in t for t in abduction.targets)


def test_a_participle_with_an_object_of_its_own_is_no_description():
    """'The rebels, armed with rifles, killed three guards': the killing's victims are the guards."""
    [killing] = violence("The rebels, armed with rifles, killed three guards.")
    assert "guards" in killing.targets and "rebels" not in killing.targets
