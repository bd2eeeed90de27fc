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


def dask_cluster(address: str, workers: int) -> Callable:
    """A Dask bag over the partitions on a distributed cluster ('local': one made for the run)."""

    def run(fn: Callable, items: list, job) -> Iterator:
        import dask.bag as db
        from distributed import Client, LocalCluster, as_completed

        cluster = None
        if address == "local":
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40)
        client = Client(cluster if cluster is not None else address)
        try:
            bag = db.from_sequence(items, npartitions=max(len(items), 1)).map(partial(fn, job=job))
            futures = client.compute(bag.to_delayed())
            for future in as_completed(futures):
                yield from future.result()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return run


def engine_for(scheduler: str | None, jobs: int) -> Callable:
    """The engine a command line asks for: Dask with a scheduler, else processes, else serial."""
    if scheduler:
        return dask_cluster(scheduler, max(jobs, 1))
    return process_pool(jobs) if jobs > 1 else serial
