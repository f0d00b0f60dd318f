"""``parse``: text or bytes in, one immutable :class:`~twinspan.model.Article` out. Never raises on content."""

from __future__ import annotations

import os
import re

from . import diagnostics as D
from . import frontmatter, spans, structure
from .model import Article, Diagnostic
from .source import SourceText, decode

#: Over this many characters the body's block structure is not analysed (segments still are).
MAX_STRUCTURE_CHARS = 10_000_000
#: A line longer than this is reported; markdown-it still reads it.
MAX_LINE = 200_000
#: A locale folder name: language, optional script (Titlecase, "Latn") and region ("SA", "sa", "419").
#: Not any two words joined by a hyphen: a checkout folder such as "wt-site" is not a locale.
_LOCALE_DIR = re.compile(r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Za-z]{2}|\d{3}))?$")
_MAX_REPORTED = 20  # per kind of encoding problem, so a binary file does not flood the output


def locale_from_path(path: str | os.PathLike[str] | None) -> str | None:
    """``ar-SA`` for ``content/ar-SA/x.md`` (the nearest folder named like a locale)."""
    if path is None:
        return None
    for part in reversed(os.path.normpath(os.fspath(path)).split(os.sep)[:-1]):
        if _LOCALE_DIR.match(part) and "-" in part:
            return part
    return None


def parse(
    text: str | bytes,
    path: str | os.PathLike[str] | None = None,
    *,
    encoding: str | None = None,
    locale_hint: str | None = None,
) -> Article:
    """Parse one article. Problems in the content become ``Article.diagnostics``."""
    diags: list[Diagnostic] = []
    if isinstance(text, bytes):
        decoded = decode(text)
        src = SourceText(decoded.text, decoded.encoding)
        if decoded.refused:
            diags.append(Diagnostic(D.ENCODING_REFUSED, decoded.refused + "; read as UTF-8", 1, 1))
        for k, off in enumerate(decoded.invalid_offsets):
            if k == _MAX_REPORTED:
                more = len(decoded.invalid_offsets) - k
                p = src.position(off)
                diags.append(Diagnostic(D.INVALID_UTF8, f"{more} more invalid UTF-8 bytes", p.line, p.column, None, off))
                break
            p = src.position(off)
            byte = ord(decoded.text[off]) - 0xDC00
            diags.append(Diagnostic(D.INVALID_UTF8, f"invalid UTF-8 byte 0x{byte:02X} (kept as is)", p.line, p.column, None, off))
    else:
        src = SourceText(text, encoding or "utf-8")
    body_text = src.text
    _report_nul_and_long_lines(src, diags)

    fm = frontmatter.split(body_text)
    diags.extend(fm.diagnostics)
    fm_end_line = src.line_of(fm.body_start) if fm.body_start else 0

    locale = None
    if fm.data is not None:
        value = fm.data.get("ms.contentlocale")
        if isinstance(value, str) and value.strip():
            locale = value.strip()
    locale = locale or locale_from_path(path) or locale_hint
    lang = (locale or "und").split("-")[0].lower()

    # Spans are scanned from the top: a front matter that was itself translated into
    # spans (it happens in the corpus) is invalid YAML, but its segments are still segments.
    scan = spans.scan(src, 0, len(body_text), lang)
    diags.extend(scan.diagnostics)
    for offset, name in scan.unknown_tags:
        if _inside_code(src, offset):
            continue
        p = src.position(offset)
        diags.append(
            Diagnostic(
                D.UNKNOWN_TAG,
                f"unknown tag <{name}>: not an HTML element; HTML renderers drop it (write &lt;{name}&gt; for a placeholder)",
                p.line,
                p.column,
                None,
                offset,
            )
        )

    body = body_text[fm.body_start :]
    if len(body) > MAX_STRUCTURE_CHARS:
        msg = f"body of {len(body):,} characters is over the {MAX_STRUCTURE_CHARS:,} limit: segments are read, structure is not"
        diags.append(Diagnostic(D.TOO_LARGE, msg, fm_end_line + 1, 1))
        struct = structure.Structure((), (), ())
    else:
        first_line = src.line_of(fm.body_start)
        struct = structure.build(body, first_line, scan.segments, lang)
        placed = {i for b in struct.blocks for i in b.segments}
        lost = [s for i, s in enumerate(scan.segments) if i not in placed and s.line >= first_line]
        if lost:
            s = lost[0]
            msg = (
                f"{len(lost):,} segment(s), from {s.id} on, are in no Markdown block: nested deeper than "
                f"{structure.MAX_NESTING} levels (lists, quotes); the site cannot show them"
            )
            diags.append(Diagnostic(D.OUTSIDE_STRUCTURE, msg, s.line, s.column, s.id, s.start))

    diags.sort(key=lambda d: (d.line, d.column))
    return Article(
        path=os.fspath(path) if path is not None else None,
        source=src,
        raw_bytes_encoding=src.encoding,
        front_matter=fm.data,
        front_matter_raw=fm.raw,
        front_matter_end_line=fm_end_line,
        locale=locale,
        segments=scan.segments,
        blocks=struct.blocks,
        title_segments=struct.title_segments,
        procedures=struct.procedures,
        diagnostics=tuple(diags),
        anchors=struct.anchors,
    )


def _report_nul_and_long_lines(src: SourceText, diags: list[Diagnostic]) -> None:
    text = src.text
    i = text.find("\0")
    k = 0
    while i != -1 and k < _MAX_REPORTED:
        p = src.position(i)
        diags.append(Diagnostic(D.NUL_BYTE, "NUL byte in the text", p.line, p.column, None, i))
        i = text.find("\0", i + 1)
        k += 1
    if len(text) > MAX_LINE:
        for line in range(1, src.line_count + 1):
            start = src.line_start(line)
            end = src.line_start(line + 1)
            if end - start > MAX_LINE:
                diags.append(Diagnostic(D.LINE_TOO_LONG, f"line of {end - start:,} characters (limit {MAX_LINE:,})", line, 1, None, start))


def _inside_code(src: SourceText, offset: int) -> bool:
    """Whether *offset* sits inside a backtick code span on its line, or in an indented/fenced code line."""
    line_start = src.line_start(src.line_of(offset))
    before = src.text[line_start:offset]
    return before.count("`") % 2 == 1 or (before.startswith("    ") and "<span" not in before)
