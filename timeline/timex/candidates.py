"""A rule's match before normalisation."""

from __future__ import annotations

from dataclasses import dataclass

from .ruleset import Rule


@dataclass(frozen=True, slots=True)
class Candidate:
    """A rule's match: the timex span, the named groups its normaliser reads, and for a joined
    match its (day, clock) parts."""

    start: int
    end: int
    rule: Rule
    groups: dict
    parts: tuple["Candidate", ...] = ()


def shifted(cand: Candidate, offset: int) -> Candidate:
    """The same match ``offset`` characters further on (a chunk's matches in the whole text)."""
    parts = tuple(shifted(part, offset) for part in cand.parts)
    return Candidate(cand.start + offset, cand.end + offset, cand.rule, cand.groups, parts)
