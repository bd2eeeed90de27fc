"""Violence a reaction refers to ('condemned the murder of ...') is cut off the reaction's clause
as an event of its own, marked as answered."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract import Options, extract, lexicon
from timeline.extract.referred import referred_cut, split_referred
from timeline.extract.state import Clause
from timeline.extract.triggers import triggers_in
from timeline.models import Document


@pytest.mark.parametrize("text,violent_part", [
    ("The minister condemned the murder of the judge.", "the murder of the judge."),
    ("Police arrested two men for the bombing of the bank.", "for the bombing of the bank."),
    ("The bishop deplored yesterday's kidnapping of two nurses.", "yesterday's kidnapping of two nurses."),
    ("The president accused the rebels of killing the mayor.", "the rebels of killing the mayor."),  # a gerund
    ('The party accused the army of "murdering" its leader.', '"murdering" its leader.'),  # in scare quotes
    ("The party blamed the police and the army for the massacre of its members.",
     "for the massacre of its members."),  # the words before a nominal hold no preposition
    ("Judges lifted the strike they began following Magistrate Carlos Valencia's murder.",
     "Magistrate Carlos Valencia's murder."),  # whose murder: the possessor goes with it
    ("Judges lifted the strike they began after last Thursday's murder of a judge.",
     "last Thursday's murder of a judge."),  # a day's is when, not whose
    ("The council demanded the release of three kidnapped nurses.", "kidnapped nurses."),  # a participle as adjective
])
def test_a_reaction_before_its_violence_is_cut_at_the_violent_phrase(text, violent_part):
    """The cut falls where the violent phrase starts (its preposition or determiner); the violence
    comes after it."""
    position, later = referred_cut(text, triggers_in(text))
    assert later and text[position:] == violent_part


@pytest.mark.parametrize("text,reaction_part", [
    ("The murder of the judge was condemned by the minister.", "was condemned by the minister."),
    ("The murder of the mayor has been strongly condemned.", "has been strongly condemned."),
    ("After the bombing of the bank, the police arrested two men.", "arrested two men."),
])
def test_violence_told_before_the_reaction_is_cut_at_the_reaction(text, reaction_part):
    """When the violent nominal comes first, the cut falls at the reaction's verb group (its
    auxiliaries and adverbs with it): the violence is quoted without them."""
    position, later = referred_cut(text, triggers_in(text))
    assert not later and text[position:] == reaction_part


@pytest.mark.parametrize("text", [
    "The minister condemned the war.",  # a war is a state of affairs, not an incident answered for
    "The minister condemned the war in the north.",
    "Rebels attacked the town after the bombing.",  # the head is violence itself: nothing to cut
    "The minister condemned the decision.",  # no violence at all
    "Officials warned of an attack on the capital.",  # a warning's violence is still to come
    "The council demanded the release of the kidnapped nurses.",  # 'the': an act told elsewhere
    "The council demanded that two kidnapped by rebels be freed.",  # a participle with its agent, no noun
    "Soldiers detained nine smugglers in raids on two farms at dawn.",  # 'in' an indefinite raid: how it was done
    "Commandos arrested a courier in a dawn raid near the port.",
])
def test_no_cut(text):
    """Only a non-violent head that names a violent incident is cut."""
    assert referred_cut(text, triggers_in(text)) is None


@pytest.mark.parametrize("text", [
    "Police detained two men suspected of a role in an attack on the depot.",  # a part in it: answered
    "Police detained two men in connection with a raid on the depot.",
    "Soldiers arrested the commander for his role in a massacre.",
])
def test_violence_after_in_is_still_cut_when_the_act_answers_it(text):
    """'in' opens a setting only right after the act and its object: a charge or a part in the
    violence ('suspected of a role in an attack') makes it violence the act answers to."""
    assert referred_cut(text, triggers_in(text)) is not None


def test_split_marks_the_violent_part_answered_and_keeps_the_reactions_words():
    """The clause becomes two: the violent part is ``answered``, the reaction keeps the whole
    clause as its evidence, and each part gets its own triggers."""
    text = "The minister condemned the murder of the judge."
    clause = Clause(0, len(text), 0)
    pairs, clauses = split_referred(text, [clause], {0: triggers_in(text)})
    (reaction, reaction_triggers), (violence, violence_triggers) = pairs
    assert clauses == [reaction, violence]
    assert (reaction.answered, reaction.evidence, violence.answered) == (False, (0, len(text)), True)
    assert [t.type for t in reaction_triggers] == ["accusation"]
    assert [t.type for t in violence_triggers] == ["killing"]


def test_split_leaves_other_clauses_as_they_are():
    """A clause with nothing to cut is passed through unchanged, and so is the clause list."""
    text = "The minister condemned the war."
    clauses = [Clause(0, len(text), 0)]
    pairs, out = split_referred(text, clauses, {0: triggers_in(text)})
    assert out is clauses and pairs[0][0] is clauses[0]


def test_a_gerund_in_scare_quotes_is_violence_with_its_victim():
    """'accused the army of "murdering" X': the quotation marks neither hide the killing nor its victim."""
    from timeline.extract import Options, extract
    from timeline.models import Document
    text = 'THE UNION ACCUSED THE POLICE OF "MURDERING" UNION LEADER ROSA ALVARADO.'
    events = extract([Document(id="d", text=text)], Options(solve=False)).events
    assert [e.type for e in events] == ["accusation", "killing"]
    assert events[1].targets == ["UNION LEADER ROSA ALVARADO"]


def test_an_act_joined_after_the_violence_is_cut_off_it():
    """'denouncing the attack on the court | and offering support to ...': the reaction's
    next act is no part of the violence it names, so the violent part ends before it."""
    text = "The bar association put out a note denouncing the latest attack on the court and offering support to its judges."
    clause = Clause(0, len(text), 0)
    ordered, _ = split_referred(text, [clause], {0: triggers_in(text)})
    parts = [text[c.start:c.end] for c, _ in ordered]
    assert parts[1:] == ["the latest attack on the court ", "and offering support to its judges."]
    assert ordered[1][0].answered and not ordered[2][0].answered


MOTIVES = lexicon.load("triggers")["motives"]


@pytest.mark.parametrize("entry", MOTIVES, ids=[m["name"] for m in MOTIVES])
def test_violence_named_as_an_acts_motive_is_an_event_of_its_own_dated_by_its_own_words(entry):
    """'burned a bus today in reprisal for the murder ... committed on Monday': two events, the
    motive's violence on its own day, not on the act's."""
    example = entry["example"]
    published = dt.date.fromisoformat(str(example["published"]))
    events = extract([Document(id="wire", text=example["text"], published=published)], Options()).events
    [motive] = [e for e in events if e.type == example["type"]]
    assert motive.date == example["date"] and len(events) == 2


def test_violence_in_an_acts_own_words_is_not_cut_off_without_a_motive():
    """'killed two policemen during the attack on the barracks': the toll of the attack, one clause."""
    text = "Guerrillas killed two policemen during the attack on the barracks."
    assert referred_cut(text, triggers_in(text)) is None


def test_a_verdict_on_violence_is_an_accusation_about_the_violence_told_before():
    """'said the editor's murder was unacceptable': an accusation, and the murder stays the killing."""
    import datetime as dt

    from timeline.extract import Options, extract
    from timeline.models import Document

    text = ("Gunmen shot dead the editor of the weekly on Tuesday. "
            "The information minister said the editor's murder was unacceptable.")
    events = extract([Document(id="d", text=text, published=dt.date(2020, 6, 5))], Options()).events
    assert sorted(e.type for e in events) == ["accusation", "killing"]



def test_a_counted_participle_adjective_in_a_reaction_is_the_act_done_to_its_noun():
    """'demanded the release of three kidnapped nurses': the nurses were kidnapped, an incident of its
    own (lexicons/triggers.yaml, counted_participle)."""
    case = lexicon.load("triggers")["counted_participle"]["example"]
    events = extract([Document(id="d", text=case["text"])], Options(solve=False)).events
    assert [e.type for e in events] == case["types"]
    assert events[1].targets == case["targets"]


@pytest.mark.parametrize("text", [
    "The rebels stepped up their raids on the pipeline to demand the release of their leader.",
    "Militants shelled the port for a week, demanding that the navy leave.",
])
def test_a_demand_told_as_the_purpose_of_violence_refers_to_none(text):
    """A demand the violence is done for ('raids ... to demand') is its purpose, not a reaction
    to it: the clause is not cut, and the violence is the one event."""
    assert referred_cut(text, triggers_in(text)) is None
    events = extract([Document(id="d", text="Story\n\n" + text)]).events
    assert [e.type for e in events if e.type == "appeal"] == [], [e.type for e in events]
    assert any(e.type in ("attack", "shelling") for e in events), [e.type for e in events]


@pytest.mark.parametrize("text,accuser,accused", [
    ("Mali accused the Azawad Liberation Front of shelling a market in Gao.", "Mali", "Azawad Liberation Front"),
    ("Kenya accused the Somali army of raiding a border post.", "Kenya", "Somalia"),
    # 'the army of killing' is no body's name ('the Army of National Liberation' is): the story's own army
    ("Chad closed the border on Sunday. Rights groups accused the army of killing herders.", None, "Chad"),
])
def test_whom_a_cut_off_violent_phrase_is_told_of_is_the_accused(text, accuser, accused):
    """'X accused | Y of shelling ...': the cut leaves Y in the violent phrase, yet Y is the accused:
    a party of the accusation beside X."""
    events = extract([Document(id="d", text="Story\n\n" + text)], Options(solve=False)).events
    accusation = next(e for e in events if e.type == "accusation")
    assert (accuser is None or accuser in accusation.actors) and accused in accusation.targets, \
        [(e.type, e.actors, e.targets) for e in events]
