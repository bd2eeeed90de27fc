"""The columnar store: machine output at archive scale as Parquet files that DuckDB queries.

A store is a folder (conventionally named ``*.parquet``)::

    events.parquet/
      store.json                     format, title, counts
      events/year=1989/part-0.parquet  one row per event, the Event model's fields, by year
      events/year=__HIVE_DEFAULT_PARTITION__/...   events with no earliest date
      documents/part-000000.parquet  one row per document, its text stored once

Event rows carry the Event fields (sources and relations as nested lists) plus derived columns
that queries use: ``lo_day``/``hi_day`` (days since 1970-01-01 of the earliest/latest date, null
when open), ``precision``, ``year`` (the partition, from the earliest date) and ``search`` (the
lower-cased text the search box matches). Files are sorted by ``lo_day``, so a date range reads
few row groups. ``events.yaml`` stays what a person curates; this is what a machine writes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .models import Document, Event, Relation, Source, Timeline

FORMAT = "timeline-store/1"
MANIFEST = "store.json"
EPOCH = dt.date(1970, 1, 1)
ROW_GROUP = 50_000

_LIST = pa.list_(pa.string())
SOURCE = pa.struct([("document", pa.string()), ("quote", pa.string()), ("start", pa.int64()), ("end", pa.int64())])
RELATION = pa.struct([("relation", pa.string()), ("target", pa.string())])
EVENT_FIELDS = [
    ("id", pa.string()), ("title", pa.string()), ("type", pa.string()), ("date", pa.string()),
    ("date_inferred", pa.bool_()), ("actors", _LIST), ("targets", _LIST), ("people", _LIST),
    ("location", pa.string()), ("modality", pa.string()), ("sources", pa.list_(SOURCE)),
    ("relations", pa.list_(RELATION)), ("confidence", pa.float64()), ("tags", _LIST), ("notes", pa.string()),
    ("curated", pa.bool_()), ("fingerprint", pa.string()),
]
DERIVED_FIELDS = [("lo_day", pa.int32()), ("hi_day", pa.int32()), ("precision", pa.string()),
                  ("search", pa.string()), ("year", pa.int32())]
EVENT_SCHEMA = pa.schema(EVENT_FIELDS + DERIVED_FIELDS)
DOCUMENT_SCHEMA = pa.schema([("id", pa.string()), ("title", pa.string()), ("published", pa.date32()),
                             ("origin", pa.string()), ("text", pa.large_string())])
MODEL_COLUMNS = [name for name, _ in EVENT_FIELDS]


class StoreError(ValueError):
    """A path that is not a readable store; the message names it and says why."""


def is_store_path(path: Path | str) -> bool:
    """A store is named ``*.parquet`` (or is a folder with a store manifest)."""
    path = Path(path)
    return path.suffix.lower() == ".parquet" or (path / MANIFEST).is_file()


def events_dir(store: Path) -> Path:
    return Path(store) / "events"


def documents_dir(store: Path) -> Path:
    return Path(store) / "documents"


def read_manifest(store: Path | str) -> dict:
    """The store's manifest; a clear error for anything that is not a store."""
    path = Path(store) / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError(f"{store}: not a timeline store (no {MANIFEST}; make one with "
                         "'timeline extract CORPUS -o STORE.parquet')") from None
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: cannot read the store manifest ({exc})") from None
    if manifest.get("format") != FORMAT:
        raise StoreError(f"{path}: format {manifest.get('format')!r}, expected {FORMAT!r}")
    return manifest


def write_manifest(store: Path, **facts: object) -> None:
    """The manifest written last, atomically: a store without one is unfinished."""
    path = Path(store) / MANIFEST
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"format": FORMAT, **facts}, indent=1, default=str) + "\n", encoding="utf-8")
    tmp.replace(path)


def day_number(value: dt.date | None) -> int | None:
    return None if value is None else (value - EPOCH).days


def search_text(event: Event) -> str:
    """What the search box matches: id, title, place, notes, actors, people and quotes."""
    parts = [event.id, event.title, event.location or "", event.notes or "", *event.actors, *event.people]
    parts.extend(s.quote for s in event.sources)
    return " ".join(parts).lower()


def event_row(event: Event) -> dict:
    """One row: the model's fields as they are, plus the columns queries filter on."""
    row = event.model_dump(mode="python")
    bounds = event.bounds
    row.update(lo_day=day_number(bounds.earliest), hi_day=day_number(bounds.latest), precision=bounds.precision,
               search=search_text(event), year=bounds.earliest.year if bounds.earliest else None)
    return row


def events_table(events: Iterable[Event]) -> pa.Table:
    return pa.Table.from_pylist([event_row(e) for e in events], schema=EVENT_SCHEMA)


def row_event(row: dict, check: bool = True) -> Event:
    """An Event back from a row: validated (a store written by hand is checked like a file), or,
    with ``check=False``, built as it is for display (what ``timeline validate`` checked)."""
    data = {name: row.get(name) for name in MODEL_COLUMNS}
    for name in ("actors", "targets", "people", "tags", "sources", "relations"):
        data[name] = data[name] or []
    data["date_inferred"] = bool(data["date_inferred"])
    data["curated"] = bool(data["curated"])
    data["modality"] = data["modality"] or "asserted"
    if not check:
        data["sources"] = [Source.model_construct(**s) for s in data["sources"]]
        data["relations"] = [Relation.model_construct(**r) for r in data["relations"]]
        return Event.model_construct(**data)
    data["sources"] = [Source(**{k: v for k, v in s.items() if v is not None or k in ("document", "quote")})
                       for s in data["sources"]]
    data["relations"] = [Relation(**r) for r in data["relations"]]
    return Event.model_validate(data)


def document_row(document: Document) -> dict:
    return document.model_dump(mode="python")


def documents_table(documents: Iterable[Document]) -> pa.Table:
    return pa.Table.from_pylist([document_row(d) for d in documents], schema=DOCUMENT_SCHEMA)


def row_document(row: dict) -> Document:
    return Document.model_validate({k: row.get(k) for k in DOCUMENT_SCHEMA.names})


def write_documents(store: Path, part: int, documents: list[Document]) -> None:
    """One documents file per input partition, so workers never write the same file."""
    folder = documents_dir(store)
    folder.mkdir(parents=True, exist_ok=True)
    pq.write_table(documents_table(documents), folder / f"part-{part:06d}.parquet", row_group_size=ROW_GROUP)


def parts(folder: Path) -> list[Path]:
    """The Parquet files under a folder (partitions included), in a stable order."""
    return sorted(Path(folder).rglob("*.parquet")) if Path(folder).is_dir() else []


def sql_path(path: Path | str) -> str:
    """A file, folder or glob as a DuckDB string literal, a quote doubled: a store may sit in a
    folder called "o'brien", and the SQL around it must not end there."""
    return "'" + Path(path).as_posix().replace("'", "''") + "'"


def sql_paths(paths: Iterable[Path | str]) -> str:
    """Several paths as a DuckDB list of string literals (``read_parquet([...])``)."""
    return "[" + ", ".join(sql_path(p) for p in paths) + "]"


def write_small(store: Path | str, timeline: Timeline) -> None:
    """A whole in-memory timeline as a store (tests, conversions, promoting the other way)."""
    from .query import write_events

    store = Path(store)
    store.mkdir(parents=True, exist_ok=True)
    write_documents(store, 0, list(timeline.documents))
    write_events(store, [events_table(timeline.events)])
    write_manifest(store, title=timeline.title, events=len(timeline.events), documents=len(timeline.documents))

