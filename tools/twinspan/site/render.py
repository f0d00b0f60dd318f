"""An article page's HTML, from the model: ``article.blocks`` (with their containers), the
procedures' steps and sub-steps, and each segment's ``Side.text``.

On a translated page every segment is the translation followed by its English source
(``lang="en" dir="ltr"``, ``data-search-exclude`` so that Material's search leaves it out
of the index), revealed per sentence or for the whole page by the toggle. Steps are real
ordered lists with a checkbox each; lettered sub-steps (``أ.`` … ``ه.`` as written) are a
nested list showing the locale's labels; notes are admonitions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

from ..model import Block, BlockKind, Procedure, Step, SubStep
from ..source import displayable
from . import i18n
from .kb import Doc
from .markup import PARAGRAPH_BREAK, Markup
from .slugs import Anchors

#: Material's admonition types for the docs notes.
NOTE_TYPES = {"NOTE": "note", "TIP": "tip", "IMPORTANT": "info", "WARNING": "warning", "CAUTION": "danger"}
_PLACEHOLDER = "\ue000{}\ue001"


@dataclass
class _StepScope:
    """What the paragraphs of one step need: its label sub-steps and whether they were written out."""

    step: Step
    labelled: tuple[SubStep, ...]
    in_substeps: frozenset[int]
    done: bool = False


@dataclass
class Rendered:
    title: str  # inner HTML of the h1
    body: str
    toc: list[dict[str, Any]] = field(default_factory=list)  # MkDocs toc tokens (level, id, name, children)
    steps: int = 0


class ArticleRenderer:
    def __init__(self, doc: Doc, lang: str, markup: Markup) -> None:
        self.doc = doc
        self.a = doc.article
        self.lang = lang
        self.rtl = i18n.direction(lang) == "rtl"
        self.markup = markup
        self.bilingual = doc.side == "translation"
        self.steps = {step.line: (k, step) for k, proc in enumerate(self.a.procedures, 1) for step in proc.steps}
        self.markers: dict[int, Procedure] = {p.line: p for p in self.a.procedures if p.marker_kind == "bold"}
        self.anchors = Anchors()
        self.toc: list[dict[str, Any]] = []
        self.step_count = 0
        self.rendered: set[int] = set()  # indexes of the segments written out

    # --- segments ------------------------------------------------------------------------
    def segment(self, i: int) -> str:
        self.rendered.add(i)
        seg = self.a.segments[i]
        main = seg.translation if self.bilingual else seg.source
        if main is None:  # an unpaired half: show what there is, in its own language
            other = seg.source or seg.translation
            assert other is not None
            lang = "en" if other is seg.source else self.lang
            return f'<span lang="{lang}" dir="auto">{self.markup.inline(other.text, rtl=False, source=other is seg.source)}</span>'
        html = self.markup.inline(main.text, rtl=self.rtl)
        if not self.bilingual or seg.source is None:
            return html
        source = self.markup.inline(seg.source.text, rtl=False, source=True)
        return (
            f'<span class="ts-seg" tabindex="0" aria-describedby="ts-s{i}"><span class="ts-tr">{html}</span>'
            f'<span class="ts-src" id="ts-s{i}" lang="en" dir="ltr" data-search-exclude>{source}</span></span>'
        )

    def run(self, indexes: Sequence[int], paragraphs: bool = False) -> str:
        """Segments of one block in order, with the markup written between neighbours (``<BR/>``).

        A blank line between two of them is a paragraph break when *paragraphs* (the run is
        inside a ``<p>`` of a note), else a line break.
        """
        parts: list[str] = []
        prev: int | None = None
        for i in indexes:
            if prev is not None:
                if i == prev + 1:
                    gap = self.markup.gap(self.a.text[self.a.segments[prev].end : self.a.segments[i].start], self.rtl)
                    parts.append(gap if gap != PARAGRAPH_BREAK else ("</p><p>" if paragraphs else "<br>"))
                else:
                    parts.append(" ")
            parts.append(self.segment(i))
            prev = i
        return "".join(parts)

    def plain(self, indexes: Sequence[int], source: bool = False) -> str:
        sides = [s.source if (source or not self.bilingual) else s.translation for s in self.a.segments_at(tuple(indexes))]
        return " ".join(side.plain.strip() for side in sides if side is not None).strip()

    # --- the page --------------------------------------------------------------------------
    def render(self) -> Rendered:
        title = self.run(self.a.title_segments) if self.a.title_segments else escape(self.doc.title)
        blocks = [b for b in self.a.blocks if not (b.kind is BlockKind.HEADING and b.segments == self.a.title_segments and b.level == 1)]
        body = self.blocks(blocks, 0, None)
        # labels, code blocks and markup between spans are escaped here, not sanitized: undecodable
        # input bytes (lone surrogates in the model) become U+FFFD in the whole page at once
        return Rendered(displayable(title), displayable(body), self.toc, self.step_count)

    def blocks(self, blocks: Sequence[Block], level: int, scope: _StepScope | None) -> str:
        """Blocks in order; consecutive blocks inside the same list or quote become that list or quote."""
        out: list[str] = []
        i = 0
        while i < len(blocks):
            block = blocks[i]
            if len(block.containers) <= level:
                out.append(self.leaf(block, scope))
                i += 1
                continue
            here = block.containers[level]
            j = i
            while j < len(blocks) and len(blocks[j].containers) > level and _same(blocks[j].containers[level], here):
                j += 1
            group = blocks[i:j]
            if here.kind == "quote":
                out.append(f"<blockquote>{self.blocks(group, level + 1, scope)}</blockquote>")
            else:
                out.append(self.list(group, level, scope))
            i = j
        return "".join(out)

    def list(self, group: Sequence[Block], level: int, scope: _StepScope | None) -> str:
        items: list[list[Block]] = []
        for block in group:
            if not items or block.containers[level].item != items[-1][0].containers[level].item:
                items.append([])
            items[-1].append(block)
        first = group[0].containers[level]
        if first.kind == "ordered" and level == 0 and all(it[0].containers[0].item in self.steps for it in items):
            return self.step_list(items)
        tag = "ol" if first.kind == "ordered" else "ul"
        start = f' start="{first.number}"' if first.kind == "ordered" and first.number not in (None, 1) else ""
        lis = [f"<li>{self.item(it, level + 1, scope)}</li>" for it in items]
        return f"<{tag}{start}>{''.join(lis)}</{tag}>"

    def item(self, blocks: Sequence[Block], level: int, scope: _StepScope | None) -> str:
        html = self.blocks(blocks, level, scope)
        if len(blocks) == 1 and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            return html[3:-4]  # a tight item: no paragraph around its text
        return html

    def step_list(self, items: Sequence[Sequence[Block]]) -> str:
        lis: list[str] = []
        for blocks in items:
            proc_no, step = self.steps[blocks[0].containers[0].item]
            self.step_count += 1
            key = f"{proc_no}-{step.number}"
            labelled = tuple(s for s in step.substeps if s.kind == "label")
            inside = frozenset(i for s in labelled for i in (*s.segments, *((s.label.segment,) if s.label.segment is not None else ())))
            scope = _StepScope(step, labelled, inside)
            label = escape(i18n.t(self.lang, "step_done", n=step.number))
            lis.append(
                f'<li class="ts-step" value="{step.number}" data-step="{key}">'
                f'<input type="checkbox" class="ts-check" data-step="{key}" aria-label="{label}">'
                f'<div class="ts-step__body">{self.blocks(blocks, 1, scope)}</div></li>'
            )
        first = self.steps[items[0][0].containers[0].item][1].number
        start = f' start="{first}"' if first != 1 else ""
        return f'<ol class="ts-steps"{start}>{"".join(lis)}</ol>'

    # --- leaf blocks -------------------------------------------------------------------------
    def leaf(self, block: Block, scope: _StepScope | None) -> str:
        kind = block.kind
        if kind is BlockKind.HEADING:
            return self.heading(block.segments, max(2, min(block.level, 6)), block.text)
        if kind is BlockKind.NOTE:
            return self.note(block)
        if kind is BlockKind.CODE:
            cls = f' class="language-{escape(block.info.split()[0])}"' if block.info else ""
            return f'<pre dir="ltr"><code{cls}>{escape(block.text, quote=False)}</code></pre>'
        if kind is BlockKind.RULE:
            return "<hr>"
        if kind is BlockKind.TABLE and block.segments:
            return self.table(block)
        if not block.segments:
            return self.markup.block(block.text, self.rtl) if block.text.strip() else ""
        if block.line in self.markers:
            return self.heading(block.segments, 2, "", cls="ts-method")
        if scope is not None and scope.in_substeps.intersection(block.segments):
            return self.step_paragraph(block, scope)
        return f"<p>{self.run(block.segments)}</p>"

    def heading(self, segments: Sequence[int], level: int, raw: str, cls: str = "") -> str:
        if segments:
            inner, name, key = self.run(segments), self.plain(segments), self.plain(segments, source=True)
        else:
            inner, name, key = self.markup.block(raw, self.rtl).removeprefix("<p>").removesuffix("</p>\n"), raw, raw
        anchor = self.anchors.make(key or name)
        token: dict[str, Any] = {
            "level": level,
            "id": anchor,
            "name": escape(displayable(name)),
            "children": [],
        }  # Material writes it as is
        if level > 2 and self.toc and self.toc[-1]["level"] < level:
            self.toc[-1]["children"].append(token)
        else:
            self.toc.append(token)
        klass = f' class="{cls}"' if cls else ""
        return f'<h{level} id="{anchor}"{klass}>{inner}</h{level}>'

    def note(self, block: Block) -> str:
        kind = (block.note or "NOTE").upper()
        title = escape(i18n.t(self.lang, f"note.{kind}" if kind in NOTE_TYPES else "note.NOTE"))
        body = f"<p>{self.run(block.segments, paragraphs=True)}</p>" if block.segments else ""
        return f'<div class="admonition {NOTE_TYPES.get(kind, "note")}"><p class="admonition-title">{title}</p>{body}</div>'

    def step_paragraph(self, block: Block, scope: _StepScope) -> str:
        """A paragraph of a step holding lettered sub-steps: its own text, then the sub-step list (once)."""
        out: list[str] = []
        own: list[int] = []
        for i in block.segments:
            if i not in scope.in_substeps:
                own.append(i)
                continue
            if own:
                out.append(f"<p>{self.run(own)}</p>")
                own = []
            if not scope.done:
                scope.done = True
                out.append(self.substeps(scope.labelled))
        if own:
            out.append(f"<p>{self.run(own)}</p>")
        return "".join(out)

    def substeps(self, subs: Sequence[SubStep]) -> str:
        lis: list[str] = []
        for sub in subs:
            if sub.label.segment is not None:
                self.rendered.add(sub.label.segment)
            written = sub.label.translation if self.bilingual else sub.label.source
            label = escape((written or sub.label.source or sub.label.translation or "").strip())
            lis.append(f'<li class="ts-substep"><span class="ts-label">{label}</span> {self.run(sub.segments)}</li>')
        return f'<ol class="ts-substeps">{"".join(lis)}</ol>'

    def table(self, block: Block) -> str:
        """A table holding segments: markdown-it lays out the rows (the model has no cells), with
        each segment's span pair replaced by a placeholder that its rendered HTML then fills."""
        src = self.a.source
        start, end = src.line_start(block.line), src.line_start(block.end_line)
        text = self.a.text
        pieces: list[str] = []
        pos = start
        for k, i in enumerate(block.segments):
            seg = self.a.segments[i]
            pieces.append(text[pos : seg.start])
            pieces.append(_PLACEHOLDER.format(k))
            pos = seg.end
        pieces.append(text[pos:end])
        html = self.markup.block("".join(pieces), self.rtl)
        for k, i in enumerate(block.segments):
            html = html.replace(_PLACEHOLDER.format(k), self.segment(i), 1)
        return html


def _same(a: Any, b: Any) -> bool:
    return bool(a.kind == b.kind and a.line == b.line)
