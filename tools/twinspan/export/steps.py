"""Troubleshooting steps as a JSON document, for tools that consume them as data.

:func:`steps_document` reads the model only (procedures → steps → sub-steps, notes, the
inline facts of each side) and reuses :mod:`twinspan.serialize` for segments, links and
diagnostics. The document's shape is ``schema.json`` beside this module (``twinspan schema``).
"""

from __future__ import annotations

from typing import Any

from ..model import Article, Block, BlockKind, Procedure, Step, SubStep
from ..serialize import bitext, diagnostic_dict, inline_facts, jsonable, segment_dict
from .paths import ArticleKey, key_of

#: The version of the exported documents; ``schema.json`` declares the same number.
STEPS_VERSION = 1


def steps_document(article: Article) -> dict[str, Any]:
    """The steps JSON document of *article* (see ``schema.json``).

    Stable: the same article gives an equal document. ``path``/``slug`` are ``None`` for an
    article parsed from text without a path.
    """
    key = key_of(article) if article.path is not None else None
    procedures = [_procedure(article, p, proc) for p, proc in enumerate(article.procedures, 1)]
    description = description_block(article)
    return {
        "version": STEPS_VERSION,
        "path": str(key.file(".md")) if key else None,
        "slug": key.slug if key else None,
        "locale": article.locale,
        "source_locale": article.source_locale,
        "translation_type": article.translation_type,
        "front_matter": jsonable(article.front_matter) if article.front_matter is not None else None,
        "title": {**bitext(article, article.title_segments), "segments": _refs(article, article.title_segments)},
        "description": {**bitext(article, description.segments), "segments": _refs(article, description.segments)}
        if description is not None
        else None,
        "procedures": procedures,
        "error_codes": article_error_codes(article),
        "counts": counts(article),
        "diagnostics": [diagnostic_dict(d) for d in article.diagnostics],
    }


def index_entry(article: Article, key: ArticleKey, files: list[str]) -> dict[str, Any]:
    """One article's line in ``index.json``: where it is, what it is about, and the files written for it."""
    translation, source = article.title
    return {
        "path": str(key.file(".md")),
        "slug": key.slug,
        "locale": article.locale,
        "translation_type": article.translation_type,
        "title": {"translation": translation, "source": source},
        "counts": counts(article),
        "error_codes": article_error_codes(article),
        "files": files,
    }


def article_error_codes(article: Article) -> list[str]:
    """Error codes of the English source, in order of first appearance."""
    codes: list[str] = []
    for seg in article.segments:
        if seg.source is not None:
            codes.extend(c for c in seg.source.inline.error_codes if c not in codes)
    return codes


def counts(article: Article) -> dict[str, int]:
    steps = [step for _, step in article.iter_steps()]
    return {
        "segments": len(article.segments),
        "procedures": len(article.procedures),
        "steps": len(steps),
        "substeps": sum(len(s.substeps) for s in steps),
        "notes": sum(len(s.notes) for s in steps),
        "diagnostics": len(article.diagnostics),
    }


def _refs(article: Article, indexes: tuple[int, ...]) -> list[dict[str, Any]]:
    """The segments with their ids and positions on both sides."""
    return [segment_dict(article.segments[i]) for i in indexes]


def description_block(article: Article) -> Block | None:
    """The first top-level paragraph after the title and before the first procedure."""
    first_step = min((p.line for p in article.procedures), default=None)
    title = set(article.title_segments)
    for block in article.blocks:
        if first_step is not None and block.line >= first_step:
            return None
        if block.kind is BlockKind.PARAGRAPH and block.depth == 0 and block.segments and not title.intersection(block.segments):
            return block
    return None


def _procedure(article: Article, number: int, proc: Procedure) -> dict[str, Any]:
    return {
        "number": number,
        "title": bitext(article, proc.title_segments) if proc.title_segments else None,
        "title_segments": _refs(article, proc.title_segments),
        "marker": proc.marker_kind,
        "line": proc.line,
        "steps": [_step(article, step) for step in proc.steps],
    }


def _step(article: Article, step: Step) -> dict[str, Any]:
    return {
        "number": step.number,
        "marker": step.marker,
        "line": step.line,
        "text": bitext(article, step.segments),
        "segments": _refs(article, step.segments),
        **inline_facts(article, step.segments),
        "substeps": [_substep(article, k, sub) for k, sub in enumerate(step.substeps, 1)],
        "notes": [_note(article, note) for note in step.notes],
    }


def _substep(article: Article, position: int, sub: SubStep) -> dict[str, Any]:
    label = sub.label
    return {
        "position": position,
        "label": {
            "translation": label.translation,
            "source": label.source,
            "letter": {"translation": label.translation_letter, "source": label.source_letter},
            "segment": segment_dict(article.segments[label.segment]) if label.segment is not None else None,
        },
        "kind": sub.kind,
        "ordered": sub.ordered,
        "line": sub.line,
        "text": bitext(article, sub.segments),
        "segments": _refs(article, sub.segments),
        **inline_facts(article, sub.segments),
    }


def _note(article: Article, note: Block) -> dict[str, Any]:
    return {
        "kind": note.note or "NOTE",
        "line": note.line,
        "text": bitext(article, note.segments),
        "segments": _refs(article, note.segments),
        **inline_facts(article, note.segments),
    }
