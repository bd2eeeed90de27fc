"""Temporal stages: tag the document's time expressions, then date each event honestly.

An event gets a *stated* date only from a time expression that belongs to it (``attachment``):
its own clause's, or that of an eventless clause of its sentence ("Yesterday, ...", "... and
seized two trucks on Tuesday"). The date of a report only bounds what it reports ("police
reported today that ..."). Everything else is left to the solver, which never dates a reported
past event later than its publication, and never dates an undated one to it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import cache

from .. import dates
from ..taxonomy import event_types, of_class
from ..timex import Timex, tag
from ..timex.context import DAY_VALUE
from ..timex.intervals import to_edtf
from ..timex.published import find_closing_date
from . import attachment, lexicon, liveblog
from .coreference import compatible
from .dating import month_part, not_finite_before, past_trigger, reduced_relative_verb, reporting, time_relative, told_again
from .lookup import sentence_at, sentence_starts, skipped, timexes_in
from .phrases import is_past_form
from .modality import PROMISED, REPORTED_FUTURE, SPEECH_ACTS
from .state import Clause, DocState, EventMention


_VIOLENT_KINDS = of_class("violence")

# "at 4:00 A.M." names a time of day, not which day: it must not date an event to publication day.
_CLOCK_ONLY = re.compile(r"^(?:at |by |around |about )?[\d:.]+\s*(?:[ap]\.?m\.?|hours?|h|utc|gmt|local time|\s)*$", re.IGNORECASE)


def tag_timexes(state: DocState, options) -> DocState:
    """Stage: the temporal tagger over the whole text, resolved against the publication date (or,
    for a statement quoted whole, the day its closing line says it was signed)."""
    told_on = find_closing_date(state.text, state.published) or state.published
    try:
        found = tag(state.text, told_on, "news")
    except Exception:  # noqa: BLE001 - a tagger bug must not lose the document's events
        found = []
    starts = [t.start for t in found if not _clock_only(t)]
    # A duration dates events only when it reaches from the report ('in the coming weeks': after it).
    found = [_counted_back(state.text, t, told_on) for t in found]
    found = [t for t in found if t.edtf and t.type != "SET" and dates.is_valid(t.edtf)
             and not _clock_only(t)]
    found = [replace(t, edtf=month_part(t.text, t.edtf)) for t in found if not skipped(state, t.start)]
    found = [_clock_in_its_day(state.text, t) for t in found]
    found = [_weeks_counted(t, found[k - 1] if k else None) for k, t in enumerate(found)]
    found = [_at_that_time(state.text, t, found[k - 1] if k else None) for k, t in enumerate(found)]
    found = [_in_told_period(state, t, found[k - 1] if k else None) for k, t in enumerate(found)]
    return replace(state, timexes=_nights_of_named_days(state.text, found), timex_starts=starts)


@cache
def _counted_weeks() -> tuple[re.Pattern, dict[str, int], int]:
    """A step of weeks from the day told before ('a week later'), the counts it is written with,
    and the days either side of the count it may mean (lexicons/dating.yaml, counted_weeks)."""
    entry = lexicon.load("dating")["counted_weeks"]
    counts = {str(word): n for word, n in entry["counts"].items()}
    pattern = rf"(?P<count>{'|'.join(counts)})\s+{entry['step']}"
    return re.compile(pattern, re.IGNORECASE), counts, entry["slack_days_per_week"]


_WEEK_VALUE = re.compile(r"^\d{4}-W\d\d$")


def _weeks_counted(timex: Timex, previous: Timex | None) -> Timex:
    """'On 9 May rebels seized the town. A week later the army retook it': a count of days from the
    day told just before, not the calendar week the count falls in (the tagger's value, kept), so
    the act is dated to the days around that day (a week is five to nine days)."""
    step, counts, slack = _counted_weeks()
    found = step.fullmatch(timex.text.strip()) if _WEEK_VALUE.match(timex.value or "") else None
    day = dates.one_day(previous.edtf) if found and previous is not None and previous.edtf else None
    if day is None:
        return timex
    weeks = counts[found["count"].lower()]
    sign = -1 if found["dir"].lower() == "earlier" else 1
    middle = day + dt.timedelta(days=sign * 7 * weeks)
    if middle.isocalendar()[:2] != tuple(int(x) for x in timex.value.split("-W")):
        return timex  # the tagger counted from another day: leave its week
    margin = dt.timedelta(days=slack * weeks)
    return replace(timex, edtf=dates.format_interval(middle - margin, middle + margin))


@cache
def _that_time() -> re.Pattern:
    """A time told only by pointing back ('at the time'), from dating.yaml (that_time)."""
    return re.compile(lexicon.load("dating")["that_time"]["pattern"], re.IGNORECASE)


def _at_that_time(text: str, timex: Timex, previous: Timex | None) -> Timex:
    """'riots in January 2024 ... The government declared a state of emergency at the time': the time
    pointed back to is that of the date told just before in the paragraph, not any time up to the report."""
    if previous is None or not _that_time().fullmatch(timex.text.strip()) or _opened(previous) \
            or "\n\n" in text[previous.end:timex.start]:
        return timex
    return replace(timex, edtf=previous.edtf)


@cache
def _day_of_told_period() -> tuple[re.Pattern, re.Pattern]:
    """A day told only by pointing back ('that evening', 'the next day'), and what may come before a
    date in its sentence for that date to be the sentence's time ('Later, in May, ...'): dating.yaml,
    day_of_told_period."""
    entry = lexicon.load("dating")["day_of_told_period"]
    return re.compile(entry["pointing_back"], re.IGNORECASE), re.compile(entry["fronted"], re.IGNORECASE)


def _in_told_period(state: DocState, timex: Timex, previous: Timex | None) -> Timex:
    """'In March 2019 a court jailed the militia's leader. His followers blocked the road the following
    day', 'In May dockworkers occupied the terminal, and guards evicted them the same night': a day
    pointing back to a period the story moved to (a date coarser than a day heading its sentence, in
    the same paragraph) lies within that period (a day further for 'next', 'before'), not on the
    report's day nor a day counted from an older one."""
    pointing_back, fronted = _day_of_told_period()
    told = pointing_back.fullmatch(timex.text.strip())
    if told is None or previous is None or _opened(previous) or "\n\n" in state.text[previous.end:timex.start]:
        return timex
    period, own = dates.parse(previous.edtf), dates.parse(timex.edtf)
    if None in (period.earliest, period.latest) or period.earliest == period.latest or dates.within(own, period):
        return timex
    opening = _sentence_start(state, previous.start)
    if not fronted.fullmatch(state.text, opening, previous.start):
        return timex
    low = period.earliest - dt.timedelta(days=1 if told.group("before") else 0)
    high = period.latest + dt.timedelta(days=1 if told.group("after") else 0)
    return replace(timex, edtf=dates.format_interval(low, high))


def _sentence_start(state: DocState, position: int) -> int:
    """Where the sentence holding ``position`` starts (0 before the first sentence)."""
    at = sentence_at(state, position)
    return sentence_starts(state)[at] if at >= 0 else 0


_CUE_REACH = 12  # characters before a date read for the word that governs it ('From ', 'after ')


@cache
def _fronted_from_cues() -> tuple[re.Pattern, re.Pattern]:
    """'From' heading a sentence right before a date, and what makes the date a range instead
    (lexicons/dating.yaml, fronted_from)."""
    entry = lexicon.load("dating")["fronted_from"]
    return re.compile(entry["before"], re.IGNORECASE), re.compile(entry["range"], re.IGNORECASE)


FRONTED_FROM = "fronted-from"  # the event's date heads its sentence after 'From': opened when the record is made


def _fronted_by_from(text: str, timex) -> bool:
    """'From June 2020, the two armies held talks': the sentence tells what went on from that date
    (a range, 'From 2019 to 2021', is the tagger's)."""
    before, in_range = _fronted_from_cues()
    return "/" not in timex.edtf and before.search(text, max(0, timex.start - _CUE_REACH), timex.start) is not None \
        and not in_range.match(text, timex.end)


@cache
def _clock_bound() -> re.Pattern:
    """The word that makes a clock time bound the hour of an act ('before', 'after'), from dating.yaml."""
    return re.compile(lexicon.load("dating")["clock_in_its_day"]["before"], re.IGNORECASE)


_CLOCK_VALUE = re.compile(r"^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}")


def _clock_in_its_day(text: str, timex: Timex) -> Timex:
    """'shortly after 10 p.m. on Tuesday': a clock time after 'before' or 'after' bounds the hour
    of the act within the clock's day, so the act is on that day, not on or after it."""
    clock = _CLOCK_VALUE.match(timex.value) if timex.type == "TIME" else None
    if clock is None or "/" not in timex.edtf or not _clock_bound().search(text, max(0, timex.start - _CUE_REACH), timex.start):
        return timex
    return replace(timex, edtf=clock.group(1))


@cache
def _night_of_day_cues() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The night's own word and the gaps to the day it falls on or runs into, from dating.yaml."""
    entry = lexicon.load("dating")["night_of_day"]
    return tuple(re.compile(entry[key], re.IGNORECASE) for key in ("night", "on", "into"))


def _nights_of_named_days(text: str, timexes: list[Timex]) -> list[Timex]:
    """'overnight on Monday', 'overnight on Tuesday into Wednesday', 'overnight into Friday': the
    night and the days that name it are one time, the evening of the night's day and the early
    hours of the next (the tagger reads 'overnight' as the night before the report)."""
    out: list[Timex] = []
    k = 0
    while k < len(timexes):
        night, taken = _night_of_named_day(text, timexes, k)
        out.append(night)
        k += 1 + taken
    return out


def _night_of_named_day(text: str, timexes: list[Timex], k: int) -> tuple[Timex, int]:
    """The timex at ``k`` made the night of the day named right after it, and how many day timexes
    it took in; the timex as it was and none when it is no night followed by a day."""
    word, on, into = _night_of_day_cues()
    night, taken, first = timexes[k], 0, None
    if not word.fullmatch(night.text):
        return night, 0
    for later in timexes[k + 1:k + 3]:
        day = dates.one_day(later.edtf) if DAY_VALUE.match(later.edtf) else None
        gap = text[(night.end if taken == 0 else timexes[k + taken].end):later.start]
        if day is None:
            break
        if on.fullmatch(gap) and taken == 0:
            first = day
        elif into.fullmatch(gap) and (first is None or day == first + dt.timedelta(days=1)):
            first = day - dt.timedelta(days=1)
        else:
            break
        taken += 1
    if first is None:
        return night, 0
    end = timexes[k + taken].end
    span = dates.format_interval(first, first + dt.timedelta(days=1))
    return replace(night, end=end, text=text[night.start:end], edtf=span), taken


_COUNTED = re.compile(r"^PT(\d+|X)H$|^P(\d+)D$")


def _clock_only(timex) -> bool:
    """'at 4:00 A.M.', a live blog's '14:45': a time of day that does not say which day."""
    return timex.type == "TIME" and _CLOCK_ONLY.match(timex.text) is not None


@cache
def _counted_back_cues() -> tuple[re.Pattern, re.Pattern]:
    """The words before a counted stretch ('in the past') and the stretch itself, from dating.yaml."""
    entry = lexicon.load("dating")["counted_back"]
    return re.compile(entry["before"], re.IGNORECASE), re.compile(entry["stretch"], re.IGNORECASE)


def _counted_back(text: str, timex, published: dt.date | None):
    """'in the past few hours', 'over the last 48 hours': a stretch counted back from the report
    dates what happened in it, from that many days before the report to its day (a few hours are
    the report's day, as 'a few minutes ago' is); its value stays the duration it is."""
    found = _COUNTED.match(timex.value) if timex.type == "DURATION" and published is not None else None
    before, stretch = _counted_back_cues()
    if found is None or not stretch.match(timex.text) or not before.search(text, max(0, timex.start - 8), timex.start):
        return timex
    hours, days = found.groups()
    back = int(days) if days else 0 if hours == "X" else -(-int(hours) // 24)
    return replace(timex, edtf=dates.format_interval(published - dt.timedelta(days=back), published))


def anchor(state: DocState, options) -> DocState:
    """Stage: the stated date of each event from its own clause, nearest the trigger."""
    story_day = None  # the latest date to the day that the story has stated so far
    signed = find_closing_date(state.text, state.published)  # a statement quoted whole: the day it was signed
    openings, next_opening = _sentence_openings(state), 0
    entries = liveblog.stamps_of(state)
    violence: list[tuple[int, str]] = []  # (sentence, day) of each act of violence the story dated to a day
    for k, event in enumerate(state.events):
        while next_opening < len(openings) and openings[next_opening][0] < event.clause.start:
            story_day = openings[next_opening][1]  # 'On Wednesday, police launched an operation ...': the story moves on
            next_opening += 1
        _anchor_one(state, event, story_day, _violence_before(violence, event.clause.sentence))
        if event.date is None and event.modality == "future" and PROMISED in event.cues and past_trigger(state.text, event):
            _done_by_report(event, state.published)  # 'agreed to set up a commission'
        if entries:
            liveblog.date_entry(state, event, entries)
        if signed is not None and event.date is None and event.modality == "future":
            _announced_bound(event, signed, state.published)  # 'we will place a bomb', signed on the 30th
        if event.date is None and event.modality == "future" and REPORTED_FUTURE in event.cues:
            _telling_bound(state, k)  # 'announced a truce on 1 March, saying it would not attack': since then
        if event.date_stated and event.date and DAY_VALUE.match(event.date) and event.type not in SPEECH_ACTS:
            story_day = event.date  # not 'said in a report on Thursday': the day it was told
            if event.type in _VIOLENT_KINDS:
                violence.append((event.clause.sentence, event.date))
    by_sentence: dict[int, list[EventMention]] = {}  # read per clause below: no scan of all events each time
    for event in state.events:
        by_sentence.setdefault(event.clause.sentence, []).append(event)
    for clause in state.clauses:
        _date_told_again(state, clause, by_sentence)
    told = _ToldDays(state.events)
    for k in range(1, len(state.events)):
        _date_of_the_answer(state, state.events[k - 1], state.events[k], told)
    return state


class _ToldDays:
    """The latest single day stated for each event type in the sentences read so far: the story's
    earlier violence is looked up without scanning every event again for each answer (linear)."""

    def __init__(self, events: list[EventMention]):
        self.events, self.read, self.latest = events, 0, {}

    def before(self, sentence: int, kind: str) -> dt.date | None:
        """The latest day stated for violence compatible with ``kind`` before ``sentence``."""
        while self.read < len(self.events) and self.events[self.read].clause.sentence < sentence:
            event = self.events[self.read]
            self.read += 1
            day = dates.one_day(event.date) if event.date_stated else None
            if day is not None and day > self.latest.get(event.type, dt.date.min):
                self.latest[event.type] = day
        days = [day for other, day in self.latest.items() if compatible(other, kind)]
        return max(days) if days else None


def _date_of_the_answer(state: DocState, reaction: EventMention, named: EventMention, told: _ToldDays) -> None:
    """'Gunmen killed six soldiers on Sunday. ... condemned the attack on Tuesday': a date after a
    violent nominal a speech act's clause was cut at, when the story told that violence before, each
    time on one earlier day, is the speech act's; the violence named came no later."""
    if not (named.clause.answered and named.date_stated and named.trigger.kind == "noun" and not reaction.date_stated
            and reaction.type in SPEECH_ACTS and reaction.clause.end == named.clause.start
            and reaction.clause.sentence == named.clause.sentence):
        return
    after = timexes_in(state, named.trigger.end, named.clause.end)
    if not after or not named.date or named.date != after[-1].edtf:
        return
    latest = told.before(named.clause.sentence, named.type)
    day = dates.one_day(named.date)
    if latest is None or day is None or day <= latest:
        return  # told that day, or a day before the violence told: the nominal's own
    reaction.date, reaction.date_stated = named.date, True
    _reported_bound(named, after[-1], state.published)


def _date_told_again(state: DocState, clause: Clause, by_sentence: dict[int, list[EventMention]]) -> None:
    """'Gunmen fired on a bus. The incident took place on 9 March.': a clause that tells an
    occurrence again by a word that only points back gives its date to the act told just before
    (the violent events of the nearest earlier sentence that tells violence: 'the incident' is
    what befell someone, not the call that asked about it), when those have no date of their own."""
    pattern, reach = told_again()
    found = timexes_in(state, clause.start, clause.end) if pattern.match(state.text, clause.start, clause.end) else []
    if not found or any(e.type not in SPEECH_ACTS for e in by_sentence.get(clause.sentence, ())):
        return  # 'The incident, which killed two, took place on Monday': the clause tells an act of its own
    told = _latest_violence(by_sentence, clause.sentence, reach)
    if not told or any(e.date_stated for e in told):
        return
    timex = _narrowest(found)[0]
    for event in told:
        if event.modality in ("asserted", "negated"):
            event.date, event.date_stated = timex.edtf, True
            if state.published is not None:
                event.date = _not_after(event.date, state.published)


def _latest_violence(by_sentence: dict[int, list[EventMention]], sentence: int, reach: int) -> list[EventMention]:
    """The violent events of the nearest of the ``reach`` sentences before ``sentence`` that tells
    any, looked up by sentence so that a long document's every such clause stays cheap."""
    for earlier in range(sentence - 1, sentence - reach - 1, -1):
        violent = [e for e in by_sentence.get(earlier, ()) if e.type in _VIOLENT_KINDS]
        if violent:
            return violent
    return []


_OPENING = re.compile(r"[\W_]*(?:(?:early |late )?on |in the (?:morning|afternoon|evening|night) of )?$", re.IGNORECASE)


def _sentence_openings(state: DocState) -> list[tuple[int, str]]:
    """(where, which day) of each date to the day that opens a sentence ('On Wednesday, ...'), in
    text order: the story has moved to that day whether or not an event of the sentence takes it."""
    starts = iter(state.sentences)
    sentence = next(starts, None)
    out = []
    for timex in state.timexes:
        while sentence is not None and sentence[1] <= timex.start:
            sentence = next(starts, None)
        if sentence is None:
            break
        if DAY_VALUE.match(timex.edtf) and _OPENING.fullmatch(state.text, sentence[0], timex.start):
            out.append((timex.start, timex.edtf))
    return out


def _event_dates(state: DocState, event: EventMention) -> tuple[list, list]:
    """(the time expressions that say when the event happened, those of a report that only bound
    it): its own clause's, else those told before it in its sentence, else a neighbouring clause's."""
    own = attachment.clause_dates(state, event)
    if own and (_told_as_earlier(state.text, event, own) or _reduced_relative(state, event, min(t.start for t in own))):
        return [], own  # 'On Saturday Iran acknowledged it had shot down the jet': the report's date
    if own:
        return own, []
    told, report = ([], []) if attachment.placed_relative(state, event) else attachment.fronted(state, event)
    if any(t.weight == 0 and t.start < event.trigger.start for t in event.others) or (
            told and _told_as_earlier(state.text, event, told)):
        told, report = [], report + told  # 'On Monday officials said the town was shelled'
    if event.type in SPEECH_ACTS:
        told, report = told + report, []  # a report's own date is the speech act's
    if told or report:
        return told, report
    return attachment.sentence_dates(state, event), []


_PLUPERFECT = re.compile(r"\bhad\s+(?:[\"“”']?(?:\w+ly|not|never|already|also|just)[\"“”']?\s+)*(?:been\s+)?$",
                         re.IGNORECASE)


def _told_as_earlier(text: str, event: EventMention, found: list) -> bool:
    """A past perfect under a speech act whose clause gives the only dates, all before the speech
    verb or right after it: the act was told on that day and happened before it."""
    if not _PLUPERFECT.search(text, max(event.clause.start, event.trigger.start - 40), event.trigger.start):
        return False
    speech = [t for t in event.others if t.start < event.trigger.start and event_types()[t.type].kind == "speech"]
    return bool(speech) and all(t.end <= speech[-1].start or _right_after(text, speech[-1].end, t, event) for t in found)


_ADVERBIAL_GAP = re.compile(r"[\s,]*(?:(?:on|in|at|late|early|last|this)\s+)*", re.IGNORECASE)


def _right_after(text: str, end: int, timex: Timex, event: EventMention) -> bool:
    """'said on Tuesday it had killed': a date told right after the speech verb, before the subject
    of what was said, is the speaking's day, as one told before the verb is ('a truce declared in
    March had allowed' has no such subject: the date is the truce's)."""
    return end <= timex.start and _ADVERBIAL_GAP.fullmatch(text, end, timex.start) is not None and \
        _SUBJECT_THEN_HAD.search(text, timex.end, event.trigger.start) is not None


_SUBJECT_THEN_HAD = re.compile(r"\w[^.;:]*?\shad\b", re.IGNORECASE)


def _reduced_relative(state: DocState, event: EventMention, limit: int) -> bool:
    """'A journalist abducted near the border was released on Monday': a participle describing
    its noun was done before the main clause, whose date after its finite verb only bounds it."""
    trigger = event.trigger
    if trigger.kind != "verb" or event_types()[trigger.type].kind == "speech":
        return False  # 'the minister said in a statement read on television': a speech is told, not undergone
    return reduced_relative_verb(state.text, trigger.start, trigger.end, limit, state.caps) is not None


def _violence_before(violence: list[tuple[int, str]], sentence: int) -> str | None:
    """The day of the latest violence the story dated to a day in a sentence before this one."""
    return next((day for told, day in reversed(violence) if told < sentence), None)


_BARE_DAY = re.compile(r"(?:the|a) day(?: (?P<way>after|before))?", re.IGNORECASE)
_ACT_NAMED_AFTER = re.compile(r"\s+(?:(?P<way>after|before)\s+)?(?:it\b|(?:the|its|their|his|her|this|that)\s+\w)", re.IGNORECASE)


def _names_violence(state: DocState, start: int) -> bool:
    """Whether the noun at start tells an act of violence, the only kind whose day the count may take."""
    return any(m.trigger.start == start and m.type in _VIOLENT_KINDS for m in state.events)


def _counted_from_named(state: DocState, timex, violence_day: str | None) -> str | None:
    """'the day after the burning of the depot', 'a day after it happened': one day from the act the
    words after it name, the latest violence the story told to the day in an earlier sentence, not
    from the last date written (a trial's, a report's)."""
    bare = _BARE_DAY.fullmatch(timex.text.strip())
    named = _ACT_NAMED_AFTER.match(state.text, timex.end) if bare else None
    way = (bare.group("way") or named.group("way")) if named else None
    if way is None or violence_day is None or (bare.group("way") and named.group("way")):
        return None
    if not named.group(0).rstrip().endswith("it") and not _names_violence(state, named.end() - 1):
        return None  # 'the day after the election': counted from that act, which is no violence
    shift = 1 if way.lower() == "after" else -1
    return (dt.date.fromisoformat(violence_day) + dt.timedelta(days=shift)).isoformat()


def _anchor_one(state: DocState, event: EventMention, story_day: str | None, violence_day: str | None = None) -> None:
    found, report = _event_dates(state, event)
    answered = [t for t in found if attachment.answers_for(state.text, t, event)]  # 'jailed in May for the murder'
    found, report = [t for t in found if t not in answered], report + answered
    found = [t for t in found if not attachment.attributive(state.text, t, event)]
    report = [t for t in report if not attachment.attributive(state.text, t, event)]
    topic = _topic(state.text, event) if found else None
    if topic is not None:  # 'made statements yesterday regarding the murder of ...': the talk's day bounds it
        report = report + [t for t in found if t.start < topic]
        found = [t for t in found if t.start >= topic]  # 'regarding the 7 January assassination': its own
    if not found:
        bound = report[-1] if report else attachment.dated_response(state, event)
        if bound is not None:
            _reported_bound(event, bound, state.published)
        return
    found = _not_in_apposition(state.text, found)
    nearest = min(_narrowest(found), key=lambda t: abs(t.start - event.trigger.start))
    nearest = _joined(state.text, found, nearest)
    if nearest.value == "PRESENT_REF" and _PERFECT.search(state.text, event.clause.start, event.clause.end):
        _reported_bound(event, nearest, state.published)  # 'the attacks have now spread': done by now
        return
    event.date, event.date_stated = (_counted_from_named(state, nearest, violence_day)
                                     or _relative_to_story(story_day, nearest) or _told_at(state, event, nearest)
                                     or _names_the_day(state, event, nearest) or nearest.edtf), True
    if _fronted_by_from(state.text, nearest):
        event.cues.append(FRONTED_FROM)
    if event.modality == "asserted" and _scheduled(state.text, event, state.published):
        event.modality = "future"  # 'the hearing resumes on Monday', said on a Friday: what is to come
    elif event.modality in ("asserted", "negated") and state.published is not None:
        event.date = _not_after(event.date, state.published, _in_current_period(state.text, nearest))
    elif state.published is not None:
        _past_date_wins(event, state.published, nearest.end <= event.trigger.start and (
            PROMISED in event.cues or REPORTED_FUTURE in event.cues or _announced_between(event, nearest.end)))


_PERFECT = re.compile(r"\b(?:has|have)\s+(?:(?:now|already|so far|\w+ly)\s+)*(?:been\s+)?\w+(?:ed|en|wn|ne|ld|nt|ught|ck|un)\b",
                      re.IGNORECASE)


def _told_at(state: DocState, event: EventMention, timex) -> str | None:
    """'since 7 May, when the group blew up a vehicle': the clause names the time of the date before
    it, so the word that opened that date for the main clause ('since', 'until') says nothing of it."""
    opening = time_relative().match(state.text, timex.end)
    if opening is None or not (event.clause.start <= opening.end() <= event.trigger.start):
        return None
    return _day_itself(state, timex)


def _names_the_day(state: DocState, event: EventMention, timex) -> str | None:
    """'arrested 30 people after the 18 August assassination of X': the date modifies the event's
    own noun, so 'after' (or 'since', 'before') bounds the clause's other act and the event
    happened on the day the date names, not at any time from it on."""
    if not _opened(timex) or not attachment.modifies_the_trigger(state.text, timex, event):
        return None
    return _day_itself(state, timex)


def _opened(timex) -> bool:
    """A date a word like 'since' or 'after' turned into an open interval ('../', '/..')."""
    return timex.edtf.startswith("../") or timex.edtf.endswith("/..")


def _day_itself(state: DocState, timex) -> str | None:
    """The date an opened interval was made from, when it is one ('since 7 May': 7 May)."""
    return to_edtf(timex.value, timex.type, state.published) if _opened(timex) else None


_APPOSITION = re.compile(r"\s*,\s*(?:the|a|an)\s[^,;.:]*", re.IGNORECASE)


_TOPIC = re.compile(r"\b(?:regarding|concerning|about|into|in connection with)\s+(?:the|this|these|that|those|its|their)\s+"
                    r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _topic(text: str, event: EventMention) -> int | None:
    """Where 'regarding', 'into' opens the phrase of violence named as what is talked of or looked
    into ('made statements yesterday regarding the murder of the priests', 'the investigation into
    the killing'): it was done before the talk, on a day of its own that only its phrase can tell."""
    if event.trigger.kind != "noun" or event.type not in _VIOLENT_KINDS:
        return None
    found = _TOPIC.search(text, max(0, event.trigger.start - 60), event.trigger.start)
    return found.start() if found else None


_AND_OR = re.compile(r"\s*,?\s*(?:and|or)\s+", re.IGNORECASE)


def _joined(text: str, found: list, nearest):
    """'rebels shelled the depot last night and early today': two dates of the clause joined by 'and' or
    'or' date it together, from the first one's start to the last one's end (either alone is too
    narrow to hold it)."""
    for first, second in zip(found, found[1:]):
        if nearest in (first, second) and _AND_OR.fullmatch(text, first.end, second.start):
            low, high = dates.parse(first.edtf), dates.parse(second.edtf)
            if None in (low.earliest, low.latest, high.earliest, high.latest) or low.latest >= high.earliest:
                return nearest
            return replace(nearest, edtf=dates.format_interval(low.earliest, high.latest))
    return nearest


def _not_in_apposition(text: str, found: list) -> list:
    """'On October 1, 2017, the anniversary of the day Southern Cameroons joined the republic in
    1961, leaders declared ...': a date in a phrase set beside another date describes that date."""
    return [t for t in found if not any(o.end <= t.start and _APPOSITION.fullmatch(text, o.end, t.start) for o in found)]


def _narrowest(found: list) -> list:
    """'today carried out its sixth attack this year': of dates that nest, the narrowest says
    most (both hold); dates that do not nest are left for the nearest to win."""
    spans = [dates.parse(t.edtf) for t in found]
    return [t for t, own in zip(found, spans)
            if not any(dates.within(other, own) and (other.earliest, other.latest) != (own.earliest, own.latest)
                       for other in spans)]


def _announced_between(event: EventMention, start: int) -> bool:
    """'Late on Sunday, the president announced troops would be leaving': a speech verb of the
    clause between its date and a future trigger says when it was announced."""
    return any(start <= t.start < event.trigger.start and event_types()[t.type].kind == "speech" for t in event.others)


def _past_date_wins(event: EventMention, published: dt.date, dates_the_promise: bool) -> None:
    """A 'future' event dated before publication: the cue misled (a past "would" or "if"), or the
    date belongs to something else. A past date makes a hypothetical asserted; a future loses it,
    or opens on it when it dates the promise that governs the act ('proposed on Friday to mediate
    between them': what was proposed then came no earlier)."""
    bounds = dates.parse(event.date)
    if bounds.latest is None or bounds.latest >= published:
        return
    if event.modality == "hypothetical":
        event.modality = "asserted"
    else:
        event.date, event.date_stated = None, False
        if dates_the_promise:
            _announced_bound(event, bounds.earliest, published)


_ANAPHORIC = re.compile(
    r"^(?:on |by )?(?:the )?(?:(?P<next>following|next) day|day after|(?P<before>previous|preceding) day|"
    r"day before|(?P<same>same|that) day)$", re.IGNORECASE)


def _relative_to_story(story_day: str | None, timex) -> str | None:
    """'the following day' counts from the last event the story dated to a day (``story_day``),
    not from the last date written (which may belong to something else: 'the November 27 agreement')."""
    match = _ANAPHORIC.match(timex.text.strip())
    if match is None or story_day is None or not DAY_VALUE.match(timex.edtf):
        return None  # not a day counted from the story's: one within a period it moved to (_in_told_period)
    shift = 1 if match.group("next") or "after" in timex.text else -1 if (
        match.group("before") or "before" in timex.text) else 0
    return (dt.date.fromisoformat(story_day) + dt.timedelta(days=shift)).isoformat()


def _reported_bound(event: EventMention, timex, published: dt.date | None) -> None:
    """'On Saturday, X said Y was killed': the date is the report's; what it reports came no later.
    'On 24 August they said they would respond with attacks': what was to come came no earlier."""
    if event.modality not in ("asserted", "negated"):
        _announced_bound(event, dates.parse(timex.edtf).earliest, published)
        return
    latest = dates.parse(timex.edtf).latest
    if latest is not None and (published is None or latest <= published):
        event.date, event.date_stated = f"../{latest.isoformat()}", False


DONE_BY_REPORT = "done-by-report"  # the cue of a promise told as made, dated only by the report
FUTURE_OF_PAST = "future-of-past"  # the modality cue of a plan told in the past
ANNOUNCED = "announced-on"  # the cue of a future event dated only by the day it was said


def _announced_bound(event: EventMention, earliest: dt.date | None, published: dt.date | None) -> None:
    """A threat or plan said on a day before the report may have been carried out since: it
    opens on the day it was said, not on the report's (``default_date``). Stated, since the text
    gives that day: an inferred date would be narrowed again to after the report by the solver."""
    if (event.modality == "future" and earliest is not None and published is not None and earliest < published
            and FUTURE_OF_PAST not in event.cues):
        event.date, event.date_stated = f"{earliest.isoformat()}/..", True
        event.cues.append(ANNOUNCED)  # the day it was said: no sign that the event itself is told


def _telling_bound(state: DocState, k: int) -> None:
    """'Two days later the rebels announced a truce, saying they would not attack': what a past
    telling said would come came after that telling, whose day a dated act told before it in the
    sentence gives; it may lie before the report, so the window opens there, not on publication."""
    event = state.events[k]
    for j in range(k - 1, -1, -1):  # back through its sentence only: no copy of every event before it
        told = state.events[j]
        if told.clause.sentence != event.clause.sentence:
            return
        if told.date_stated and told.date and told.trigger.start < event.trigger.start:
            _announced_bound(event, dates.parse(told.date).earliest, state.published)
            return


def _done_by_report(event: EventMention, published: dt.date | None) -> None:
    """A consent or promise told as made ('agreed to set up a commission') was made on or before the
    report, though what it governs is to come: the modality stays (PLOVER codes the promise by it),
    and the bound is stated, or the solver would place the 'future' event after publication."""
    if published is not None:
        event.date, event.date_stated = f"../{published.isoformat()}", True
        event.cues.append(DONE_BY_REPORT)  # no date of its own: no more confidence for it


_SCHEDULE_HORIZON = dt.timedelta(days=366)
_PAST_AUXILIARIES = frozenset({"was", "were", "had", "did"})
_PRESENT_BEFORE = re.compile(r"\b(?:is|are|am|'s|’s)\s+(?:\w+ly\s+)*$", re.IGNORECASE)


def _scheduled(text: str, event: EventMention, published: dt.date | None) -> bool:
    """A date wholly after publication on a verb told in the present ('is sentenced on 7 May',
    'resumes on Monday'), an infinitive ('expected to visit on Friday') or a noun in a present clause
    ('is due in February'): news tells what is scheduled so, and the act is to come, not a past act
    to be cut at the report."""
    bounds = dates.parse(event.date)
    if published is None or bounds.earliest is None or event.trigger.kind not in ("verb", "noun") or not (
            published < bounds.earliest <= published + _SCHEDULE_HORIZON):
        return False  # a date decades ahead is a misread year ('on 23 September 28 bodies'), not a schedule
    if event.trigger.kind == "noun":
        return _noun_scheduled(text, event)
    words = list(re.finditer(r"[^\W\d_]+", text[event.trigger.start:event.trigger.end]))
    if not words or any(w.group().lower() in _PAST_AUXILIARIES for w in words) or reporting().search(
            text, event.trigger.start, event.trigger.end):
        return False  # 'the decree was repealed'; 'she says she will be back on Thursday' dates what is said
    past = [w for w in words if is_past_form(w.group())]
    if past:  # a participle counts only in a present passive: 'is sentenced'
        at = event.trigger.start + past[-1].start()
        return _PRESENT_BEFORE.search(text, max(0, at - 30), at) is not None
    if event_types()[event.trigger.type].kind == "speech":
        return False  # 'urges them to vote in the 12 November elections': the date is what is urged
    if _INFINITIVE_BEFORE.search(text, max(0, event.trigger.start - 30), event.trigger.start):
        return True  # 'was expected to visit on Friday': an infinitive dated after the report is to come
    return not_finite_before().search(text, max(0, event.trigger.start - 30), event.trigger.start) is None


_INFINITIVE_BEFORE = re.compile(r"\bto\s+(?:\w+ly\s+)*$", re.IGNORECASE)


def _noun_scheduled(text: str, event: EventMention) -> bool:
    """'A donors' conference is due in February': a named act (a noun) dated wholly after the report,
    in a clause told in the present (dating.yaml, scheduled_noun) with no past form, is what is to
    come; not what someone says, nor a noun the clause tells as done ('announced his resignation
    effective Wednesday'), nor a noun with no verb to give it a tense ('the bombing of civilians')."""
    if event_types()[event.trigger.type].kind == "speech":
        return False  # 'a statement on Friday' is dated by when it is told
    clause = text[event.clause.start:event.clause.end]
    if not _present_of_be().search(clause):
        return False
    words = re.finditer(r"[^\W\d_]+", clause)
    return not any(w.group().lower() in _PAST_AUXILIARIES or is_past_form(w.group()) for w in words
                   if not event.trigger.start <= event.clause.start + w.start() < event.trigger.end)


@cache
def _present_of_be() -> re.Pattern:
    """The present-tense words that tell a noun's clause in the present (dating.yaml, scheduled_noun)."""
    return re.compile(rf"\b(?:{lexicon.load('dating')['scheduled_noun']['present']})\b", re.IGNORECASE)


def _not_after(value: str, published: dt.date, current: bool = False) -> str:
    """A reported past event cannot end after publication; 'this week' may mean the week just past.

    A stated period reaching past the publication date is read as ambiguous between the current
    and the previous period of the same length, so it becomes [start - length, publication]:
    loose, but sound ("this week saw a referendum", said on a Monday, is last week). A period told
    as ``current`` ('earlier this month') is the present one: [start, publication].
    """
    bounds = dates.parse(value)
    if bounds.latest is None or bounds.latest <= published:
        return value
    start = bounds.earliest or published
    if start > published:
        return f"../{published.isoformat()}"
    width = 0 if current else (bounds.latest - start).days + 1
    return dates.format_interval(start - dt.timedelta(days=width), published)


@cache
def _current_period() -> re.Pattern:
    """A period of the present told as already under way ('earlier this month'), from dating.yaml."""
    return re.compile(lexicon.load("dating")["current_period"]["pattern"], re.IGNORECASE)


def _in_current_period(text: str, timex) -> bool:
    """'Earlier this month soldiers arrested ...': the month is the present one, not possibly the last."""
    return _current_period().search(text, max(0, timex.start - _CUE_REACH), timex.end) is not None


def default_date(event: EventMention, published) -> str | None:
    """What an undated event is known to satisfy from its publication date alone."""
    if published is None:
        return None
    if FUTURE_OF_PAST in event.cues:
        return None  # 'had planned to attack': to come after a past moment, which may be before publication
    if event.modality in ("future", "hypothetical"):
        return f"{published.isoformat()}/.."
    return f"../{published.isoformat()}"
