"""A store run's progress moves per document, with an ETA: it used to count partitions (about
250 reports each), so an archive of a few hundred articles showed "0/2" for minutes. Workers
now note how far their partition has got, and the console shows input bytes done out of the
total (tqdm's ETA) with the documents read so far."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from timeline import stageprogress
from timeline.bulk import extract_to_store
from timeline.cli import main
from timeline.distributed import process_pool, serial
from timeline.extract import Options
from timeline.partitions import plan
from timeline.progress import Progress

ARTICLES = 60


def _archive(folder: Path, count: int = ARTICLES) -> Path:
    """Invented wire reports, one a file: one partition, which used to be the only step shown."""
    folder.mkdir()
    filler = " ".join(f"Officials in the invented town of Varn {k} said roads were open again." for k in range(15))
    for n in range(count):
        (folder / f"report-{n:03d}.txt").write_text(
            f"VARN, March {1 + n % 28}, 2021 - Gunmen attacked a checkpoint near the river crossing {n}. {filler}\n",
            encoding="utf-8")
    return folder


def test_a_worker_notes_its_counts_now_and_then_and_always_at_the_end(tmp_path):
    tick = stageprogress.Ticker(tmp_path, 3, interval=3600)
    tick(1, 100)
    tick(2, 200)  # within the interval: not written
    sizes = {3: 1000, 4: 500}
    assert stageprogress.counts(tmp_path, sizes) == (1, 100)  # partition 4 has not started
    tick(5, 900, finished=True)
    assert stageprogress.counts(tmp_path, sizes) == (5, 1000)  # finished: counted whole, whatever its characters
    stageprogress.Ticker(tmp_path, 4, interval=0)(9, 10_000)
    assert stageprogress.counts(tmp_path, sizes) == (14, 1500)  # under way: at most its size


def test_a_store_run_reports_documents_as_they_are_read(tmp_path, monkeypatch):
    monkeypatch.setattr(stageprogress, "INTERVAL", 0.0)  # every document, and the driver polls without pause
    folder = _archive(tmp_path / "archive")
    assert len(plan([str(folder)])) == 1
    reports: list[tuple[int, int, int]] = []
    stats = extract_to_store([str(folder)], tmp_path / "s.parquet", Options(), serial,
                             lambda done, total, documents: reports.append((done, total, documents)))
    total = sum(p.stat().st_size for p in folder.iterdir())
    assert {r[1] for r in reports} == {total}
    assert reports[-1] == (total, total, ARTICLES) and stats.documents == ARTICLES
    assert [r[0] for r in reports] == sorted(r[0] for r in reports)  # never backwards
    seen = {r[2] for r in reports}
    assert len(seen) > 5 and any(0 < n < ARTICLES // 2 for n in seen)  # steps of documents, not of partitions
    assert not (tmp_path / "s.parquet" / stageprogress.PROGRESS).exists()  # nothing of it in the store


def test_a_process_pool_reports_from_its_workers(tmp_path, monkeypatch):
    monkeypatch.setattr(stageprogress, "INTERVAL", 0.05)
    folder = _archive(tmp_path / "archive")
    reports: list[tuple[int, int, int]] = []
    extract_to_store([str(folder)], tmp_path / "s.parquet", Options(), process_pool(2),
                     lambda done, total, documents: reports.append((done, total, documents)))
    assert reports[-1][0] == reports[-1][1] and reports[-1][2] == ARTICLES


def test_the_store_is_the_same_with_and_without_progress(tmp_path):
    from timeline.bulk import same_store

    folder = _archive(tmp_path / "archive", 12)
    extract_to_store([str(folder)], tmp_path / "quiet.parquet", Options(), serial)
    extract_to_store([str(folder)], tmp_path / "shown.parquet", Options(), serial, lambda *counts: None)
    assert same_store(tmp_path / "quiet.parquet", tmp_path / "shown.parquet")


def test_a_terminal_bar_shows_bytes_an_eta_and_the_documents():
    screen = io.StringIO()
    progress = Progress.of_bytes(stream=screen, terminal=True)
    for n in range(1, 11):
        progress.read(n * 300_000, 3_000_000, n * 40)
        time.sleep(0.03)
    progress.close()
    shown = screen.getvalue()
    assert "\r" in shown and "2.86M/2.86M" in shown and "400 documents" in shown
    assert "<" in shown  # tqdm's elapsed<remaining: the ETA


@pytest.mark.parametrize("quiet", [False, True])
def test_extract_to_a_store_logs_its_progress_in_documents(tmp_path, capsys, quiet):
    folder = _archive(tmp_path / "archive", 8)
    args = ["extract", str(folder), "-o", str(tmp_path / "s.parquet")] + (["--no-progress"] if quiet else [])
    assert main(args) == 0
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if "documents]" in line]
    if quiet:
        assert lines == []
    else:
        assert "\r" not in err and lines[-1].startswith("100%") and "8 documents" in lines[-1]
