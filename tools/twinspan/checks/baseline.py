"""Baselines: adopt the gate on a legacy corpus, failing only on new findings.

A baseline lists the findings of a run by (path, code, segment, message) with a count,
never by line, so an edit above a known finding does not make it new. Paths are stored
relative to the baseline file's folder, so the file works in any checkout.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ..errors import UsageError
from .finding import Finding

_VERSION = 1
Key = tuple[str, str, str, str]


def _rel(path: str, base: Path) -> str:
    return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()


def key(f: Finding, base: Path) -> Key:
    return (_rel(f.path, base), f.code, f.segment or "", f.message)


def dumps(path: str | os.PathLike[str], findings: Iterable[Finding]) -> tuple[bytes, int]:
    """The baseline file for *findings*, to be written at *path*, and how many findings it holds."""
    base = Path(path).resolve().parent
    counts = Counter(key(f, base) for f in findings)
    entries = [{"path": p, "code": c, "segment": s or None, "message": m, "count": n} for (p, c, s, m), n in sorted(counts.items())]
    data = {"version": _VERSION, "tool": "twinspan check", "findings": entries}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode(), sum(counts.values())


def load(path: str | os.PathLike[str]) -> tuple[Counter[Key], Path]:
    """The findings a baseline accepts, and the folder its paths are relative to."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError("baseline file not found (create it with --write-baseline)", str(path)) from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise UsageError(f"cannot read the baseline: {exc}", str(path)) from None
    if not isinstance(data, dict) or data.get("version") != _VERSION or not isinstance(data.get("findings"), list):
        raise UsageError("not a twinspan baseline (version 1)", str(path))
    counts: Counter[Key] = Counter()
    try:
        for e in data["findings"]:
            counts[(e["path"], e["code"], e.get("segment") or "", e["message"])] += int(e.get("count", 1))
    except (KeyError, TypeError, ValueError):
        raise UsageError("malformed entry in the baseline", str(path)) from None
    return counts, p.resolve().parent


def new_findings(findings: Iterable[Finding], accepted: Counter[Key], base: Path) -> tuple[list[Finding], int]:
    """The findings the baseline does not account for, and how many it did."""
    left = Counter(accepted)
    new: list[Finding] = []
    known = 0
    for f in findings:
        k = key(f, base)
        if left[k] > 0:
            left[k] -= 1
            known += 1
        else:
            new.append(f)
    return new, known
