"""The date each mention states, as the date tests compare it: one helper for every such test file,
not a copy in each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from timeline.extract import Options
from timeline.extract.pipeline import run
from timeline.models import Document

Dates = Callable[[str], dict[str, str | None]]


def dater(published: dt.date, document: str = "news") -> Dates:
    """A test's ``_dates(text)``: each mention's stated date by its trigger word (lower case),
    before co-reference joins them, for a document published on ``published``."""
    def dates(text: str) -> dict[str, str | None]:
        state = run(Document(id=document, text=text, published=published), Options())
        return {text[m.trigger.start:m.trigger.end].lower(): m.date for m in state.events}
    return dates
