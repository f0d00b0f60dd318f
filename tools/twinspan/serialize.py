"""The model as plain JSON-ready data (``twinspan parse --format json``)."""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Iterable
from typing import Any

from .model import Article, Block, Diagnostic, Procedure, Segment, Side, Step, SubStep

MODEL_VERSION = 1


def jsonable(value: Any) -> Any:
    """Front matter values as JSON: dates become ISO strings, keys strings."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):  # YAML .nan/.inf: not JSON numbers
        return str(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def side_dict(side: Side | None) -> dict[str, Any] | None:
    if side is None:
        return None
    inline = side.inline
    return {
        "text": side.text,
        "plain": inline.plain,
        "line": side.element.line,
        "column": side.element.column,
        "byte_start": side.element.byte_start,
        "byte_end": side.element.byte_end,
        "content_byte_start": side.content.byte_start,
        "content_byte_end": side.content.byte_end,
    }


def segment_dict(seg: Segment) -> dict[str, Any]:
    return {"id": seg.id, "index": seg.index, "translation": side_dict(seg.translation), "source": side_dict(seg.source)}


def _texts(article: Article, indexes: Iterable[int]) -> dict[str, str]:
    segs = article.segments_at(tuple(indexes))
    return {
        "translation": " ".join(s.translation.plain.strip() for s in segs if s.translation).strip(),
        "source": " ".join(s.source.plain.strip() for s in segs if s.source).strip(),
    }


def _inline_facts(article: Article, indexes: Iterable[int]) -> dict[str, Any]:
    links: list[dict[str, Any]] = []
    ui: dict[str, list[str]] = {"translation": [], "source": []}
    codes: list[str] = []
    for seg in article.segments_at(tuple(indexes)):
        src_links = seg.source.inline.links if seg.source else ()
        tr_links = seg.translation.inline.links if seg.translation else ()
        for k in range(max(len(src_links), len(tr_links))):
            s = src_links[k] if k < len(src_links) else None
            t = tr_links[k] if k < len(tr_links) else None
            main = s if s is not None else t
            assert main is not None
            links.append(
                {
                    "segment": seg.id,
                    "url": main.url,
                    "translation_url": t.url if t else None,
                    "text": {"translation": t.text if t else None, "source": s.text if s else None},
                    "title": (s.title if s else None) or (t.title if t else None),
                    "image": main.image,
                }
            )
        if seg.translation:
            ui["translation"].extend(seg.translation.inline.strong)
        if seg.source:
            ui["source"].extend(seg.source.inline.strong)
            codes.extend(c for c in seg.source.inline.error_codes if c not in codes)
    return {"links": links, "ui_labels": ui, "error_codes": codes}


def block_dict(article: Article, block: Block) -> dict[str, Any]:
    d: dict[str, Any] = {"kind": block.kind.value, "line": block.line, "segments": [article.segments[i].id for i in block.segments]}
    if block.note:
        d["note"] = block.note
        d["text"] = _texts(article, block.segments)
    if block.info is not None:
        d["info"] = block.info
    if block.text:
        d["markdown"] = block.text
    return d


def substep_dict(article: Article, sub: SubStep) -> dict[str, Any]:
    return {
        "label": {"translation": sub.label.translation, "source": sub.label.source},
        "kind": sub.kind,
        "ordered": sub.ordered,
        "line": sub.line,
        "segments": [article.segments[i].id for i in sub.segments],
        "text": _texts(article, sub.segments),
        **_inline_facts(article, sub.segments),
    }


def step_dict(article: Article, step: Step) -> dict[str, Any]:
    return {
        "number": step.number,
        "marker": step.marker,
        "line": step.line,
        "segments": [article.segments[i].id for i in step.segments],
        "text": _texts(article, step.segments),
        **_inline_facts(article, step.segments),
        "substeps": [substep_dict(article, s) for s in step.substeps],
        "notes": [block_dict(article, n) for n in step.notes],
    }


def procedure_dict(article: Article, proc: Procedure) -> dict[str, Any]:
    return {
        "title": _texts(article, proc.title_segments) if proc.title_segments else None,
        "marker": proc.marker_kind,
        "line": proc.line,
        "steps": [step_dict(article, s) for s in proc.steps],
    }


def diagnostic_dict(d: Diagnostic) -> dict[str, Any]:
    from .diagnostics import PARSE_CODES

    info = PARSE_CODES.get(d.code)
    return {
        "code": d.code,
        "name": info.name if info else None,
        "category": info.category if info else None,
        "severity": info.severity if info else None,
        "message": d.message,
        "line": d.line,
        "column": d.column,
        "segment": d.segment,
    }


def article_dict(article: Article) -> dict[str, Any]:
    all_codes: list[str] = []
    for seg in article.segments:
        if seg.source:
            all_codes.extend(c for c in seg.source.inline.error_codes if c not in all_codes)
    return {
        "version": MODEL_VERSION,
        "path": article.path,
        "locale": article.locale,
        "source_locale": article.source_locale,
        "translation_type": article.translation_type,
        "front_matter": jsonable(article.front_matter) if article.front_matter is not None else None,
        "title": {"translation": article.title[0], "source": article.title[1]},
        "segments": [segment_dict(s) for s in article.segments],
        "procedures": [procedure_dict(article, p) for p in article.procedures],
        "blocks": [block_dict(article, b) for b in article.blocks],
        "error_codes": all_codes,
        "diagnostics": [diagnostic_dict(d) for d in article.diagnostics],
    }


def bitext(article: Article, indexes: Iterable[int]) -> dict[str, dict[str, str]]:
    """Text of some segments on both sides: ``plain`` (what a reader sees) and ``markdown`` (inline markup as written)."""
    indexes = tuple(indexes)
    segs = article.segments_at(indexes)
    plain = _texts(article, indexes)
    out: dict[str, dict[str, str]] = {}
    for name in ("translation", "source"):
        sides = [side for side in (s.translation if name == "translation" else s.source for s in segs) if side is not None]
        out[name] = {"plain": plain[name], "markdown": " ".join(side.text.strip() for side in sides).strip()}
    return out


def inline_facts(article: Article, indexes: Iterable[int]) -> dict[str, Any]:
    """Links (text per side, URL, title), UI labels (bold runs per side) and error codes of some segments."""
    return _inline_facts(article, indexes)
