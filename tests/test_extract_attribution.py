"""Attribution: a claim of responsibility or a passive attribution makes the party named an actor
of the violence it refers to; one party blaming another does not."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract import Options, extract, lexicon
from timeline.models import Document, Event
from timeline.taxonomy import of_class

BOMB = "A bomb exploded at the central market of Tarija on Monday."
GROUP = "Andean Youth Front"


def events(text: str) -> list[Event]:
    doc = Document(id="d", text="Story\n\n" + text, published=dt.date(2024, 3, 5))
    return extract([doc], Options()).events


def violence(text: str) -> Event:
    """The one violent event of a story."""
    (found,) = [e for e in events(text) if e.type in of_class("violence")]
    return found


@pytest.mark.parametrize("text", [
    f"{BOMB} The {GROUP} claimed responsibility for the bombing.",
    f"{BOMB} The {GROUP} claimed responsibility.",  # the latest violence told before
    f"The {GROUP} claimed responsibility for the bombing of the central market.",  # in the claim's own clause
    "GUNMEN KILLED A JUDGE IN TARIJA ON MONDAY. THE ANDEAN YOUTH FRONT [AYF] CLAIMED RESPONSIBILITY FOR THE MURDER.",
    f"{BOMB} Guerrillas of the {GROUP} have claimed credit for the terrorist act.",  # 'credit', a nominal
    f"{BOMB} The {GROUP} assumed responsibility for the bombing.",
])
def test_a_claim_of_responsibility_gives_the_violence_its_actor(text):
    """The claimant becomes an actor of the violence the claim refers to."""
    assert GROUP in violence(text).actors


def test_a_passive_attribution_gives_the_violence_its_actor():
    """'The murder is attributed to X': the report's own attribution makes X an actor, and the
    accusation's target stays X."""
    found = events(f"Gunmen killed a judge in Tarija on Monday. The murder is attributed to the {GROUP}.")
    killing = [e for e in found if e.type in of_class("violence")]
    accusation = [e for e in found if e.type == "accusation"]
    assert len(killing) == 1 and GROUP in killing[0].actors
    assert len(accusation) == 1 and accusation[0].targets == [GROUP]


def test_a_passive_charge_blames_no_charge_words():
    """'X is charged with twelve counts of murder over the attack': the counts are what he is
    charged with, not who did the attack."""
    found = events("Gunmen on motorbikes attacked the village of Tala in 2021, killing 30 men. A former militia "
                   "leader is charged with twelve counts of murder and crimes against humanity over the attack on Tala.")
    charged = [e for e in found if e.type == "accusation"]
    assert charged and charged[0].targets  # the charge still names what it is about
    assert not any(t in e.actors for e in found if e.type in of_class("violence") for t in charged[0].targets)


def test_a_group_blamed_by_description_is_named_by_its_words():
    """'The blast was attributed to the drug mafias': the group the report blames, told by what it is."""
    assert violence(f"{BOMB} The blast was attributed to the drug mafias.").actors == ["drug mafias"]


def test_what_is_blamed_on_a_group_names_it():
    """'local reporters blamed it on the drug mafia': the group after 'on' is the one blamed."""
    text = "A BOMB WENT OFF IN A SHOP IN CALI TODAY. LOCAL REPORTERS BLAMED IT ON THE DRUG MAFIA."
    assert violence(text).actors == ["DRUG MAFIA"]


@pytest.mark.parametrize("text,group", [
    ("A NOTARY WAS KILLED ON MONDAY. IN A FURTHER ACTION ATTRIBUTED TO THE MAFIAS, TWO MEN WOUNDED A TAXI DRIVER.",
     "MAFIAS"),
    ("IN ONE MORE ACTION ATTRIBUTED TO THE DRUG TRAFFICKING RINGS OF THE PORT, A BOMB WRECKED A CLINIC.",
     "DRUG TRAFFICKING RINGS"),
])
def test_an_attribution_that_opens_the_sentence_names_who_did_what_it_goes_on_to_tell(text, group):
    """'In a further action attributed to the mafias, two men wounded a taxi driver': the violence
    the sentence tells after the phrase, not the one told before, is the one attributed."""
    found = [e for e in events(text) if e.type in of_class("violence")]
    assert group in found[-1].actors and all(group not in e.actors for e in found[:-1])


@pytest.mark.parametrize("text,blamed", [
    (f"{BOMB} The interior minister blamed Venezuela for the attack.", "Venezuela"),  # a state: one party's charge
    (f"{BOMB} The Andean Youth Front blamed the Tupaj Katari Army for the attack.", "Tupaj Katari Army"),  # a rival
    (f"{BOMB} The interior minister condemned the {GROUP}.", GROUP),  # disapproval says nothing of who did it
    (f"{BOMB} The interior minister blamed the attack on Venezuela.", "Venezuela"),
])
def test_one_party_charging_another_does_not_make_it_an_actor(text, blamed):
    """A state blamed ('Pompeo blamed Iran'), an armed group blamed by its rival, a group only
    condemned: the charge is an event of its own with the party as its target, not a perpetrator."""
    found = events(text)
    (bombing,) = [e for e in found if e.type in of_class("violence")]
    assert blamed not in bombing.actors
    assert any(e.type == "accusation" and blamed in e.targets for e in found)


@pytest.mark.parametrize("text", [
    f"{BOMB} The interior minister blamed the {GROUP} for the attack.",
    f"{BOMB} POLICE BLAMED THE ANDEAN YOUTH FRONT.".upper(),  # the latest violence told before
    f"{BOMB} The police attributed the bombing to the {GROUP}.",
    f"{BOMB} Officials blamed the attack on the {GROUP}.",  # 'blame X on Y': Y is blamed, not attacked
    f"{BOMB.upper()} THE AUTHORITIES BLAMED THAT ATTACK ON THE {GROUP.upper()}.",
])
def test_the_authorities_blaming_an_armed_group_name_the_perpetrator(text):
    """An armed group the authorities (or nobody named) blame for violence is who did it, as the
    report tells it."""
    found = violence(text)
    assert GROUP in found.actors and GROUP not in found.targets


def test_a_party_blamed_is_not_also_the_one_who_blames():
    """'Police blamed the FMLN [Farabundo Marti ...]': the acronym and its expansion are one party,
    blamed; the expansion outside the blamed phrase does not make it the accuser too."""
    found = events("A BOMB EXPLODED AT THE MARKET OF TARIJA ON MONDAY. "
                   "POLICE BLAMED THE FMLN [FARABUNDO MARTI NATIONAL LIBERATION FRONT] FOR THE BOMBING.")
    (accusation,) = [e for e in found if e.type == "accusation"]
    assert accusation.targets == ["Farabundo Marti National Liberation Front"] and not accusation.actors


def test_a_claim_far_from_any_violence_attributes_nothing():
    """The violence a bare claim refers to must be told within a few sentences before it."""
    text = (f"{BOMB} The market is the largest in the city. It sells fruit. It opened in 1950. "
            f"Its stalls are old. The {GROUP} claimed responsibility.")
    assert GROUP not in violence(text).actors


@pytest.mark.parametrize("text", [
    f"THE {GROUP.upper()} TODAY RELEASED THE ENGINEER WHO WAS KIDNAPPED ON MONDAY.",
    f"THE ENGINEER WAS KIDNAPPED IN CALI ON MONDAY. HE WAS RELEASED TODAY BY THE {GROUP.upper()}.",
])
def test_an_armed_group_that_releases_hostages_kidnapped_them(text):
    """'X released the engineer who was kidnapped on Monday': X held him, so X kidnapped him."""
    (kidnapping,) = [e for e in events(text) if e.type == "abduction"]
    assert GROUP in kidnapping.actors


def test_a_release_by_no_armed_group_names_no_kidnapper():
    """'A judge released the suspects': a court's release says nothing of who kidnapped the engineer."""
    (kidnapping,) = [e for e in events("THE ENGINEER WAS KIDNAPPED ON MONDAY. A JUDGE RELEASED THE SUSPECTS.")
                     if e.type == "abduction"]
    assert not kidnapping.actors


def test_violence_at_a_place_the_armed_groups_violence_named_is_its_doing():
    """'Shining Path fighters raided town halls in Quilcas and Paccha. A councillor was wounded in
    an explosion in Paccha': two incidents, the second by the group that struck the place just named;
    violence elsewhere, or two sentences on, is nobody's by this reading (nor by the campaign
    reading, when the words say the hands are unknown)."""
    text = ("HUANCAYO, 12 MAR 89 -- [TEXT] POLICE SAID THAT SUSPECTED SHINING PATH FIGHTERS ALSO RAIDED "
            "TOWN HALLS IN QUILCAS, PACCHA, AND MITOBAMBA. COUNCILLOR RUBEN SOTO WAS BADLY "
            "WOUNDED IN AN EXPLOSION IN PACCHA.")
    wounding = [e for e in events(text) if e.type in of_class("violence") and "SOTO" in e.sources[0].quote]
    assert [e.actors for e in wounding] == [["Shining Path"]]
    elsewhere = text.replace("EXPLOSION IN PACCHA", "EXPLOSION SET OFF BY UNIDENTIFIED INDIVIDUALS IN TARIJA")
    wounding = [e for e in events(elsewhere) if e.type in of_class("violence") and "SOTO" in e.sources[0].quote]
    assert wounding and "Shining Path" not in wounding[0].actors


def test_violence_to_the_kind_of_target_the_armed_groups_violence_named_is_its_doing():
    """'FMLN guerrillas blew up two bridges ... Other bridges were also blown up before
    dawn': another incident, by the group whose violence just named that kind of target."""
    text = ("SAN SALVADOR, 9 MAY 89 -- [TEXT] THE ARMY SAID THAT ON MONDAY FMLN GUERRILLAS BLEW UP "
            "TWO BRIDGES IN USULUTAN. IN SAN MIGUEL OTHER BRIDGES WERE ALSO BLOWN UP BEFORE DAWN TODAY.")
    later = [e for e in events(text) if e.type in of_class("violence") and "OTHER BRIDGES" in e.sources[0].quote]
    assert [e.actors for e in later] == [["Farabundo Marti National Liberation Front"]]


CAMPAIGN = lexicon.load("groups")["campaign_examples"]


@pytest.mark.parametrize("example", CAMPAIGN, ids=[e["text"][:40] for e in CAMPAIGN])
def test_violence_by_no_one_named_near_the_one_groups_violence_is_its_campaign(example):
    """Each campaign example of groups.yaml: violence nobody is named for, within a couple of
    sentences of the violence of the one armed group the story has doing violence, is that group's;
    not when the words say the hands are unknown."""
    found = [e for e in events(example["text"]) if e.type in of_class("violence")]
    assert len(found) == 2
    if example["group"] is None:  # the second is the work of unknown hands
        assert not found[1].actors
    else:
        assert all(example["group"] in e.actors for e in found)


def test_violence_far_from_the_groups_violence_or_done_to_fighters_stays_unattributed():
    """Beyond the reach, or when fighters are the ones hit ('a terrorist was killed'), nobody is added."""
    text = (f"The {GROUP} burned a bus in Tarija on Monday. The mayor spoke. The council met. The governor "
            "resigned. A bomb exploded in Potosi on Tuesday. On Wednesday a guerrilla was killed in Oruro.")
    late = [e for e in events(text) if e.type in of_class("violence") and "bus" not in e.sources[0].quote.lower()]
    assert late and all(GROUP not in e.actors for e in late)


def test_a_side_in_a_war_wages_no_campaign():
    """'the war in Gaza broke out ... the strikes killed one person': a group that is a side of a
    war or a clash told nearby is not who did violence nobody is named for."""
    text = (f"Fighting between the army and the {GROUP} broke out in Tarija in March. "
            "On Monday a missile killed one person in Potosi.")
    found = [e for e in events(text) if e.type in of_class("violence") and e.type != "armed_clash"]
    assert found and all(GROUP not in e.actors for e in found)


def _actors_of_violence(text: str) -> list[list[str]]:
    return [e.actors for e in events(text) if e.type in of_class("violence")]


def test_a_claim_pointing_back_covers_the_stretch_of_violence_by_no_one_named():
    """'... this incident, for which the FMLN is held responsible' names no violence of its own: it
    covers every unclaimed violent act told just before, not only the latest."""
    text = ("Two bombs destroyed two vehicles in Tarija on Monday. The explosions were heard across the "
            "city. Firemen arrived an hour later. Hours later, unidentified men kidnapped a guard in Sucre. "
            f"No casualties were reported in these incidents, for which the {GROUP} is being held responsible.")
    found = _actors_of_violence(text)
    assert len(found) >= 2 and all(GROUP in actors for actors in found)


def test_a_claim_naming_its_violence_covers_only_that_one():
    """'claimed responsibility for the murder of the judge' does not reach back to a bombing told
    before it."""
    text = (f"{BOMB} The explosion was heard across the city. Firemen arrived an hour later. In Sucre, the "
            f"{GROUP} claimed responsibility for the murder of a judge who was shot dead on Sunday.")
    bombing = next(e for e in events(text) if e.type == "bombing")
    assert GROUP not in bombing.actors


def test_a_claim_of_the_attacks_on_a_target_covers_those_told_before():
    """groups.yaml claimed_before_example: 'CLAIMED RESPONSIBILITY FOR THE ATTACKS ON THE
    PIPELINE' is also the claim of 'THE LATEST ATTACKS AGAINST THE OIL PIPELINE' told by no one
    named three sentences before (beyond a campaign's reach)."""
    example = lexicon.load("groups")["claimed_before_example"]
    first = next(e for e in events(example["text"]) if "LATEST ATTACKS" in e.sources[0].quote)
    assert example["group"] in first.actors
