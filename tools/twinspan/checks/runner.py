"""``check_paths``: the whole check over files and folders, spread over the machine's cores."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Mapping
from functools import partial
from pathlib import Path
from typing import Any

from ..errors import ReadError
from ..io import iter_markdown, read_bytes
from ..pipeline import map_files
from .cache import CACHE_DIR, Cache
from .config import Config, coerce
from .crosslocale import candidate_groups
from .engine import FileResult, check_groups, codes_for, digest, worker
from .finding import CheckResult, Finding
from .registry import all_rules

Progress = Callable[[int, int], None]


def _cross_enabled(codes: frozenset[str]) -> bool:
    return any(r.scope == "cross" and r.code in codes for r in all_rules().values())


def check_paths(
    paths: Iterable[str | os.PathLike[str]],
    config: Config | Mapping[str, Any] | None = None,
    *,
    jobs: int | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    only: Collection[str] | None = None,
    progress: Progress | None = None,
) -> CheckResult:
    """Check the Markdown files named or found (recursively) under *paths*.

    - *config*: a :class:`Config`, a mapping with the keys of ``[tool.twinspan]``, or None for defaults
      (the file configuration is not read here: see :func:`twinspan.checks.config.discover`).
    - *jobs*: worker processes (default: the machine's cores).
    - *cache_dir*: where to keep the content-hash cache (None: no cache).
    - *only*: report only these files (absolute or as found); the others under *paths* are still read
      when they are the same article in another locale, for the cross-locale rules.
    - *progress*: called with (files done, files to do) as workers finish.

    Raises :class:`twinspan.ReadError` for a path that does not exist; a file that cannot be read
    is listed in ``CheckResult.errors``.
    """
    cfg = coerce(config)
    codes = codes_for(cfg)
    files = [os.fspath(p) for p in iter_markdown(paths)]
    if only is not None:
        wanted = {os.path.realpath(p) for p in only}
        targets = [f for f in files if os.path.realpath(f) in wanted]
    else:
        targets = files
    groups = candidate_groups(files) if _cross_enabled(codes) else []
    if only is not None:
        target_set = set(targets)
        groups = [g for g in groups if target_set.intersection(g)]
    need_summary = frozenset(p for g in groups for p in g)
    to_check = list(dict.fromkeys([*targets, *sorted(need_summary)]))

    cache = Cache(cache_dir, cfg, codes) if cache_dir is not None else None
    results: dict[str, FileResult] = {}
    misses: list[str] = []
    for path in to_check:
        hit = None
        if cache is not None:
            try:
                hit = cache.get(path, digest(read_bytes(path)), path in need_summary)
            except ReadError:
                hit = None  # the worker reports it
        if hit is not None:
            results[path] = hit
        else:
            misses.append(path)
    done = len(results)
    if progress is not None:
        progress(done, len(to_check))
    for res in map_files(partial(worker, cfg, codes, need_summary), misses, jobs):
        results[res.path] = res
        if cache is not None:
            cache.put(res)
        done += 1
        if progress is not None:
            progress(done, len(to_check))
    if cache is not None:
        cache.save()

    out = CheckResult(cached=len(to_check) - len(misses))
    findings: list[Finding] = []
    for path in targets:
        res = results[path]
        if res.error is not None:
            out.errors.append(res.error)
            continue
        out.files += 1
        out.checked.append(path)
        out.segments += res.segments
        findings.extend(res.findings)
    summaries = [r.summary for r in results.values() if r.summary is not None]
    findings.extend(check_groups(summaries, groups, cfg, codes))
    findings.sort(key=lambda f: f.sort_key)
    out.findings = findings
    return out


def default_cache_dir(config: Config) -> Path:
    """``.twinspan-cache`` next to the configuration file, or in the current folder."""
    return Path(config.root or os.getcwd()) / CACHE_DIR
