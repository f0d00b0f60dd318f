"""Troubleshooting structure from the block tree of the body (:mod:`twinspan.blocks`).

The block tree comes from markdown-it-py's block rules (the inline rule chain is switched off,
since segment content gets its own inline parse), or from :func:`twinspan.block_rules.fast`, which
gives the same tree for bodies of headings, paragraphs, lists and quotes. Leaf blocks are matched
to segments by line, then procedures, steps and sub-steps are read off the block tree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt

from . import block_rules
from .blocks import Node, from_tokens
from .model import Block, BlockKind, Container, Label, Procedure, Segment, Step, SubStep

#: Lists and quotes nested deeper than this are not analysed (markdown-it drops what lies below
#: the limit; the parser reports the segments there). Real articles nest three or four levels.
MAX_NESTING = 100


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable("table")
    md.disable("inline")  # a core rule: leaves inline tokens unparsed
    return md


_NOTE = re.compile(r"^\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]", re.I)
_IMAGE_ONLY = re.compile(r"^\s*!\[[^\]]*\]\([^)]*(?:\([^)]*\)[^)]*)*\)\s*$")
_SEGMENT_TAGS = re.compile(r"<span\b[^>]*>|</span\s*>", re.I)
#: A sub-step label written as its own segment: one letter and "." or ")".
_LABEL = re.compile(r"^\s*(?:\*\*)?([^\W\d_])(?:\*\*)?\s*[.)](?:\*\*)?\s*$")
_BOLD_ONLY = re.compile(r"^\s*(?:\*\*[^*]+\*\*|__[^_]+__|<(b|strong)>.+</\1>)\s*:?\s*$", re.S | re.I)


@dataclass(frozen=True, slots=True)
class Structure:
    blocks: tuple[Block, ...]
    title_segments: tuple[int, ...]
    procedures: tuple[Procedure, ...]
    anchors: frozenset[str] = frozenset()


_ANCHOR_ATTR = re.compile(r"""<a\s[^>]*?\b(?:name|id)\s*=\s*["']([^"']+)["']""", re.I)
_SLUG_DROP = re.compile(r"[^\w\- ]")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")


def slug(text: str) -> str:
    """The id a heading gets (lower case, punctuation dropped, spaces as hyphens)."""
    return re.sub(r"\s+", "-", _SLUG_DROP.sub("", text.strip().lower()))


def _anchors(leaves: list[Node], segments: Sequence[Segment]) -> frozenset[str]:
    """Targets of in-page links: <a name/id="…"> in the text, and heading slugs of both languages."""
    found: set[str] = set()
    for leaf in leaves:
        text = leaf.content
        if "<a" in text or "<A" in text:
            found.update(m.group(1) for m in _ANCHOR_ATTR.finditer(text))
        if leaf.type == "heading":
            if leaf.segments:
                for side in ("translation", "source"):
                    plain = " ".join(getattr(segments[i], side).plain for i in leaf.segments if getattr(segments[i], side) is not None)
                    if plain.strip():
                        found.add(slug(plain))
            elif text.strip():
                found.add(slug(_TAG.sub("", text)))  # "# <a name="x"></a>Title": the title's slug, tags left out
    return frozenset(found)


def parse_blocks(body: str, first_line: int) -> Node:
    """The block tree of *body* (its first line is *first_line* of the file): read by
    :func:`twinspan.block_rules.fast` when the body is made of headings, paragraphs, lists and
    quotes only, by markdown-it otherwise."""
    end_line = first_line + body.count("\n") + 1
    tree = block_rules.fast(body, first_line, end_line, MAX_NESTING)
    return tree if tree is not None else markdown_it_blocks(body, first_line)


def markdown_it_blocks(body: str, first_line: int) -> Node:
    """The block tree from markdown-it's tokens (the reference :func:`parse_blocks` agrees with)."""
    return from_tokens(_md().parse(body), first_line, first_line + body.count("\n") + 1)


_LEAF_TYPES = frozenset({"paragraph", "heading", "fence", "code_block", "html_block", "hr", "table"})


def _leaves(node: Node) -> list[Node]:
    out: list[Node] = []
    todo = [node]
    while todo:
        n = todo.pop()
        if n.type in _LEAF_TYPES:
            out.append(n)
        else:
            todo.extend(reversed(n.children))
    return out


def build(body: str, first_line: int, segments: Sequence[Segment], lang: str | None = None) -> Structure:
    root = parse_blocks(body, first_line)
    leaves = _leaves(root)
    # Segments to leaves, by the line each segment starts on.
    owner: dict[int, Node] = {}
    for leaf in leaves:
        for line in range(leaf.start, max(leaf.end, leaf.start + 1)):
            owner[line] = leaf
    for seg in segments:
        found = owner.get(seg.line)
        if found is not None:
            found.segments.append(seg.index)
    builder = _Builder(segments, _containers(root))
    blocks = tuple(builder.blocks(root))
    title: tuple[int, ...] = ()
    for child in root.children:
        if child.type == "heading" and child.level == 1:
            title = tuple(child.segments)
            break
    return Structure(blocks, title, builder.procedures(root), _anchors(leaves, segments))


def _containers(root: Node) -> dict[int, tuple[Container, ...]]:
    """For every node (by ``id``), the list items and quotes around it, outermost first."""
    out: dict[int, tuple[Container, ...]] = {}
    todo: list[tuple[Node, tuple[Container, ...]]] = [(root, ())]
    while todo:
        node, chain = todo.pop()
        out[id(node)] = chain
        if node.type == "list":
            ordered = node.ordered
            start = node.list_start
            items = [c for c in node.children if c.type == "item"]
            for k, item in enumerate(items):
                here = Container("ordered" if ordered else "bullet", node.start, item.start, start + k if ordered else None)
                todo.append((item, (*chain, here)))
            continue
        inner = (*chain, Container("quote", node.start)) if node.type == "blockquote" else chain
        todo.extend((child, inner) for child in node.children)
    return out


_KINDS = {
    "heading": BlockKind.HEADING,
    "fence": BlockKind.CODE,
    "code_block": BlockKind.CODE,
    "html_block": BlockKind.HTML,
    "hr": BlockKind.RULE,
    "table": BlockKind.TABLE,
}


class _Builder:
    def __init__(self, segments: Sequence[Segment], containers: dict[int, tuple[Container, ...]] | None = None) -> None:
        self.segments = segments
        self.containers = containers or {}

    # --- blocks ------------------------------------------------------------------------
    def block(self, leaf: Node) -> Block:
        kind = _KINDS.get(leaf.type, BlockKind.PARAGRAPH)
        level = leaf.level if leaf.type == "heading" else 0
        info = leaf.info.strip() if leaf.type == "fence" else None
        if kind is BlockKind.PARAGRAPH and not leaf.segments and _IMAGE_ONLY.match(leaf.content):
            kind = BlockKind.IMAGE
        text = "" if leaf.segments and kind is not BlockKind.CODE else leaf.content
        return Block(
            kind,
            leaf.start,
            leaf.end,
            tuple(leaf.segments),
            level=level,
            info=info,
            text=text,
            depth=leaf.depth,
            containers=self.containers.get(id(leaf), ()),
        )

    def blocks(self, node: Node) -> list[Block]:
        """Leaf blocks in document order, with a note (``> [!NOTE]``) as one block."""
        out: list[Block] = []
        for child in node.children:
            if child.type in _LEAF_TYPES:
                out.append(self.block(child))
                continue
            note = self.note(child) if child.type == "blockquote" else None
            if note is not None:
                out.append(note)
            else:
                out.extend(self.blocks(child))
        return out

    def note(self, quote: Node) -> Block | None:
        leaves = _leaves(quote)
        if not leaves or leaves[0].type != "paragraph":
            return None
        m = _NOTE.match(leaves[0].content)
        if not m:
            return None
        segs = tuple(i for leaf in leaves for i in leaf.segments)
        return Block(
            BlockKind.NOTE,
            quote.start,
            quote.end,
            segs,
            note=m.group(1).upper(),
            depth=quote.depth,
            containers=self.containers.get(id(quote), ()),
        )

    # --- procedures --------------------------------------------------------------------
    def is_marker(self, node: Node) -> str | None:
        if node.type == "heading" and node.level != 1:
            return "heading"
        if node.type != "paragraph":
            return None
        if node.segments:
            # Each side is wholly bold (tested first: most paragraphs fail it at once), and
            # everything outside the spans is blank.
            segs = [self.segments[i] for i in node.segments]
            for seg in segs:
                for side in (seg.translation, seg.source):
                    if side is not None and not _BOLD_ONLY.match(side.text):
                        return None
            outside = _SEGMENT_TAGS.sub("", node.content)
            inner = "".join(s.text("translation") + s.text("source") for s in segs)
            return None if outside.replace(inner, "").strip() else "bold"
        return "bold" if _BOLD_ONLY.match(node.content) else None

    def procedures(self, root: Node) -> tuple[Procedure, ...]:
        sections: list[tuple[Node | None, str | None, list[Node]]] = [(None, None, [])]
        for child in root.children:
            marker = self.is_marker(child)
            if marker:
                sections.append((child, marker, []))
            elif child.type == "list" and child.ordered:
                sections[-1][2].append(child)
        procs: list[Procedure] = []
        for marker_node, kind, lists in sections:
            if not lists:
                continue
            steps = tuple(step for lst in lists for step in self.steps(lst))
            line = marker_node.start if marker_node is not None else lists[0].start
            title = tuple(marker_node.segments) if marker_node is not None else ()
            procs.append(Procedure(title, line, steps, kind))
        return tuple(procs)

    def steps(self, lst: Node) -> list[Step]:
        start = lst.list_start
        return [self.step(item, start + k) for k, item in enumerate(c for c in lst.children if c.type == "item")]

    def step(self, item: Node, number: int) -> Step:
        marker = item.info
        own: tuple[int, ...] = ()
        substeps: list[SubStep] = []
        notes: list[Block] = []
        blocks: list[Block] = []
        open_label: tuple[Label, int, list[int]] | None = None

        def close_label() -> None:
            nonlocal open_label
            if open_label is not None:
                label, line, segs = open_label
                substeps.append(SubStep(label, tuple(segs), line))
                open_label = None

        first_paragraph = True
        for child in item.children:
            if child.type == "blockquote":
                note = self.note(child)
                if note is not None:
                    notes.append(note)
                    blocks.append(note)
                    continue
            if child.type == "list":
                close_label()
                ordered = child.ordered
                start = child.list_start
                for k, sub in enumerate(c for c in child.children if c.type == "item"):
                    written = sub.info or str(start + k)
                    text = f"{written}{sub.markup}" if ordered else sub.markup
                    segs = tuple(i for leaf in _leaves(sub) for i in leaf.segments)
                    substeps.append(SubStep(Label(text, text, None), segs, sub.start, ordered=ordered, kind="item"))
                    blocks.extend(self.block(leaf) for leaf in _leaves(sub))
                continue
            for leaf in _leaves(child):
                blocks.append(self.block(leaf))
                if leaf.type != "paragraph":
                    continue
                plain_text: list[int] = []
                for i in leaf.segments:
                    seg = self.segments[i]
                    if _is_label(seg):
                        close_label()
                        label = Label(
                            seg.translation.text.strip() if seg.translation else None,
                            seg.source.text.strip() if seg.source else None,
                            i,
                        )
                        open_label = (label, seg.line, [])
                    elif open_label is not None:
                        open_label[2].append(i)
                    else:
                        plain_text.append(i)
                if first_paragraph:
                    own = tuple(plain_text)
                    first_paragraph = False
        close_label()
        return Step(number, marker or str(number), item.start, own, tuple(substeps), tuple(blocks), tuple(notes))


def _is_label(seg: Segment) -> bool:
    src = seg.source.text if seg.source is not None else None
    tr = seg.translation.text if seg.translation is not None else None
    return bool((src is not None and _LABEL.match(src)) or (tr is not None and _LABEL.match(tr)))
