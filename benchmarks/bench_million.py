"""A store of 1,000,000 events: filtered DuckDB queries, the app's first paint and a rerun, RSS.

    python benchmarks/bench_million.py [--events 1000000] [--store PATH] [--repeat 5]

Generates the store (synthetic but realistic events: 38 types, 60 actors, 400 places, EDTF
dates of every precision over 1985-2024, sources into 100,000 documents, relations), unless
--store names one already made. Then, each in a fresh process so memory is its own:
filtered DuckDB queries (count + the first 2,000 matches in time order) and the app's page built
from them (``timeline.storeview``), beside the same without filters; the Streamlit app (AppTest) first run on the store and
a rerun after a filter change; peak RSS of each. Targets: query < 200 ms, first paint < 3 s,
rerun < 1 s, RSS < 2 GB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from apprun import open_app  # noqa: E402
from timeline.staging import peak_rss_mb  # noqa: E402

from timeline import columnar, query  # noqa: E402
from timeline.taxonomy import type_names  # noqa: E402

ACTORS = [f"Actor {n}" for n in range(60)]
PLACES = [f"Place {n}" for n in range(400)]
WORDS = "army border talks ceasefire shelling summit drone village minister troops aid corridor".split()


def _dates(rng: np.random.Generator, n: int) -> tuple[list[str | None], np.ndarray, np.ndarray, list[str]]:
    """EDTF strings with their day bounds: days, months, open intervals, ranges, years."""
    day = rng.integers(columnar.day_number(dt.date(1985, 1, 1)), columnar.day_number(dt.date(2024, 12, 1)), n)
    form = rng.random(n)
    lo, hi = day.astype(np.float64), day.astype(np.float64)
    texts, precision = [], []
    for i in range(n):
        d = columnar.EPOCH + dt.timedelta(days=int(day[i]))
        if form[i] < 0.5:
            texts.append(d.isoformat()), precision.append("day")
        elif form[i] < 0.7:
            first = d.replace(day=1)
            last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            lo[i], hi[i] = columnar.day_number(first), columnar.day_number(last)
            texts.append(f"{d.year}-{d.month:02d}"), precision.append("month")
        elif form[i] < 0.9:
            lo[i] = np.nan
            texts.append(f"../{d.isoformat()}"), precision.append("open")
        else:
            hi[i] = lo[i] + 9
            end = d + dt.timedelta(days=9)
            texts.append(f"{d.isoformat()}/{end.isoformat()}"), precision.append("interval")
    return texts, lo, hi, precision


def generate(store: Path, n: int, seed: int = 7) -> None:
    """A store of ``n`` events written through ``query.write_events`` (sorted, by year)."""
    rng = np.random.default_rng(seed)
    types = np.array(type_names())[rng.integers(0, len(type_names()), n)].tolist()
    actor = rng.integers(0, len(ACTORS), (n, 2))
    place = rng.integers(0, len(PLACES), n)
    doc = rng.integers(0, 100_000, n)
    words = np.array(WORDS)[rng.integers(0, len(WORDS), (n, 3))]
    texts, lo, hi, precision = _dates(rng, n)
    ids = [f"{t.replace('_', '-')}-{i}" for i, t in enumerate(types)]
    titles = [" ".join(w) for w in words.tolist()]
    actors = [[ACTORS[a], ACTORS[b]] if a != b else [ACTORS[a]] for a, b in actor.tolist()]
    quotes = [f"{a[0]} {t} {PLACES[p]} {title}" for a, t, p, title in zip(actors, types, place.tolist(), titles)]
    lo_day = pa.array(lo, mask=np.isnan(lo)).cast(pa.int32())
    relations = [[{"relation": "after", "target": ids[i - 1]}] if i and i % 3 == 0 else [] for i in range(n)]
    table = pa.table({
        "id": ids, "title": titles, "type": types, "date": texts, "date_inferred": (rng.random(n) < 0.3).tolist(),
        "actors": actors, "targets": [[] for _ in range(n)], "people": [[] for _ in range(n)],
        "location": [PLACES[p] for p in place.tolist()], "modality": ["asserted"] * n,
        "sources": [[{"document": f"doc-{d}", "quote": q, "start": 0, "end": len(q)}] for d, q in zip(doc.tolist(), quotes)],
        "relations": relations, "confidence": rng.random(n).round(2).tolist(), "tags": [[] for _ in range(n)],
        "notes": [None] * n, "curated": [False] * n, "fingerprint": [None] * n, "lo_day": lo_day,
        "hi_day": pa.array(hi, mask=np.isnan(hi)).cast(pa.int32()), "precision": precision,
        "search": [f"{i} {t} {p} {q}".lower() for i, t, p, q in zip(ids, titles, place.tolist(), quotes)],
        "year": pa.array([(columnar.EPOCH + dt.timedelta(days=int(v))).year if v == v else None for v in lo],
                         pa.int32()),
    }, schema=columnar.EVENT_SCHEMA)
    store.mkdir(parents=True, exist_ok=True)
    docs = pa.table({"id": [f"doc-{d}" for d in range(100_000)], "title": [f"Report {d}" for d in range(100_000)],
                     "published": [dt.date(1985, 1, 1) + dt.timedelta(days=d % 14_500) for d in range(100_000)],
                     "origin": [None] * 100_000, "text": [f"Report {d} text." for d in range(100_000)]},
                    schema=columnar.DOCUMENT_SCHEMA)
    columnar.documents_dir(store).mkdir(parents=True, exist_ok=True)
    pa.parquet.write_table(docs, columnar.documents_dir(store) / "part-000000.parquet")
    query.write_events(store, [table])
    columnar.write_manifest(store, title="synthetic", events=n, documents=100_000)


def child_queries(store: Path, repeat: int) -> dict:
    """Median ms of each filter: the DuckDB query alone (count + the first 2,000 rows' ids and
    dates) and the app's whole page (query + 2,000 events built and tabled for the chart)."""
    from timeline import storeview

    filters = {
        "no filter": query.Query(),
        "type + date range": query.Query(types=frozenset({"attack"}), start=dt.date(2001, 1, 1), end=dt.date(2002, 12, 31)),
        "actor + place": query.Query(actors=frozenset({"Actor 3"}), places=frozenset({"Place 17"})),
        "search two words": query.Query(text="drone village"),
    }
    storeview.page(store, query.Query(types=frozenset({"visit"})))  # warm: connection, file footers
    con = storeview.connection(store)
    out = {}
    for name, flt in filters.items():
        sql = _median(repeat, lambda: (query.count(con, flt), query.select(con, flt, "id, lo_day, hi_day", 2000)))
        page = _median(repeat, lambda: storeview.page(store, flt))
        out[name] = {"query_ms": round(sql, 1), "page_ms": round(page, 1), "matched": query.count(con, flt)}
    out["rss_mb"] = peak_rss_mb()
    return out


def _median(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(1000 * (time.perf_counter() - started))
    return float(np.median(times))


def child_app(store: Path) -> dict:
    at, first = open_app(store, 120)
    assert not at.exception, at.exception
    at.sidebar.multiselect(key="s_type").select("attack")
    started = time.perf_counter()
    at.run()
    rerun = time.perf_counter() - started
    caption = at.caption[0].value
    return {"first_paint_s": first, "rerun_after_filter_s": rerun, "caption": caption,
            "rss_mb": peak_rss_mb()}


def _child(*args: str) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="events to generate (default 1,000,000)")
    parser.add_argument("--store", type=Path, help="use (or make, when missing) this store")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each query (median)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, store = args.child[0], Path(args.child[1])
        print(json.dumps(child_queries(store, args.repeat) if kind == "queries" else child_app(store)))
        return 0
    store = args.store or Path(tempfile.mkdtemp(prefix="bench-million-")) / "events.parquet"
    if not (store / columnar.MANIFEST).exists():
        started = time.perf_counter()
        generate(store, args.events)
        print(f"generated {args.events:,} events in {time.perf_counter() - started:.1f} s: {store}")
    size = sum(p.stat().st_size for p in store.rglob("*.parquet")) / 2**20
    print(f"store: {columnar.read_manifest(store)['events']:,} events, {size:.0f} MiB on disk; "
          f"python {sys.version.split()[0]}; {time.strftime('%Y-%m-%d')}")
    for name, figures in _child("queries", str(store)).items():
        print(f"  query {name}: {figures}" if name != "rss_mb" else f"  queries peak RSS: {figures:.0f} MB")
    app = _child("app", str(store))
    print(f"  app: first paint {app['first_paint_s']:.2f} s, rerun after a filter {app['rerun_after_filter_s']:.2f} s, "
          f"peak RSS {app['rss_mb']:.0f} MB ({app['caption']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
