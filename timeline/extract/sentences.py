"""Boilerplate, sentence and clause stages: where the event-bearing text is, cut into clauses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from . import lexicon
from .lookup import first_skip_after
from .state import DocState

_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")
# 'LIMA, 10 JAN 90 (EFE) -- [TEXT]', also 'MOSCOW (USSR), NO DATE --', '(RADIO VENCEREMOS)-- ' and a
# source opened by one bracket and closed by the other ('[INRAVISION TELEVISION CADENA 1) --')
_DATELINE = re.compile(r"^[A-Z][A-Za-z .,'()/-]{1,60}, (?:\d{1,2} [A-Za-z]{3,9}\.? \d{2,4}|NO DATE)"
                       r"(?: [(\[][^\n]{0,60}?[)\]])? ?--\s*(?:\[[^\]]*\]\s*)*")
# Wire style: "PRETORIA - ", "NEW DELHI (Reuters) - ", "KYIV, Ukraine — ", "DUBAI/ADEN - " (cities in capitals).
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z.'/-]+(?: [A-Z][A-Z.'/-]+){0,3}(?:, [A-Z][\w.'-]+(?: [A-Z][\w.'-]+)?)?"
                            r"(?:,? (?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})(?:,? \d{4})?)?"  # 'PEMBA, June 14 -'
                            r"(?: \([^)\n]{1,40}\))? ?(?:-{1,2}|–|—) ")
_MAX_BOILERPLATE_LINE = 120


@cache
def _boilerplate() -> re.Pattern:
    entries = lexicon.load("text")["boilerplate"]
    return re.compile("|".join(f"(?:{e['pattern']})" for e in entries), re.IGNORECASE)


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(a.lower() for a in lexicon.load("text")["abbreviations"])


_URL_LINE = re.compile(r"(?:https?\s?:\s?/\s?/|www\s?\.)\s?\w", re.IGNORECASE)


def is_boilerplate(line: str) -> bool:
    """True for page furniture: 'Related Pages', 'Updated on ...', bylines, bare datelines, a URL."""
    line = line.strip()
    if _URL_LINE.match(line):
        return True
    return bool(line) and len(line) <= _MAX_BOILERPLATE_LINE and _boilerplate().fullmatch(line) is not None


def title_span(text: str) -> tuple[int, int] | None:
    """The headline: a first line of its own, before a blank line, shorter than 200 characters,
    and one sentence at most (a first paragraph of two short sentences is text, not a title); a
    line opening on a dateline is the lead, however short ('KANO, 4 MAY 91 (AFP) -- ...')."""
    match = re.match(r"\s*([^\n]{3,200})\n\s*\n", text)
    if match is None or is_boilerplate(match.group(1)) or len(_split_at_stops(text, *match.span(1))) > 1:
        return None
    if _DATELINE.match(match.group(1)) or _WIRE_DATELINE.match(match.group(1)):
        return None
    return match.start(1), match.end(1)


def _is_title(line: str, title: str | None) -> bool:
    """The first line is the headline when no title is known, or when it is that title."""
    return title is None or line.lstrip("#").strip().lower() == title.strip().lower()


def find_boilerplate(state: DocState, options) -> DocState:
    """Stage: mark lines that never yield events (title, furniture, datelines)."""
    text = state.text
    skip = [(m.start(), m.end()) for m in _LINE.finditer(text) if is_boilerplate(m.group())]
    span = title_span(text)
    if span is not None and _is_title(text[span[0]:span[1]], state.document.title):
        skip.append(span)
    skip += dateline_spans(text)
    return replace(state, skip=sorted(skip))


def dateline_spans(text: str) -> Iterator[tuple[int, int]]:
    """The datelines that open paragraphs ('LASHIO, Myanmar — '): where the story was filed, in
    text order and found lazily (the story's state needs only the first of a long document's)."""
    for para in _paragraph_spans(text):
        head = text[para[0]:para[1]]
        dateline = _DATELINE.match(head) or _WIRE_DATELINE.match(head)
        if dateline:
            yield para[0], para[0] + dateline.end()


def heading_spans(state: DocState) -> list[tuple[int, int]]:
    """The headline and the first dateline: outside the sentences, they still say what state the
    story is about."""
    title = title_span(state.text)
    spans = [title] if title is not None and _is_title(state.text[title[0]:title[1]], state.document.title) else []
    first = next(dateline_spans(state.text), None)
    return spans + ([first] if first is not None else [])


def _paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    """The non-blank paragraphs' spans, in text order, found as they are asked for."""
    start = 0
    for sep in _PARAGRAPH.finditer(text):
        if text[start:sep.start()].strip():
            yield start, sep.start()
        start = sep.end()
    if text[start:].strip():
        yield start, len(text)


_LINE_END = re.compile(r"[.!?][\"'”’)\]]*\s*$")


def _one_sentence_per_line(lines: list[str]) -> bool:
    """Most lines end a sentence (one sentence per line, as in tokenised corpora): then a line
    without a full stop (a headline, a dateline) is a sentence of its own. Hard-wrapped text,
    whose lines mostly end mid-sentence, keeps its lines together."""
    full = [line for line in lines if line.strip()]
    return len(full) >= 3 and sum(_LINE_END.search(line) is not None for line in full) >= 0.6 * len(full)


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one paragraph into sentences, keeping abbreviations and initials whole."""
    if "\n" in text[start:end] and _one_sentence_per_line(text[start:end].split("\n")):
        spans = [(m.start() + start, m.end() + start) for m in _LINE.finditer(text[start:end])]
        return [s for a, b in spans for s in _split_at_stops(text, a, b)]
    return _split_at_stops(text, start, end)


def _split_at_stops(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, begin = [], start
    for match in _SENTENCE_END.finditer(text, start, end):
        word = _word_before(text, begin, match.start() + 1)
        token = word.group(1).lower() if word else ""
        if (token in _abbreviations() and not _clock_ends_sentence(token, text, match)) or (
                len(token) == 1 and token.isalpha()) or _decimal_point(text, match):
            continue
        spans.append((begin, match.end()))
        begin = match.end()
    spans.append((begin, end))
    return [_trim(text, a, b) for a, b in spans if text[a:b].strip()]


_WORD_AND_STOP = re.compile(r"([\w.]+) ?\.+$")  # 'Nov.', 'U.S.', and 'Nov .' when tokenised


def _word_before(text: str, begin: int, stop: int) -> re.Match | None:
    """The word that a full stop ending at ``stop`` follows, searched from ``begin``; read from a
    short window that widens only while the word may start before it (no rescans from the
    sentence's start, which cost the square of a long paragraph's length)."""
    width = 64
    while True:
        low = max(begin, stop - width)
        word = _WORD_AND_STOP.search(text, low, stop)
        if word is None or low == begin or word.start() > low + 1:
            return word
        width *= 4


@cache
def _not_a_new_sentence() -> re.Pattern:
    """What may follow a clock time in the same sentence: a weekday, a month (the tagger's word
    lists) or a time zone."""
    from ..timex.lexicon import macros

    words = rf"{macros()['WEEKDAY']}|{macros()['MONTH']}|gmt|utc|est|edt|cet|local"
    return re.compile(rf"\s+(?:on\s+)?(?:{words})\b", re.IGNORECASE)
_CAPITALISED = re.compile(r"\s+[\"“]?[A-Z][a-z]")  # 'Seventeen', not ALL-CAPS wire text


def _clock_ends_sentence(token: str, text: str, match: re.Match) -> bool:
    """'at 7:45 p.m. Seventeen rockets struck': a clock time can end a sentence ('at 7 p.m.
    Monday' does not)."""
    return (token in ("a.m", "p.m") and _CAPITALISED.match(text, match.end()) is not None
            and _not_a_new_sentence().match(text, match.end()) is None)


_SPACED_POINT = re.compile(r"\d \. \d")


def _decimal_point(text: str, match: re.Match) -> bool:
    """'magnitude 9 . 1' in tokenised text: a point spaced between digits ends no sentence
    ('rose to 12. 15 more' does)."""
    return match.group() == "." and _SPACED_POINT.match(text, max(0, match.start() - 2)) is not None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(state: DocState, options) -> DocState:
    """Stage: sentences per paragraph, outside boilerplate; a blank line always ends a sentence."""
    sentences, paragraphs = [], []
    for number, (start, end) in enumerate(_paragraph_spans(state.text)):
        for span in _sentence_spans(state.text, start, end):
            span = _outside(span, state.skip, first_skip_after(state, span[0]))
            if span is not None:
                sentences.append(span)
                paragraphs.append(number)
    return replace(state, sentences=sentences, paragraphs=paragraphs)


def _outside(span: tuple[int, int], skip: list[tuple[int, int]], first: int) -> tuple[int, int] | None:
    """The part of a sentence outside skipped ranges (a leading dateline, a furniture line);
    ``skip`` is sorted and no range before ``first`` reaches into the sentence."""
    start, end = span
    for a, b in (skip[index] for index in range(first, len(skip))):
        if a >= end:
            break  # nor does any later range (the result is None if start has passed end)
        if a <= start < b:
            start = b
        elif start < a < end:
            end = a
    return (start, end) if end - start > 2 else None
