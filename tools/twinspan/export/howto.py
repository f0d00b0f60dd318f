"""schema.org ``HowTo`` JSON-LD of an article, in the translation language or in English.

The site embeds it in each page (``<script type="application/ld+json">``); search engines
read the steps from it. Built from the model only, like the steps JSON.
"""

from __future__ import annotations

from typing import Any, Literal

from ..model import Article, Procedure, Step
from .steps import article_error_codes, description_block

SideName = Literal["translation", "source"]

_CONTEXT = "https://schema.org"


def howto_jsonld(article: Article, side: SideName = "translation") -> dict[str, Any] | None:
    """The schema.org ``HowTo`` of *article* on one side, as a JSON-ready dict, or None when the
    article is not a procedure on that side.

    ``side="translation"`` gives the article's own language (``inLanguage`` is its locale),
    ``side="source"`` the English source (``inLanguage`` ``en-US``). Steps are ``HowToStep``
    (``position`` counts from 1 in each list, ``text`` is the step's plain text) whose ``itemListElement`` holds
    the sub-steps (``HowToDirection``) and notes (``HowToTip``). With more than one procedure,
    or a titled one ("Method 1"), each procedure is a ``HowToSection``. Error codes go in
    ``keywords``. A step with no text on that side is left out, and so is a section left with no
    step. There is no HowTo (None) when no step has text on that side, or when the article has no
    title there (no name): schema.org consumers reject a HowTo with an empty name, step list or
    section, and reference pages whose lists hold no segments would give one. Raises ValueError
    for another *side*.

    This signature is stable: the site calls it for every page.
    """
    if side not in ("translation", "source"):
        raise ValueError(f"side must be 'translation' or 'source', not {side!r}")
    title = article.title[0 if side == "translation" else 1].strip()
    procs = article.procedures
    if len(procs) > 1 or any(p.title_segments for p in procs):
        sections = [_section(article, side, proc) for proc in procs]
        steps = [dict(s, position=k) for k, s in enumerate((s for s in sections if s["itemListElement"]), 1)]
    else:
        steps = [s for proc in procs for s in _steps(article, side, proc)]
    if not title or not steps:
        return None
    doc: dict[str, Any] = {
        "@context": _CONTEXT,
        "@type": "HowTo",
        "name": title,
        "inLanguage": (article.locale or "und") if side == "translation" else article.source_locale,
    }
    description = _description(article, side)
    if description:
        doc["description"] = description
    codes = article_error_codes(article)
    if codes:
        doc["keywords"] = ", ".join(codes)
    doc["step"] = steps
    return doc


def _text(article: Article, side: SideName, indexes: tuple[int, ...]) -> str:
    parts = []
    for seg in article.segments_at(indexes):
        half = seg.translation if side == "translation" else seg.source
        if half is not None and half.plain.strip():
            parts.append(half.plain.strip())
    return " ".join(parts)


def _description(article: Article, side: SideName) -> str:
    block = description_block(article)
    return _text(article, side, block.segments) if block is not None else ""


def _section(article: Article, side: SideName, proc: Procedure) -> dict[str, Any]:
    section: dict[str, Any] = {"@type": "HowToSection"}
    name = _text(article, side, proc.title_segments)
    if name:
        section["name"] = name
    section["itemListElement"] = _steps(article, side, proc)
    return section


def _steps(article: Article, side: SideName, proc: Procedure) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for step in proc.steps:
        item = _step(article, side, step, len(out) + 1)
        if item is not None:
            out.append(item)
    return out


def _step(article: Article, side: SideName, step: Step, position: int) -> dict[str, Any] | None:
    elements: list[dict[str, Any]] = []
    for k, sub in enumerate(step.substeps, 1):
        text = _text(article, side, sub.segments)
        if text:
            elements.append({"@type": "HowToDirection", "position": k, "text": text})
    for note in step.notes:
        text = _text(article, side, note.segments)
        if text:
            elements.append({"@type": "HowToTip", "text": text})
    text = _text(article, side, step.segments) or " ".join(e["text"] for e in elements if e["@type"] == "HowToDirection")
    if not text:
        return None
    item: dict[str, Any] = {"@type": "HowToStep", "position": position, "text": text}
    if elements:
        item["itemListElement"] = elements
    return item
