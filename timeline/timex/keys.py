"""Key words that every rule needs inside its match, found in one pass so each rule only runs
in small windows around its own keys instead of over the whole text.

A rule lists its keys in the rule file: classes (DIGIT, MONTH, WEEKDAY, SEASON, PART, UNIT,
HOLIDAY, from lexicon.yaml) or literal lower-case words ("yesterday").
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from .firstchar import guard
from .lexicon import alternation, lexicon

CLASSES = {"MONTH": "months", "WEEKDAY": "weekdays", "SEASON": "seasons", "PART": "day_parts",
           "UNIT": "units", "HOLIDAY": "holidays"}
BEFORE, AFTER = 40, 40  # the longest reach of a timex (with its context) around its key, in characters


@lru_cache(maxsize=1)
def _word_classes() -> dict[str, frozenset[str]]:
    """Lower-case key word -> the key classes it belongs to."""
    out: dict[str, set[str]] = defaultdict(set)
    for name, table in CLASSES.items():
        for word in lexicon()[table]:
            out[str(word).lower()].add(name)
    return {word: frozenset(names) for word, names in out.items()}


@lru_cache(maxsize=64)
def _scanner(literals: frozenset[str]) -> tuple[re.Pattern, re.Pattern]:
    """One regex for digits and every key word; a lower-case and a case-blind variant."""
    words = set(_word_classes()) | set(literals)
    body = r"(?P<d>\d+)|(?<![^\W\d_])(?P<w>" + alternation(words) + r")(?![^\W\d_])"
    return re.compile(guard(body, 0)), re.compile(guard(body, re.IGNORECASE), re.IGNORECASE)


def key_spans(text: str, literals: frozenset[str]) -> dict[str, list[tuple[int, int]]]:
    """Where each key class and literal key word occurs in the text."""
    lower = text.lower()
    plain, blind = _scanner(literals)
    scanned, pattern = (lower, plain) if len(lower) == len(text) else (text, blind)
    classes = _word_classes()
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for found in pattern.finditer(scanned):
        span = found.span()
        if found.group("d") is not None:
            out["DIGIT"].append(span)
            continue
        word = found.group("w").lower()
        if " " in word or "\t" in word:
            word = re.sub(r"\s+", " ", word)
        for name in classes.get(word, ()):
            out[name].append(span)
        if word in literals:
            out[word].append(span)
    return out


def windows(spans: dict[str, list[tuple[int, int]]], keys: tuple[str, ...], size: int) -> list[tuple[int, int]]:
    """Merged (lo, hi) windows around the occurrences of a rule's keys."""
    points = sorted(span for key in keys for span in spans.get(key, ()))
    merged: list[tuple[int, int]] = []
    for start, end in points:
        lo, hi = max(0, start - BEFORE), min(size, end + AFTER)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged
