"""Who did what to whom: the agent and the patient phrase of an event, from word order and voice.

Active verb: the subject before it acts, its object (or, for violence, what follows 'against',
'on' or 'at') undergoes it. Passive verb ('was kidnapped by'): the subject undergoes it, 'by ...'
acts. Nominal ('the FMLN attack on the bridge', 'the kidnapping of two engineers by rebels'): a
name before it or 'by ...' acts, 'on'/'against' (and 'of' for violence and arrests) undergoes it;
a nominal that a support verb carries ('rebels carried out an attack') takes that verb's subject.
Types whose parties act together (a clash, a meeting, talks) have no patient: 'with ...' acts too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from ..taxonomy import event_types
from . import lexicon
from .phrases import (AUXILIARIES, DETERMINERS, PREPOSITIONS, QUANTIFIERS, WEEKDAYS, Phrase, after_gerund, after_word, base_verb, describes,
                      end_before, is_past, parts_of_speech, phrase_after, phrase_before, verb_form)
from .state import Clause, Trigger
from .lemmas import loot_pattern
from .triggers import instrument_rules

JOINT = frozenset({"armed_clash", "meeting", "negotiation", "agreement", "summit", "ceasefire", "cooperation",
                   "military_exercise"})
SOUGHT = JOINT - {"armed_clash"}  # joint acts one party seeks out with another ('met X', 'hosted X'); not fighting
ATTRIBUTIONS = frozenset({"accusation"})  # passive: what follows 'to'/'on' is the party blamed
# 'the murder is attributed to the MRTA', 'was blamed on the cartel'; without it the subject is
# the party accused ('the minister has been indicted by the court')
_NOT_A_WEEKDAY = rf"(?!{WEEKDAYS}\b)"  # 'on Monday' is when
_BLAMED_ON = re.compile(rf"\s+(?:to|on)\s+{_NOT_A_WEEKDAY}", re.IGNORECASE)
_BLAMED_X_ON = re.compile(rf"\s+(?:[\w'\"-]+\s+){{1,6}}?on\s+{_NOT_A_WEEKDAY}(?=\S)", re.IGNORECASE)  # 'blamed the attack on the cartel'
_BLAME_BEFORE = re.compile(r"\bblam(?:e|es|ed|ing)\s+(?:[\w'-]+\s+){0,3}$", re.IGNORECASE)
PLACES = frozenset({"visit"})  # types whose object is a destination
_UNDERGONE_OF = frozenset({"violence"})  # 'the murder of X': X undergoes it
_OF_TYPES = frozenset({"arrest", "release", "coercion"})
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got|gets|getting)\s+"
                      r"(?:(?:\w+ly|not|also|later|then|all|both|just|still|already|again|never)\s+){0,2}$", re.IGNORECASE)
_SUPPORT_VERB = re.compile(r"\b(?:carried out|conducted|launched|staged|perpetrated|committed|mounted|made|"
                           r"claimed|executed)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
# a violent word in -ing right after a preposition is a gerund ('accused them of killing the mayor',
# 'after bombing a bridge'): it takes an object as its verb does, where 'the killing of X' takes 'of'
_GERUND_AFTER = re.compile(r"\b(?:of|for|in|by|with|after|before|while|without|from)\s+[\"“']?$", re.IGNORECASE)
_NOT_AN_OBJECT = frozenset({"that", "which", "who", "and", "or", "but", "as"})  # 'shooting that lasted'
_PARTICLES = re.compile(r"\s+(?:up|down|off|out|away|fire\s+(?:on|at)|to\s+death)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Roles:
    """The phrase that acts and the phrase that undergoes the event (either may be missing)."""

    agent: Phrase | None = None
    patient: Phrase | None = None
    partner: Phrase | None = None  # 'with ...' for events parties do together
    co_patients: tuple[Phrase, ...] = ()  # 'X, a farmer, and Y were killed': Y
    recipients: tuple[Phrase, ...] = ()  # 'a protest with Albania', 'aid to Pakistan': whom it is aimed at

    @property
    def patients(self) -> tuple[Phrase, ...]:
        return ((self.patient,) if self.patient is not None else ()) + self.co_patients


_RECEIVED = re.compile(r"(?:receiv|got\b|gett)", re.IGNORECASE)
_PROGRESSIVE = re.compile(r"\w+ing\b", re.IGNORECASE)
_BE_FIRST = re.compile(r"(?:was|were|been|being|is|are|be)\s", re.IGNORECASE)


def passive(text: str, clause: Clause, trigger: Trigger) -> bool:
    """'were kidnapped', 'have been killed', and triggers that hold the auxiliary ('were hit by')."""
    if trigger.kind != "verb" or _PROGRESSIVE.match(text, trigger.start, trigger.end):
        return False  # 'is refusing' is active
    start = min(clause.start, clause.evidence[0]) if clause.evidence else clause.start  # a cut-off reaction's words
    return (_BE_FIRST.match(text, trigger.start) is not None
            or _PASSIVE.search(text, max(start, trigger.start - 40), trigger.start) is not None)


def _kind(event_type: str) -> str:
    return event_types()[event_type].kind


def _object(text: str, position: int, end: int, event_type: str) -> Phrase | None:
    """What a verb ending at ``position`` acts on: for violence a target after 'against'/'on'/'at'
    wins over the instrument it may take as object ('hurled two grenades at the station'), not over
    a plain object ('ambushed a patrol at dawn': the patrol)."""
    particle = _PARTICLES.match(text, position, end)
    position = particle.end() if particle else position
    direct = phrase_after(text, position, end)
    if event_type == "robbery" and direct is not None and _loot().match(direct.text):
        return after_word(text, position, min(end, position + 80), ("from",)) or _entered(text, position)
    if _kind(event_type) == "violence" and (direct is None or _instrument(direct.text)):
        target = after_word(text, position, min(end, position + 80), ("against", "on", "at"))
        if target is not None:
            return target
    return direct


def _instrument(words: str) -> bool:
    """'two bombs', 'rockets', 'tear gas': a weapon or what is fired (lexicons/instruments.yaml), not
    what the violence is done to."""
    return _projectile().match(words) is not None or any(pattern.search(words) for _, pattern in instrument_rules())


@cache
def _loot() -> re.Pattern:
    """What a robbery takes ('all the cash', 'large quantities of medicine'): the loot, not the victim."""
    return re.compile(rf"(?:[\w'.-]+\s+){{0,3}}?{loot_pattern()}", re.IGNORECASE)


def _entered(text: str, position: int) -> Phrase | None:
    """'broke into the clinic and took the cash': the place entered just before a taking whose
    object is loot is what was robbed (``lemmas.yaml`` ``loot`` ``entered``)."""
    words = lexicon.load("lemmas")["loot"]["entered"]
    found = None  # the last 'broke into' before the taking: the nearest place entered
    for found in re.finditer(rf"\b(?:{words})\s+", text[max(0, position - 150):position], re.IGNORECASE):
        continue
    if found is None:
        return None
    start = max(0, position - 150) + found.end()
    joined = re.search(r",?\s+and\s+(?:also\s+|then\s+)?\S+(?:\s+(?:away|off))?\s*$", text[start:position], re.IGNORECASE)
    return phrase_after(text, start, start + joined.start()) if joined else None


@cache
def _projectile() -> re.Pattern:
    """What is fired or thrown ('tear gas', 'warning shots'), after any number or determiner."""
    words = lexicon.words(lexicon.load("instruments")["projectiles"]["pattern"])
    return re.compile(rf"(?:[\w-]+\s+){{0,3}}?(?:{words})\b", re.IGNORECASE)


def _verb_roles(text: str, clause: Clause, trigger: Trigger, event_type: str) -> Roles:
    start, end = clause.start, clause.end
    first = _first_conjunct(text, trigger, event_type)
    if first is not None or passive(text, clause, trigger):
        by_inside = text[trigger.start:trigger.end].lower().endswith(" by")
        agent = phrase_after(text, trigger.end, end) if by_inside else after_word(text, trigger.end, end, ("by",))
        if event_type in ATTRIBUTIONS and _BLAMED_ON.match(text, trigger.end, end):
            return Roles(agent=agent, patient=after_word(text, trigger.end, end, ("to", "on")))  # the MRTA is blamed
        subject = phrase_before(text, trigger.start, start)
        if subject is None and first is not None:
            subject = phrase_before(text, first.start(), _sentence_start(text, first.start()))
        return Roles(agent=agent or _shared_agent(text, trigger, event_type), patient=subject)
    subject = phrase_before(text, trigger.start, start) or _catenative_subject(text, trigger.start, start)
    if event_type in ATTRIBUTIONS and _BLAMED_ON.match(text, trigger.end, end):  # 'an action attributed to the mafias'
        return Roles(agent=subject, patient=after_word(text, trigger.end, end, ("to", "on")))
    if _RECEIVED.match(text, trigger.start):  # 'received death threats from the squads': the squads threaten
        return Roles(agent=after_word(text, trigger.end, end, ("from", "by")), patient=subject)
    if event_type in JOINT:
        return Roles(agent=subject, partner=after_word(text, trigger.end, end, ("with", "between")))
    blamed = _blamed_on(text, trigger) if event_type in ATTRIBUTIONS else None
    return Roles(agent=subject, patient=blamed or _object(text, trigger.end, end, event_type)
                 or _shared_object(text, trigger, event_type))


# Acts 'and' joins share what is told once for both (right-node raising): the object or agent after
# the second verb ('kidnapped and later murdered the mayor', 'was kidnapped and murdered by armed
# men'), the passive subject before the first ('the mayor was kidnapped and murdered'), the 'of'
# complement after the second noun ('the kidnapping and murder of the mayor').
_JOINED_ADVERB = r"(?:(?:later|then|subsequently|afterwards|also|\w+ly)\s+)?"
_AND_VERB = re.compile(rf"\s*,?\s+and\s+{_JOINED_ADVERB}(?P<verb>[A-Za-z]+)\b", re.IGNORECASE)
_VERB_AND = re.compile(rf"\b(?:was|were|been|being)\s+(?:\w+ly\s+)?(?P<verb>[A-Za-z]+)\s*,?\s+and\s+{_JOINED_ADVERB}$",
                       re.IGNORECASE)
_AND_NOUN = re.compile(r"\s+and\s+(?:(?:the|its|their|his|her|subsequent|later)\s+)?[\w-]+(?=\s+of\s)", re.IGNORECASE)
_BY_NEXT = re.compile(r"\s+(?:\w+ly\s+)?by\s+", re.IGNORECASE)
_JOIN_REACH = 120  # characters after the joined word that may still tell its object or agent
_SENTENCE_END = re.compile(r"[.;:]\s")


def _shares(event_type: str) -> bool:
    """Violence and arrests: the acts told joined to another act of what befell the same people."""
    return _kind(event_type) == "violence" or event_type == "arrest"


def _joined_verb(text: str, trigger: Trigger, event_type: str) -> int | None:
    """Where the past verb that 'and' joins right after the trigger ends ('kidnapped and murdered')."""
    found = _AND_VERB.match(text, trigger.end) if _shares(event_type) and trigger.kind == "verb" else None
    if found is None or found.group("verb").lower() in AUXILIARIES or not is_past(found.group("verb")):
        return None
    return found.end()


def _shared_object(text: str, trigger: Trigger, event_type: str) -> Phrase | None:
    """'kidnapped and later murdered the mayor': the object of the verb joined after it is its own too."""
    position = _joined_verb(text, trigger, event_type)
    return None if position is None else _object(text, position, min(len(text), position + _JOIN_REACH), event_type)


def _shared_agent(text: str, trigger: Trigger, event_type: str) -> Phrase | None:
    """'was kidnapped and murdered by armed men': the agent of the passive verb joined after it did both."""
    position = _joined_verb(text, trigger, event_type)
    by = _BY_NEXT.match(text, position) if position is not None else None
    return None if by is None else phrase_after(text, by.end(), min(len(text), by.end() + _JOIN_REACH))


def _first_conjunct(text: str, trigger: Trigger, event_type: str) -> re.Match | None:
    """'the mayor was kidnapped and | murdered': the passive verb 'and' joins the trigger to, whose
    subject underwent both, though the clause of the second verb opens on 'and'."""
    if not _shares(event_type) or trigger.kind != "verb":
        return None
    found = _VERB_AND.search(text, max(0, trigger.start - 80), trigger.start)
    return found if found is not None and is_past(found.group("verb")) else None


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding ``position`` opens, looked for at most 300 characters back."""
    ends = list(_SENTENCE_END.finditer(text, max(0, position - 300), position))
    return ends[-1].end() if ends else max(0, position - 300)


def _shared_complement(text: str, trigger: Trigger, end: int, event_type: str) -> Phrase | None:
    """'the kidnapping and murder of the mayor': the 'of' after the noun joined to it names who underwent both."""
    joined = _AND_NOUN.match(text, trigger.end, end) if _shares(event_type) else None
    return None if joined is None else after_word(text, joined.end(), end, ("of",))


_CATENATIVE = re.compile(r"\b([A-Za-z]+)\s+to\s+$", re.IGNORECASE)


def _catenative_subject(text: str, position: int, start: int) -> Phrase | None:
    """'the terrorists attempted to take him hostage', 'rebels tried to kill': the subject of the
    verb whose 'to' the event's verb follows (a past form, by lemminflect) does it too."""
    found = _CATENATIVE.search(text, max(start, position - 30), position)
    if found is None or not is_past(found.group(1)):
        return None
    return phrase_before(text, found.start(1), start)


def _blamed_on(text: str, trigger: Trigger) -> Phrase | None:
    """'the authorities blamed the attack on the cartel': the party after 'on' is blamed, though a
    reaction's clause ends at the violence it names."""
    if not text[trigger.start:trigger.end].lower().startswith("blam"):
        return None
    reach = min(len(text), trigger.end + 160)  # within the sentence: never a scan to the text's end
    stop = min((i for i in (text.find(".", trigger.end, reach), text.find(";", trigger.end, reach)) if i >= 0),
               default=reach)
    found = _BLAMED_X_ON.match(text, trigger.end, min(stop, trigger.end + 120))
    return phrase_after(text, found.end() - 1, stop) if found else None


_OWN_ACT = re.compile(r"\b([A-Za-z]+)(?:[\s-]+(?:up|out|off|on))?\s+(?:their|its)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _owner_of_the_act(text: str, position: int, start: int) -> Phrase | None:
    """'the rebels increased their sabotage against the power grid': a nominal after 'their' or
    'its' that a verb takes is the act of that verb's subject."""
    found = _OWN_ACT.search(text, max(start, position - 60), position)
    if found is None or not verb_form(found.group(1)):
        return None
    return phrase_before(text, found.start(1), start)


def _noun_roles(text: str, clause: Clause, trigger: Trigger, event_type: str) -> Roles:
    start, end = clause.start, clause.end
    agent = after_word(text, trigger.end, min(end, trigger.end + 40), ("by",))
    if agent is None:
        modifier = phrase_before(text, trigger.start, start)
        agent = modifier if modifier is not None and modifier.end >= trigger.start - 3 and not describes(modifier) else None
    if agent is None:
        support = _SUPPORT_VERB.search(text, max(start, trigger.start - 60), trigger.start)
        agent = phrase_before(text, support.start(), start) if support else None
    if agent is None:
        agent = _owner_of_the_act(text, trigger.start, start)
    if event_type in JOINT:
        return Roles(agent=agent, partner=after_word(text, trigger.end, min(end, trigger.end + 20), ("with", "between")))
    words = ("on", "against", "of") if _kind(event_type) in _UNDERGONE_OF or event_type in _OF_TYPES else ("on", "against")
    if _BLAME_BEFORE.search(text, max(0, trigger.start - 40), trigger.start):
        words = tuple(w for w in words if w != "on")  # 'blamed the attack on the cartel': the cartel is blamed
    nearby = re.match(r"\s+(?:%s)\b" % "|".join(words), text[trigger.end:end], re.IGNORECASE)
    patient = after_word(text, trigger.end, end, words) if nearby else (
        _gerund_object(text, trigger, end, event_type) or _shared_complement(text, trigger, end, event_type))
    if patient is None and _possessor_undergoes(agent, trigger, event_type) and not _modifies_a_noun(text, trigger.end, end):
        return Roles(patient=_without_possessive(agent))  # 'Ana Marquez's murder': she was killed
    return Roles(agent=agent, patient=patient or _came_through(text, trigger, start, event_type))


@cache
def _possessor_rule() -> dict:
    return lexicon.load("recipients")["possessor_undergoes"]


_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$", re.IGNORECASE)


def _possessor_undergoes(agent: Phrase | None, trigger: Trigger, event_type: str) -> bool:
    """'after Ana Marquez's murder': the possessive right before an act one undergoes names who
    underwent it, not who did it (a time told so, 'Monday's killing', is when)."""
    if agent is None or agent.end != trigger.start - 1 or not _POSSESSIVE.search(agent.text):
        return False
    rule = _possessor_rule()
    last = re.sub(r"['’]s?$", "", agent.text.split()[-1].lower())
    return event_type in rule["types"] and last not in rule["times"]


def _without_possessive(phrase: Phrase) -> Phrase:
    """The possessor's own words, without its 's, from after the last 'of' ('in the wake of the
    judge's murder': the possessive binds to the nearest noun phrase, the judge)."""
    cut = len(phrase.text) - len(re.search(r"['’]s?$", phrase.text, re.IGNORECASE).group(0))
    last_of = list(re.finditer(r"\bof\s+(?:the\s+|a\s+|an\s+)?", phrase.text[:cut], re.IGNORECASE))
    begin = last_of[-1].end() if last_of else 0
    return Phrase(phrase.start + begin, phrase.start + cut, phrase.text[begin:cut])


_NEXT = re.compile(r"\s+([A-Za-z-]+)")


def _modifies_a_noun(text: str, position: int, end: int) -> bool:
    """'the cartel's assassination threats': the act word qualifies a noun after it (the threats
    are the cartel's), so the possessor is no one who underwent an act."""
    following = _NEXT.match(text, position, end)
    return following is not None and parts_of_speech(following.group(1)) == {"NOUN"}


def _gerund_object(text: str, trigger: Trigger, end: int, event_type: str) -> Phrase | None:
    """'of killing the mayor', 'for kidnapping two engineers': a violent gerund's object undergoes
    it, as the verb's would; a nominal with no 'of' after it ('the killing') has none."""
    if _kind(event_type) != "violence" or not text[trigger.start:trigger.end].lower().endswith("ing"):
        return None
    if _GERUND_AFTER.search(text, max(0, trigger.start - 12), trigger.start) is None:
        return None
    following = re.match(r"\s+([\w'-]+)", text[trigger.end:end])
    word = following.group(1).lower() if following else ""
    if not word or word in PREPOSITIONS or word in AUXILIARIES or word in _NOT_AN_OBJECT or is_past(word):
        return None
    return _object(text, trigger.end, end, event_type)


_CAME_THROUGH = re.compile(r"\b(?:surviv(?:ed|es|ing)|escap(?:ed|es|ing))\s+(?:\w+ly\s+|unhurt\s+|unharmed\s+|unscathed\s+|"
                           r"uninjured\s+|alive\s+|without injury\s+)?(?:from\s+)?(?P<gap>(?:[\w'-]+\s+){0,3})$", re.IGNORECASE)


def _came_through(text: str, trigger: Trigger, start: int, event_type: str) -> Phrase | None:
    """'the judge survived an assassination attempt', 'escaped unhurt from an ambush': whoever came
    through a violent incident is the one it was aimed at."""
    if _kind(event_type) != "violence":
        return None
    found = _CAME_THROUGH.search(text, max(start, trigger.start - 60), trigger.start)
    if found is None or PREPOSITIONS.intersection(found.group("gap").lower().split()):
        return None  # 'the gunmen escaped after the attack': they fled it, nobody came through it
    return phrase_before(text, found.start(), start)


def roles_of(text: str, clause: Clause, trigger: Trigger, event_type: str) -> Roles:
    """The agent, patient, partner and recipient phrases of an event mention within its clause
    (a visit's object is where it went, not whom it was done to)."""
    if event_type in PLACES:
        return Roles(agent=phrase_before(text, trigger.start, clause.start))
    if trigger.kind == "verb":
        found = _verb_roles(text, clause, trigger, event_type)
    else:
        found = _noun_roles(text, clause, trigger, event_type)
    aimed_at = recipients(text, clause, trigger, event_type)
    return replace(found, recipients=aimed_at) if aimed_at else found  # most types have none: no copy


@cache
def _recipient_rules() -> dict[str, dict]:
    return {rule["type"]: rule for rule in lexicon.load("recipients")["recipients"]}


@cache
def _marker(words: tuple[str, ...]) -> re.Pattern:
    """The prepositions that name a recipient, as one pattern."""
    return re.compile(r"\b(?:%s)\s+" % "|".join(re.escape(w) for w in words), re.IGNORECASE)


_NEXT_WORD = re.compile(r"[\w'-]+")


def _infinitive(text: str, marker: re.Match) -> bool:
    """'to leave', 'to support the plan': 'to' before a verb's base form opens an infinitive, not
    a recipient ('to Pakistan', 'to rebels', 'to war-torn Mozambique')."""
    if marker.group().strip().lower() != "to":
        return False
    word = _NEXT_WORD.match(text, marker.end())
    named = word is not None and word.group()[:1].isupper() and not word.group().isupper()  # in capitals: no clue
    return word is not None and not named and base_verb(word.group())


_JOINED = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.IGNORECASE)


def _with_joined(text: str, phrase: Phrase | None, end: int) -> Phrase | None:
    """The phrase and those joined to it by commas, 'and' or 'or' ('aid for Romania and
    Poland', 'to Iran, Libya, North Korea')."""
    for _ in range(8):
        joint = _JOINED.match(text, phrase.end, end) if phrase is not None else None
        following = phrase_after(text, joint.end(), end) if joint else None
        if following is None:
            break
        phrase = Phrase(phrase.start, following.end, text[phrase.start:following.end])
    return phrase


_THAT = re.compile(r"\s*,?\s*that\s+", re.IGNORECASE)
_NOMINAL_REACH = 30  # 'sanctions against Nigeria', 'the appeal from the president': right after the noun
_THAT_REACH = 150


def recipients(text: str, clause: Clause, trigger: Trigger, event_type: str) -> tuple[Phrase, ...]:
    """Whom a speech act or a directed act is aimed at, by the prepositions its type takes
    (lexicons/recipients.yaml): 'lodged a protest with Albania', 'sent arms to Pakistan',
    'demanded that North Korea forsake ...'."""
    rule = _recipient_rules().get(event_type)
    if rule is None:
        return ()
    reach = clause.end if trigger.kind == "verb" else min(clause.end, trigger.end + _NOMINAL_REACH)
    starts = [m.end() for m in _marker(tuple(rule["after"])).finditer(text, trigger.end, reach)
              if not after_gerund(text, m.start()) and not _infinitive(text, m)]
    if text[trigger.start:trigger.end].lower().split()[-1] in rule["after"]:  # 'called on', 'protested to'
        starts.append(trigger.end)
    found = [_with_joined(text, phrase_after(text, start, clause.end), clause.end) for start in starts]
    that = _THAT.match(text, trigger.end) if rule.get("that") and trigger.kind == "verb" else None
    if that is not None:
        end = min(len(text), that.end() + _THAT_REACH)
        found.append(_with_joined(text, phrase_after(text, that.end(), end), end))
    return tuple(p for p in found if p is not None)


_PRONOUN = re.compile(r"^(?:he|she|him|her)$", re.IGNORECASE)
_INTRANSITIVE = re.compile(r"(?:explod|detonat|blew|blown|went off|go off|goes off|occurr|took place|burst)", re.IGNORECASE)
_AT_PLACE = ("in front of", "outside", "inside", "at", "near", "against", "in")


def pronoun(phrase: Phrase | None) -> bool:
    """'he was shot': the phrase is a personal pronoun, to be read as the person told before."""
    return phrase is not None and _PRONOUN.match(phrase.text) is not None


def place_undergoing(text: str, clause: Clause, trigger: Trigger, event_type: str) -> Phrase | None:
    """'a bomb exploded in a hotel', 'the attack occurred in front of the ministry': with no
    object, the building where an explosion or attack happened is what it was done to."""
    if _kind(event_type) != "violence" or not _INTRANSITIVE.match(text, trigger.start, trigger.end):
        return None
    return after_word(text, trigger.end, clause.end, _AT_PLACE)


def subject_before(text: str, clauses: list[Clause]) -> Phrase | None:
    """The subject a clause without one takes from the sentence before it: 'Two missionaries,
    who had ..., were murdered' (``clauses``: the earlier clauses of the sentence, nearest last)."""
    for clause in reversed(clauses):
        if clause.lead in ("who", "whom", "whose", "which", "that"):
            continue
        return phrase_before(text, clause.end, clause.start)
    return None


_PART = re.compile(r"[^,;]+")
_ADVERBIAL = re.compile(r"\s*(?:in|on|at|during|after|before|since|last|yesterday|today|earlier|later|meanwhile|"
                        r"according to|early|late|this|\d)\b", re.IGNORECASE)  # 'On 5 January,' before a subject
_AND = re.compile(r"\s*and\s+", re.IGNORECASE)
_AGO = re.compile(r"\s*(?:[\w-]+\s+){1,3}ago\s*$", re.IGNORECASE)


def appositive_heads(text: str, start: int, end: int) -> tuple[Phrase, ...]:
    """The people or things a subject split by commas names: 'OQUELI, 45, AND GILDA FLORES, A
    MEMBER OF THE PSD, [were kidnapped]' names Oqueli and Gilda Flores. The first part that is a
    noun phrase is a head, so is a part opened by 'and' or after a semicolon; the other parts
    describe the head before them. Parts before the first head that are no noun phrase ('On 5
    January,') are skipped; a part that is more than one noun phrase ends the list."""
    heads: list[Phrase] = []
    for part in _PART.finditer(text, start, end):
        opener = _AND.match(text, part.start(), part.end())
        begin = opener.end() if opener else part.start()
        before = end_before(text, part.start(), " \t\n")
        after_semicolon = before > 0 and text[before - 1] == ";"
        if heads and not (opener or after_semicolon):
            if len(heads) == 1 and _described(text, start, heads[0]) and _bare_name(text, begin, part.end()):
                heads.append(Phrase(begin, part.end(), text[begin:part.end()].strip()))
            continue  # an apposition: '45', 'a member of the PSD'
        if not heads and _AGO.match(text, begin, part.end()):
            continue  # 'approximately 1 month ago,' before the subject
        found = _coordinated(text, begin, part.end())
        if len(found) > 1 and not _closes_list(text, part.end(), end):
            found = []  # 'his Greek, Cypriot and French counterparts': adjectives, not parties
        if found:
            heads += found
        elif heads or not _ADVERBIAL.match(text, begin, part.end()):
            break  # the list ends where a part is more than noun phrases
    return tuple(heads)


_NAME_WORDS = re.compile(r"\s*(?:[A-Z][\w'.-]*\s+){1,3}[A-Z][\w'.-]*\s*")


def _described(text: str, start: int, head: Phrase) -> bool:
    """'another U.S. citizen', 'the mayor of Abrego': a head told by what it is, not by name."""
    words = text[start:head.end].split()
    return bool(words) and words[0].lower() in DETERMINERS | QUANTIFIERS


def _bare_name(text: str, start: int, end: int) -> bool:
    """'James Arthur Donelley' after 'another U.S. citizen,': two to four capitalised words and
    nothing else (no article, preposition or number), so the apposition is the head's name."""
    words = text[start:end].split()
    return (_NAME_WORDS.fullmatch(text, start, end) is not None
            and not any(w.lower().strip(".,") in DETERMINERS | QUANTIFIERS | PREPOSITIONS | {"and", "or"} for w in words))


_OPENS_APPOSITION = re.compile(r"[,;]\s*(?:and\s+|a\s|an\s|the\s|\d|$)", re.IGNORECASE)


def _closes_list(text: str, position: int, end: int) -> bool:
    """After a part that joins phrases by 'and': the subject ends, or a description, another
    listed party or a number follows ('..., the Patriotic Union', '..., 45,')."""
    return position >= end or text[position:end].strip() == "" or _OPENS_APPOSITION.match(text, position, end) is not None


def _coordinated(text: str, start: int, end: int) -> list[Phrase]:
    """'officials of the party and the coalition': the noun phrases a part joins by 'and', or
    nothing when the part is more than that."""
    phrases, position = [], start
    while position < end:
        head = phrase_after(text, position, end)
        if head is None:
            return []
        phrases.append(head)
        joined = _AND.match(text, head.end, end)
        if joined is None:
            return phrases if re.fullmatch(r"\s*", text[head.end:end]) else []
        position = joined.end()
    return phrases


def is_instrument(phrase: Phrase | None) -> bool:
    """'killed by a bomb': the 'agent' is a weapon (``lexicons/instruments.yaml``)."""
    return phrase is not None and _instrument(phrase.text)
