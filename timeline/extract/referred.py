"""Violence a reaction refers to is an event of its own: 'condemned the murder of X', 'arrested
... for the bombing', 'the killing is attributed to the MRTA', 'accused the FMLN of destroying'.

A clause whose strongest trigger is not violence (a statement, an arrest, an investigation) but
which also names violence by a nominal or a gerund is cut in two at the violent phrase; the part
naming the violence is marked ``answered``: it happened before the act that answers to it, so
the ordering stage puts it before that act and anchoring bounds it by that act's date. An act
of violence is cut the same way at violence it names as its motive ('burned a bus in reprisal
for the murder of X'; the motive words are ``motives`` in ``lexicons/triggers.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..taxonomy import event_types, root
from . import lexicon
from .phrases import WEEKDAYS
from .state import Clause, Trigger

# the start of the violent phrase: a preposition and/or a determiner a few words before its noun
_DETERMINED = (r"\b(?:(?:for|over|in connection with|of|to|against|about|into|behind)\s+)?"
               r"(?:an?|the|this|that|these|those|its|their|his|her|last \w+'s|yesterday's|today's)\s+")
# a gerund's phrase takes in whom it is told of ('the rebels of killing'); a nominal's words
# before it are modifiers, never a preposition ('the military | for the annihilation')
_PHRASE_START = re.compile(_DETERMINED + r"(?:[\w'-]+\s+){0,3}$", re.IGNORECASE)
_NOMINAL_START = re.compile(
    _DETERMINED + r"(?:(?!(?:for|over|of|to|against|about|into|behind|with|by)\s)[\w'-]+\s+){0,3}$",
    re.IGNORECASE)
_POSSESSOR = re.compile(
    r"\b(?:following|after|over|for|of|against|behind)\s+"
    rf"(?!(?:the\s+)?(?:last\s+|this\s+|next\s+)?(?:today|yesterday|tonight|{WEEKDAYS}|week|month|year|night|morning|"
    r"evening|weekend)['’]s)((?:[\w.-]+\s+){0,4}[\w.-]+['’]s)\s+$",
    re.IGNORECASE)  # 'after the mayor's murder': the possessor is whom it befell (not 'after last Thursday's')
_UNDERGONE_BY_POSSESSOR = frozenset({"killing", "abduction"})
_AUXILIARIES = re.compile(r"\b(?:(?:was|were|is|are|has|have|had|been|being|be|also|not|\w+ly)\s+)+$", re.IGNORECASE)
_GERUND_START = re.compile(r"\b(?:of|for|in)\s+[\"“']?$", re.IGNORECASE)  # 'accused them of "murdering"'


_FORWARD = frozenset({"threat"})  # 'warned of an attack on the capital': the violence is to come


def befell_possessor(text: str, start: int, trigger: Trigger) -> bool:
    """'after the mayor's murder', 'following Senator X's assassination': a killing or abduction
    whose possessor, after a preposition, is whom it befell (told by its victim, as 'the murder of
    the mayor' is); ``start`` bounds the words read before the noun."""
    if trigger.kind != "noun" or trigger.type not in _UNDERGONE_BY_POSSESSOR:
        return False
    return _POSSESSOR.search(text[max(start, trigger.start - 60):trigger.start]) is not None


def _class(event_type: str) -> str:
    return event_types()[event_type].kind


def _strongest(cluster: list[Trigger]) -> Trigger:
    return max(cluster, key=lambda t: (t.weight, t.kind == "verb", -t.start))


def _violence(text: str, trigger: Trigger) -> bool:
    """A violent incident's nominal, or gerund after 'of'/'for'/'in' ('accused them of killing');
    a war or a conflict is a state of affairs, not an incident a reaction answers to."""
    if _class(trigger.type) != "violence" or root(trigger.type) != "attack" and trigger.type != "robbery":
        return False
    return trigger.kind == "noun" or _gerund_lead(text, trigger) or _attributive(text, trigger)


@cache
def _participle_frame(name: str) -> tuple[re.Pattern, re.Pattern, int]:
    """What may stand before a participle used as an adjective, what may not follow it, and how far
    back to look (a ``lexicons/triggers.yaml`` entry: attributive, counted_participle), compiled once."""
    entry = lexicon.load("triggers")[name]
    return (re.compile(rf"\b(?:{entry['before']})\s+(?:(?:{entry['between']})\s+)?$", re.IGNORECASE),
            re.compile(rf"\s+(?!(?:{entry['not_after']})\b)[^\W\d_]", re.IGNORECASE), entry["reach"])


def describes_noun(text: str, trigger: Trigger, frame: str) -> bool:
    """A participle between a determiner or a count and the noun after it ('the detained driver',
    'two kidnapped engineers'), by the triggers.yaml entry ``frame``: one reading for both uses."""
    before, after, reach = _participle_frame(frame)
    return (before.search(text, max(0, trigger.start - reach), trigger.start) is not None
            and after.match(text, trigger.end) is not None)


def _attributive(text: str, trigger: Trigger) -> bool:
    """A past participle between a count and its noun ('two kidnapped engineers'): the act done to
    the people the noun names."""
    return text[trigger.start:trigger.end].lower().endswith("ed") and describes_noun(text, trigger, "counted_participle")


def _gerund_lead(text: str, trigger: Trigger) -> bool:
    """Right after 'of', 'for' or 'in' (an opening quote allowed): a gerund's place ('of killing')."""
    return _GERUND_START.search(text, max(0, trigger.start - 7), trigger.start) is not None


def cut_position(text: str, head: Trigger, referred: Trigger) -> int:
    """Where the clause divides between the reaction (``head``) and the violence it refers to."""
    if referred.start < head.start:  # 'the kidnapping | was condemned': the verb group answers
        auxiliaries = _AUXILIARIES.search(text, max(referred.end, head.start - 40), head.start)
        return auxiliaries.start() if auxiliaries else head.start
    window = text[max(head.end, referred.start - 60):referred.start]
    possessor = _POSSESSOR.search(window)
    if possessor and referred.kind == "noun" and referred.type in _UNDERGONE_BY_POSSESSOR:  # whose murder
        return referred.start - len(window) + possessor.start(1)
    found = (_PHRASE_START if _gerund_lead(text, referred) else _NOMINAL_START).search(window)
    if found:
        return referred.start - len(window) + found.start()
    return referred.start - 1 if text[referred.start - 1:referred.start] in ('"', "“") else referred.start


@cache
def _motive() -> re.Pattern:
    """Motive words and the few words of the phrase they open, up to the violent noun."""
    entries = lexicon.load("triggers")["motives"]
    return re.compile(rf"\b(?:{'|'.join(e['pattern'] for e in entries)})\s+(?:[\w'’-]+\s+){{0,4}}$", re.IGNORECASE)


def _for_motive(text: str, head: Trigger, trigger: Trigger) -> bool:
    """'burned a bus | in reprisal for the killing of X': violence after the act, named as its motive."""
    return trigger.start > head.end and _motive().search(text, head.end, trigger.start) is not None


_PURPOSES = frozenset({"appeal"})  # what an act is done to demand: 'attacked the pipeline to demand ...'
_PURPOSE = re.compile(r"\bto\s+$|,\s*$", re.IGNORECASE)


def told_as_purpose(text: str, trigger: Trigger) -> bool:
    """'staged attacks to demand reform', 'blocked roads, demanding ...': a speech act told as the
    purpose of the act before it, by an infinitive or a participle after a comma."""
    before = text[max(0, trigger.start - 12):trigger.start]
    return bool(_PURPOSE.search(before)) and (
        before.rstrip().lower().endswith("to") or text[trigger.start:trigger.end].lower().endswith("ing"))


# 'detained eleven men in raids', 'arrested a courier in a dawn raid': 'in' and an indefinite violent
# nominal after the act, with no word of a charge or a part before it ('for', 'of', 'involvement in')
_CHARGE_OR_PART = r"for|of|over|about|against|suspect\w*|involv\w*|role|part|connection|links?|linked"
_SETTING = re.compile(rf"(?:(?!\b(?:{_CHARGE_OR_PART})\b)[^.;:])*\bin\s+(?:an?\s+|a series of\s+)?(?:[\w'-]+\s+){{0,2}}$",
                      re.IGNORECASE)


_DONE_IN_RAIDS = frozenset({"arrest"})  # 'freed him in a raid, killing four': a rescue's raid is violence with a toll


def _setting_of_act(text: str, head: Trigger, trigger: Trigger) -> bool:
    """'arrested 14 people in raids', 'detained in a raid': an indefinite violent nominal after 'in'
    tells how an arrest was made (its setting), no earlier violence the arrest answers to."""
    return (head.type in _DONE_IN_RAIDS and trigger.kind == "noun" and trigger.start > head.end
            and _SETTING.match(text, head.end, trigger.start) is not None)


def referred_cut(text: str, cluster: list[Trigger]) -> tuple[int, bool] | None:
    """(cut position, True when the violence comes after the cut) for a cluster, or None. Violence
    whose purpose the speech act tells ('increased its attacks to demand ...') is no violence the
    speech refers to: the clause stays whole, and the violence is its act."""
    head = _strongest(cluster)
    if head.weight <= 0 or head.type in _FORWARD:
        return None
    violent_head = _class(head.type) == "violence"
    referred = [t for t in cluster if t is not head and _violence(text, t) and not _setting_of_act(text, head, t)
                and (not violent_head or _for_motive(text, head, t))]
    if not referred or (head.type in _PURPOSES and referred[0].start < head.start and told_as_purpose(text, head)):
        return None
    position = cut_position(text, head, referred[0])
    return position, referred[0].start >= position


def split_referred(text: str, clauses: list[Clause], by_clause: dict[int, list[Trigger]]) -> tuple[list, list[Clause]]:
    """(clause, triggers) in order and the document's clauses, each clause whose reaction refers
    to violence cut in two, the violent part marked ``answered``."""
    out: list[tuple[Clause, list[Trigger]]] = []
    cuts: dict[int, tuple[Clause, Clause]] = {}
    for index, cluster in sorted(by_clause.items()):
        clause, cut = clauses[index], referred_cut(text, cluster)
        if cut is None or not clause.start < cut[0] < clause.end:
            out.append((clause, cluster))
            continue
        position, later = cut
        whole = (clause.start, clause.end)  # the reaction keeps the words it says
        first = replace(clause, end=position, answered=not later, evidence=None if not later else whole)
        second = Clause(position, clause.end, clause.sentence, _lead(text, position), answered=later,
                        evidence=None if later else whole)
        parts = [first, *_next_act_apart(text, second, cluster)] if later else [first, second]
        cuts[index] = tuple(parts)
        out += [(part, [t for t in cluster if part.start <= t.start < part.end]) for part in parts]
    if not cuts:
        return out, clauses
    return out, [part for i, c in enumerate(clauses) for part in cuts.get(i, (c,))]


_JOINED_ACT = re.compile(r"\s+(and\s+(?:\w+ly\s+)?)$", re.IGNORECASE)


def _next_act_apart(text: str, violent: Clause, cluster: list[Trigger]) -> list[Clause]:
    """'condemning the recent attack against the DAS | and expressing solidarity with ...': an act
    joined after the violence named is the reaction's next act, not part of the violence."""
    inside = [t for t in cluster if violent.start <= t.start < violent.end]
    violence = next((t for t in inside if _violence(text, t)), None)
    joined = [t for t in inside if violence and t.start > violence.end and t.weight > 0 and _class(t.type) != "violence"
              and _JOINED_ACT.search(text, max(violence.end, t.start - 20), t.start)]
    if not joined:
        return [violent]
    cut = _JOINED_ACT.search(text, max(violence.end, joined[0].start - 20), joined[0].start).start(1)
    return [replace(violent, end=cut), Clause(cut, violent.end, violent.sentence, "and")]


_LEAD = re.compile(r"(for|over|in connection with)\b", re.IGNORECASE)


def _lead(text: str, position: int) -> str:
    found = _LEAD.match(text, position)
    return found.group(1).lower() if found else ""
