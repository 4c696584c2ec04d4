"""Run the per-article work serially, on local worker processes, or on Dask.

An executor maps a function over one batch of tasks at a time and returns the
results in input order, so the tables are written in the same order, and the
bytes are the same, whichever executor did the work. Batches bound memory.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from typing import Any

_STATE: dict[str, Any] = {}


def _init(fn: Callable[[Any, Any], Any], shared: Any) -> None:
    _STATE["fn"], _STATE["shared"] = fn, shared


def _call(task: Any) -> Any:
    return _STATE["fn"](task, _STATE["shared"])


class SerialExecutor:
    def __init__(self, fn: Callable[[Any, Any], Any], shared: Any):
        self.fn, self.shared = fn, shared

    def map(self, tasks: list[Any]) -> list[Any]:
        return [self.fn(t, self.shared) for t in tasks]

    def close(self) -> None:
        pass


class ProcessExecutor:
    """``jobs`` worker processes; ``shared`` (the reference dictionaries) is sent once to each."""

    def __init__(self, fn: Callable[[Any, Any], Any], shared: Any, jobs: int):
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.pool = ctx.Pool(jobs, initializer=_init, initargs=(fn, shared))

    def map(self, tasks: list[Any]) -> list[Any]:
        return self.pool.map(_call, tasks, chunksize=8)

    def close(self) -> None:
        self.pool.close()
        self.pool.join()


class DaskExecutor:
    """On a Dask cluster: the one at ``scheduler``, or a local cluster of ``jobs`` worker processes."""

    def __init__(self, fn: Callable[[Any, Any], Any], shared: Any, *, scheduler: str | None, jobs: int):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise RuntimeError("the Dask executor needs the build extra: pip install 'sahel-events[build]'") from exc
        self.fn = fn
        self.cluster = None
        if scheduler is None:
            self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
            self.client = Client(self.cluster)
        else:
            self.client = Client(scheduler)
        [self.shared] = self.client.scatter([shared], broadcast=True)

    def map(self, tasks: list[Any]) -> list[Any]:
        return self.client.gather(self.client.map(self.fn, tasks, [self.shared] * len(tasks), pure=False))

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_executor(fn: Callable[[Any, Any], Any], shared: Any, *, executor: str, jobs: int, scheduler: str | None):
    if executor == "dask":
        return DaskExecutor(fn, shared, scheduler=scheduler, jobs=jobs)
    if jobs > 1:
        return ProcessExecutor(fn, shared, jobs)
    return SerialExecutor(fn, shared)
