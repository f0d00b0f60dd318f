"""``twinspan check``: localization QA for CI (the work is in :mod:`twinspan.checks`)."""

from __future__ import annotations

import argparse
from typing import Any

from ..checks.app import Options, run, split_codes
from ..checks.output import FORMATS

EPILOG = """exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or I/O errors.
configuration: [tool.twinspan] in pyproject.toml, or the twinspan plugin block in mkdocs.yml.
`twinspan rules` lists the rules; `twinspan rules CODE` explains one."""


def register(sub: Any) -> None:
    p = sub.add_parser(
        "check",
        help="check articles: pairing, numbering, links, markup, numbers, text, front matter, cross-locale",
        description="Localization QA of bilingual articles, for CI: pairing, numbering, links, markup, numbers, text, "
        "front matter, and drift between locales of the same article.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively for .md)")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    p.add_argument("--fail-on", choices=["error", "warning", "info"], help="lowest severity that fails the run (default: error)")
    p.add_argument(
        "--select", action="append", metavar="CODES", help="rules to run: codes, prefixes (TS7), names or categories; comma-separated"
    )
    p.add_argument("--ignore", action="append", metavar="CODES", help="rules not to run (added to the configuration's)")
    p.add_argument("--baseline", metavar="FILE", help="report only findings that are not in this baseline")
    p.add_argument("--write-baseline", metavar="FILE", help="write the findings of this run as a baseline, and exit 0")
    p.add_argument("--changed-since", metavar="GIT_REV", help="check only files changed since this git revision (and new files)")
    fixing = p.add_mutually_exclusive_group()
    fixing.add_argument("--fix", action="store_true", help="apply safe fixes (whitespace, sub-step relabelling), then report the rest")
    fixing.add_argument("--diff", action="store_true", help="show the safe fixes as a diff, write nothing (exit 1 if there are any)")
    p.add_argument("--config", metavar="FILE", help="read the configuration from this file (pyproject.toml, mkdocs.yml or a TOML file)")
    p.add_argument("--isolated", action="store_true", help="ignore configuration files")
    p.add_argument("--no-cache", dest="cache", action="store_false", help="do not read or write the result cache")
    p.add_argument("--cache-dir", metavar="DIR", help="where the cache lives (default: .twinspan-cache next to the configuration)")
    p.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: the machine's cores)")
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto", help="colour in text output (NO_COLOR is respected)")
    p.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    p.add_argument("--no-progress", dest="progress", action="store_false", default=None, help="no progress bar, even on a terminal")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    if args.jobs is not None and args.jobs < 1:
        args.jobs = 1
    return run(
        Options(
            paths=args.paths,
            format=args.format,
            fail_on=args.fail_on,
            select=split_codes(args.select),
            ignore=split_codes(args.ignore),
            baseline=args.baseline,
            write_baseline=args.write_baseline,
            changed_since=args.changed_since,
            fix=args.fix,
            diff=args.diff,
            config=args.config,
            isolated=args.isolated,
            cache=args.cache,
            cache_dir=args.cache_dir,
            jobs=args.jobs,
            color=args.color,
            output=args.output,
            progress=args.progress,
        )
    )
