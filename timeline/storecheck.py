"""``timeline validate`` for a columnar store: every row against the model, then SQL checks.

Rows are validated a batch at a time (memory does not grow with the store); the checks across
events run in DuckDB: duplicate ids, relations to unknown events or to the event itself,
sources citing unknown documents, and quotes that are not at their offsets in a stored text.
Problems read ``STORE: events[id=ID].FIELD: message`` (a store has no lines to point at).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from . import columnar, query

_CHECKS = {
    "duplicate id": "SELECT id, 'id', 'duplicate id ' || id || ' (' || count(*) || ' events)' "
                    "FROM events GROUP BY id HAVING count(*) > 1",
    "self relation": "SELECT id, 'relations', 'an event cannot be ordered against itself' "
                     "FROM (SELECT id, unnest(relations) AS r FROM events) WHERE r.target = id",
    "unknown target": "SELECT r.id, 'relations', 'no event has id ' || r.target FROM "
                      "(SELECT id, unnest(relations).target AS target FROM events) r "
                      "ANTI JOIN events e ON e.id = r.target",
    "unknown document": "SELECT s.id, 'sources', 'no document has id ' || s.document FROM "
                        "(SELECT id, unnest(sources).document AS document FROM events) s "
                        "ANTI JOIN documents d ON d.id = s.document",
    "quote": "SELECT s.id, 'sources', 'the quote is not at offsets ' || s.qs || '-' || s.qe || ' of ' || s.document "
             "FROM (SELECT id, unnest(sources, recursive := true) FROM events) "
             "s(id, document, quote, qs, qe) JOIN documents d ON d.id = s.document "
             "WHERE d.text IS NOT NULL AND s.qs IS NOT NULL AND substring(d.text, s.qs + 1, s.qe - s.qs) <> s.quote",
}


def problems(store: Path | str, limit: int = 1000) -> list[str]:
    """Every problem found (at most ``limit`` per check), as one line each."""
    try:
        con = query.connect(store)
    except columnar.StoreError as exc:
        return [str(exc)]
    found = _row_problems(store, con, limit)
    for sql in _CHECKS.values():
        found += [f"{store}: events[id={i}].{field}: {message}" for i, field, message in con.execute(f"{sql} LIMIT {int(limit)}").fetchall()]
    return found


def _row_problems(store: Path | str, con, limit: int) -> list[str]:
    found = []
    columns = ", ".join(f'"{c}"' for c in columnar.MODEL_COLUMNS)
    for batch in query.arrow_reader(con, f"SELECT {columns} FROM events"):
        for row in batch.to_pylist():
            try:
                columnar.row_event(row)
            except ValidationError as exc:
                found += [f"{store}: events[id={row.get('id')}].{'.'.join(map(str, e['loc']))}: {e['msg']}"
                          for e in exc.errors()]
            if len(found) >= limit:
                return found
    return found


def counts(store: Path | str) -> tuple[int, int]:
    """(events, documents) in the store."""
    con = query.connect(store)
    return (con.execute("SELECT count(*) FROM events").fetchall()[0][0],
            con.execute("SELECT count(*) FROM documents").fetchall()[0][0])
