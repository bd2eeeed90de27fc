"""The last passes of extraction into a store, on the workers: events, then the solver.

Once every kept draft has its id (``bulk.id_pass``, written to ``_names`` with its group of
related events), the events of one partition need nothing from the others but the ids of the
events their relations point at, which a worker looks up in ``_names``. So each partition's
events are built where its drafts lie (``event_part``), and each range of related groups is
solved on its own (``solve_part``): the driver keeps only what is global (the merges by block,
the ids' repeats, the groups).
"""

from __future__ import annotations

import pickle
from pathlib import Path

import duckdb
import pyarrow as pa

from . import columnar
from .extract import build
from .extract.narrowing import fingerprinter, narrowed
from .models import Document, Timeline
from .query import arrow_reader
from .staging import REPEATS, STAGE, STAGE_SCHEMA, Job, view, write_rows

MERGED, NAMES, RELATED, ROWS = "_merged", "_names", "_related", "_rows"
NAMES_SCHEMA = pa.schema([("key", pa.int64()), ("id", pa.string()), ("group", pa.int64())])
RELATED_SCHEMA = pa.schema([("group", pa.int64()), ("key", pa.int64()), ("blob", pa.binary())])
MERGED_SCHEMA = pa.schema([("key", pa.int64()), ("folded_into", pa.int64()), ("blob", pa.binary()),
                           ("relations", STAGE_SCHEMA.field("relations").type)])
SOLVE_BATCH = 5_000  # events the solver takes at once (whole groups)

_PART_OWNERS = """
SELECT s.key, coalesce(m.blob, s.blob) AS blob, list_concat(s.relations, coalesce(m.relations, [])) AS relations
FROM read_parquet('{stage}') s ANTI JOIN repeats USING (doc) LEFT JOIN merged m USING (key)
WHERE m.folded_into IS NULL ORDER BY s.key
"""


class _Ref:
    """A relation target known by id only: what ``build.to_event`` reads of a target draft."""

    __slots__ = ("id",)

    def __init__(self, event_id: str):
        self.id = event_id


def write_names(work: Path, ids: dict[int, str], groups: dict[int, int]) -> None:
    """Every kept draft's id and group of related events (null: related to none), for the workers."""
    parts = _Parts(work / NAMES, NAMES_SCHEMA, "names")
    for key, name in ids.items():
        parts.add({"key": key, "id": name, "group": groups.get(key)})
    parts.flush()


def _connect(work: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(config={"memory_limit": "256MB", "threads": 1})
    view(con, "repeats", work / REPEATS, pa.schema([("doc", pa.int64()), ("id", pa.string())]))
    view(con, "merged", work / MERGED, MERGED_SCHEMA)
    view(con, "names", work / NAMES, NAMES_SCHEMA)
    view(con, "documents", columnar.documents_dir(work), columnar.DOCUMENT_SCHEMA)
    return con


def _lookup(con: duckdb.DuckDBPyConnection, sql: str, keys: set[int]) -> list[tuple]:
    return con.execute(f"{sql} WHERE key IN (SELECT unnest($keys))", {"keys": sorted(keys)}).fetchall()


def event_part(part: int, job: Job) -> int:
    """Build the events of one partition's kept drafts: unrelated ones become rows, related ones
    wait for the solver by group. Returns how many events."""
    work = Path(job.store)
    stage = work / STAGE / f"part-{part:06d}.parquet"
    if not stage.exists():
        return 0
    con = _connect(work)
    rows = con.execute(_PART_OWNERS.format(stage=stage.as_posix())).fetchall()
    targets = {r["target"] for _, _, relations in rows for r in relations or []}
    folded = dict(_lookup(con, "SELECT key, folded_into FROM merged", targets))
    folded = {k: v for k, v in folded.items() if v is not None}
    wanted = {key for key, _, _ in rows} | {folded.get(t, t) for t in targets}
    names = {key: (name, group) for key, name, group in _lookup(con, 'SELECT key, id, "group" FROM names', wanted)}
    out = _Parts(work / ROWS, columnar.EVENT_SCHEMA, f"events-{part:06d}")
    related = _Parts(work / RELATED, RELATED_SCHEMA, f"part-{part:06d}")
    fingerprint = fingerprinter()
    for key, blob, relations in rows:
        draft = pickle.loads(blob)
        draft.id, group = names[key]
        draft.relations = [(r["relation"], _Ref(names[folded.get(r["target"], r["target"])][0])) for r in relations or []]
        event = build.to_event(draft, fingerprint)
        if group is None:
            out.add(columnar.event_row(event))
        else:
            related.add({"group": group, "key": key, "blob": pickle.dumps(event, pickle.HIGHEST_PROTOCOL)})
    out.flush()
    related.flush()
    con.close()
    return len(rows)


def group_ranges(work: Path) -> list[tuple[int, int]]:
    """Ranges of related groups holding about ``SOLVE_BATCH`` events each (a group never split)."""
    files = columnar.parts(work / RELATED)
    if not files:
        return []
    con = duckdb.connect(config={"memory_limit": "256MB", "threads": 2})
    sizes = con.execute(f'SELECT "group", count(*) FROM read_parquet({[f.as_posix() for f in files]!r}) '
                        'GROUP BY 1 ORDER BY 1').fetchall()
    con.close()
    ranges, first, held = [], None, 0
    for group, size in sizes:
        first = group if first is None else first
        held += size
        if held >= SOLVE_BATCH:
            ranges.append((first, group))
            first, held = None, 0
    if first is not None:
        ranges.append((first, sizes[-1][0]))
    return ranges


def solve_part(bounds: tuple[int, int], job: Job) -> int:
    """The solver over the related groups in ``bounds`` (``narrowing.narrowed``), as rows."""
    work = Path(job.store)
    con = _connect(work)
    view(con, "related", work / RELATED, RELATED_SCHEMA)
    reader = arrow_reader(con.cursor(), 'SELECT blob FROM related WHERE "group" BETWEEN $lo AND $hi '
                          'ORDER BY "group", key', {"lo": bounds[0], "hi": bounds[1]})
    events = [pickle.loads(row["blob"]) for batch in reader for row in batch.to_pylist()]
    cited = {s.document for e in events for s in e.sources}
    found = con.execute("SELECT id, published FROM documents WHERE id IN (SELECT unnest($ids))",
                        {"ids": sorted(cited)}).fetchall()
    timeline = Timeline.model_construct(title=None, documents=[Document(id=i, published=p) for i, p in found],
                                        events=events, rejected=[])
    out = _Parts(work / ROWS, columnar.EVENT_SCHEMA, f"solved-{bounds[0]}")
    for event in narrowed(timeline).events:
        out.add(columnar.event_row(event))
    out.flush()
    con.close()
    return len(events)


class _Parts:
    """Rows buffered and written as numbered Parquet files (``PREFIX-N.parquet``) of a few thousand."""

    def __init__(self, folder: Path, schema: pa.Schema, prefix: str):
        self.folder, self.schema, self.prefix, self.buffer, self.number = folder, schema, prefix, [], 0

    def add(self, row: dict) -> None:
        self.buffer.append(row)
        if len(self.buffer) >= SOLVE_BATCH:
            self.flush()

    def flush(self) -> None:
        if self.buffer:
            write_rows(self.folder / f"{self.prefix}-{self.number:04d}.parquet", self.buffer, self.schema)
            self.buffer, self.number = [], self.number + 1
