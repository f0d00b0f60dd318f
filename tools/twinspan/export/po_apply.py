"""``po apply``: write the edited ``msgstr`` of PO catalogs back into the articles' translation spans.

Per catalog (``translations/<locale>/<name>.po`` → ``<content>/<locale>/<name>.md``) the whole
catalog is checked first; any problem (an unknown article or segment id, a changed ``msgid``,
a catalog made from an older version of the article, a duplicate entry, an edit that would
break the article's markup) is reported with file, line and entry, and nothing is written for
that article. Otherwise only the bytes inside the edited translation spans change
(``Article.with_translations``), the write is atomic, and approvals go to the state file.
"""

from __future__ import annotations

import difflib
import fcntl
import functools
import os
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import polib

from ..errors import ReadError
from ..io import atomic_write, inside, load
from ..model import Article
from ..parser import locale_from_path
from ..pipeline import map_files
from .paths import ArticleKey, article_key, locale_folder
from .po import H_SOURCE_DIGEST, H_TRANSLATION_DIGEST, Units, source_digest, translation_digest, units_of
from .state import ArticleState, LocaleState, approval_token


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    context: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.context}: {self.message}" if self.context else f"{where}: {self.message}"


@dataclass
class Plan:
    """What applying one catalog would do. ``new`` is None when the article would not change."""

    catalog: Path
    key: ArticleKey | None = None
    article_path: Path | None = None
    problems: list[Problem] = field(default_factory=list)
    old: bytes = b""
    new: bytes | None = None
    edits: int = 0
    state: ArticleState | None = None  # the article's state after applying (None: leave as is)

    def problem(self, line: int | None, context: str | None, message: str) -> None:
        self.problems.append(Problem(str(self.catalog), line, context, message))

    def diff(self) -> str:
        """The change to the article as a unified diff (empty when none)."""
        if self.new is None or self.article_path is None:
            return ""
        return unified_diff(self.old, self.new, str(self.article_path))


def unified_diff(old: bytes, new: bytes, name: str) -> str:
    a = old.decode("utf-8", "replace").splitlines(keepends=True)
    b = new.decode("utf-8", "replace").splitlines(keepends=True)
    lines = difflib.unified_diff(a, b, fromfile=f"a/{name}", tofile=f"b/{name}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def plan_catalog(catalog: Path, content: Path, state: LocaleState, force: bool = False) -> Plan:
    """Check one catalog against its article and work out the new article bytes; writes nothing."""
    plan = Plan(catalog)
    if locale_from_path(catalog) is None:
        plan.problem(None, None, "not under a <locale>/ folder: cannot tell which article it translates")
        return plan
    plan.key = key = article_key(catalog)
    plan.article_path = article_path = content / key.file(".md")
    if not article_path.is_file():
        plan.problem(None, None, f"unknown article: there is no {article_path} for this catalog")
        return plan
    if not inside(article_path, content):
        plan.problem(None, None, f"{article_path} is a symlink to {article_path.resolve()}, outside {content}: not written through")
        return plan
    try:
        po = polib.pofile(str(catalog))
    except (OSError, ValueError) as exc:
        plan.problem(None, None, f"not a readable PO file: {exc}")
        return plan
    try:
        article = load(article_path)
    except ReadError as exc:
        plan.problem(None, None, exc.message)
        return plan
    plan.old = article.dump_bytes()
    units = units_of(article)
    edits, entries = _check_entries(plan, po, units)
    if plan.problems:
        return plan
    current = translation_digest(units)
    recorded = po.metadata.get(H_TRANSLATION_DIGEST)
    if edits and recorded and not force and current not in (recorded, state.article(key.name).applied):
        plan.problem(
            None,
            None,
            f"the translations in {article_path} changed since this catalog was extracted or last applied, so its "
            "msgstr may undo those changes: re-extract (`po extract --force` replaces the catalog), or `po apply --force` "
            "to let the catalog win",
        )
        return plan
    keyed: dict[str | int, str] = dict(edits.items())
    new_article = article.with_translations(keyed) if edits else article
    if edits:
        for index in _breaking_edits(article, new_article, edits):
            entry = entries[index]
            plan.problem(entry.linenum, entry.msgctxt, "this msgstr would break the article's markup or structure (spans, steps)")
        if plan.problems:
            return plan
        plan.new = new_article.dump_bytes()
        plan.edits = len(edits)
    plan.state = _new_state(article, new_article, po, units, state.article(key.name), bool(edits))
    return plan


def _check_entries(plan: Plan, po: polib.POFile, units: Units) -> tuple[dict[int, str], dict[int, polib.POEntry]]:
    """Every entry against the article; the edits (segment index → new translation) when all is well."""
    by_context = units.by_context()
    recorded = po.metadata.get(H_SOURCE_DIGEST)
    older = recorded is not None and recorded != source_digest(units)
    stale = " (the catalog was made from an older version of the article: re-extract it)" if older else ""
    first_line: dict[str, int] = {}
    edits: dict[int, str] = {}
    entries: dict[int, polib.POEntry] = {}
    for entry in po:
        if entry.obsolete:
            continue
        ctx = entry.msgctxt
        if not ctx:
            plan.problem(entry.linenum, None, "entry without msgctxt: the segment id is missing")
            continue
        if ctx in first_line:
            plan.problem(entry.linenum, ctx, f"duplicate entry (first at line {first_line[ctx]})")
            continue
        first_line[ctx] = entry.linenum
        unit = by_context.get(ctx)
        if entry.msgid_plural:
            plan.problem(entry.linenum, ctx, "plural entry: segments have no plural forms")
        elif unit is None:
            plan.problem(entry.linenum, ctx, "unknown segment id: the article has no such segment" + stale)
        elif entry.msgid != unit.source:
            if older:
                plan.problem(entry.linenum, ctx, f"the English source changed since the catalog was made; it is now {unit.source!r}{stale}")
            else:
                plan.problem(entry.linenum, ctx, "msgid was edited: the English source must stay as extracted (edit msgstr only)")
        elif entry.msgstr and entry.msgstr != unit.translation:
            if _line_breaks(entry.msgstr) != _line_breaks(unit.translation):
                plan.problem(entry.linenum, ctx, "msgstr adds or removes a line break, which would change the Markdown structure")
            edits[unit.index] = unit.span_text(entry.msgstr)
            entries[unit.index] = entry
    return edits, entries


def _line_breaks(text: str) -> tuple[int, int]:
    return text.count("\n"), text.count("\r")


def _shape(article: Article) -> tuple[object, ...]:
    """What an edit inside a span must not change: segments, their pairing, structure, diagnostics."""
    return (
        [(s.id, s.is_paired) for s in article.segments],
        [[(len(step.substeps), len(step.notes)) for step in p.steps] for p in article.procedures],
        article.title_segments,
        Counter(d.code for d in article.diagnostics),
    )


def _breaking_edits(old: Article, new: Article, edits: dict[int, str]) -> list[int]:
    """The edits that change the article's shape (none when the whole edit keeps it)."""
    before = _shape(old)
    if _shape(new) == before:
        return []
    bad = [i for i, text in edits.items() if _shape(old.with_translations({i: text})) != before]
    return bad or sorted(edits)  # only their combination breaks it: name them all


def _new_state(old: Article, new: Article, po: polib.POFile, units: Units, before: ArticleState, edited: bool) -> ArticleState:
    """Approvals after this catalog: non-fuzzy translated entries of MT articles are approved, fuzzy ones not."""
    applied = translation_digest(units_of(new)) if edited else before.applied
    if (old.translation_type or "").upper() != "MT":
        return ArticleState(applied, {})
    by_context = units.by_context()
    approved = dict(before.approved)
    for entry in po:
        unit = by_context.get(entry.msgctxt or "")
        if entry.obsolete or unit is None:
            continue
        if entry.fuzzy or not entry.msgstr:
            approved.pop(unit.context, None)
        else:
            approved[unit.context] = approval_token(unit.source, entry.msgstr)
    # approvals of segments that no longer exist, or whose text changed, have lapsed
    new_units = units_of(new).by_context()
    approved = {c: t for c, t in approved.items() if c in new_units and t == approval_token(new_units[c].source, new_units[c].translation)}
    return ArticleState(applied, approved)


#: The lock file in the content folder that serializes `po apply` runs; it is there only while a run holds it.
LOCK_NAME = ".twinspan-apply.lock"


@contextmanager
def apply_lock(content: Path, on_wait: Callable[[Path], None] | None = None) -> Iterator[None]:
    """Hold an exclusive ``fcntl`` lock on ``<content>/.twinspan-apply.lock`` (waits for another run).

    The file is removed when the run ends, so a translator's ``git status`` never shows it. Removing
    a lock file is safe only if a waiter can tell that the file it locked is no longer the one at
    the path: the holder unlinks it *before* it lets go, and whoever gets the lock checks that its
    open file is still the one the path names, and starts again with a new file when it is not.
    """
    path = content / LOCK_NAME
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise ReadError(f"cannot open the lock file ({exc.strerror or exc})", str(path)) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait(path)
                on_wait = None  # say it once, however many times the file is replaced
            fcntl.flock(fd, fcntl.LOCK_EX)
        if _same_file(fd, path):
            break
        os.close(fd)  # the run before us removed it after we opened it: lock the new one
    try:
        yield
    finally:
        with suppress(FileNotFoundError):
            path.unlink()
        os.close(fd)  # releases the lock


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(path)
    except FileNotFoundError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


@dataclass
class ApplyReport:
    catalogs: int = 0
    edits: int = 0
    changed: list[Path] = field(default_factory=list)  # articles written (or that would be, with check)
    approvals: list[Path] = field(default_factory=list)  # state files written (or that would be)
    problems: list[Problem] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)  # with check: what would change


def find_catalogs(paths: list[Path]) -> list[Path]:
    """The ``.po`` files named or found (recursively, sorted) under *paths*, each once."""
    found: dict[Path, Path] = {}
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*.po")):
                found.setdefault(f.resolve(), f)
        elif p.is_file():
            found.setdefault(p.resolve(), p)
        else:
            raise ReadError("no such file or directory", str(p))
    return list(found.values())


def apply_catalogs(
    paths: list[Path],
    content: Path,
    *,
    check: bool = False,
    force: bool = False,
    on_wait: Callable[[Path], None] | None = None,
    jobs: int | None = None,
) -> ApplyReport:
    """Apply every catalog under *paths* to the articles under *content*; with *check*, only report.

    Catalogs are checked in worker processes; the articles and state files are written here,
    under the lock, once all catalogs are planned.
    """
    if not content.is_dir():
        raise ReadError("no such content folder", str(content))
    catalogs = find_catalogs(paths)
    report = ApplyReport(catalogs=len(catalogs))
    if check:
        _apply(catalogs, content, report, check, force, jobs)
    else:
        with apply_lock(content, on_wait):
            _apply(catalogs, content, report, check, force, jobs)
    return report


def plan_path(catalog: str, content: Path, force: bool = False) -> Plan:
    """:func:`plan_catalog` with the state of the catalog's locale read from disk (for worker processes)."""
    folder = locale_folder(Path(catalog))
    state = LocaleState.load(folder) if folder is not None else LocaleState(Path(os.devnull))
    return plan_catalog(Path(catalog), content, state, force)


def _apply(catalogs: list[Path], content: Path, report: ApplyReport, check: bool, force: bool, jobs: int | None) -> None:
    by_article: dict[ArticleKey, list[Path]] = {}
    for catalog in catalogs:
        by_article.setdefault(article_key(catalog), []).append(catalog)
    for key, same in by_article.items():
        if len(same) > 1:  # each would be planned on the same original: the last write would undo the others
            for catalog in same:
                others = ", ".join(str(c) for c in same if c != catalog)
                report.problems.append(Problem(str(catalog), None, None, f"{others} also translates {key}: apply one of them at a time"))
    catalogs = [c for c in catalogs if len(by_article[article_key(c)]) == 1]
    plans = map_files(functools.partial(plan_path, content=content, force=force), [str(c) for c in catalogs], jobs)
    states: dict[Path, LocaleState] = {}
    for plan in plans:
        if plan.problems:
            report.problems.extend(plan.problems)
            continue
        assert plan.key is not None and plan.article_path is not None
        if plan.new is not None:
            report.changed.append(plan.article_path)
            report.edits += plan.edits
            if check:
                report.diffs.append(plan.diff())
            else:
                atomic_write(plan.article_path, plan.new)
        folder = locale_folder(plan.catalog)
        if folder is not None and plan.state is not None:
            if folder not in states:
                states[folder] = LocaleState.load(folder)
            states[folder].articles[plan.key.name] = plan.state
    for state in states.values():
        before, after = state.current_bytes(), state.dumps()
        if before == after or (before is None and after == LocaleState(state.path).dumps()):
            continue
        report.approvals.append(state.path)
        if check:
            report.diffs.append(unified_diff(before or b"", after, str(state.path)))
        else:
            state.save()
