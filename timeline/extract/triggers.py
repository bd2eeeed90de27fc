"""Trigger stages: find event words from the lexicon, then one event per clause's trigger cluster."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cache, lru_cache

from ..taxonomy import agrees, event_types, plover_coding
from . import lexicon
from .lemmas import rules as lemma_rules
from .lookup import clauses_after, containers, inside_any, timex_starts_in
from .phrases import end_before, phrase_after
from .referred import befell_possessor, describes_noun, split_referred, told_as_purpose
from .carried import carried as carried_person
from .casing import common_form
from .clauses import PAST_VERBS, holds_finite_verb
from .state import Clause, DocState, EventMention, Trigger

_PARTNER = re.compile(r"\s+(?:with|between)\s+(?:[\w'-]+\s+){0,2}(?-i:[A-Z])", re.IGNORECASE)
_DEFINITE = re.compile(r"(?:\b(?:the|this|these|those|that|its|their|such)\s+(?:(?![\w-]*ed\s)[\w-]+\s+){0,2})$", re.IGNORECASE)
_UNDERGONE = re.compile(r"\s+(?:of|on|against)\s+(?:the\s+|an?\s+|\d+\s+|\w+\s+)?(?!(?:the|an?|this|these|those|its|their)\b)[\w'-]{3,}", re.IGNORECASE)
_INTRODUCED = re.compile(r"\b(?:after|following|before|since|amid|during)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


@cache
def rules() -> list[dict]:
    """Trigger rules, most specific first: where two could match at one place, the first wins
    (heavier, then verbs, then the hand-written phrases before the lemma classes, and a class
    bound to what follows it before a bare one: 'lifted a blockade' is access, not a concession)."""
    entries = lexicon.load("triggers")["triggers"] + lemma_rules()
    return sorted(entries, key=lambda e: (-e["weight"], e["kind"] != "verb", e.get("generated", False),
                                          not e.get("contextual", False), -len(e["pattern"])))


@cache
def trigger_pattern() -> re.Pattern:
    return lexicon.compile_rules(rules())


@cache
def support_pattern() -> re.Pattern:
    return lexicon.compile_rules(lexicon.load("triggers")["support"])


@cache
def attribution_pattern() -> re.Pattern:
    return re.compile("|".join(lexicon.load("text")["attributions"]), re.IGNORECASE)


_WORD_START = r"(?<![\w-])[^\s\d]"


@cache
def _opening_anywhere() -> frozenset[int]:
    """The rules (by index) that can open on any word (``\\w+-day``): in every group of rules tried."""
    return frozenset(i for i, rule in enumerate(rules()) if "" in lexicon.openings(rule["pattern"], 1))


@cache
def _candidates() -> re.Pattern:
    """The word starts where some rule may match, found by one scan in the regex engine instead of
    a lookup at each of them (two in three words open no rule): the rules that can open on any word
    as themselves (where one may match, group ``anywhere`` is set), then the other rules' openings
    as one prefix tree (``lexicon.openings_first``). A superset, judged by the rules' case folding."""
    table, anywhere = rules(), _opening_anywhere()
    heads = [lexicon.openings_first("|".join(f"(?:{rule['pattern']})" for i, rule in enumerate(table) if i not in anywhere))]
    any_word = [table[i]["pattern"] for i in sorted(anywhere)]  # behind their own guard (``runs_first``): their
    guard = lexicon.runs_first("|".join(f"(?:{pattern})" for pattern in any_word))  # look-ahead at every word start
    heads[:0] = [f"{guard}(?=(?:{'|'.join(any_word)}))(?P<anywhere>)"] if anywhere else []  # was 3/5 of the scan
    return re.compile(rf"(?=(?<![\w-])(?:{'|'.join(heads)})){_WORD_START}", re.IGNORECASE)


_OPENING = 4  # characters at a word start that choose the rules tried there (4: a third fewer tried than 3)


@cache
def _rules_by_opening() -> dict[str, frozenset[int]]:
    """Each opening a rule's matches may begin with -> the rules (by index) that have it."""
    out: dict[str, set[int]] = {}
    for index, rule in enumerate(rules()):
        for opening in lexicon.openings(rule["pattern"], _OPENING):
            out.setdefault(opening, set()).add(index)
    return {opening: frozenset(members) for opening, members in out.items()}


@lru_cache(maxsize=32768)  # bounded: an odd text may open words in many ways
def _rules_opening(key: str) -> tuple[int, ...]:
    """The rules (by index, in order) whose matches can begin with ``key``: those with an opening
    that ``key`` begins with; a key shorter than ``_OPENING`` (a word start before a character
    beyond ASCII, or the text's end) also keeps those with an opening that begins with it."""
    table = _rules_by_opening()
    found = set().union(*(table.get(key[:length], ()) for length in range(len(key) + 1)))
    if len(key) < _OPENING:
        found.update(*(members for opening, members in table.items() if opening.startswith(key)))
    return tuple(sorted(found))


@cache
def _rule_patterns() -> tuple[re.Pattern, ...]:
    """Each rule alone, ending where a word ends: tried in rule order, the first that matches is
    the one an alternation of them chooses, and compiling each rule once costs a tenth of
    compiling every group of rules a text opens (about 2 s at 5 MB, paid again by each process)."""
    return tuple(re.compile(rf"(?:{rule['pattern']})(?![\w-])", re.IGNORECASE) for rule in rules())


@lru_cache(maxsize=32768)  # bounded like ``_rules_opening``; asked at every candidate, so one lookup
def _rules_at(opening: str, anywhere: bool) -> tuple[int, ...]:
    """The rules (by index, in order) that can match where the text goes on with ``opening``, its
    next ``_OPENING`` characters (lower-cased; up to the first one beyond ASCII, whose case the regex
    judges); without the rules that open anywhere unless ``anywhere`` (the scan found none may match)."""
    if not opening.isascii():
        opening = opening[:next(n for n, char in enumerate(opening) if not char.isascii())]
    found = _rules_opening(opening.lower())
    return found if anywhere else tuple(i for i in found if i not in _opening_anywhere())


def _first_rule(text: str, word: re.Match, end: int) -> tuple[int, re.Match] | None:
    """The first rule (by index) matching at the candidate ``word``, and its match, if any does."""
    patterns, position = _rule_patterns(), word.start()
    for index in _rules_at(text[position:position + _OPENING], word.group("anywhere") is not None):
        match = patterns[index].match(text, position, end)
        if match is not None:
            return index, match
    return None


@cache
def other_senses() -> tuple[list[dict], re.Pattern]:
    """Phrases in which an event word names no event of its type ('demonstrates a lack of')."""
    entries = lexicon.load("triggers")["other_senses"]
    return entries, lexicon.compile_rules(entries)


@cache
def _other_sense_types() -> frozenset[str]:
    """The types some other-sense phrase takes away: only a trigger of one of them needs the scan."""
    return frozenset(entry["type"] for entry in other_senses()[0])


def _sense_spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    entries, pattern = other_senses()
    return [(m.start(), m.end(), entries[int(m.lastgroup[1:])]["type"]) for m in pattern.finditer(text, start, end)]


def _other_sense(spans: list[tuple[int, int, str]], trigger: Trigger) -> bool:
    return any(a <= trigger.start < b and kind == trigger.type for a, b, kind in spans)


def triggers_in(text: str, start: int = 0, end: int | None = None) -> list[Trigger]:
    """Every lexicon trigger in ``text[start:end]``, leftmost first, never overlapping.

    Only the word starts where some rule may match are visited (``_candidates``), and only the rules
    that can begin with the ``_OPENING`` characters there are tried (a few of 265 in news text): the
    same matches as one big alternation, which tried them all at every word start.
    """
    table = rules()
    end = len(text) if end is None else end
    out, last = [], start
    for word in _candidates().finditer(text, start, end):
        position = word.start()
        found = _first_rule(text, word, end) if position >= last else None
        if found:
            rule, match = table[found[0]], found[1]
            if rule.get("generated") and (_inside_name(text, position) or _noun_by_position(text, rule, match)
                                          or _modifier_by_position(text, rule, match)) \
                    or _people_by_position(text, rule, match):
                continue
            out.append(Trigger(match.start(), match.end(), rule["type"], rule["name"], rule["kind"], rule["weight"]))
            last = match.end()
    senses = _other_sense_types()
    spans = _sense_spans(text, start, end) if any(t.type in senses for t in out) else []
    return [t for t in out if not _other_sense(spans, t)] if spans else out


_MID_SENTENCE = re.compile(r"[\w,;]\s*$")
_FUNCTION_WORD_BEFORE = re.compile(r"\b(?:the|an?|his|her|its|their|our|for|of|with|in|on|by|from|against|any|no)\s+$",
                                   re.IGNORECASE)


def _noun_by_position(text: str, rule: dict, match: re.Match) -> bool:
    """'for damages', 'the attacks': a verb's -s form after a determiner or a preposition is a
    plural noun, not the verb."""
    words = match.group()
    return (rule["kind"] == "verb" and " " not in words and words[-1:].lower() == "s"
            and _FUNCTION_WORD_BEFORE.search(text, max(0, match.start() - 12), match.start()) is not None)


_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+[a-z][\w-]*\b(?!\s+(?:by|in|on|at|from|with|during|after|last|yesterday|today)\b)",
                         re.IGNORECASE)


def _modifier_by_position(text: str, rule: dict, match: re.Match) -> bool:
    """'in a stolen taxi', 'a burned car': a past participle between 'a' and its noun describes
    the thing, it tells no act of the story."""
    return _participle_between(text, rule, match, _INDEFINITE_BEFORE, _NOUN_AFTER)


_DEFINITE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_NO_NOUN_AFTER = re.compile(r"\s*(?:[,.;:)]|\s(?:at|in|to|from|of|and|or|were|was|are|is|who|had|have|with|into|on)\b)",
                            re.IGNORECASE)


def _people_by_position(text: str, rule: dict, match: re.Match) -> bool:
    """'visited the wounded at the hospital', 'the dead and the missing': a past participle
    after 'the' with no noun after it stands for the people it befell, not for the act."""
    return _participle_between(text, rule, match, _DEFINITE_BEFORE, _NO_NOUN_AFTER)


def _participle_between(text: str, rule: dict, match: re.Match, before: re.Pattern, after: re.Pattern) -> bool:
    """A verb rule matched one past participle, with an article right before it (``before``, read
    over the four characters before) and ``after`` matching what follows it."""
    words = match.group()
    return (rule["kind"] == "verb" and " " not in words and words[-2:].lower() in ("ed", "en", "wn")
            and before.search(text, max(0, match.start() - 4), match.start()) is not None
            and after.match(text, match.end()) is not None)


def _inside_name(text: str, position: int) -> bool:
    """'the United States', 'Radio Free Europe': a capitalised word in mid-sentence of mixed-case
    text is part of a name, not a verb (wire copy in capitals says nothing by case)."""
    word = text[position:position + 12]
    if not (word[:1].isupper() and any(c.islower() for c in word[1:4])):
        return False
    return _MID_SENTENCE.search(text, max(0, position - 3), position) is not None


def find_triggers(state: DocState, options) -> DocState:
    """Stage: lexicon triggers in every sentence (never in boilerplate), none inside a name."""
    found: list[Trigger] = []
    for start, end in state.sentences:
        found += triggers_in(state.text, start, end)
    names = [m for m in state.mentions if m.kind in _NAMED_KINDS]
    found = [_as_state(t) if attributive(state.text, t) else t for t in found if not _within_name(names, t)]
    if state.caps:
        dates = containers([(t.start, t.end) for t in state.timexes])
        found = [t for t in found if not _inside_date_in_capitals(dates, t)]
    return replace(state, triggers=found)


def _inside_date_in_capitals(dates: tuple[list[int], list[int]], trigger: Trigger) -> bool:
    """'ON THE MORNING OF 21 MARCH': in wire copy case cannot tell the month from the protest, but
    the tagger read the word as part of a date; a noun there names no event (``dates``: the
    time expressions as ``lookup.containers`` indexes them, asked by bisection)."""
    return trigger.kind == "noun" and inside_any(dates, trigger.start, trigger.end)


_NAMED_KINDS = frozenset({"actor", "person"})
_PAST_PARTICIPLE = re.compile(r"[^\W\d_]+(?:ed|en)", re.IGNORECASE)


ATTRIBUTIVE = "attributive:"


def _as_state(trigger: Trigger) -> Trigger:
    """A participle read as a nominal that tells a state: kept below the bar, it may still tell again
    an act told elsewhere."""
    return replace(trigger, kind="noun", rule=ATTRIBUTIVE + trigger.rule)


def attributive(text: str, trigger: Trigger) -> bool:
    """'the detained suspect', 'two wounded guards': a participle describing the noun after it tells
    that noun's state, not the act (lexicons/triggers.yaml, attributive)."""
    if trigger.kind != "verb" or _class(trigger.type) == "violence" or not _PAST_PARTICIPLE.fullmatch(text, trigger.start, trigger.end):
        return False
    return describes_noun(text, trigger, "attributive")


def _within_name(names: list, trigger: Trigger) -> bool:
    """'National LIBERATION Army', 'the Popular RESISTANCE Front': a word of a group's or a person's
    name names the party, not an event (``names`` in text order, never overlapping)."""
    index = bisect.bisect_right(names, trigger.start, key=lambda m: m.end)
    return index < len(names) and names[index].start <= trigger.start and trigger.end <= names[index].end


_SUPPORTED_DEFINITE = re.compile(r"(?:carried out|conducted|launched|staged) (?:the|these|those|this) ", re.IGNORECASE)


def is_definite(text: str, trigger: Trigger) -> bool:
    """'the attack', 'these strikes', 'carried out the airstrike': a nominal that points back at
    an event already told."""
    if trigger.kind == "noun":
        return _DEFINITE.search(text[max(0, trigger.start - 40):trigger.start]) is not None
    return _SUPPORTED_DEFINITE.match(text, trigger.start, trigger.end) is not None


_PARTICIPLE = re.compile(r"(?:also\s+)?[a-z]+ing\b", re.IGNORECASE)


def participle_clause(text: str, clause: Clause) -> bool:
    """'..., killing three policemen': a clause after a comma that opens on a present participle."""
    before = end_before(text, clause.start, " \t\n")
    return _PARTICIPLE.match(text, clause.start) is not None and before > 0 and text[before - 1] == ","


def undergone(text: str, trigger: Trigger) -> bool:
    """'the murder of six Jesuits', 'the attack on a union office': a nominal told by whom it hit."""
    return _UNDERGONE.match(text, trigger.end) is not None


def is_supported(text: str, clause: Clause, trigger: Trigger, state: DocState, cluster=()) -> bool:
    """A nominal names an event (not background) with a support verb, a date or a partner nearby."""
    if trigger.kind == "verb" or any(t.kind == "verb" and t.weight > 0 for t in cluster):
        return True
    if clause.answered:  # 'arrested for the bombing', 'condemned the murder of': it happened
        return True
    if participle_clause(text, clause) and trigger.start == clause.start:
        return True  # '..., killing his driver': a gerund opening a participle clause is a verb
    if _PARTNER.match(text, trigger.end) or _INTRODUCED.search(text[max(0, trigger.start - 40):trigger.start]):
        return True
    if _class(trigger.type) == "violence" and (undergone(text, trigger) or befell_possessor(text, clause.start, trigger)):
        return True  # 'the murder of six Jesuits', 'after the mayor's murder': one incident, told by whom it hit
    if support_pattern().search(text, clause.start, clause.end):
        return True
    return timex_starts_in(state, clause.start, clause.end) or _told_in_modifier(text, clause, trigger, state)


_OPENING_WORD = re.compile(r"[\w-]+")
_MODIFIER_OPENING = re.compile(r"(?:that|which)\s|[a-z][\w-]+ed\b|(?:%s)\b" % "|".join(sorted(PAST_VERBS)))


def _opens_modifier(text: str, position: int, caps: bool) -> bool:
    """A clause opening on 'that', 'which' or a past form, in lower case (in capitals, a dictionary word)."""
    word = _OPENING_WORD.match(text, position)
    form = common_form(word.group(), caps) if word else None
    return form is not None and _MODIFIER_OPENING.match(form + text[word.end():word.end() + 1]) is not None


_OPENS_DEFINITE = re.compile(r"(?:the|this|these|those|its|their)\s", re.IGNORECASE)  # a trigger 'the new policy'


def _told_in_modifier(text: str, clause: Clause, trigger: Trigger, state: DocState) -> bool:
    """'An earlier truce, agreed in May 2003, ...', 'hearings that began in October': the clause
    right after an indefinite nominal ending its clause, a relative or participle one, tells when
    it happened ('the talks, which began ...' is an event told before, left to co-reference)."""
    if len(text[trigger.end:clause.end].split()) > 6 or is_definite(text, trigger) or _OPENS_DEFINITE.match(text, trigger.start):
        return False
    following = min(clauses_after(state, clause), key=lambda c: c.start, default=None)
    if following is None or text[clause.end:following.start].strip(" ,") or \
            not _opens_modifier(text, following.start, state.caps):
        return False
    return timex_starts_in(state, following.start, following.end) or \
        support_pattern().search(text, following.start, following.end) is not None


_DEONTIC = re.compile(r"\b(?:must|should|ought to)\s+(?:not\s+|never\s+|also\s+|immediately\s+|first\s+)?(?:be\s+)?"
                      r"(?:(?:ready|prepared|willing|able)\s+to\s+)?$", re.IGNORECASE)  # 'must be ready to mediate'


_QUOTE_REACH = 1500


def _inside_quotes(text: str, position: int) -> bool:
    """Within quotation marks opened earlier in the paragraph (a quote may run over sentences;
    looked for at most a few sentences back, so a long paragraph costs no more than a short one)."""
    start = text.rfind("\n", max(0, position - _QUOTE_REACH), position) + 1 or max(0, position - _QUOTE_REACH)
    straight = text.count('"', start, position)
    return straight % 2 == 1 or text.count("“", start, position) > text.count("”", start, position)


def _demanded(text: str, clause: Clause, trigger: Trigger) -> Trigger:
    """'Sudan must return the helicopter', 'foreign powers should leave': what one party says
    another must do is a demand (an appeal), not the act itself."""
    if trigger.type == "appeal" or not _DEONTIC.search(text, clause.start, trigger.start):
        return trigger  # 'must agree', 'must be ready to mediate': demands too
    if _inside_quotes(text, trigger.start):  # a quoted demand is the speaker's words, told by the
        return replace(trigger, weight=0)   # speech act itself: what it demands is no event of its own
    return replace(trigger, type="appeal", weight=max(trigger.weight, 2), rule=DEMAND + trigger.rule)


def _purpose_yields(text: str, cluster: list[Trigger], best: Trigger) -> Trigger:
    """'staged demonstrations to demand reform', 'blocked roads, demanding ...': words told as the
    purpose of an act already named are not the event; the act is."""
    if _class(best.type) != "speech":
        return best
    purpose = told_as_purpose(text, best)
    acts = [t for t in cluster if t.start < best.start and t.weight >= 1 and _class(t.type) != "speech"]
    return max(acts, key=lambda t: (t.weight, t.kind == "verb")) if purpose and acts else best


# Of two equally strong words, force told is the event ('a helicopter arrived, firing at civilians').
_SALIENCE = {"violence": 3, "act": 2, "happening": 1, "speech": 0}


_REASON = re.compile(r"\bfor\s+$", re.IGNORECASE)


def _reason(text: str, trigger: Trigger, cluster: list[Trigger]) -> bool:
    """'was assassinated for criticizing the army', 'thanked them for helping': a gerund after
    'for' that follows the clause's verb is the reason for the act, not the act."""
    return (trigger.kind == "verb" and text[trigger.start:trigger.end].lower().endswith("ing")
            and _REASON.search(text, max(0, trigger.start - 5), trigger.start) is not None
            and any(t.start < trigger.start and t.weight >= 1 and t.kind == "verb" for t in cluster))


def _after_violence(trigger: Trigger, acts: list[Trigger]) -> bool:
    """'set the club on fire after threatening the watchmen', 'killed him, accusing him of ...': a
    governing word (weight 3) told after a verb of violence governs nothing; the violence is the act."""
    return trigger.weight >= 3 and any(
        t.kind == "verb" and t.weight >= 2 and t.start < trigger.start and _class(t.type) == "violence" for t in acts)


def _best(text: str, cluster: list[Trigger]) -> Trigger:
    """The strongest trigger, typed by the most specific word of its kind in the cluster ('Twin
    bombings struck ...' is a bombing, though 'struck' names it)."""
    acts = [t for t in cluster if not _reason(text, t, cluster)]  # never empty: the first word is no reason
    acts = [t for t in acts if not _after_violence(t, acts)] or acts
    best = _purpose_yields(text, cluster, max(acts, key=lambda t: (t.weight, t.kind == "verb", _SALIENCE.get(
        _class(t.type), 0), -t.start)))
    promised = [t for t in cluster if best.type in PROMISES and t.start > best.start and t.weight >= 1
                and _class(t.type) in ("act", "happening")]
    best = _ordered_of_own(text, cluster, _own_pledge(text, cluster, promised[0] if promised else best))
    narrower = [t for t in cluster if t.type != best.type and agrees(t.type, best.type)]
    return replace(best, type=narrower[0].type) if narrower else best


@cache
def instrument_rules() -> list[tuple[dict, re.Pattern]]:
    return [(r, re.compile(lexicon.words(r["pattern"]), re.IGNORECASE)) for r in lexicon.load("instruments")["instruments"]]


def _refines(event_type: str, kind: str) -> bool:
    """Whether an instrument of ``kind`` makes an event of ``event_type`` that kind: any attack;
    a killing by a weapon that kills from afar ('murdered by a bomb' is a bombing that killed); a
    bombing from the air (an air strike)."""
    return event_type == "attack" or (event_type == "killing" and kind != "arson") or kind == "airstrike"


def _by_instrument(text: str, clause: Clause, trigger: Trigger) -> Trigger:
    """A general attack told with its instrument is that kind of attack ('attacked the bank with
    dynamite' is a bombing); see lexicons/instruments.yaml."""
    if trigger.type not in ("attack", "bombing", "killing"):
        return trigger
    target = phrase_after(text, trigger.end, clause.end) if trigger.kind == "verb" else None
    for rule, pattern in instrument_rules():
        found = pattern.search(text, clause.start, clause.end) if _refines(trigger.type, rule["type"]) else None
        if found and not (target and target.start <= found.start() < target.end):  # 'attacked several mines': a target
            return replace(trigger, type=rule["type"])  # bombs dropped from aircraft are an air strike
    return trigger


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
    conditioned: set[int] = set()  # sentences with a threat or demand told so far
    ordered, clauses = split_referred(text, state.clauses, by_clause)
    for position, (clause, cluster) in enumerate(ordered):
        cluster = [t for t in cluster if not _without().search(text, max(0, t.start - 30), t.start)]
        cluster = _armed_protest(state, clause, cluster)
        if not cluster or attribution_pattern().match(text, clause.start, clause.end) or _condition_set(clause, conditioned):
            continue
        best = _by_instrument(text, clause, _demanded(text, clause, _best(text, cluster)))
        best = carried_person(text, state.sentences[clause.sentence], best)
        if best.type in _conditions()["types"]:
            conditioned.add(clause.sentence)
        if best.type == "displacement" and attackers_leaving(text, state.sentences[clause.sentence][0], clause, best):
            continue
        if _is_setting(text, clause, best, state) and _next_in_sentence(ordered, position):
            carried += cluster  # "In a press release issued the next day, X denounced ...": one act
            continue
        joined = _joined_measures(text, cluster, best)
        for trigger in _distinct([best, *_other_kinds(text, cluster, best), *_coordinated_incidents(text, cluster, best),
                                  *joined]):
            mention = EventMention(clause=clause, trigger=trigger, others=(*[t for t in cluster if t is not trigger], *carried))
            told_as = best if trigger in joined else trigger  # a joined measure is told as the violence is
            mention.confidence = _base_confidence(text, clause, told_as, state, cluster)
            told_of_antecedent = not (_victim_named(text, trigger) or _object_relative(text, clause, trigger))
            if clause.lead in _BACKGROUND_LEADS and told_of_antecedent:
                mention.confidence -= 0.25
            events.append(mention)
        carried = []
    return replace(state, events=events, clauses=clauses)


# 'the talks ended without agreement', 'surrendered without a fight': what a clause says did not
# happen names no event of it.
@cache
def _without() -> re.Pattern:
    """'without' and what may stand between it and its noun (lexicons/triggers.yaml, without), compiled once."""
    return re.compile(rf"\bwithout\s+(?:(?:{lexicon.load('triggers')['without']['between']})\s+)?$", re.IGNORECASE)


@cache
def _conditions() -> dict:
    """Clause leads that open a condition, and the speech acts that set one (lexicons/triggers.yaml)."""
    entry = lexicon.load("triggers")["conditions"]
    return {"leads": frozenset(entry["leads"]), "types": frozenset(entry["types"])}


def _condition_set(clause: Clause, conditioned: set[int]) -> bool:
    """'warned that it would kill more judges | if the government went on extraditing': the
    condition a threat or demand of the sentence sets is no act told as done."""
    return clause.lead in _conditions()["leads"] and clause.sentence in conditioned


@cache
def _listed_acts() -> frozenset[str]:
    return frozenset(lexicon.load("triggers")["listed_acts"]["types"])


def _distinct(triggers: list[Trigger]) -> list[Trigger]:
    """Each trigger once, in order: a noun of another kind after 'and an' is both another kind and
    a coordinated incident, and must make one event."""
    out: list[Trigger] = []
    for trigger in triggers:
        if all(trigger is not seen for seen in out):
            out.append(trigger)
    return out


def _other_kinds(text: str, cluster: list[Trigger], best: Trigger) -> list[Trigger]:
    """'murdered them, exploded devices, burned the house' (in quotes, one clause): verbs of other
    kinds of attack listed in one clause, and nouns of them told with their victims ('the murder
    of X and the kidnapping of Y'), are acts of their own, one event per kind
    (lexicons/triggers.yaml, listed_acts); a toll or a general word stays the one event's."""
    acts = _listed_acts()
    if best.type not in acts:
        return []
    out: list[Trigger] = []
    for trigger in cluster:
        if ((trigger.kind == "verb" or _victim_named(text, trigger)) and trigger.weight >= 1 and trigger.type in acts
                and trigger.start != best.start
                and not _reason(text, trigger, cluster)
                and all(kind.type != trigger.type for kind in [best, *out])):
            out.append(trigger)
    return out


@cache
def _and_another() -> re.Pattern:
    """The "and a(n)"/"and another" lead that opens a coordinated incident, compiled once."""
    pattern = lexicon.load("triggers")["coordinated_incidents"]["pattern"]
    return re.compile(rf"\b(?:{pattern})$", re.IGNORECASE)


def _coordinated_incidents(text: str, cluster: list[Trigger], best: Trigger) -> list[Trigger]:
    """'another act of sabotage against the power grid and an attack on the village of Pochuta':
    a violent noun joined by 'and a(n)' after the clause's act, told with what it hit, is another
    incident, even of the same kind (lexicons/triggers.yaml, coordinated_incidents)."""
    if _class(best.type) != "violence":
        return []
    return [t for t in cluster if t.start > best.end and t.kind == "noun" and _class(t.type) == "violence"
            and undergone(text, t) and _and_another().search(text, max(0, t.start - 40), t.start)]


@cache
def _joined_measure_types() -> frozenset[str]:
    """Types a nominal joined after violence may take as an act of its own."""
    return frozenset(lexicon.load("triggers")["joined_measures"]["types"])


@cache
def _joined() -> re.Pattern:
    """'and', a determiner maybe and two words at most before a joined measure (lexicons/triggers.yaml)."""
    determiners = lexicon.alternation(lexicon.load("triggers")["joined_measures"]["determiners"])
    return re.compile(rf"\band\s+(?:(?:{determiners})\s+)?[\"“]?(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE)


def _joined_measures(text: str, cluster: list[Trigger], best: Trigger) -> list[Trigger]:
    """'attacks on the grid and a transportation stoppage': a coercive measure or a protest named
    by a nominal joined to violence by 'and' is an act of its own (lexicons/triggers.yaml)."""
    if _class(best.type) != "violence":
        return []
    kinds = _joined_measure_types()
    return [t for t in cluster if t.kind == "noun" and t.type in kinds and t.start > best.end
            and _joined().search(text, max(best.end, t.start - 40), t.start)][:1]


@cache
def own_pledges() -> frozenset[str]:
    """Rules of promises one party makes of its own act: the promise is the event, not what it
    promises to do (lexicons/lemmas.yaml, own_pledges)."""
    return frozenset(lexicon.load("lemmas")["own_pledges"]["classes"])


@cache
def _negated_pledges() -> frozenset[str]:
    """Rules of promises or consents that make a pledge when what they govern is ruled out
    ('agreed not to shell': lemmas.yaml, own_pledges negated_classes)."""
    return own_pledges() | frozenset(lexicon.load("lemmas")["own_pledges"]["negated_classes"])


_INFINITIVE_GAP = re.compile(r"(?:\s+(?:[\w'-]+\s+){0,4}?to)?\s+(?:[\w'-]+\s+){0,4}", re.IGNORECASE)
_TO = re.compile(r"\bto\s", re.IGNORECASE)
_RULED_OUT = re.compile(r"\b(?:not|never)\s+to\s", re.IGNORECASE)


def _governs(text: str, pledge: Trigger, act: Trigger) -> bool:
    """Whether ``act`` is the to-infinitive ``pledge`` governs: the 'to' in the gap, at the pledge's
    end ('ready to') or at the act's start ('to meet': a trigger that carries it)."""
    gap = _INFINITIVE_GAP.fullmatch(text, pledge.end, act.start)
    return gap is not None and (_TO.search(gap.group(0)) is not None or text[pledge.start:pledge.end].lower().endswith(" to")
                                or _TO.match(text, act.start) is not None)


def _pledge_of(text: str, pledge: Trigger, act: Trigger) -> bool:
    """Whether ``pledge`` promises ``act``: an act or gathering it governs, or any act it rules out
    ('agreed not to shell the port': neither done nor to come, the promise is all there is)."""
    if pledge.end > act.start or not _governs(text, pledge, act):
        return False
    if _RULED_OUT.search(text, pledge.end, act.start):
        return pledge.rule in _negated_pledges()
    return (pledge.rule in own_pledges() and _class(act.type) in ("act", "happening")
            and plover_coding(act.type, "future")[0] != "CONCEDE")


def _own_pledge(text: str, cluster: list[Trigger], best: Trigger) -> Trigger:
    """'offered to host talks', 'promised to send reinforcements': an act or a gathering told in the
    infinitive a promise of one party governs is promised, not done; the promise is the event. The
    manual codes a promised retreat or concession as the concession it announces."""
    pledges = [t for t in cluster if _pledge_of(text, t, best)]
    return pledges[-1] if pledges else best


@cache
def _orders_to_own() -> tuple[frozenset[str], re.Pattern]:
    """The directive classes and the words naming the orderer's own agents (lemmas.yaml, orders_to_own)."""
    data = lexicon.load("lemmas")["orders_to_own"]
    return frozenset(data["classes"]), re.compile(rf"\b(?:{lexicon.alternation(data['agents'])})\b", re.IGNORECASE)


def _ordered_of_own(text: str, cluster: list[Trigger], best: Trigger) -> Trigger:
    """'ordered the police to search the market': an order to the orderer's own agents is carried
    out through them, so the act or violence ordered, in the infinitive the order governs, is the event."""
    classes, agents = _orders_to_own()
    if best.rule not in classes:
        return best
    for t in sorted(cluster, key=lambda t: t.start):
        gap = text[best.end:t.start]
        if t.start < best.end or _class(t.type) not in ("act", "violence") or not _TO.search(gap):
            continue
        addressee = gap[:_TO.search(gap).start()]
        return t if _INFINITIVE_GAP.fullmatch(gap) and agents.search(addressee) else best
    return best


ARMED = "armed:"  # rule-name prefix of a protest word told of armed men, read as the violence told with it
DEMAND = "demand:"  # rule-name prefix of a trigger read as a demand ('must leave')
PROMISES = frozenset({"pledge"})  # 'agreed to a future meeting' names the meeting, told as future (a consent)


@cache
def _people_words() -> tuple[re.Pattern, re.Pattern]:
    groups = lexicon.load("groups")
    words = ([*groups["irregular_forces"], *groups["other_attackers"], *groups["insurgents"]], groups["displaced_people"])
    return tuple(re.compile(rf"\b(?:{lexicon.alternation(w)})\b", re.IGNORECASE) for w in words)


def attackers_leaving(text: str, sentence_start: int, clause: Clause, trigger: Trigger) -> bool:
    """'The gunmen torched the hall before fleeing': armed men leaving are no people displaced.
    The subject before the trigger decides; with none ('before fleeing', 'as they fled'), the
    people the sentence told last before the clause."""
    attackers, people = _people_words()
    head = text[clause.start:trigger.start]
    if attackers.search(head) or people.search(head):
        return attackers.search(head) is not None and not people.search(head)
    told = [(m.start(), True) for m in attackers.finditer(text, sentence_start, clause.start)]
    told += [(m.start(), False) for m in people.finditer(text, sentence_start, clause.start)]
    return bool(told) and max(told)[1]


@cache
def _armed_subject() -> re.Pattern:
    """Armed men who are no state's force (groups.yaml), as the subject opening a clause."""
    groups = lexicon.load("groups")
    words = [*groups["irregular_forces"], *groups["insurgents"], *groups["armed_bands"]]
    before = r"(?:(?!(?:by|against|with|for|from|those|who|whom|that|which)\b)[\w'-]+\W+)"  # not 'killed by gunmen'
    return re.compile(rf"\W*{before}{{0,{groups['armed_band_within']}}}?(?:{lexicon.alternation(words)})\b", re.IGNORECASE)


def _armed_protest(state: DocState, clause: Clause, cluster: list[Trigger]) -> list[Trigger]:
    """Armed men do not protest ('armed youths marched on the town', 'gunmen blocked the road and
    robbed the passengers'): a protest word told of them in a sentence that tells their violence is
    that violence, the way it was done. Told alone it stays (PLOVER counts an armed group's blockade a
    protest)."""
    text = state.text
    armed = [t for t in cluster if t.type == "protest" and _armed_subject().match(text[clause.start:t.start])]
    if not armed:
        return cluster
    start, end = state.sentences[clause.sentence]
    violence = [t.type for t in state.triggers if start <= t.start < end and _class(t.type) == "violence"]
    return [replace(t, type=violence[0], rule=ARMED + t.rule) if t in armed else t for t in cluster] if violence else cluster


def _class(event_type: str) -> str:
    return event_types()[event_type].kind


_SETTING = re.compile(r"^\W*(?:in|on|at|during|after|following|amid|with)\b", re.IGNORECASE)
_BACKGROUND_LEADS = frozenset({"which", "who", "whose"})


def _is_setting(text: str, clause: Clause, trigger: Trigger, state: DocState) -> bool:
    """A fronted prepositional phrase around a nominal sets the scene for the main clause; an
    earlier incident the phrase dates the main clause by is no scene but an incident of its own,
    and so is a nominal of a clause with its own finite verb ('after the rebels declared a truce');
    in capitals that verb is read only in a phrase that opens its sentence ('IN THE HILLS THE
    REBELS STAGED AN AMBUSH'), as a clause cut inside a sentence read so cost a type (nineteenth session)."""
    if trigger.kind != "noun" or _SETTING.match(text[clause.start:clause.end]) is None:
        return False
    opening = clause.start == state.sentences[clause.sentence][0]
    if holds_finite_verb(text, clause.start, trigger.start, state.caps and opening):
        return False
    return not _prior_incident(text, clause, trigger, state)


@cache
def _prior_time_phrase() -> re.Pattern:
    """The opening of a definite time phrase that may name an earlier incident ('after the', 'following this')."""
    words = "|".join(e["pattern"] for e in lexicon.load("triggers")["prior_incidents"])
    return re.compile(rf"\W*(?:{words})\s+(?:the|this|that|these|those)\b", re.IGNORECASE)


@cache
def _prior_word() -> re.Pattern:
    """The word that opens a time phrase which may name an earlier incident ('after', 'following')."""
    words = "|".join(e["pattern"] for e in lexicon.load("triggers")["prior_incidents"])
    return re.compile(rf"\W*(?:{words})\s", re.IGNORECASE)


def _prior_incident(text: str, clause: Clause, trigger: Trigger, state: DocState) -> bool:
    """'after the 16 November assassination of six Jesuits', 'after the mayor's murder': violence a
    time phrase names, told by its own date or by whom it hit, happened before the main clause's act."""
    if _class(trigger.type) != "violence":
        return False
    if _prior_time_phrase().match(text, clause.start, clause.end) and (
            undergone(text, trigger) or timex_starts_in(state, clause.start, clause.end)):
        return True
    return _prior_word().match(text, clause.start, clause.end) is not None and befell_possessor(text, clause.start, trigger)


_PASSIVE_END = re.compile(r"\b(?:was|were|is|are|has|have|had|been)\s+$", re.IGNORECASE)
_OBJECT_RELATIVE = re.compile(r"\W*which\s+(?:the\s+|its\s+|their\s+)?(?-i:[A-Z])?[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){0,3}\s+$",
                              re.IGNORECASE)


def _object_relative(text: str, clause: Clause, trigger: Trigger) -> bool:
    """'demands, which the government rejected': a relative clause with a subject of its own tells
    that subject's act on the antecedent (news), not what the antecedent is (background)."""
    if trigger.kind != "verb" or _class(trigger.type) != "speech":
        return False
    head = text[clause.start:trigger.start]
    return _OBJECT_RELATIVE.match(head) is not None and _PASSIVE_END.search(head) is None


def _victim_named(text: str, trigger: Trigger) -> bool:
    """'those who are responsible for the assassination of Monsignor Romero': violence told by whom
    it hit is an incident even in a relative clause, which otherwise only describes its antecedent."""
    toll = trigger.rule == "death-of"  # 'an attack, which resulted in the death of X': its toll
    return trigger.kind == "noun" and not toll and _class(trigger.type) == "violence" and undergone(text, trigger)


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
    if trigger.kind == "noun" and (trigger.rule.startswith(ATTRIBUTIVE) or not is_supported(text, clause, trigger, state, cluster)):
        return 0.35
    return 0.7 if trigger.kind == "verb" or trigger.weight >= 2 else 0.6
