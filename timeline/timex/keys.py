"""Key words that every rule needs inside its match, found in one pass so each rule only runs
in small windows around its own keys instead of over the whole text.

A rule lists its keys in the rule file: classes (DIGIT: any number, YEAR4: a four-digit number
from 1000 to 2999, CLOCK4: a four-digit number that reads as a 24-hour clock, 0000 to 2359; MONTH, WEEKDAY, SEASON, PART, UNIT, HOLIDAY from lexicon.yaml) or literal
lower-case words ("yesterday").
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from .lexicon import alternation, lexicon

CLASSES = {"MONTH": "months", "WEEKDAY": "weekdays", "SEASON": "seasons", "PART": "day_parts",
           "UNIT": "units", "HOLIDAY": "holidays"}
BEFORE, AFTER = 40, 40  # the longest reach of a timex (with its context) around its key, in characters


_TOKEN = re.compile(r"[^\W\d_]+|\d+")


@lru_cache(maxsize=1)
def _word_classes() -> dict[str, frozenset[str]]:
    """Key token -> the key classes it stands for (a phrase such as "new year's day" is keyed
    by its first word)."""
    out: dict[str, set[str]] = defaultdict(set)
    for name, table in CLASSES.items():
        for word in lexicon()[table]:
            out[_TOKEN.findall(str(word).lower())[0]].add(name)
    return {word: frozenset(names) for word, names in out.items()}


@lru_cache(maxsize=64)
def _word_scanner(literals: frozenset[str], blind: bool) -> re.Pattern:
    """Key words as one trie regex; it starts with plain letters, so ``re`` scans fast."""
    words = set(_word_classes()) | set(literals)
    return re.compile(alternation(words) + r"(?![^\W\d_])", re.IGNORECASE if blind else 0)


_DIGITS = re.compile(r"\d+")
_CLOCK4 = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")  # the hour and minutes of the wire's clock rules


def key_spans(text: str, literals: frozenset[str]) -> dict[str, list[tuple[int, int]]]:
    """Where each key class and literal key word occurs (whole words and numbers only)."""
    lower = text.lower()
    same = len(lower) == len(text)
    scanned = lower if same else text
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for found in _DIGITS.finditer(scanned):
        out["DIGIT"].append(found.span())
        if found.end() - found.start() == 4 and scanned[found.start()] in "12":
            out["YEAR4"].append(found.span())
        if _CLOCK4.fullmatch(found.group()):
            out["CLOCK4"].append(found.span())
    classes = _word_classes()
    for found in _word_scanner(literals, not same).finditer(scanned):
        start = found.start()
        if start and scanned[start - 1].isalpha():
            continue  # the end of a longer word
        word = found.group() if same else found.group().lower()
        for name in classes.get(word, ()):
            out[name].append(found.span())
        if word in literals:
            out[word].append(found.span())
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
