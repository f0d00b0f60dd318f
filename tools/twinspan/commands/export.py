"""``twinspan export json`` (steps as JSON, or schema.org HowTo JSON-LD) and ``twinspan schema``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..export import schema_text
from ..export.jsonfiles import FORMATS, export_paths


def register(sub: Any) -> None:
    p = sub.add_parser("export", help="export articles as data", description="Export articles as data.")
    kinds = p.add_subparsers(dest="kind", metavar="KIND", required=True)
    j = kinds.add_parser(
        "json",
        help="steps as JSON (one file per article plus index.json)",
        description="One JSON file per article (<DIR>/<locale>/<name>.json, shape: `twinspan schema`) plus index.json. "
        "--format howto writes schema.org HowTo JSON-LD instead: <name>.<locale>.jsonld and <name>.en-US.jsonld "
        "(for each side on which the article is a procedure).",
    )
    j.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively for .md)")
    j.add_argument("-o", "--output", required=True, type=Path, metavar="DIR", help="output folder (created when missing)")
    j.add_argument("--format", choices=FORMATS, default="json", help="json: steps documents (default); howto: schema.org JSON-LD")
    j.add_argument("--jobs", type=int, default=None, metavar="N", help="worker processes (default: one per core)")
    j.set_defaults(func=run_json)
    s = sub.add_parser(
        "schema", help="print the JSON Schema of the steps export", description="Print the JSON Schema (2020-12) of `export json`."
    )
    s.set_defaults(func=run_schema)


def run_json(args: argparse.Namespace) -> int:
    result = export_paths(args.paths, args.output, args.format, args.jobs)
    for line in result.errors:
        print(f"error: {line}", file=sys.stderr)
    print(
        f"{result.articles} articles exported to {args.output} ({args.format}): {len(result.written)} files written, {result.unchanged} unchanged",
        file=sys.stderr,
    )
    return 2 if result.errors else 0


def run_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text())
    return 0
