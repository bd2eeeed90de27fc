"""The last passes of extraction into a store, on the workers: events, then the solver.

An event's id is a function of its own evidence, so each partition's drafts are named where
they lie (``name_part``); the driver then numbers the rare repeats and finds the groups of
related events (``bulk.names_pass``, into ``_names``). The events of one partition need nothing
from the others but the ids their relations point at, which a worker looks up in ``_names``
(``event_part``), and each range of related groups is solved on its own (``solve_part``). The
driver keeps only what is global: the merges by block, the repeats, the groups.
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

MERGED, NAMED, EDGES, NAMES, RELATED, ROWS = "_merged", "_named", "_edges", "_names", "_related", "_rows"
NAMED_SCHEMA = pa.schema([("key", pa.int64()), ("id", pa.string())])
EDGES_SCHEMA = pa.schema([("key", pa.int64()), ("target", pa.int64())])
NAMES_SCHEMA = pa.schema([("key", pa.int64()), ("id", pa.string()), ("group", pa.int64())])
_DIGESTS = pa.list_(pa.struct([("document", pa.string()), ("digest", pa.string())]))
RELATED_SCHEMA = pa.schema([("group", pa.int64()), ("key", pa.int64()), ("blob", pa.binary())])
MERGED_SCHEMA = pa.schema([("key", pa.int64()), ("folded_into", pa.int64()), ("blob", pa.binary()),
                           ("relations", STAGE_SCHEMA.field("relations").type), ("digests", _DIGESTS)])
SOLVE_BATCH = 5_000  # events the solver takes at once (whole groups)

_PART_OWNERS = """
SELECT s.key, coalesce(m.blob, s.blob) AS blob, list_concat(s.relations, coalesce(m.relations, [])) AS relations,
       s.digest, m.digests
FROM read_parquet({stages}) s ANTI JOIN repeats USING (doc) LEFT JOIN merged m USING (key)
WHERE m.folded_into IS NULL AND {where} ORDER BY s.key
"""


class _Ref:
    """A relation target known by id only: what ``build.to_event`` reads of a target draft."""

    __slots__ = ("id",)

    def __init__(self, event_id: str):
        self.id = event_id


def _owners(con: duckdb.DuckDBPyConnection, stages: list[Path], keys: list[int] | None = None) -> list[tuple]:
    """(key, draft, relations, digests) of the kept drafts staged in ``stages`` (``keys``: just
    these): each with the relations of the drafts folded into it and the digests of the
    documents it cites, in document order."""
    where = "s.key IN (SELECT unnest($keys))" if keys is not None else "TRUE"
    sql = _PART_OWNERS.format(stages=columnar.sql_paths(stages), where=where)
    out = []
    for key, blob, relations, digest, more in con.execute(sql, {"keys": keys} if keys is not None else {}).fetchall():
        draft = pickle.loads(blob)
        digests = {draft.document: digest, **{d["document"]: d["digest"] for d in more or []}}
        out.append((key, draft, relations or [], digests))
    return out


def _folded(con: duckdb.DuckDBPyConnection, keys: set[int]) -> dict[int, int]:
    """Where each of ``keys`` was folded to (keys kept as they are are left out)."""
    return {k: v for k, v in _lookup(con, "SELECT key, folded_into FROM merged", keys) if v is not None}


def _open_part(part: int, job: Job):
    """(store folder, connection, the partition's kept drafts, where their relations' targets were
    folded to), or None for a partition with nothing staged."""
    work = Path(job.store)
    stage = work / STAGE / f"part-{part:06d}.parquet"
    if not stage.exists():
        return None
    con = _connect(work)
    owners = _owners(con, [stage])
    return work, con, owners, _folded(con, {r["target"] for _, _, relations, _ in owners for r in relations})


def name_part(part: int, job: Job) -> int:
    """Ids of one partition's kept drafts (``build.assign_ids``: a function of its own evidence)
    and the edges between related events, for the driver's numbering of repeats and groups."""
    opened = _open_part(part, job)
    if opened is None:
        return 0
    work, con, owners, folded = opened
    named, edges = Parts(work / NAMED, NAMED_SCHEMA, f"part-{part:06d}"), Parts(work / EDGES, EDGES_SCHEMA, f"part-{part:06d}")
    for key, draft, relations, digests in owners:
        build.assign_ids([draft], digests)
        named.add({"key": key, "id": draft.id})
        for target in {folded.get(r["target"], r["target"]) for r in relations} - {key}:
            edges.add({"key": key, "target": target})
    named.flush()
    edges.flush()
    con.close()
    return len(owners)


def renumber(work: Path, keys: list[int]) -> dict[int, str]:
    """New ids for drafts whose ids repeat (two events told by one quote): each set of repeats
    numbered together by ``build.assign_ids``, as in memory."""
    con = _connect(work)
    stages = sorted({work / STAGE / f"part-{key >> 32:06d}.parquet" for key in keys})
    by_id: dict[str, list] = {}
    for key, draft, _, digests in _owners(con, stages, keys):
        build.assign_ids([draft], digests)
        by_id.setdefault(draft.id, []).append((key, draft, digests))
    con.close()
    out = {}
    for members in by_id.values():
        build.assign_ids([draft for _, draft, _ in members], {k: v for *_, d in members for k, v in d.items()})
        out.update((key, draft.id) for key, draft, _ in members)
    return out


def _connect(work: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(config={"memory_limit": "256MB", "threads": 1})
    view(con, "repeats", work / REPEATS, pa.schema([("doc", pa.int64()), ("id", pa.string())]))
    view(con, "merged", work / MERGED, MERGED_SCHEMA)
    if columnar.parts(work / NAMES):
        view(con, "names", work / NAMES, NAMES_SCHEMA)
    view(con, "documents", columnar.documents_dir(work), columnar.DOCUMENT_SCHEMA)
    return con


def _lookup(con: duckdb.DuckDBPyConnection, sql: str, keys: set[int]) -> list[tuple]:
    return con.execute(f"{sql} WHERE key IN (SELECT unnest($keys))", {"keys": sorted(keys)}).fetchall()


def event_part(part: int, job: Job) -> int:
    """Build the events of one partition's kept drafts: unrelated ones become rows, related ones
    wait for the solver by group. Returns how many events."""
    opened = _open_part(part, job)
    if opened is None:
        return 0
    work, con, owners, folded = opened
    wanted = {key for key, *_ in owners} | {folded.get(r["target"], r["target"]) for *_, rels, _ in owners for r in rels}
    names = {key: (name, group) for key, name, group in _lookup(con, 'SELECT key, id, "group" FROM names', wanted)}
    out = Parts(work / ROWS, columnar.EVENT_SCHEMA, f"events-{part:06d}")
    related = Parts(work / RELATED, RELATED_SCHEMA, f"part-{part:06d}")
    fingerprint = fingerprinter()
    for key, draft, relations, _ in owners:
        draft.id, group = names[key]
        draft.relations = [(r["relation"], _Ref(names[folded.get(r["target"], r["target"])][0])) for r in relations]
        event = build.to_event(draft, fingerprint)
        if group is None:
            out.add(columnar.event_row(event))
        else:
            related.add({"group": group, "key": key, "blob": pickle.dumps(event, pickle.HIGHEST_PROTOCOL)})
    out.flush()
    related.flush()
    con.close()
    return len(owners)


def group_ranges(work: Path) -> list[tuple[int, int]]:
    """Ranges of related groups holding about ``SOLVE_BATCH`` events each (a group never split)."""
    files = columnar.parts(work / RELATED)
    if not files:
        return []
    con = duckdb.connect(config={"memory_limit": "256MB", "threads": 2})
    sizes = con.execute(f'SELECT "group", count(*) FROM read_parquet({columnar.sql_paths(files)}) '
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
    out = Parts(work / ROWS, columnar.EVENT_SCHEMA, f"solved-{bounds[0]}")
    for event in narrowed(timeline).events:
        out.add(columnar.event_row(event))
    out.flush()
    con.close()
    return len(events)


class Parts:
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
