"""Predicates that exist to date a nominal event ('took place', 'carried out', 'staged'), from
``lexicons/dating.yaml``: the date such a predicate carries belongs to the nominal it follows."""

from __future__ import annotations

import calendar
import re
from functools import cache

from . import lexicon
from .casing import name_like
from .phrases import is_past, is_past_form, parts_of_speech

_AUXILIARY = r"(?:(?:was|were|is|are|has been|have been|had been)\s+)"


@cache
def _patterns(kind: str) -> str:
    return "|".join(e["pattern"] for e in lexicon.load("dating")["predicates"] if e["kind"] == kind)


@cache
def dating_clause() -> re.Pattern:
    """A clause that exists to date an event told before: 'the kidnapping took place on ...',
    'the attack was carried out on Monday' (an active 'carried out an attack' tells a new one)."""
    return re.compile(rf"\b(?:{_patterns('happened')}|{_AUXILIARY}(?:\w+ly\s+)?(?:{_patterns('done')}))\b",
                      re.IGNORECASE)


@cache
def dating_tail() -> re.Pattern:
    """The opening of a clause that dates the nominal before it: '..., carried out this morning',
    '..., which was perpetrated on 12 January', '..., which took place yesterday'."""
    return re.compile(rf"\W*(?:(?:which|that)\s+)?{_AUXILIARY}?(?:\w+ly\s+)?"
                      rf"(?:{_patterns('happened')}|{_patterns('done')})\b", re.IGNORECASE)


@cache
def dating_participle() -> re.Pattern:
    """A participle that dates the nominal right before it: 'the attack staged tonight'."""
    return re.compile(rf"(?:{_patterns('done')}|{_patterns('happened')})", re.IGNORECASE)


def _entry(name: str, opening: str) -> re.Pattern:
    """One dating.yaml entry's words as a whole word after ``opening``, so the three readers below share one build."""
    return re.compile(rf"{opening}(?:{lexicon.load('dating')[name]['pattern']})\b", re.IGNORECASE)


@cache
def reporting() -> re.Pattern:
    """A verb that reports what happened ('police reported today that ...')."""
    return _entry("reporting", r"\b")


@cache
def speech_frame() -> re.Pattern:
    """A participle opening a clause that sets the occasion of a speech ('Speaking at a rally on ...')."""
    return _entry("speech_frame", r"\W*")


@cache
def answered_for() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The gaps between a response's date and what it answers for, compiled once from dating.yaml."""
    entry = lexicon.load("dating")["answered_for"]
    return (re.compile(entry["gap"], re.IGNORECASE), re.compile(entry["of_gap"], re.IGNORECASE),
            re.compile(entry["of_before"], re.IGNORECASE))


@cache
def time_relative() -> re.Pattern:
    """The opening of a clause that names the time of the date right before it: '..., when'."""
    return _entry("time_relative", r"\s*,?\s*")


@cache
def _month_parts() -> list[tuple[re.Pattern, int, int]]:
    return [(re.compile(rf"^(?:{p['pattern']})\b", re.IGNORECASE), *p["days"]) for p in lexicon.load("dating")["month_parts"]]


def month_part(text: str, edtf: str) -> str:
    """'at the end of January' is its last days, not the whole month: a month told with a part of it
    becomes that part (the tagger keeps the month, as TimeML values do)."""
    if not re.fullmatch(r"\d{4}-\d{2}", edtf):
        return edtf
    for pattern, first, last in _month_parts():
        if pattern.match(text):
            year, month = map(int, edtf.split("-"))
            end = min(last, calendar.monthrange(year, month)[1])
            return f"{edtf}-{first:02d}/{edtf}-{end:02d}"
    return edtf


@cache
def _attributive() -> tuple[re.Pattern, re.Pattern, re.Pattern, frozenset[str]]:
    """The attributive-date rule compiled once from dating.yaml."""
    entry = lexicon.load("dating")["attributive"]
    return (re.compile(rf"\b{entry['determiner']}$", re.IGNORECASE), re.compile(entry["determiner"], re.IGNORECASE),
            re.compile(entry["own_time"], re.IGNORECASE), frozenset(entry["no_noun"]))


_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w'-]*)")


def modifies_noun(text: str, start: int, end: int) -> int | None:
    """Where the noun phrase starts that the date at ``start:end`` modifies ('the 8 April elections':
    a date between a determiner and a noun), or None when the date modifies no noun."""
    before, opening, own_time, no_noun = _attributive()
    if not (opening.match(text, start, end) or before.search(text, max(0, start - 8), start)) or own_time.match(text, start, end):
        return None
    word = _WORD_AFTER.match(text, end)
    return word.start(1) if word and word.group(1).lower() not in no_noun else None


@cache
def told_again() -> tuple[re.Pattern, int]:
    """A clause that tells an occurrence again by a word that only points back ('the incident
    took place on 9 March', 'it happened on 5 July'), and how many sentences back it reaches."""
    entry = lexicon.load("dating")["told_again"]
    return (re.compile(rf"[\W_]*(?:{entry['subject']})\s+(?:[\w-]+\s+){{0,2}}?{_AUXILIARY}?"
                       rf"(?:{_patterns('happened')})\b", re.IGNORECASE), entry["reach"])


@cache
def _reduced_relative() -> tuple[re.Pattern, re.Pattern, frozenset[str], frozenset[str], frozenset[str]]:
    """The reduced-relative rule compiled once from dating.yaml."""
    entry = lexicon.load("dating")["reduced_relative"]
    return (re.compile(r"([A-Za-z][\w'’-]*)[ \t]+$"), re.compile(rf"[ \t]+(?:{entry['opener']})\b", re.IGNORECASE),
            *(frozenset(entry[key].split("|")) for key in ("finite", "not_head", "determiners")))


_WORDS = re.compile(r"[A-Za-z][\w'’-]*|[,;:()\"“”]")


def reduced_relative_verb(text: str, start: int, end: int, limit: int, caps: bool = False) -> int | None:
    """Where the main clause's finite verb starts when the participle at ``start:end`` is a
    reduced relative ('a journalist abducted near the border was released on Monday'): what
    was done to the noun before it, so the main clause's date only bounds it; else None."""
    head_pattern, opener, finite, not_head, determiners = _reduced_relative()
    word = text[start:end]
    head = head_pattern.search(text, max(0, start - 40), start)
    if " " in word.strip() or not is_past(word) or head is None or not opener.match(text, end):
        return None
    before = head.group(1)
    if before.lower() in not_head or not (name_like(before, caps) or "NOUN" in parts_of_speech(before)):
        return None
    previous = word.lower()
    for found in _WORDS.finditer(text, end, limit):
        token = found.group().lower()
        if not token[:1].isalpha():
            return None  # a comma or a quote: the participle's phrase does not run into a main verb
        verb = is_past(token) and previous not in determiners and not _BY.match(text, found.end())
        if token in finite or verb:  # not 'in a televised address', 'a bomb planted by'
            return found.start()
        previous = token
    return None


_BY = re.compile(r"\s+by\b", re.IGNORECASE)  # matched in place: a slice of the text's rest per word is quadratic


@cache
def not_finite_before() -> re.Pattern:
    """Words right before a past form that make it no finite past (dating.yaml, past_trigger)."""
    return re.compile(rf"\b(?:{lexicon.load('dating')['past_trigger']['not_after']})\W+(?:\w+ly\W+)*$", re.IGNORECASE)


def past_trigger(text: str, event) -> bool:
    """'The two parties agreed to set up a commission': a verb trigger whose first word is a
    finite past tells the act as done by the report; only what it governs is to come."""
    first = re.match(r"[^\W\d_]+", text[event.trigger.start:event.trigger.end])
    if event.trigger.kind != "verb" or first is None or not is_past_form(first.group()):
        return False
    return not_finite_before().search(text, max(0, event.trigger.start - 30), event.trigger.start) is None
