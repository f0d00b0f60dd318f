"""``--changed-since REV``: the files changed since a git revision (committed, staged, unstaged or new)."""

from __future__ import annotations

import os
import subprocess

from ..errors import UsageError


def _git(args: list[str], cwd: str) -> tuple[int, str, str]:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("--changed-since needs git, which is not installed") from None
    return proc.returncode, proc.stdout.decode("utf-8", "surrogateescape"), proc.stderr.decode("utf-8", "replace")


def _ok(result: tuple[int, str, str], what: str) -> str:
    code, out, err = result
    if code != 0:
        lines = err.strip().splitlines()
        raise UsageError(f"--changed-since: git {what}: {lines[-1] if lines else 'failed'}")
    return out


def changed_files(rev: str, cwd: str | None = None) -> set[str]:
    """Real paths of the files that differ from *rev* in the work tree, plus untracked ones.

    Deleted files are left out. Raises :class:`UsageError` outside a repository or for an
    unknown revision.
    """
    here = os.path.abspath(cwd or os.getcwd())
    code, out, err = _git(["rev-parse", "--show-toplevel", "--verify", "--end-of-options", f"{rev}^{{commit}}"], here)
    if code != 0:
        if "not a git repository" in err:
            raise UsageError(f"--changed-since: {here} is not in a git repository")
        raise UsageError(f"--changed-since: unknown revision {rev!r}")
    top = out.splitlines()[0]
    names = _ok(_git(["diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", rev, "--"], top), "diff").split("\0")
    names += _ok(_git(["ls-files", "--others", "--exclude-standard", "-z"], top), "ls-files").split("\0")
    return {os.path.realpath(os.path.join(top, n)) for n in names if n}
