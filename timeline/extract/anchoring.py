"""Temporal stages: tag the document's time expressions, then date each event honestly.

An event gets a *stated* date only from a time expression in its own clause (or a fronted
adverbial such as "Yesterday," or "In 2015," that opens its sentence). Everything else is left to
the solver, which never dates a reported past event later than its publication.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .. import dates
from ..timex import tag
from .clauses import FINITE
from .coreference import compatible
from .triggers import support_pattern
from .modality import SPEECH_ACTS
from .state import Clause, DocState, EventMention


# "at 4:00 A.M." names a time of day, not which day: it must not date an event to publication day.
_CLOCK_ONLY = re.compile(r"^(?:at |by |around |about )?[\d:.]+\s*(?:[ap]\.?m\.?|hours?|h|utc|gmt|local time|\s)*$", re.IGNORECASE)


def tag_timexes(state: DocState, options) -> DocState:
    """Stage: the temporal tagger over the whole text, resolved against the publication date."""
    try:
        found = tag(state.text, state.published, "news")
    except Exception:  # noqa: BLE001 - a tagger bug must not lose the document's events
        found = []
    found = [t for t in found if t.edtf and t.type in ("DATE", "TIME") and dates.is_valid(t.edtf)
             and not (t.type == "TIME" and _CLOCK_ONLY.match(t.text))]
    skip = state.skip
    found = [t for t in found if not any(a <= t.start < b for a, b in skip)]
    return replace(state, timexes=found)


def _timexes_in(state: DocState, start: int, end: int) -> list:
    return [t for t in state.timexes if start <= t.start and t.end <= end]


_RELATIVES = frozenset({"who", "whom", "whose", "which", "that"})
_RELATIVE_TO = re.compile(r"\b(?:after|before|since|following|prior to|ahead of)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


def _placed_relative(state: DocState, event: EventMention) -> bool:
    """'..., a day after the Hamas attack': an event named as the reference of a time shift is
    not at the sentence's date (the ordering stage relates it instead)."""
    return _RELATIVE_TO.search(state.text, event.clause.start, event.trigger.start) is not None


def _fronted(state: DocState, event: EventMention) -> tuple[list, bool]:
    """Time expressions of the trigger-less clauses that open the event's sentence, and whether a
    reporting verb ('On Saturday, Trump said ...') stands between them and the event."""
    found, reported, clause = [], False, event.clause
    by_clause = {e.clause: e for e in state.events}
    for other in state.clauses:
        if other.sentence != clause.sentence or other.start >= clause.start:
            continue
        speaker = by_clause.get(other)
        if speaker is not None and speaker.trigger.weight > 0:
            return [], False
        reported = reported or speaker is not None
        if other.lead not in _RELATIVES:  # 'An employee who was fired last week shot ...'
            found += _timexes_in(state, other.start, other.end)
    return found, reported


_NP_GAP = re.compile(r"^[\s\w'-]{0,40}$")
_VERBISH = re.compile(rf"\b(?:{'|'.join(sorted(FINITE))}|\w+ed|to|in|on|at|for|with|by|from|of|after|before|"
                      r"and|or|but|that|which)\b", re.IGNORECASE)


def _modifies_other(text: str, timex, event: EventMention) -> bool:
    """'denounced the November 27 border agreement': a date inside the phrase of a nominal of
    another kind is that nominal's ('Last week a car bombing killed five' dates the killing)."""
    for other in event.others:
        if other == event.trigger or compatible(other.type, event.type):
            continue
        gap = text[timex.end:other.start]
        if other.kind == "noun" and other.start >= timex.end and _NP_GAP.match(gap) and not _VERBISH.search(gap):
            return True
    return False


_AUXILIARIES = frozenset("""was were is are has have had will would could should may might can did does do not
    also even then later subsequently only""".split())
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+(?:(?:on|in|at|during|since|early|late|until)\s+)?$")


def _dates_a_participle(text: str, timex, event: EventMention) -> bool:
    """'measures announced last weekend', 'arrested on Tuesday for the shooting': a date right
    after a verb that is not the event's own is that verb's date ('reported Monday's attack' is
    not: a possessive date belongs to the noun after it)."""
    before = _WORD_BEFORE.search(text, max(event.clause.start, timex.start - 40), timex.start)
    if before is None or text.startswith(("'s", "’s"), timex.end):
        return False
    word = before.group(1).lower()
    verb = word not in _AUXILIARIES and (word in FINITE or (len(word) > 4 and word.endswith("ed")))
    own = any(t.start <= before.start(1) < t.end for t in [event.trigger, *event.others])
    predicate = event.trigger.kind == "noun" and support_pattern().fullmatch(word) is not None
    return verb and not own and not predicate  # 'the ceasefire held on Wednesday' is the ceasefire's


_SAME_TIME = frozenset({"and", "when", "as", "while"})
_ADVERBIAL_WORDS = re.compile(r"\b(?:on|in|at|by|during|early|late|since|the|of)\b|[\W\d_]+", re.IGNORECASE)


def _only_a_date(state: DocState, clause: Clause) -> bool:
    """'..., on Thursday, ...': a clause that is nothing but a time adverbial."""
    found = _timexes_in(state, clause.start, clause.end)
    if not found:
        return False
    rest = state.text[clause.start:clause.end]
    for t in sorted(found, key=lambda t: -t.start):
        rest = rest[:t.start - clause.start] + " " + rest[t.end - clause.start:]
    return _ADVERBIAL_WORDS.sub("", rest).strip() == ""


_FOR_CAUSE = re.compile(r"^\W*(?:for|over|in connection with)\s+(?:[\w'-]+\s+){0,3}$", re.IGNORECASE)


def _dated_response(state: DocState, event: EventMention):
    """'were arrested Monday for the bombing': the date is the response's; what it answers for
    came no later (the timex of such a response, or None)."""
    found = [t for t in _timexes_in(state, event.clause.start, event.trigger.start)
             if _FOR_CAUSE.match(state.text[t.end:event.trigger.start])]
    return found[-1] if found else None


def _coordinated_tail(state: DocState, event: EventMention) -> list:
    """'Riots left three dead and engulfed the streets on Wednesday', 'were killed when
    protesters threw petrol bombs at a bank on Wednesday', 'bombed the camp, on Thursday': a
    trigger-less clause right after the event's, joined by 'and' or a connective of the same
    time, or nothing but a time adverbial, gives the event its date."""
    later = [c for c in state.clauses if c.sentence == event.clause.sentence and c.start >= event.clause.end]
    if not later or any(e.clause == later[0] for e in state.events):
        return []
    if later[0].lead not in _SAME_TIME and not _only_a_date(state, later[0]):
        return []
    tail = replace(event, clause=later[0])
    return [t for t in _timexes_in(state, later[0].start, later[0].end)
            if not _dates_a_participle(state.text, t, tail)]


def _main_clause_date(state: DocState, event: EventMention) -> list:
    """'The war broke out in November 2020, when federal troops entered Tigray': a trailing
    'when' / 'as' / 'while' clause happens at the time of the clause it hangs on."""
    if event.clause.lead not in _SAME_TIME - {"and"}:
        return []
    before = [c for c in state.clauses if c.sentence == event.clause.sentence and c.end <= event.clause.start]
    if not before or before[-1].lead in _RELATIVES:
        return []
    return _timexes_in(state, before[-1].start, before[-1].end)


def anchor(state: DocState, options) -> DocState:
    """Stage: the stated date of each event from its own clause, nearest the trigger."""
    for event in state.events:
        own = [t for t in _timexes_in(state, event.clause.start, event.clause.end)
               if not _modifies_other(state.text, t, event) and not _dates_a_participle(state.text, t, event)]
        fronted, reported = _fronted(state, event) if not (own or _placed_relative(state, event)) else ([], False)
        own = own or ([] if fronted else _coordinated_tail(state, event) or _main_clause_date(state, event))
        reported = reported or any(t.weight == 0 and t.start < event.trigger.start for t in event.others)
        if reported and fronted and event.type not in SPEECH_ACTS:
            _reported_bound(event, fronted[-1], state.published)
            continue
        if not own and not fronted:
            cause = _dated_response(state, event)
            if cause is not None:
                _reported_bound(event, cause, state.published)
                continue
        if own or fronted:
            nearest = min(own or fronted, key=lambda t: abs(t.start - event.trigger.start))
            event.date, event.date_stated = _relative_to_story(state, event, nearest) or nearest.edtf, True
            if event.modality in ("asserted", "negated") and state.published is not None:
                event.date = _not_after(event.date, state.published)
            elif state.published is not None:
                _past_date_wins(event, state.published)
    return state


def _past_date_wins(event: EventMention, published: dt.date) -> None:
    """A 'future' event dated before publication: the cue misled (a past "would" or "if"), or the
    date belongs to something else. A past date makes a hypothetical asserted; a future keeps its
    modality and loses the date."""
    latest = dates.parse(event.date).latest
    if latest is None or latest >= published:
        return
    if event.modality == "hypothetical":
        event.modality = "asserted"
    else:
        event.date, event.date_stated = None, False


_ANAPHORIC = re.compile(
    r"^(?:on |by )?(?:the )?(?:(?P<next>following|next) day|day after|(?P<before>previous|preceding) day|"
    r"day before|(?P<same>same|that) day)$", re.IGNORECASE)


def _relative_to_story(state: DocState, event: EventMention, timex) -> str | None:
    """'the following day' counts from the last event the story dated to a day, not from the
    last date written (which may belong to something else: 'the November 27 agreement')."""
    match = _ANAPHORIC.match(timex.text.strip())
    if match is None:
        return None
    shift = 1 if match.group("next") or "after" in timex.text else -1 if (
        match.group("before") or "before" in timex.text) else 0
    for earlier in reversed(state.events[:state.events.index(event)]):
        if earlier.date_stated and earlier.date and len(earlier.date) == 10 and "/" not in earlier.date:
            return (dt.date.fromisoformat(earlier.date) + dt.timedelta(days=shift)).isoformat()
    return None


def _reported_bound(event: EventMention, timex, published: dt.date | None) -> None:
    """'On Saturday, X said Y was killed': the date is the report's; what it reports came no later."""
    if event.modality not in ("asserted", "negated"):
        return
    latest = dates.parse(timex.edtf).latest
    if latest is not None and (published is None or latest <= published):
        event.date, event.date_stated = f"../{latest.isoformat()}", False


def _not_after(value: str, published: dt.date) -> str:
    """A reported past event cannot end after publication; 'this week' may mean the week just past.

    A stated period reaching past the publication date is read as ambiguous between the current
    and the previous period of the same length, so it becomes [start - length, publication]:
    loose, but sound ("this week saw a referendum", said on a Monday, is last week).
    """
    bounds = dates.parse(value)
    if bounds.latest is None or bounds.latest <= published:
        return value
    start = bounds.earliest or published
    if start > published:
        return f"../{published.isoformat()}"
    width = (bounds.latest - start).days + 1
    return dates.format_interval(start - dt.timedelta(days=width), published)


def default_date(event: EventMention, published) -> str | None:
    """What an undated event is known to satisfy from its publication date alone."""
    if published is None:
        return None
    if event.modality in ("future", "hypothetical"):
        return f"{published.isoformat()}/.."
    return f"../{published.isoformat()}"
