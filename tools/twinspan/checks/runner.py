"""``check_paths``: the whole check over files and folders, spread over the machine's cores."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Mapping
from functools import partial
from pathlib import Path
from typing import Any

from ..errors import ReadError
from ..io import markdown_files, read_bytes
from ..parser import locale_from_path
from ..pipeline import map_files
from .cache import CACHE_DIR, Cache
from .config import Config, coerce
from .crosslocale import candidate_groups, split_locale_path
from .engine import FileResult, check_groups, codes_for, digest, worker
from .finding import CheckResult, Finding
from .registry import all_rules

Progress = Callable[[int, int], None]
#: Below this many files to check, the cache is not used: checking a few files is quicker than
#: loading and rewriting the cache of a whole corpus (``--changed-since`` on a pull request).
CACHE_MIN_FILES = 32


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
    - *cache_dir*: where to keep the content-hash cache (None: no cache; not used for fewer than
      ``CACHE_MIN_FILES`` files).
    - *only*: report only these files (absolute or as found); the others under *paths* are still read
      when they are the same article in another locale, for the cross-locale rules.
    - *progress*: called with (files done, files to do) as workers finish.

    Raises :class:`twinspan.ReadError` for a path that does not exist; a file that cannot be read
    is listed in ``CheckResult.errors``.
    """
    cfg = coerce(config)
    codes = codes_for(cfg)
    paths = list(paths)
    if only is None:
        named = {os.fspath(p) for p in paths if not os.path.isdir(p)}
        found = dict.fromkeys(markdown_files(paths))  # a file named twice is checked once
        targets = files = [f for f in found if f in named or not cfg.excludes(f)]
    else:
        targets, files = _only(paths, only)
        targets = [f for f in targets if not cfg.excludes(f)]
    groups = candidate_groups(files) if _cross_enabled(codes) else []
    if only is not None:
        target_set = set(targets)
        groups = [g for g in groups if target_set.intersection(g)]
    need_summary = frozenset(p for g in groups for p in g)
    to_check = list(dict.fromkeys([*targets, *sorted(need_summary)]))

    cache = Cache(cache_dir, cfg, codes) if cache_dir is not None and len(to_check) >= CACHE_MIN_FILES else None
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


def _under(real: str, roots: list[str]) -> bool:
    return any(real == r or real.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def _only(paths: list[str | os.PathLike[str]], only: Collection[str]) -> tuple[list[str], list[str]]:
    """(targets, files) for ``only``: the given files that lie under *paths* (named as found there),
    and with them their other locales under *paths* (same name under a sibling locale folder).
    Nothing else is listed, so a pull request's few files are found without walking the corpus."""
    wanted = {os.path.realpath(p) for p in only}
    targets: list[str] = []
    roots: list[str] = []
    for raw in paths:
        given = os.fspath(raw)
        if not os.path.exists(given):
            raise ReadError("no such file or directory", given)
        real = os.path.realpath(given)
        roots.append(real)
        if not os.path.isdir(given):
            if real in wanted:
                targets.append(given)
            continue
        for w in sorted(wanted):
            if w.endswith(".md") and w.startswith(real.rstrip(os.sep) + os.sep) and os.path.isfile(w):
                targets.append(os.path.join(given, os.path.relpath(w, real)))
    targets = list(dict.fromkeys(targets))
    files = list(targets)
    for t in targets:
        root, key, locale = split_locale_path(t)
        if locale is None:
            continue
        try:
            names = [e.name for e in os.scandir(root or ".") if e.is_dir() and e.name != locale]
        except OSError:
            continue
        for name in sorted(names):
            other = os.path.join(root, name, *key.split("/"))
            if locale_from_path(other) == name and os.path.isfile(other) and _under(os.path.realpath(other), roots):
                files.append(other)
    return targets, list(dict.fromkeys(files))


def default_cache_dir(config: Config) -> Path:
    """``.twinspan-cache`` next to the configuration file, or in the current folder."""
    return Path(config.root or os.getcwd()) / CACHE_DIR
