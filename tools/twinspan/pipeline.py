"""Running a per-file function over many files, spread over the machine's cores.

The function runs in worker processes and gets a path; it parses there and returns
small, picklable results (findings, counts), so models never cross process lines.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

#: Below this many files a single process is faster than starting workers.
PARALLEL_THRESHOLD = 64


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def map_files(func: Callable[[str], T], paths: Sequence[str], jobs: int | None = None) -> Iterator[T]:
    """``func(path)`` for every path, in order; in worker processes when it pays."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    if jobs == 1 or len(paths) < PARALLEL_THRESHOLD:
        for p in paths:
            yield func(p)
        return
    from concurrent.futures import ProcessPoolExecutor  # imported here: a run over a few files never needs it

    chunk = max(8, len(paths) // (jobs * 8))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(func, paths, chunksize=chunk)
