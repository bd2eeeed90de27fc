"""Pass 1 of extraction into a store: each partition's documents to staged drafts (on any
engine), then each article kept once.

A worker reads its partition lazily, runs the extractor's per-document stages, and writes two
Parquet files of its own: the drafts (pickled whole; relations kept apart as keys) and the
documents (text digests beside them). Nothing comes back to the driver but counts. Then DuckDB
drops an article whose text was read before and refuses two texts under one id, as
``documents.unique_documents`` does in memory. A draft's key is ``partition << 32 | position``
and a document's ``partition << 32 | number``: the order ``timeline extract`` reads them in.
"""

from __future__ import annotations

import pickle
import resource
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from . import columnar, ids, partitions
from .documents import DocumentError, for_storage
from .extract import Options, extract_document
from .extract import build
from .stageprogress import Ticker

STAGE, DOCS, REPEATS = "_stage", "_documents", "_repeats"
STAGE_SCHEMA = pa.schema([("key", pa.int64()), ("doc", pa.int64()), ("digest", pa.string()), ("block", pa.string()),
                          ("relations", pa.list_(pa.struct([("relation", pa.string()), ("target", pa.int64())]))),
                          ("blob", pa.binary())])
DOCS_SCHEMA = pa.schema([("doc", pa.int64()), ("digest", pa.string()), *columnar.DOCUMENT_SCHEMA])


@dataclass(frozen=True)
class Job:
    """What every worker needs (picklable): where the store is and the extraction options."""

    store: str
    options: Options = Options()
    root: str | None = None  # articles inside it are stored by origin (default: the store's folder)
    watched: bool = False  # workers report per document how far they are (``stageprogress``)


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
    unchanged: bool = False  # the run's store held exactly what the old one did, which was kept

    def add(self, other: "Stats") -> None:
        self.warnings += other.warnings
        self.documents += other.documents
        self.characters += other.characters
        self.drafts += other.drafts
        self.seconds += other.seconds
        self.peak_rss_mb = max(self.peak_rss_mb, other.peak_rss_mb)


def stage_partition(partition: partitions.Partition, job: Job) -> Stats:
    """Extract one partition's documents and stage its drafts and documents (runs on a worker)."""
    started = time.perf_counter()
    store, options = Path(job.store), job.options
    docs, rows, stats = [], [], Stats()
    root = Path(job.root) if job.root else None
    tick = Ticker(store if job.watched else None, partition.index)
    for number, document in enumerate(partitions.documents(partition, options.published, stats.warnings.append)):
        if document.published is None and options.published is not None:
            document = document.model_copy(update={"published": options.published})
        doc, digest = (partition.index << 32) + number, ids.text_digest(document.text or "")
        drafts = extract_document(document, options)
        rows += _draft_rows(drafts, (partition.index << 32) + len(rows), doc, digest)
        docs.append({"doc": doc, "digest": digest, **columnar.document_row(for_storage(document, store.parent, root))})
        stats.documents += 1
        stats.characters += len(document.text or "")
        tick(stats.documents, stats.characters)
    write_rows(store / DOCS / f"part-{partition.index:06d}.parquet", docs, DOCS_SCHEMA)
    write_rows(store / STAGE / f"part-{partition.index:06d}.parquet", rows, STAGE_SCHEMA)
    tick(stats.documents, stats.characters, finished=True)
    stats.drafts, stats.seconds = len(rows), time.perf_counter() - started
    stats.peak_rss_mb = peak_rss_mb()
    return stats


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB: VmHWM where /proc has it (``ru_maxrss`` also
    counts what a parent held before ``exec``), else ``ru_maxrss``."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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


def write_rows(path: Path, rows: list[dict], schema: pa.Schema) -> None:
    """Rows as one Parquet file (its folder made when missing)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)


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
    (work / REPEATS).mkdir(exist_ok=True)  # for the workers of the later passes too
    con.execute(f"COPY repeats TO {columnar.sql_path(work / REPEATS / 'part-000000.parquet')} (FORMAT parquet)")
    folder = columnar.documents_dir(work)
    folder.mkdir(parents=True, exist_ok=True)
    names = ", ".join(columnar.DOCUMENT_SCHEMA.names)
    con.execute(f"COPY (SELECT {names} FROM docs_all ANTI JOIN repeats USING (doc) ORDER BY doc) TO "
                f"{columnar.sql_path(folder / 'part-000000.parquet')} (FORMAT parquet, ROW_GROUP_SIZE 10000)")
    view(con, "documents", folder, columnar.DOCUMENT_SCHEMA)
    return con.execute("SELECT count(*) FROM repeats").fetchall()[0][0]


def view(con: duckdb.DuckDBPyConnection, name: str, folder: Path, schema: pa.Schema) -> None:
    """A view over the Parquet files now in ``folder`` (an empty table of ``schema`` when none)."""
    files = columnar.parts(folder)
    if files:
        con.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM read_parquet({columnar.sql_paths(files)})")
    else:  # a table, not a registered Arrow object: every cursor of the connection sees it
        con.register("empty_rows", schema.empty_table())
        con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM empty_rows")
        con.unregister("empty_rows")
