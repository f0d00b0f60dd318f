"""The block tree of a Markdown body: what :mod:`twinspan.structure` reads procedures and steps off.

Two ways to the same tree:

- :func:`from_tokens`, from markdown-it-py's block token stream: the reference, for any Markdown;
- :func:`twinspan.block_rules.fast`, markdown-it's own block rules ported for what help articles
  are made of (headings, paragraphs, lists, quotes), which builds the tree without tokens and
  declines (None) any body that holds more; :func:`twinspan.structure.parse_blocks` tries it first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it.token import Token


@dataclass
class Node:
    """A block: leaf (paragraph, heading, fence, code_block, html_block, hr, table) or container
    (root, list, item, blockquote). Lines are absolute and 1-based; ``end`` is the line after."""

    type: str
    start: int = 0
    end: int = 0
    children: list[Node] = field(default_factory=list)
    segments: list[int] = field(default_factory=list)  # filled by structure.build
    content: str = ""  # paragraph and heading: the inline text; table: its rows; code, HTML: as written
    depth: int = 0  # lists and quotes around the block
    level: int = 0  # heading: 1 to 6
    ordered: bool = False  # list
    list_start: int = 1  # ordered list: its first number
    info: str = ""  # ordered list item: its number as written; fence: the info string
    markup: str = ""  # list item: the marker ("-", "*", "+", or "." / ")" after a number)


_OPEN_KINDS = {
    "paragraph_open": "paragraph",
    "heading_open": "heading",
    "blockquote_open": "blockquote",
    "ordered_list_open": "list",
    "bullet_list_open": "list",
    "list_item_open": "item",
    "table_open": "table",
}
_LEAF_KINDS = {"fence": "fence", "code_block": "code_block", "html_block": "html_block", "hr": "hr"}


def depth_in(parent: Node) -> int:
    """The depth of a block whose parent is *parent* (lists and quotes count)."""
    return parent.depth + (1 if parent.type in ("list", "blockquote") else 0)


def from_tokens(tokens: Sequence[Token], first_line: int, end_line: int) -> Node:
    """The tree of markdown-it's block tokens (``map`` lines are 0-based, relative to *first_line*)."""
    root = Node("root", first_line, end_line)
    stack = [root]
    for tok in tokens:
        parent = stack[-1]
        start, end = (tok.map[0] + first_line, tok.map[1] + first_line) if tok.map else (parent.start, parent.start)
        t = tok.type
        if tok.nesting == 1:
            kind = _OPEN_KINDS.get(t)
            if kind is None:  # thead/tr/td inside a table: flattened into it
                stack.append(parent)
                continue
            node = Node(kind, start, end, depth=depth_in(parent))
            if kind == "heading":
                node.level = int(tok.tag[1])
            elif kind == "list":
                node.ordered = t == "ordered_list_open"
                node.list_start = int(tok.attrGet("start") or 1) if node.ordered else 1
            elif kind == "item":
                node.info, node.markup = tok.info, tok.markup
            parent.children.append(node)
            stack.append(node)
        elif tok.nesting == -1:
            stack.pop()
        elif t == "inline":
            if parent.type in ("paragraph", "heading"):
                parent.content = tok.content
            elif parent.type == "table":
                parent.content += tok.content + "\n"
        else:  # fence, code_block, html_block, hr
            node = Node(_LEAF_KINDS.get(t, t), start, end, content=tok.content, depth=parent.depth)
            if t == "fence":
                node.info = tok.info
            parent.children.append(node)
    return root
