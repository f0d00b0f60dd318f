"""Writing exports: deterministic JSON bytes, one file per article plus ``index.json``."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ReadError
from ..io import atomic_write, iter_markdown, load
from ..pipeline import map_files
from ..source import displayable
from .howto import SideName, howto_jsonld
from .paths import check_unique, key_of
from .steps import STEPS_VERSION, index_entry, steps_document

FORMATS = ("json", "howto")


def dumps(doc: Any) -> bytes:
    """Deterministic JSON: keys sorted, lists in document order, UTF-8 unescaped, 2-space indent, newline at end.

    Undecodable input bytes (kept in the model as surrogate escapes) become U+FFFD: an export
    is derived data, and the parse diagnostics report those bytes.
    """
    text = json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=2, allow_nan=False) + "\n"
    return displayable(text).encode("utf-8")


@dataclass(frozen=True)
class Exported:
    index: dict[str, Any]  # the article's line in index.json
    files: dict[str, bytes]  # path below the output folder → bytes
    error: str | None = None  # why the article could not be read (then nothing else is set)


def export_article(path: str, fmt: str = "json") -> Exported:
    """The files of one article in *fmt* (``json``: steps document; ``howto``: JSON-LD per language)."""
    try:
        article = load(path)
    except ReadError as exc:  # one unreadable file (too big, unreadable) does not stop the others
        return Exported({}, {}, str(exc))
    key = key_of(article)
    files: dict[str, bytes] = {}
    if fmt == "json":
        files[str(key.file(".json"))] = dumps(steps_document(article))
    elif fmt == "howto":
        sides: tuple[tuple[SideName, str], ...] = (("translation", article.locale or "und"), ("source", article.source_locale))
        for side, locale in sides:
            howto = howto_jsonld(article, side)
            if howto is not None:  # not a procedure on that side: no HowTo rather than an empty one
                files[str(key.file(f".{locale}.jsonld"))] = dumps(howto)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return Exported(index_entry(article, key, sorted(files)), files)


@dataclass(frozen=True)
class ExportResult:
    articles: int
    written: list[Path]
    unchanged: int
    errors: list[str] = field(default_factory=list)  # files that could not be read; the others were exported


def export_paths(paths: list[str], out_dir: Path, fmt: str = "json", jobs: int | None = None) -> ExportResult:
    """Export every article under *paths* into *out_dir*; files whose bytes are unchanged are not rewritten."""
    files = [str(p) for p in iter_markdown(paths)]
    done = list(zip(map_files(functools.partial(export_article, fmt=fmt), files, jobs), files, strict=True))
    errors = [r.error for r, _ in done if r.error is not None]
    results = [r for r, _ in done if r.error is None]
    check_unique([(r.index["path"], f) for r, f in done if r.error is None])
    results.sort(key=lambda r: str(r.index["path"]))
    index = {"version": STEPS_VERSION, "format": fmt, "articles": [r.index for r in results]}
    outputs: dict[str, bytes] = {name: data for r in results for name, data in r.files.items()}
    outputs["index.json"] = dumps(index)
    written: list[Path] = []
    for name, data in sorted(outputs.items()):
        target = out_dir / name
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, data)
        written.append(target)
    return ExportResult(len(results), written, len(outputs) - len(written), errors)
