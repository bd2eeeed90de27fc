"""Who did what to whom: agent, patient and partner phrases from word order and voice."""

from __future__ import annotations

import pytest

from timeline.extract.roles import Roles, passive, roles_of
from timeline.extract.state import Clause, Trigger
from timeline.extract.triggers import triggers_in


def trigger(text: str, words: str) -> Trigger:
    """The lexicon trigger that covers exactly ``words`` in the sentence."""
    found = [t for t in triggers_in(text) if text[t.start:t.end] == words]
    assert found, [text[t.start:t.end] for t in triggers_in(text)]
    return found[0]


def roles(text: str, words: str) -> tuple[str | None, str | None, str | None]:
    """(agent, patient, partner) of the event ``words`` name, the sentence as its clause."""
    found = trigger(text, words)
    got: Roles = roles_of(text, Clause(0, len(text), 0), found, found.type)
    return tuple(p.text if p else None for p in (got.agent, got.patient, got.partner))


def is_passive(text: str, words: str) -> bool:
    return passive(text, Clause(0, len(text), 0), trigger(text, words))


@pytest.mark.parametrize("text,words,agent,patient", [
    ("Rebels kidnapped two engineers.", "kidnapped", "Rebels", "engineers"),
    ("GUERRILLAS DYNAMITED THE POWER PYLON.", "DYNAMITED", "GUERRILLAS", "POWER PYLON"),
    ("Police arrested the mayor.", "arrested", "Police", "mayor"),
    ("Rebels ambushed an army patrol at dawn.", "ambushed", "Rebels", "army patrol"),  # 'at dawn' is no target
    ("Rebels hurled two grenades at the police station.", "hurled", "Rebels", "police station"),  # past the weapon
    ("Troops fired on the crowd.", "fired on", "Troops", "crowd"),
])
def test_active_verb(text, words, agent, patient):
    """Active voice: the subject acts, the object undergoes it; for violence a target after
    'at'/'on' wins over a weapon as object, not over a plain object."""
    assert not is_passive(text, words)
    assert roles(text, words)[:2] == (agent, patient)


@pytest.mark.parametrize("text,words,agent,patient", [
    ("Two engineers were kidnapped by rebels.", "kidnapped", "rebels", "engineers"),
    ("Two engineers were reportedly kidnapped by rebels.", "kidnapped", "rebels", "engineers"),  # an adverb between
    ("THE MAYOR WAS MURDERED BY TERRORISTS.", "MURDERED", "TERRORISTS", "MAYOR"),
    ("Two trucks were hit by rebels.", "were hit by", "rebels", "trucks"),  # the trigger holds 'were' and 'by'
    ("The mayor was arrested.", "arrested", None, "mayor"),  # no 'by': nobody named acts
])
def test_passive_verb(text, words, agent, patient):
    """Passive voice: the subject undergoes the event, 'by ...' does it."""
    assert is_passive(text, words)
    assert roles(text, words)[:2] == (agent, patient)


@pytest.mark.parametrize("text,words,agent,patient", [
    ("The government is refusing the offer.", "refusing", "government", "offer"),
    ("Rebels have been attacking the town.", "attacking", "Rebels", "town"),
])
def test_progressive_is_active(text, words, agent, patient):
    """'is refusing', 'have been attacking': a progressive after a form of 'be' is not passive."""
    assert not is_passive(text, words)
    assert roles(text, words)[:2] == (agent, patient)


@pytest.mark.parametrize("text,words,agent,patient", [
    ("THE TERRORISTS ATTEMPTED TO KIDNAP THE MAYOR.", "KIDNAP", "TERRORISTS", "MAYOR"),
    ("Rebels tried to kidnap the judge.", "kidnap", "Rebels", "judge"),
])
def test_a_verb_after_a_past_verbs_to_has_that_verbs_subject(text, words, agent, patient):
    """'the terrorists attempted to kidnap X': who attempted is who would kidnap."""
    assert roles(text, words)[:2] == (agent, patient)


@pytest.mark.parametrize("text,words,agent,patient", [
    ("The attack on the bridge by the guerrillas killed nobody.", "attack", "guerrillas", "bridge"),
    ("The AYF attack on the bridge was condemned.", "attack", "AYF", "bridge"),  # a name right before it acts
    ("The kidnapping of two nurses by rebels shocked the town.", "kidnapping", "rebels", "nurses"),
    ("The arrest of the mayor by police angered the town.", "arrest", "police", "mayor"),
    ("Rebels staged a raid on the garrison.", "raid", "Rebels", "garrison"),  # the support verb's subject
    ("THE GUERRILLAS HAVE INCREASED THEIR ATTACKS ON THE POWER GRID.", "ATTACKS", "GUERRILLAS", "POWER GRID"),  # 'their'
    ("Rebels stepped up their raids on the garrison.", "raids", "Rebels", "garrison"),
    ("THE REBELS LAUNCHED SIMULTANEOUS ATTACKS ON THE PALACE.", "ATTACKS", "REBELS", "PALACE"),  # an adjective is no agent
])
def test_nominal(text, words, agent, patient):
    """'the attack on X by Y': 'by' acts, 'on' (and 'of' for violence and arrests) undergoes it;
    a modifier right before the noun, a support verb's subject, or the subject of the verb that
    takes 'their' or 'its' act, acts."""
    assert roles(text, words)[:2] == (agent, patient)


@pytest.mark.parametrize("text,words,agent,partner", [
    ("Government troops clashed with rebels near the border.", "clashed", "Government troops", "rebels"),
    ("THE ARMY CLASHED WITH REBELS.", "CLASHED", "ARMY", "REBELS"),
    ("The minister held talks with the rebels.", "held talks", "minister", "rebels"),
])
def test_joint_types_have_a_partner_not_a_patient(text, words, agent, partner):
    """Parties of a clash or talks act together: 'with ...' is a partner, nobody undergoes it."""
    assert roles(text, words) == (agent, None, partner)


def test_a_visit_has_no_patient():
    """A visit's object is where it went, not whom it was done to."""
    assert roles("The minister visited the refugee camp.", "visited") == ("minister", None, None)


@pytest.mark.parametrize("text,words,blamed", [
    ("The murder of the judge is attributed to the cartel.", "attributed", "cartel"),
    ("The killing of the judge was blamed on the cartel.", "blamed", "cartel"),
    ("The prime minister has been indicted.", "indicted", "prime minister"),  # no 'to'/'on': the subject
])
def test_passive_attribution_names_the_party_blamed(text, words, blamed):
    """'is attributed to X', 'was blamed on X': X is the accusation's patient (the party blamed),
    not the violence it names."""
    assert is_passive(text, words)
    assert roles(text, words) == (None, blamed, None)


@pytest.mark.parametrize("text,heads", [
    ("MENDEZ, 52, AND ROSA ALVARADO, AN ACTIVIST OF THE PSD, ", ["MENDEZ", "ROSA ALVARADO"]),
    ("ON 5 JANUARY, LUIS ALBERTO PRIETO, MAYOR OF OCANA, ", ["LUIS ALBERTO PRIETO"]),
    ("Torrado's son, William; the secretary, Gustavo Jacome; and bodyguard Jairo Ortega, ",
     ["Torrado's son", "secretary", "bodyguard Jairo Ortega"]),
    ("Chilean minister Ana Vidal and her Peruvian, Bolivian and Argentine counterparts, ", []),  # more than a phrase
    # a part may join phrases by 'and' when a description follows it
    ("TWO SENIOR MEMBERS OF THE COMMUNIST PARTY AND THE RURAL ALLIANCE, THE FARMERS' FRONT, ",
     ["SENIOR MEMBERS OF THE COMMUNIST PARTY", "RURAL ALLIANCE"]),
    # a head told by what it is, then its name: the name is a head too
    ("ANOTHER AMERICAN CITIZEN, JAMES ARTHUR DONELLEY, ", ["AMERICAN CITIZEN", "JAMES ARTHUR DONELLEY"]),
    ("The mayor of Abrego, Jose Torrado, ", ["mayor of Abrego", "Jose Torrado"]),
    ("A PEASANT, MEMBER OF THE UNION, ", ["PEASANT"]),  # a description, not a name
])
def test_appositive_heads(text, heads):
    """A subject split by commas names its first part, parts opened by 'and' and parts after a
    semicolon, and the bare name right after a first part that describes ('another citizen, X');
    descriptions between them and adverbials before them are skipped."""
    from timeline.extract.roles import appositive_heads

    assert [h.text for h in appositive_heads(text, 0, len(text))] == heads


@pytest.mark.parametrize("text,targets,not_actors", [
    ("MENDEZ, 52, AND ROSA ALVARADO, AN ACTIVIST OF THE DEMOCRATIC SOCIALIST PARTY (PSD) OF GUATEMALA, WERE ABDUCTED.",
     {"MENDEZ", "ROSA ALVARADO"}, {"Democratic Socialist Party"}),
    ("FELIPE ARCE, A FOUNDER OF THE ORLANDO DE SOLA GROUP, WAS SHOT DEAD.", {"FELIPE ARCE"}, {"Orlando de Sola Group"}),
    ("Two soldiers were also killed.", {"soldiers"}, set()),
    # a relative clause's passive: the antecedent underwent it
    ("THE UNION LEADER ELISEO PAZ, WHO WAS ABDUCTED IN GUATEMALA, WAS FOUND DEAD.", {"UNION LEADER ELISEO PAZ"}, {"Guatemala"}),
    ("The two engineers, who were abducted on Monday, were freed.", {"engineers"}, set()),
])
def test_passive_subject_split_by_appositions(text, targets, not_actors):
    """A passive's subject told over commas is the victim; the party its description names did not act."""
    from timeline.extract import Options, extract
    from timeline.models import Document

    event = extract([Document(id="d", text=text)], Options(solve=False)).events[0]
    assert targets <= set(event.targets) and not not_actors & set(event.actors)


@pytest.mark.parametrize("text,person", [
    ("BODYGUARD JAIRO ORTEGA WAS KILLED.", None),
    ("Humberto Ortega met the press.", None),
    ("President Ortega met the press.", "Daniel Ortega"),
])
def test_known_surname_after_another_given_name(text, person):
    """A known surname right after another given name is somebody else."""
    from timeline.extract.names import names_in
    from timeline.extract.casing import shouting

    people = [m.name for m in names_in(text, 0, len(text), caps=shouting(text)) if m.kind == "person"]
    assert people == ([person] if person else [])


def test_who_receives_threats_is_threatened():
    """'received death threats from the Shining Path': the sender threatens, the receiver is the target."""
    from timeline.extract import Options, extract
    from timeline.models import Document

    text = "SEVERAL JUDGES HAVE RECEIVED DEATH THREATS FROM THE SHINING PATH."
    [event] = extract([Document(id="d", text=text)], Options(solve=False)).events
    assert (event.type, event.actors, event.targets) == ("threat", ["Shining Path"], ["JUDGES"])


def _recipients(text: str, words: str) -> list[str]:
    from timeline.extract.roles import recipients

    found = trigger(text, words)
    return [p.text for p in recipients(text, Clause(0, len(text), 0), found, found.type)]


@pytest.mark.parametrize("text,words,expected", [
    ("The United States sent arms to Pakistan.", "sent", ["Pakistan"]),
    ("The bishop urged the rebels to lay down their arms.", "urged", []),  # 'to' before a verb: no recipient
    ("The army called on the rebels to surrender.", "called on", ["rebels"]),  # the preposition inside the trigger
    ("Police accused the man of collaborating with the rebels.", "accused", []),  # 'with' belongs to 'collaborating'
    ("Washington demanded that Pyongyang forsake its program.", "demanded", ["Pyongyang"]),  # a that-clause's subject
    ("Tokyo pledged more aid to war-torn Mozambique.", "pledged", ["war-torn Mozambique"]),  # no verb after 'to'
    ("The ministers agreed to provide aid for Romania and Poland.", "provide", ["Romania and Poland"]),  # coordinated
    ("THE ARMY URGED THE REBELS TO LEAVE.", "URGED", []),  # in capitals a verb is still a verb
])
def test_recipients_after_prepositions(text, words, expected):
    """Whom a directed act or a speech act is aimed at: the phrase after one of its type's
    prepositions, or the subject of the that-clause a demand opens."""
    assert _recipients(text, words) == expected


def test_a_demand_obliges_whom_the_speaker_names():
    """'X said Y must ...': the speaker X is the actor, the party obliged Y the target."""
    from timeline.extract import Options, extract
    from timeline.models import Document

    text = "The Red Cross in Yemen said US and British warships must respect the fishermen."
    [event] = extract([Document(id="d", text=text)], Options(solve=False)).events
    assert event.type == "appeal"
    assert {"United States", "United Kingdom"} <= set(event.targets) and "United States" not in event.actors
    assert "International Committee of the Red Cross" in event.actors


@pytest.mark.parametrize("text,words,patient", [
    ("The mayor accused the militia of bombing a clinic near the river.", "bombing", "clinic"),
    ("Police charged the three men with kidnapping two nurses.", "kidnapping", "nurses"),
    ("The council blamed the militia for killing the village teacher.", "killing", "village teacher"),
    ("Witnesses heard shooting that lasted an hour.", "shooting", None),  # no object: a relative clause follows
    ("The killing of the teacher shocked the town.", "killing", "teacher"),  # a nominal: 'of' names the victim
])
def test_violent_gerund_takes_its_object(text, words, patient):
    """A violent word in -ing right after a preposition is a gerund: its object undergoes it, as
    the verb's would ('accused them of bombing a clinic'), where the nominal takes 'of'."""
    assert roles(text, words)[1] == patient


@pytest.mark.parametrize("text,words,patient", [
    ("The provincial judge escaped unhurt from a grenade attack.", "grenade attack", "provincial judge"),
    ("A union leader survived an ambush near the port.", "ambush", "union leader"),
    ("The gunmen escaped after the attack.", "attack", None),  # they fled it: nobody came through it
])
def test_who_came_through_violence_is_its_target(text, words, patient):
    """Whoever survived or escaped a violent incident is the one it was aimed at."""
    assert roles(text, words)[1] == patient


@pytest.mark.parametrize("text,words,agent,patient", [
    ("Masked men abducted and later killed a court clerk near the market.", "abducted", "Masked men", "court clerk"),
    ("A court clerk was abducted and murdered by masked men.", "abducted", "masked men", "court clerk"),
    ("Masked men abducted a court clerk and burned his car.", "abducted", "Masked men", "court clerk"),  # its own object
    ("Masked men abducted and fled.", "abducted", "Masked men", None),  # nothing after the joined verb
])
def test_joined_verbs_share_what_follows(text, words, agent, patient):
    """Acts 'and' joins share the object or agent told once after the second verb."""
    assert roles(text, words)[:2] == (agent, patient)


def test_joined_passive_shares_its_subject():
    """'X was abducted and | murdered by Y': the second verb, whose clause opens on 'and', is
    passive too and X underwent it."""
    text = "A court clerk was abducted and murdered by masked men."
    murdered = trigger(text, "murdered")
    clause = Clause(text.index("and"), len(text), 0)
    got = roles_of(text, clause, murdered, murdered.type)
    assert (got.agent.text, got.patient.text) == ("masked men", "court clerk")


@pytest.mark.parametrize("text,words,patient", [
    ("The bishop condemned the abduction and murder of the court clerk.", "abduction", "court clerk"),
    ("The bishop condemned the abduction and subsequent murder of the court clerk.", "abduction", "court clerk"),
    ("The bishop condemned the abduction and the grief it caused.", "abduction", None),
])
def test_joined_nouns_share_their_complement(text, words, patient):
    """'the abduction and murder of X': X underwent both acts the nouns name."""
    assert roles(text, words)[1] == patient


@pytest.mark.parametrize("text,words,patient", [
    ("The town mourned after Lidia Parra's murder in March.", "murder", "Lidia Parra"),
    ("Lawyers protested Omar Felt's arrest in Kessin.", "arrest", "Omar Felt"),
    ("Police are still looking into Saturday's killing in Kessin.", "killing", None),  # a time: when, not whom
    ("The army's killing of ten herders drew protests.", "killing", "herders"),  # 'of' names them
    ("Crowds gathered in the wake of the judge's murder.", "murder", "judge"),  # the nearest phrase, after 'of'
    ("Talks stalled over the gang's murder threats against the mayor.", "murder", None),  # 'murder' qualifies 'threats'
])
def test_possessor_undergoes_an_act_done_to_one(text, words, patient):
    """A possessive before a killing, abduction or arrest names who underwent it (recipients.yaml)."""
    found = trigger(text, words)
    roles = roles_of(text, Clause(0, len(text), 0), found, found.type)
    assert (roles.patient.text if roles.patient else None) == patient

