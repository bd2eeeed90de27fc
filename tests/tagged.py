"""What the tagger finds in a text, as the tagger rounds' tests compare it: one helper for every
round, not a copy in each round's file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from timeline.timex import tag

Found = Callable[..., list[tuple]]


def finder(published: dt.date | None, typed: bool = True) -> Found:
    """A round's ``found(text, published=..., mode="news")``: each expression the tagger finds
    as (text, type, value), or (text, value) where the round does not weigh the type, read on
    the round's publication day unless a test names another."""

    def found(text: str, published: dt.date | None = published, mode: str = "news") -> list[tuple]:
        """What the tagger finds in ``text``."""
        return [(t.text, t.type, t.value) if typed else (t.text, t.value) for t in tag(text, published, mode)]

    return found
