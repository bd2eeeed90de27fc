"""Predicted expressions that no gold span overlaps, counted by the shape of their words.

A held-out corpus may only be read as aggregate figures; this table says which kinds of phrase the
tagger marks where the annotators marked nothing ('now', a bare number read as a year, a length
before a noun ...), without showing a single document or phrase, so each shape can then be looked
up in the gold of the corpora that may be read.
"""

from __future__ import annotations

import collections
import re

from .timex_score import Span, in_regions, match

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_UNIT = r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|season|year|decade|century|period|time|era)s?"
_WORD_NUMBER = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
                r"|sixty|seventy|eighty|ninety|hundred)")
_PARTS = r"(?:dawn|first light|morning|afternoon|evening|night|overnight|midnight|noon|midday|daytime|night-time|dusk)s?"
_SEASONS = r"(?:spring|summer|autumn|fall|winter|dry season|monsoon season|season)s?"
_LENGTH = rf"(?:\d|\b{_WORD_NUMBER}\b|\ba\b|\ban\b|\bfew\b|\bseveral\b|\bmany\b)"

EXTRA_SHAPES = (  # the first shape whose pattern the phrase's words (for 'N units', with the next word) fit
    ("'now' ('right now', 'until now', 'by now')", r"^(?:right |just |until |up to |for |by |from |even )?now$"),
    ("'currently', 'recently', 'at the time' (a vague present or past)",
     r"^(?:right |just |until |for |by |from |most |more |very |only )?(?:now|currently|presently|recently|lately|nowadays"
     r"|at the time|at present|these days|today's)\b"),
    ("'once', 'former', 'previously', 'then' (an adverb of earlier time)",
     r"^(?:once|former|formerly|previously|then|earlier|later|before|afterwards|soon|eventually|meanwhile)$"),
    ("'the past' / 'the future' as a phrase", r"^(?:in |into |for |of )?the (?:past|future|present)$|^(?:past|future|present)$"),
    ("a bare number in digits ('1990' as a count, '15' read as a year or day)", r"^'?\d{1,4}$"),
    ("a bare clock without a.m. / p.m. ('3:30', '10.45': a score, a race time)", r"^\d{1,2}\s?[:.]\s?\d\d(?:\s?[:.]\s?\d\d)?$"),
    ("a length as a modifier ('an 11-year veteran', 'a one-day race')",
     rf"^(?:an? |the )?(?:\d+|{_WORD_NUMBER})\s?-\s?{_UNIT}(?!\s?-\s?(?:old|long))\b(?! (?:before|after|prior|earlier|later|ago)\b)"),
    ("N units before / after / later ('five days before the loss', 'two weeks later')",
     rf"^(?:just |some |about |only |nearly |almost |less than |more than )?{_LENGTH}.*\b{_UNIT}\b (?:later|earlier|before|after|prior|from)\b"),
    ("a rate ('monthly', 'a year' after a count, 'Saturday mornings')",
     rf"^(?:every |each |per )|^(?:hourly|nightly|daily|weekly|monthly|quarterly|yearly|annually)$|^an? {_UNIT}(?= \S*$)|\b{_WEEKDAY}s\b"),
    ("'early / late' with a day ('late Thursday', 'early Sunday')", rf"^(?:early|late)\b.*(?:\b{_WEEKDAY}\b|\d)"),
    ("a day with its part ('Friday morning', 'Saturday night')", rf"\b{_WEEKDAY}\b.*\b{_PARTS}\b|\b{_PARTS}\b.*\b{_WEEKDAY}\b"),
    ("a clock joined to a date or a header ('3 July 2013 Last updated at 13 : 38')", r"\d\s?[:.]\s?\d\d|\b[ap]\.?\s?m\b"),
    ("a part of the day ('that night', 'overnight')", rf"^(?:the |a |one |this |that |early |late |[a-z]+ )?{_PARTS}$"),
    ("a season, generic or told ('summer', 'the spring')", rf"^(?:the |this |last |next |each |[a-z]+ )?{_SEASONS}$"),
    ("a unit as an anaphor ('the day', 'that year', 'the same day')",
     rf"^(?:the|that|this|the same|the next|the following)\s+{_UNIT}$"),
    ("a length ('two seconds', 'a day', 'the coming days', 'for years')",
     rf"^(?:for |the coming |the past |the last |the previous |the next )?{_LENGTH}?.*\b{_UNIT}\b"),
    ("a day, month or year told ('February 1', 'Saturday', 'in 2011', 'today')",
     rf"\b{_MONTH}\b|\b{_WEEKDAY}\b|\b\d{{4}}\b|\b(?:today|tomorrow|yesterday|tonight)\b"),
)


def extra_shape(phrase: str, after: str = "") -> str:
    """The shape of a predicted expression, from its words (and, for 'N units later', the next word)."""
    words = " ".join(phrase.lower().split())
    with_next = " ".join(f"{words} {after.split(' ', 1)[0] if after.strip() else ''}".lower().split())
    return next((name for name, pattern in EXTRA_SHAPES if re.search(pattern, words) or
                 (name.startswith("N units") and re.search(pattern, with_next))), "other")


def unpaired(gold: list[Span], predicted: list[Span]) -> list[tuple[Span, str]]:
    """Each prediction the one-to-one matching leaves without a gold span, with 'none' when it shares
    no character with any gold span (spurious) or 'split' when it lies in a gold span paired with
    another prediction (the gold writes one expression where the tagger writes two)."""
    paired = {pi for _, pi in match(gold, predicted)}
    return [(p, "split" if any(min(g[1], p[1]) > max(g[0], p[0]) for g in gold) else "none")
            for pi, p in enumerate(predicted) if pi not in paired]


def spurious_shapes(text: str, gold: list[Span], predicted: list[Span],
                    regions: list[tuple[int, int]] | None = None) -> collections.Counter:
    """(shape, predicted type, 'none' or 'split') of each scored prediction left without a gold span, counted."""
    tally: collections.Counter = collections.Counter()
    for (start, end, kind, _), overlap in unpaired(gold, in_regions(predicted, regions)):
        tally[(extra_shape(text[start:end], " ".join(text[end:end + 20].split())), kind, overlap)] += 1
    return tally


GAPS = (  # what lies between two predictions inside one gold span: the first class the gap's words fit
    ("a line break", r"\n"),
    ("nothing or a space", r"^$"),
    ("a comma", r"^,$"),
    ("a bracket", r"[()\[\]]"),
    ("a dash, slash, bar or '@'", r"^(?:-+|–|—|/|\||@)$"),
    ("'and', 'or', 'to', 'until', 'through' (a range or a list)", r"^(?:and|or|to|until|till|through|-|–)$"),
    ("'at', 'around', 'about', 'by' (a clock after a day)", r"^,?\s*(?:at|around|about|by|shortly (?:before|after)|just (?:before|after)"
                                                             r"|at (?:about|around))$"),
    ("'on', 'of', 'in' (a day after a clock or a part)", r"^,?\s*(?:on|of|in|in the|of the)$"),
    ("a zone or 'local time'", r"^(?:[a-z]{2,4}|local time|hrs|hours|gmt|utc)\s*,?$"),
    ("other words", r"."),
)


def gap_class(gap: str) -> str:
    """The class of the words between two predictions that one gold span holds."""
    if "\n" in gap:
        return GAPS[0][0]
    words = " ".join(gap.lower().split())
    return next(name for name, pattern in GAPS[1:] if re.search(pattern, words))


def joined_gaps(text: str, gold: list[Span], predicted: list[Span],
                regions: list[tuple[int, int]] | None = None) -> collections.Counter:
    """(gap class, gold type) of each pair of neighbouring predictions inside one gold span that holds a
    prediction the matching left unpaired, counted: the forms where the gold writes one expression and
    the tagger two (a gold span nested in another, as TIMEX2 and ESC sometimes write, pairs both
    pieces and is not counted)."""
    scored = sorted(in_regions(predicted, regions))
    paired = {scored[pi] for _, pi in match(gold, scored)}
    tally: collections.Counter = collections.Counter()
    for start, end, kind, _ in gold:
        inside = [p for p in scored if min(end, p[1]) > max(start, p[0])]
        if all(p in paired for p in inside):
            continue
        for left, right in zip(inside, inside[1:]):
            tally[(gap_class(text[left[1]:right[0]]), kind)] += 1
    return tally
