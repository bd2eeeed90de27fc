"""Engines: a process pool and a Dask cluster of two workers write the store a single process
writes, event for event and id for id; the cluster's worker processes are gone afterwards."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from timeline import query
from timeline.bulk import extract_to_store
from timeline.cli import main
from timeline.distributed import engine_for, serial
from timeline.extract import Options

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"


def _corpus(folder: Path) -> list[str]:
    """The hand-written articles as several small partitions (one JSON line each)."""
    import json

    out = folder / "corpus"
    out.mkdir()
    for n, article in enumerate(sorted(p for p in ARTICLES.iterdir() if p.suffix == ".txt")):
        record = {"id": article.stem, "published": "2024-11-28", "text": article.read_text(encoding="utf-8")}
        (out / f"part-{n}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return [str(out)]


def _rows(store: Path) -> list[dict]:
    con = query.connect(store)
    return query.arrow_table(con, "SELECT * EXCLUDE (year) FROM events ORDER BY id").to_pylist()


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    folder = tmp_path_factory.mktemp("engines")
    paths = _corpus(folder)
    extract_to_store(paths, folder / "serial.parquet", Options(), serial)
    return paths, _rows(folder / "serial.parquet")


def test_a_process_pool_writes_the_same_store(baseline, tmp_path):
    paths, expected = baseline
    extract_to_store(paths, tmp_path / "pool.parquet", Options(), engine_for(None, 2))
    assert _rows(tmp_path / "pool.parquet") == expected and len(expected) > 10


def test_a_dask_cluster_of_two_workers_writes_the_same_store_and_stops(baseline, tmp_path):
    pytest.importorskip("distributed")
    paths, expected = baseline
    before = {p.pid for p in multiprocessing.active_children()}
    assert main(["extract", *paths, "-o", str(tmp_path / "dask.parquet"), "--scheduler", "local", "--jobs", "2",
                 "--no-progress"]) == 0
    assert _rows(tmp_path / "dask.parquet") == expected
    assert {p.pid for p in multiprocessing.active_children()} <= before
