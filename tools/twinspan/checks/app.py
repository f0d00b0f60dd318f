"""What ``twinspan check`` does, step by step, apart from parsing its arguments.

Configuration (file, then options) → changed files → fixes → the check (cache, workers,
progress) → baseline → output → exit code (0 clean, 1 findings at or above --fail-on,
2 usage or I/O errors).
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TextIO

from ..errors import UsageError
from ..io import atomic_write
from . import baseline as baseline_mod
from .config import Config, discover, load_file
from .engine import codes_for
from .finding import CheckResult
from .fix import FileFix, fix_paths
from .gitdiff import changed_files
from .output import render
from .registry import all_rules, validate_selectors
from .runner import Progress, check_paths, default_cache_dir

#: Below this many files no progress bar is shown.
PROGRESS_MIN_FILES = 200


@dataclass
class Options:
    paths: list[str]
    format: str = "text"
    fail_on: str | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    baseline: str | None = None
    write_baseline: str | None = None
    changed_since: str | None = None
    fix: bool = False
    diff: bool = False
    config: str | None = None
    isolated: bool = False
    cache: bool = True
    cache_dir: str | None = None
    jobs: int | None = None
    color: str = "auto"
    output: str | None = None
    progress: bool | None = None  # None: on a terminal


def split_codes(values: list[str] | None) -> list[str] | None:
    """``--select TS7,TS101 --select links`` → [TS7, TS101, links]."""
    if values is None:
        return None
    return [c for v in values for c in v.replace(",", " ").split()]


def load_config(opts: Options) -> Config:
    if opts.isolated:
        base = Config()
    elif opts.config:
        base = load_file(opts.config)
    else:
        base = discover()
    cfg = base.with_cli(opts.select, opts.ignore, opts.fail_on)
    unknown = validate_selectors([*(cfg.select or ()), *cfg.ignore, *(c for c, _ in cfg.severity)])
    if unknown:
        raise UsageError(f"unknown rule code or selector: {', '.join(unknown)} (see `twinspan rules`)", cfg.origin)
    return cfg


def use_color(choice: str, stream: TextIO) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty() and os.environ.get("TERM") != "dumb"


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Progress | None]:
    """A rich progress bar on stderr, fed by ``check_paths``'s progress callback."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=Console(stderr=True), transient=True
    )
    task = bar.add_task("check", total=None)
    state = {"shown": False}

    def update(done: int, total: int) -> None:
        if total - done >= PROGRESS_MIN_FILES or state["shown"]:
            if not state["shown"]:
                bar.start()
                state["shown"] = True
            bar.update(task, completed=done, total=total)

    try:
        yield update
    finally:
        if state["shown"]:
            bar.stop()


def run(opts: Options, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    cfg = load_config(opts)
    codes = codes_for(cfg)
    only = changed_files(opts.changed_since) if opts.changed_since else None
    notes: list[str] = []

    cache_dir = (opts.cache_dir or default_cache_dir(cfg)) if opts.cache else None
    show = opts.progress if opts.progress is not None else err.isatty()
    with progress_bar(show) as progress:
        result = check_paths(opts.paths, cfg, jobs=opts.jobs, cache_dir=cache_dir, only=only, progress=progress)

    if opts.fix or opts.diff:
        changed = _fix(result, cfg, codes, opts, out, err)
        if opts.diff:
            return 1 if changed else 0
        if changed:
            notes.append(f"Fixed {sum(len(f.applied) for f in changed)} finding(s) in {len(changed)} file(s).")

    if opts.write_baseline:
        data, n = baseline_mod.dumps(opts.write_baseline, result.findings)
        write_file(opts.write_baseline, data)
        err.write(f"twinspan: wrote {n} finding(s) to the baseline {opts.write_baseline}\n")
        _report_errors(result, err)
        return 2 if result.errors else 0
    if opts.baseline:
        accepted, base = baseline_mod.load(opts.baseline)
        result.findings, known = baseline_mod.new_findings(result.findings, accepted, base)
        if known:
            notes.append(f"{known} known finding(s) of the baseline {opts.baseline} not shown.")

    _write(result, opts, out, notes)
    _report_errors(result, err)
    if result.errors:
        return 2
    return 1 if result.failed(cfg.fail_on) else 0


def _fix(result: CheckResult, cfg: Config, codes: frozenset[str], opts: Options, out: TextIO, err: TextIO) -> list[FileFix]:
    """Fix (or, with --diff, show) the files whose findings have safe fixes; with --fix, the
    findings of the files fixed are replaced by a check of their new content."""
    fixes = fix_paths(sorted({f.path for f in result.findings if f.edits}), cfg, codes, dry_run=opts.diff)
    for f in fixes:
        if f.refused:
            err.write(
                f"twinspan: {f.path}: some fixes not applied: they would change more than a translation (fix the span markup first)\n"
            )
    changed = [f for f in fixes if f.changed]
    if opts.diff:
        for f in changed:
            out.write(f.diff())
        err.write(f"{sum(len(f.applied) for f in changed)} fix(es) in {len(changed)} file(s) would be applied (nothing written).\n")
        return changed
    if changed:
        fixed = {f.path for f in changed}
        again = check_paths(sorted(fixed), cfg, jobs=opts.jobs)  # the safe fixes leave the cross-locale findings as they were
        kept = [f for f in result.findings if f.path not in fixed or f.category == "cross-locale"]
        result.findings = sorted(kept + [f for f in again.findings if f.category != "cross-locale"], key=lambda f: f.sort_key)
    return changed


def _write(result: CheckResult, opts: Options, out: TextIO, notes: list[str]) -> None:
    rules = all_rules()
    if opts.output:
        buf = io.StringIO()
        render(result, opts.format, buf, rules=rules, color=False, notes=tuple(notes))
        write_file(opts.output, buf.getvalue().encode("utf-8"))
        return
    render(result, opts.format, out, rules=rules, color=opts.format == "text" and use_color(opts.color, out), notes=tuple(notes))


def write_file(path: str, data: bytes) -> None:
    """Write atomically; a new file gets the usual permissions (umask), not the temp file's 0600."""
    existed = os.path.exists(path)
    atomic_write(path, data)
    if not existed:
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(path, 0o666 & ~mask)


def _report_errors(result: CheckResult, err: TextIO) -> None:
    for e in result.errors:
        err.write(f"twinspan: {e}\n")
