"""Trigger rules from lemma classes: lemminflect's inflections, base forms after a governor, and
gerunds that are nouns left to the noun classes."""

from __future__ import annotations

import re

import pytest

from timeline.extract import lexicon
from timeline.extract.lemmas import class_pattern, noun_forms, rules, verb_forms


@pytest.mark.parametrize("verb,free,base", [
    ("assassinate", {"assassinated", "assassinating", "assassinates"}, {"assassinate"}),
    ("blow up", {"blew up", "blown up", "blowing up", "blows up"}, {"blow up"}),  # a phrase inflects its first word
    ("take hostage", {"took hostage", "taken hostage", "taking hostage", "takes hostage"}, {"take hostage"}),
    # a compound the dictionary lacks inflects as its last part ('gun' -> 'gunned', not 'guned')
    ("machinegun", {"machinegunned", "machinegunning", "machineguns"}, {"machinegun"}),
])
def test_verb_forms(verb, free, base):
    """Past, participle, gerund and third person stand alone; the base form needs a governor."""
    assert verb_forms(verb) == (free, base)


@pytest.mark.parametrize("verb,noun_form", [
    ("kidnap", "kidnapping"),  # the abduction noun class has it
    ("kidnap", "kidnaps"),  # 'kidnap' is a noun too: its plural
    ("bomb", "bombing"),
    ("attack", "attacks"),
])
def test_a_form_that_is_a_noun_of_some_class_is_left_to_the_nouns(verb, noun_form):
    """'bombing', 'attacks': a gerund or third-person form that a noun class holds is not a verb
    trigger (the noun class decides whether it names an event)."""
    assert noun_form in noun_forms()
    free, _ = verb_forms(verb)
    assert noun_form not in free and free  # the other forms stay


@pytest.mark.parametrize("text,match", [
    ("THE GUERRILLAS ARE KIDNAPPING PEASANTS.", "KIDNAPPING"),
    ("Rebels were bombing the bridge.", "bombing"),
    ("The kidnapping of two nurses.", None),  # a nominal: the noun class's business
])
def test_a_gerund_left_to_the_nouns_is_a_verb_after_be(text, match):
    """'are kidnapping': a progressive asserts the act even though 'kidnapping' is also a noun."""
    entry = {"name": "t", "type": "abduction", "kind": "verb", "weight": 2, "verbs": ["kidnap", "bomb"]}
    found = re.search(class_pattern(entry), text, re.IGNORECASE)
    assert (found.group() if found else None) == match


def test_a_gerund_no_noun_class_holds_stays_a_verb_form():
    """'attacking' is no noun form: it stays among the verb's forms."""
    assert "attacking" not in noun_forms() and "attacking" in verb_forms("attack")[0]


VERB_CLASS = {"name": "t", "type": "killing", "kind": "verb", "weight": 2, "verbs": ["assassinate"]}


@pytest.mark.parametrize("text,match", [
    ("Gunmen assassinated him.", "assassinated"),
    ("Gunmen will assassinate him.", "assassinate"),  # the modal stays outside the trigger
    ("They tried to assassinate him.", "assassinate"),
    ("Gunmen did not assassinate him.", "assassinate"),
    ("They assassinate him.", "assassinate"),  # the present tense after a subject pronoun
    ("Gunmen assassinate him.", None),  # a bare base form after a noun is not read as the event
    ("Gunmen will never assassinate him.", None),  # an adverb between: not read (nor 'never', left to modality)
])
def test_a_verb_class_pattern(text, match):
    """The class's pattern matches the free forms anywhere and the base form after a governor."""
    found = re.search(class_pattern(VERB_CLASS), text, re.IGNORECASE)
    assert (found.group() if found else None) == match


def test_a_noun_class_inflects_the_last_word_and_respects_followed_by():
    """'car bomb' finds 'car bombs'; ``followed_by`` must match the words after the trigger."""
    entry = {"name": "t", "type": "bombing", "kind": "noun", "weight": 1, "nouns": ["car bomb"],
             "followed_by": r"\s+(?:exploded|went off)"}
    pattern = re.compile(class_pattern(entry), re.IGNORECASE)
    assert pattern.search("Two car bombs exploded.").group() == "car bombs"
    assert pattern.search("The car bomb was defused.") is None


def test_rules_have_the_shape_of_trigger_entries():
    """Every lemma class becomes one generated trigger rule with a compilable pattern."""
    for rule in rules():
        assert rule["generated"] and {"name", "type", "kind", "weight", "pattern", "example"} <= rule.keys()
        re.compile(rule["pattern"])


def test_a_to_closing_a_preposition_governs_no_verb():
    """'according to press reports': a 'to' closing a preposition opens no infinitive
    (lemmas.yaml, prepositional_to); 'urged him to press' still does."""
    from timeline.extract.triggers import triggers_in

    text = lexicon.load("lemmas")["prepositional_to"]["counterexample"]
    governed = [t for t in triggers_in(text) if t.kind == "verb" and text[:t.start].lower().endswith("to ")]
    assert not governed, governed
    assert any(t.type == "appeal" for t in triggers_in("They urged him to press the government to act."))


def test_an_s_form_after_a_word_that_comes_before_nouns_is_no_verb():
    """'alongside volunteers' is people, not a pledge (lemmas.yaml, noun_before_s_form); 'the
    army attacks the town' still attacks."""
    from timeline.extract.triggers import triggers_in

    assert not triggers_in(lexicon.load("lemmas")["noun_before_s_form"]["counterexample"])
    assert any(t.type == "attack" for t in triggers_in("The army attacks the town."))


@pytest.mark.parametrize("entry", [c for c in lexicon.load("lemmas")["classes"] if "counterexample" in c],
                         ids=lambda c: c["name"])
def test_a_class_counterexample_does_not_fire(entry):
    """A class's counterexample is the reading it leaves out ('EIGHT EXPLOSIVE CHARGES' accuse nobody)."""
    from timeline.extract.triggers import triggers_in

    assert entry["name"] not in {t.rule for t in triggers_in(entry["counterexample"])}


def test_an_explosive_charge_is_a_bombing():
    """'TWO DYNAMITE CHARGES WERE DETONATED': the weapon's noun names the bombing, not a charge laid against someone."""
    from timeline.extract.triggers import triggers_in

    found = {t.type for t in triggers_in("A SECOND DYNAMITE CHARGE WAS DEFUSED UNDER THE BRIDGE.")}
    assert "bombing" in found and "accusation" not in found, found


def test_a_scheduling_word_after_be_governs_its_verb():
    """'is due to visit' schedules a visit (lemmas.yaml, prepositional_to scheduled); 'due to the
    rain' stays a preposition."""
    from timeline.extract.triggers import triggers_in

    def after_due_to(text: str) -> list:
        return [t for t in triggers_in(text) if t.kind == "verb" and text[:t.start].lower().endswith("due to ")]

    text = lexicon.load("lemmas")["prepositional_to"]["scheduled_example"]
    assert after_due_to(text), triggers_in(text)
    assert not after_due_to("The flights were cancelled due to attack warnings.")


def test_loot_is_no_robbery_target():
    """lemmas.yaml, loot: 'took the payroll from the mine office' is a robbery of the office, and
    'broke into the clinic and took its medicines' one of the clinic; the loot is never the target."""
    from timeline.extract import extract
    from timeline.models import Document

    entry = lexicon.load("lemmas")["loot"]
    for example, target in [(entry["example"], entry["target"]), (entry["entered_example"], entry["entered_target"])]:
        [event] = extract([Document(id="d", text=example)]).events
        assert event.type == "robbery"
        assert [t.lower() for t in event.targets] == [target]


@pytest.mark.parametrize("text,kind", [
    ("Masked men broke into the school and took the teachers' wages.", "robbery"),
    ("Soldiers took the two brothers away in a truck.", "abduction"),  # people taken: no loot
])
def test_a_taking_is_a_robbery_by_what_is_taken(text, kind):
    """'took' with loot as its object is a robbery (lemmas.yaml robbery-taken); with people, an abduction."""
    from timeline.extract import extract
    from timeline.models import Document

    assert [e.type for e in extract([Document(id="d", text=text)]).events] == [kind]


def test_a_base_form_after_a_subject_pronoun_is_the_present_tense():
    """'they demand an inquiry' is an appeal made now (lemmas.yaml present_subject); after a
    plural noun the base form stays unread ('residents demand' is left to other cues)."""
    from event_types import types_of

    entry = lexicon.load("lemmas")["present_subject"]
    assert "appeal" in types_of(entry["example"])
    assert "appeal" not in types_of(entry["counterexample"])


@pytest.mark.parametrize("text,kinds", [
    ("Nine inmates escaped from the district jail before dawn on Friday.", ["release"]),
    ("The captive engineer escaped and walked to a police post two days later.", ["release"]),
    ("Two passers-by escaped unhurt when the grenade exploded.", ["bombing"]),  # escaping harm frees no one
])
def test_an_escape_from_custody_is_a_release(text, kinds):
    """Captives who free themselves are released (lemmas.yaml escape-custody); escaping harm is no release."""
    from timeline.extract import extract
    from timeline.models import Document

    assert [e.type for e in extract([Document(id="d", text=text)]).events] == kinds
