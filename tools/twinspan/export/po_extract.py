"""``po extract``: write ``<out>/<locale>/<name>.po`` for every article, without losing translator work.

An existing catalog is only replaced when it holds nothing that ``po apply`` has not written
yet: a ``msgstr`` edited since the extract or the last apply (the catalog's own digest tells),
or an approval (``fuzzy`` cleared) not yet recorded. Otherwise extract refuses that catalog and
says which entry; ``--force`` overwrites.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import polib

from ..errors import ReadError
from ..io import atomic_write, iter_markdown, load
from ..parser import locale_from_path
from ..pipeline import map_files
from .paths import check_unique, key_of
from .po import H_TRANSLATION_DIGEST, Units, build_catalog, catalog_bytes, digest, units_of
from .state import LocaleState


@dataclass(frozen=True)
class Extracted:
    path: str
    target: str | None = None  # the catalog, relative to the output folder
    data: bytes | None = None
    entries: int = 0
    warnings: tuple[str, ...] = ()
    error: str | None = None


@dataclass
class ExtractReport:
    articles: int = 0
    entries: int = 0
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    empty: int = 0  # articles with no segment to translate
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def extract_one(path: str, out_dir: Path, force: bool = False) -> Extracted:
    """The catalog of the article at *path* (bytes, not yet written), or why there is none."""
    try:
        article = load(path)
    except ReadError as exc:  # one unreadable file (too big, unreadable) does not stop the others
        return Extracted(path, error=str(exc))
    units = units_of(article)
    warnings = tuple(f"{path}:{seg.line}:{seg.column}: segment {seg.id} {why}: it has no PO entry" for seg, why in units.skipped)
    if not units.units:
        return Extracted(path, warnings=warnings)
    if article.locale is None and locale_from_path(path) is None:
        return Extracted(path, warnings=warnings, error=f"{path}: no ms.contentlocale and no <locale>/ folder: cannot name its catalog")
    key = key_of(article)
    target = out_dir / key.file(".po")
    state = LocaleState.load(out_dir / key.locale)
    data = catalog_bytes(build_catalog(article, key, units, state))
    if target.is_file() and not force and target.read_bytes() != data:  # an unchanged catalog holds nothing new
        problem = pending_work(target, key.name, units, state, (article.translation_type or "").upper() == "MT")
        if problem:
            return Extracted(path, str(key.file(".po")), warnings=warnings, error=f"{target}: {problem}")
    return Extracted(path, str(key.file(".po")), data, len(units.units), warnings)


def pending_work(catalog: Path, name: str, units: Units, state: LocaleState, machine: bool) -> str | None:
    """Why overwriting *catalog* would lose work, or None."""
    try:
        po = polib.pofile(str(catalog))
    except (OSError, ValueError) as exc:
        return f"cannot read the existing catalog ({exc}); fix it, or pass --force to replace it"
    by_context = units.by_context()
    live = [e for e in po if not e.obsolete and e.msgctxt]
    # A catalog whose msgstr are exactly what was extracted, or what the last apply wrote, holds
    # no edit of its own: where it differs from the article, the article changed since.
    synced = digest([(e.msgctxt, e.msgstr) for e in live]) in (po.metadata.get(H_TRANSLATION_DIGEST), state.article(name).applied)
    edits: list[polib.POEntry] = []
    approvals: list[polib.POEntry] = []
    for entry in live:
        unit = by_context.get(entry.msgctxt)
        if unit is None or not entry.msgstr:
            continue
        if entry.msgstr != unit.translation and not synced:
            edits.append(entry)
        elif machine and not entry.fuzzy and not state.is_approved(name, unit.context, unit.source, entry.msgstr):
            approvals.append(entry)
    if not edits and not approvals:
        return None
    first = (edits or approvals)[0]
    what = []
    if edits:
        what.append(f"{len(edits)} msgstr differing from the article")
    if approvals:
        what.append(f"{len(approvals)} approvals (fuzzy cleared) not yet recorded")
    return (
        f"holds {' and '.join(what)} (first: line {first.linenum}, msgctxt {first.msgctxt}); "
        "run `twinspan po apply` first, or pass --force to replace the catalog from the article"
    )


def extract_paths(paths: list[str], out_dir: Path, force: bool = False, jobs: int | None = None) -> ExtractReport:
    """Extract the catalogs of every article under *paths* into *out_dir* (unchanged files are not rewritten)."""
    files = [str(p) for p in iter_markdown(paths)]
    results = list(map_files(functools.partial(extract_one, out_dir=out_dir, force=force), files, jobs))
    check_unique([(r.target, r.path) for r in results if r.target is not None])
    report = ExtractReport(articles=len(results))
    for r in results:
        report.warnings.extend(r.warnings)
        if r.error:
            report.errors.append(r.error)
        if r.target is None:
            report.empty += r.error is None
            continue
        if r.data is None:
            continue
        report.entries += r.entries
        target = out_dir / r.target
        if target.is_file() and target.read_bytes() == r.data:
            report.unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, r.data)
        report.written.append(target)
    return report
