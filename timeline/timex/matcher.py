"""Find candidate spans with every rule and keep the longest non-overlapping ones."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .candidates import Candidate, shifted
from .joins import join_neighbours
from .keys import key_spans, windows
from .lexicon import alternation, lexicon
from .ruleset import Rule, literal_keys, rules

@lru_cache(maxsize=1)
def _mod_prefix() -> re.Pattern:
    """Modifiers that belong to a date's extent in TimeML ('early March', 'the end of 2012')."""
    return re.compile(r"\b" + alternation(lexicon()["mods"]) + r"[ \t-]*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _approx_prefix() -> re.Pattern:
    """Words of measure inside any timex's extent in TimeML ('about a week', 'around 9 a.m.')."""
    return re.compile(r"\b" + alternation(lexicon()["approximators"]) + r"[ \t]+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _part_prefix() -> re.Pattern:
    """'the morning of 29 April': a day-part prefix turns a day into a TIME in TimeML."""
    parts = alternation(lexicon()["day_parts"])
    return re.compile(
        r"(?:(?:\b(?:early|late)[ \t]+(?:in[ \t]+)?)?\bthe[ \t]+(?:early[ \t]+|late[ \t]+)?"
        r"(?P<part>" + parts + r")(?:[ \t]+hours)?[ \t]+of"
        r"|\b(?:early|late)[ \t]+(?P<bare>" + parts + r")[ \t]+on)[ \t]+$",
        re.IGNORECASE)


def part_of_day_prefix(text: str, start: int) -> tuple[int, str] | None:
    """Start and day-part word of 'the morning of' ('early morning on') right before a span, if
    there is one."""
    found = _part_prefix().search(text, max(0, start - 40), start)
    return (found.start(), (found.group("part") or found.group("bare")).lower()) if found else None


def _candidates(text: str, rule: Rule, spans: list[tuple[int, int]]) -> list[Candidate]:
    """Matches of a rule that start inside its windows, re-matched on the whole text so
    lookaheads see past a window's end."""
    out: list[Candidate] = []
    regex = rule.regex
    has_t = "t" in regex.groupindex
    for lo, hi in spans:
        for windowed in regex.finditer(text, lo, hi):
            found = regex.match(text, windowed.start())
            if found is None:
                continue
            start, end = found.span("t") if has_t and found.group("t") is not None else found.span()
            if end > start:
                out.append(Candidate(start, end, rule, found.groupdict()))
    return out


def select(found: list[Candidate]) -> list[Candidate]:
    """Leftmost-longest in one sweep: a longer overlapping match replaces the last kept one.

    Among equal spans, a rule that checked context around its span wins, then the earlier rule.
    """
    kept: list[Candidate] = []
    for cand in sorted(found, key=lambda c: (c.start, -(c.end - c.start), not c.rule.contextual,
                                             c.rule.priority)):
        if not kept or cand.start >= kept[-1].end:
            kept.append(cand)
            continue
        last = kept[-1]
        longer = cand.end - cand.start > last.end - last.start
        if longer and (len(kept) < 2 or cand.start >= kept[-2].end):
            kept[-1] = cand
    return kept


def extend_mods(text: str, kept: list[Candidate]) -> list[Candidate]:
    """Grow spans over a directly preceding 'about', 'less than' (any type), then 'early',
    'late', 'the end of' (days and times: 'early Tuesday morning')."""
    out: list[Candidate] = []
    previous_end = 0
    for cand in kept:
        start = cand.start
        prefixes = (_approx_prefix(), _mod_prefix()) if cand.rule.type in ("DATE", "TIME") else (_approx_prefix(),)
        for prefix in prefixes:
            found = prefix.search(text, max(previous_end, start - 24), start)
            if found:
                start = found.start()
        out.append(replace(cand, start=start))
        previous_end = cand.end
    return out


CHUNK = 1 << 20  # characters tagged at a time, so memory stays flat on very large inputs


def find(text: str, full_scan: bool = False) -> list[Candidate]:
    """All kept candidates of a text, in order, tagging very large texts chunk by chunk (cut at
    line breaks); ``full_scan`` runs every rule over the whole text (slow; the windowed default
    must give the same result, which a test checks)."""
    if len(text) <= CHUNK:
        return _find_one(text, full_scan)
    out: list[Candidate] = []
    lo = 0
    while lo < len(text):
        hi = _boundary(text, lo)
        out.extend(shifted(c, lo) for c in _find_one(text[lo:hi], full_scan))
        lo = hi
    return out


def _boundary(text: str, lo: int) -> int:
    """End of the chunk starting at ``lo``: the last line break (else blank) in its second half."""
    hi = lo + CHUNK
    if hi >= len(text):
        return len(text)
    for mark in ("\n", " "):
        cut = text.rfind(mark, lo + CHUNK // 2, hi)
        if cut >= 0:
            return cut + 1
    return hi


def _find_one(text: str, full_scan: bool) -> list[Candidate]:
    found: list[Candidate] = []
    if full_scan:
        for rule in rules():
            if not rule.join:
                found += _candidates(text, rule, [(0, len(text))])
        return extend_mods(text, join_neighbours(text, select(found)))
    spans = key_spans(text, literal_keys())
    by_keys: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for rule in rules():
        if rule.join:
            continue
        if rule.keys not in by_keys:
            by_keys[rule.keys] = windows(spans, rule.keys, len(text))
        if by_keys[rule.keys]:
            found += _candidates(text, rule, by_keys[rule.keys])
    return extend_mods(text, join_neighbours(text, select(found)))
