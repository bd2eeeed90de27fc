"""Temporal expression tagger: find DATE/TIME/DURATION/SET expressions and normalise them.

Public interface (stable; other stages call only this):

    tag(text, published=None, mode="news") -> list[Timex]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Mode = Literal["news", "narrative"]


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression: ``text == document[start:end]``."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str  # TimeML value: 2023-09-19, 2023-09, 2023-SU, PAST_REF, P3D, XXXX-WXX-1 ...
    edtf: str | None = None  # the interval it denotes, for anchoring events; None if not a date


def tag(text: str, published: dt.date | None = None, mode: Mode = "news") -> list[Timex]:
    """Find and normalise the temporal expressions of ``text`` (stub until the tagger lands)."""
    return []
