"""Trigger stages: find event words from the lexicon, then one event per clause's trigger cluster."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cache

from ..taxonomy import agrees, event_types
from . import lexicon
from .lookup import timex_starts_in
from .state import Clause, DocState, EventMention, Trigger

_PARTNER = re.compile(r"\s+(?:with|between)\s+(?:[\w'-]+\s+){0,2}(?-i:[A-Z])", re.IGNORECASE)
_DEFINITE = re.compile(r"(?:\b(?:the|this|these|those|that|its|their|such)\s+(?:(?![\w-]*ed\s)[\w-]+\s+){0,2})$", re.IGNORECASE)
_INTRODUCED = re.compile(r"\b(?:after|following|before|since|amid|during)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


@cache
def rules() -> list[dict]:
    """Trigger rules, most specific first: where two could match at one place, the first wins."""
    entries = lexicon.load("triggers")["triggers"]
    return sorted(entries, key=lambda e: (-e["weight"], e["kind"] != "verb", -len(e["pattern"])))


@cache
def trigger_pattern() -> re.Pattern:
    return lexicon.compile_rules(rules())


@cache
def support_pattern() -> re.Pattern:
    return lexicon.compile_rules(lexicon.load("triggers")["support"])


@cache
def attribution_pattern() -> re.Pattern:
    return re.compile("|".join(lexicon.load("text")["attributions"]), re.IGNORECASE)


_WORD_START = re.compile(r"(?<![\w-])[^\s\d]")


@cache
def _by_first_char() -> dict[str, re.Pattern]:
    """The rules that can start with each character, as one regex per character (plus 'any')."""
    groups: dict[str, list[int]] = {}
    anywhere: list[int] = []
    for index, rule in enumerate(rules()):
        chars = lexicon.first_chars(rule["pattern"])
        if chars is None:
            anywhere.append(index)
        for char in chars or ():
            groups.setdefault(char, []).append(index)
    compiled = {}
    for char, indices in [*groups.items(), ("", [])]:
        members = sorted(set(indices) | set(anywhere))
        body = "|".join(f"(?P<r{i}>{rules()[i]['pattern']})" for i in members)
        compiled[char] = re.compile(rf"(?:{body})(?![\w-])", re.IGNORECASE) if body else None
    return compiled


def triggers_in(text: str, start: int = 0, end: int | None = None) -> list[Trigger]:
    """Every lexicon trigger in ``text[start:end]``, leftmost first, never overlapping.

    Only the rules that can begin with the character at a word start are tried there: the
    same matches as one big alternation, several times faster on a large corpus.
    """
    table, groups = rules(), _by_first_char()
    end = len(text) if end is None else end
    out, last = [], start
    for word in _WORD_START.finditer(text, start, end):
        position = word.start()
        pattern = groups.get(text[position].lower(), groups[""])
        if position < last or pattern is None:
            continue
        match = pattern.match(text, position, end)
        if match:
            rule = table[int(match.lastgroup[1:])]
            out.append(Trigger(match.start(), match.end(), rule["type"], rule["name"], rule["kind"], rule["weight"]))
            last = match.end()
    return out


def find_triggers(state: DocState, options) -> DocState:
    """Stage: lexicon triggers in every sentence (never in boilerplate)."""
    found: list[Trigger] = []
    for start, end in state.sentences:
        found += triggers_in(state.text, start, end)
    return replace(state, triggers=found)


_SUPPORTED_DEFINITE = re.compile(r"(?:carried out|conducted|launched|staged) (?:the|these|those|this) ", re.IGNORECASE)


def is_definite(text: str, trigger: Trigger) -> bool:
    """'the attack', 'these strikes', 'carried out the airstrike': a nominal that points back at
    an event already told."""
    if trigger.kind == "noun":
        return _DEFINITE.search(text[max(0, trigger.start - 40):trigger.start]) is not None
    return _SUPPORTED_DEFINITE.match(text, trigger.start, trigger.end) is not None


def is_supported(text: str, clause: Clause, trigger: Trigger, state: DocState, cluster=()) -> bool:
    """A nominal names an event (not background) with a support verb, a date or a partner nearby."""
    if trigger.kind == "verb" or any(t.kind == "verb" and t.weight > 0 for t in cluster):
        return True
    if clause.lead in ANSWER_LEADS:  # 'arrested for the bombing': the bombing happened
        return True
    if _PARTNER.match(text, trigger.end) or _INTRODUCED.search(text[max(0, trigger.start - 40):trigger.start]):
        return True
    if support_pattern().search(text, clause.start, clause.end):
        return True
    return timex_starts_in(state, clause.start, clause.end)


def _best(cluster: list[Trigger]) -> Trigger:
    """The strongest trigger, typed by the most specific word of its kind in the cluster ('Twin
    bombings struck ...' is a bombing, though 'struck' names it)."""
    best = max(cluster, key=lambda t: (t.weight, t.kind == "verb", -t.start))
    narrower = [t for t in cluster if t.type != best.type and agrees(t.type, best.type)]
    return replace(best, type=narrower[0].type) if narrower else best


def form_events(state: DocState, options) -> DocState:
    """Stage: one event mention per clause that holds triggers; the strongest trigger types it."""
    text, events = state.text, []
    by_clause: dict[int, list[Trigger]] = {}
    starts = [c.start for c in state.clauses]
    for trig in state.triggers:
        index = _clause_index(starts, trig.start)
        if index is not None and trig.start < state.clauses[index].end:
            by_clause.setdefault(index, []).append(trig)
    carried: list[Trigger] = []
    ordered, clauses = _split_answered(text, state.clauses, by_clause)
    for position, (clause, cluster) in enumerate(ordered):
        if attribution_pattern().match(text, clause.start, clause.end):
            continue
        best = _best(cluster)
        if _is_setting(text, clause, best) and _next_in_sentence(ordered, position):
            carried += cluster  # "In a press release issued the next day, X denounced ...": one act
            continue
        mention = EventMention(clause=clause, trigger=best, others=[t for t in cluster if t is not best] + carried)
        carried = []
        mention.confidence = _base_confidence(text, clause, best, state, cluster)
        if clause.lead in _BACKGROUND_LEADS:
            mention.confidence -= 0.25
        events.append(mention)
    return replace(state, events=events, clauses=clauses)


# "arrested ... for the bombing", "accused X over the killing": the nominal names another event,
# one that happened before the verb's act and answers to it.
_ANSWERED = re.compile(r"\b(for|over|in connection with)\s+(?:an?|the|this|that|these|those|last \w+'s)\s+(?:[\w-]+\s+){0,2}$",
                       re.IGNORECASE)


ANSWER_LEADS = frozenset({"for", "over", "in connection with"})


def _split_answered(text: str, clauses: list[Clause], by_clause: dict[int, list[Trigger]]) -> tuple[list, list[Clause]]:
    """(clause, triggers) in order and the document's clauses, a nominal that a verb answers for
    cut off as a clause of its own (lead 'for')."""
    out: list[tuple[Clause, list[Trigger]]] = []
    cuts: dict[int, tuple[Clause, Clause]] = {}
    for index, cluster in sorted(by_clause.items()):
        clause, cut = clauses[index], _answered_cut(text, cluster)
        if cut is None:
            out.append((clause, cluster))
            continue
        position, lead = cut
        cuts[index] = (replace(clause, end=position), Clause(position, clause.end, clause.sentence, lead))
        out += [(cuts[index][0], [t for t in cluster if t.start < position]),
                (cuts[index][1], [t for t in cluster if t.start >= position])]
    if not cuts:
        return out, clauses
    return out, [part for i, c in enumerate(clauses) for part in cuts.get(i, (c,))]


def _answered_cut(text: str, cluster: list[Trigger]) -> tuple[int, str] | None:
    """Where the nominal answered for begins, and its preposition; None when there is none."""
    verbs = [t for t in cluster if t.kind == "verb" and t.weight > 0 and _class(t.type) in ("act", "speech")]
    for noun in (t for t in cluster if t.kind == "noun" and _class(t.type) == "violence"):
        if any(v.end <= noun.start for v in verbs):
            found = _ANSWERED.search(text[max(0, noun.start - 60):noun.start])
            if found:
                return noun.start - (len(text[max(0, noun.start - 60):noun.start]) - found.start()), found.group(1).lower()
    return None


def _class(event_type: str) -> str:
    return event_types()[event_type].kind


_SETTING = re.compile(r"^\W*(?:in|on|at|during|after|following|amid|with)\b", re.IGNORECASE)
_BACKGROUND_LEADS = frozenset({"which", "who", "whose"})


def _is_setting(text: str, clause: Clause, trigger: Trigger) -> bool:
    """A fronted prepositional phrase around a nominal sets the scene for the main clause."""
    return trigger.kind == "noun" and _SETTING.match(text[clause.start:clause.end]) is not None


def _next_in_sentence(ordered: list, position: int) -> bool:
    if position + 1 >= len(ordered):
        return False
    return ordered[position + 1][0].sentence == ordered[position][0].sentence


def _clause_index(starts: list[int], position: int) -> int | None:
    index = bisect.bisect_right(starts, position) - 1
    return index if index >= 0 else None


def _base_confidence(text: str, clause: Clause, trigger: Trigger, state: DocState, cluster) -> float:
    """How sure the trigger alone makes us; arguments and cues adjust it later."""
    if trigger.weight == 0:
        return 0.4
    if trigger.kind == "noun" and not is_supported(text, clause, trigger, state, cluster):
        return 0.35
    return 0.7 if trigger.kind == "verb" or trigger.weight >= 2 else 0.6
