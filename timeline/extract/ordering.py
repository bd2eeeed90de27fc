"""Ordering stage: relations between a document's events from cue words, clause structure, tense.

Rules, in order: cue connectives ("then", "subsequently", "in the past ... now"), subordinate
clauses ("when", "after", "while"), participle clauses ("overran the base, detaining ..."),
containment (a meeting during a visit), presupposition ("blamed Iran for the attack" comes after
the attack), future after what was told before it, and last, narrative order: a past event
after the event told before it (an event the text dates only where its date leaves the order open).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import cache, lru_cache

from .. import dates
from ..taxonomy import agrees, event_types, root
from . import lexicon, liveblog
from .modality import PROMISE_MADE, SPEECH_ACTS
from .attachment import list_item
from .dating import reporting
from .lookup import cached, clauses_before, events_of, grouped, items_in_range, keyed_by, timexes_in
from .phrases import lemmas
from .state import Clause, DocState, EventMention
from .triggers import is_definite, triggers_in

_PAST_PERFECT = re.compile(r"\bhad\s+(?:\w+\s+)?\w+(?:ed|en|wn|ne|ld|nt)\b", re.IGNORECASE)
_PRESENT_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?\w+(?:ed|en|wn|ne|ld|nt)\b", re.IGNORECASE)
_MAX_SENTENCE_GAP = 2
_BACKGROUND = frozenset({"that", "which", "who", "whom", "whose", "if", "whether", "because", "although", "though",
                         "when", "while", "after", "before", "as", "since", "until", "once", "as soon as"})


@cache
def _data() -> dict:
    return lexicon.load("ordering")


@cache
def _cue_patterns() -> list[tuple[dict, re.Pattern]]:
    return [(c, re.compile(lexicon.words(c["pattern"]), re.IGNORECASE)) for c in _data()["cues"]]


@cache
def _subordinators() -> list[tuple[dict, re.Pattern]]:
    return [(c, re.compile(r"^\W*" + lexicon.words(c["pattern"]), re.IGNORECASE)) for c in _data()["subordinators"]]


@cache
def _present_perfect() -> re.Pattern:
    """'has been', 'have already' right before a trigger."""
    return re.compile(_data()["news_lead"]["present_perfect"] + r"\s+$", re.IGNORECASE)


def _canonical(state: DocState, index: int) -> int:
    event = state.events[index]
    return index if event.same_as is None else _canonical(state, event.same_as)


def _live(state: DocState, threshold: float) -> list[int]:
    """Mentions that end up as evidence: confident ones whose event is kept."""
    return [i for i in range(len(state.events))
            if min(state.events[i].confidence, state.events[_canonical(state, i)].confidence) >= threshold]


def _live_in_sentence(state: DocState, live: list[int], sentence: int) -> list[int]:
    """The live mentions of one sentence, in text order."""
    keyed = cached(state, "ordering_sentences", live, lambda _: keyed_by(live, lambda i: state.events[i].clause.sentence))
    return items_in_range(keyed, live, sentence, sentence)


def _live_by_type(state: DocState, live: list[int]) -> dict[str, list[int]]:
    return cached(state, "ordering_types", live, lambda _: grouped(live, lambda i: state.events[i].type))


def _relate(state: DocState, a: int, relation: str, b: int, rule: str) -> None:
    ca, cb = _canonical(state, a), _canonical(state, b)
    linked = any(t == cb for _, t in state.events[ca].relations) or any(
        t == ca for _, t in state.events[cb].relations)
    if ca != cb and not linked and not _done_after_to_come(state.events[ca], relation, state.events[cb]):
        state.events[ca].relations.append((relation, cb))
        state.events[ca].cues.append(rule)


def _done_after_to_come(event: EventMention, relation: str, other: EventMention) -> bool:
    """An act told as done cannot follow or fall within one still to come ('opposed the withdrawal'
    of troops that 'would be leaving'): the order holds for the telling, not for the future act's
    window, which lies after the report and would drag the done act past it."""
    return relation in ("during", "same") and event.modality in ("asserted", "negated") and other.modality in ("future", "hypothetical")


def _opening(state: DocState, event: EventMention, over_reports: bool = True) -> str:
    """The clause's text from the sentence's start when no clause before it tells an event ('Hours
    later, armed men stopped a vehicle'; 'Previously, another garment, the hijab, was banned') or,
    unless ``over_reports``, reports one; else with a short trigger-less clause before it."""
    clause = event.clause
    text = state.text[clause.start:event.trigger.start]
    before = clauses_before(state, clause)
    if before and not any(events_of(state, c) for c in before) and (over_reports or not _reports(state, before)):
        text = state.text[before[0].start:event.trigger.start]
    elif before and len(state.text[before[-1].start:before[-1].end].split()) <= 3:
        text = state.text[before[-1].start:before[-1].end] + " " + text
    return text


def _reports(state: DocState, clauses: list[Clause]) -> bool:
    """'Finally, Ponce reported that ...': a cue before a reporting verb tells when it was reported."""
    return reporting().search(state.text, clauses[0].start, clauses[-1].end) is not None


def _neighbour(state: DocState, live: list[int], pos: int, step: int, first_only: bool = False) -> int | None:
    """The nearest live mention of another event, before (step -1) or after (step 1)."""
    here = _canonical(state, live[pos])
    sentence = state.events[live[pos]].clause.sentence
    k = pos + step
    while 0 <= k < len(live):
        other = state.events[live[k]]
        if abs(other.clause.sentence - sentence) > _MAX_SENTENCE_GAP + 1:
            return None
        if _canonical(state, live[k]) != here and not (first_only and state.events[live[k]].same_as is not None):
            return live[k]
        k += step
    return None


def _cue_rules(state: DocState, live: list[int], pos: int) -> bool:
    event = state.events[live[pos]]
    opening = _opening(state, event, over_reports=False)
    for cue, pattern in _cue_patterns():
        hit = pattern.match(opening.lstrip(" ,\"'")) if cue["scope"] == "lead" else pattern.search(
            state.text, event.clause.start, event.clause.end) or pattern.match(opening.lstrip(" ,\"'"))
        if not hit:
            continue
        other = _neighbour(state, live, pos, -1 if cue["target"] == "previous" else 1)
        if other is not None and cue.get("counted") and not _counts_from(state, live[pos], other):
            continue
        if other is not None:
            _relate(state, live[pos], cue["relation"], other, cue["name"])
            return True
    return False


def _counts_from(state: DocState, index: int, other: int) -> bool:
    """A counted delay ('the next day') orders an act the text leaves undated (a stated day carries
    the delay already) after one told in a simple tense (a flashback's sequel is told in the past
    perfect too, so a delay in a simple tense counts from the story's time)."""
    return not _told_with_date(state, index) and not _told_in_past_perfect(state, state.events[other])


def _subordinate_rules(state: DocState, live: list[int], pos: int) -> bool:
    """'when X, Y' / 'after X, Y': relate the main clause's events to the subordinate one."""
    sub = state.events[live[pos]]
    for cue, pattern in _subordinators():
        if not pattern.match(state.text[sub.clause.start:sub.clause.end]):
            continue
        mains = _mains(state, _live_in_sentence(state, live, sub.clause.sentence), sub.clause)
        if not mains:
            return False
        _relate_main(state, live[pos], mains, cue)
        return True
    return False


def _mains(state: DocState, in_sentence: list[int], sub: Clause) -> list[int]:
    """The events of the clause a subordinate clause modifies: the ones after it ('After X, Y';
    'said that after X, Y'), unless an event told before it in the sentence is its main clause and
    what follows is coordinated ('Y a few hours before X, but Z said ...'; 'Y after X.')."""
    following = [i for i in in_sentence if state.events[i].clause.start > sub.start]
    preceding = [i for i in in_sentence if state.events[i].clause.start < sub.start][-1:]
    if preceding and (not following or state.events[following[0]].clause.lead):
        return preceding
    return following


def _relate_main(state: DocState, sub: int, mains: list[int], cue: dict) -> None:
    relation = cue["relation"]
    if relation == "when":
        event = state.events[sub]
        trigger_text = state.text[event.trigger.start:event.clause.end]
        lasting = event.type in _data()["durative_types"] and not re.search(
            lexicon.words(_data()["inchoative"]), trigger_text, re.IGNORECASE)
        if lasting:
            _relate(state, sub, "overlaps", mains[0], "when-lasting")
            return
        relation = "after"
    for main in mains if relation == "after" else mains[:1]:
        _relate(state, main, relation, sub, cue["name"])


def _containment(state: DocState, live: list[int], pos: int) -> bool:
    event = state.events[live[pos]]
    for rule in _data()["containers"]:
        if event.type not in rule["contained"]:
            continue
        for i in _live_in_sentence(state, live, event.clause.sentence):
            other = state.events[i]
            if other.type in rule["container"] and i != live[pos] and _same_party(other, event):
                _relate(state, live[pos], "during", i, rule["name"])
                return True
    return False


def _same_party(a: EventMention, b: EventMention) -> bool:
    """Told of the same person or party, or of an unnamed subject both share."""
    named = set(a.people) | set(a.actors), set(b.people) | set(b.actors)
    return bool(named[0] & named[1]) or not (named[0] or named[1])


def _presupposition(state: DocState, live: list[int], pos: int) -> bool:
    """'claimed responsibility for the attack': a reaction comes after what it refers to.

    The event referred to is the latest one of that type told before, or in the same sentence
    ("denounced the memoranda ... in which Turkey and Libya agreed").
    """
    event = state.events[live[pos]]
    answered = _answered(state, live, pos)
    if answered is not None:
        relation, rule = _governed_relation(state.text, state.events[answered].trigger.start)
        _relate(state, live[pos], relation, answered, rule)
        return True
    inner = triggers_in(state.text, event.trigger.start + 1, event.trigger.end)
    for other in [*event.others, *inner]:
        if other.type == event.type or not is_definite(state.text, other):
            continue
        referred = _referred(state, live, live[pos], other.type)
        if referred is not None and not _later_entry(state, state.events[referred], event):
            relation, rule = _governed_relation(state.text, other.start)
            _relate(state, live[pos], relation, referred, rule)
            return True
    named = _named_by_its_verb(state, live, pos)
    if named is not None and not _later_entry(state, state.events[named[0]], event):
        relation, rule = _governed_relation(state.text, named[1])
        _relate(state, live[pos], relation, named[0], rule)
        return True
    return False


_GOVERNOR_REACH = 60  # characters before a nominal read for its preposition ('in the run-up to Monday's ')


def _governed_relation(text: str, start: int) -> tuple[str, str]:
    """The relation a preposition governing the nominal at ``start`` gives the act to the event the
    nominal names ('during the hearing': during; 'ahead of the vote': before), else after it."""
    head = text[max(0, start - _GOVERNOR_REACH):start]
    for rule, pattern in _governing_prepositions():
        if pattern.search(head):
            return rule["relation"], rule["name"]
    return "after", "presupposition"


@cache
def _governing_prepositions() -> list[tuple[dict, re.Pattern]]:
    """Each preposition class with its pattern anchored right before a determiner and the nominal."""
    det = r"(?:the|this|that|these|those|its|their|his|her|[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+){0,2}$"
    return [(r, re.compile(rf"\b(?:{r['pattern']})\s+{det}", re.IGNORECASE)) for r in _data()["governing_prepositions"]]


def _later_entry(state: DocState, other: EventMention, event: EventMention) -> bool:
    """'Police fire tear gas at the protesters' in a blog told newest first: the protest told above
    it in an entry stamped later is a later one, not the act it names (the clock orders entries)."""
    entries = liveblog.stamps_of(state)
    if not entries:
        return False
    ranks = liveblog.clock_ranks(entries)
    mine, theirs = (liveblog.entry_index(entries, e.clause.start) for e in (event, other))
    return mine is not None and theirs is not None and ranks[theirs] > ranks[mine]


_DEFINITE_NOUN = re.compile(r"\b(?:the|these|those|such|its|their|his|her|[A-Za-z]+['’]s)\s+(?:[a-z-]+\s+)?([a-z]{4,})\b", re.IGNORECASE)


def _named_by_its_verb(state: DocState, live: list[int], pos: int) -> tuple[int, int] | None:
    """'warplanes struck 18 targets ... Iran condemned the strikes': a reaction's definite or
    possessed noun ('welcomed Monday's charges') whose lemma is the verb of an event told before
    refers to that event (the latest such); with where that noun stands."""
    event = state.events[live[pos]]
    if event.type not in _data()["reactions"]["types"]:
        return None
    by_lemma = cached(state, "ordering_verb_lemmas", live, lambda _: _positions_by_verb_lemma(state, live))
    latest, noun = -1, -1
    for found in _DEFINITE_NOUN.finditer(state.text, event.trigger.end, event.clause.end):
        for lemma in lemmas(found.group(1).lower(), "NOUN", guess=True):
            positions = by_lemma.get(lemma, [])
            before = bisect.bisect_left(positions, pos)
            if before and positions[before - 1] > latest:
                latest, noun = positions[before - 1], found.start(1)
    return (live[latest], noun) if latest >= 0 else None


def _positions_by_verb_lemma(state: DocState, live: list[int]) -> dict[str, list[int]]:
    """Positions in ``live`` of the events told by a verb, responses too ('charged ... denied the
    charges'), by the verb's lemma."""
    found: dict[str, list[int]] = {}
    for n, index in enumerate(live):
        event = state.events[index]
        if event.trigger.kind == "verb":
            word = state.text[event.trigger.start:event.trigger.end].split()[0].lower()
            for lemma in lemmas(word, "VERB", guess=True):
                found.setdefault(lemma, []).append(n)
    return found


def _answered(state: DocState, live: list[int], pos: int) -> int | None:
    """The violence cut off this reaction's clause ('arrested ... | for the bombing', 'the murder
    | is attributed to'): the mention right before or after it, marked answered."""
    event = state.events[live[pos]]
    for other in (pos - 1, pos + 1):
        if 0 <= other < len(live):
            near = state.events[live[other]]
            touching = near.clause.end == event.clause.start or near.clause.start == event.clause.end
            if near.clause.answered and near.clause.sentence == event.clause.sentence and touching:
                return live[other]
    return None


def _referred(state: DocState, live: list[int], index: int, event_type: str) -> int | None:
    """The live mention of another type that a definite nominal at mention ``index`` refers to: the
    latest one told before, or, when one follows in the same sentence, the first one told."""
    same_type = _live_by_type(state, live).get(event_type, [])
    before = bisect.bisect_left(same_type, index)
    if before < len(same_type) and state.events[same_type[before]].clause.sentence == state.events[index].clause.sentence:
        return same_type[0]
    return same_type[before - 1] if before else None


def _presupposed(state: DocState, live: list[int], pos: int) -> bool:
    """'The hostages were freed on Sunday': an event whose meaning presupposes an earlier one (a
    release a captivity, an arrest of suspects a crime) comes after the latest such told before it."""
    event = state.events[live[pos]]
    for rule, clause in _presupposed_rules():
        if event.type not in rule["later"] or event.modality not in ("asserted", "negated") or \
                _told_in_past_perfect(state, event) != bool(rule.get("flashback_only")):
            continue  # 'had signed a truce in 2020': a flashback, not the sequel of what was told last
        if clause is not None and not clause.search(state.text, event.clause.start, event.clause.end):
            continue
        earlier = _latest_of_kinds(state, live, live[pos], tuple(rule["earlier"]))
        if earlier is not None and event.clause.sentence - state.events[earlier].clause.sentence > \
                rule.get("reach", len(state.sentences)):
            continue  # told too far back to be what this one answers
        if earlier is not None and not _dated_after(state.events[earlier], event):
            _relate(state, live[pos], "after", earlier, rule["name"])
            return True
    return False


def _told_after_its_sequel(state: DocState, live: list[int], pos: int) -> bool:
    """'A court sentenced him on Friday. In that attack he killed ...': an undated act told right
    after an event that presupposes it (a verdict, the act it judges) is what that event answers,
    so it came before it, not next as narrative order would have it."""
    event = state.events[live[pos]]
    if _told_with_date(state, live[pos]) or event.modality not in ("asserted", "negated"):
        return False
    other = _neighbour(state, live, pos, -1, first_only=True)
    if other is None:
        return False
    sequel, kinds = state.events[other], _kinds(event.type)
    for rule, clause in _presupposed_rules():
        if rule.get("either_order") and sequel.type in rule["later"] and \
                any(k in rule["earlier"] for k in kinds) and \
                (clause is None or clause.search(state.text, sequel.clause.start, sequel.clause.end)):
            _relate(state, live[pos], "before", other, rule["name"])
            return True
    return False


@cache
def _presupposed_rules() -> list[tuple[dict, re.Pattern | None]]:
    """Each presupposition rule with its clause pattern compiled, if it has one."""
    return [(r, re.compile(lexicon.words(r["clause"]), re.IGNORECASE) if r.get("clause") else None)
            for r in _data()["presupposed"]]


def _latest_of_kinds(state: DocState, live: list[int], index: int, kinds: tuple[str, ...]) -> int | None:
    """The latest live mention told before ``index`` of one of ``kinds`` or a kind of one (a later
    telling of an earlier act is the thread the story resumed)."""
    by_kind = cached(state, "ordering_kinds", live, lambda _: _by_kind(state, live))
    found = [positions[before - 1] for kind in kinds
             if (before := bisect.bisect_left(positions := by_kind.get(kind, []), index))]
    return max(found) if found else None


def _by_kind(state: DocState, live: list[int]) -> dict[str, list[int]]:
    """Live mentions under their type and each broader type it refines, in text order."""
    found: dict[str, list[int]] = {}
    for i in live:
        for kind in _kinds(state.events[i].type):
            found.setdefault(kind, []).append(i)
    return found


@lru_cache(maxsize=256)
def _kinds(event_type: str) -> tuple[str, ...]:
    """The type and every broader type it refines ('bombing': bombing, attack)."""
    return tuple(k for k in event_types() if agrees(event_type, k))


def _dated_after(earlier: EventMention, later: EventMention) -> bool:
    """Stated dates that put the supposed antecedent wholly after the event."""
    if not (earlier.date_stated and later.date_stated and earlier.date and later.date):
        return False
    start, end = dates.parse(earlier.date).earliest, dates.parse(later.date).latest
    return start is not None and end is not None and start > end


def _coordinated(state: DocState, live: list[int], pos: int) -> bool:
    """'met in Accra in January and imposed sanctions': the second verb shares the first's occasion."""
    event = state.events[live[pos]]
    if event.date_stated or event.clause.lead != "and" or pos == 0:
        return False
    previous = state.events[live[pos - 1]]
    if previous.clause.sentence != event.clause.sentence or not previous.date_stated:
        return False
    before = clauses_before(state, event.clause)
    if before and list_item(state, before[-1]):
        return False  # 'charged that X, two lieutenants, and two soldiers are implicated': a list's 'and'
    _relate(state, live[pos], _data()["coordinated"]["relation"], live[pos - 1], _data()["coordinated"]["name"])
    return True


def _same_occasion(state: DocState, live: list[int], pos: int) -> bool:
    """'He also announced ...' right after the same party's dated act: the same occasion."""
    event, rule = state.events[live[pos]], _data()["same_occasion"]
    if event.date_stated or pos == 0:
        return False
    head = state.text[event.clause.start:event.trigger.end]
    if not re.search(lexicon.words(rule["pattern"]), head, re.IGNORECASE):
        return False
    previous = state.events[live[pos - 1]]
    near = event.clause.sentence - previous.clause.sentence <= _MAX_SENTENCE_GAP
    if not (near and previous.date_stated and _same_party(previous, event) and (event.people or event.actors)):
        return False
    _relate(state, live[pos], rule["relation"], live[pos - 1], rule["name"])
    return True


def _reaction(state: DocState, live: list[int], pos: int) -> bool:
    """Undated reactions told after a story's dated lead event (an attack) respond to it."""
    event = state.events[live[pos]]
    rule = _data()["reactions"]
    if event.type not in rule["types"] or event.date_stated or event.modality not in ("asserted", "negated"):
        return False
    if any(state.events[i].date_stated for i in _live_in_sentence(state, live, event.clause.sentence)):
        return False  # a dated event in its own sentence sets its time, not the lead
    if _PAST_PERFECT.search(state.text, event.clause.start, event.clause.end) and not _reported(state, event) or \
            event.clause.lead in _BACKGROUND:
        return False
    lead, flashback = cached(state, "ordering_lead", live, lambda _: _lead_and_flashback(state, live))
    if lead is None or lead >= pos:
        return False
    if flashback < pos and not _refers_back(state, event):
        return False
    _relate(state, live[pos], "after", live[lead], "reaction")
    return True


def _same_day_reaction(state: DocState, live: list[int], pos: int) -> bool:
    """'Athens summoned the envoy the same evening': a reaction dated to the day of the violence
    told before it answers it, which the shared day alone leaves unordered."""
    event = state.events[live[pos]]
    day = _stated_day(event)
    if day is None or event.type not in _data()["reactions"]["types"] or event.modality not in ("asserted", "negated") \
            or _told_in_past_perfect(state, event) or _told_as_earlier(state, event):
        return False
    violence = cached(state, "ordering_violence_days", live, lambda _: _violence_by_day(state, live)).get(day, [])
    before = bisect.bisect_left(violence, pos)
    if not before or _canonical(state, live[violence[before - 1]]) == _canonical(state, live[pos]):
        return False
    rule = _data()["same_day_reactions"]
    _relate(state, live[pos], rule["relation"], live[violence[before - 1]], rule["name"])
    return True


def _told_as_earlier(state: DocState, event: EventMention) -> bool:
    """'after being detained earlier that day': a clause a cue puts before what follows it."""
    text = state.text[event.clause.start:event.clause.end]
    return any(cue["relation"] == "before" and pattern.search(text) for cue, pattern in _cue_patterns())


def _stated_day(event: EventMention) -> dt.date | None:
    """The one day a mention's own stated date names, if it names one."""
    return dates.one_day(event.date) if event.date_stated else None


def _violence_by_day(state: DocState, live: list[int]) -> dict[dt.date, list[int]]:
    """Positions in ``live`` of the violence reactions answer (attacks, clashes, their kinds), by
    the one day each is stated to have happened on."""
    found: dict[dt.date, list[int]] = {}
    for n, i in enumerate(live):
        day, first = _stated_day(state.events[i]), state.events[_canonical(state, i)]
        if day is not None and root(state.events[i].type) in _data()["reactions"]["to"] and \
                (not first.date_stated or _stated_day(first) == day):  # not a later mention of a longer act
            found.setdefault(day, []).append(n)
    return found


def _lead_and_flashback(state: DocState, live: list[int]) -> tuple[int | None, int]:
    """The position in ``live`` of the story's lead (its first dated event of a type reactions
    answer, else the violence it opens with: ``_undated_lead``), and the first position after it
    where the story goes back in time (an earlier dated event: a new thread began), or ``len(live)``."""
    types = _data()["reactions"]["to"]
    lead = next((n for n, k in enumerate(live) if root(state.events[k].type) in types and state.events[k].date_stated
                 and state.events[k].same_as is None), None)
    if lead is None:
        return _undated_lead(state, live), len(live)
    start = dates.parse(state.events[live[lead]].date).earliest
    for n in range(lead + 1, len(live)):
        other = state.events[live[n]]
        if other.date_stated and start is not None:
            earliest = dates.parse(other.date).earliest
            if earliest is None or earliest < start:
                return lead, n
    return lead, len(live)


def _undated_lead(state: DocState, live: list[int]) -> int | None:
    """A story that dates no violence still leads with it: the first asserted attack or clash told
    by a verb in a main clause of its first sentences (the news lead's reach) is what its reactions
    answer, not a war told in passing ('when the conflict erupted again ...') nor a noun."""
    types, reach = _data()["reactions"]["to"], _data()["news_lead"]["lead_sentences"]
    return next((n for n, k in enumerate(live) if root(state.events[k].type) in types and _leads(state.events[k], reach)), None)


def _leads(event: EventMention, reach: int) -> bool:
    """Told as the story's news: asserted by a verb in a main clause of its first ``reach`` sentences."""
    return event.same_as is None and event.modality == "asserted" and event.clause.sentence < reach and \
        event.clause.lead not in _BACKGROUND and event.trigger.kind == "verb"


def _refers_back(state: DocState, event: EventMention) -> bool:
    """Words that point at the lead event ('the perpetrators', 'condemnation', 'the victims')."""
    start, end = state.sentences[event.clause.sentence]
    pattern = lexicon.words(_data()["reactions"]["refers_back"])
    return re.search(pattern, state.text[start:end], re.IGNORECASE) is not None


def _future(state: DocState, live: list[int], pos: int) -> bool:
    """What is to come comes after the last act told before it; so does a promise told as made that no
    rule before placed on its occasion ('under which the fighters withdrew and agreed to ...')."""
    event = state.events[live[pos]]
    if event.modality not in ("future", "hypothetical") and PROMISE_MADE not in event.cues:
        return False
    told = cached(state, "ordering_told", live, lambda _: [n for n, i in enumerate(live)
                                                           if state.events[i].modality in ("asserted", "negated")])
    before = bisect.bisect_left(told, pos)
    if before:
        _relate(state, live[pos], "after", live[told[before - 1]], "future")
        return True
    return False


def _told_with_date(state: DocState, index: int) -> bool:
    """Any mention of this event states a date (the event takes it when it is built)."""
    root = _canonical(state, index)
    dated = cached(state, "ordering_dated_roots", state.events, lambda events: {
        _canonical(state, i) for i, e in enumerate(events) if e.date_stated})
    return root in dated


@cache
def _another_thread() -> re.Pattern:
    return re.compile(r"\W*" + lexicon.words(lexicon.load("coreference")["another_incident"]["pattern"]), re.IGNORECASE)


def _parallel(state: DocState, event: EventMention) -> bool:
    """'In addition, a truck was attacked', 'Meanwhile, ...': another thread, not the next step."""
    return _another_thread().match(_opening(state, event)) is not None


def _part_of_wider_act(state: DocState, live: list[int], pos: int) -> bool:
    """'Students marched in the capital on Monday. Police detained dozens.': an undated act of harm
    told right after a wider act of violence or unrest is one of its parts, not what came next."""
    event, rule = state.events[live[pos]], _data()["parts_of_wider_acts"]
    if _told_with_date(state, live[pos]) or event.modality not in ("asserted", "negated") or event.trigger.kind != "verb" or \
            event.clause.lead in _BACKGROUND or _PAST_PERFECT.search(state.text, event.clause.start, event.clause.end):
        return False
    other = _wider_act_before(state, live, pos, rule["wider"], rule["wider_days"])
    if other is None:
        return False
    _relate(state, live[pos], rule["relation"], other, rule["name"])
    return True


def _wider_act_before(state: DocState, live: list[int], pos: int, wider: dict[str, list[str]], max_days: int) -> int | None:
    """The latest asserted act, told in this sentence or the one before and dated to its day, of a
    type of which this event's type may be a part."""
    event = state.events[live[pos]]
    for k in range(pos - 1, -1, -1):
        other = state.events[live[k]]
        if event.clause.sentence - other.clause.sentence > 1:
            return None
        if event.type in wider.get(other.type, ()) and other.modality in ("asserted", "negated") and \
                _canonical(state, live[k]) != _canonical(state, live[pos]) and _within_days(other, max_days) and \
                not _told_as_present(state, other):  # 'is at war with the army': a state, not an occasion
            return live[k]
    return None


def _within_days(event: EventMention, days: int) -> bool:
    """The mention's own stated date spans at most ``days`` days (an act told to its day or night)."""
    return bool(event.date_stated and event.date) and dates.parse(event.date).width_days() <= days


def _participle_clause(state: DocState, live: list[int], pos: int) -> bool:
    """'overran the base, detaining forty men': an act told by a participle after a comma, with no
    date of its own, belongs to the main act told before it in its sentence (during it); one a participle of causing
    governs ('forcing thousands to flee') is what that act brought about (after it)."""
    found = _participle_main(state, live, pos)
    if found is None:
        return False
    _relate(state, live[pos], found[1], found[0], _data()["participle_clauses"]["name"])
    return True


def _participle_main(state: DocState, live: list[int], pos: int) -> tuple[int, str] | None:
    """The main act a participle clause at ``pos`` belongs to, and its relation to it."""
    event, rule = state.events[live[pos]], _data()["participle_clauses"]
    if event.trigger.kind != "verb" or pos == 0:
        return None
    main = state.events[live[pos - 1]]
    if main.clause.sentence != event.clause.sentence or _canonical(state, live[pos - 1]) == _canonical(state, live[pos]):
        return None
    if _told_with_date(state, live[pos]) and not (event.date_stated and event.date == main.date):
        return None  # a date of its own orders it; the sentence's one date shared with the main act does not
    opened = _participle_opening(state, main, event)
    if opened is None or reporting().search(state.text, main.trigger.end, opened.start()):
        return None  # '..., the ministry said, calling the shelling an outrage': a clause of the saying
    if opened.start(2) == event.trigger.start:
        return live[pos - 1], rule["relation"]
    if re.fullmatch(rule["result"], opened.group(2).lower()) and \
            len(state.text[opened.end():event.trigger.start].split()) <= _RESULT_REACH:
        return live[pos - 1], rule["result_relation"]
    return None


def _participle_opening(state: DocState, main: EventMention, event: EventMention) -> re.Match | None:
    """The last participle that opens a phrase between the main act and the event and runs on to the
    event's trigger with no stop between: after a comma, or after 'and' when the main act is itself
    told by such a participle ('burning huts and killing ten')."""
    found, pattern = None, _PARTICIPLE_CAPS if state.caps else _PARTICIPLE
    for found in pattern.finditer(state.text, main.trigger.end, event.trigger.end):
        pass
    if found is None or _STOP.search(state.text, found.end(), event.trigger.start):
        return None
    main_word = state.text[main.trigger.start:main.trigger.end].split()[0].lower()
    return found if found.group(1) == "," or main_word.endswith("ing") else None


_PARTICIPLE = re.compile(r"(,|\band)\s+(?:and\s+)?([a-z]+ing)\b")
_PARTICIPLE_CAPS = re.compile(r"(,|\bAND)\s+(?:AND\s+)?([A-Z]+ING)\b")  # wire copy in capitals: 'AND KILLING TEN'
_STOP = re.compile(r"[,;:.()\"]")
_RESULT_REACH = 6  # words from the participle of causing to the act it brings about ('forcing hundreds of farmers to flee')


def _narrative(state: DocState, live: list[int], pos: int) -> bool:
    """A past event told after another event, dated or not, happened after it (narrative order):
    'The army shelled the port on Monday. Rebels then ...' without the cue; an event the text
    dates only where its date leaves the order open (``_date_leaves_order_open``)."""
    event = state.events[live[pos]]
    if event.modality not in ("asserted", "negated") or event.clause.lead in _BACKGROUND:
        return False
    if _PAST_PERFECT.search(state.text, event.clause.start, event.clause.end) or _parallel(state, event):
        return False
    other = _main_act(state, live, _neighbour(state, live, pos, -1, first_only=True))
    if other is None or state.events[other].modality not in ("asserted", "negated") or _across_entries(state, event, state.events[other]):
        return False
    if _spoken_of(state.events[other], event) or _told_as_present(state, state.events[other]) or \
            _discourse_break(state, state.events[other], event):
        return False
    if _told_with_date(state, live[pos]) and not _date_leaves_order_open(state, live[pos], other):
        return False
    _relate(state, live[pos], "after", other, "narrative")
    return True


def _date_leaves_order_open(state: DocState, index: int, other: int) -> bool:
    """'Raiders looted a depot in March. ... Rangers searched the hills in March': an act the text
    dates is still the story's next step when both acts' dates are closed windows that meet (the
    dates cannot order them) and the act's is no narrower than the one told before it in an earlier
    sentence. A narrower date places the act by itself ('Pickets held the gates all week. ...
    Twelve were detained on Thursday'); acts of one sentence share its date, not a sequence ('On
    Friday they sealed the port and burned a lorry'); the act told before must be told by a verb
    (a noun names an act, 'raids in the province', without telling when the story reached it); and
    neither may be told as a state: in the present perfect ('has been barred since 2009') or lasting
    from its date ('cut from Thursday afternoon')."""
    event, before_it = state.events[index], state.events[other]
    if before_it.clause.sentence == event.clause.sentence or before_it.trigger.kind != "verb" or \
            not _narrated(state, event) or _told_from(state, event) or _told_from(state, before_it) or \
            _PRESENT_PERFECT.search(state.text, event.clause.start, event.trigger.end):
        return False
    own, before = (_closed_window(state.events[_canonical(state, i)]) for i in (index, other))
    return own is not None and before is not None and dates.intersection(own, before) is not None and \
        own.width_days() >= before.width_days()


def _closed_window(event: EventMention) -> dates.Bounds | None:
    """The event's date as a window bounded on both sides, if it is one."""
    window = dates.parse(event.date) if event.date else None
    return window if window is not None and None not in (window.earliest, window.latest) else None


def _main_act(state: DocState, live: list[int], index: int | None) -> int | None:
    """The act a participle clause belongs to ('overran the base, detaining forty men'): the story's
    next step comes after the whole act, not only after the part told last."""
    if index is None:
        return None
    found = _participle_main(state, live, bisect.bisect_left(live, index))
    return found[0] if found and found[1] == _data()["participle_clauses"]["relation"] else index


def _discourse_break(state: DocState, earlier: EventMention, later: EventMention) -> bool:
    """'He has pleaded not guilty.' then, a paragraph on, 'A witness said gunmen burned the huts':
    what a paragraph past the lead told in the present perfect is done by the time of telling, so
    what the story tells after it did not come after it (the lead's 'has kidnapped 20 people' is
    the news its paragraphs go on to tell, and stays their anchor)."""
    return earlier.clause.sentence >= _data()["news_lead"]["lead_sentences"] and \
        _present_perfect().search(state.text, earlier.clause.start, earlier.trigger.start) is not None and \
        _BLANK_LINE.search(state.text, earlier.trigger.end, later.trigger.start) is not None


_BLANK_LINE = re.compile(r"\n\s*\n")


def _same_day_narrative(state: DocState, live: list[int], pos: int) -> bool:
    """'Rebels shelled the border town on Friday. The army seized the bridge on Friday.':
    an act stated to the day of the latest act told before it in an earlier sentence nearby comes
    after it (the shared day alone leaves the two unordered; narrative order looks at the act told
    right before only)."""
    event = state.events[live[pos]]
    day = _stated_day(event)
    if day is None or event.trigger.kind != "verb" or not _narrated(state, event) or _told_from(state, event):
        return False
    here = _canonical(state, live[pos])
    for k in range(pos - 1, -1, -1):
        other = state.events[live[k]]
        if event.clause.sentence - other.clause.sentence > _MAX_SENTENCE_GAP or _across_entries(state, event, other):
            return False
        if other.clause.sentence < event.clause.sentence and _canonical(state, live[k]) != here and \
                _stated_day(other) == day and _narrated(state, other) and not _told_from(state, other):
            rule = _data()["same_day_narrative"]
            _relate(state, live[pos], rule["relation"], live[k], rule["name"])
            return True
    return False


@cache
def _onset() -> re.Pattern:
    """The words that open a lasting state on a day ('cut from Thursday afternoon'), compiled once."""
    return re.compile(lexicon.words(_data()["same_day_narrative"]["onset"]) + r"\s+$", re.IGNORECASE)


def _told_from(state: DocState, event: EventMention) -> bool:
    """'mobile internet was cut from Thursday afternoon': a state that began on the day and lasts,
    not one step of that day's story."""
    return any(_onset().search(state.text, max(event.clause.start, t.start - 20), t.start)
               for t in timexes_in(state, event.clause.start, event.clause.end))


def _narrated(state: DocState, event: EventMention) -> bool:
    """A verb in a simple tense in a main clause, told as done: a step of the story, not a
    flashback, a background clause, another thread or a state."""
    if event.modality not in ("asserted", "negated") or event.clause.lead in _BACKGROUND:
        return False
    return not (_told_in_past_perfect(state, event) or _told_as_earlier(state, event)
                or _parallel(state, event) or _told_as_present(state, event))


def _across_entries(state: DocState, event: EventMention, other: EventMention) -> bool:
    """Two mentions in different entries of a live blog: the clock orders them (``_clock_order``),
    not the text, which a blog told newest first turns around."""
    entries = liveblog.stamps_of(state)
    return bool(entries) and liveblog.entry_index(entries, event.clause.start) != liveblog.entry_index(entries, other.clause.start)


def _entry_news(state: DocState, event: EventMention) -> bool:
    """A mention an entry reports as the blog day's news: asserted, dated to the blog's day (or the
    night before it) with no time named in its sentence (the stamp is its time: 'shots were fired
    shortly before 2 a.m.' is told at nine of the night before), not told in the past perfect, as
    earlier, or in a background clause."""
    if event.modality not in ("asserted", "negated") or not event.date or state.published is None:
        return False
    start, end = state.sentences[event.clause.sentence]
    if liveblog.names_other_time(state, start, end):
        return False
    window = dates.parse(event.date)  # open at its start: 'has declared a curfew', done by the entry's report
    if window.latest != state.published or window.earliest is not None and (state.published - window.earliest).days > 1:
        return False
    return not (_told_in_past_perfect(state, event) or _told_as_earlier(state, event) or event.clause.lead in _BACKGROUND)


@cache
def _recap_words() -> re.Pattern:
    """The words of an entry that sums up the blog (ordering.yaml clock_order recap), compiled once."""
    return re.compile(lexicon.words(lexicon.alternation(_data()["clock_order"]["recap"])), re.IGNORECASE)


def _recaps(state: DocState, entries: list[tuple[int, int]]) -> set[int]:
    """Entries that sum up the blog so far ('A quick summary: ...'): they tell no news of their hour."""
    pattern = _recap_words()
    ends = [start for start, _ in entries[1:]] + [len(state.text)]
    return {n for n, ((start, _), end) in enumerate(zip(entries, ends)) if pattern.search(state.text, start, end)}


def _clock_order(state: DocState, live: list[int]) -> None:
    """Live blog: the news an entry reports came after the news of the entry before it by the
    clock; each event counts in the first entry by the clock that reports it."""
    entries = liveblog.stamps_of(state)
    if not entries:
        return
    ranks, first, recaps = liveblog.clock_ranks(entries), {}, _recaps(state, entries)
    for i in live:
        index = liveblog.entry_index(entries, state.events[i].clause.start)
        if index is not None and index not in recaps and _entry_news(state, state.events[i]):
            event = _canonical(state, i)
            first[event] = min(first.get(event, ranks[index]), ranks[index])
    by_rank, rule = grouped(list(first), first.get), _data()["clock_order"]
    told = sorted(by_rank)
    for earlier, later in zip(told, told[1:]):
        for a in by_rank[later]:
            for b in by_rank[earlier]:
                _relate(state, a, rule["relation"], b, rule["name"])
    _reported_before_later_news(state, live, entries, ranks, by_rank)


def _reported_before_later_news(state: DocState, live: list[int], entries: list[tuple[int, int]],
                                ranks: list[int], by_rank: dict[int, list[int]]) -> None:
    """Live blog: a past act an entry reports but does not date ('19:30 - Lawyers say he was
    arrested') was done by the entry's stamp, so before the news of the next entry by
    the clock (which came after that stamp): the clock orders it, not only the entry's own news."""
    rule, ranks_with_news = _data()["clock_order"], sorted(by_rank)  # entries by clock, those with news
    reported: dict[int, int] = {}
    for i in live:
        event, index = state.events[i], liveblog.entry_index(entries, state.events[i].clause.start)
        if index is None or not _reported_past(state, event):
            continue
        canonical = _canonical(state, i)
        reported[canonical] = min(reported.get(canonical, ranks[index]), ranks[index])
    for event, rank in reported.items():  # event: its canonical index; rank: its earliest entry's
        later = bisect.bisect_right(ranks_with_news, rank)
        if later < len(ranks_with_news) and event not in by_rank[ranks_with_news[later]]:
            for a in by_rank[ranks_with_news[later]]:
                _relate(state, a, rule["relation"], event, rule["reported_name"])


def _reported_past(state: DocState, event: EventMention) -> bool:
    """An act told as done (asserted or negated, not in the present) that the text leaves undated:
    the clock is all that bounds it, while an act the text dates has its own window, which the
    clock's order could contradict (a night-before act dated to the blog's day)."""
    if event.modality not in ("asserted", "negated") or _told_as_present(state, event) or state.published is None:
        return False
    return not event.date


_PRESENT = re.compile(r"\b(?:is|are|am)\s+(?:(?:still|now|currently|presently|\w+ly)\s+)*(?!being\b)(?!\w+ed\b)\w+",
                      re.IGNORECASE)


def _told_as_present(state: DocState, event: EventMention) -> bool:
    """'The council is currently in conflict with it': a state told in the present holds when the
    story is told; what the story tells after it did not come after it."""
    return _PRESENT.search(state.text, event.clause.start, event.trigger.end) is not None


def _spoken_of(speech: EventMention, event: EventMention) -> bool:
    """'Cristiani today charged that two soldiers are implicated in the assassination of the
    Jesuits': a nominal told after a speech act in its sentence is what was said, not what came next."""
    return (event.trigger.kind == "noun" and speech.type in SPEECH_ACTS
            and speech.clause.sentence == event.clause.sentence)


def _told_in_past_perfect(state: DocState, event: EventMention) -> bool:
    """'had been damaged', not 'announced the state had extended': the tense is the trigger's own."""
    return _PAST_PERFECT.search(state.text[event.clause.start:event.trigger.end]) is not None


def _reported(state: DocState, event: EventMention) -> bool:
    """'Lorenzana said he had ordered troops on alert': a reporting verb of its sentence governs the
    event, so a past perfect is before the report, not before what the story told earlier."""
    start = state.sentences[event.clause.sentence][0]
    return reporting().search(state.text, start, event.trigger.start) is not None


def _past_perfect(state: DocState, live: list[int], pos: int) -> bool:
    """'The army said it had killed 20 rebels': an undated event told in the past perfect happened
    before the story's reference time, the nearest event told before it in a simple tense."""
    event = state.events[live[pos]]
    if _told_with_date(state, live[pos]) or event.modality not in ("asserted", "negated") or \
            not _told_in_past_perfect(state, event):
        return False
    here = _canonical(state, live[pos])
    for k in range(pos - 1, -1, -1):
        other = state.events[live[k]]
        if event.clause.sentence - other.clause.sentence > _MAX_SENTENCE_GAP:
            return False
        if _canonical(state, live[k]) == here or other.modality not in ("asserted", "negated") or \
                _told_in_past_perfect(state, other):
            continue
        rule = _data()["past_perfect"]
        _relate(state, live[pos], rule["relation"], live[k], rule["name"])
        return True
    return False


_RULES = (_cue_rules, _participle_clause, _containment, _coordinated, _same_occasion, _presupposition, _presupposed, _reaction, _same_day_reaction,
          _past_perfect, _future, _told_after_its_sequel, _part_of_wider_act,
          _same_day_narrative, _narrative)


def _backgrounds(state: DocState, live: list[int]) -> list[tuple[dt.date, int]]:
    """(latest day, position in ``live``) of the events the story dates well before publication."""
    if state.published is None:
        return []
    cutoff = state.published - dt.timedelta(days=_data()["news_lead"]["older_than_days"])
    old = []
    for n, i in enumerate(live):
        event = state.events[i]
        if i == _canonical(state, i) and event.date_stated and event.date:
            latest = dates.parse(event.date).latest
            if latest is not None and latest < cutoff:
                old.append((latest, n))
    return old


def _news(state: DocState, live: list[int], first_background: int) -> list[int]:
    """The story's news: the event it opens with in its first sentences, the events told before its
    background begins (inverted pyramid), and events told in the present perfect ('has been
    delayed'), which reports what is recent. The background begins with the sentence that dates
    it ('... and closed the border, and three reporters were detained in May 2020')."""
    rule = _data()["news_lead"]
    news = [live[0]] if live and state.events[live[0]].clause.sentence < rule["lead_sentences"] else []
    begins = state.events[live[first_background]].clause.sentence
    news += [i for i in live[1:first_background] if state.events[i].clause.sentence < begins] if news else []
    news += [i for i in live[first_background:] if _present_perfect().search(
        state.text, state.events[i].clause.start, state.events[i].trigger.start)]
    return list(dict.fromkeys(_canonical(state, i) for i in news))


def _news_lead(state: DocState, live: list[int]) -> None:
    """Inverted pyramid: the story's undated news comes after the background it dates a year or
    more before publication ('was fatally shot in 2011')."""
    old = _backgrounds(state, live)
    if not old:
        return
    rule, latest = _data()["news_lead"], _latest_backgrounds(state, live, old)  # once: not per news event
    for news in _news(state, live, min(n for _, n in old)):
        event = state.events[news]
        if _told_with_date(state, news) or event.modality != "asserted" or event.clause.lead in _BACKGROUND or \
                event.trigger.kind != "verb" or _told_in_past_perfect(state, event):
            continue
        for background in latest:
            _relate(state, news, rule["relation"], background, rule["name"])


def _latest_backgrounds(state: DocState, live: list[int], old: list[tuple[dt.date, int]]) -> list[int]:
    """The latest background and those its date does not end before ('floods hit the valley in
    2019 and a landslide buried two hamlets'): the news follows each, and their dates alone cannot
    order it after the others."""
    latest = max(old)
    start = dates.parse(state.events[live[latest[1]]].date).earliest
    found = [n for day, n in old if start is None or day >= start]
    return [live[n] for n in sorted(found)[-_LATEST_BACKGROUNDS:]]  # the nearest few: a long
    # document's news times all its backgrounds of one year would be quadratic


_LATEST_BACKGROUNDS = 6


_DAY_PART = re.compile(r"^\d{4}-\d\d-\d\dT([A-Z]{2})$")
_DAY_PART_REACH = 12  # earlier events of one day a new one is ordered against: a long document
# (an archive joined into one text) tells the same days again and again, and relating every pair
# of them grew with the square of its length


def _day_part(state: DocState, event: EventMention) -> tuple[str, int] | None:
    """(day, rank of the part of that day) when a time expression of the event's clause, or of the
    eventless clauses opening its sentence, names a part of the day the event is dated to."""
    parts = _data()["day_parts"]["order"]
    before = clauses_before(state, event.clause)
    start = before[0].start if before and not any(events_of(state, c) for c in before) else event.clause.start
    for timex in timexes_in(state, start, event.clause.end):
        found = _DAY_PART.match(timex.value or "")
        if found and found.group(1) in parts and timex.edtf == event.date:
            return event.date, parts.index(found.group(1))
    return None


def _day_parts(state: DocState, live: list[int]) -> None:
    """'cleared the square on Tuesday morning ... blocked the bridge on Tuesday evening': events
    dated to one day by its parts follow the order of those parts."""
    rule, seen = _data()["day_parts"], {}
    for i in live:
        event = state.events[i]
        part = _day_part(state, event) if event.date_stated and event.date else None
        if part is None:
            continue
        for other, rank in seen.get(part[0], []):
            if rank != part[1]:  # told in either order: 'that evening ... earlier that morning'
                later, earlier = (i, other) if rank < part[1] else (other, i)
                _relate(state, later, rule["relation"], earlier, rule["name"])
        told = seen.setdefault(part[0], [])
        told.append((i, part[1]))
        del told[:-_DAY_PART_REACH]


def order(state: DocState, options) -> DocState:
    """Stage: relations for every live event mention, first rule that applies wins."""
    live = _live(state, options.min_confidence)
    for pos in range(len(live)):
        _subordinate_rules(state, live, pos)
    for pos in range(len(live)):
        canonical = live[pos] == _canonical(state, live[pos])
        related = canonical and bool(state.events[live[pos]].relations)
        rules = _RULES if canonical else (_cue_rules, _presupposition)
        rules = rules[:1] if related else rules
        for rule in rules:
            if rule(state, live, pos):
                break
    _news_lead(state, live)
    _day_parts(state, live)
    _clock_order(state, live)
    return state
