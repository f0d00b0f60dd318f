"""markdown-it's ``StateBlock``, for :mod:`twinspan.block_rules`: the body's lines (where each begins and
ends, its indentation) and the tests on them that the ported rules share, with the same names.

It also refuses, by raising :class:`Bail`, any line that could start a block of a rule the port
leaves out: :meth:`BlockState.refuse_other_blocks` is a superset of those rules' opening tests.
"""

from __future__ import annotations

from markdown_it.rules_block.html_block import HTML_SEQUENCES

from .blocks import Node


class Bail(Exception):
    """The body has something :func:`twinspan.block_rules.fast` does not read: markdown-it will."""


#: A line made only of these (and at least one of them) may be a thematic break, a setext
#: underline or a table's delimiter row.
_RULE_CHARS = " -*_=:|"
_HTML_STARTS = tuple(opener for opener, _closer, _terminates in HTML_SEQUENCES)


class BlockState:
    """The lines of a body and markdown-it's StateBlock fields over them (no tabs: columns are characters)."""

    def __init__(self, src: str, first_line: int, end_line: int, max_nesting: int) -> None:
        self.src = src
        self.first = first_line
        self.root = Node("root", first_line, end_line)
        self.max_nesting = max_nesting
        self.references_possible = "]:" in src
        b: list[int] = []
        e: list[int] = []
        t: list[int] = []
        start, length, find = 0, len(src), src.find
        while start < length:
            end = find("\n", start)
            if end < 0:
                end = length
            pos = start
            while pos < end and src[pos] == " ":
                pos += 1
            if pos == end == length:
                break  # a last line of only spaces with no "\n" is not a line (as in StateBlock)
            b.append(start)
            e.append(end)
            t.append(pos - start)
            start = end + 1 if end < length else length
        b.append(length)
        e.append(length)
        t.append(0)
        self.bMarks, self.eMarks, self.tShift = b, e, t
        self.sCount = list(t)  # no tabs: columns are characters
        self.lineMax = len(b) - 1
        self.blkIndent = 0
        self.listIndent = -1
        self.parentType = "root"
        self.level = 0
        self.line = 0

    # --- StateBlock --------------------------------------------------------------------
    def isEmpty(self, line: int) -> bool:
        return self.bMarks[line] + self.tShift[line] >= self.eMarks[line]

    def skipEmptyLines(self, line: int) -> int:
        while line < self.lineMax and self.bMarks[line] + self.tShift[line] >= self.eMarks[line]:
            line += 1
        return line

    def is_code_block(self, line: int) -> bool:
        return self.sCount[line] - self.blkIndent >= 4

    def getLines(self, begin: int, end: int, indent: int) -> str:
        src, out = self.src, []
        for line in range(begin, end):
            line_start = first = self.bMarks[line]
            last = self.eMarks[line] + 1 if line + 1 < end else self.eMarks[line]
            shift = self.tShift[line]
            line_indent = 0
            while first < last and line_indent < indent:
                if src[first] == " " or first - line_start < shift:
                    line_indent += 1
                else:
                    break
                first += 1
            out.append(src[first:last])
        return "".join(out)

    # --- what this port does not read ----------------------------------------------------
    def refuse_other_blocks(self, line: int) -> None:
        """Bail out when *line* could start a block of a rule this port leaves out (table, fence,
        hr, reference, html_block, lheading): a superset of those rules' tests."""
        pos, maximum = self.bMarks[line] + self.tShift[line], self.eMarks[line]
        if pos >= maximum:
            return
        src = self.src
        ch = src[pos]
        if ch in "`~" and src.startswith(ch * 3, pos):
            raise Bail
        if ch in _RULE_CHARS and not src[pos:maximum].strip(_RULE_CHARS):
            raise Bail
        if ch == "<":
            text = src[pos:maximum]
            if text.startswith("<span"):
                # Not a block tag, nor <! or <?: only a line that is one whole tag (the last kind) opens a block.
                if text.rstrip().endswith(">") and _HTML_STARTS[-1].search(text):  # rstrip: \s, as the regex
                    raise Bail
            elif any(opener.search(text) for opener in _HTML_STARTS):
                raise Bail
        elif ch == "[" and self.references_possible:
            raise Bail
        elif "|" in src[pos:maximum] and line + 1 < self.lineMax:
            nxt = self.bMarks[line + 1] + self.tShift[line + 1]
            if nxt < self.eMarks[line + 1] and not src[nxt : self.eMarks[line + 1]].strip(_RULE_CHARS):
                raise Bail  # a table's header and delimiter rows
