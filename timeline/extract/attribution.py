"""Attribution stage: who a claim or an attribution names as the perpetrator of violence told
elsewhere becomes an actor of that violence.

'The MRTA claimed the attack' (or 'claimed credit for', 'assumed responsibility for') makes the
MRTA an actor of the attack; so does 'the murder is attributed to the MRTA' (a passive
attribution: the report's own, not a named party's charge), and so does 'police blamed the
Medellin cartel' (an armed group blamed by a party that is none: the authorities, a minister).
'Pompeo blamed Iran for the attacks' does not: a state blamed is one party's charge, an event of
its own; nor does one armed group blaming another, nor a condemnation, which says nothing of who
did it. The violence is the mention cut off the reaction's clause ('... for the attack'), the one
its sentence goes on to tell when the attribution opens it ('In another action attributed to the
mafias, ...'), else the latest violent event told before in the document (within a few sentences). An armed group that
releases hostages held them: it is the actor of their kidnapping told in the same sentence, else
the latest told before ('the ELN released the engineer who was kidnapped on Monday'). Violence by
no one named, at a place (or to a kind of target) that an armed group's violence told just before
names, is that group's ('Shining Path attacked facilities in Huarpacha and Ambo. An official was
wounded in an explosion in Ambo'): a second incident of the same raid, which co-reference rightly
keeps apart.
"""

from __future__ import annotations

import re
from functools import cache

from ..taxonomy import of_class
from . import lexicon
from .groups import INSURGENTS, described_group, is_armed_group
from .lookup import cached, root_of, sentence_events
from .modality import tried
from .roles import passive
from .state import DocState, EventMention

CLAIM_RULES = frozenset({"claim-responsibility"})
BLAME_RULES = frozenset({"blame-verb", "blame-lemmas"})  # saying who did it, not only disapproving of it
_REACH = 3  # sentences back for the violence a claim refers to
_CLAIM_REACH = 6  # sentences back for violence by no one named that a claim also covers
_VIOLENCE = of_class("violence")


def _named_by(state: DocState, reaction: EventMention) -> list[str]:
    """Whom the reaction names as the perpetrator: a claimant, or the party a passive
    attribution blames; nobody for one party's accusation of another."""
    if reaction.modality != "asserted":
        return []  # 'has not claimed the attacks', 'may have been behind it': nobody named
    if reaction.trigger.rule in CLAIM_RULES:
        return list(reaction.actors)
    if reaction.type == "accusation" and passive(state.text, reaction.clause, reaction.trigger):
        named = _named_parties(state)
        return [t for t in reaction.targets if _armed(t) or t in named]  # not the charges
    if reaction.type == "release":
        return [a for a in reaction.actors if _armed(a)]  # who releases hostages held them
    if reaction.trigger.rule in BLAME_RULES and not any(_armed(a) for a in reaction.actors):
        return [t for t in reaction.targets if _armed(t)]  # 'police blamed the ELN': not one side's charge
    return []


def _named_parties(state: DocState) -> set[str]:
    """The parties and people the text names: whom a passive charge can blame ('X was charged with
    murder': X, never 'murder'); gathered once per document, not again for each charge."""
    return cached(state, "named_parties", state.mentions, _names_of_parties)


def _names_of_parties(mentions: list) -> set[str]:
    """The names of the actor and person mentions."""
    return {m.name for m in mentions if m.kind in ("actor", "person")}


def _armed(name: str) -> bool:
    """An armed group by name ('the ELN') or by description ('the drug mafias')."""
    return is_armed_group(name) or described_group(name) == name


def _referred(state: DocState, position: int) -> int | None:
    """The violence a reaction refers to: the one it names, else the latest told before."""
    named = _named_violence(state, position)
    return named if named is not None else _latest_before(state, position, _VIOLENCE)


def _named_violence(state: DocState, position: int) -> int | None:
    """The violence a reaction names itself: its cut-off clause's mention ('claimed responsibility
    for the murder of ...'), or the one its fronted phrase goes on to tell."""
    reaction = state.events[position]
    for j in sentence_events(state, reaction.clause.sentence):
        clause = state.events[j].clause
        if clause.answered and (clause.end == reaction.clause.start or clause.start == reaction.clause.end):
            return j
    return _fronted(state, position)


_IN_AN_ACT = re.compile(r"\W*in\s+(?:a|an|another|one|the)\s+", re.IGNORECASE)


def _fronted(state: DocState, position: int) -> int | None:
    """'In another action attributed to the mafias, several men wounded a watchman': an
    attribution that opens its sentence as a phrase tells who did the violence the sentence goes
    on to tell."""
    reaction = state.events[position]
    sentence = reaction.clause.sentence
    if reaction.clause.start != state.sentences[sentence][0] or not _IN_AN_ACT.match(state.text, reaction.clause.start):
        return None
    return next((j for j in sentence_events(state, sentence) if j > position and state.events[j].type in _VIOLENCE), None)


def _latest_before(state: DocState, position: int, kinds: frozenset[str]) -> int | None:
    """The latest mention of one of ``kinds`` told before ``position``, a few sentences back at most."""
    sentence = state.events[position].clause.sentence
    for j in range(position - 1, -1, -1):
        if sentence - state.events[j].clause.sentence > _REACH:
            return None
        if state.events[j].type in kinds:
            return j
    return None


def _unnamed_before(state: DocState, position: int, unnamed: set[int]) -> list[int]:
    """'Two bombs destroyed two vehicles. A fire erupted ... No casualties were reported in this
    incident, for which the FMLN is held responsible': a claim or the report's attribution covers
    the violence by no one named told just before it (a few sentences back at most), not only the
    latest; violence whose hands are named ends that stretch (another incident comes between)."""
    sentence = state.events[position].clause.sentence
    found = []
    for j in range(position - 1, -1, -1):
        event = state.events[j]
        if sentence - event.clause.sentence > _CLAIM_REACH or (event.type in _VIOLENCE and _hands_named(state, event)):
            break
        if j in unnamed:
            found.append(j)
    return found


def _told_before_at(state: DocState, named: int, unnamed: set[int]) -> list[int]:
    """'ELN GUERRILLAS, WHICH HAVE CLAIMED RESPONSIBILITY FOR THE ATTACKS ON THE OIL PIPELINE': the
    violence a claim names by a definite noun is also the violence by no one named told a few
    sentences before to the same kind of target or at the same place ('FOUR DYNAMITE ATTACKS ON
    THE PIPELINE')."""
    event = state.events[named]
    words = _named_again(event) if _DEFINITE.match(state.text, event.clause.start, event.trigger.start) else None
    if words is None:
        return []
    found, sentence = [], event.clause.sentence
    for j in range(named - 1, -1, -1):  # back a few sentences only: a long document has many claims
        before = state.events[j]
        if sentence - before.clause.sentence > _CLAIM_REACH:
            break
        if j in unnamed and words.search(state.text, before.clause.start, before.clause.end):
            found.append(j)
    return found


_DEFINITE = re.compile(r"\W*(?:for\s+)?(?:the|these|those)\s+", re.IGNORECASE)
_KIDNAPPING = frozenset({"abduction"})


def _kidnapping(state: DocState, position: int) -> int | None:
    """The kidnapping a release ends: one told in the release's sentence, else the latest before."""
    sentence = state.events[position].clause.sentence
    same = [j for j in sentence_events(state, sentence) if state.events[j].type in _KIDNAPPING]
    if same:
        return min(same, key=lambda j: abs(j - position))
    return _latest_before(state, position, _KIDNAPPING)


def attribute(state: DocState, options) -> DocState:
    """Stage: claimants and blamed parties of passive attributions join the violence's actors."""
    unnamed = set(_done_by_no_one_named(state))
    for position, reaction in enumerate(state.events):
        names = _named_by(state, reaction)
        find = _kidnapping if reaction.type == "release" else _referred
        referred = find(state, position) if names else None
        if referred is None:
            continue
        points_back = reaction.type != "release" and _named_violence(state, position) is None
        also = _unnamed_before(state, position, unnamed) if points_back else _told_before_at(state, referred, unnamed)
        for j in {root_of(state, referred), *also}:
            violence = state.events[j]
            violence.actors += [n for n in names if n not in violence.actors and n not in violence.targets]
    for position, violence in enumerate(state.events):
        violence.actors += _hands_at_a_place_named(state, position)
    raids = _raiding_groups(state)
    near = [(position, _campaigns_group(state, position, raids)) for position in _done_by_no_one_named(state)]
    for position, group in near:  # read before any is added: a campaign reaches from the group's own violence only
        if group is not None:
            state.events[position].actors.append(group)
    return state


def _named_again(event: EventMention) -> re.Pattern | None:
    """The event's place, and the head nouns of its targets (singular or plural), as words to find."""
    heads = [re.escape(t.split()[-1].rstrip("sS")) + r"[sS]?\b" for t in event.targets if len(t.split()[-1]) > 4]
    words = heads + ([re.escape(event.location) + r"\b"] if event.location else [])
    return re.compile(rf"\b(?:{'|'.join(words)})", re.IGNORECASE) if words else None


def _hands_at_a_place_named(state: DocState, position: int) -> list[str]:
    """'Shining Path members attacked facilities in Huarpacha and Ambo. An official was wounded in
    an explosion in Ambo', 'FMLN guerrillas blew up several structures. Other structures were also
    blown up': violence by no one named, at a place or to a kind of target that the violence of an
    armed group told in the sentence before (or earlier in its own) names, is that group's doing."""
    event = state.events[position]
    if event.type not in _VIOLENCE or event.actors or event.same_as is not None:
        return []
    place = _named_again(event)
    if place is None:
        return []
    for j in range(position - 1, -1, -1):
        before = state.events[j]
        if event.clause.sentence - before.clause.sentence > 1:
            return []
        armed = [a for a in before.actors if _armed(a)]
        if before.type in _VIOLENCE and armed and place.search(state.text, before.clause.start, before.clause.end):
            return [a for a in armed if a not in event.targets]
    return []


_NOT_A_CAMPAIGN = frozenset({"armed_clash", "airstrike"})  # sides fighting, or aircraft: not a band's raids


@cache
def _campaign() -> tuple[int, re.Pattern]:
    """How many sentences from a group's violence its campaign reaches, and the words that say the
    hands are unknown (``lexicons/groups.yaml``)."""
    data = lexicon.load("groups")
    unknown = "|".join(map(re.escape, data["unknown_hands"]))
    nouns = "|".join(map(re.escape, data["unknown_hands_nouns"]))
    return data["campaign_reach"], re.compile(rf"\b(?:{unknown})\s+(?:[\w-]+\s+)?(?:{nouns})\b", re.IGNORECASE)


def _done_by_no_one_named(state: DocState) -> list[int]:
    """First mentions of violence that no mention of theirs gives an actor, nor calls the work of
    unknown hands."""
    _, unknown = _campaign()
    named = {root_of(state, j) for j, e in enumerate(state.events)
             if _hands_named(state, e) or unknown.search(state.text, e.clause.start, e.clause.end)}
    return [j for j, e in enumerate(state.events) if e.same_as is None and j not in named
            and e.type in _VIOLENCE and e.type not in _NOT_A_CAMPAIGN and not any(map(_fighters, e.targets))]


@cache
def _state_forces() -> tuple[frozenset[str], re.Pattern]:
    """The states' names, and the words for a state's own forces (``lexicons/groups.yaml``)."""
    words = "|".join(map(re.escape, lexicon.load("groups")["state_forces"]))
    return (lexicon.state_names(),
            re.compile(rf"\b(?:{words})\b", re.IGNORECASE))


def _hands_named(state: DocState, event: EventMention) -> bool:
    """Whether the violence names who did it: an actor, but not a state alone when its clause names
    none of a state's forces ('a bomb destroyed the house of the mayor of Lima' names Peru as a
    place, not a perpetrator)."""
    states, forces = _state_forces()
    if not event.actors:
        return False
    return not set(event.actors) <= states or forces.search(state.text, event.clause.start, event.clause.end) is not None


def _fighters(target: str) -> bool:
    """'a terrorist was killed': violence done to fighters is not their own band's doing."""
    return _armed(target) or INSURGENTS.search(target) is not None


def _raiding_groups(state: DocState) -> dict[int, set[str]]:
    """Per sentence, the named armed groups whose own raids it tells (read once per document)."""
    found: dict[int, set[str]] = {}
    for e in state.events:
        if e.type in _VIOLENCE and e.type not in _NOT_A_CAMPAIGN and (e.modality == "asserted" or tried(e)):
            found.setdefault(e.clause.sentence, set()).update(a for a in e.actors if is_armed_group(a))
    return found


def _campaigns_group(state: DocState, position: int, raids: dict[int, set[str]]) -> str | None:
    """'FMLN guerrillas blew up two pylons. Two bombs also exploded in San Salvador': violence by no
    one named, within a couple of sentences of the violence of one named armed group and of no
    other, is part of that group's campaign (a side in a war or a clash wages none: 'the war in
    Gaza' gives Hamas no strikes nearby)."""
    reach, _ = _campaign()
    sentence = state.events[position].clause.sentence
    groups = set().union(*(raids.get(s, set()) for s in range(sentence - reach, sentence + reach + 1)))
    return groups.pop() if len(groups) == 1 else None
