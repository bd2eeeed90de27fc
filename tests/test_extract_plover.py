"""PLOVER coding of what the extractor finds: sentences written for this test (none taken from a
corpus or from the gold records), each coded by the current PLOVER manual's definitions and ambiguity
notes, one or more per lexicon rule group (named in the test id)."""

from __future__ import annotations

import pytest

from timeline.extract import Options, extract
from timeline.models import Document, Event
from timeline.taxonomy import plover_coding


def events(text: str) -> list[Event]:
    return extract([Document(id="d", text=text)], Options(solve=False)).events


def categories(text: str) -> list[str | None]:
    """The PLOVER category of every event extracted from one sentence."""
    return [plover_coding(e.type, e.modality)[0] for e in events(text)]


CASES = {
    # AGREE: acceptance, readiness, promises of cooperation, invitations to visit
    "accept-offer": ("Ethiopia accepted an African Union proposal for direct talks with the rebels.", "AGREE"),
    "express-willingness": ("Both parties signalled their readiness to resume the dialogue.", "AGREE"),
    "vow-to-cooperate": ("The interior minister vowed to work with the investigators from Geneva.", "AGREE"),
    "pledge-commit": ("Turkey and Greece committed themselves to resolving the dispute through dialogue.", "AGREE"),
    "invite-lemmas": ("The Moroccan king invited the Senegalese leader to pay a visit to Rabat.", "AGREE"),
    # SUPPORT and CONCEDE
    "express-support": ("The Nordic ministers expressed solidarity with the flooded republic.", "SUPPORT"),
    "express-regret": ("Tokyo conveyed its regret over the sinking of the fishing boat.", "CONCEDE"),
    "call-off-protest": ("Dock workers suspended their boycott of foreign cargo.", "CONCEDE"),
    "drop-demand": ("The opposition dropped its objections to the census.", "CONCEDE"),
    # AID: peacekeeping personnel, debt relief, approved credit
    "peacekeepers-arrived": ("Pakistani peacekeepers have landed in Mogadishu.", "AID"),
    "send-peacekeepers": ("Ghana contributed 500 peacekeepers to the mission in Liberia.", "AID"),
    "debt-relief": ("Norway wrote off the debts owed by Tanzania.", "AID"),
    "aid-approve": ("The World Bank approved a 40 million dollar credit for Bolivia.", "AID"),
    # RETREAT: access for monitors, disarmament, repatriation
    "admit-observers": ("Belgrade allowed European monitors into the province.", "RETREAT"),
    "hand-over-arms": ("The former guerrillas turned in their rifles at collection points.", "RETREAT"),
    "repatriate-lemmas": ("Malaysia repatriated three hundred migrants to Indonesia.", "RETREAT"),
    # REQUEST: orders, and obligations to be ready
    "order-to": ("The judge instructed the ministry to publish the report.", "REQUEST"),
    "deontic-readiness": ("The envoy said Damascus must be willing to compromise on the water issue.", "REQUEST"),
    # ACCUSE: disapproval, charges, investigators sent, verbal protest, accusations of violations
    "express-disapproval": ("Ottawa voiced concern over the treatment of the detainees.", "ACCUSE"),
    "lodge-protest": ("The prosecutor pressed charges against two police officers.", "ACCUSE"),
    "object-to": ("Seoul objected to the renaming of the islands.", "ACCUSE"),
    "send-inspectors": ("The commission sent investigators to the flooded mine.", "ACCUSE"),
    "protested-that": ("The opposition protested that the count had been rigged.", "ACCUSE"),
    "ceasefire-violated": ("Pakistan accused India of violating the ceasefire.", "ACCUSE"),
    # REJECT: a meeting called off, entry barred, defiance
    "cancel-meeting": ("The Chilean foreign minister called off his trip to Lima.", "REJECT"),
    "bar-entry": ("Hungary barred the activists from entering the country.", "REJECT"),
    "defy-lemmas": ("The strikers defied a court order to return to work.", "REJECT"),
    # THREATEN
    "threat-lemmas": ("The militants vowed revenge for the killing of their leader.", "THREATEN"),
    # SANCTION: diplomats expelled, ties severed, an alliance left; COERCE: people expelled
    "sanction-verb": ("Lithuania expelled the Belarusian consul.", "SANCTION"),
    "sanction-lemmas": ("Saudi Arabia severed diplomatic ties with Qatar.", "SANCTION"),
    "leave-alliance": ("Armenia suspended its participation in the military alliance.", "SANCTION"),
    "expelled-people": ("The government expelled three foreign journalists.", "COERCE"),
    # MOBILIZE: readiness of forces and weapons, forces arriving, ordered patrols
    "step-up-security": ("Police stepped up security around the parliament.", "MOBILIZE"),
    "weapons-readiness": ("Iran test-fired two ballistic missiles.", "MOBILIZE"),
    "troops-entered": ("Turkish troops have arrived in the northern enclave.", "MOBILIZE"),
    "support-verbs-ordered": ("The mayor ordered night patrols in the old town.", "MOBILIZE"),
    # COERCE: restrictions, seizures, closures, dispersal
    "impose-restrictions": ("Israel imposed new restrictions on Palestinians in the city.", "COERCE"),
    "seize-property": ("Customs officers seized the cargo of the ship.", "COERCE"),
    "close-outlets": ("The army closed three opposition newspapers.", "COERCE"),
    "disperse-crowd": ("Police dispersed the demonstrators outside the ministry.", "COERCE"),
    # ASSAULT: crowd-control weapons, death from torture or beatings
    "crowd-control": ("Soldiers fired rubber bullets at the marchers.", "ASSAULT"),
    "died-of-violence": ("An activist died from beatings in a military jail.", "ASSAULT"),
    # PROTEST: street protest and strikes
    "take-to-streets": ("Thousands took to the streets of the capital on Sunday.", "PROTEST"),
    "labour-strike": ("Nurses began an indefinite strike over unpaid wages.", "PROTEST"),
    "hunger-strike": ("Several detainees are continuing a hunger strike in the prison.", "PROTEST"),
}


@pytest.mark.parametrize("text,category", list(CASES.values()), ids=list(CASES))
def test_category_follows_the_manual(text, category):
    assert category in categories(text), categories(text)


@pytest.mark.parametrize("text,category,actor", [
    ("Hungary barred the activists from entering the country.", "REJECT", "Hungary"),
    ("Lithuania expelled the Belarusian consul.", "SANCTION", "Lithuania"),
    ("Norway wrote off the debts owed by Tanzania.", "AID", "Norway"),
    ("Iran test-fired two ballistic missiles.", "MOBILIZE", "Iran"),
], ids=["bar-entry", "sanction-verb", "debt-relief", "weapons-readiness"])
def test_the_one_who_acts_is_the_actor(text, category, actor):
    coded = [e for e in events(text) if plover_coding(e.type, e.modality)[0] == category]
    assert coded and actor in coded[0].actors, [(e.type, e.actors, e.targets) for e in events(text)]


@pytest.mark.parametrize("text,category", [
    ("The Paris Club cancelled a loan to the regime.", "AID"),  # a loan is no debt: nothing forgiven
    ("The farmers are suing the mining company for damages to their crops.", "ASSAULT"),  # 'damages': a noun
    ("The Moroccan king invited the Senegalese leader to pay a visit to Rabat.", "REQUEST"),  # an invitation
    ("Police arrested the suspects before they could flee.", "MOBILIZE"),  # no forces named as arriving
], ids=["debt-relief-needs-debt", "noun-after-preposition", "invitation-is-no-request", "arrest-no-mobilize"])
def test_words_that_do_not_make_the_category(text, category):
    assert categories(text) and category not in categories(text), categories(text)


def test_refugees_name_people_not_an_event():
    """'Refugees' by itself names who fled; the flight is an event only when told ('fled', 'exodus')."""
    assert categories("Refugees from the north were interviewed on Monday.") == []
    assert categories("An exodus of refugees began in May.") == [None]  # displacement: PLOVER codes its cause
