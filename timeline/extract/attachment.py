"""Which time expressions belong to an event: its own clause's, or those of a clause of its
sentence that has no event of its own, never those that belong to another verb or noun.

Used by the anchoring stage; each function reads the document state and decides nothing else.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from . import lexicon
from .clauses import AUXILIARIES, FINITE, PAST_VERBS, holds_verb, opens_sequel
from .coreference import compatible
from .dating import answered_for, dating_participle, dating_tail, modifies_noun, reporting, speech_frame, time_relative
from .lookup import clauses_after, clauses_before, events_of, sentence_clauses, timexes_in
from .state import Clause, DocState, EventMention
from ..taxonomy import of_class
from .triggers import support_pattern


_RELATIVES = frozenset({"who", "whom", "whose", "which", "that"})
_SUBORDINATE = frozenset({"while", "when", "as", "after", "before", "since", "although", "though", "because",
                          "whereas", "if", "until"})
_RELATIVE_TO = re.compile(r"\b(?:after|before|since|following|prior to|ahead of)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


def placed_relative(state: DocState, event: EventMention) -> bool:
    """'..., a day after the Hamas attack': an event named as the reference of a time shift is
    not at the sentence's date (the ordering stage relates it instead)."""
    return _RELATIVE_TO.search(state.text, event.clause.start, event.trigger.start) is not None


_SPEECH = of_class("speech")


def fronted(state: DocState, event: EventMention) -> tuple[list, list]:
    """Time expressions of the trigger-less clauses that open the event's sentence, as (told,
    report): those after the last reporting verb tell when the event happened ('police reported
    today that yesterday terrorists burned ...'); those of the report ('On Saturday, Trump said
    ...', 'reported today') only bound it."""
    told, report, clause = [], [], event.clause
    after_report = False  # the clause before was a reporting one: a 'that' opens what it reports
    relative = None  # the relative clause that may go on into the next one
    carried = False  # the sentence's opening date reaches over a clause with an event of its own
    for other in sentence_clauses(state, clause.sentence):
        if other.start >= clause.start:
            continue
        if _continues_relative(state.text, relative, other):
            continue  # 'X, who was envoy until December, criticized ...': the description's date
        relative = other if other.lead in _RELATIVES and other.lead != "that" else None
        speaker = next(reversed(events_of(state, other)), None)
        frame = speech_frame().match(state.text, other.start, other.end) is not None  # 'speaking at a meeting on ...'
        said = speaker is not None and speaker.type in _SPEECH and event.modality == "future"
        if speaker is not None and speaker.trigger.weight > 0 and not frame and not said:
            if other.lead in _SUBORDINATE:  # 'Last night, while the country mourned the attack, a bomb ...'
                after_report = False
                continue
            if not _frame_reaches(state, _frame(state, clause.sentence), told + report, other, event):
                return [], []
            carried = True  # 'Late on Sunday, gunmen stormed a post | and the guards fled'
            if speaker.type in _SPEECH or reporting().search(state.text, other.start, other.end):
                report, told = report + told, []  # 'On Monday, police said rebels attacked ... and burned ...'
            after_report = False
            continue
        if frame or speaker is not None or reporting().search(state.text, other.start, other.end) or _quoted_after(
                state.text, other.end, event):
            report, told, after_report = report + told + timexes_in(state, other.start, other.end), [], True
            continue
        if other.lead not in _RELATIVES or (other.lead == "that" and after_report):
            told += _clause_frame_dates(state, other)  # not 'An employee who was fired last week'
        after_report = False
    return _framed(state, event, told, report) if carried else (told, report)


_OPENS_APPOSITION = re.compile(r",\s*(?:the|a|an)\s[^,;.:]*$", re.IGNORECASE)
_CLOSES_APPOSITION = re.compile(r"['’]s\s[^,;.:]*,", re.IGNORECASE)


def _clause_frame_dates(state: DocState, clause: Clause) -> list:
    """The dates an earlier clause with no event gives what follows it, less a possessive date in
    an apposition ('X, the loser of Sunday's vote, said he was detained'): it describes the person
    or thing, it is not the time of the act ('Sunday's storm, the worst in years, killed ...' is)."""
    return [t for t in timexes_in(state, clause.start, clause.end)
            if not (_OPENS_APPOSITION.search(state.text, max(0, t.start - 80), t.start)
                    and _CLOSES_APPOSITION.match(state.text, t.end))]


_OUT_OF_THE_FRAME = frozenset({"before", "until", "if", "unless"}) | _RELATIVES
_BEFORE_THE_FRAME = frozenset({"after", "because", "since"})


def _frame_reaches(state: DocState, frame: list, found: list, other: Clause, event: EventMention) -> bool:
    """'Late on Sunday, gunmen stormed a post and the guards fled': a date phrase that opens the
    sentence is the time of every clause it governs, over a clause with an event of its own but
    no date of its own (a clause with its own date ends its reach)."""
    return (bool(found) and all(t in frame for t in found) and _finite_clause(state, event.clause)
            and all(t in frame for t in timexes_in(state, other.start, other.end))
            and not any(_infinitive(state.text, e) for e in [*events_of(state, other), event]))


_TO_BEFORE = re.compile(r"\bto\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _infinitive(text: str, event: EventMention) -> bool:
    """'allowing troops to search homes', 'vowed to return': an act an infinitive names is allowed,
    ordered or planned, not done at the time of the clause that governs it."""
    return _TO_BEFORE.search(text, max(0, event.trigger.start - 20), event.trigger.start) is not None


def _reports_the_rest(state: DocState, event: EventMention) -> bool:
    """', the army said': a speech act told with a reporting verb after what it reports."""
    return event.type in _SPEECH and reporting().search(state.text, event.clause.start, event.clause.end) is not None


_CUT_BEFORE = re.compile(r"[,;:]\s*$")


def _finite_clause(state: DocState, clause: Clause) -> bool:
    """A clause with a verb of its own, opened by a connective or cut off by a comma ('and the
    guards fled', ', killing two'), not an item of a list or a noun phrase cut off its verb."""
    if not clause.lead and not _CUT_BEFORE.search(state.text, max(0, clause.start - 3), clause.start):
        return False
    return holds_verb(state.text, clause.start, clause.end, state.caps)


_COMMA_AFTER = re.compile(r"\s*,")


def _frame(state: DocState, sentence: int) -> list:
    """The dates of a phrase that opens a sentence and frames what it tells: its first clause when
    that is a date phrase cut off by a comma, with no event and no verb ('Late on Sunday,', 'EARLY
    THIS MORNING,', 'At dawn on Monday,')."""
    first = next(iter(sentence_clauses(state, sentence)), None)
    found = timexes_in(state, first.start, first.end) if first is not None else []
    if not found or events_of(state, first) or not _COMMA_AFTER.match(state.text, first.end):
        return []
    gaps = zip([first.start, *(t.end for t in found)], [*(t.start for t in found), first.end])
    return [] if any(holds_verb(state.text, start, end, state.caps) for start, end in gaps) else found


def _framed(state: DocState, event: EventMention, told: list, report: list) -> tuple[list, list]:
    """The opening date carried to a clause past another's event: a neighbouring clause's date
    wins; an 'after' or 'because' clause tells what came no later, a 'before', 'if', 'that' or relative
    clause what the frame does not place, nor does a trailing report (', police said')."""
    lead = event.clause.lead
    if lead in _OUT_OF_THE_FRAME or _reports_the_rest(state, event) or _coordinated_tail(state, event) \
            or _dating_tail(state, event) or _relative_result(state, event):
        return [], []
    if lead in _BEFORE_THE_FRAME:
        return [], report + told
    return told, report


def _quoted_after(text: str, start: int, event: EventMention) -> bool:
    """'The headlines today were: "Castillo's murder condemned"': an event told inside a quotation
    that a colon opens after the fronted words is what was said or printed then; their date is the
    saying's (words merely set in quotes, 'after a 72-hour "armed strike"', are no quotation)."""
    opened = _COLON_QUOTE.search(text, start, event.trigger.start)
    if opened is None:
        return False
    between = text[opened.end() - 1:event.trigger.start]
    return between.count('"') % 2 == 1 or between.count("“") > between.count("”")


_COLON_QUOTE = re.compile(r':\s*["“]')


def _continues_relative(text: str, relative: Clause | None, other: Clause) -> bool:
    """A clause that opens, with no comma, right after a relative clause ('who was envoy | until
    December') still describes the relative's antecedent."""
    return relative is not None and other.lead in _SUBORDINATE and "," not in text[relative.end:other.start]


_NP_GAP = re.compile(r"[\s\w'-]{0,40}")  # whole gaps only: fullmatch, also between offsets
_VERBISH = re.compile(rf"\b(?:{'|'.join(sorted(FINITE))}|\w+ed|to|in|on|at|for|with|by|from|of|after|before|"
                      r"and|or|but|that|which)\b", re.IGNORECASE)


@cache
def _words(name: str) -> list[str]:
    """A word list of dating.yaml kept for this module, so its words live beside their examples."""
    return lexicon.load("dating")[name]["words"]


@cache
def _adverbial_date() -> re.Pattern:
    """A preposition that governs the date right after it (lexicons/dating.yaml, adverbial_date)."""
    return re.compile(rf"\b(?:{lexicon.alternation(_words('adverbial_date'))})\s+$", re.IGNORECASE)


def modifies_the_trigger(text: str, timex, event: EventMention) -> bool:
    """'after the 18 August assassination of the senator': a date inside the phrase of the event's
    own nominal names its day; the preposition before it governs the noun, not the date."""
    trigger = event.trigger
    if trigger.kind != "noun" or not timex.end < trigger.start:
        return False
    gap = text[timex.end:trigger.start]
    return _NP_GAP.fullmatch(gap) is not None and not _VERBISH.search(gap) and not _POSSESSIVE.match(text, timex.end)


_FRONTED = re.compile(r"(?:^|[.!?][\"”’)]?\s+|\n\s*|\s[-–—]\s)$")


def _modifies_other(text: str, timex, event: EventMention) -> bool:
    """'denounced the November 27 border agreement': a date inside the phrase of a nominal of
    another kind is that nominal's ('Last week a car bombing killed five' dates the killing); a date
    a preposition governs is an adverbial, not a noun's modifier ('In March 2019 shelling killed twelve')."""
    if _adverbial_date().search(text, max(0, timex.start - 8), timex.start) or \
            _FRONTED.search(text, max(0, timex.start - 4), timex.start):
        return False  # 'Yesterday a coalition of unions called a strike': a date opening its sentence is no noun's
    for other in event.others:
        if other == event.trigger or compatible(other.type, event.type):
            continue
        gap = text[timex.end:other.start]
        if other.kind == "noun" and other.start >= timex.end and _NP_GAP.fullmatch(gap) and not _VERBISH.search(gap):
            return True
    return False


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+(?:(?:on|in|at|during|since|early|late|until)\s+)?$")


def _dates_a_participle(text: str, timex, event: EventMention) -> bool:
    """'measures announced last weekend', 'arrested on Tuesday for the shooting': a date right
    after a verb that is not the event's own is that verb's date ('reported Monday's attack' is
    not: a possessive date belongs to the noun after it)."""
    before = _WORD_BEFORE.search(text, max(event.clause.start, timex.start - 40), timex.start)
    if before is None or text.startswith(("'s", "’s"), timex.end):
        return False
    word = before.group(1).lower()
    verb = word in PAST_VERBS or (len(word) > 4 and word.endswith("ed"))
    own = any(t.start <= before.start(1) < t.end for t in [event.trigger, *event.others])
    predicate = event.trigger.kind == "noun" and support_pattern().fullmatch(word) is not None
    told_as_sequel = before.start(1) == event.clause.start and opens_sequel(text, event.clause)
    return verb and not own and not predicate and not told_as_sequel and not _staged(text, before.start(1), event)


_BY_AGENT_BEFORE = re.compile(r"\b(?P<verb>[A-Za-z]{3,}ed)\s+by\s+(?:[\w.'’-]+\s+){1,5}$", re.IGNORECASE)


def _dates_a_participle_before(text: str, timex, event: EventMention) -> bool:
    """'the curfew, imposed by Mayor Gomez 6 days ago to curtail the terrorist actions': a date
    right after a participle and its agent is the participle's, not that of a nominal told after it."""
    if timex.end > event.trigger.start:
        return False
    found = _BY_AGENT_BEFORE.search(text, max(event.clause.start, timex.start - 60), timex.start)
    return found is not None and not any(t.start <= found.start("verb") < t.end for t in [event.trigger, *event.others])


def _staged(text: str, word_start: int, event: EventMention) -> bool:
    """'the attack staged tonight': a dating participle right after one of the event's nominals
    carries that nominal's date ('the ceasefire held on Wednesday' is the ceasefire's too)."""
    participle = dating_participle().match(text, word_start)
    return participle is not None and any(
        t.kind == "noun" and t.end <= word_start and not text[t.end:word_start].strip()
        for t in [event.trigger, *event.others])


_SAME_TIME = frozenset({"and", "when", "as", "while"})
_ADVERBIAL_WORDS = re.compile(r"\b(?:on|in|at|by|during|early|late|since|the|of)\b|[\W\d_]+", re.IGNORECASE)


def _only_a_date(state: DocState, clause: Clause) -> bool:
    """'..., on Thursday, ...': a clause that is nothing but a time adverbial."""
    found = timexes_in(state, clause.start, clause.end)
    if not found:
        return False
    rest = state.text[clause.start:clause.end]
    for t in sorted(found, key=lambda t: -t.start):
        rest = rest[:t.start - clause.start] + " " + rest[t.end - clause.start:]
    return _ADVERBIAL_WORDS.sub("", rest).strip() == ""


_ADVERBIAL_OPENING = re.compile(r"\W*(?:at|on|in|around|about|shortly|just|early|late|(?P<agent>by))\b", re.IGNORECASE)


def _adverbial_tail(state: DocState, clause: Clause) -> bool:
    """'was shot at the custody centre, at roughly 2am (0100 UTC) on Friday by a prisoner', 'the
    assassination of X, a minister, by suspected guerrillas early this morning': a verbless clause
    opened by a preposition of time or place, or by the agent, that holds a date adds when and by
    whom to the clause before it ('by the end of the year' is a deadline, not an agent)."""
    opening = _ADVERBIAL_OPENING.match(state.text, clause.start)
    found = timexes_in(state, clause.start, clause.end) if opening else []
    if not found or (opening.group("agent") and found[0].start <= opening.end() + 1):
        return False
    rest = state.text[clause.start:clause.end]
    for t in sorted(found, key=lambda t: -t.start):  # 'this morning' is no verb in '-ing'
        rest = rest[:t.start - clause.start] + " " + rest[t.end - clause.start:]
    words = [w.lower() for w in _WORDS.findall(rest)]
    attributive = _attributive_after()
    return not any(w in FINITE or (len(w) > 4 and w.endswith(("ed", "ing")) and before not in attributive)
                   for before, w in zip(["", *words], words))


@cache
def _attributive_after() -> frozenset[str]:
    """Words an '-ed' word right after is an adjective for ('by suspected guerrillas', 'at an
    unnamed base'; lexicons/dating.yaml, attributive_after)."""
    return frozenset(_words("attributive_after"))


def answers_for(text: str, timex, event: EventMention) -> bool:
    """'arrested Monday for the bombing', 'convicted in March of the murder': a date told with a
    response right before what it answers for is the response's, not the event's."""
    if timex.end > event.trigger.start:
        return False
    gap, of_gap, of_before = answered_for()
    if gap.fullmatch(text, timex.end, event.trigger.start):
        return True
    return of_gap.fullmatch(text, timex.end, event.trigger.start) is not None and of_before.search(
        text, max(0, timex.start - 40), timex.start) is not None


def dated_response(state: DocState, event: EventMention):
    """'were arrested Monday for the bombing': the date is the response's; what it answers for
    came no later (the timex of such a response, or None)."""
    found = [t for t in timexes_in(state, event.clause.start, event.trigger.start)
             if answers_for(state.text, t, event)]
    if not found and event.clause.answered:  # its own clause, cut off the response's
        found = _response_dates(state, event.clause)
    return found[-1] if found else None


def _response_dates(state: DocState, clause: Clause) -> list:
    """The time expressions of the reaction a clause was cut off (the clause right before or after it)."""
    sibling = [c for c in sentence_clauses(state, clause.sentence) if c.end == clause.start or c.start == clause.end]
    return [t for c in sibling for t in timexes_in(state, c.start, c.end)]


def _coordinated_tail(state: DocState, event: EventMention) -> list:
    """'Riots left three dead and engulfed the streets on Wednesday', 'were killed when
    protesters threw petrol bombs at a bank on Wednesday', 'bombed the camp, on Thursday': a
    trigger-less clause right after the event's, joined by 'and' or a connective of the same
    time, or nothing but a time adverbial, gives the event its date."""
    later = clauses_after(state, event.clause)
    while len(later) > 1 and (list_item(state, later[0]) or _place_phrase(state, later[0])):
        later = later[1:]  # 'killed X, five other Jesuits, and two women on 16 November'
    if not later or events_of(state, later[0]):
        return []
    if later[0].lead not in _SAME_TIME and not (_only_a_date(state, later[0]) or _adverbial_tail(state, later[0])):
        return []
    if later[0].lead not in _SAME_TIME and _heads_the_next_clause(state, event, later):
        return []
    tail = replace(event, clause=later[0])
    return [t for t in timexes_in(state, later[0].start, later[0].end)
            if not _dates_a_participle(state.text, t, tail)]


_WORDS = re.compile(r"[A-Za-z]+")


def list_item(state: DocState, clause: Clause) -> bool:
    """', five other Jesuits,': a clause with no lead, no event, no date and no verb is one item of
    a list the clause before began, which the clause after it goes on with."""
    if clause.lead or events_of(state, clause) or timexes_in(state, clause.start, clause.end):
        return False
    words = [w.lower() for w in _WORDS.findall(state.text, clause.start, clause.end)]
    return bool(words) and words[0] not in _PREPOSITIONS and not any(
        w in FINITE or (len(w) > 4 and w.endswith("ed")) for w in words)


def _place_phrase(state: DocState, clause: Clause) -> bool:
    """', in a village of the district, Morazan Department,': a verbless phrase with no event and
    no date says where the act before it happened; a dating tail after it still dates that act."""
    if clause.lead or events_of(state, clause) or timexes_in(state, clause.start, clause.end):
        return False
    words = [w.lower() for w in _WORDS.findall(state.text, clause.start, clause.end)]
    return bool(words) and not any(w in FINITE or (len(w) > 4 and w.endswith(("ed", "ing"))) for w in words)


# ', in the jungle province of La Mar,': a verbless clause opening on one of these says where or
# how, it is no item of a list.
_PREPOSITIONS = frozenset({"in", "on", "at", "of", "for", "with", "from", "near", "by", "to", "into", "about",
                           "during", "under", "between", "among", "across", "along", "outside", "inside", "north",
                           "south", "east", "west", "including", "according"})


def _heads_the_next_clause(state: DocState, event: EventMention, later: list[Clause]) -> bool:
    """'Regarding the death of Edgard Chacon, today, 30 June, the FMLN states': dates between a
    nominal that opens the sentence and the main clause that follows, with an event of its own,
    are that clause's."""
    if event.trigger.kind != "noun" or clauses_before(state, event.clause):
        return False  # only a nominal that opens its sentence
    following = next((c for c in later if not _only_a_date(state, c)), None)
    return following is not None and not following.lead and bool(events_of(state, following))


def _dating_tail(state: DocState, event: EventMention) -> list:
    """'the murder of Ms Casanova, carried out this morning by terrorists', '... Rodriguez'
    murder, which was perpetrated early today': the clause right after a nominal event that
    exists to date it gives the event its date."""
    later = clauses_after(state, event.clause)
    while later[:1] and later[0].lead in _RELATIVES - {"that"} and len(later) > 1:
        later = later[1:]  # 'a new attack on the pipeline, which caused a spill, was carried out this morning'
    if event.trigger.kind != "noun" or not later or not dating_tail().match(state.text, later[0].start, later[0].end):
        return []
    return timexes_in(state, later[0].start, later[0].end)


_VIOLENCE = of_class("violence")
_RELATIVE_VERB = re.compile(r"\W*(?:which|that)\s+(?:(?:also|then|later|had|has|have|was|were)\s+)*$", re.IGNORECASE)
_IN_WHICH = re.compile(r"\b(?:in|during)\W*$", re.IGNORECASE)
_TOLL_SUBJECT = re.compile(r"\W*which\s+(?:[\w'-]+\s+){1,6}$", re.IGNORECASE)


def _relative_result(state: DocState, event: EventMention) -> list:
    """'a bomb attack that left four children injured on 26 July', 'the explosion, which killed
    two people yesterday', 'the attack on Friday in which two people were killed': a relative
    clause that tells a violent nominal's toll happens when that nominal does (its dates are the
    nominal's)."""
    later = clauses_after(state, event.clause)
    if event.trigger.kind != "noun" or not later or later[0].lead not in ("which", "that"):
        return []
    told, start = events_of(state, later[0]), later[0].start
    if not told and event.type in _VIOLENCE and _part_in_which().search(state.text, max(0, start - 12), start):
        return _told_in_the_past(state, later[0])  # 'a car-bomb attack from which he escaped unharmed today'
    opening = _TOLL_SUBJECT if _IN_WHICH.search(state.text, max(0, start - 12), start) else _RELATIVE_VERB
    if not told or event.type not in _VIOLENCE or not all(
            e.type in _VIOLENCE and e.trigger.kind == "verb" and opening.fullmatch(state.text, start, e.trigger.start)
            for e in told):
        return []
    return [t for e in told for t in clause_dates(state, e)]


@cache
def _part_in_which() -> re.Pattern:
    """'from which', 'during which' after a violent nominal (lexicons/dating.yaml, part_in_which)."""
    return re.compile(rf"\b(?:{lexicon.alternation(_words('part_in_which'))})\W*$", re.IGNORECASE)
_PRESENT = frozenset({"is", "are", "has", "have", "remains", "remain", "continues", "continue"})


def _told_in_the_past(state: DocState, clause: Clause) -> list:
    """The dates of a relative clause that tells, in the past and without an event of its own, what
    someone did or suffered in the nominal before it ('from which he escaped unharmed today', 'in
    which he was wounded yesterday'): they are the nominal's ('is still recovering today' is not)."""
    words = {w.lower() for w in _WORDS.findall(state.text, clause.start, clause.end)}
    past = words & (PAST_VERBS | {"was", "were", "had"}) or any(len(w) > 4 and w.endswith("ed") for w in words)
    return timexes_in(state, clause.start, clause.end) if past and not words & _PRESENT else []


_VERB_FIRST = re.compile(rf"\W*(?:{'|'.join(sorted(AUXILIARIES))})\b", re.IGNORECASE)
_AFTER_COMMA = re.compile(r"[,;]\s*$")
_PARTICIPLE_FIRST = re.compile(r"\W*(?:\w+ly\s+)?(?P<verb>\w+ing)\b", re.IGNORECASE)


def _opening(state: DocState, event: EventMention) -> Clause | None:
    """The clause that opens the event's 'when' / 'as' / 'while' clause or its participle clause:
    its own ('..., killing one soldier'), or, when its clause starts on its verb, the
    trigger-less clause that opened it before an apposition ('..., when X, a director, was killed')."""
    clause = event.clause
    if clause.lead in _SAME_TIME - {"and"}:
        return clause
    participle = _PARTICIPLE_FIRST.match(state.text, clause.start, clause.end)
    if participle and event.trigger.start == participle.start("verb") and event.trigger.kind == "verb" and \
            _AFTER_COMMA.search(state.text, max(0, clause.start - 3), clause.start):
        return clause  # ', killing one soldier': not 'went on trial for killing'
    before = clauses_before(state, clause)
    if clause.lead in ("that", "which") and before and _participle_clause(state, before[-1]):
        return before[-1]  # ', sparking a fire that destroyed the market': the fire's deed, at the main time
    if not _VERB_FIRST.match(state.text, clause.start, clause.end):
        return None
    for other in reversed(before[-3:]):
        if events_of(state, other):
            return None
        if other.lead in _SAME_TIME - {"and"}:
            return other
    return None


def _participle_clause(state: DocState, clause: Clause) -> bool:
    """', sparking a fire': an eventless clause after a comma opened by a participle."""
    return (_PARTICIPLE_FIRST.match(state.text, clause.start, clause.end) is not None and not clause.lead
            and _AFTER_COMMA.search(state.text, max(0, clause.start - 3), clause.start) is not None
            and not events_of(state, clause))


def _main_clause_date(state: DocState, event: EventMention) -> list:
    """'The war broke out in November 2020, when federal troops entered Tigray', 'a car bomb
    exploded tonight, injuring two people': a trailing 'when' / 'as' / 'while' clause or a
    participle clause happens at the time of the clause it hangs on."""
    opening = _opening(state, event)
    before = clauses_before(state, opening) if opening is not None else []
    named = _time_named(state, opening, before[-1]) if before else []
    if named:
        return named
    while len(before) > 1 and _reporting_aside(state, before[-1]):
        before = before[:-1]  # 'was bombed Thursday, officials said, threatening to raise tensions'
    if not before or before[-1].lead in _RELATIVES - {"that"}:  # 'reported that a bomb exploded ...'
        return []
    return timexes_in(state, before[-1].start, before[-1].end)


def _time_named(state: DocState, opening: Clause, before: Clause) -> list:
    """'the wave of attacks, to which journalists are subjected, continued last night when X was
    killed': a 'when' clause right after a date names that date's time, whatever clause the date
    stands in (a relative one included)."""
    if opening.lead != "when":
        return []
    return [t for t in timexes_in(state, before.start, before.end)
            if (found := time_relative().match(state.text, t.end)) and opening.start <= found.end() <= opening.end]


def _reporting_aside(state: DocState, clause: Clause) -> bool:
    """', officials said,': a reporting clause without an event of weight or a date of its own."""
    if timexes_in(state, clause.start, clause.end) or any(e.trigger.weight > 0 for e in events_of(state, clause)):
        return False
    return reporting().search(state.text, clause.start, clause.end) is not None


_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)


def _describes_a_thing(text: str, timex, event: EventMention) -> bool:
    """'the vehicle was a 1981 blue Chevrolet': a year after 'a' describes the thing it stands
    before (a model, a vintage), unless that thing is the event ('a 2020 offensive')."""
    if not re.fullmatch(r"\d{4}", timex.text) or not _INDEFINITE_BEFORE.search(text, max(0, timex.start - 4), timex.start):
        return False
    return not any(timex.end <= t.start <= timex.end + 30 for t in [event.trigger, *event.others])


def attributive(text: str, timex, event: EventMention) -> bool:
    """'staging attacks to make people boycott the 8 April elections': a date told after the event
    that modifies a noun is that noun's, unless the noun names the event ('the 16 November murder');
    one told before it frames it ('in the November 27 deal, they agreed on a line')."""
    noun = modifies_noun(text, timex.start, timex.end) if timex.start > event.trigger.start else None
    if noun is None or _VERBISH.match(text, noun):
        return False
    return not any(t.start >= timex.end and _NP_GAP.fullmatch(text, timex.end, t.start) and not _VERBISH.search(text, timex.end, t.start)
                   for t in [event.trigger, *event.others] if t == event.trigger or compatible(t.type, event.type))


_NOUN_OF = re.compile(r"\b(?P<noun>[A-Za-z][\w'-]*)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_TIME_NOUNS = frozenset({"day", "days", "night", "nights", "morning", "evening", "afternoon", "week", "weeks", "weekend",
                         "month", "months", "year", "years", "decade", "end", "beginning", "start", "middle", "course",
                         "spring", "summer", "autumn", "fall", "winter", "half", "part", "eve", "date", "hours",
                         "period", "dawn", "dusk", "first", "last", "early", "late"})


def _of_another_noun(text: str, timex, event: EventMention) -> bool:
    """'in a region devastated by the tsunami of 2004', 'the agreement of 27 November': a date
    that is the 'of' complement of a noun belongs to that noun, unless the noun is the event's
    own ('the massacre of 16 November') or a time word ('the night of 16 November')."""
    found = _NOUN_OF.search(text, max(0, timex.start - 40), timex.start)
    if found is None or found.group("noun").lower() in _TIME_NOUNS:
        return False
    return not any(t.start <= found.start("noun") < t.end for t in [event.trigger, *event.others])


_VERB_BETWEEN = re.compile(rf"\b(?:{'|'.join(sorted(FINITE))}|[a-z]{{3,}}ed(?=\s+(?:the|a|an|their|his|her|its|our|\d+)\b))\b",
                           re.IGNORECASE)
_GOVERNED = re.compile(r"\b(?:of|for|into|about|over|against|in|after|following)\s+(?:the|a|an|this|that|these|those|"
                       r"its|their|his|her)\s+(?:[\w'-]+\s+){0,3}$", re.IGNORECASE)


def _dates_the_verb_before(text: str, timex, event: EventMention) -> bool:
    """'carabineros yesterday continued their operation to locate the perpetrators of the
    attack', 'it is now important to name those involved in this murder': a date before a verb
    whose prepositional complement names a nominal event is that verb's ('the rebels today
    perpetrated one of their attacks' is the attack's: the verb only states it)."""
    trigger = event.trigger
    if trigger.kind != "noun" or timex.end > trigger.start or not _GOVERNED.search(text, timex.end, trigger.start):
        return False
    for verb in _VERB_BETWEEN.finditer(text, timex.end, trigger.start):
        own = any(t.start <= verb.start() < t.end for t in event.others)
        if not own and not dating_participle().match(text, verb.start()):
            return True
    return False


def clause_dates(state: DocState, event: EventMention) -> list:
    """The event's own clause's time expressions, less those that date another noun or verb; a
    possessive date before its nominal trigger ('claimed Wednesday's attack') is its own and wins."""
    found = timexes_in(state, event.clause.start, event.clause.end)
    near = timexes_in(state, max(0, event.clause.start - _NOUN_AFTER_POSSESSIVE), event.clause.end)
    owned = [t for t in near if _possessed(state.text, t) and _possessed_is_own(state.text, t, event)]
    if owned:
        return owned
    return [t for t in found
            if not _modifies_other(state.text, t, event) and not _dates_a_participle(state.text, t, event)
            and not _dates_a_participle_before(state.text, t, event)
            and not _describes_a_thing(state.text, t, event) and not _dates_the_verb_before(state.text, t, event)
            and not _of_another_noun(state.text, t, event) and not _dates_the_demanded_act(state.text, t, event)
            and not _in_subject_clause(state.text, t, event, state.caps)]


_SUBJECT_OPENER = re.compile(r"(?:^|[\"“(,]\s*|\s)(?P<wh>what|whatever|who|whoever|whose|which)\s+", re.IGNORECASE)
_OPENER_REACH = 60  # characters before the date: 'What happened in the border town last night'


_COPULA_TRIGGER = re.compile(r"(?:is|was|are|were)\s", re.IGNORECASE)


def _in_subject_clause(text: str, timex, event: EventMention, caps: bool = False) -> bool:
    """'What happened in the town last night was an act of terror, the minister said': a date after
    the verb of a wh-clause that is the subject of a judgement told by the copula is that clause's
    happening, not the judging (which is the saying's); a noun that renames the happening ('What
    happened last night was a massacre') keeps the date, its trigger being no copula."""
    trigger = event.trigger
    if trigger.start < timex.end or not _COPULA_TRIGGER.match(text, trigger.start):
        return False
    start = max(event.clause.start, timex.start - _OPENER_REACH)
    openers = list(_SUBJECT_OPENER.finditer(text, start, timex.start))
    if not openers:
        return False
    wh = openers[-1]
    if not holds_verb(text, wh.start("wh"), timex.start, caps):  # the wh-word is the clause's subject
        return False
    if any(wh.end() <= t.start < timex.end for t in event.others):
        return False
    after = [w.lower() for w in _WORDS.findall(text, timex.end, trigger.end)]
    return any(w in FINITE for w in after)


_DEMANDS = frozenset({"appeal", "threat"})
_GOVERNED_ACT = re.compile(r"\bto\s+(?:\w+ly\s+)?[a-z]{2,}\b", re.IGNORECASE)


_FINITE_AFTER = re.compile(rf"\b(?:{'|'.join(sorted(FINITE))})\b", re.IGNORECASE)


def _dates_the_demanded_act(text: str, timex, event: EventMention) -> bool:
    """'called on her supporters to hold rallies on Saturday', 'urged both sides to meet on Friday':
    a date after the infinitive an appeal or threat governs is that act's, not the speech act's
    (unless a finite verb comes between: 'ordered X to shut down was in 1972', 'asked ... said on')."""
    if event.type not in _DEMANDS or timex.start <= event.trigger.start:
        return False
    governed = _GOVERNED_ACT.search(text, event.trigger.start, timex.start)
    return governed is not None and _FINITE_AFTER.search(text, governed.end(), timex.start) is None


_POSSESSIVE = re.compile(r"['’]s\b", re.IGNORECASE)
_NOUN_AFTER_POSSESSIVE = 30  # characters: 'Wednesday's terrorist attack', 'yesterday's foiled attack'


def _possessed(text: str, timex) -> bool:
    """'Wednesday's attack', 'this morning's blast': a date in the possessive is a noun's."""
    return _POSSESSIVE.match(text, timex.end) is not None


def _possessed_is_own(text: str, timex, event: EventMention) -> bool:
    """The noun a possessive date stands before (within a few words) is the event's trigger (not
    a nominal joined to it: 'the killing on 25 January and today's attack')."""
    trigger = event.trigger
    gap = text[timex.end + 2:trigger.start]
    return (trigger.kind == "noun" and timex.end < trigger.start < timex.end + _NOUN_AFTER_POSSESSIVE
            and _NP_GAP.fullmatch(gap) is not None and not _VERBISH.search(gap))


def sentence_dates(state: DocState, event: EventMention) -> list:
    """Dates a neighbouring clause gives: a coordinated tail without an event, a clause that dates
    a nominal, a relative clause that tells a violent nominal's toll, else the main clause."""
    return (_coordinated_tail(state, event) or _dating_tail(state, event) or _relative_result(state, event)
            or _main_clause_date(state, event))
