"""Organisations and armed groups no lexicon knows, told by the shape of their names
(``lexicons/groups.yaml``), in mixed case and in capitals."""

from __future__ import annotations

import pytest

from timeline.extract import lexicon
from timeline.extract.casing import shouting
from timeline.extract.groups import acronyms_in, groups_in, is_armed_group

EXAMPLES = lexicon.load("groups")["examples"]


def names(text: str) -> tuple[list[str], dict[str, str]]:
    """The group names found in a text and the acronyms it defines, read as the pipeline reads it."""
    found, acronyms = groups_in(text, 0, len(text), shouting(text))
    return [m.name for m in found], acronyms


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["name"] for e in EXAMPLES])
def test_example_group_is_found(example):
    """Each example of groups.yaml names its group (adding an example adds a case here)."""
    found, _ = names(example["text"])
    assert example["name"] in found, found


@pytest.mark.parametrize("text,group", [
    ("Gunmen of the Andean Youth Front burned the bus.", "Andean Youth Front"),  # mixed case: capitalised words
    ("THE QUILLACOLLO PEASANT LEAGUE BLOCKED THE ROAD.", "Quillacollo Peasant League"),  # an unknown word
    ("THE REVOLUTIONARY WORKERS FRONT BURNED THE BUS.", "Revolutionary Workers Front"),  # two name words
    ("THE PEOPLE'S ARMY OF ANDEAN LIBERATION ATTACKED.", "People's Army of Andean Liberation"),  # goes on after 'of'
])
def test_a_name_ending_in_a_head_is_a_group(text, group):
    """A run of name words ending in a head noun (or going on after it with 'of') is a group; in
    capitals the name is shown in title case."""
    assert names(text)[0] == [group]


@pytest.mark.parametrize("text", [
    "The Bolivian armed forces attacked the camp.",
    "THE BOLIVIAN ARMED FORCES ATTACKED THE CAMP.",
    "The National Police detained him.",
    "THE NATIONAL POLICE DETAINED HIM.",
    "THE TREASURY POLICE DETAINED HIM.",
])
def test_a_states_own_forces_are_no_group(text):
    """A head with only national or generic words before it is a state's organ, not a group."""
    assert names(text)[0] == []


@pytest.mark.parametrize("text", [
    "THE CITY COUNCIL MET.",  # in capitals one English word is not enough
    "the local farmers union met.",  # not capitalised in mixed case
    "THE FRONT COLLAPSED.",  # a head alone
])
def test_ordinary_words_before_a_head_are_no_name(text):
    """Words the dictionary knows, in capitals, or lower-case words in mixed case, name nothing."""
    assert names(text)[0] == []


@pytest.mark.parametrize("text,group", [
    ("QUILLACOLLO URBAN COMMANDOS BURNED THE BUS.", "Quillacollo"),  # the name before the fighters
    ("ANDEAN PATRIOTIC FRONT COMMANDOS BURNED THE BUS.", "Andean Patriotic Front"),
    ("URBAN COMMANDOS BURNED THE BUS.", None),  # fighters described, not named
    ("FOUR URBAN COMMANDOS BURNED THE BUS.", None),  # a number is no name
    ("SEVEN GUERRILLA UNITS ATTACKED THE POST.", None),
])
def test_fighters_heads_need_a_name_before_them(text, group):
    """'commandos', 'units', 'rebels' describe fighters: the group is the unknown name before them,
    and without one there is none."""
    assert names(text)[0] == ([group] if group else [])


def test_an_acronym_after_the_name_defines_it_for_the_document():
    """'... FRONT [AYF]': the bracketed acronym names the group wherever it stands alone later."""
    text = "THE ANDEAN YOUTH FRONT [AYF] BURNED A BUS. LATER THE AYF SAID IT WOULD GO ON."
    found, acronyms = names(text)
    assert found == ["Andean Youth Front"] and acronyms == {"AYF": "Andean Youth Front"}
    mentions = acronyms_in(text, 0, len(text), acronyms)
    assert [text[m.start:m.end] for m in mentions] == ["AYF", "AYF"]
    assert {m.name for m in mentions} == {"Andean Youth Front"}


def test_an_acronym_before_the_name_in_brackets_defines_it_too():
    """'THE AYF [ANDEAN YOUTH FRONT]': the acronym first, its name in brackets after it."""
    text = "THE AYF [ANDEAN YOUTH FRONT] BURNED A BUS. THE AYF SAID SO."
    acronyms = names(text)[1]
    assert acronyms == {"AYF": "Andean Youth Front"}
    assert len(acronyms_in(text, 0, len(text), acronyms)) == 2


def test_acronyms_are_whole_words():
    """A defined acronym is not found inside a longer word or a hyphenated one."""
    text = "THE AYFS AND ANTI-AYF MARCHERS; AYF."
    assert [text[m.start:m.end] for m in acronyms_in(text, 0, len(text), {"AYF": "Andean Youth Front"})] == ["AYF"]
    assert acronyms_in(text, 0, len(text), {}) == []


@pytest.mark.parametrize("name,armed", [
    ("Shining Path", True),  # a known armed organisation
    ("Andean Youth Front", True),  # unknown, with an armed head
    ("Quillacollo Peasant League", False),  # unknown, a civil head
    ("Democratic Party", False),
])
def test_is_armed_group(name, armed):
    """A known armed group, or an unknown group whose name ends in an armed head ('Front')."""
    assert is_armed_group(name) is armed


@pytest.mark.parametrize("text,group", [
    ("THE PEOPLE'S ARMY OF ANDEAN LIBERATION SAID IT WOULD FIGHT ON.", "People's Army of Andean Liberation"),
    ("Leaders of the Andean Liberation Front met on Monday.", "Andean Liberation Front"),
])
def test_a_word_of_a_groups_name_is_no_event(text, group):
    """'LIBERATION' in a group's name names the group, not a release: names are found before triggers."""
    from timeline.extract import Options
    from timeline.extract.pipeline import run
    from timeline.models import Document

    state = run(Document(id="d", text="Story\n\n" + text), Options())
    (name,) = [m for m in state.mentions if m.name == group]
    assert not [t for t in state.triggers if name.start <= t.start < name.end]


DESCRIBED = lexicon.load("groups")["described_examples"]


@pytest.mark.parametrize("example", DESCRIBED, ids=[e["group"] for e in DESCRIBED])
def test_a_group_told_by_what_it_is(example):
    """Each described example of groups.yaml names a group by its words ('death squads')."""
    from timeline.extract.groups import described_group

    assert described_group(example["text"]) == example["group"]


@pytest.mark.parametrize("text", ["UNIDENTIFIED GUNMEN", "several armed men", "a group of students", "the cartel's lawyer"])
def test_people_and_bands_of_no_kind_are_no_described_group(text):
    """Gunmen, armed men, 'a group' with nothing saying what kind: no group by description."""
    from timeline.extract.groups import described_group

    assert described_group(text) is None


@pytest.mark.parametrize("text,named", [
    ("THE BOMB WAS PLACED BY AN URBAN GUERRILLA GROUP.", False),  # a description after 'an'
    ("THE BOMB WAS PLACED BY THE URBAN GUERRILLA GROUP.", True),
    ("THE BOMB WAS PLACED BY A CINCHONERO LIBERATION FRONT.", True),  # a word no dictionary knows: a name
])
def test_a_group_after_a_or_an_is_described_not_named(text, named):
    """'an urban guerrilla group' describes; 'a' before dictionary words makes no name."""
    assert bool(names(text)[0]) == named


HEAD_ANAPHORS = lexicon.load("groups")["head_anaphor_examples"]


@pytest.mark.parametrize("example", HEAD_ANAPHORS, ids=[e["group"] for e in HEAD_ANAPHORS])
def test_a_groups_head_after_the_stands_for_the_group(example):
    """'the alliance' after 'the Three Brotherhood Alliance' is that group (groups.yaml head_anaphors)."""
    from timeline.extract import Options
    from timeline.extract.pipeline import run
    from timeline.models import Document

    state = run(Document(id="d", text=example["text"]), Options())
    said = {example["text"][m.start:m.end]: m.name for m in state.mentions}
    assert said.get(example["anaphor"]) == example["group"], said


def test_a_head_word_names_no_group_before_one_is_named():
    """'the alliance' with no group of that head told before is no party (it may be an agreement)."""
    from timeline.extract.groups import head_anaphors
    from timeline.extract.state import Mention

    text = "The alliance held. The Three Brotherhood Alliance said so."
    assert head_anaphors(text, [Mention(23, 51, "actor", "Three Brotherhood Alliance")]) == []


INTRODUCED = lexicon.load("groups")["introduced_examples"]


@pytest.mark.parametrize("example", INTRODUCED, ids=[e["group"] for e in INTRODUCED])
def test_a_group_the_text_introduces_is_named(example):
    """Each introduced example of groups.yaml ('a group calling itself X', 'the self-styled X')
    is a group, found as the pipeline finds names."""
    from timeline.extract import Options
    from timeline.extract.pipeline import run
    from timeline.models import Document

    state = run(Document(id="d", text="Story\n\n" + example["text"]), Options())
    assert example["group"] in [m.name for m in state.mentions if m.kind == "actor"]


@pytest.mark.parametrize("text", ["THE ARMY CALLED THE ATTACK A CRIME.", "The army called the attack a crime.",
                                  "THE FRONT CALLED FOR A GENERAL STRIKE."])
def test_a_naming_verb_before_no_name_introduces_no_group(text):
    """'called the attack a crime': words that describe, not a name, are no group."""
    from timeline.extract.groups import introduced_groups

    assert introduced_groups(text, 0, len(text), text.isupper()) == []


def test_a_claim_by_an_introduced_group_names_the_perpetrator():
    """'AN ARMED GROUP CALLING ITSELF THE GERARDO BARRIOS COMMANDO UNIT SAID IT HAD PLANTED THE
    BOMB': a name no lexicon knows, introduced as one, is who did it."""
    from timeline.extract import Options, extract
    from timeline.models import Document
    from timeline.taxonomy import of_class

    text = ("SAN SALVADOR, 14 APR 89 -- [TEXT] A MAGISTRATE DIED TODAY WHEN "
            "A BOMB BLEW UP UNDER HIS JEEP. BY TELEPHONE, AN ARMED GROUP CALLING ITSELF THE GERARDO BARRIOS "
            "COMMANDO UNIT SAID IT HAD PLANTED THE BOMB.")
    found = extract([Document(id="d", text=text)], Options(solve=False)).events
    assert any("Gerardo Barrios Commando Unit" in e.actors for e in found if e.type in of_class("violence"))


LEAVING = lexicon.load("groups")["attackers_leaving_examples"]


@pytest.mark.parametrize("example", LEAVING, ids=[e["text"][:40] for e in LEAVING])
def test_attackers_leaving_the_scene_are_no_people_displaced(example):
    """Each attackers_leaving example of groups.yaml: a displacement only when people, not the
    attackers, flee."""
    from timeline.extract import Options, extract
    from timeline.models import Document

    events = extract([Document(id="d", text="Story\n\n" + example["text"])], Options()).events
    assert any(e.type == "displacement" for e in events) == example["displaced"]


ARMED_BANDS = lexicon.load("groups")["armed_band_examples"]


@pytest.mark.parametrize("example", ARMED_BANDS, ids=[e["text"][:40] for e in ARMED_BANDS])
def test_armed_men_doing_a_protest_word_do_not_protest(example):
    """Each armed_band_example of groups.yaml: a protest word told of armed men is their violence."""
    from timeline.extract import Options, extract
    from timeline.models import Document

    events = extract([Document(id="d", text="Story\n\n" + example["text"])], Options()).events
    assert sorted(e.type for e in events) == sorted(example["types"])


def test_a_state_qualifying_an_armed_group_or_a_river_is_no_party():
    """'Yemen's Houthi movement' is the movement alone; 'the Niger river' is no state ('the attackers'
    are the movement named before them)."""
    from timeline.extract import Options, extract
    from timeline.models import Document

    text = ("Story\n\nA missile fired by Yemen's Houthi movement struck a cargo ship. "
            "The attackers withdrew towards the delta of the Niger river.")
    events = extract([Document(id="d", text=text)], Options()).events
    assert [e.actors for e in events] == [["Houthi movement"], ["Houthi movement"]]


AGENT_KINDS = lexicon.load("groups")["agent_kind_examples"]


@pytest.mark.parametrize("example", AGENT_KINDS, ids=[e["text"][:50] for e in AGENT_KINDS])
def test_violence_by_forces_of_another_kind_is_another_act(example):
    """Each agent_kind example of groups.yaml: an attack and the reply by the other kind of forces
    are two events; a mention told again by the same act is one."""
    import datetime as dt

    from timeline.extract import Options, extract
    from timeline.models import Document

    doc = Document(id="d", text="Story\n\n" + example["text"], published=dt.date(2024, 2, 24))
    assert len(extract([doc], Options()).events) == example["events"]


def test_quoted_state_forces_are_no_group():
    """'the "Salvadoran army"': quotes make no group of a state's own forces, nor of a phrase."""
    assert names('They blamed the "Salvadoran army" for it.')[0] == []
    assert names('Amnesty International condemned "the excessive use of force" by the police.')[0] == []


@pytest.mark.parametrize("text", ["THE SALVADORAN AIR FORCE BOMBED THE AREA.", "The Israeli Air Force struck.",
                                  "The Royal Air Force flew over."])
def test_a_states_air_force_is_no_group(text):
    """'force' heads a group's name ('Civic Force'), but a state's air force is the state's own."""
    assert names(text)[0] == []


def test_insurgents_are_the_storys_armed_group():
    """'ATTACKED BY ARMED NARCOTERRORISTS' in a story naming Shining Path: the group's raid."""
    from timeline.extract import Options, extract
    from timeline.models import Document

    example = lexicon.load("groups")["insurgents_example"]
    events = extract([Document(id="d", text="Story\n\n" + example["text"])], Options(solve=False)).events
    assert [e.actors for e in events if e.type == "attack"] == [[example["group"]]]


def test_a_states_unit_is_nobodys_insurgents():
    """'The rebels' in a story naming only the Atlacatl Battalion: not the army's own battalion."""
    from timeline.extract import Options, extract
    from timeline.models import Document

    example = lexicon.load("groups")["state_unit_example"]
    events = extract([Document(id="d", text="Story\n\n" + example["text"])], Options(solve=False)).events
    attacks = [e for e in events if e.type == "attack"]
    assert attacks and all(example["not_group"] not in e.actors for e in attacks)


BAND = lexicon.load("groups")["possessive_band"]


@pytest.mark.parametrize("example", BAND["examples"] + BAND["counterexamples"], ids=lambda e: e["text"][:40])
def test_a_state_in_the_possessive_before_a_band_is_no_party(example):
    """'Colombia's most active guerrilla group' says where the ELN is; 'Colombia's army' is Colombia's."""
    from timeline.extract import Options, extract
    from timeline.models import Document

    events = [e for e in extract([Document(id="d", text="Story\n\n" + example["text"])], Options()).events
              if e.type == example["type"]]
    assert events
    if "not_actor" in example:
        assert example["not_actor"] not in events[0].actors
    if "actor" in example:
        assert example["actor"] in events[0].actors


@pytest.mark.parametrize("example", lexicon.load("groups")["subject_link_examples"], ids=lambda e: e["text"][:40])
def test_a_bodys_name_goes_on_through_its_subject_but_not_into_a_day(example):
    """'Commission on Missing Farmers' is one name; 'Council on Friday' ends at the head."""
    assert names(example["text"])[0] == [example["name"]]


@pytest.mark.parametrize("example", lexicon.load("groups")["state_inside_examples"], ids=lambda e: e["text"][:40])
def test_a_state_inside_a_bodys_name_gives_way_to_the_body_but_not_in_a_ministry(example):
    """'the Bar Association of Kenya' acts as itself; 'the Peruvian Ministry of Defence' as Peru."""
    from timeline.extract import Options
    from timeline.extract.pipeline import run
    from timeline.models import Document

    state = run(Document(id="d", text="Story\n\n" + example["text"]), Options())
    actors = [e.actors for e in state.events]
    assert actors and actors[0] == [example["party"]], actors


@pytest.mark.parametrize("example", lexicon.load("groups")["home_department_examples"], ids=lambda e: e["text"][:40])
def test_a_department_no_state_names_acts_for_the_storys_own_state(example):
    """'The Defence Ministry accused ...' in a story about Congo: Congo accused, not a party called 'Defence Ministry'."""
    from timeline.extract import Options, extract
    from timeline.models import Document

    events = [e for e in extract([Document(id="d", text="Story\n\n" + example["text"])], Options()).events
              if e.type == example["type"]]
    assert events and example["party"] in events[0].actors, events
    assert not any("ministry" in actor.lower() for e in events for actor in e.actors)
