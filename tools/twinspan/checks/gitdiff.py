"""``--changed-since REV``: the files changed since a git revision (committed, staged, unstaged or new)."""

from __future__ import annotations

import os
import subprocess

from ..errors import UsageError


def _git(args: list[str], cwd: str) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("--changed-since needs git, which is not installed") from None
    if proc.returncode != 0:
        msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"git {' '.join(args[:2])}: {msg[-1] if msg else 'failed'}")
    return proc.stdout.decode("utf-8", "surrogateescape")


def changed_files(rev: str, cwd: str | None = None) -> set[str]:
    """Real paths of the files that differ from *rev* in the work tree, plus untracked ones.

    Deleted files are left out. Raises :class:`UsageError` outside a repository or for an
    unknown revision.
    """
    here = os.path.abspath(cwd or os.getcwd())
    top = _git(["rev-parse", "--show-toplevel"], here).strip()
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], here)
    except UsageError:
        raise UsageError(f"--changed-since: unknown revision {rev!r}") from None
    names = _git(["diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", rev, "--"], top).split("\0")
    names += _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split("\0")
    return {os.path.realpath(os.path.join(top, n)) for n in names if n}
