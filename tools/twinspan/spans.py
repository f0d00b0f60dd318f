"""Finding the segment spans: ``<span data-ttu-id>`` translations and their ``sxs-lookup`` sources.

This is a lexer over inline HTML tags, not a Markdown parser: block structure comes from
markdown-it in :mod:`twinspan.structure`. The scanner pairs tags with a depth count, so
nested inline spans are content, and it recovers from every malformation it meets with a
diagnostic instead of an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from . import diagnostics as D
from .model import Diagnostic, Range, Segment, Side
from .source import SourceText

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*)?)/?>")
# The four canonical forms, matched first so that the general classifier runs only on the rest.
_TAGS = (
    r'<span data-ttu-id="(?P<t>[^"<>&]+)">|(?P<o><span class="sxs-lookup">)|<span data-stu-id="(?P<s>[^"<>&]+)">|(?P<c></span>)'
    r"|(?P<other><(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*)?)/?>)"
)
_FAST_TAGS = re.compile(_TAGS)
_CLOSE_LEN = len("</span>")
# Before them, a whole canonical pair with no tag inside either side (most segments): one match
# instead of five tags, with the result the tag-by-tag pass gives for it.
_FAST = re.compile(
    r'(?P<pair><span data-ttu-id="(?P<pid>[^"<>&]+)">(?P<ptr>[^<]*)</span><span class="sxs-lookup"><span data-stu-id="(?P=pid)">'
    r"(?P<psrc>[^<]*)</span></span>)|" + _TAGS
)
_ID_ATTR = {
    "t": re.compile(r"""data-ttu-id\s*=\s*(?:"([^"]*)"|'([^']*)'|&quot;(.*?)&quot;|([^\s"'>]+))""", re.I),
    "s": re.compile(r"""data-stu-id\s*=\s*(?:"([^"]*)"|'([^']*)'|&quot;(.*?)&quot;|([^\s"'>]+))""", re.I),
}
_SXS = re.compile(r"""class\s*=\s*(?:["']|&quot;)?[^"'>]*\bsxs-lookup\b""", re.I)

#: HTML element names that may appear in articles; other tags are reported.
KNOWN_TAGS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "blockquote",
        "br",
        "caption",
        "center",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "font",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "iframe",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "nobr",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "section",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "tt",
        "u",
        "ul",
        "var",
        "video",
        "wbr",
    ]
)

# Kinds of tag (_PAIR: a whole canonical segment pair, read in one match)
_OTHER, _T, _S_OUTER, _S_INNER, _CLOSE, _PAIR = range(6)
#: Kinds that start a segment.
_STARTS = (_T, _S_OUTER, _S_INNER, _PAIR)


class _Tag(NamedTuple):  # a NamedTuple: there are ~150,000 of these in the corpus
    kind: int
    start: int
    end: int
    attr_id: str | None
    malformed: str | None  # why the id attribute is malformed
    pair: tuple[Side, Side] | None = None  # the two sides of a _PAIR


def _classify(m: re.Match[str]) -> _Tag | None:
    closing, name, attrs = m.group(1), m.group(2), m.group(3)
    if name.lower() != "span":
        return None
    if closing:
        return _Tag(_CLOSE, m.start(), m.end(), None, None)
    malformed = None
    if "data-ttu-id" in attrs:
        kind, pat = _T, _ID_ATTR["t"]
    elif "data-stu-id" in attrs:
        kind, pat = _S_INNER, _ID_ATTR["s"]
    elif _SXS.search(attrs):
        return _Tag(_S_OUTER, m.start(), m.end(), None, ("&quot;" in attrs and "attribute quotes escaped as &quot;") or None)
    else:
        return _Tag(_OTHER, m.start(), m.end(), None, None)
    am = pat.search(attrs)
    attr_id = None
    if am is None:
        malformed = "the id attribute has no value"
    else:
        attr_id = next(g for g in am.groups() if g is not None).strip()
        if am.group(3) is not None:
            malformed = "attribute quotes escaped as &quot;"
        elif am.group(4) is not None:
            malformed = "the id attribute is not quoted"
        elif not attr_id:
            malformed = "the id is empty"
    return _Tag(kind, m.start(), m.end(), attr_id, malformed)


@dataclass(frozen=True, slots=True)
class ScanResult:
    segments: tuple[Segment, ...]
    diagnostics: tuple[Diagnostic, ...]
    unknown_tags: tuple[tuple[int, str], ...]  # (offset, name) of tags that are not HTML elements


def scan(src: SourceText, start: int, end: int, lang: str, *, pairs: bool = True) -> ScanResult:
    """Scan ``src.text[start:end]`` for segment pairs. *pairs*: read canonical pairs in one match
    (False: tag by tag only, which gives the same result, slower; the tests compare the two)."""
    text = src.text
    tags: list[_Tag] = []
    unknown: list[tuple[int, str]] = []
    # Canonical pairs met before any other span tag (in most files, all of them): kept as plain tuples,
    # they become the segments directly, as the tag pass would make them, unless another span tag
    # comes, which turns them into tags for that pass.
    pending: list[tuple[str, int, int, Side, Side]] | None = []
    for m in (_FAST if pairs else _FAST_TAGS).finditer(text, start, end):
        kind = m.lastgroup
        if kind == "pair":
            a, b = m.span()
            seg_id, t_start, t_end, s_start, s_end = m.group("pid"), *m.span("ptr"), *m.span("psrc")
            t_close = t_end + _CLOSE_LEN  # the translation's </span>; the source element starts there
            translation = Side(text[t_start:t_end], Range(a, t_close, src), Range(t_start, t_end, src), lang)
            source = Side(text[s_start:s_end], Range(t_close, b, src), Range(s_start, s_end, src), "en")
            if pending is not None:
                pending.append((seg_id, a, b, translation, source))
            else:
                tags.append(_Tag(_PAIR, a, b, seg_id, None, (translation, source)))
            continue
        if kind == "c":
            tag = _Tag(_CLOSE, m.start(), m.end(), None, None)
        elif kind == "t":
            tag = _Tag(_T, m.start(), m.end(), m.group("t"), None)
        elif kind == "s":
            tag = _Tag(_S_INNER, m.start(), m.end(), m.group("s"), None)
        elif kind == "o":
            tag = _Tag(_S_OUTER, m.start(), m.end(), None, None)
        else:
            general = _TAG.match(text, m.start(), m.end())
            assert general is not None
            classified = _classify(general)
            if classified is None:  # not a span: only reported when it is no HTML element
                if general.group(2).lower() not in KNOWN_TAGS:
                    unknown.append((m.start(), general.group(2)))
                continue
            tag = classified
        if pending is not None:
            tags.extend(_Tag(_PAIR, a, b, seg_id, None, (t, s)) for seg_id, a, b, t, s in pending)
            pending = None
        tags.append(tag)
    if pending is not None:
        segments = tuple(Segment(seg_id, t, s, i) for i, (seg_id, _, _, t, s) in enumerate(pending))
        return ScanResult(segments, (), tuple(unknown))
    return _Scanner(src, tags, lang).run(unknown)


class _Scanner:
    def __init__(self, src: SourceText, tags: list[_Tag], lang: str) -> None:
        self.src = src
        self.tags = tags
        self.lang = lang
        self.segments: list[Segment] = []
        self.diags: list[Diagnostic] = []

    # --- helpers -----------------------------------------------------------------------
    def _range(self, start: int, end: int) -> Range:
        return Range(start, end, self.src)

    def _diag(self, code: str, message: str, offset: int, seg: str | None) -> None:
        p = self.src.position(offset)
        self.diags.append(Diagnostic(code, message, p.line, p.column, seg, offset))

    def _find_close(self, i: int) -> int | None:
        """Index of the tag closing the span opened at *i*, or None when a segment starts first."""
        depth = 1
        tags = self.tags
        for j in range(i + 1, len(tags)):
            kind = tags[j].kind
            if kind == _CLOSE:
                depth -= 1
                if depth == 0:
                    return j
            elif kind in (_T, _S_OUTER, _PAIR) or (kind == _S_INNER and tags[i].kind != _S_OUTER):
                return None
            else:
                depth += 1
        return None

    def _between_is_blank(self, a: int, b: int) -> bool:
        return not self.src.text[a:b].strip(" \t")

    def _side(self, open_tag: _Tag, content_end: int, element_end: int, lang: str) -> Side:
        text = self.src.text[open_tag.end : content_end]
        return Side(text, self._range(open_tag.start, element_end), self._range(open_tag.end, content_end), lang)

    # --- the pass ----------------------------------------------------------------------
    def run(self, unknown: list[tuple[int, str]]) -> ScanResult:
        tags = self.tags
        n = len(tags)
        other_depth = 0
        i = 0
        while i < n:
            tag = tags[i]
            if tag.kind == _PAIR:
                assert tag.attr_id is not None and tag.pair is not None
                self.segments.append(Segment(tag.attr_id, tag.pair[0], tag.pair[1], len(self.segments)))
                i += 1
            elif tag.kind == _T:
                i = self._translation(i)
            elif tag.kind in (_S_OUTER, _S_INNER):
                src, i = self._source(i, None)
                seg_id = src[1] or f"?{len(self.segments)}"
                self._diag(D.UNPAIRED_SOURCE, f"source span {seg_id!r} has no translation span before it", tags[src[2]].start, seg_id)
                self.segments.append(Segment(seg_id, None, src[0], len(self.segments)))
            elif tag.kind == _OTHER:
                other_depth += 1
                i += 1
            else:  # a close
                if other_depth:
                    other_depth -= 1
                else:
                    self._diag(D.STRAY_CLOSE, "closing </span> with no opening span", tag.start, None)
                i += 1
        return ScanResult(tuple(self.segments), tuple(self.diags), tuple(unknown))

    def _translation(self, i: int) -> int:
        tags = self.tags
        tag = tags[i]
        seg_id = tag.attr_id or f"?{len(self.segments)}"
        if tag.malformed:
            self._diag(D.MALFORMED_SPAN, f"translation span {seg_id!r}: {tag.malformed}", tag.start, seg_id)
        j = self._find_close(i)
        if j is None:
            # Unclosed: the content runs to the next segment tag, or the end of the line.
            nxt = i + 1
            while nxt < len(tags) and tags[nxt].kind not in _STARTS:
                nxt += 1
            line_end = self._line_end(tag.end)
            content_end = min(tags[nxt].start if nxt < len(tags) else len(self.src.text), line_end)
            content_end = max(content_end, tag.end)
            self._diag(D.UNCLOSED_SPAN, f"translation span {seg_id!r} is not closed", tag.start, seg_id)
            trans = self._side(tag, content_end, content_end, self.src_lang)
            after = content_end
            k = nxt
        else:
            j = self._absorb_stray_closes(j, _S_OUTER, seg_id, "translation")
            close = tags[j]
            trans = self._side(tag, close.start, close.end, self.src_lang)
            after = close.end
            k = j + 1
        if k < len(tags) and tags[k].kind in (_S_OUTER, _S_INNER) and self._between_is_blank(after, tags[k].start):
            (src, src_id, _), k = self._source(k, seg_id)
            if src_id is not None and tag.attr_id is not None and src_id != tag.attr_id:
                self._diag(D.ID_MISMATCH, f"translation id {tag.attr_id!r} is paired with source id {src_id!r}", tag.start, seg_id)
            self.segments.append(Segment(seg_id, trans, src, len(self.segments)))
            return k
        self._diag(D.UNPAIRED_TRANSLATION, f"translation span {seg_id!r} has no source span after it", tag.start, seg_id)
        self.segments.append(Segment(seg_id, trans, None, len(self.segments)))
        return k if j is None else j + 1

    @property
    def src_lang(self) -> str:
        return self.lang

    def _source(self, k: int, seg_id: str | None) -> tuple[tuple[Side, str | None, int], int]:
        """Parse a source at tag *k*: ``<span sxs-lookup><span data-stu-id>…</span></span>``."""
        tags = self.tags
        outer = tags[k]
        first = k
        if outer.kind == _S_INNER:  # the wrapper is missing
            self._diag(D.MALFORMED_SPAN, "source span without its sxs-lookup wrapper", outer.start, seg_id or outer.attr_id)
            inner_i: int | None = k
            outer_i: int | None = None
        else:
            if outer.malformed:
                self._diag(D.MALFORMED_SPAN, f"source span: {outer.malformed}", outer.start, seg_id)
            outer_i = k
            inner_i = (
                k + 1
                if k + 1 < len(tags) and tags[k + 1].kind == _S_INNER and self._between_is_blank(outer.end, tags[k + 1].start)
                else None
            )
        if inner_i is None:
            assert outer_i is not None
            self._diag(D.MALFORMED_SPAN, "sxs-lookup span without a data-stu-id span inside", outer.start, seg_id)
            j = self._find_close(outer_i)
            end = tags[j].start if j is not None else self._line_end(outer.end)
            side = self._side(outer, end, tags[j].end if j is not None else end, "en")
            return (side, None, first), (j + 1 if j is not None else k + 1)
        inner = tags[inner_i]
        sid = inner.attr_id
        if inner.malformed:
            self._diag(D.MALFORMED_SPAN, f"source span {sid or seg_id!r}: {inner.malformed}", inner.start, seg_id or sid)
        j = self._find_close(inner_i)
        if j is None:
            nxt = inner_i + 1
            while nxt < len(tags) and tags[nxt].kind not in _STARTS:
                nxt += 1
            end = min(tags[nxt].start if nxt < len(tags) else len(self.src.text), self._line_end(inner.end))
            end = max(end, inner.end)
            self._diag(D.UNCLOSED_SPAN, f"source span {sid or seg_id!r} is not closed", inner.start, seg_id or sid)
            side = Side(self.src.text[inner.end : end], self._range(tags[first].start, end), self._range(inner.end, end), "en")
            return (side, sid, first), nxt
        if outer_i is not None:
            # <span sxs><span stu>A</span> B</span></span>: the last close on the line ends
            # the wrapper and the one before it the inner span; what lies between is content.
            last = self._absorb_stray_closes(j, None, seg_id or sid, "source")
            if last > j + 1:
                j = last - 1
        close = tags[j]
        element_end = close.end
        nxt = j + 1
        if outer_i is not None:
            if nxt < len(tags) and tags[nxt].kind == _CLOSE and self._between_is_blank(close.end, tags[nxt].start):
                element_end = tags[nxt].end
                nxt += 1
            else:
                self._diag(D.UNCLOSED_SPAN, f"sxs-lookup span of {sid or seg_id!r} is not closed", outer.start, seg_id or sid)
        side = Side(
            self.src.text[inner.end : close.start], self._range(tags[first].start, element_end), self._range(inner.end, close.start), "en"
        )
        return (side, sid, first), nxt

    def _absorb_stray_closes(self, j: int, until: int | None, seg_id: str | None, what: str) -> int:
        """Extend a span closed at tag *j* over stray ``</span>`` tags on the same line.

        The run of closing tags after *j* (up to the next segment tag, which must be of
        kind *until* when given) is taken as part of this span; returns the index of the
        close that really ends it. Reports the stray tags as malformed markup.
        """
        tags = self.tags
        line_end = self._line_end(tags[j].end)
        k = j + 1
        while k < len(tags) and tags[k].kind == _CLOSE and tags[k].start < line_end:
            k += 1
        run_end = k - 1  # the last close in the run
        if run_end == j or self._between_is_blank(tags[j].end, tags[j + 1].start):
            return j  # adjacent closes: any extra one is a plain stray close
        nxt_ok = k < len(tags) and tags[k].start < line_end and (until is None or tags[k].kind == until)
        if until is not None and not nxt_ok:
            return j
        stray = run_end - j - (0 if until is not None else 1)
        if stray > 0:
            self._diag(D.MALFORMED_SPAN, f"{what} span {seg_id!r} holds {stray} stray </span>", tags[j].start, seg_id)
        return run_end

    def _line_end(self, offset: int) -> int:
        """Offset of the line break that ends the line holding *offset* (or the end of text)."""
        return self.src.line_end(offset)
