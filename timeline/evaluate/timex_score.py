"""Timex scores in the TempEval-3 manner: strict and relaxed span P/R/F1, type and value F1.

A prediction matches a gold timex when their spans overlap (one-to-one, greatest overlap first);
it is strict when the spans are equal. Type (value) F1 counts matched pairs whose type (value) is
equal: precision over all predictions, recall over all gold timexes. Values are compared
case-blind; a length in TimeML's decades, centuries or millennia (``P2DE``, ``P.5CE``, ``P1ML``)
as the years it is exactly (``P20Y``), and one in hours, minutes and seconds as its seconds
(``PT4.5H`` is ``PT4H30M``), since the gold writes one length both ways; a clock time that carries a zone (``T18:32Z``, ``T13:32-04:00``) is compared as the
UTC time it denotes, so both writings of one instant agree; a time without a zone is compared as
written. ``value_exact`` always compares so. ``value`` does too, except on corpora whose gold
converts clock times to UTC with offsets the text does not give (``loose_zones``, EventStoryLine):
there a gold clock time matches a predicted one that differs from it by a time zone's shift
(whole or half hours, at most 14) with the same minutes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .corpora import GoldTimex

Span = tuple[int, int, str, str]  # start, end, type, value
TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass
class Counts:
    """Tallies that add up over documents and turn into P/R/F1."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    type: int = 0
    value: int = 0
    value_exact: int = 0

    def add(self, other: "Counts") -> None:
        """Sum another document's tallies into these."""
        for name in ("gold", "predicted", "strict", "relaxed", "type", "value", "value_exact"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def prf(self, name: str) -> tuple[float, float, float]:
        """Precision, recall and F1 of one kind of hit."""
        hits = getattr(self, name)
        p = hits / self.predicted if self.predicted else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def scores(self) -> dict[str, float]:
        """All P/R/F1 figures, rounded, with the counts."""
        out: dict[str, float] = {}
        for name in ("strict", "relaxed", "type", "value", "value_exact"):
            p, r, f = self.prf(name)
            out.update({f"{name}_p": round(p, 4), f"{name}_r": round(r, 4), f"{name}_f1": round(f, 4)})
        out.update({"gold": self.gold, "predicted": self.predicted})
        return out


@dataclass
class Score:
    """Totals over a corpus, and per gold type (predictions of that type against gold of it)."""

    total: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    loose_zones: bool = False  # the gold's UTC clock times are compared up to a zone's shift


def match(gold: list[Span], predicted: list[Span]) -> list[tuple[int, int]]:
    """One-to-one overlap matching, pairs with most shared characters first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            shared = min(g[1], p[1]) - max(g[0], p[0])
            if shared > 0:
                pairs.append((-shared, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in sorted(pairs):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


_ZONED = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(:\d{2})?(Z|[+-]\d{2}(?::?\d{2})?)$")


_YEARS_PER_UNIT = {"DE": 10, "CE": 100, "ML": 1000}  # TimeML's and TIMEX2's decade, century, millennium
_LONG_UNIT = re.compile(r"^P(\d+(?:\.\d+)?|\.\d+)(DE|CE|ML)$")


def in_years(value: str) -> str:
    """A length in decades, centuries or millennia written in years (P2DE is P20Y, P.5CE P50Y):
    the gold writes one length both ways, and the units are exact multiples of a year."""
    found = _LONG_UNIT.match(value)
    if not found:
        return value
    return f"P{_count(float(found[1]) * _YEARS_PER_UNIT[found[2]])}Y"


def _count(number: float) -> str:
    """A count of units as written: whole without '.0', a fraction rounded past the float's error
    (4.1 hours are 14760 seconds, not 14759.999999999998)."""
    number = round(number, 6)
    return str(int(number)) if number.is_integer() else str(number)


_NUMBER = r"(\d+(?:\.\d+)?|\.\d+)"
_CLOCK_LENGTH = re.compile(rf"^PT(?:{_NUMBER}H)?(?:{_NUMBER}M)?(?:{_NUMBER}S)?$")


def in_seconds(value: str) -> str:
    """A length in hours, minutes and seconds written in seconds (PT4.5H and PT4H30M are PT16200S):
    ISO 8601 lets the last unit carry a fraction, and an hour is 60 minutes, a minute 60 seconds."""
    found = _CLOCK_LENGTH.match(value)
    if not found or value == "PT":
        return value
    hours, minutes, seconds = (float(part or 0) for part in found.groups())
    return f"PT{_count(hours * 3600 + minutes * 60 + seconds)}S"


def comparable(value: str) -> str:
    """A value as scored: upper case, a length in decades or centuries in years, one in hours or
    minutes in seconds, a zoned clock time as its UTC time without the zone."""
    value = in_seconds(in_years(value.strip().upper()))
    found = _ZONED.match(value)
    if not found:
        return value
    day, hour, minute, seconds, zone = found.groups()
    offset = dt.timedelta(0)
    if zone != "Z":
        digits = zone[1:].replace(":", "")
        offset = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0)) * (1 if zone[0] == "+" else -1)
    try:
        moment = dt.datetime.fromisoformat(f"{day}T{hour}:{minute}") - offset
    except ValueError:
        return value
    return moment.strftime("%Y-%m-%dT%H:%M") + (seconds or "")


_CLOCK = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2})?(Z|[+-]\d{2}(?::?\d{2})?)?$")
_LARGEST_SHIFT = dt.timedelta(hours=14)


def same_value(gold: str, predicted: str, loose_zones: bool = False) -> bool:
    """Whether a predicted value scores as the gold's (see the module's note on zones)."""
    if comparable(gold) == comparable(predicted):
        return True
    found_gold, found_pred = _CLOCK.match(gold.strip().upper()), _CLOCK.match(predicted.strip().upper())
    if not (loose_zones and found_gold and found_pred):
        return False
    try:
        shift = dt.datetime.fromisoformat(found_gold[1]) - dt.datetime.fromisoformat(found_pred[1])
    except ValueError:
        return False
    return abs(shift) <= _LARGEST_SHIFT and shift % dt.timedelta(minutes=30) == dt.timedelta(0)


def count(gold: list[Span], predicted: list[Span], loose_zones: bool = False) -> Counts:
    """Tallies for one document."""
    tally = Counts(gold=len(gold), predicted=len(predicted))
    for gi, pi in match(gold, predicted):
        g, p = gold[gi], predicted[pi]
        tally.relaxed += 1
        tally.strict += g[0] == p[0] and g[1] == p[1]
        tally.type += g[2] == p[2]
        tally.value += same_value(g[3], p[3], loose_zones)
        tally.value_exact += comparable(g[3]) == comparable(p[3])
    return tally


def in_regions(predicted: Iterable[Span], regions: list[tuple[int, int]] | None) -> list[Span]:
    """The predictions that overlap an annotated stretch of text (all when ``regions`` is None)."""
    if regions is None:
        return list(predicted)
    return [p for p in predicted if any(p[0] < end and start < p[1] for start, end in regions)]


def score_doc(score: Score, gold: Iterable[GoldTimex], predicted: Iterable[Span],
              regions: list[tuple[int, int]] | None = None) -> None:
    """Add one document's tallies, in total and per type; only predictions in ``regions`` count."""
    gold_spans = [(g.start, g.end, g.type, g.value) for g in gold]
    pred_spans = in_regions(predicted, regions)
    score.total.add(count(gold_spans, pred_spans, score.loose_zones))
    for kind in TYPES:
        score.by_type[kind].add(count([g for g in gold_spans if g[2] == kind],
                                      [p for p in pred_spans if p[2] == kind], score.loose_zones))
