"""Officials told by their office of state: 'Vice President Delcy Rodriguez warned ...' names no
state, yet the vice president is the state's; with none named before the title, an official who
opens a sentence is one of the state the story names most, when that state is also the one it names
first and the sentence does not name it beside him (``lexicons/groups.yaml``: ``state_offices``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import lexicon
from .lookup import items_in_range, keyed_by
from .state import Mention

_NAME_AFTER = re.compile(r"\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+")  # titles such as 'Colonel' are capitalised too


_SUBJECT_PLACE = re.compile(r"(?:^|,)\W*$")


@cache
def _offices() -> re.Pattern:
    offices = sorted(lexicon.load("groups")["state_offices"], key=len, reverse=True)
    return re.compile(r"\b(?:%s)\b" % "|".join(re.escape(o).replace(r"\ ", r"\s+") for o in offices), re.IGNORECASE)


@dataclass(frozen=True)
class Located:
    """A document's names by where they start, asked by bisection: asking every name for every
    sentence made a long document cost the square of its length."""

    mentions: list[Mention]
    by_start: object  # ``lookup.keyed_by`` on the names' starts
    longest: int

    @classmethod
    def of(cls, found: list[Mention]) -> "Located":
        return cls(found, keyed_by(found, lambda m: m.start), max((m.end - m.start for m in found), default=0))

    def starting(self, low: int, high: int) -> list[Mention]:
        """The names that start in ``[low, high)``."""
        return items_in_range(self.by_start, self.mentions, low, high - 1)


def untitled_offices(text: str, start: int, end: int, found: Located) -> list[tuple[int, int]]:
    """Spans of state offices before an unknown person's name as a sentence's subject (it opens the
    sentence or follows a fronted phrase's comma: 'met Foreign Minister X' is the other side), with
    no party named just before the title ('French President ...') nor the name a known person."""
    spans = []
    for match in _offices().finditer(text, start, end):
        name = _NAME_AFTER.match(text, match.end())
        if name is None or not text[match.start()].isupper() or not _SUBJECT_PLACE.search(text[start:match.start()]):
            continue
        before = found.starting(match.start() - 15 - found.longest, match.start() + 1)  # every name that may end there
        if any(m.start < name.end() and match.start() - 15 < m.end <= match.start() + 1 for m in before
               if m.kind == "actor") or found.starting(match.end(), name.end()):
            continue
        spans.append((match.start(), match.end()))
    return spans
