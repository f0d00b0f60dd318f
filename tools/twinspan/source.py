"""Decoding input bytes and mapping character offsets to lines, columns and bytes.

The parser works on a ``str``; every position it reports is derived from one
:class:`SourceText`, which also knows how to turn the text back into the exact
input bytes (BOM, CRLF, invalid UTF-8 and all).
"""

from __future__ import annotations

import bisect
import codecs
import itertools
import re
from dataclasses import dataclass, field

#: Bytes of input decoded as UTF-16 keep their BOM in the text (U+FEFF), like UTF-8.
_UTF16_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # "utf-8" or "utf-16-le"/"utf-16-be"
    invalid_offsets: tuple[int, ...]  # char offsets of undecodable bytes (surrogate escapes)
    refused: str | None = None  # why the bytes were not decoded as the declared encoding


def decode(data: bytes) -> Decoded:
    """Decode *data* without ever losing a byte.

    UTF-8 is the format; a UTF-16 BOM is honoured. Undecodable bytes become
    surrogate escapes (U+DC80..U+DCFF) so that :func:`encode` gives the input back.
    """
    for bom, enc in _UTF16_BOMS:
        if data.startswith(bom) and len(data) % 2 == 0:
            try:
                return Decoded(data.decode(enc), enc, ())
            except UnicodeDecodeError as exc:
                refused = f"starts with a UTF-16 BOM but is not valid UTF-16 ({exc.reason})"
                text = data.decode("utf-8", "surrogateescape")
                return Decoded(text, "utf-8", _invalid_offsets(text), refused)
    text = data.decode("utf-8", "surrogateescape")
    return Decoded(text, "utf-8", _invalid_offsets(text))


def _invalid_offsets(text: str) -> tuple[int, ...]:
    if text.isascii():
        return ()
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return tuple(i for i, ch in enumerate(text) if "\udc80" <= ch <= "\udcff")
    return ()


def encode(text: str, encoding: str = "utf-8") -> bytes:
    """Inverse of :func:`decode` for text it produced."""
    if encoding == "utf-8":
        return text.encode("utf-8", "surrogateescape")
    return text.encode(encoding, "surrogatepass")


def _line_starts(text: str) -> list[int]:
    """Start offsets of lines, with CRLF, CR and LF all ending a line (as markdown-it does)."""
    starts = [0]
    find = text.find
    n = len(text)
    if "\r" not in text:
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts
    i = 0
    while i < n:
        ch = text[i]
        if ch == "\n":
            starts.append(i + 1)
        elif ch == "\r":
            if i + 1 < n and text[i + 1] == "\n":
                i += 1
            starts.append(i + 1)
        i += 1
    return starts


@dataclass(frozen=True, slots=True)
class Position:
    """A place in a file: 1-based line and column (in characters), 0-based offsets."""

    line: int
    column: int
    offset: int  # character offset in the decoded text
    byte: int  # byte offset in the file as stored


@dataclass(frozen=True)
class SourceText:
    text: str
    encoding: str = "utf-8"
    _starts: list[int] = field(init=False, repr=False, compare=False)
    _byte_starts: list[int] | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", _line_starts(self.text))

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based *line* (clamped to the text)."""
        if line < 1:
            return 0
        if line > len(self._starts):
            return len(self.text)
        return self._starts[line - 1]

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)

    def line_end(self, offset: int) -> int:
        """Offset of the line break ending the line that holds *offset* (or the end of the text)."""
        line = bisect.bisect_right(self._starts, offset)
        if line >= len(self._starts):
            return len(self.text)
        end = self._starts[line] - 1  # the last character of the line break
        if end > 0 and self.text[end] == "\n" and self.text[end - 1] == "\r":
            end -= 1
        return max(end, offset)

    def _bytes_before(self, line_index: int) -> int:
        starts = self._byte_starts
        if starts is None:
            starts = [0]
            total = 0
            text = self.text
            bounds = self._starts
            unit = 1 if self.encoding == "utf-8" else 2
            for a, b in itertools.pairwise(bounds):
                chunk = text[a:b]
                total += len(chunk) * unit if chunk.isascii() else len(encode(chunk, self.encoding))
                starts.append(total)
            object.__setattr__(self, "_byte_starts", starts)
        return starts[line_index]

    def position(self, offset: int) -> Position:
        line = bisect.bisect_right(self._starts, offset)
        start = self._starts[line - 1]
        prefix = self.text[start:offset]
        if self.encoding == "utf-8":
            nbytes = len(prefix) if prefix.isascii() else len(encode(prefix))
        else:
            nbytes = len(encode(prefix, self.encoding))
        return Position(line, offset - start + 1, offset, self._bytes_before(line - 1) + nbytes)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def displayable(text: str) -> str:
    """*text* for output that must be valid Unicode (HTML, JSON, UTF-8 files): the lone surrogates
    that stand for undecodable input bytes (and unpaired UTF-16 halves) become U+FFFD.

    The model keeps them so that ``dump()`` gives the input back; the parse diagnostics report them.
    """
    return text if text.isascii() else _LONE_SURROGATE.sub("\ufffd", text)
