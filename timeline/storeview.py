"""The app over a columnar store: filters pushed down to DuckDB, a capped page of events to draw,
evidence read on demand, and promotion of chosen events into a curated ``events.yaml``.

Only the page is ever in memory (``cap`` events and the titles and dates of their documents), so
the app's memory does not grow with the store. No Streamlit here (``app.py`, its store section` lays it out).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import duckdb
import numpy as np

from . import columnar, query
from .export_common import counted
from .filters import EventTable, build_table
from .models import Document, Event, Timeline

CAP = 2_000  # events drawn at most: the chart stays quick, the count says how many match
FACET_LIMIT = 300


@dataclass(frozen=True)
class Page:
    """What one rerun shows: how many events match, and the first ``cap`` of them in time order."""

    total: int
    matched: int
    timeline: Timeline
    table: EventTable

    @property
    def capped(self) -> bool:
        return self.matched > len(self.timeline.events)

    @property
    def mask(self) -> np.ndarray:
        return np.ones(len(self.table), dtype=bool)


def store_key(path: Path | str) -> tuple[str, int]:
    """(store, manifest mtime): changes when the store is written again, so caches refresh."""
    manifest = Path(path) / columnar.MANIFEST
    return str(Path(path).resolve()), manifest.stat().st_mtime_ns if manifest.exists() else -1


@lru_cache(maxsize=4)
def _connection(key: tuple[str, int]) -> duckdb.DuckDBPyConnection:
    return query.connect(key[0], memory_limit="512MB")


def connection(path: Path | str) -> duckdb.DuckDBPyConnection:
    """One connection per store version; each caller takes its own cursor (threads are safe)."""
    return _connection(store_key(path)).cursor()


@lru_cache(maxsize=4)
def _facets(key: tuple[str, int]) -> dict[str, list[tuple[str, int]]]:
    con = _connection(key).cursor()
    sql = {
        "type": "SELECT type, count(*) n FROM events GROUP BY 1",
        "actor": "SELECT a, count(*) n FROM (SELECT unnest(actors) a FROM events) GROUP BY 1",
        "place": "SELECT location, count(*) n FROM events WHERE location IS NOT NULL GROUP BY 1",
    }
    return {name: con.execute(f"{q} ORDER BY n DESC, 1 LIMIT {FACET_LIMIT}").fetchall() for name, q in sql.items()}


def facets(path: Path | str) -> dict[str, list[tuple[str, int]]]:
    """The most frequent types, actors and places with their counts (computed once per store)."""
    return _facets(store_key(path))


@lru_cache(maxsize=4)
def _total(key: tuple[str, int]) -> int:
    return _connection(key).cursor().execute("SELECT count(*) FROM events").fetchall()[0][0]


def page(path: Path | str, flt: query.Filters, cap: int = CAP) -> Page:
    """The matching count and the first ``cap`` matching events, ready for the figure."""
    con = connection(path)
    cols = ", ".join(f'"{c}"' for c in columnar.MODEL_COLUMNS)
    rows = query.select(con, flt, cols, limit=cap).to_pylist()
    matched = len(rows) if len(rows) < cap else query.count(con, flt)
    events = [columnar.row_event(r, check=False) for r in rows]
    cited = sorted({s.document for e in events for s in e.sources})
    timeline = Timeline.model_construct(title=None, events=events, rejected=[],
                                        documents=query.documents_for(con, cited, with_text=False))
    return Page(_total(store_key(path)), matched, timeline, build_table(timeline))


def with_texts(path: Path | str, event: Event) -> Timeline:
    """The event with the documents it cites, texts included: evidence, read when it is opened."""
    docs = query.documents_for(connection(path), [s.document for s in event.sources], with_text=True)
    return Timeline.model_construct(title=None, events=[event], documents=docs, rejected=[])


def chosen(path: Path | str, ids: list[str]) -> Timeline:
    """The chosen events (relations to events left behind dropped) and the documents they cite."""
    con = connection(path)
    cols = ", ".join(f'"{c}"' for c in columnar.MODEL_COLUMNS)
    rows = query.arrow_table(con, f"SELECT {cols} FROM events WHERE list_contains($ids, id) ORDER BY id",
                             {"ids": sorted(set(ids))}).to_pylist()
    events = [columnar.row_event(r) for r in rows]
    keep = {e.id for e in events}
    events = [e.model_copy(update={"relations": [r for r in e.relations if r.target in keep]}) for e in events]
    docs = query.documents_for(con, [s.document for e in events for s in e.sources], with_text=True)
    return Timeline(events=events, documents=docs)


def _rebased(document: Document, store: Path, target: Path) -> Document:
    """A document stored by reference, its origin made relative to the curated file instead."""
    if document.origin is None or "://" in document.origin:
        return document
    absolute = (store.parent / document.origin).resolve()
    return document.model_copy(update={"origin": Path(os.path.relpath(absolute, target.parent.resolve())).as_posix()})


def promote(path: Path | str, ids: list[str], target: Path | str) -> tuple[bool | None, str]:
    """Merge the chosen events into the curated file through ``merge.merge``: curated events and
    rejected ids are never touched. Returns (saved, message); saved is None when the file already
    held every chosen event as it is: it is left untouched and the message says so."""
    from . import store
    from .merge import merge

    target = Path(target)
    proposed = chosen(path, ids)
    if not proposed.events:
        return False, "nothing promoted: choose events first"
    proposed = proposed.model_copy(update={"documents": [_rebased(d, Path(path), target) for d in proposed.documents]})
    try:
        if target.exists():
            loaded = store.load(target)
            merged, report = merge(loaded.timeline, proposed)
            if merged == loaded.timeline:
                return None, f"{target}: {report.words(False)}"
            store.save(target, merged, loaded.digest)
            return True, f"{target}: {report.words(True)}"
        store.save(target, proposed, None)
    except store.TimelineError as exc:
        return False, f"not promoted: {exc}"
    except OSError as exc:
        return False, f"not promoted: cannot write {target}: {exc.strerror or exc}"
    return True, f"{target}: {counted(len(proposed.events), 'events')} written"
