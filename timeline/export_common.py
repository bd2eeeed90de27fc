"""What every export shares: the result with honest counts, the solver's windows, CSV cells.

An export never claims more than the store holds, so each writer says what it wrote and what it
left out and why; the CLI prints that instead of the number of events in the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

from . import gazetteer, solver
from .dates import Bounds, format_interval
from .extract import lexicon
from .filters import describe_date
from .models import Event, Timeline

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NAMES_SHOWN = 8  # ids listed per reason in a summary before "and N more"


@dataclass(frozen=True)
class Written:
    """An export's text and an honest account of it: how many records, which events were left out."""

    text: str
    count: int
    unit: str  # what one record is called in this format: rows, records, slides, items
    events: int  # events in the timeline
    left_out: dict[str, tuple[str, ...]] = field(default_factory=dict)  # reason -> event ids
    notes: tuple[str, ...] = ()

    def summary(self) -> str:
        """'12 records from 17 events; 5 left out: ...' (one line per reason, ids named)."""
        lines = [counted(self.count, self.unit) + ("" if self.unit == "events" else f" from {counted(self.events, 'events')}")]
        skipped = sum(len(ids) for ids in self.left_out.values())
        if skipped:
            lines[0] += f"; {skipped} left out:"
            lines += [f"  {len(ids)} {reason}: {_names(ids)}" for reason, ids in self.left_out.items() if ids]
        lines += [f"  {note}" for note in self.notes]
        return "\n".join(lines)


def counted(n: int, plural: str) -> str:
    """'1 ACLED row', '2 ACLED rows': units are written plural, as most counts are."""
    return f"{n} {plural[:-1] if n == 1 and plural.endswith('s') else plural}"


def _names(ids: tuple[str, ...]) -> str:
    shown = ", ".join(ids[:NAMES_SHOWN])
    return shown + (f" and {len(ids) - NAMES_SHOWN} more" if len(ids) > NAMES_SHOWN else "")


def group_left_out(reasons: list[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    """[(reason, event id)] -> {reason: ids} in first-seen order."""
    out: dict[str, list[str]] = {}
    for reason, event_id in reasons:
        out.setdefault(reason, []).append(event_id)
    return {reason: tuple(ids) for reason, ids in out.items()}


def windows(timeline: Timeline) -> dict[str, Bounds]:
    """Each event's window: its stored date, tightened by what the solver derives from stated
    dates, relations and publication dates (the solver's alone where the two disagree)."""
    solved = solver.solve(timeline).bounds
    return {e.id: _tighter(e.bounds, solved[e.id]) for e in timeline.events}


def _tighter(stored: Bounds, solved: Bounds) -> Bounds:
    lo = max((d for d in (stored.earliest, solved.earliest) if d), default=None)
    hi = min((d for d in (stored.latest, solved.latest) if d), default=None)
    if lo is not None and hi is not None and lo > hi:
        return solved
    for known in (solved, stored):
        if (known.earliest, known.latest) == (lo, hi):
            return known
    return Bounds(lo, hi, "interval" if lo and hi else "open")


def happened(event: Event) -> bool:
    return event.modality == "asserted"


def iso(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def cell(value: object) -> str:
    """A CSV cell that spreadsheets show as text, never run as a formula."""
    if isinstance(value, (int, float)):  # a negative longitude is a number, not a formula
        return str(value)
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_text(rows: list[dict], columns: tuple[str, ...]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: cell(row.get(k)) for k in columns})
    return out.getvalue()


@cache
def lexicons() -> dict:
    """export_lexicons.yaml: civilian words (ACLED) and partially recognized entities (PLOVER)."""
    text = resources.files("timeline").joinpath("export_lexicons.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def window_words(event: Event, window: Bounds) -> str:
    """The window in words ('on or before 31 Jan 2024 (inferred)'), as the app describes dates."""
    return describe_date(event.model_copy(update={"date": format_interval(window.earliest, window.latest)}))


@cache
def _organisations() -> dict[str, dict]:
    """Folded organisation name or alias -> its entry in extract/lexicons/organisations.yaml."""
    out = {}
    for org in lexicon.load("organisations")["organisations"]:
        for name in [org["name"], *org.get("aliases", [])]:
            out.setdefault(gazetteer.fold(name), org)
    return out


@cache
def _international_codes() -> dict[str, str]:
    return {name: code for code, names in lexicons()["international"]["codes"].items() for name in names}


def international_code(name: str) -> str | None:
    """PLOVER's code of an international organisation ('CSTO' -> IGO), None for anything else."""
    org = _organisations().get(gazetteer.fold(name))
    return _international_codes().get(org["name"] if org else name)


def organ_of(name: str) -> str | None:
    """The state an organisation belongs to ('Wagner Group' -> Russia), from organisations.yaml."""
    org = _organisations().get(gazetteer.fold(name))
    return org.get("state") if org else None
