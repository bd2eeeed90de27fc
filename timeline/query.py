"""DuckDB over a columnar store: filters as SQL, chronological rows, SQL for analysts, checks.

Every function opens the store's Parquet files where they lie (nothing is loaded first): DuckDB
reads only the columns and row groups a query needs, so a filtered query over a million events
takes milliseconds and the memory a query needs does not grow with the store.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from . import columnar
from .filters import Filters
from .models import Document, Event, Timeline

CHRONOLOGICAL = "lo_day ASC NULLS FIRST, hi_day ASC NULLS LAST, id"


@dataclass(frozen=True)
class Query(Filters):
    """The app's filters as a store query (places included, as in the app since the nineteenth session)."""


def connect(store: Path | str, memory_limit: str = "1GB") -> duckdb.DuckDBPyConnection:
    """A connection with the views ``events`` and ``documents`` over the store's files."""
    store = Path(store)
    columnar.read_manifest(store)
    con = duckdb.connect(config={"memory_limit": memory_limit, "threads": 2})
    events, documents = columnar.events_dir(store), columnar.documents_dir(store)
    con.execute(f"CREATE VIEW events AS SELECT * FROM read_parquet({columnar.sql_path(events / '**' / '*.parquet')}, "
                "hive_partitioning = true, hive_types = {'year': INTEGER}, union_by_name = true)")
    con.execute(f"CREATE VIEW documents AS SELECT * FROM read_parquet({columnar.sql_path(documents / '*.parquet')})")
    return con


def arrow_reader(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None,
                 batch: int = 10_000) -> pa.RecordBatchReader:
    """A query's result as Arrow record batches, streamed (the method was renamed in DuckDB 1.4)."""
    relation = con.sql(sql, params=params)
    method = getattr(relation, "to_arrow_reader", None) or relation.fetch_arrow_reader
    return method(batch)


def arrow_table(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None) -> pa.Table:
    relation = con.sql(sql, params=params)
    method = getattr(relation, "to_arrow_table", None) or relation.arrow
    return method()


def where(flt: Filters) -> tuple[str, dict]:
    """The filters as a SQL condition over ``events`` and its named parameters."""
    clauses, params = ["TRUE"], {}
    for name, column, values in (("types", "type", flt.types), ("modalities", "modality", flt.modalities),
                                 ("places", "location", flt.places)):
        if values:
            clauses.append(f"list_contains(${name}, {column})")
            params[name] = sorted(values)
    for name, column in (("actors", "actors"), ("people", "people")):
        if getattr(flt, name):
            clauses.append(f"list_has_any({column}, ${name})")
            params[name] = sorted(getattr(flt, name))
    if flt.documents:
        clauses.append("list_has_any([s.document FOR s IN sources], $documents)")
        params["documents"] = sorted(flt.documents)
    if flt.start is not None:
        clauses.append("(hi_day IS NULL OR hi_day >= $start)")
        params["start"] = columnar.day_number(flt.start)
    if flt.end is not None:
        clauses.append("(lo_day IS NULL OR lo_day <= $end) AND (year IS NULL OR year <= $end_year)")
        params["end"], params["end_year"] = columnar.day_number(flt.end), flt.end.year
    for n, word in enumerate(flt.text.lower().split()):
        clauses.append(f"contains(search, $word{n})")
        params[f"word{n}"] = word
    return " AND ".join(clauses), params


def count(con: duckdb.DuckDBPyConnection, flt: Filters) -> int:
    condition, params = where(flt)
    return con.execute(f"SELECT count(*) FROM events WHERE {condition}", params).fetchall()[0][0]


def select(con: duckdb.DuckDBPyConnection, flt: Filters, columns: str = "*", limit: int | None = None,
           order: str = CHRONOLOGICAL) -> pa.Table:
    """The filtered events in time order (at most ``limit``) as an Arrow table."""
    condition, params = where(flt)
    tail = f" LIMIT {int(limit)}" if limit is not None else ""
    return arrow_table(con, f"SELECT {columns} FROM events WHERE {condition} ORDER BY {order}{tail}", params)


def iter_events(con: duckdb.DuckDBPyConnection, flt: Filters, batch: int = 10_000) -> Iterator[Event]:
    """The filtered events as validated models, streamed a batch at a time."""
    condition, params = where(flt)
    cols = ", ".join(f'"{c}"' for c in columnar.MODEL_COLUMNS)
    reader = arrow_reader(con, f"SELECT {cols} FROM events WHERE {condition} ORDER BY {CHRONOLOGICAL}", params, batch)
    for record_batch in reader:
        yield from (columnar.row_event(row) for row in record_batch.to_pylist())


def documents_for(con: duckdb.DuckDBPyConnection, ids: list[str], with_text: bool = True) -> list[Document]:
    """The documents with these ids (texts only when asked: they are the store's bulk)."""
    if not ids:
        return []
    text = "text" if with_text else "NULL::VARCHAR AS text"
    rows = arrow_table(con, f"SELECT id, title, published, origin, {text} FROM documents "
                       "SEMI JOIN (SELECT unnest($ids) AS wanted) ON id = wanted ORDER BY id",
                       {"ids": sorted(set(ids))}).to_pylist()
    return [columnar.row_document(r) for r in rows]


def timeline(store: Path | str, flt: Filters | None = None, with_text: bool = False) -> Timeline:
    """The (filtered) events and the documents they cite as an in-memory Timeline, for exports
    and scoring: size it with filters, a whole store of millions does not fit a Timeline."""
    con = connect(store)
    events = list(iter_events(con, flt or Filters()))
    cited = [s.document for e in events for s in e.sources]
    title = columnar.read_manifest(store).get("title")
    return Timeline(title=title, documents=documents_for(con, cited, with_text), events=events)


def write_events(store: Path, tables: list[pa.Table] | None = None, staged: Path | None = None) -> int:
    """Sort event rows by date and write them partitioned by year (from tables or staged files)."""
    folder = columnar.events_dir(store)
    con = duckdb.connect(config={"memory_limit": "256MB", "threads": 2, "preserve_insertion_order": False,
                                 "temp_directory": (Path(store) / "_spill").as_posix()})
    if staged is not None:
        con.execute(f"CREATE VIEW rows AS SELECT * FROM read_parquet({columnar.sql_path(staged / '*.parquet')})")
    else:
        con.register("rows", pa.concat_tables(tables) if tables else columnar.EVENT_SCHEMA.empty_table())
    total = con.execute("SELECT count(*) FROM rows").fetchall()[0][0]
    con.execute(f"COPY (SELECT * FROM rows ORDER BY {CHRONOLOGICAL}) TO {columnar.sql_path(folder)} "
                f"(FORMAT parquet, PARTITION_BY (year), OVERWRITE_OR_IGNORE, ROW_GROUP_SIZE {columnar.ROW_GROUP})")
    if total == 0:
        folder.mkdir(parents=True, exist_ok=True)
        pa.parquet.write_table(columnar.EVENT_SCHEMA.empty_table(), folder / "empty.parquet")
    con.close()
    shutil.rmtree(Path(store) / "_spill", ignore_errors=True)
    return total


def run_sql(store: Path | str, sql: str) -> tuple[list[str], list[tuple]]:
    """An analyst's query over the views ``events`` and ``documents``: column names and rows."""
    con = connect(store)
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description or []]
    return names, cursor.fetchall()


def show_rows(con: duckdb.DuckDBPyConnection, flt: Filters, limit: int | None) -> tuple[list[tuple[str, ...]], bool]:
    """Cells for ``timeline show`` (id, date, precision, type, title, actors) in time order."""
    rows = select(con, flt, "id, date, date_inferred, precision, type, title, actors", limit).to_pylist()
    cells = [(r["id"], (r["date"] or "?") + ("*" if r["date_inferred"] else ""), r["precision"] or "open",
              r["type"], r["title"], ", ".join(r["actors"] or [])) for r in rows]
    return cells, any(r["date_inferred"] for r in rows)



def filtered(timeline: Timeline, flt: Filters) -> Timeline:
    """The same filters over an in-memory timeline (``events.yaml``), so commands take either."""
    if flt == type(flt)():
        return timeline
    from .filters import apply, build_table

    keep = apply(build_table(timeline), flt)
    events = [e for e, k in zip(timeline.events, keep) if k]
    return timeline.model_copy(update={"events": events})


def format_result(names: list[str], rows: list[tuple], fmt: str = "table") -> str:
    """Query results for the terminal: aligned columns, CSV or JSON lines."""
    if fmt == "json":
        import json

        return "".join(json.dumps(dict(zip(names, row)), default=str, ensure_ascii=False) + "\n" for row in rows)
    if fmt == "csv":
        import csv
        import io

        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(names)
        writer.writerows(rows)
        return out.getvalue()
    cells = [names] + [["" if v is None else str(v) for v in row] for row in rows]
    widths = [min(max(len(r[i]) for r in cells), 60) for i in range(len(names))]
    lines = ["  ".join(c[:w].ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + f"\n({len(rows)} row{'s' if len(rows) != 1 else ''})\n"
