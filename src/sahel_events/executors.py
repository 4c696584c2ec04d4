"""Run the per-article work serially, on local worker processes, or on Dask.

Every executor yields results in input order, so the tables are written in the
same order and the bytes are the same whichever executor ran the work.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Tasks handed out at once; bounds memory whatever the corpus size.
BATCH = 1_000

_STATE: dict[str, Any] = {}


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _init(shared: Any) -> None:
    _STATE["shared"] = shared


def _call(args: tuple[Callable[[Any, Any], R], Any]) -> R:
    fn, task = args
    return fn(task, _STATE["shared"])


def run_serial(fn: Callable[[T, Any], R], tasks: Iterable[T], shared: Any) -> Iterator[R]:
    for task in tasks:
        yield fn(task, shared)


def run_processes(fn: Callable[[T, Any], R], tasks: Iterable[T], shared: Any, jobs: int) -> Iterator[R]:
    """``jobs`` worker processes; ``shared`` (the reference dictionaries) is sent once to each."""
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ctx.Pool(jobs, initializer=_init, initargs=(shared,)) as pool:
        for batch in _batches(tasks, BATCH):
            yield from pool.imap(_call, [(fn, t) for t in batch], chunksize=8)


def run_dask(
    fn: Callable[[T, Any], R], tasks: Iterable[T], shared: Any, *, scheduler: str | None, jobs: int
) -> Iterator[R]:
    """On a Dask cluster: the one at ``scheduler``, or a local cluster of ``jobs`` worker processes."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError("the Dask executor needs the build extra: pip install 'sahel-events[build]'") from exc
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        [remote] = client.scatter([shared], broadcast=True)
        for batch in _batches(tasks, BATCH):
            futures = client.map(fn, batch, [remote] * len(batch), pure=False)
            yield from client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
