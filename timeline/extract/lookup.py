"""Positional look-ups over one document's state, built once and answered by bisection.

Stages ask "the clauses of this sentence", "the time expressions inside this span", "the event
of this clause" once per mention; answered by scanning the whole document each time, a long
document cost the square of its length. Each index here is built on first use from the list it
indexes and kept on the state (``DocState.lookups``) for as long as that very list object is the
state's (stages replace lists, they never grow them in place). Answers are the same items, in the
same order, as the scans they replace.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from .state import Clause, DocState, EventMention, Mention


def cached(state: DocState, name: str, source: list, build: Callable[[list], object]):
    """The index ``name`` of ``source``, rebuilt when the state holds another list than before."""
    entry = state.lookups.get(name)
    if entry is None or entry[0] is not source:
        entry = (source, build(source))
        state.lookups[name] = entry
    return entry[1]


@dataclass(frozen=True, slots=True)
class _Keyed:
    """A list's positions ordered by a key, with the keys, to bisect: a dict of lists per key (the
    clauses of each sentence, the events of each clause) was the largest index of a long document."""

    keys: list  # sorted
    order: list[int] | None  # the positions in key order (stable); None when the list is in key order


def keyed_by(items: list, key: Callable) -> _Keyed:
    keys = [key(item) for item in items]
    if all(a <= b for a, b in zip(keys, keys[1:])):
        return _Keyed(keys, None)  # the usual case: no list of positions to hold
    order = sorted(range(len(items)), key=keys.__getitem__)
    return _Keyed([keys[i] for i in order], order)


def _bounds(keyed: _Keyed, low, high) -> tuple[int, int]:
    """Where the keys in ``[low, high]`` begin and end in key order."""
    return bisect.bisect_left(keyed.keys, low), bisect.bisect_right(keyed.keys, high)


def in_range(keyed: _Keyed, low, high) -> list[int]:
    """The positions, in list order, of the items whose key lies in ``[low, high]``."""
    first, last = _bounds(keyed, low, high)
    return list(range(first, last)) if keyed.order is None else sorted(keyed.order[first:last])


def items_in_range(keyed: _Keyed, items: list, low, high) -> list:
    """The items themselves, in list order, whose key lies in ``[low, high]``: a slice of a list in
    key order (the usual case), asked a million times in a long document (so bisected here, not
    through ``_bounds``: a call less each time)."""
    keys = keyed.keys
    first, last = bisect.bisect_left(keys, low), bisect.bisect_right(keys, high)
    return items[first:last] if keyed.order is None else [items[i] for i in sorted(keyed.order[first:last])]


def _start(item) -> int:
    return item.start


def _by_start(items: list) -> _Keyed:
    """A builder made once, not a closure made at each of a long document's million look-ups."""
    return keyed_by(items, _start)


def _starting_in(state: DocState, name: str, items: list, start: int, end: int) -> list:
    """The items (in list order) whose start lies in ``[start, end]``."""
    return items_in_range(cached(state, name, items, _by_start), items, start, end)


def timexes_in(state: DocState, start: int, end: int) -> list:
    """The document's time expressions wholly inside ``text[start:end]``."""
    return [t for t in _starting_in(state, "timexes", state.timexes, start, end) if t.end <= end]


def timex_starts_in(state: DocState, start: int, end: int) -> bool:
    """True when a resolved time expression begins in ``text[start:end]``."""
    return any(t.edtf and t.start < end for t in _starting_in(state, "timexes", state.timexes, start, end))


def mentions_in(state: DocState, start: int, end: int) -> list[Mention]:
    """The names wholly inside ``text[start:end]``, in text order."""
    return [m for m in _starting_in(state, "mentions", state.mentions, start, end) if m.end <= end]


def merged_spans(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The union of half-open ranges as sorted, disjoint (starts, ends)."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(spans):
        if starts and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        elif a < b:
            starts.append(a)
            ends.append(b)
    return starts, ends


def skipped(state: DocState, position: int) -> bool:
    """True when ``position`` lies in a skipped range (boilerplate, dateline, title)."""
    starts, ends = cached(state, "skip_union", state.skip, merged_spans)
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and position < ends[index]


def _sentence_starts_of(spans: list[tuple[int, int]]) -> list[int]:
    """A builder made once: the sentences' starts, in text order."""
    return [start for start, _ in spans]


def sentence_starts(state: DocState) -> list[int]:
    """Where each sentence starts, in text order (built once per document), for ``sentence_at``."""
    return cached(state, "sentence_starts", state.sentences, _sentence_starts_of)


def sentence_at(state: DocState, position: int) -> int:
    """The index of the sentence holding ``position``: the last to start at or before it (-1 before
    the first), by bisection, not a scan of every sentence (quadratic in a long document)."""
    return bisect.bisect_right(sentence_starts(state), position) - 1


def overlaps_union(union: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Whether ``text[start:end]`` overlaps the union ``merged_spans`` made (by bisection)."""
    starts, ends = union
    index = bisect.bisect_left(starts, end) - 1  # the last range that starts before the span ends
    return index >= 0 and ends[index] > start


def containers(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The spans' sorted starts and the furthest end reached so far, for ``inside_any``."""
    ordered = sorted(spans)
    return [a for a, _ in ordered], _reach(ordered)


def triggers_starting_in(state: DocState, start: int, end: int) -> list:
    """The document's triggers whose start lies in ``[start, end]``, in list order."""
    return _starting_in(state, "triggers_by_start", state.triggers, start, end)


def clause_at(state: DocState, position: int) -> Clause | None:
    """The clause holding a position: the last to start at or before it (a sentence's clauses follow
    one another without overlapping), when it reaches past the position."""
    keyed = cached(state, "clauses_by_start", state.clauses, _by_start)
    at = bisect.bisect_right(keyed.keys, position) - 1
    if at < 0:
        return None
    clause = state.clauses[at if keyed.order is None else keyed.order[at]]
    return clause if position < clause.end else None


def inside_any(index: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies within one of the spans ``containers`` indexed: by
    bisection, where asking each span was quadratic in a long document."""
    starts, reach = index
    at = bisect.bisect_right(starts, start) - 1
    return at >= 0 and reach[at] >= end


def _reach(spans: list[tuple[int, int]]) -> list[int]:
    out, furthest = [], -1
    for _, end in spans:
        furthest = max(furthest, end)
        out.append(furthest)
    return out


def first_skip_after(state: DocState, position: int) -> int:
    """The index in ``state.skip`` (sorted) from which ranges may reach past ``position``: every
    earlier range ends at or before it."""
    return bisect.bisect_right(cached(state, "skip_reach", state.skip, _reach), position)


def _people(mentions: list[Mention]) -> tuple[list[Mention], list[int]]:
    people = [m for m in mentions if m.kind == "person"]
    return people, [m.end for m in people]


def last_person(state: DocState, position: int) -> Mention | None:
    """The last person named before ``position`` (names never overlap, so their ends are sorted)."""
    people, ends = cached(state, "people", state.mentions, _people)
    index = bisect.bisect_right(ends, position)
    return people[index - 1] if index else None


def grouped(items: list, key: Callable) -> dict:
    """``key`` -> the items that have it, in list order."""
    out: dict = {}
    for item in items:
        out.setdefault(key(item), []).append(item)
    return out


def sentence_clauses(state: DocState, sentence: int) -> list[Clause]:
    """The clauses of one sentence, in text order."""
    keyed = cached(state, "sentence_clauses", state.clauses, _by_sentence)
    return items_in_range(keyed, state.clauses, sentence, sentence)


def _by_sentence(clauses: list[Clause]) -> _Keyed:
    """As ``_by_start``: made once."""
    return keyed_by(clauses, _sentence_of)


def _sentence_of(clause: Clause) -> int:
    return clause.sentence


def clauses_before(state: DocState, clause: Clause) -> list[Clause]:
    """The clauses of ``clause``'s sentence that end before it begins."""
    return [c for c in sentence_clauses(state, clause.sentence) if c.end <= clause.start]


def clauses_after(state: DocState, clause: Clause) -> list[Clause]:
    """The clauses of ``clause``'s sentence that begin where it ends or later."""
    return [c for c in sentence_clauses(state, clause.sentence) if c.start >= clause.end]


def events_of(state: DocState, clause: Clause) -> list[EventMention]:
    """The event mentions stated by a clause (one at most, as the events stage forms them)."""
    keyed = cached(state, "clause_events", state.events, _by_clause_start)
    return [event for event in items_in_range(keyed, state.events, clause.start, clause.start) if event.clause == clause]


def _clause_start(event: EventMention) -> int:
    return event.clause.start


def _by_clause_start(events: list[EventMention]) -> _Keyed:
    """As ``_by_start``: made once."""
    return keyed_by(events, _clause_start)


def sentence_events(state: DocState, sentence: int) -> list[int]:
    """The positions in ``state.events`` of the mentions one sentence states, in list order."""
    keyed = cached(state, "sentence_events", state.events, lambda events: keyed_by(events, _event_sentence))
    return in_range(keyed, sentence, sentence)


def _event_sentence(event: EventMention) -> int:
    return event.clause.sentence


def root_of(state: DocState, index: int) -> int:
    """The first mention of the event that mention ``index`` tells again (itself when it is one)."""
    while state.events[index].same_as is not None:
        index = state.events[index].same_as
    return index


def chains(state: DocState) -> dict[int, list[EventMention]]:
    """Each event's first mention -> every mention that tells it, in the text's order: the stages
    after co-reference judge an event by all its mentions, not the one they happen to read."""
    out: dict[int, list[EventMention]] = {}
    for index, event in enumerate(state.events):
        out.setdefault(root_of(state, index), []).append(event)
    return out
