"""markdown-it's block rules, ported for the Markdown help articles are written in.

:func:`fast` is markdown-it's own block tokenizer (``parser_block.tokenize`` and its
``blockquote``, ``list``, ``heading`` and ``paragraph`` rules, with their names and their order of
tests) cut down to ATX headings, paragraphs, bullet and ordered lists and quotes (notes) nested in
each other, building :class:`twinspan.blocks.Node` trees directly instead of tokens. It returns
None as soon as a line could be anything else (a table, fence, rule, setext heading, HTML block,
reference definition, indented code, an empty list item, a tab), and the caller then asks
markdown-it. On what it accepts it gives the tree of markdown-it's tokens exactly:
``tests/test_blocks_fast.py`` compares the two on every file of the corpus and on generated
documents. It reads 2,976 of the 2,991 corpus bodies, in under a third of markdown-it's time (no
rule chain, no debug logging, no tokens). The lines and the tests on them live in
:mod:`twinspan.block_state`, as markdown-it's ``StateBlock`` does.
"""

from __future__ import annotations

from markdown_it.common.utils import mdTrim

from .block_state import Bail, BlockState
from .blocks import Node, depth_in


def fast(body: str, first_line: int, end_line: int, max_nesting: int) -> Node | None:
    """The tree :func:`from_tokens` gives for markdown-it's tokens of *body*, or None when *body*
    holds more than headings, paragraphs, lists and quotes (see the module docstring)."""
    if "\t" in body or "\r" in body or "\0" in body:
        return None  # tabs (tab stops), and what markdown-it's normalize step rewrites
    try:
        return _Tokenizer(body, first_line, end_line, max_nesting).run()
    except Bail:
        return None


class _Tokenizer(BlockState):
    """markdown-it's block rules, for the subset (same names, same order of tests)."""

    def run(self) -> Node:
        if self.src:
            self.tokenize(0, self.lineMax, self.root)
        return self.root

    def interrupts(self, line: int, endLine: int) -> bool:
        """Whether *line* starts a block that ends the paragraph or quote above it. markdown-it's
        "paragraph" and "blockquote" terminator chains hold the same rules here: blockquote, list
        and heading (read in silent mode, under the caller's parentType); the rest are refused."""
        self.refuse_other_blocks(line)
        return self.blockquote(line, endLine, True, None) or self.list_block(line, endLine, True, None) or self.heading(line, True, None)

    # --- parser_block.tokenize -----------------------------------------------------------
    def tokenize(self, startLine: int, endLine: int, parent: Node) -> None:
        line = startLine
        while line < endLine:
            self.line = line = self.skipEmptyLines(line)
            if line >= endLine:
                break
            if self.sCount[line] < self.blkIndent:
                break
            if self.level >= self.max_nesting:
                raise Bail
            if self.is_code_block(line):
                raise Bail
            self.refuse_other_blocks(line)
            if not (
                self.blockquote(line, endLine, False, parent)
                or self.list_block(line, endLine, False, parent)
                or self.heading(line, False, parent)
            ):
                self.paragraph(line, parent)
            line = self.line
            if line < endLine and self.isEmpty(line):
                line += 1
                self.line = line

    # --- rules_block.heading -------------------------------------------------------------
    def heading(self, startLine: int, silent: bool, parent: Node | None) -> bool:
        src = self.src
        pos = self.bMarks[startLine] + self.tShift[startLine]
        maximum = self.eMarks[startLine]
        if self.is_code_block(startLine):
            return False
        if pos >= len(src) or src[pos] != "#" or pos >= maximum:
            return False
        level = 1
        pos += 1
        while pos < maximum and src[pos] == "#" and level <= 6:
            level += 1
            pos += 1
        if level > 6 or (pos < maximum and src[pos] not in " \t"):
            return False
        if silent:
            return True
        while maximum > pos and src[maximum - 1] == " ":  # skipSpacesBack
            maximum -= 1
        tmp = maximum
        while tmp > pos and src[tmp - 1] == "#":  # skipCharsStrBack
            tmp -= 1
        if tmp > pos and src[tmp - 1] == " ":
            maximum = tmp
        self.line = startLine + 1
        assert parent is not None
        first = self.first
        parent.children.append(
            Node("heading", startLine + first, startLine + 1 + first, content=mdTrim(src[pos:maximum]), depth=depth_in(parent), level=level)
        )
        return True

    # --- rules_block.paragraph -----------------------------------------------------------
    def paragraph(self, startLine: int, parent: Node) -> None:
        nextLine = startLine + 1
        endLine = self.lineMax
        oldParentType = self.parentType
        self.parentType = "paragraph"
        while nextLine < endLine:
            if self.isEmpty(nextLine):
                break
            if self.sCount[nextLine] - self.blkIndent > 3:
                nextLine += 1  # a lazy continuation line, whatever it holds
                continue
            if self.sCount[nextLine] < 0:
                nextLine += 1  # a line a blockquote above has read as a continuation
                continue
            if self.interrupts(nextLine, endLine):
                break
            nextLine += 1
        content = mdTrim(self.getLines(startLine, nextLine, self.blkIndent))
        self.line = nextLine
        first = self.first
        parent.children.append(Node("paragraph", startLine + first, nextLine + first, content=content, depth=depth_in(parent)))
        self.parentType = oldParentType

    # --- rules_block.blockquote ----------------------------------------------------------
    def blockquote(self, startLine: int, endLine: int, silent: bool, parent: Node | None) -> bool:
        src, bMarks, tShift, sCount, eMarks = self.src, self.bMarks, self.tShift, self.sCount, self.eMarks
        oldLineMax = self.lineMax
        pos = bMarks[startLine] + tShift[startLine]
        maximum = eMarks[startLine]
        if self.is_code_block(startLine):
            return False
        if pos >= len(src) or src[pos] != ">":
            return False
        pos += 1
        if silent:
            return True
        initial = offset = sCount[startLine] + 1
        if pos < len(src) and src[pos] == " ":  # one optional space after ">"
            pos += 1
            initial += 1
            offset += 1
        oldBMarks = [bMarks[startLine]]
        bMarks[startLine] = pos
        while pos < maximum and src[pos] == " ":
            offset += 1
            pos += 1
        lastLineEmpty = pos >= maximum
        oldSCount = [sCount[startLine]]
        sCount[startLine] = offset - initial
        oldTShift = [tShift[startLine]]
        tShift[startLine] = pos - bMarks[startLine]
        oldParentType = self.parentType
        self.parentType = "blockquote"
        nextLine = startLine + 1
        while nextLine < endLine:
            isOutdented = sCount[nextLine] < self.blkIndent
            pos = bMarks[nextLine] + tShift[nextLine]
            maximum = eMarks[nextLine]
            if pos >= maximum:
                break  # an empty line ends the quote
            evaluatesTrue = src[pos] == ">" and not isOutdented
            pos += 1
            if evaluatesTrue:  # a line of the quote
                initial = offset = sCount[nextLine] + 1
                if pos < len(src) and src[pos] == " ":
                    pos += 1
                    initial += 1
                    offset += 1
                oldBMarks.append(bMarks[nextLine])
                bMarks[nextLine] = pos
                while pos < maximum and src[pos] == " ":
                    offset += 1
                    pos += 1
                lastLineEmpty = pos >= maximum
                oldSCount.append(sCount[nextLine])
                sCount[nextLine] = offset - initial
                oldTShift.append(tShift[nextLine])
                tShift[nextLine] = pos - bMarks[nextLine]
                nextLine += 1
                continue
            if lastLineEmpty:
                break
            if self.interrupts(nextLine, endLine):
                self.lineMax = nextLine
                if self.blkIndent != 0:
                    oldBMarks.append(bMarks[nextLine])
                    oldTShift.append(tShift[nextLine])
                    oldSCount.append(sCount[nextLine])
                    sCount[nextLine] -= self.blkIndent
                break
            oldBMarks.append(bMarks[nextLine])
            oldTShift.append(tShift[nextLine])
            oldSCount.append(sCount[nextLine])
            sCount[nextLine] = -1  # a lazy continuation of a paragraph in the quote
            nextLine += 1
        oldIndent = self.blkIndent
        self.blkIndent = 0
        assert parent is not None
        first = self.first
        quote = Node("blockquote", startLine + first, depth=depth_in(parent))
        parent.children.append(quote)
        self.level += 1
        self.tokenize(startLine, nextLine, quote)
        self.level -= 1
        self.lineMax = oldLineMax
        self.parentType = oldParentType
        quote.end = self.line + first
        for i, shift in enumerate(oldTShift):
            bMarks[i + startLine] = oldBMarks[i]
            tShift[i + startLine] = shift
            sCount[i + startLine] = oldSCount[i]
        self.blkIndent = oldIndent
        return True

    # --- rules_block.list ----------------------------------------------------------------
    def skipBulletListMarker(self, line: int) -> int:
        src = self.src
        pos = self.bMarks[line] + self.tShift[line]
        maximum = self.eMarks[line]
        if pos >= len(src) or src[pos] not in "*-+":
            return -1
        pos += 1
        if pos < maximum and src[pos] not in " \t":
            return -1
        return pos

    def skipOrderedListMarker(self, line: int) -> int:
        src = self.src
        start = pos = self.bMarks[line] + self.tShift[line]
        maximum = self.eMarks[line]
        if pos + 1 >= maximum or not "0" <= src[pos] <= "9":
            return -1
        pos += 1
        while True:
            if pos >= maximum:
                return -1
            ch = src[pos]
            pos += 1
            if "0" <= ch <= "9":
                if pos - start >= 10:
                    return -1
                continue
            if ch in ").":
                break
            return -1
        if pos < maximum and src[pos] not in " \t":
            return -1
        return pos

    def list_block(self, startLine: int, endLine: int, silent: bool, parent: Node | None) -> bool:
        src, sCount = self.src, self.sCount
        if self.is_code_block(startLine):
            return False
        if self.listIndent >= 0 and sCount[startLine] - self.listIndent >= 4 and sCount[startLine] < self.blkIndent:
            return False
        isTerminatingParagraph = silent and self.parentType == "paragraph" and sCount[startLine] >= self.blkIndent
        start = 0
        markerValue = 0
        posAfterMarker = self.skipOrderedListMarker(startLine)
        if posAfterMarker >= 0:
            isOrdered = True
            start = self.bMarks[startLine] + self.tShift[startLine]
            markerValue = int(src[start : posAfterMarker - 1])
            if isTerminatingParagraph and markerValue != 1:
                return False
        else:
            posAfterMarker = self.skipBulletListMarker(startLine)
            if posAfterMarker < 0:
                return False
            isOrdered = False
        if isTerminatingParagraph:
            pos = posAfterMarker
            while pos < len(src) and src[pos] in " \t":  # skipSpaces
                pos += 1
            if pos >= self.eMarks[startLine]:
                return False
        markerChar = src[posAfterMarker - 1]
        if silent:
            return True
        assert parent is not None
        first = self.first
        lst = Node("list", startLine + first, depth=depth_in(parent), ordered=isOrdered, list_start=(markerValue or 1) if isOrdered else 1)
        parent.children.append(lst)
        self.level += 1
        nextLine = startLine
        oldParentType = self.parentType
        self.parentType = "list"
        bMarks, tShift, eMarks = self.bMarks, self.tShift, self.eMarks
        while nextLine < endLine:
            pos = posAfterMarker
            maximum = eMarks[nextLine]
            initial = offset = sCount[nextLine] + posAfterMarker - (bMarks[startLine] + tShift[startLine])
            while pos < maximum and src[pos] == " ":
                offset += 1
                pos += 1
            contentStart = pos
            if contentStart >= maximum:
                raise Bail  # an empty list item: markdown-it's special cases
            indentAfterMarker = offset - initial
            if indentAfterMarker > 4:
                raise Bail  # the item starts with indented code
            indent = initial + indentAfterMarker
            item = Node(
                "item", startLine + first, depth=depth_in(lst), info=src[start : posAfterMarker - 1] if isOrdered else "", markup=markerChar
            )
            lst.children.append(item)
            self.level += 1
            oldTShift = tShift[startLine]
            oldSCount = sCount[startLine]
            oldListIndent = self.listIndent
            self.listIndent = self.blkIndent
            self.blkIndent = indent
            tShift[startLine] = contentStart - bMarks[startLine]
            sCount[startLine] = offset
            self.tokenize(startLine, endLine, item)
            self.blkIndent = self.listIndent
            self.listIndent = oldListIndent
            tShift[startLine] = oldTShift
            sCount[startLine] = oldSCount
            self.level -= 1
            nextLine = startLine = self.line
            item.end = nextLine + first
            if nextLine >= endLine:
                break
            if sCount[nextLine] < self.blkIndent:
                break
            if self.is_code_block(startLine):
                break
            self.refuse_other_blocks(nextLine)  # the list's terminators: fence, blockquote, hr
            if self.blockquote(nextLine, endLine, True, None):
                break
            if isOrdered:
                posAfterMarker = self.skipOrderedListMarker(nextLine)
                if posAfterMarker < 0:
                    break
                start = bMarks[nextLine] + tShift[nextLine]
            else:
                posAfterMarker = self.skipBulletListMarker(nextLine)
                if posAfterMarker < 0:
                    break
            if markerChar != src[posAfterMarker - 1]:
                break
        self.level -= 1
        lst.end = nextLine + first
        self.line = nextLine
        self.parentType = oldParentType
        return True
