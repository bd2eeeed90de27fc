"""Predicates that exist to date a nominal event ('took place', 'carried out', 'staged'), from
``lexicons/dating.yaml``: the date such a predicate carries belongs to the nominal it follows."""

from __future__ import annotations

import re
from functools import cache

from . import lexicon

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


@cache
def reporting() -> re.Pattern:
    """A verb that reports what happened ('police reported today that ...')."""
    return re.compile(rf"\b(?:{lexicon.load('dating')['reporting']['pattern']})\b", re.IGNORECASE)


@cache
def time_relative() -> re.Pattern:
    """The opening of a clause that names the time of the date right before it: '..., when'."""
    return re.compile(rf"\s*,?\s*(?:{lexicon.load('dating')['time_relative']['pattern']})\b", re.IGNORECASE)
