"""Modality stage: asserted, negated, hypothetical or future, from cues before the trigger."""

from __future__ import annotations

import re
from functools import cache

from ..taxonomy import agrees, of_class
from . import lexicon
from .casing import common_form
from .dating import past_trigger, reporting
from .lemmas import verb_forms
from .lookup import clauses_before, events_of
from .phrases import is_past_form
from .state import DocState, EventMention
from .triggers import DEMAND

# Saying that something should or could happen is itself an act that happened ("X said foreign
# powers should leave"): for these types a modal in the reported words does not make the act unreal.
SPEECH_ACTS = of_class("speech")
_ORDER = ("hypothetical", "future", "negated")
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")


@cache
def cues() -> list[dict]:
    return lexicon.load("modality")["cues"]


@cache
def cue_pattern() -> re.Pattern:
    return lexicon.compile_rules(cues())


def tried(event: EventMention) -> bool:
    """Whether a negated event was still tried by its actors ('a bomb they planted was defused'):
    a cue marked ``attempt`` in lexicons/modality.yaml negated it."""
    return event.modality == "negated" and any(c.get("attempt") and c["name"] in event.cues for c in cues())


def modality_of(text: str) -> tuple[str, list[str]]:
    """The modality that the cue words of ``text`` give, and the names of the cues found."""
    text = _QUOTED.sub(" ", text)
    found = {cues()[int(m.lastgroup[1:])]["name"]: cues()[int(m.lastgroup[1:])]["modality"]
             for m in cue_pattern().finditer(text)}
    for modality in _ORDER:
        if modality in found.values():
            return modality, sorted(found)
    return "asserted", []


# A trigger that opens on its own governor ('to meet', 'will withdraw') leaves that word to the
# words before it, so that 'are expected to meet' and 'agreed to meet' read as what they say (not
# for speech acts: 'will not accept' is a refusal made now).
_OWN_GOVERNOR = re.compile(r"(?:to|will|shall)\s+", re.IGNORECASE)


def _scope(state: DocState, event: EventMention) -> str:
    """Words that can modify the event: its clause up to the trigger (and the governor the trigger
    opens on), plus a fronted conditional."""
    clause = event.clause
    governor = event.type not in SPEECH_ACTS and _OWN_GOVERNOR.match(state.text, event.trigger.start)
    head = state.text[clause.start:governor.end() if governor else event.trigger.start]
    if event.trigger.kind == "noun":
        head += " " + state.text[event.trigger.end:clause.end]
    earlier = clauses_before(state, clause)
    reported = event.type in SPEECH_ACTS and any(
        e.trigger.weight == 0 for c in earlier for e in events_of(state, c))
    if earlier and earlier[-1].lead in ("if", "unless", "whether") and clause.lead in ("", "then") and not reported:
        head = state.text[earlier[-1].start:earlier[-1].start + 10] + " " + head
    return head


_WOULD = re.compile(r"\bwould\b", re.IGNORECASE)


@cache
def _object_negation() -> re.Pattern:
    return re.compile(lexicon.load("modality")["object_negation"]["pattern"], re.IGNORECASE)


def _negated_object(state: DocState, event: EventMention) -> bool:
    """'promised no troops', 'signed no deal': a verb whose object is negated tells no act."""
    return event.trigger.kind == "verb" and _object_negation().match(state.text, event.trigger.end) is not None


def _reported(state: DocState, event: EventMention) -> re.Match | None:
    """Told by a reporting verb earlier in its sentence ('Rwanda announced that it would ...')."""
    sentence_start = state.sentences[event.clause.sentence][0]
    return reporting().search(state.text, sentence_start, event.trigger.start)


REPORTED_FUTURE = "reported-future"  # 'said it would withdraw': to come after a past telling, not after the report


@cache
def _protasis() -> dict:
    """The protasis rule of modality.yaml, read once: every event's modality consults it."""
    return lexicon.load("modality")["protasis"]


PROTASIS = "protasis"


@cache
def _open_question() -> re.Pattern:
    """The verb or adjective of asking or knowing an 'if' clause follows ('to see if'): it is 'whether'."""
    words = set(_protasis()["open_question"]["adjectives"])
    for verb in _protasis()["open_question"]["verbs"]:
        free, base = verb_forms(verb)
        words |= free | base
    return re.compile(rf"\b(?:{lexicon.alternation(sorted(words))})\s*$", re.IGNORECASE)


def is_protasis(state: DocState, event: EventMention) -> bool:
    """Whether the event's clause is the condition another clause rests on ('if the army came back',
    'would not resume until ...'): what a threat or a plan hangs on did not happen (modality.yaml)."""
    lead = event.clause.lead
    if lead in _protasis()["leads"]:
        return _open_question().search(state.text, max(0, event.clause.start - 40), event.clause.start) is None
    earlier = clauses_before(state, event.clause) if lead in _protasis()["bounded"] else []
    return bool(earlier) and modality_of(state.text[earlier[-1].start:earlier[-1].end])[0] != "asserted"


STANDING = "standing-state"


@cache
def _standing() -> tuple[frozenset[str], re.Pattern]:
    """The stance types and their perfect or present governor (modality.yaml), compiled once."""
    entry = lexicon.load("modality")["standing_state"]
    return frozenset(entry["types"]), re.compile(entry["governor"], re.IGNORECASE)


@cache
def _promise_to(caps: bool) -> re.Pattern:
    """'promised to rebuild': the infinitive that makes a pledge a promise made (modality.yaml), compiled
    once per casing: its verb is a lower-case word ('pledged to Ukraine' is no infinitive)."""
    return re.compile(lexicon.load("modality")["standing_state"]["promise_to"], re.IGNORECASE if caps else 0)


def _promise_made(text: str, event: EventMention, caps: bool = False) -> bool:
    """'has vowed to rebuild the bridge': a pledge told by its verb and 'to' is the promise, an act (in
    capitals the verb after 'to' is a dictionary word, not a name: 'PLEDGED TO UKRAINE')."""
    found = _promise_to(caps).match(text, event.trigger.end) if event.type == "pledge" else None
    return found is not None and (not caps or common_form(found.group().split()[-1], caps) is not None)


@cache
def _abstract_object() -> tuple[frozenset[str], re.Pattern]:
    """The stance types and the idea-like object heads that make them a position held, compiled once."""
    entry = lexicon.load("modality")["standing_state"]
    words = entry["abstract_objects"]
    return frozenset(entry["object_types"]), re.compile(rf"\s+(?:[\w'’-]+\s+){{0,4}}?(?:{words})\b", re.IGNORECASE)


def _stance_on_an_idea(state: DocState, event: EventMention) -> bool:
    """'openly backed self-rule for the island': backing or opposing an idea is a position held."""
    types, pattern = _abstract_object()
    return (event.type in types and event.trigger.kind == "verb"
            and pattern.match(state.text, event.trigger.end, event.clause.end) is not None)


def standing_state(state: DocState, event: EventMention) -> bool:
    """'has backed minority rights', 'is recognised by one state', 'backed self-rule': a stance held,
    not an act done (modality.yaml standing_state); a date of its own (checked when scored) or, for
    the perfect, a reporter's attribution in its sentence ('has agreed to talks, an official said':
    a news lead) makes it an act."""
    if _stance_on_an_idea(state, event):
        return True
    types, governor = _standing()
    start, end = state.sentences[event.clause.sentence]
    return (event.type in types and event.trigger.kind == "verb" and not _promise_made(state.text, event, state.caps)
            and governor.search(state.text, max(0, event.trigger.start - 60), event.trigger.start) is not None
            and reporting().search(state.text, start, end) is None)


PROMISED = "promised"  # the cue of an infinitive after a verb of agreeing, promising or offering
PROMISE_MADE = "promise-made"  # 'agreed to hold joint patrols': the agreeing happened, what it governs is to come
PROMISE_TYPE = "pledge"  # an agreement to act (taxonomy.yaml): what a consent told as made is, not a treaty signed


def type_of_record(event: EventMention) -> str:
    """The type an event's record takes: a consent told as made ('agreed to hold joint patrols') is an
    agreement to act, a pledge (PLOVER AGREE), though the stages read it as the two-sided agreement
    it is (its sides, its joins); the rest keep their own."""
    return PROMISE_TYPE if PROMISE_MADE in event.cues else event.type


def _told_as_made(state: DocState, event: EventMention, names: list[str]) -> bool:
    """'The two sides agreed to hold joint patrols', 'offered to mediate': a promise or consent told
    by a finite past verb is an act done by the report (PLOVER codes it AGREE as it happened); only
    what it governs is to come. Not when a cue besides the infinitive makes it unreal ('will agree to',
    'is expected to pledge', 'said it would agree to')."""
    unreal = {c["name"] for c in cues() if c["modality"] != "asserted"} & set(names)
    return (event.modality == "future" and unreal == {PROMISED} and agrees(event.type, "agreement")
            and past_trigger(state.text, event) and not _in_past_perfect(state.text, event))


@cache
def _past_perfect() -> re.Pattern:
    return re.compile(lexicon.load("modality")["promise_made"]["past_perfect"], re.IGNORECASE)


def _in_past_perfect(text: str, event: EventMention) -> bool:
    """'said that the two sides had agreed to ...': a making told before another past moment is
    placed by the ordering stage against the act told before it, which it need not follow; the bound
    by the report (anchoring._done_by_report) is what the text gives for it (modality.yaml, promise_made)."""
    return _past_perfect().search(text, max(0, event.trigger.start - 40), event.trigger.start) is not None


def _as_made(state: DocState, event: EventMention, names: list[str]) -> list[str]:
    """The modality of a promise told as made, asserted, and its cue (its record a pledge: ``type_of_record``)."""
    if not _told_as_made(state, event, names):
        return names
    event.modality = "asserted"
    return names + [PROMISE_MADE]


def assign_modality(state: DocState, options) -> DocState:
    """Stage: modality of every event."""
    for event in state.events:
        if event.trigger.rule.startswith(DEMAND):  # 'they must not send weapons': the demand was made
            event.modality = "asserted"
            continue
        scope, words = _scope(state, event), state.text[event.trigger.start:event.trigger.end]
        reported, backshifted = _reported(state, event), False
        if reported:  # 'announced that it would withdraw': the future of the past
            backshifted = is_past_form(reported.group()) and _WOULD.search(scope + " " + words) is not None
            scope, words = _WOULD.sub("will", scope), _WOULD.sub("will", words)
        event.modality, names = modality_of(scope)
        if event.modality == "asserted" and _negated_object(state, event):
            event.modality, names = "negated", ["object-negation"]
        own, own_names = modality_of(words)
        inside = [c["modality"] for c in cues() if c.get("in_trigger") and c["name"] in own_names]
        if event.modality == "asserted" and inside:  # 'a device was defused': the trigger's own words
            event.modality, names = inside[0], names + own_names
        if own in ("future", "hypothetical") and event.modality != "hypothetical" and event.type not in SPEECH_ACTS:
            event.modality, names = own, names + own_names
        if is_protasis(state, event):
            event.modality, names = "hypothetical", names + [PROTASIS]
        elif standing_state(state, event):
            names = names + [STANDING]
        if backshifted and event.modality == "future":
            names = names + [REPORTED_FUTURE]
        event.cues += _as_made(state, event, names)
    return state
