"""Argument stages: who did what to whom, and where, for each event (the names come from ``names``)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, partial

from ..gazetteer import is_country
from ..taxonomy import event_types, of_class, root
from . import lexicon, officials
from .antecedents import pronoun_antecedent, pronoun_undergoes
from .clauses import quoted_spans
from .group_nouns import fighting_pair, principal_pair, sides_told
from .groups import INSURGENTS as _INSURGENTS, both_sides, described_group
from .lemmas import inflected_nouns
from .lookup import chains, clauses_after, clauses_before, events_of, last_person, mentions_in, root_of, sentence_clauses
from .names import WORD_BEFORE, home_group, insurgents_of
from .phrases import PREPOSITIONS, Phrase, after_word, end_before, is_past, phrase_after, phrase_before
from .perpetrators import agent_beyond_clause, antecedent, group_told_last, party_told_last, pronoun_parties
from .roles import SOUGHT, Roles, appositive_heads, passive, place_undergoing, pronoun, roles_of, subject_before
from .triggers import DEMAND
from .state import Clause, DocState, EventMention, Mention
from .subjects import RELATIVE, subject_span

_LOCATIVE = re.compile(r"\b(?:in|at|near|inside|within|on|outside|into|across)\s+(?:the\s+|an?\s+|this\s+|that\s+)?(?:nearby\s+)?$",
                       re.IGNORECASE)
_DESTINATION = re.compile(r"\b(?:to|visited|visiting|toured|tour of|trip to)\s+(?:the\s+)?$", re.IGNORECASE)
_TARGET = re.compile(r"\b(?:on|against|struck|hit|attacked|invaded|shelled)\s+(?:the\s+)?$", re.IGNORECASE)
_PERSON_PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\b", re.IGNORECASE)
_GROUP_PRONOUN = re.compile(r"^\W*(?:(?:that|since|after|when|because|whether|as|while|until|once)\s+)?(?:they|their|it|its)\b", re.I)
_SAID = re.compile(r"\s+(?:said|says|added|told|warned|stated|continued)\b", re.IGNORECASE)
_SAID_BEFORE = re.compile(r"\b(?:said|says|added|told|warned|stated|continued)\s+(?:\w+\s+){0,4}$", re.IGNORECASE)
_PRONOUN_SAID = re.compile(r"\W{0,3}\s*(?:he|she)\s+(?:said|added|continued|told|warned)\b", re.IGNORECASE)
_SUBORDINATE = frozenset({"when", "if", "whether", "that", "which", "who", "while", "because", "although",
                          "though", "unless", "since", "after", "before", "until", "as soon as", "once"})


def assign_arguments(state: DocState, options) -> DocState:
    """Stage: actors, people and place of every event, from its clause and its sentence."""
    fight = None  # the latest fighting told with both sides named, for 'the two sides'
    group, named = home_group(state), _named_states(state)
    for index, event in enumerate(state.events):
        _fill(state, index, event, fight, group, named)
        if root(event.type) in _FIGHTING and len(event.actors) >= 2:
            fight = event
    return state


_FIGHTING = ("armed_clash", "attack")
_VIOLENT = of_class("violence") - {"armed_clash"}
# measures a power imposes, lifts or carries out where they apply ('a curfew in Cizre', 'lifted the
# state of emergency in Darfur', 'will evacuate the settlements in Gaza'): the place is their target
_MEASURES = frozenset({"coercion", "concession", "withdrawal", "access", "mobilization", "sanction"})


def _fill(state: DocState, index: int, event: EventMention, fight: EventMention | None, group: str | None,
          named: frozenset[str] = frozenset()) -> None:
    text, clause = state.text, event.clause
    roles, split_subject = _split_subject(state, event, roles_of(text, clause, event.trigger, event.type))
    if not (split_subject or _has_subject(state, clause, event) or _told_by_another(event) or _undergone(state, event)):
        _inherit_subject(state, index, event)
    roles = _with_fallbacks(state, event, roles)
    roles = agent_beyond_clause(state, event, roles)
    window = mentions_in(state, clause.start, clause.end) + _relative_clause_names(state, clause)
    for phrase in (*roles.patients, *roles.recipients, roles.agent):
        if phrase is not None and not (clause.start <= phrase.start and phrase.end <= clause.end):
            # a subject told before the clause, an agent or its apposition told after it
            window += [m for m in mentions_in(state, phrase.start, phrase.end) if m not in window]
    speaker_end = _speaker_end(text, clause, event.trigger) if event.type in _RELAYED else clause.start
    window = [m for m in window if not clause.start <= m.start < speaker_end]
    demand = _is_demand(event)
    if demand:  # 'Russia said that Sudan must return ...': Russia demands, of Sudan
        for mention in _sentence_subject(state, clause):
            _take(text, event, mention)
    for mention in window:
        if any(_within(mention, p) for p in (*roles.patients, *roles.recipients)) or (
                demand and _obliged(text, clause, event.trigger) <= mention.start < event.trigger.start):
            seat = _seat_of_government(text, event, mention)
            if seat is not None:
                _add(event.targets, seat)
                continue
            _take_target(event, mention, any(_heads(text, mention, p, event.trigger.start)
                                             for p in (*roles.patients, *roles.recipients)))
        elif clause.answered and not _within(mention, roles.agent) and mention.kind != "place":
            continue  # violence a reaction names: the reaction's speaker did not do it
        elif mention.name not in event.targets:  # 'blamed the FMLN [Farabundo Marti ...]': one party, blamed
            before = list(event.actors)
            _take(text, event, mention)
            if _aimed_after(text, event, roles, mention) and any(_within(m, roles.agent) for m in window):
                # only a subject that names its party tells another party apart from its own side
                _shift_to_targets(event, before, mention)
    for mention in _accused(state, clause):
        _take_target(event, mention)
    _targets_not_actors(event, roles, window, _partners_met(state, event, roles, window))
    for patient in roles.patients:
        _describe_target(state, event, patient, window)
    for recipient in roles.recipients:
        _describe_recipient(event, recipient, window)
    _pronoun_target(state, event, roles)
    if not event.targets and event.type in _VIOLENT and pronoun_undergoes(state.text, event):
        _antecedent_target(state, event)
    if roles.agent is not None and not any(_within(m, roles.agent) and not insurgents_of(text, m) for m in window):
        _unnamed_agent(state, event, roles.agent, group)
    principal = root(event.type) not in _FIGHTING and _sides_before(state, clause, event)
    _add(event.actors, *sides_told(state, clause, fight, principal))  # 'the two sides': of the latest fighting told
    for mention in _speaker(state, event):
        _take(text, event, mention)
    if not event.actors and event.type in _REPORTED_MEASURES:
        _add(event.actors, *(m.name for m in _state_reporters(state, event)))
    _destinations_not_parties(text, event, window)
    _place_fallbacks(event, named, _place_in_subject(event, window))


# a state's own measures that one of its bodies reports with no agent of their own ('two of them were
# released on Friday, the army said', 'police said six suspects had been arrested'): that state's doing
_REPORTED_MEASURES = frozenset({"arrest", "release", "coercion"})
_SPEAKER_GAP = re.compile(r"[\w'’ -]{0,25}")  # 'a police source says', 'the army spokesman said'


def _state_reporters(state: DocState, event: EventMention) -> list[Mention]:
    """The states whose bodies are the speakers of the event's sentence, when every speaker is a
    state's: a rights group or a witness reporting arrests did not make them."""
    start, end = state.sentences[event.clause.sentence]
    speakers = []
    for told in _REPORTING.finditer(state.text, start, end):
        before = [m for m in mentions_in(state, start, told.start()) if m.kind in ("person", "actor")]
        if before and _SPEAKER_GAP.fullmatch(state.text, before[-1].end, told.start()):
            speakers.append(before[-1])
    states = lexicon.state_names()
    return speakers if speakers and all(m.kind == "actor" and m.name in states for m in speakers) else []


# acts between parties held somewhere: where the story names states as parties, the place's state
# only hosts them ('talks in Oslo') unless it is one of those ('Moscow' in a story about Russia's war)
_HOSTED = frozenset({"summit", "meeting", "negotiation", "agreement", "ceasefire"})


def _named_states(state: DocState) -> frozenset[str]:
    """The states a story names as parties (not by a place of theirs): who can be a host and a side."""
    states = lexicon.state_names()
    return frozenset(m.name for m in state.mentions if m.kind == "actor" and m.name in states)


# people fleeing or forces pulling back ('fled into Malawi', 'withdrew towards Burkina Faso'): a state
# they go to is where, not a party (``lexicons/groups.yaml`` destinations); not a state left ('withdrew
# from Lebanon': the retreat is aimed at it), nor troops sent to a state, which often takes part
_MOVES = frozenset({"displacement", "withdrawal"})


@cache
def _destination() -> re.Pattern:
    words = lexicon.load("groups")["destinations"]
    return re.compile(rf"\b(?:{lexicon.alternation(words['prepositions'])})\s+(?:the\s+)?"
                      rf"(?:(?:{lexicon.alternation(words['modifiers'])})\s+)?$", re.IGNORECASE)


def _destinations_not_parties(text: str, event: EventMention, window: list[Mention]) -> None:
    """A state people flee to or forces pull back towards, named nowhere else in the clause, is no
    party of the movement, nor the place it happened (the place's fallbacks would make it one again)."""
    if event.type not in _MOVES:
        return
    for name in {m.name for m in window if m.kind == "actor" and is_country(m.name)}:  # not 'withdrew from IGAD'
        told = [m for m in window if m.name == name]
        if all(_destination().search(text, max(0, m.start - 40), m.start) for m in told):
            event.actors[:] = [a for a in event.actors if a != name]
            event.targets[:] = [t for t in event.targets if t != name]
            event.location = None if event.location == name else event.location


def _place_in_subject(event: EventMention, window: list[Mention]) -> bool:
    """Whether the event's place is told before its trigger ('Students in Nairobi blocked the
    gates'): it qualifies who acted, not only where ('protested in Nairobi')."""
    return any(m.kind == "place" and m.name == event.location and m.start < event.trigger.start for m in window)


def _place_fallbacks(event: EventMention, named: frozenset[str] = frozenset(), place_acted: bool = False) -> None:
    """What the place alone tells when the clause named too few parties: a known conflict's sides,
    the people under a measure, the state a violence by nobody named was done to."""
    parties = lexicon.conflict_parties().get(event.location or "")
    if parties and event.type == "armed_clash" and len(event.actors) < 2:
        _add(event.actors, *parties)
    if event.type in _MEASURES and event.location and not _names_a_target(event):
        _add(event.targets, event.location)  # 'imposed a curfew in Cizre': on the people of the place
    if not event.actors and event.location and event.type != "visit":  # nobody named: where it happened
        place = lexicon.names().get(event.location.lower())
        home = place.state if place else None
        if event.type in _HOSTED and named and home not in named:
            return
        if event.type in _VIOLENT - _REMOTE and not _aimed_at_the_state(event.targets):
            return
        if root(event.type) == "protest" and not place_acted:  # 'protested in Nairobi': the crowd's, not the state's
            return
        # violence by nobody named is done to the place's state, not by it ('a bomb exploded in Lima')
        _add(event.targets if event.type in _VIOLENT | _MEASURES else event.actors, home)


# strikes from afar (drones, missiles, artillery) are acts of war between states: whatever they hit,
# they were aimed at the state where it stands
_REMOTE = frozenset({"airstrike", "shelling"})


@cache
def _state_victims() -> re.Pattern:
    """Heads of victims that are a state's own agents or sites (``lexicons/groups.yaml`` state_victims)."""
    return re.compile(rf"\b(?:{lexicon.alternation(lexicon.load('groups')['state_victims']['heads'])})$", re.IGNORECASE)


def _aimed_at_the_state(targets: list[str]) -> bool:
    """Violence told with no victim ('a bomb exploded in Lima'), with a state's own agents or sites
    among its victims ('killed two soldiers', 'an army post') or with only things hit ('a fuel depot')
    was aimed at the place's state; told of people who are not its agents ('a journalist was shot
    dead', 'killed three villagers') it was not."""
    rule = lexicon.load("groups")["state_victims"]
    victims = [target.lower() for target in targets if target.lower() not in lexicon.names()  # not places, not parties
               and target.lower().split()[-1] not in rule["anyone"]]
    if any(_state_victims().search(victim) for victim in victims):
        return True
    return not any(_civilian_heads() & set(victim.split()) for victim in victims)


@cache
def _civilian_heads() -> frozenset[str]:
    """Every form of the nouns that name a person (``lexicons/seizures.yaml`` person_heads) or a
    place where civilians live or gather (``lexicons/groups.yaml`` state_victims civilian_sites)."""
    nouns = [*lexicon.load("seizures")["person_heads"], *lexicon.load("groups")["state_victims"]["civilian_sites"]]
    return frozenset(inflected_nouns(nouns))


# the words a cut-off violent phrase opens with, up to its gerund's 'of' or 'for': whom it is told of
_TOLD_OF = re.compile(r"((?:[\w'’.-]+\s+){1,6}?)(?:of|for)\s+[\"“']?\w+ing\b", re.IGNORECASE)


def _accused(state: DocState, clause: Clause) -> list[Mention]:
    """'Mali accused | the Azawad front of shelling a market': the violent phrase cut off the clause
    (``referred``) opens with whom it is told of, who is what the clause's act is aimed at, the
    accused; the answered phrase itself leaves that party out, since its violence is only told."""
    after = next((c for c in clauses_after(state, clause) if c.answered), None)
    if after is None or state.text[clause.end:after.start].strip():
        return []
    told = _TOLD_OF.match(state.text, after.start, after.end)
    if told is None:
        return []
    return [m for m in mentions_in(state, after.start, told.end(1)) if m.kind == "actor"]


_QUALIFIER_OF = re.compile(r"\bof\s+(?:the\s+)?$", re.IGNORECASE)
# acts whose place, a capital too, is where they were done ('a curfew in Bamako', 'arrested in Kigali')
_PLACE_ACTS = _MEASURES - {"sanction"} | {"arrest", "release", "investigation"}


def _seat_of_government(text: str, event: EventMention, mention: Mention) -> str | None:
    """'recalled its ambassador from Kampala', 'accused Kigali of ...': a capital that a speech act
    or an act between states is aimed at stands for its government, not for where it happened
    (not after 'in', 'at', 'near' or 'of': 'urged donors in Paris', 'urged the traders of Kabul')."""
    entry = lexicon.names().get(mention.name.lower())
    if mention.kind != "place" or entry is None or not entry.capital_of or event.type in _PLACE_ACTS:
        return None
    if event_types()[event.type].kind not in ("speech", "act"):
        return None
    start = max(mention.start - 30, event.trigger.end if event.trigger.end <= mention.start else 0)
    where = _LOCATIVE.search(text, start, mention.start) or _QUALIFIER_OF.search(text, start, mention.start)
    return None if where else entry.capital_of


def _names_a_target(event: EventMention) -> bool:
    """Whether a target is a party or place a lexicon names: words alone ('blockades', 'people') leave
    the place where it happened as what the act was aimed at."""
    known = lexicon.names()
    return any(target.lower() in known for target in event.targets)


def aim_at_places(state: DocState, options) -> DocState:
    """Stage, after co-reference and attribution (a place among the targets would change which
    mentions join): violence that names no party or place it was done to was done to the place
    where it happened ('set off two car bombs in the port city of Aden'); a state named as where
    is no party the violence was aimed at."""
    for event in state.events:
        if event.type in _VIOLENT and event.location and not _a_party(event.location) and not _names_a_target(event):
            _add(event.targets, event.location)
    return state


# acts between two sides, and who the sides are when no mention names one: for fighting the two
# principal parties that can fight, for talks the two principal parties; a ceasefire stops fighting,
# so its sides are the two that can fight
_TWO_SIDED = {"armed_clash": fighting_pair, "ceasefire": fighting_pair,
              "negotiation": partial(principal_pair, states_only=False),
              "agreement": partial(principal_pair, states_only=False)}


def sides_of_fighting(state: DocState, options) -> DocState:
    """Stage, after co-reference (sides given earlier would change which mentions join): fighting
    no mention of which names a side ('fighting resumed near the border', 'the war broke out in
    2020') is between the story's two principal parties that can fight (states and armed groups),
    and so is a ceasefire that names none ('a truce brokered by elders broke down'): it stops that
    fighting; talks that name no side ('an attempt at talks mediated by church leaders collapsed') are
    between its two principal parties, when the story has a clear pair."""
    chains: dict[int, bool] = {}
    for index, event in enumerate(state.events):
        head = root_of(state, index)
        chains[head] = chains.get(head, False) or bool(event.actors)
    pairs: dict[str, list[str]] = {}
    for head, named in chains.items():
        kind = state.events[head].type
        if not named and kind in _TWO_SIDED:
            pairs[kind] = _TWO_SIDED[kind](state) if kind not in pairs else pairs[kind]
            _add(state.events[head].actors, *pairs[kind])
    return state


# what only a state's agents do to people: told in the passive with no agent, the story's state did it
_CUSTODY = frozenset({"arrest", "release"})


@cache
def _state_measures() -> dict[str, re.Pattern]:
    """By type, the words of measures only a state's authorities take (``lexicons/groups.yaml``
    home_state_measures): a curfew, a state of emergency, a ban or a closure, a criminal charge."""
    words = lexicon.load("groups")["home_state_measures"]["words"]
    return {kind: re.compile(rf"(?:^|\s)(?:{lexicon.alternation(listed)})$", re.IGNORECASE) for kind, listed in words.items()}


def _state_measure(text: str, event: EventMention) -> bool:
    """Custody told in the passive with no agent, or a state's own measure ('a curfew had been
    imposed', 'the younger was charged on Tuesday') told as a noun or in the passive with no agent."""
    if event.type in _CUSTODY:
        return _passive_without_agent(text, event)
    measure = _state_measures().get(event.type)
    words = text[event.trigger.start:event.trigger.end].rstrip()
    found = measure.search(words) if measure is not None else None
    if found is None:
        return False
    if event.trigger.kind == "noun":
        return True
    last = replace(event.trigger, start=event.trigger.start + len(words) - len(found.group().lstrip()))
    return _passive_without_agent(text, replace(event, trigger=last))  # a phrase's last words: 'schools were closed'


def custody_by_home_state(state: DocState, options) -> DocState:
    """Stage, after co-reference (an actor given earlier would change which mentions join): custody
    or a state's own measure that no mention names a party or place for, told in the passive with no
    agent ('the defendants were arrested in raids', 'a curfew had been imposed', 'he was charged on
    Tuesday'), was the story's state's."""
    for head, told in chains(state).items():
        if not any(e.actors or e.location for e in told) and any(_state_measure(state.text, e) for e in told):
            _add(state.events[head].actors, state.home)
    return state


def _passive_without_agent(text: str, event: EventMention) -> bool:
    """'were arrested in raids', not 'were arrested by soldiers'."""
    return passive(text, event.clause, event.trigger) and \
        roles_of(text, event.clause, event.trigger, event.type).agent is None


def _a_party(name: str) -> bool:
    """A state or an organisation, not a town or a region."""
    entry = lexicon.names().get(name.lower())
    return is_country(name) or entry is not None and entry.kind == "actor"


def _targets_not_actors(event: EventMention, roles: Roles, window: list[Mention], met: set[str]) -> None:
    """'Zambia extradited a British militant to Britain': a party named in the phrase the event is
    aimed at, and elsewhere only after the trigger, outside the agent, is its target, not an actor
    (a party met stays both: it takes part)."""
    acting = {name for m in window if _within(m, roles.agent) or m.start < event.trigger.start
              and not any(_within(m, p) for p in (*roles.patients, *roles.recipients)) for name in (m.name, m.state)}
    event.actors[:] = [a for a in event.actors if a not in event.targets or a in acting | met]


# directed acts that are not violence nor told of it (recipients.yaml), and protests and riots: a
# party named after an active verb whose subject acts is whom the act is aimed at
_DIRECTED = frozenset({"investigation", "appeal", "refusal", "support", "concession", "pledge", "aid",
                       "sanction", "coercion", "access", "withdrawal", "mobilization", "protest", "riot"})


def _aimed_after(text: str, event: EventMention, roles: Roles, mention: Mention) -> bool:
    """'Pakistan refused to deploy peacekeepers in Iraq', 'would boycott all contact with the
    United States': past the verb of a directed act, its subject told before it, a party is aimed at."""
    trigger = event.trigger
    directed = event.type in _DIRECTED or event.type == "agreement" and roles.partner is None  # 'agreed to lift ...'
    return (directed and trigger.kind == "verb" and mention.start >= trigger.end
            and roles.agent is not None and roles.agent.end <= trigger.start and not _within(mention, roles.agent)
            and not passive(text, event.clause, trigger))


def _shift_to_targets(event: EventMention, before: list[str], mention: Mention) -> None:
    """The parties one name just added as actors become targets (a person stays among people)."""
    added = [a for a in event.actors if a not in before]
    event.actors[:] = before
    _add(event.targets, *([mention.name] if mention.kind == "person" else []), *added)


def _partners_met(state: DocState, event: EventMention, roles: Roles, window: list[Mention]) -> set[str]:
    """'Moroccan diplomats held a meeting with President Obama', 'Yeltsin hosted the Japanese
    prime minister': when a subject acts, whom it meets, hosts or talks with takes part (an
    actor) and is whom the event is aimed at (a target); fighting excepted (both sides fight),
    and 'talks between X and Y' have no subject."""
    trigger, clause = event.trigger, event.clause
    if event.type not in SOUGHT or roles.agent is None and not _has_subject(state, clause, event) and \
            not _PRONOUN_SUBJECT.search(state.text, max(clause.start, trigger.start - 30), trigger.start):
        return set()
    met = phrase_after(state.text, trigger.end, clause.end) if trigger.kind == "verb" and event.type in _MET_BY_OBJECT else None
    names = {m.name for m in window if m.kind != "place" and any(_within(m, p) for p in (roles.partner, met))}
    _add(event.targets, *sorted(names, key=[m.name for m in window].index))
    return names | {m.state for m in window if m.name in names and m.state}


_MET_BY_OBJECT = frozenset({"meeting", "negotiation", "summit"})  # 'hosted X', 'telephoned X' (not 'extradited X')
_PRONOUN_SUBJECT = re.compile(r"\b(?:they|we|he|she|it)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


_DESCRIBED_AGENTS = frozenset({"threat", "coercion"})  # besides violence: who threatens, who enforces a stoppage


def _unnamed_agent(state: DocState, event: EventMention, agent: Phrase, group: str | None) -> None:
    """An agent no name stands in: 'urban guerrillas' are the story's armed group; a group told
    by what it is ('drug trafficking gangs', 'death squads') is the actor by its own words (read
    on past the phrase, which stops at a gerund such as 'trafficking')."""
    if _INSURGENTS.search(agent.text) and group is not None:
        _add(event.actors, group)
    elif event.type in _VIOLENT or event.type in _DESCRIBED_AGENTS:
        _add(event.actors, described_group(state.text[agent.start:max(agent.end, event.clause.end)], len(agent.text)))


# what may follow a past participle that describes the phrase before its comma ('X, kidnapped by
# rebels in May, was freed'): its agent, a place or a time, never an object of its own
_REDUCED_NEXT = re.compile(r"\s+(?:by|in|on|at|near|during|last|this|yesterday|early|late|earlier|since|from|outside|"
                           r"inside|\d+\s+(?:days?|weeks?|months?|years?)\s+ago)\b", re.IGNORECASE)


def _reduced_relative(state: DocState, event: EventMention) -> Phrase | None:
    """'X, kidnapped last week in Cali, was freed': a past participle of violence opening a clause
    right after a comma, with no object after it, tells what befell the phrase before the comma."""
    text, clause, trigger = state.text, event.clause, event.trigger
    if event.type not in _VIOLENT or trigger.kind != "verb" or text[clause.start:trigger.start].strip(" ,"):
        return None
    comma = end_before(text, clause.start, " ")
    word = text[trigger.start:trigger.end].split()[0]
    if comma == 0 or text[comma - 1] != "," or not is_past(word) or not _REDUCED_NEXT.match(text, trigger.end):
        return None
    earlier = clauses_before(state, clause)
    return phrase_before(text, comma - 1, earlier[-1].start) if earlier else None


def _split_subject(state: DocState, event: EventMention, roles: Roles) -> tuple[Roles, bool]:
    """A passive verb whose clause opens with it takes the subject the commas before it split
    ('Torrado, mayor of Abrego, was killed'): the heads undergo it; the descriptions between the
    commas (the victim's party or office) neither undergo nor do it; so does a participle that
    describes the phrase before its comma."""
    text, clause, trigger = state.text, event.clause, event.trigger
    described = _reduced_relative(state, event)
    if described is not None:
        return replace(roles, agent=after_word(text, trigger.end, clause.end, ("by",)), patient=described), True
    if trigger.kind != "verb" or not passive(text, clause, trigger) or phrase_before(text, trigger.start, clause.start):
        return roles, False
    if clause.lead in RELATIVE:  # 'Hector Oqueli, who was kidnapped in Guatemala': the antecedent
        earlier = clauses_before(state, clause)
        antecedent = phrase_before(text, end_before(text, clause.start), earlier[-1].start) if earlier else None
        return (replace(roles, patient=antecedent), True) if antecedent else (roles, False)
    span = subject_span(state, clause)
    heads = appositive_heads(text, *span) if span else ()
    return (replace(roles, patient=heads[0], co_patients=heads[1:]), True) if heads else (roles, False)


def _undergone(state: DocState, event: EventMention) -> bool:
    """'Three officials of the Communist Party, ..., were murdered': a passive clause whose subject
    is told over the eventless clauses before it underwent the act, so no name there is its actor."""
    text, clause, trigger = state.text, event.clause, event.trigger
    if trigger.kind != "verb" or not passive(text, clause, trigger) or phrase_before(text, trigger.start, clause.start):
        return False
    return subject_span(state, clause) is not None  # not 'the FMLN attacked the post, and it was destroyed'


def _with_fallbacks(state: DocState, event: EventMention, roles: Roles) -> Roles:
    """Where the clause itself names no patient: the person a pronoun stands for is named by
    ``_pronoun_target``; a passive clause with no subject takes the sentence's earlier one; an
    explosion with no object was done to the building it happened in."""
    text, clause, trigger = state.text, event.clause, event.trigger
    if roles.patient is None and passive(text, clause, trigger) and not text[clause.start:trigger.start].strip(" ,"):
        return replace(roles, patient=subject_before(text, clauses_before(state, clause)))
    if roles.patient is None:
        return replace(roles, patient=place_undergoing(text, clause, trigger, event.type))
    return roles


def _pronoun_target(state: DocState, event: EventMention, roles: Roles) -> None:
    """'after he was shot': the person told last is the one shot."""
    if pronoun(roles.patient):
        person = last_person(state, event.clause.start)
        if person is not None:
            _add(event.people, person.name)
            _add(event.targets, person.name)


def _antecedent_target(state: DocState, event: EventMention) -> None:
    """The names in the phrase a pronoun undergoing the act stands for (``pronoun_antecedent``),
    or that phrase's own words, are the targets."""
    antecedent = pronoun_antecedent(state, event)
    if antecedent is None:
        return
    named = mentions_in(state, antecedent.start, antecedent.end)
    if any(m.kind == "actor" and not _qualifying_state(state.text, m, antecedent) for m in named):
        return  # a party: no victim the pronoun stands for ('Salvadoran priests' are victims)
    people = [m for m in named if m.kind == "person"]
    for mention in people:
        _take_target(event, mention)
    if not people:  # 'the mayor of San Pedro': the victim in the phrase's own words
        _target_in_own_words(event, antecedent)


_TELLING = frozenset({"saying", "claiming", "adding", "insisting", "stating", "noting"})


def _told_by_another(event: EventMention) -> bool:
    """Violence a reaction names ('blaming Iran | for the attacks'), or a nominal in another's
    words ('saying the attacks came from Yemen'): the sentence's subject did not do it."""
    return event.clause.answered or (event.trigger.kind == "noun" and event.clause.lead in _TELLING)


def _is_demand(event: EventMention) -> bool:
    """A demand told by obligation ('must', 'should'): the party obliged is its target."""
    return event.trigger.rule.startswith(DEMAND) or event.trigger.rule == "obligation"


_REPORTING = re.compile(r"\b(?:said|says|told|tells|added|stated|announced|declared|concluded|insisted|stressed|"
                        r"argued|noted|warned|reminded|reminder)\b", re.IGNORECASE)


def _obliged(text: str, clause: Clause, trigger) -> int:
    """Where the party a demand obliges may be named: after the last reporting verb before it
    ('the Red Cross said US forces must ...': the Red Cross speaks, US forces are obliged)."""
    told = list(_REPORTING.finditer(text, clause.start, trigger.start))
    return told[-1].end() if told else clause.start


_RELAYED = frozenset({"displacement"})  # types whose figures a speaker only relays ('IOM said 40,000 fled')
_BACK_POINTING_SUBJECT = re.compile(r"^\W*(?:that\s+)?(?:it|they|we|he|she|its|their|our|his|her)\b", re.IGNORECASE)


def _speaker_end(text: str, clause: Clause, trigger) -> int:
    """'IOM said 40,000 people had fled': where the speaker's part of the clause ends, when the
    reported words have a subject of their own (not 'the army said it killed'); the speaker only
    told the event. ``clause.start`` when there is no such speaker."""
    if trigger.kind != "verb":
        return clause.start
    told = list(_REPORTING.finditer(text, clause.start, trigger.start))
    if not told:
        return clause.start
    reported = text[told[-1].end():trigger.start]
    if not reported.strip(" ,") or _BACK_POINTING_SUBJECT.match(reported):
        return clause.start
    return told[-1].end()


def _within(mention: Mention, phrase: Phrase | None) -> bool:
    return phrase is not None and phrase.start <= mention.start and mention.end <= phrase.end


def _take_target(event: EventMention, mention: Mention, heads: bool = False) -> None:
    """A name in the phrase that undergoes the event: a target (a person also among people); a
    place is where it happened, and a target too when it heads the phrase ('shelled Juba', not
    'the Bogota offices of the paper')."""
    if mention.kind == "person":
        _add(event.people, mention.name)
    if mention.kind == "place" and not lexicon.conflict_parties().get(mention.name):
        event.location = event.location or mention.name
        if not heads:
            return
    _add(event.targets, mention.name)
    if mention.kind == "person" and event.type not in _VIOLENT:  # 'urged Putin to withdraw': his state is urged too
        _add(event.targets, mention.state)


def _heads(text: str, mention: Mention, phrase: Phrase, trigger_start: int) -> bool:
    """The name ends the phrase and no preposition comes before it there: 'the city of Juba' is
    headed by the place, 'the Medellin mayor' is not; nor is a subject after a preposition ('a
    president in Central America was killed': the phrase before the verb is no subject)."""
    before = _SETTLEMENT_OF.sub(" ", text[phrase.start:mention.start]).lower().split()
    preceding = WORD_BEFORE.search(text, max(0, phrase.start - 30), phrase.start)
    after_preposition = phrase.end <= trigger_start and preceding is not None and preceding.group(1).lower() in PREPOSITIONS
    return _within(mention, phrase) and not text[mention.end:phrase.end].strip(" .,;'\"") and \
        not any(w in PREPOSITIONS for w in before) and not after_preposition


_SETTLEMENT_OF = re.compile(r"\b(?:city|town|village|province|region|capital|port|district)\s+of\s*$", re.IGNORECASE)


_NOTE = re.compile(r"\s*\[[^\]]*\]\s*")
_DESCRIBED = frozenset({"violence"})
_DESCRIBED_TYPES = frozenset({"arrest", "release", "coercion", "threat"})


def _describe_target(state: DocState, event: EventMention, patient: Phrase | None, window: list[Mention]) -> None:
    """Victims and property no lexicon names ('about 50 peasants', 'a car dealership') are targets
    by their own words (violence, arrests, releases, threats)."""
    if patient is None or any(_within(m, patient) and not _qualifying_state(state.text, m, patient) for m in window):
        return
    if event.type == "accusation":  # 'attributed to the drug mafias': the group blamed, by its words (read on
        words = state.text[patient.start:max(patient.end, event.clause.end)]  # past a gerund: 'drug trafficking rings')
        _add(event.targets, described_group(words, len(patient.text)))
        return
    if event_types()[event.type].kind not in _DESCRIBED and event.type not in _DESCRIBED_TYPES:
        return
    _target_in_own_words(event, patient)


def _qualifying_state(text: str, mention: Mention, phrase: Phrase) -> bool:
    """'two Salvadoran reporters', 'the U.S. embassy facilities': a state told by its adjective
    or name before the noun only qualifies the victims, who are still described by the phrase."""
    return mention.kind == "actor" and mention.name == mention.state and bool(text[mention.end:phrase.end].strip(" .,;'\""))


def _describe_recipient(event: EventMention, recipient: Phrase, window: list[Mention]) -> None:
    """'aid to refugees', 'rejected an appeal from the teachers' union': whom a directed act is
    aimed at, by its own words where no name stands in the phrase."""
    if not any(_within(m, recipient) for m in window):
        _target_in_own_words(event, recipient)


def _target_in_own_words(event: EventMention, phrase: Phrase) -> None:
    """A phrase no name stands in, as a target in its own words (a bracketed note left out), when
    those words run to 3-80 characters: no stray letters, no long stretch of the clause."""
    words = " ".join(_NOTE.sub(" ", phrase.text).split())
    if 2 < len(words) <= 80:
        _add(event.targets, words)


def _take(text: str, event: EventMention, mention: Mention) -> None:
    """Decide whether one name is an actor, a person, the place, or several of these."""
    before = text[max(0, mention.start - 20):mention.start]
    if mention.kind == "person":
        _add(event.people, mention.name)
        _add(event.actors, mention.state)
        return
    is_place = mention.name in lexicon.coordinates() or mention.kind == "place"
    if event.type == "visit" and _DESTINATION.search(before):
        event.location = event.location or mention.name
        return
    if mention.kind == "actor":
        where = is_place and _LOCATIVE.search(before)
        if where and event.location is None:
            event.location = mention.name
        if not (where and event.type in _VIOLENT | _MEASURES):  # 'was kidnapped in Guatemala': where, not by whom
            _add(event.actors, mention.name)
        return
    capital_of = lexicon.names().get(mention.name.lower())
    if capital_of and capital_of.capital_of and not _LOCATIVE.search(before) and not _DESTINATION.search(before):
        _add(event.actors, capital_of.capital_of)
        return
    if event.location is None:
        event.location = mention.name
    if root(event.type) == "attack" and _TARGET.search(before) and mention.name in lexicon.conflict_parties():
        _add(event.actors, mention.name)


def _add(items: list[str], *names: str | None) -> None:
    for name in names:
        if name and name not in items:
            items.append(name)


def _relative_clause_names(state: DocState, clause: Clause) -> list[Mention]:
    """Names in a following 'which/who' clause that holds no event of its own."""
    following = clauses_after(state, clause)
    if not following or following[0].lead not in ("which", "who"):
        return []
    nxt = following[0]
    if events_of(state, nxt):
        return []
    return [m for m in mentions_in(state, nxt.start, nxt.end) if m.kind in ("person", "actor")]


def _has_subject(state: DocState, clause: Clause, event: EventMention) -> bool:
    first = min(t.start for t in [event.trigger, *event.others])
    return any(m.kind in ("person", "actor") for m in mentions_in(state, clause.start, first))


_APPOSITION_GAP = re.compile(r"[\s,]*(?:(?:the|a)\s+)?")


def _pronoun_state(state: DocState, clause: Clause, person: Mention | None) -> str | None:
    """The state 'he' or 'she' acts for: the last person's, else that of a state's official told since
    the last person was named, in this sentence or the one before ('The defence minister visited the
    wounded. He promised ...', "Kenya's interior minister, X, said that she ..."): no lexicon names
    every minister, the office tells his state."""
    if person is not None and person.state:
        return person.state
    first = state.sentences[max(0, clause.sentence - 1)][0]
    since = max(first, person.start if person is not None else first)
    told = [m for m in mentions_in(state, since, clause.start) if m.end <= clause.start]
    if person is not None:  # an official in apposition to the name: "Kenya's interior minister, X,"
        told += [m for m in mentions_in(state, max(first, person.start - 60), person.start)
                 if _APPOSITION_GAP.fullmatch(state.text, m.end, person.start) or officials.office_state(state.text, m)]
    offices = [s for s in (officials.office_state(state.text, m) for m in told) if s]
    return offices[-1] if offices and len(set(offices)) == 1 else None


def _inherit_subject(state: DocState, index: int, event: EventMention) -> None:
    """A clause without a subject takes it from a pronoun's antecedent or the clause it continues."""
    text, clause = state.text, event.clause
    head = text[clause.start:min(t.start for t in [event.trigger, *event.others])]
    if _PERSON_PRONOUN.search(head):
        person = last_person(state, clause.start)
        if person is not None:
            _add(event.people, person.name)
        _add(event.actors, _pronoun_state(state, clause, person))
        return
    told_last = group_told_last(state, clause, head, event.type in _VIOLENT)
    if told_last is not None:  # 'when they attacked the barracks', 'the group denied it': the armed group told last
        _add(event.actors, told_last)
        return
    if _GROUP_PRONOUN.search(head):
        _add(event.actors, *pronoun_parties(state, index))
        return
    if clause.lead in ("who", "which") and not passive(text, clause, event.trigger):
        for mention in antecedent(state, clause, event.type in _VIOLENT):  # 'the MPL, which claimed the attack'
            _take(text, event, mention)
        return
    reporter = _reporter(state, clause) if _continues_telling(text, clause, event) else None
    if reporter is not None:  # 'the front said the raid avenged a commander and warned ...': the front warned
        _add(event.actors, *reporter)
        return
    controlled = _gerund_adverbial(text, clause, event)
    if not controlled and (clause.lead in _SUBORDINATE or event.type not in _VIOLENT and _people_subject().search(head)):
        return  # 'the agency says 5,000 residents had fled': the clause's own subject, not the speaker
    for mention in _sentence_subject(state, clause, controlled):
        _take(text, event, mention)


_COORDINATING = frozenset({"and", "and then", "but"})
_SPEAKER_WORDS = 8  # words at most before a sentence's reporting verb: its subject, not a clause of its own


def _continues_telling(text: str, clause: Clause, event: EventMention) -> bool:
    """A speech act ('warned', 'called on', 'denied') with no subject of its own in a clause
    coordinated after the words a reporting verb opened: it continues the telling, not the
    reported clause ('it said the raid avenged a commander and warned that ...': it warned)."""
    return (clause.lead in _COORDINATING and event_types()[event.type].kind == "speech"
            and _NO_SUBJECT.fullmatch(text, clause.start + len(clause.lead), event.trigger.start) is not None)


_NO_SUBJECT = re.compile(r"\s*(?:(?:also|then|later|\w+ly)\s+)*", re.IGNORECASE)  # 'and also warned', not 'but Yaounde denied'


def _reporter(state: DocState, clause: Clause) -> list[str] | None:
    """The parties of the subject of the reporting verb that opens the clause's sentence, when
    the reported words run up to the clause ('It said the raid avenged a commander, and warned'):
    named before the verb, or the party 'it' or 'they' stands for; None when the sentence opens on
    no such telling."""
    start = state.sentences[clause.sentence][0]
    told = _REPORTING.search(state.text, start, clause.start)
    if told is None or len(state.text[start:told.start()].split()) > _SPEAKER_WORDS:
        return None
    if any(e.trigger.start < told.start() for c in sentence_clauses(state, clause.sentence) for e in events_of(state, c)):
        return None  # 'rebels attacked a post, police said, and warned ...': the telling is not first
    named = [m.name for m in mentions_in(state, start, told.start()) if m.kind == "actor"]
    if named:
        return named
    if _GROUP_PRONOUN.match(state.text[start:told.start()]):
        party = party_told_last(state, clause)
        return [party] if party else None
    return None
# connectives that open a clause of time on a bare gerund, whose unstated subject is the clause's
# before it ('rebels seized the port before withdrawing', 'closed the border after accusing them of ...')
_GERUND_LEADS = frozenset({"after", "before", "while", "since", "when", "once", "until"})


def _gerund_adverbial(text: str, clause: Clause, event: EventMention) -> bool:
    """Whether the event's trigger is the gerund right after its clause's time connective."""
    trigger = event.trigger
    word = text[trigger.start:trigger.end].split()[0].lower()
    return (clause.lead in _GERUND_LEADS and word.endswith("ing") and word != "being"
            and text[clause.start + len(clause.lead):trigger.start].strip() == "")


@cache
def _people_subject() -> re.Pattern:
    """The people a clause is about as its own subject (groups.yaml displaced_people)."""
    return re.compile(r"\b(?:%s)\b" % lexicon.alternation(lexicon.load("groups")["displaced_people"]), re.IGNORECASE)


@cache
def _backer_aside() -> re.Pattern:
    return re.compile(lexicon.load("text")["backer_aside"], re.IGNORECASE)


def _sentence_subject(state: DocState, clause: Clause, controlled: bool = False) -> list[Mention]:
    """The subject of the nearest earlier main clause of the sentence (names before its trigger);
    a coordinated clause continues the clause right before it, even a subordinate one ('police
    said that rebels attacked a post and burned a bus': the rebels burned it); so does a ``controlled``
    gerund, whose subject is that of the act told right before it (a clause right before with no act
    gives none: 'he spent the night in a cell before facing a judge')."""
    earlier = clauses_before(state, clause)
    continued = controlled or clause.lead in _COORDINATING
    for previous in reversed(earlier):
        if previous.lead in _SUBORDINATE and not (continued and previous is earlier[-1]):
            continue
        event = next(iter(events_of(state, previous)), None)
        if controlled and event is None and previous is earlier[-1]:
            return []
        if event is None and _backer_aside().match(state.text, previous.start, previous.end):
            continue  # 'M23 rebels, backed by Rwanda, seized Goma': the backer did not seize it
        stop = event.trigger.start if event else previous.end
        subject = [m for m in mentions_in(state, previous.start, stop) if m.kind in ("person", "actor")]
        if subject:
            return subject
        if _PERSON_PRONOUN.match(state.text, previous.start):  # "he described ... and urged ..."
            person = last_person(state, previous.start)
            return [person] if person else []
    return []


def _speaker(state: DocState, event: EventMention) -> list[Mention]:
    """For words inside quotation marks, the person or party the sentence says spoke them."""
    start, end = state.sentences[event.clause.sentence]
    quote = next(((a, b) for a, b in quoted_spans(state.text, start, end) if a < event.trigger.start < b), None)
    if quote is None:
        return []
    after = [m for m in mentions_in(state, quote[1], end) if m.kind in ("person", "actor")]
    if after and (_SAID.match(state.text, after[0].end) or _SAID_BEFORE.search(state.text, quote[1], after[0].start)):
        return after[:1]
    person = last_person(state, start) if _PRONOUN_SAID.match(state.text, quote[1]) else None
    return [person] if person else []


def _sides_before(state: DocState, clause: Clause, event: EventMention) -> bool:
    """Whether 'the two sides' comes before the trigger: the sides act ('the two sides agreed'),
    they are not whom another party's act is aimed at ('urged both sides')."""
    found = both_sides().search(state.text, clause.start, clause.end)
    return found is not None and found.start() < event.trigger.start
