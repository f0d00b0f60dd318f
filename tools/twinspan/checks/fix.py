"""Safe fixes (``--fix``, ``--diff``): whitespace and sub-step relabelling, nothing else.

Fixes are edits of translation text only, applied with ``Article.with_translations`` so
that no other byte of the file changes. Each pass applies at most one edit per segment,
then the file is checked again (one fix can make or unmake another), until nothing is
left to fix. A pass that would change anything but those translations (possible only in
broken span markup) is refused, and the file is left as the last safe pass made it.
Writes are atomic.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass

from ..errors import ReadError
from ..io import atomic_write, read_bytes
from ..model import Article
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
    refused: bool = False  # an edit would have changed more than its translation (broken span markup)

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


def only_translations_changed(before: Article, after: Article, edited: set[int]) -> bool:
    """Whether *after* differs from *before* in the translations of *edited* segments only.

    In broken span markup one span can hold another (a source that contains a translation
    span): an edit there would change more than a translation, so it is not safe.
    """
    if len(before.segments) != len(after.segments):
        return False
    for a, b in zip(before.segments, after.segments, strict=True):
        if a.id != b.id or a.text("source") != b.text("source"):
            return False
        if a.index not in edited and a.text("translation") != b.text("translation"):
            return False
    return True


def fix_article(article: Article, config: Config, codes: frozenset[str]) -> tuple[Article, list[Finding], bool]:
    """The article with every safe fix of the enabled rules applied, the findings fixed, and
    whether a fix was refused (it would have changed more than its translation)."""
    fixable = fixable_codes(codes)
    applied: list[Finding] = []
    for _ in range(_MAX_PASSES):
        edits: dict[str | int, str] = {}
        found: list[Finding] = []
        for f in check_article(article, config, codes=fixable):
            if not f.edits or any(i in edits for i, _ in f.edits):
                continue
            edits.update(dict(f.edits))
            found.append(f)
        if not edits:
            break
        fixed = article.with_translations(edits)
        if not only_translations_changed(article, fixed, {int(i) for i in edits}):
            return article, applied, True
        article = fixed
        applied.extend(found)
    return article, applied, False


def fix_file(path: str, config: Config, codes: frozenset[str]) -> FileFix:
    """Apply every safe fix of the enabled rules to one file, in memory."""
    before = read_bytes(path)
    article, applied, refused = fix_article(parse(before, path=path), config, codes)
    return FileFix(path, before, article.dump_bytes(), tuple(applied), refused)


def write(fix: FileFix) -> None:
    if fix.changed:
        atomic_write(fix.path, fix.after)


def fix_paths(paths: list[str], config: Config, codes: frozenset[str], *, dry_run: bool) -> list[FileFix]:
    """Fix the files (or, with *dry_run*, only compute the fixes), in order. A file that can no
    longer be read is left out (the check reports it)."""
    out = []
    for p in paths:
        try:
            fix = fix_file(os.fspath(p), config, codes)
        except ReadError:
            continue
        if not dry_run:
            write(fix)
        out.append(fix)
    return out
