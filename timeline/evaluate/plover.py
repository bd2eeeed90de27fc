"""Score the extractor against the PLOVER gold standard records (one coded sentence each).

Each record's sentence is extracted on its own. The event scored is the one whose evidence holds
most of the record's trigger words (``eventText``), a bare statement yielding to another event,
else the most confident one. Figures: the share
of records whose event has the record's **category** (the 2016 categories mapped onto the current
manual's 16 as the corpus's SOURCES.md says), **source** and **target actor** recall (a gold actor
is found when one of the event's actors or targets names the same party: the same country code,
or the same words), the share of sentences that get no event, and the share of events whose type
has no PLOVER category. Baselines in the same run: 'nothing' and 'the most frequent category'.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..gazetteer import country, fold
from ..models import Document, Event
from ..taxonomy import event_types, plover_coding
from .gold import shared_dir
from .muc4_match import same_party

# The records use the 2016 draft's categories; the current manual renamed or folded these.
CURRENT_CATEGORY = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


@dataclass(frozen=True)
class Actor:
    text: str
    code: str  # CAMEO actor code; its first three letters are a country's ISO alpha-3 when it has one


@dataclass(frozen=True)
class Record:
    id: str
    text: str
    category: str  # current manual's category
    trigger: str
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]


def default_file() -> Path:
    return shared_dir() / "data" / "plover-gsr" / "gsr-dev.json"


def _actors(value) -> tuple[Actor, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(Actor(a.get("actorText", ""), a.get("code", "") or "") for a in value if a.get("actorText"))


def read_records(path: Path | None = None) -> list[Record]:
    """The gold records of a PLOVER GSR JSON array."""
    rows = json.loads((path or default_file()).read_text(encoding="utf-8"))
    return [Record(r["id"], r["text"], CURRENT_CATEGORY.get(r["event"], r["event"]), r.get("eventText", ""),
                   _actors(r.get("source")), _actors(r.get("target")))
            for r in rows if r.get("text") and r.get("event")]


def events_of(record: Record) -> list[Event]:
    from ..extract import Options, extract

    return extract([Document(id=record.id, text=record.text)], Options(solve=False)).events


def chosen(record: Record, events: list[Event]) -> Event | None:
    """The event whose evidence holds most of the record's trigger words (a framing statement,
    'announced', yields to what was announced), else the most confident one."""
    if not events:
        return None
    words = set(fold(record.trigger).split())

    def held(event: Event) -> int:
        quotes = f" {fold(' '.join(s.quote for s in event.sources))} "
        return sum(f" {w} " in quotes for w in words)

    return max(events, key=lambda e: (held(e), e.type != "statement", e.confidence or 0))


def found(actor: Actor, names: list[str]) -> bool:
    """A gold actor is among these names: same country code, or the same party in words."""
    iso3 = actor.code[:3].upper()
    for name in names:
        home = country(name)
        if home is not None and home.iso3 == iso3:
            return True
        if same_party(name, actor.text):
            return True
    return False


def score_record(record: Record, events: list[Event]) -> Counter:
    event = chosen(record, events)
    c: Counter = Counter(records=1, no_event=event is None)
    category = plover_coding(event.type, event.modality)[0] if event else None
    c["category_ok"] += category == record.category
    c["events"] += len(events)
    c["events_without_category"] += sum(event_types()[e.type].plover_event is None for e in events)
    c["sources"] += len(record.sources)
    c["targets"] += len(record.targets)
    if event is not None:
        c["sources_found"] += sum(found(a, event.actors) for a in record.sources)
        c["targets_found"] += sum(found(a, event.targets) for a in record.targets)
    c[f"gold:{record.category}"] += 1
    c[f"ok:{record.category}"] += category == record.category
    return c


def evaluate(path: Path | None = None) -> dict:
    """Every figure for a records file, with the baselines."""
    records = read_records(path)
    started = time.perf_counter()
    totals: Counter = Counter()
    details = []
    for record in records:
        events = events_of(record)
        totals.update(score_record(record, events))
        event = chosen(record, events)
        details.append((record, event))
    return {"counts": dict(totals), "figures": figures(totals, records), "details": details,
            "seconds": round(time.perf_counter() - started, 1)}


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def figures(c: Counter, records: list[Record]) -> dict:
    majority = Counter(r.category for r in records).most_common(1)
    return {
        "category": _ratio(c["category_ok"], c["records"]),
        "source_actors": _ratio(c["sources_found"], c["sources"]),
        "target_actors": _ratio(c["targets_found"], c["targets"]),
        "no_event": _ratio(c["no_event"], c["records"]),
        "events_without_category": _ratio(c["events_without_category"], c["events"]),
        "baseline_majority_category": _ratio(majority[0][1], len(records)) if majority else None,
        "per_category": {k[5:]: _ratio(c[f"ok:{k[5:]}"], c[k]) for k in sorted(c) if k.startswith("gold:")},
    }


def format_table(report: dict) -> str:
    """The figures beside the baselines, and accuracy per category."""
    f, c = report["figures"], report["counts"]
    cell = lambda v: "-" if v is None else f"{v:.3f}"  # noqa: E731
    lines = [f"PLOVER gold standard records: {c.get('records', 0)} sentences, {report['seconds']} s",
             f"{'figure':<36} {'extractor':>9} {'majority':>9} {'nothing':>8}",
             f"{'category (current 16)':<36} {cell(f['category']):>9} {cell(f['baseline_majority_category']):>9} {cell(0.0):>8}",
             f"{'source actors found':<36} {cell(f['source_actors']):>9} {'-':>9} {cell(0.0):>8}",
             f"{'target actors found':<36} {cell(f['target_actors']):>9} {'-':>9} {cell(0.0):>8}",
             f"{'sentences with no event':<36} {cell(f['no_event']):>9}",
             f"{'events whose type has no category':<36} {cell(f['events_without_category']):>9}",
             "per category: " + ", ".join(f"{k} {cell(v)}" for k, v in f["per_category"].items())]
    return "\n".join(lines)


def format_details(report: dict) -> str:
    """Each record whose category or source actors were missed."""
    lines = []
    for record, event in report["details"]:
        category = plover_coding(event.type, event.modality)[0] if event else None
        sources_ok = event is not None and all(found(a, event.actors) for a in record.sources)
        if category != record.category or not sources_ok:
            got = f"{event.type}/{category} actors {event.actors}" if event else "no event"
            lines.append(f"{record.id}: gold {record.category} {[a.text for a in record.sources]}; got {got} | {record.text[:110]!r}")
    return "\n".join(lines)
