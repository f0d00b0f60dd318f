"""``twinspan po extract|apply|stats``: segments as PO catalogs, and translators' edits back into the articles."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

# The catalog modules (polib, Babel) load when a po command runs, not for every twinspan command.


def register(sub: Any) -> None:
    p = sub.add_parser("po", help="PO catalogs: extract, apply, stats", description=__doc__)
    cmds = p.add_subparsers(dest="po_command", metavar="COMMAND", required=True)

    e = cmds.add_parser(
        "extract",
        help="write <OUT>/<locale>/<article>.po for every article",
        description="One PO entry per segment: msgctxt = segment id, msgid = English, msgstr = translation. "
        "Entries of MT articles are fuzzy until approved. A catalog holding edits not yet applied is not overwritten.",
    )
    e.add_argument("paths", nargs="+", metavar="PATH", help="articles: files or folders (searched recursively for .md)")
    e.add_argument("-o", "--output", required=True, type=Path, metavar="OUT", help="the translations folder, e.g. translations/")
    e.add_argument("--force", action="store_true", help="replace catalogs even when they hold edits not yet applied")
    e.add_argument("--jobs", type=int, default=None, metavar="N", help="worker processes (default: one per core)")
    e.set_defaults(func=run_extract)

    a = cmds.add_parser(
        "apply",
        help="write edited msgstr back into the articles",
        description="Write each catalog's edited msgstr into the translation spans of <content>/<locale>/<article>.md, "
        "changing no other byte, and record approvals (fuzzy cleared). A catalog with any problem changes nothing. "
        "Exit 0, 1 on problems (or, with --check, when anything would change), 2 on usage/I/O errors.",
    )
    a.add_argument("paths", nargs="+", type=Path, metavar="TRANSLATIONS", help="catalogs, or folders of them (e.g. translations/)")
    a.add_argument("--content", type=Path, default=Path("content"), help="the folder of <locale>/<article>.md (default: content)")
    a.add_argument("--check", action="store_true", help="write nothing: print a unified diff, exit 1 if anything would change")
    a.add_argument("--force", action="store_true", help="apply even when the article's translations changed since the catalog was made")
    a.set_defaults(func=run_apply)

    s = cmds.add_parser("stats", help="translated / fuzzy / untranslated per locale", description="Counts as msgfmt --statistics.")
    s.add_argument("paths", nargs="*", type=Path, default=[Path("translations")], metavar="TRANSLATIONS")
    s.add_argument("--format", choices=["text", "json"], default="text")
    s.set_defaults(func=run_stats)


def run_extract(args: argparse.Namespace) -> int:
    from ..export.po_extract import extract_paths

    report = extract_paths(args.paths, args.output, force=args.force, jobs=args.jobs)
    for line in report.warnings:
        print(f"warning: {line}", file=sys.stderr)
    for line in report.errors:
        print(f"error: {line}", file=sys.stderr)
    print(
        f"{report.articles} articles, {report.entries} entries: {len(report.written)} catalogs written, {report.unchanged} unchanged, "
        f"{report.empty} without segments, {len(report.errors)} refused",
        file=sys.stderr,
    )
    return 1 if report.errors else 0


def run_apply(args: argparse.Namespace) -> int:
    from ..export.po_apply import apply_catalogs

    def waiting(lock: Path) -> None:
        print(f"waiting for another `po apply` to finish (lock {lock})", file=sys.stderr)

    report = apply_catalogs(args.paths, args.content, check=args.check, force=args.force, on_wait=waiting)
    for diff in report.diffs:
        sys.stdout.write(diff)
    for problem in report.problems:
        print(f"error: {problem}", file=sys.stderr)
    verb = "would change" if args.check else "changed"
    failed = len({p.file for p in report.problems})
    print(
        f"{report.catalogs} catalogs: {report.edits} edits, {len(report.changed)} articles {verb}, "
        f"{len(report.approvals)} state files {verb}, {failed} catalogs refused",
        file=sys.stderr,
    )
    if report.problems:
        return 1
    return 1 if args.check and (report.changed or report.approvals) else 0


def run_stats(args: argparse.Namespace) -> int:
    from ..export.po_apply import find_catalogs
    from ..export.po_stats import Counts, locale_counts

    counts = locale_counts(find_catalogs(args.paths))
    total = Counts()
    for c in counts.values():
        total.add(c)
    if args.format == "json":
        doc = {"locales": {k: c.as_dict() for k, c in counts.items()}, "total": total.as_dict()}
        sys.stdout.write(json.dumps(doc, indent=2, sort_keys=True) + "\n")
        return 0
    rows = [(k, c) for k, c in counts.items()] + [("total", total)]
    print(f"{'locale':<8} {'catalogs':>8} {'translated':>10} {'fuzzy':>7} {'untranslated':>12} {'done':>6}")
    for name, c in rows:
        done = f"{100 * c.translated / c.total:.0f}%" if c.total else "-"
        print(f"{name:<8} {c.catalogs:>8} {c.translated:>10} {c.fuzzy:>7} {c.untranslated:>12} {done:>6}")
    return 0
