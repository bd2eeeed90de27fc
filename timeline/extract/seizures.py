"""A verb that takes people as readily as things is a seizure of people when what it takes is a person.

'Gunmen seized a judge', 'they are holding the senator', 'snatched two engineers': 'seize', 'hold',
'pick up' or 'drag' name no event of their own ('seized weapons', 'held a meeting'), so the triggers
never read them; their object decides (``lexicons/seizures.yaml``). A person is a name the names
stage found, a person-denoting head (kinship, trade, office) after a determiner, a number or in the
plural, or a pronoun for people. Who took them decides the type, as for an arrest (``captors``):
a state's forces as the clause's agent make it an arrest, anyone else, or no one named, an abduction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from . import lexicon
from ..trie import trie_regex
from .lemmas import class_pattern, gerund_forms, inflected_nouns, verb_forms
from .lookup import clause_at, mentions_in, merged_spans, overlaps_union, triggers_starting_in
from .roles import roles_of
from .state import DocState, Trigger

RULE = "seized-person"
_WEIGHT = 2
_HARM = frozenset({"attack", "killing"})  # harm done to people, after their seizure: the incident
_NAME_REACH = 60  # characters after the verb within which a name may open its object
_MODIFIERS = 3  # words between a determiner and the person's head ('the brazilian multimillionaire')


@dataclass(frozen=True)
class _Cues:
    """The compiled cues of ``seizures.yaml``."""

    verb: re.Pattern  # a seizure verb, any form, or the gerund of a verb that keeps people
    words: re.Pattern  # any form of those verbs as a bare word: one fast pass before ``verb``
    ongoing_gerund: re.Pattern  # the gerund of a verb that keeps people ('holding')
    ongoing_before: re.Pattern  # the progressive before it ('are still')
    person: re.Pattern  # a person phrase right at the object's start
    opening: re.Pattern  # determiners and modifiers before a name ('the senator jorge ...')
    judgement: re.Pattern  # 'responsible' later in the sentence: a judgement, not a seizure
    state_forces: re.Pattern
    directed: re.Pattern  # a form of a verb that takes people only with a direction ('took')
    direction: re.Pattern  # that direction right after the person ('from', 'with them')


@cache
def _cues() -> _Cues:
    """The seizure verbs and the person class of seizures.yaml, compiled once."""
    data, groups = lexicon.load("seizures"), lexicon.load("groups")
    forms = inflected_nouns(data["person_heads"]) | set(groups["state_offices"])
    plurals = forms - set(data["person_heads"]) - set(groups["state_offices"])
    determiner = rf"(?:{lexicon.alternation(data['determiners'])}|\d[\d,.]*)"
    stop = lexicon.alternation(data["not_modifiers"])
    modifier = rf"(?:(?!(?:{stop})\b)[^\W\d_][\w.'-]*\s+)"  # a word, never a dash or a number
    heads = lexicon.alternation(forms)
    titles = lexicon.alternation([*data["titles"], *groups["state_offices"]])
    person = (rf"\s+(?:(?:{determiner}\s+)+{modifier}{{0,{_MODIFIERS}}}?(?:{heads})"
              rf"|{modifier}{{0,{_MODIFIERS}}}?(?:{titles})(?=\s+{modifier})"
              rf"|{modifier}{{0,{_MODIFIERS}}}?(?:{lexicon.alternation(plurals)})"
              rf"|(?:{lexicon.alternation(data['pronouns'])}))(?!['’\w-])")
    gerunds = lexicon.alternation(f for verb in data["ongoing_verbs"] for f in gerund_forms(verb))
    directed = {f.lower() for verb in data["directed_verbs"] for f in set().union(*verb_forms(verb))}
    forms = {f.lower() for verb in data["verbs"] for f in set().union(*verb_forms(verb))} | directed
    forms |= {f.lower() for verb in data["ongoing_verbs"] for f in gerund_forms(verb)}
    takes = class_pattern({'verbs': [*data['verbs'], *data['directed_verbs']]})
    return _Cues(re.compile(rf"{takes}|\b(?:{gerunds})\b", re.IGNORECASE),
                 re.compile(lexicon.words(trie_regex(forms)), re.IGNORECASE),
                 re.compile(rf"(?:{gerunds})", re.IGNORECASE),
                 re.compile(data["ongoing_before"], re.IGNORECASE),
                 re.compile(person, re.IGNORECASE),
                 re.compile(rf"\s+(?:{determiner}\s+)*{modifier}{{0,{_MODIFIERS}}}", re.IGNORECASE),
                 re.compile(lexicon.words(lexicon.alternation(data['not_followed_by'])), re.IGNORECASE),
                 re.compile(lexicon.words(lexicon.alternation(groups["state_forces"])), re.IGNORECASE),
                 re.compile(lexicon.words(trie_regex(directed)), re.IGNORECASE),
                 re.compile(data["directions"], re.IGNORECASE))


def _person_object(state: DocState, position: int, end: int) -> int | None:
    """Where the person a verb ending at ``position`` takes ends, or None when it takes no person:
    a person phrase of the class, or a person's name with only determiners and modifiers before it
    ('the senator Jorge Sedano')."""
    cues = _cues()
    found = cues.person.match(state.text, position, end)
    if found:
        return found.end()
    named = next((m for m in mentions_in(state, position, min(end, position + _NAME_REACH)) if m.kind == "person"), None)
    if named is None:
        return None
    before = state.text[position:named.start]
    return named.end if not before.strip() or cues.opening.fullmatch(before.rstrip() + " ") else None


def seized_person(state: DocState, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of seizure verbs in ``text[start:end]`` (a sentence) whose object is a person, not
    judged ('held X, who commanded the brigade, responsible')."""
    cues, out = _cues(), []
    for word in cues.words.finditer(state.text, start, end):
        verb = cues.verb.match(state.text, word.start(), end)
        if verb is None:
            continue
        if cues.ongoing_gerund.fullmatch(verb.group()) and not _progressive(state.text, start, verb.start()):
            continue
        person_end = _person_object(state, verb.end(), end)
        if person_end is None or (cues.directed.fullmatch(verb.group())
                                  and not cues.direction.match(state.text, person_end, end)):
            continue  # 'took the children to school': 'take' seizes only told with where from
        if not cues.judgement.search(state.text, person_end, end):
            out.append((verb.start(), verb.end()))
    return out


def _progressive(text: str, start: int, position: int) -> bool:
    """Whether the gerund at ``position`` is a progressive ('are still holding'), captivity going on."""
    return _cues().ongoing_before.search(text, max(start, position - 40), position) is not None


def _taken_by_state(state: DocState, trigger: Trigger) -> bool:
    """Whether the clause's agent of the seizure is a state's force ('soldiers picked up ...')."""
    clause = clause_at(state, trigger.start)
    agent = roles_of(state.text, clause, trigger, "arrest").agent if clause else None
    return agent is not None and agent.start < trigger.start and _cues().state_forces.search(agent.text) is not None


def seized_people(state: DocState, options) -> DocState:
    """Stage: a seizure verb whose object is a person is an abduction, or an arrest by a state's
    forces (after the triggers: never where another event word stands, nor before a taking told by
    its own word later in its sentence, 'still holding the senator, kidnapped on 9 February',
    'held him until police arrested him', which tells the same taking, nor before harm to people
    told after it in its sentence, 'seized the mayor and shot him': that harm is the incident)."""
    told = merged_spans([(t.start, t.end) for t in state.triggers])
    added = [_typed(state, Trigger(a, b, "abduction", RULE, "verb", _WEIGHT))
             for start, end in state.sentences for a, b in seized_person(state, start, end)
             if not overlaps_union(told, a, b) and not _told_after(state, b, end)
             and not _captives_moved(state, start, a, b)]
    if not added:
        return state
    return replace(state, triggers=sorted([*state.triggers, *added], key=lambda t: (t.start, t.end)))


def _told_after(state: DocState, position: int, end: int) -> bool:
    """Whether a taking told by its own word, or harm to people, follows a seizure ending at
    ``position`` in its sentence (ending at ``end``)."""
    return any(_tells_taking(t) or t.type in _HARM for t in triggers_starting_in(state, position, end - 1))


def _captives_moved(state: DocState, start: int, verb_start: int, verb_end: int) -> bool:
    """Whether a directed verb ('took them off the campus') follows a taking told by its own verb
    earlier in its sentence ('captured ten guards and then took them off the campus'): the captives
    moved, the same taking, not another (a taking's noun, 'the kidnapping was the first since gunmen
    took ...', may name another)."""
    return (_cues().directed.fullmatch(state.text, verb_start, verb_end) is not None
            and any(_tells_taking(t) and t.kind == "verb" for t in triggers_starting_in(state, start, verb_start - 1)))


def _tells_taking(trigger: Trigger) -> bool:
    """An abduction word, or an arrest verb ('held him down until police arrested him'): a taking
    told by its own word (an arrest noun, 'their men in detention', tells of others)."""
    return trigger.type == "abduction" or trigger.type == "arrest" and trigger.kind == "verb"


def _typed(state: DocState, trigger: Trigger) -> Trigger:
    """The seizure as an arrest when a state's forces made it, an abduction otherwise."""
    return replace(trigger, type="arrest") if _taken_by_state(state, trigger) else trigger
