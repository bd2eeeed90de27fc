"""Systems compared on the same texts in the same run, each behind one adapter.

An adapter takes ``(text, published, mode)`` and returns ``(start, end, type, value)`` spans.
Peers that only give a datetime are scored at day precision with type DATE.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
from collections.abc import Callable

Span = tuple[int, int, str, str]
Adapter = Callable[[str, dt.date | None, str], list[Span]]


def ours(text: str, published: dt.date | None, mode: str) -> list[Span]:
    """This project's tagger."""
    from timeline.timex import marked, tag

    return [(t.start, t.end, t.type, t.value) for t in marked(tag(text, published, mode))]


def nothing(text: str, published: dt.date | None, mode: str) -> list[Span]:
    """The floor every system must beat: finds nothing."""
    return []


def _base(published: dt.date | None) -> dt.datetime:
    day = published or dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day)


def _locate(text: str, found: list[tuple[str, dt.datetime]]) -> list[Span]:
    """Offsets for (substring, datetime) pairs, searched left to right."""
    spans: list[Span] = []
    cursor = 0
    for fragment, when in found:
        start = text.find(fragment, cursor)
        if start < 0:
            start = text.find(fragment)
        if start < 0:
            continue
        spans.append((start, start + len(fragment), "DATE", when.date().isoformat()))
        cursor = start + len(fragment)
    return spans


def dateparser_search(text: str, published: dt.date | None, mode: str) -> list[Span]:
    """dateparser.search.search_dates with RELATIVE_BASE pinned to the publication date."""
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": _base(published), "PREFER_DATES_FROM": "past"}
    found = search_dates(text, languages=["en"], settings=settings) or []
    return _locate(text, found)


def datefinder_find(text: str, published: dt.date | None, mode: str) -> list[Span]:
    """datefinder.find_dates with its own offsets and the publication date as base."""
    import datefinder

    spans: list[Span] = []
    try:
        for when, _source, (start, end) in datefinder.find_dates(
                text, source=True, index=True, base_date=_base(published)):
            spans.append((start, end, "DATE", when.date().isoformat()))
    except (ValueError, OverflowError):  # datefinder can fail on odd digit runs
        pass
    return spans


PEERS: dict[str, tuple[Adapter, str | None]] = {
    "timeline": (ours, "timeline"),
    "dateparser": (dateparser_search, "dateparser"),
    "datefinder": (datefinder_find, "datefinder"),
    "nothing": (nothing, None),
}


def version(package: str | None) -> str:
    """The installed version of a peer's package ('-' for the baselines)."""
    if package is None:
        return "-"
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"
