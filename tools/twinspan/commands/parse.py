"""``twinspan parse``: show the model of articles, as text or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any

from ..errors import ReadError
from ..io import iter_markdown, load
from ..model import Article
from ..serialize import MODEL_VERSION, article_dict


def register(sub: Any) -> None:
    p = sub.add_parser("parse", help="parse articles and print their model", description=__doc__)
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively for .md)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Exit 0, or 2 when a file could not be read (reported on stderr; the others are still shown)."""
    files = list(iter_markdown(args.paths))
    out = sys.stdout
    errors: list[ReadError] = []

    def articles() -> Iterator[Article]:
        for f in files:
            try:
                yield load(f)
            except ReadError as exc:
                errors.append(exc)
                print(f"twinspan: {exc}", file=sys.stderr)

    if args.format == "json":
        json.dump({"version": MODEL_VERSION, "articles": [article_dict(a) for a in articles()]}, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for a in articles():
            out.write(render_text(a))
    return 2 if errors else 0


def _pair(article: Article, indexes: tuple[int, ...]) -> str:
    segs = article.segments_at(indexes)
    tr = " ".join(s.translation.plain.strip() for s in segs if s.translation)
    src = " ".join(s.source.plain.strip() for s in segs if s.source)
    ids = ",".join(s.id for s in segs)
    return f"[{ids}] {tr} | {src}"


def render_text(article: Article) -> str:
    lines: list[str] = []
    steps = sum(len(p.steps) for p in article.procedures)
    lines.append(
        f"{article.path}: {article.locale or '?'} {article.translation_type or ''} · {len(article.segments)} segments · "
        f"{len(article.procedures)} procedures · {steps} steps · {len(article.diagnostics)} diagnostics"
    )
    tr, src = article.title
    lines.append(f"  title: {tr} | {src}")
    for k, proc in enumerate(article.procedures, 1):
        head = _pair(article, proc.title_segments) if proc.title_segments else "(untitled)"
        lines.append(f"  procedure {k} (line {proc.line}): {head}")
        for step in proc.steps:
            lines.append(f"    {step.marker}. {_pair(article, step.segments)}")
            for sub in step.substeps:
                label = (
                    f"{sub.label.translation}/{sub.label.source}" if sub.label.translation != sub.label.source else f"{sub.label.source}"
                )
                lines.append(f"       {label} {_pair(article, sub.segments)}")
            for note in step.notes:
                lines.append(f"       [{note.note}] {_pair(article, note.segments)}")
    for d in article.diagnostics:
        lines.append(f"{article.path}:{d.line}:{d.column}: {d.code} {d.message}")
    return "\n".join(lines) + "\n"
