"""Safe fixes (``--fix``, ``--diff``): whitespace and sub-step relabelling, nothing else.

Fixes are edits of translation text only, applied with ``Article.with_translations`` so
that no other byte of the file changes. Each pass applies at most one edit per segment,
then the file is checked again (one fix can make or unmake another), until nothing is
left to fix. Writes are atomic.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass

from ..io import atomic_write, read_bytes
from ..parser import parse
from ..source import decode
from .config import Config
from .engine import check_article
from .finding import Finding
from .registry import all_rules

_MAX_PASSES = 8


@dataclass(frozen=True, slots=True)
class FileFix:
    path: str
    before: bytes
    after: bytes
    applied: tuple[Finding, ...]

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self) -> str:
        """A unified diff of the change (empty when there is none)."""
        if not self.changed:
            return ""
        a = decode(self.before).text.splitlines(keepends=True)
        b = decode(self.after).text.splitlines(keepends=True)
        lines = difflib.unified_diff(a, b, f"a/{self.path}", f"b/{self.path}")
        return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


def fixable_codes(codes: frozenset[str]) -> frozenset[str]:
    return frozenset(c for c, r in all_rules().items() if r.fixable and c in codes)


def fix_file(path: str, config: Config, codes: frozenset[str]) -> FileFix:
    """Apply every safe fix of the enabled rules to one file, in memory."""
    before = read_bytes(path)
    article = parse(before, path=path)
    fixable = fixable_codes(codes)
    applied: list[Finding] = []
    for _ in range(_MAX_PASSES):
        edits: dict[str | int, str] = {}
        for f in check_article(article, config, codes=fixable):
            if not f.edits or any(i in edits for i, _ in f.edits):
                continue
            edits.update(dict(f.edits))
            applied.append(f)
        if not edits:
            break
        article = article.with_translations(edits)
    return FileFix(path, before, article.dump_bytes(), tuple(applied))


def write(fix: FileFix) -> None:
    if fix.changed:
        atomic_write(fix.path, fix.after)


def fix_paths(paths: list[str], config: Config, codes: frozenset[str], *, dry_run: bool) -> list[FileFix]:
    """Fix the files (or, with *dry_run*, only compute the fixes). Files are taken in order."""
    out = []
    for p in paths:
        fix = fix_file(os.fspath(p), config, codes)
        if not dry_run:
            write(fix)
        out.append(fix)
    return out
