"""Engines that run a function over partitions: in this process, a process pool, or Dask.

Every engine yields one result per partition as each finishes; the partitions themselves (and so
the output) never depend on the engine or its number of workers. Dask is imported only when
asked for: ``--scheduler ADDRESS`` joins a running Dask distributed cluster (its workers must
see the input and the store at the same paths: a shared filesystem), ``--scheduler local``
starts a cluster of ``--jobs`` worker processes on this machine for the run and stops it after.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial


def serial(fn: Callable, items: list, job) -> Iterator:
    """One partition after another in this process: no start-up cost, one core."""
    for item in items:
        yield fn(item, job)


def process_pool(workers: int) -> Callable:
    """A pool of ``workers`` processes (concurrent.futures): partitions handed out as workers free up."""

    def run(fn: Callable, items: list, job) -> Iterator:
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(fn, item, job) for item in items]
            for future in as_completed(futures):
                yield future.result()

    return run


class DaskCluster:
    """A Dask bag over the partitions on a distributed cluster ('local': one made for the run),
    connected at the first call and kept for every pass of the run until ``close``."""

    def __init__(self, address: str, workers: int):
        self.address, self.workers = address, workers
        self.client = self.cluster = None

    def __call__(self, fn: Callable, items: list, job) -> Iterator:
        import dask.bag as db
        from distributed import as_completed

        if not items:
            return
        client = self._connect()
        bag = db.from_sequence(items, npartitions=len(items)).map(partial(fn, job=job))
        for future in as_completed(client.compute(bag.to_delayed())):
            yield from future.result()

    def _connect(self):
        from distributed import Client, LocalCluster

        if self.client is None:
            if self.address == "local":
                self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=40)
            self.client = Client(self.cluster if self.cluster is not None else self.address)
        return self.client

    def close(self) -> None:
        """Disconnect; a cluster made for the run is stopped with its worker processes."""
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        self.client = self.cluster = None


def engine_for(scheduler: str | None, jobs: int) -> Callable:
    """The engine a command line asks for: Dask with a scheduler, else processes, else serial."""
    if scheduler:
        return DaskCluster(scheduler, max(jobs, 1))
    return process_pool(jobs) if jobs > 1 else serial
