"""Extraction into a columnar store, in passes that each hold little in memory.

1. Per partition (on any engine): documents -> the extractor's drafts, staged as Parquet rows
   (a draft is pickled whole, its relations kept apart as keys), documents written once.
2. Co-reference across documents: DuckDB sorts the staged drafts by block (type group and
   country); each block runs ``build.merge_plan``, the same function the in-memory merge runs,
   so the store agrees with ``timeline.extract.extract`` event for event.
3. Ids in document order (``build.assign_ids``), events (``build.to_event``), and the solver
   over each group of related events (``narrowing.narrowed``), then rows sorted by date and
   written by year. Staging folders are removed; the manifest is written last.

A draft's key is ``partition << 32 | position``: the order ``extract`` reads documents in.
"""

from __future__ import annotations

import pickle
import resource
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from . import columnar, ids, partitions
from .documents import DocumentError, for_storage
from .extract import Options, extract_document
from .extract import build
from .extract.narrowing import fingerprinter, narrowed
from .models import Document, Timeline
from .query import arrow_reader, write_events

STAGE, MERGED, RELATED, ROWS, DOCS = "_stage", "_merged", "_related", "_rows", "_documents"
STAGE_SCHEMA = pa.schema([("key", pa.int64()), ("doc", pa.int64()), ("digest", pa.string()), ("block", pa.string()),
                          ("relations", pa.list_(pa.struct([("relation", pa.string()), ("target", pa.int64())]))),
                          ("blob", pa.binary())])
_RELATED = pa.schema([("group", pa.int64()), ("key", pa.int64()), ("blob", pa.binary())])
DOCS_SCHEMA = pa.schema([("doc", pa.int64()), ("digest", pa.string()), *columnar.DOCUMENT_SCHEMA])
MERGED_SCHEMA = pa.schema([("key", pa.int64()), ("folded_into", pa.int64()), ("blob", pa.binary())])
BATCH = 20_000


@dataclass(frozen=True)
class Job:
    """What every worker needs (picklable): where the store is and the extraction options."""

    store: str
    options: Options = Options()
    root: str | None = None  # articles inside it are stored by origin (default: the store's folder)


@dataclass
class Stats:
    """What a partition (or the whole run) did: counts, seconds and the worker's peak memory."""

    documents: int = 0
    characters: int = 0
    drafts: int = 0
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    events: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def add(self, other: "Stats") -> None:
        self.warnings += other.warnings
        self.documents += other.documents
        self.characters += other.characters
        self.drafts += other.drafts
        self.seconds += other.seconds
        self.peak_rss_mb = max(self.peak_rss_mb, other.peak_rss_mb)


# --- pass 1: per partition ----------------------------------------------------------------------


def stage_partition(partition: partitions.Partition, job: Job) -> Stats:
    """Extract one partition's documents and stage its drafts and documents (runs on a worker)."""
    started = time.perf_counter()
    store, options = Path(job.store), job.options
    docs, rows, stats = [], [], Stats()
    root = Path(job.root) if job.root else None
    for number, document in enumerate(partitions.documents(partition, options.published, stats.warnings.append)):
        if document.published is None and options.published is not None:
            document = document.model_copy(update={"published": options.published})
        doc, digest = (partition.index << 32) + number, ids.text_digest(document.text or "")
        drafts = extract_document(document, options)
        rows += _draft_rows(drafts, (partition.index << 32) + len(rows), doc, digest)
        docs.append({"doc": doc, "digest": digest, **columnar.document_row(for_storage(document, store.parent, root))})
        stats.documents += 1
        stats.characters += len(document.text or "")
    _write(store / DOCS / f"part-{partition.index:06d}.parquet", docs, DOCS_SCHEMA)
    _write(store / STAGE / f"part-{partition.index:06d}.parquet", rows, STAGE_SCHEMA)
    stats.drafts, stats.seconds = len(rows), time.perf_counter() - started
    stats.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return stats


def _draft_rows(drafts: list[build.Draft], first_key: int, doc: int, digest: str) -> list[dict]:
    keys = {id(d): first_key + n for n, d in enumerate(drafts)}
    rows = []
    for draft in drafts:
        relations = [{"relation": r, "target": keys[id(t)]} for r, t in draft.relations if id(t) in keys]
        block = build.block_of(draft)
        draft.relations = []
        rows.append({"key": keys[id(draft)], "doc": doc, "digest": digest, "block": None if block is None else "\x1f".join(map(str, block)),
                     "relations": relations, "blob": pickle.dumps(draft, protocol=pickle.HIGHEST_PROTOCOL)})
    return rows


def _write(path: Path, rows: list[dict], schema: pa.Schema) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)


# --- between passes: each article once ------------------------------------------------------------

_REPEATS = """SELECT doc, id FROM (SELECT doc, id, row_number() OVER (PARTITION BY digest ORDER BY doc) AS n
FROM docs_all) WHERE n > 1"""


def unique_pass(work: Path, con: duckdb.DuckDBPyConnection) -> int:
    """Drop an article read again (same text: its first reading stays, as ``unique_documents``
    does in memory) and refuse two different texts under one id; write the documents table."""
    view(con, "docs_all", work / DOCS, DOCS_SCHEMA)
    con.execute(f"CREATE OR REPLACE TABLE repeats AS {_REPEATS}")  # not TEMP: cursors see it too
    clash = con.execute("SELECT id FROM docs_all ANTI JOIN repeats USING (doc) GROUP BY id HAVING count(*) > 1 "
                        "ORDER BY id LIMIT 1").fetchall()
    if clash:
        raise DocumentError(f"two different articles have the id {clash[0][0]!r}: give each article its own id")
    con.execute("CREATE OR REPLACE VIEW stage AS SELECT * FROM stage_all ANTI JOIN repeats USING (doc)")
    folder = columnar.documents_dir(work)
    folder.mkdir(parents=True, exist_ok=True)
    names = ", ".join(columnar.DOCUMENT_SCHEMA.names)
    con.execute(f"COPY (SELECT {names} FROM docs_all ANTI JOIN repeats USING (doc) ORDER BY doc) TO "
                f"'{(folder / 'part-000000.parquet').as_posix()}' (FORMAT parquet, ROW_GROUP_SIZE 10000)")
    view(con, "documents", folder, columnar.DOCUMENT_SCHEMA)
    return con.execute("SELECT count(*) FROM repeats").fetchall()[0][0]


# --- pass 2: co-reference across documents, block by block -------------------------------------


def merge_pass(store: Path, con: duckdb.DuckDBPyConnection) -> dict[int, int]:
    """Fold drafts reported again into the first report; the folded keys and their targets."""
    reader = arrow_reader(con, "SELECT key, block, blob FROM stage WHERE block IS NOT NULL ORDER BY block, key",
                          batch=BATCH)
    folded: dict[int, int] = {}
    out, part = [], 0
    for block in _blocks(reader):
        out += _merge_block(block, folded)
        if len(out) >= BATCH:
            _write(store / MERGED / f"part-{part:06d}.parquet", out, MERGED_SCHEMA)
            out, part = [], part + 1
    _write(store / MERGED / f"part-{part:06d}.parquet", out, MERGED_SCHEMA)
    view(con, "merged", store / MERGED, MERGED_SCHEMA)
    return folded


def _blocks(reader: pa.RecordBatchReader) -> Iterator[list[dict]]:
    """Consecutive rows of one block (a block may span record batches)."""
    current, name = [], None
    for batch in reader:
        for row in batch.to_pylist():
            if row["block"] != name and current:
                yield current
                current = []
            name = row["block"]
            current.append(row)
    if current:
        yield current


def _merge_block(rows: list[dict], folded: dict[int, int]) -> list[dict]:
    """Rows for the drafts this block changed: folded ones, and the kept ones that grew."""
    drafts = [pickle.loads(r["blob"]) for r in rows]
    plan = build.merge_plan(drafts)
    grew = {t for i, t in enumerate(plan) if t != i}
    out = []
    for i, target in enumerate(plan):
        key = rows[i]["key"]
        if target != i:
            folded[key] = rows[target]["key"]
            out.append({"key": key, "folded_into": rows[target]["key"], "blob": None})
        elif i in grew:
            out.append({"key": key, "folded_into": None, "blob": pickle.dumps(drafts[i], pickle.HIGHEST_PROTOCOL)})
    return out


# --- pass 3: ids, events, the solver over related events ----------------------------------------

_OWNERS = """
SELECT owner AS key, first(blob ORDER BY key) AS blob, flatten(list(relations ORDER BY key)) AS relations,
       list(struct_pack(document := document, digest := digest) ORDER BY key) AS digests
FROM (SELECT coalesce(m.folded_into, s.key) AS owner, s.key, s.relations, s.digest, d.id AS document,
             CASE WHEN m.folded_into IS NULL THEN coalesce(m.blob, s.blob) END AS blob
      FROM stage s LEFT JOIN merged m USING (key) JOIN docs_all d USING (doc))
WHERE {where} GROUP BY owner ORDER BY owner
"""


class _Ref:
    """A relation target known by id only: what ``build.to_event`` reads of a target draft."""

    __slots__ = ("id",)

    def __init__(self, event_id: str):
        self.id = event_id


def _owners(con: duckdb.DuckDBPyConnection, folded: dict[int, int],
            only: list[int] | None = None) -> Iterator[tuple[int, build.Draft, list, dict[str, str]]]:
    """Kept drafts in document order with every relation of the drafts folded into them, and the
    text digests of the documents they cite (``only``: just these keys)."""
    where = "owner IN (SELECT unnest($only))" if only is not None else "TRUE"
    params = {"only": only} if only is not None else None
    for batch in arrow_reader(con.cursor(), _OWNERS.format(where=where), params, batch=BATCH):
        for row in batch.to_pylist():
            relations = [(r["relation"], folded.get(r["target"], r["target"])) for r in row["relations"] or []]
            digests = {d["document"]: d["digest"] for d in row["digests"]}
            yield row["key"], pickle.loads(row["blob"]), relations, digests


def id_pass(con: duckdb.DuckDBPyConnection, folded: dict[int, int]) -> tuple[dict[int, str], dict[int, int]]:
    """Ids for every kept draft (``build.assign_ids``: a slug and a tag from its evidence), and
    the related groups (key -> group root)."""
    names: dict[int, str] = {}
    first: dict[str, int] = {}
    repeated: set[str] = set()
    groups = _UnionFind()
    for key, draft, relations, digests in _owners(con, folded):
        build.assign_ids([draft], digests)  # an id of its own evidence: no other draft needed
        names[key] = draft.id
        if first.setdefault(draft.id, key) != key:
            repeated.add(draft.id)
        for _, target in relations:
            if target != key:
                groups.union(key, target)
    if repeated:  # two events told by one quote: numbered together, as assign_ids numbers them
        _renumber(con, folded, names, repeated)
    return names, groups.roots()


def _renumber(con: duckdb.DuckDBPyConnection, folded: dict[int, int], names: dict[int, str], repeated: set[str]) -> None:
    keys = [key for key, name in names.items() if name in repeated]
    found = list(_owners(con, folded, keys))
    by_name: dict[str, list] = {}
    for key, draft, _, digests in found:
        by_name.setdefault(names[key], []).append((key, draft, digests))
    for members in by_name.values():
        digests = {k: v for _, _, d in members for k, v in d.items()}
        build.assign_ids([draft for _, draft, _ in members], digests)
        names.update((key, draft.id) for key, draft, _ in members)


class _UnionFind:
    """Groups of related events (only keys that have a relation are ever stored)."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, key: int) -> int:
        root = key
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(key, key) != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
        self.parent.setdefault(min(ra, rb), min(ra, rb))

    def roots(self) -> dict[int, int]:
        return {key: self.find(key) for key in list(self.parent)}


def event_pass(store: Path, con: duckdb.DuckDBPyConnection, folded: dict[int, int], ids: dict[int, str],
               groups: dict[int, int]) -> int:
    """Events from the kept drafts: unrelated ones straight to rows, related ones staged by group."""
    fingerprint = fingerprinter()
    rows, related, count = _Parts(store / ROWS, columnar.EVENT_SCHEMA), _Parts(store / RELATED, _RELATED), 0
    for key, draft, relations, _ in _owners(con, folded):
        draft.id = ids[key]
        draft.relations = [(r, _Ref(ids[t])) for r, t in relations]
        event = build.to_event(draft, fingerprint)
        if key in groups:
            related.add({"group": groups[key], "key": key, "blob": pickle.dumps(event, pickle.HIGHEST_PROTOCOL)})
        else:
            rows.add(columnar.event_row(event))
        count += 1
    related.flush()
    solve_pass(store, con, rows)
    rows.flush()
    return count


def solve_pass(store: Path, con: duckdb.DuckDBPyConnection, rows: "_Parts") -> None:
    """The solver over whole groups of related events, a few thousand events at a time."""
    if not columnar.parts(store / RELATED):
        return
    reader = arrow_reader(con.cursor(), f"SELECT \"group\", blob FROM read_parquet('{(store / RELATED).as_posix()}/*.parquet') "
                          "ORDER BY \"group\", key", batch=BATCH)  # its own cursor: _solve queries meanwhile
    batch, last = [], None
    for record_batch in reader:
        for row in record_batch.to_pylist():
            if row["group"] != last and len(batch) >= 5_000:
                _solve(con, batch, rows)
                batch = []
            last = row["group"]
            batch.append(pickle.loads(row["blob"]))
    _solve(con, batch, rows)


def _solve(con: duckdb.DuckDBPyConnection, events: list, rows: "_Parts") -> None:
    cited = sorted({s.document for e in events for s in e.sources})
    found = con.execute("SELECT id, published FROM documents WHERE list_contains($ids, id)", {"ids": cited}).fetchall()
    documents = [Document(id=i, published=p) for i, p in found]
    for event in narrowed(Timeline.model_construct(title=None, documents=documents, events=events, rejected=[])).events:
        rows.add(columnar.event_row(event))


class _Parts:
    """Rows buffered and written as numbered Parquet files of ``BATCH`` rows."""

    def __init__(self, folder: Path, schema: pa.Schema):
        self.folder, self.schema, self.buffer, self.number = folder, schema, [], 0

    def add(self, row: dict) -> None:
        self.buffer.append(row)
        if len(self.buffer) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.buffer:
            _write(self.folder / f"part-{self.number:06d}.parquet", self.buffer, self.schema)
            self.buffer, self.number = [], self.number + 1


# --- the whole run ------------------------------------------------------------------------------

Engine = Callable[[Callable, list, Job], Iterable[Stats]]


def extract_to_store(paths: list[str], store: Path | str, options: Options, engine: Engine,
                     progress: Callable[[int, int], None] | None = None, title: str | None = None,
                     root: str | None = None) -> Stats:
    """Extract every document under ``paths`` into a new store at ``store`` (replaced whole at
    the end, so a failed run leaves the old store as it was)."""
    store = Path(store)
    work = _fresh(store.with_name(store.name + ".partial"))
    total = Stats()
    todo = partitions.plan(paths, warn=total.warnings.append)
    started = time.perf_counter()
    for done, stats in enumerate(engine(stage_partition, todo, Job(str(work), options, root)), 1):
        total.add(stats)
        if progress:
            progress(done, len(todo))
    total.timings["partitions"] = time.perf_counter() - started
    con = _staging(work)
    repeats = _timed(total, "unique", lambda: unique_pass(work, con))
    if repeats:
        total.documents -= repeats
        total.warnings.append(f"{repeats} article(s) had the same text as one read before: read once")
    if not total.documents:
        raise DocumentError(f"no articles read from {', '.join(paths)}; nothing was written")
    folded = _timed(total, "merge", lambda: merge_pass(work, con))
    ids, groups = _timed(total, "ids", lambda: id_pass(con, folded))
    total.events = _timed(total, "events", lambda: event_pass(work, con, folded, ids, groups))
    con.close()
    _timed(total, "write", lambda: write_events(work, staged=work / ROWS))
    for name in (STAGE, MERGED, RELATED, ROWS, DOCS):
        shutil.rmtree(work / name, ignore_errors=True)
    columnar.write_manifest(work, title=title, events=total.events, documents=total.documents,
                            partitions=len(todo), characters=total.characters)
    _replace(work, store)
    return total


def _timed(stats: Stats, name: str, step: Callable):
    started = time.perf_counter()
    result = step()
    stats.timings[name] = time.perf_counter() - started
    return result


def _staging(work: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(config={"memory_limit": "1GB", "threads": 2})
    view(con, "stage_all", work / STAGE, STAGE_SCHEMA)
    return con


def view(con: duckdb.DuckDBPyConnection, name: str, folder: Path, schema: pa.Schema) -> None:
    """A view over the Parquet files now in ``folder`` (an empty table of ``schema`` when none)."""
    files = columnar.parts(folder)
    if files:
        con.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM read_parquet({[f.as_posix() for f in files]!r})")
    else:  # a table, not a registered Arrow object: every cursor of the connection sees it
        con.register("empty_rows", schema.empty_table())
        con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM empty_rows")
        con.unregister("empty_rows")


def _fresh(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


def _replace(work: Path, store: Path) -> None:
    """Put the finished store in place; an existing path is replaced only when it is a store."""
    old = store.with_name(store.name + ".old")
    if store.exists():
        if not (store / columnar.MANIFEST).is_file():
            raise columnar.StoreError(f"{store}: exists and is not a timeline store; not overwritten "
                                      f"(the new store is in {work})")
        shutil.rmtree(old, ignore_errors=True)
        store.rename(old)
    work.rename(store)
    shutil.rmtree(old, ignore_errors=True)
