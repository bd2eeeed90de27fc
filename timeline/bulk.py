"""Extraction into a columnar store, in passes that each hold little in memory.

1. Per partition (on any engine, ``staging.py``): documents -> the extractor's drafts, staged as
   Parquet rows, documents written once; each article kept once.
2. Co-reference across documents: DuckDB sorts the staged drafts by block (type group and
   country); each block runs ``build.merge_plan``, the same function the in-memory merge runs,
   so the store agrees with ``timeline.extract.extract`` event for event.
3. On the engine again (``eventpass.py``): each partition's ids (``build.assign_ids``), then, once
   the driver has numbered repeats and found the groups of related events, each partition's
   events (``build.to_event``) and the solver over each range of related groups
   (``narrowing.narrowed``); rows sorted by date and written by year. Staging folders are
   removed; the manifest is written last.

A draft's key is ``partition << 32 | position``: the order ``extract`` reads documents in.
"""

from __future__ import annotations

import pickle
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import duckdb
import pyarrow as pa

from . import columnar, partitions
from .documents import DocumentError
from .extract import Options
from .extract import build
from .eventpass import (EDGES, EDGES_SCHEMA, MERGED, MERGED_SCHEMA, NAMED, NAMED_SCHEMA, NAMES, NAMES_SCHEMA, RELATED,
                        ROWS, Parts, event_part, group_ranges, name_part, renumber, solve_part)
from .query import arrow_reader, write_events
from .stageprogress import PROGRESS, watching
from .staging import DOCS, REPEATS, STAGE, STAGE_SCHEMA, Job, Stats, stage_partition, unique_pass, view, write_rows

DRIVER_MEMORY = "256MB"  # DuckDB's share of the driver: sorts and groups beyond it go to disk
BATCH = 5_000  # rows a pass holds at once: its memory, whatever the corpus size


# --- pass 2: co-reference across documents, block by block -------------------------------------


def merge_pass(store: Path, con: duckdb.DuckDBPyConnection) -> dict[int, int]:
    """Fold drafts reported again into the first report; the folded keys and their targets."""
    reader = arrow_reader(con, "SELECT key, block, blob, relations, digest FROM stage WHERE block IS NOT NULL "
                          "ORDER BY block, key", batch=BATCH)
    folded: dict[int, int] = {}
    out, part = [], 0
    for block in _blocks(reader):
        out += _merge_block(block, folded)
        if len(out) >= BATCH:
            write_rows(store / MERGED / f"part-{part:06d}.parquet", out, MERGED_SCHEMA)
            out, part = [], part + 1
    write_rows(store / MERGED / f"part-{part:06d}.parquet", out, MERGED_SCHEMA)
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
    """Rows for the drafts this block changed: folded ones, and the kept ones that grew (with the
    relations of the drafts folded into them, in document order, as ``merge_across`` adds them)."""
    drafts = [pickle.loads(r["blob"]) for r in rows]
    plan = build.merge_plan(drafts)
    more: dict[int, list] = {}
    digests: dict[int, list] = {}
    for i, target in enumerate(plan):
        if target != i:
            more.setdefault(target, []).extend(rows[i]["relations"] or [])
            digests.setdefault(target, []).append({"document": drafts[i].document, "digest": rows[i]["digest"]})
    out = []
    for i, target in enumerate(plan):
        key = rows[i]["key"]
        if target != i:
            folded[key] = rows[target]["key"]
            out.append({"key": key, "folded_into": rows[target]["key"], "blob": None, "relations": None,
                        "digests": None})
        elif i in more:
            out.append({"key": key, "folded_into": None, "relations": more[i], "digests": digests[i],
                        "blob": pickle.dumps(drafts[i], pickle.HIGHEST_PROTOCOL)})
    return out


# --- pass 3: ids, events, the solver over related events ----------------------------------------

def names_pass(work: Path, con: duckdb.DuckDBPyConnection, todo: list, engine: "Engine", job: Job) -> None:
    """Each kept draft's id (named on the workers, ``eventpass.name_part``), two events told by one
    quote numbered together as ``assign_ids`` numbers them, and the groups of related events."""
    for _ in engine(name_part, todo, job):
        pass
    view(con, "named", work / NAMED, NAMED_SCHEMA)
    view(con, "edges", work / EDGES, EDGES_SCHEMA)
    view(con, "merged", work / MERGED, MERGED_SCHEMA)
    repeated = con.execute("SELECT key FROM named WHERE id IN (SELECT id FROM named GROUP BY id HAVING count(*) > 1)"
                           " ORDER BY key").fetchall()
    renamed = renumber(work, [k for (k,) in repeated]) if repeated else {}
    groups = _UnionFind()
    for batch in arrow_reader(con.cursor(), "SELECT key, target FROM edges", batch=BATCH):
        for row in batch.to_pylist():
            groups.union(row["key"], row["target"])
    roots = groups.roots()
    out = Parts(work / NAMES, NAMES_SCHEMA, "names")
    for batch in arrow_reader(con.cursor(), "SELECT key, id FROM named ORDER BY key", batch=BATCH):
        for row in batch.to_pylist():
            out.add({"key": row["key"], "id": renamed.get(row["key"], row["id"]), "group": roots.get(row["key"])})
    out.flush()


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


# --- the whole run ------------------------------------------------------------------------------

Engine = Callable[[Callable, list, Job], Iterable[Stats]]


def extract_to_store(paths: list[str], store: Path | str, options: Options, engine: Engine,
                     progress: Callable[[int, int, int], None] | None = None, title: str | None = None,
                     root: str | None = None) -> Stats:
    """Extract every document under ``paths`` into a new store at ``store`` (replaced whole at
    the end, so a failed run leaves the old store as it was); ``progress(bytes_done, bytes_total,
    documents)`` is called twice a second while the documents are read."""
    store = Path(store)
    work = _fresh(store.with_name(store.name + ".partial"))
    try:
        total = _passes(paths, work, options, engine, progress, root)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)  # a failed run leaves nothing behind
        raise
    finally:
        getattr(engine, "close", lambda: None)()  # a cluster made for the run stops with it
    columnar.write_manifest(work, title=title, events=total.events, documents=total.documents,
                            characters=total.characters)
    if same_store(work, store):  # a run over the same articles: say so, and leave the store as it was
        shutil.rmtree(work, ignore_errors=True)
        total.unchanged = True
        return total
    _replace(work, store)
    return total


def same_store(new: Path, old: Path) -> bool:
    """Whether two stores hold the same manifest, event rows and document rows (order aside)."""
    try:
        if columnar.read_manifest(new) != columnar.read_manifest(old):
            return False
    except columnar.StoreError:  # no store there, or a broken one: the new store replaces it as before
        return False
    con = duckdb.connect(config={"memory_limit": DRIVER_MEMORY, "threads": 2})
    try:
        for folder, pattern in ((columnar.events_dir, "**/*.parquet"), (columnar.documents_dir, "*.parquet")):
            new_rows, old_rows = (f"SELECT * FROM read_parquet({columnar.sql_path(folder(s) / pattern)}, union_by_name = true)"
                                  for s in (new, old))
            differ = con.execute(f"SELECT count(*) FROM (({new_rows} EXCEPT ALL {old_rows}) "
                                 f"UNION ALL ({old_rows} EXCEPT ALL {new_rows}))")  # rows either side lacks
            if differ.fetchone()[0]:
                return False
    finally:
        con.close()
    return True


def _passes(paths: list[str], work: Path, options: Options, engine: Engine,
            progress: Callable[[int, int, int], None] | None, root: str | None) -> Stats:
    total = Stats()
    todo = partitions.plan(paths, warn=total.warnings.append)
    started = time.perf_counter()
    with watching(work, todo, progress):
        for stats in engine(stage_partition, todo, Job(str(work), options, root, watched=progress is not None)):
            total.add(stats)
    total.timings["partitions"] = time.perf_counter() - started
    con = _staging(work)
    repeats = _timed(total, "unique", lambda: unique_pass(work, con))
    if repeats:
        total.documents -= repeats
        total.warnings.append(f"{repeats} article(s) had the same text as one read before: read once")
    if not total.documents:  # the reasons were gathered for the end of the run: say them now
        reasons = "".join(f"\n  {message}" for message in total.warnings)
        raise DocumentError(f"no articles read from {', '.join(paths)}; nothing was written{reasons}")
    _timed(total, "merge", lambda: merge_pass(work, con))
    job = Job(str(work), options, root)
    parts = [p.index for p in todo]
    _timed(total, "ids", lambda: names_pass(work, con, parts, engine, job))
    con.close()
    total.events = _timed(total, "events", lambda: sum(engine(event_part, parts, job)))
    _timed(total, "solve", lambda: sum(engine(solve_part, group_ranges(work), job)))
    _timed(total, "write", lambda: write_events(work, staged=work / ROWS))
    for name in (STAGE, MERGED, NAMED, EDGES, NAMES, RELATED, ROWS, DOCS, REPEATS, PROGRESS, "_spill"):
        shutil.rmtree(work / name, ignore_errors=True)
    return total


def _timed(stats: Stats, name: str, step: Callable):
    started = time.perf_counter()
    result = step()
    stats.timings[name] = time.perf_counter() - started
    return result


def _staging(work: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(config={"memory_limit": DRIVER_MEMORY, "threads": 2,
                                 "temp_directory": (work / "_spill").as_posix()})  # sorts spill, RSS stays flat
    view(con, "stage_all", work / STAGE, STAGE_SCHEMA)
    return con


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
