"""Progress of a store run's first pass, per document: a partition is about 250 reports, so a
small archive is one or two partitions and counting partitions showed no movement for minutes.

Each worker (a process, a Dask worker on another machine, or this process) writes how far its
partition has got to a tiny file in the run's work folder, at most twice a second and once at
the end; the driver reads those files twice a second in a thread and reports input bytes done
out of the total (what the ETA is computed from) with the documents read so far. Nothing of
this reaches the store: the folder is removed with the other staging folders.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .partitions import Partition

PROGRESS = "_progress"
INTERVAL = 0.5  # seconds between a worker's writes and between the driver's reads


class Ticker:
    """A worker's report of one partition: documents and characters done, written now and then."""

    def __init__(self, work: Path | None, index: int, interval: float | None = None):
        self.path = None if work is None else work / PROGRESS / f"part-{index:06d}"
        self.interval, self.last = INTERVAL if interval is None else interval, -float("inf")
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)

    def __call__(self, documents: int, characters: int, finished: bool = False) -> None:
        """Record the counts (skipped when the last write is under ``interval`` old, unless finished)."""
        now = time.monotonic()
        if self.path is None or (not finished and now - self.last < self.interval):
            return
        self.last = now
        spare = self.path.with_name(self.path.name + ".tmp")
        spare.write_text(f"{documents} {characters} {int(finished)}", encoding="ascii")
        os.replace(spare, self.path)  # a reader sees the old counts or the new, never half a line


def size(partition: Partition) -> int:
    """The input bytes of a partition (its JSON-lines slice, or its files)."""
    if partition.files:
        return sum(Path(name).stat().st_size for name in partition.files)
    return partition.end - partition.start


def counts(work: Path, sizes: dict[int, int]) -> tuple[int, int]:
    """Documents read and input bytes done over every partition: a finished partition counts
    whole, one under way by its characters so far (at most its size)."""
    documents = done = 0
    for index, whole in sizes.items():
        try:
            read, characters, finished = map(int, (work / PROGRESS / f"part-{index:06d}").read_text("ascii").split())
        except (OSError, ValueError):  # not started yet
            continue
        documents += read
        done += whole if finished else min(characters, whole)
    return documents, done


@contextmanager
def watching(work: Path, todo: list[Partition], report: Callable[[int, int, int], None] | None,
             interval: float | None = None) -> Iterator[None]:
    """Call ``report(bytes_done, bytes_total, documents)`` every ``interval`` seconds while the
    body runs (the partitions are staged), and once after it."""
    if report is None:
        yield
        return
    sizes = {p.index: size(p) for p in todo}
    total, stop, interval = sum(sizes.values()), threading.Event(), INTERVAL if interval is None else interval

    def poll() -> None:
        while not stop.wait(interval):
            documents, done = counts(work, sizes)
            report(done, total, documents)

    thread = threading.Thread(target=poll, name="stage-progress", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
        documents, done = counts(work, sizes)
        report(done, total, documents)
