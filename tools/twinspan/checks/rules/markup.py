"""Markup rules (TS5xx): bold, italic, code, inline tags and UI paths must survive translation."""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator

from ...inline import UIPart
from ...model import BlockKind, Segment
from ..context import Context
from ..finding import Category, Finding, Severity
from ..registry import article_rule, example, pair, segment_rule
from ._util import RawHTML, has_html_to_read, is_unsafe_url, plural, q, unsafe_html_urls, without_code


def _runs(runs: tuple[str, ...]) -> str:
    return ", ".join(q(r, 30) for r in runs) if runs else "none"


def _count_rule(ctx: Context, seg: Segment, attr: str, word: str) -> Iterator[Finding]:
    assert seg.translation is not None and seg.source is not None
    src: tuple[str, ...] = getattr(seg.source.inline, attr)
    tr: tuple[str, ...] = getattr(seg.translation.inline, attr)
    if len(src) != len(tr):
        yield ctx.at_side(seg, f"{plural(len(src), word)} in the source ({_runs(src)}), {len(tr)} in the translation ({_runs(tr)})")


@segment_rule(
    "TS501",
    "bold-count",
    Category.MARKUP,
    Severity.WARNING,
    markup_only=True,
    summary="The translation has a different number of bold runs than the source.",
    explanation=(
        "Bold marks UI labels (**Save**, **Users**). A translation with fewer or more bold runs has lost a label's "
        "markup, or merged two labels into one («**Users** > **Active users**» → one bold run)."
    ),
    bad=example(pair("1-101", "حدد **المستخدمون النشطون**.", "Select **Users** > **Active users**.")),
    good=example(pair("1-101", "حدد **المستخدمون** > **المستخدمون النشطون**.", "Select **Users** > **Active users**.")),
)
def bold_count(ctx: Context, seg: Segment) -> Iterator[Finding]:
    return _count_rule(ctx, seg, "strong", "bold run")


@segment_rule(
    "TS502",
    "italic-count",
    Category.MARKUP,
    Severity.WARNING,
    markup_only=True,
    summary="The translation has a different number of italic runs than the source.",
    explanation="Italic marks names and terms; a translation that drops or adds italic runs changes what is emphasised.",
    bad=example(pair("1-101", "نهج يسمى بلا تأخيرات.", "A policy called *No delays*.")),
    good=example(pair("1-101", "نهج يسمى *بلا تأخيرات*.", "A policy called *No delays*.")),
)
def italic_count(ctx: Context, seg: Segment) -> Iterator[Finding]:
    return _count_rule(ctx, seg, "em", "italic run")


@segment_rule(
    "TS503",
    "code-changed",
    Category.MARKUP,
    Severity.ERROR,
    markup_only=True,
    summary="Code spans of the source are missing or changed in the translation.",
    explanation=(
        "Code (`Set-Mailbox`, `smtp.office365.com`) is never translated: a reader types it as it is written. "
        "Each code span of the source must be in the translation, unchanged."
    ),
    bad=example(pair("1-101", "شغّل `تعيين-علبة البريد`.", "Run `Set-Mailbox`.")),
    good=example(pair("1-101", "شغّل `Set-Mailbox`.", "Run `Set-Mailbox`.")),
)
def code_changed(ctx: Context, seg: Segment) -> Iterator[Finding]:
    assert seg.translation is not None and seg.source is not None
    src, tr = seg.source.inline.code, seg.translation.inline.code
    if src == tr or Counter(c.strip() for c in src) == Counter(c.strip() for c in tr):
        return
    missing = list((Counter(c.strip() for c in src) - Counter(c.strip() for c in tr)).elements())
    added = list((Counter(c.strip() for c in tr) - Counter(c.strip() for c in src)).elements())
    parts = []
    if missing:
        parts.append(f"code {', '.join(q(c, 40) for c in missing)} of the source is not in the translation")
    if added:
        parts.append(f"the translation has {', '.join(q(c, 40) for c in added)}")
    yield ctx.at_side(seg, "; ".join(parts))


@segment_rule(
    "TS504",
    "inline-tags",
    Category.MARKUP,
    Severity.WARNING,
    markup_only=True,
    summary="Inline HTML tags (<br/>, <sup>, …) differ between the source and the translation.",
    explanation="Inline tags are layout: a line break or superscript the source has must be in the translation too, as many times.",
    bad=example(pair("1-101", "السطر الأول السطر الثاني", "First line<br/>second line")),
    good=example(pair("1-101", "السطر الأول<br/>السطر الثاني", "First line<br/>second line")),
)
def inline_tags(ctx: Context, seg: Segment) -> Iterator[Finding]:
    assert seg.translation is not None and seg.source is not None
    if seg.source.inline.tags == seg.translation.inline.tags:
        return
    src, tr = Counter(seg.source.inline.tags), Counter(seg.translation.inline.tags)
    if src == tr:
        return

    def show(c: Counter[str]) -> str:
        return ", ".join(f"<{t}>×{n}" for t, n in sorted(c.items())) or "none"

    yield ctx.at_side(seg, f"inline tags differ: source {show(src)}, translation {show(tr)}")


def _path_text(path: tuple[UIPart, ...]) -> str:
    return " > ".join(p.text for p in path)


def _shape(path: tuple[UIPart, ...]) -> tuple[int, int]:
    return len(path), sum(p.bold for p in path)


@segment_rule(
    "TS505",
    "ui-path",
    Category.MARKUP,
    Severity.WARNING,
    markup_only=True,
    summary="A UI path (A > B > C) has a different number of parts, or of bold parts, in the translation.",
    explanation=(
        "A UI path tells the reader where to click, one bold label per step. When the translation's path has "
        "fewer parts, or a part lost its bold, a step of the navigation is missing or unrecognisable."
    ),
    bad=example(pair("1-101", "حدد  >  **المستخدمون النشطون**.", "Select **Users** > **Active users**.")),
    good=example(pair("1-101", "حدد **المستخدمون** > **المستخدمون النشطون**.", "Select **Users** > **Active users**.")),
)
def ui_path(ctx: Context, seg: Segment) -> Iterator[Finding]:
    assert seg.translation is not None and seg.source is not None
    src, tr = seg.source.inline.ui_paths, seg.translation.inline.ui_paths
    if not src and not tr:
        return
    if [_shape(p) for p in src] == [_shape(p) for p in tr]:
        return
    for k in range(max(len(src), len(tr))):
        s = src[k] if k < len(src) else None
        t = tr[k] if k < len(tr) else None
        if s is not None and t is not None and _shape(s) == _shape(t):
            continue
        if s is None:
            msg = f"the translation has a UI path {q(_path_text(t or ()))} the source does not have"
        elif t is None:
            msg = f"UI path {q(_path_text(s))} of the source is not a UI path in the translation"
        else:
            (sn, sb), (tn, tb) = _shape(s), _shape(t)
            msg = (
                f"UI path {q(_path_text(s))} has {sn} parts ({sb} bold) in the source, "
                f"{q(_path_text(t))} has {tn} ({tb} bold) in the translation"
            )
        yield ctx.at_side(seg, msg)
        return


@segment_rule(
    "TS506",
    "active-content",
    Category.MARKUP,
    Severity.ERROR,
    markup_only=True,
    summary="Raw HTML in a span that could run script or take over the page (onerror=, <script>, srcdoc, <base> …).",
    explanation=(
        "A translation is text with a little markup; it never needs event handlers (onerror, onclick …), script, "
        "style, object/embed, base, form, frame or srcdoc, nor <meta http-equiv>. The site's sanitizer removes them, "
        "but their presence means the text was tampered with or the tool that made it is broken. Reported on each side "
        "that has some; HTML shown inside `code` is text and is not reported."
    ),
    bad=example(pair("1-101", 'انقر <img src="x" onerror="alert(1)"> هنا.', "Click here.")),
    good=example(pair("1-101", "اكتب `<img onerror=...>` هنا.", "Type `<img onerror=...>` here.")),
)
def active_content(ctx: Context, seg: Segment) -> Iterator[Finding]:
    assert seg.translation is not None and seg.source is not None
    for side, s in (("translation", seg.translation), ("source", seg.source)):
        if not has_html_to_read(s.text):
            continue
        text = without_code(s.text)
        active = RawHTML(text).active
        if active:
            yield ctx.at_side(seg, f"{side} holds {q(active[0], 40)}{f' and {len(active) - 1} more' if len(active) > 1 else ''}", side=side)


@article_rule(
    "TS507",
    "unsafe-markup-outside-spans",
    Category.MARKUP,
    Severity.ERROR,
    summary="Markup outside the segment spans that could run script (an unsafe URL, a handler, <script>).",
    explanation=(
        "What lies between and around the spans (HTML blocks, anchors, images, tables) is copied from the source "
        "repository, not translated, so nothing there should run: a javascript:/data:/vbscript:/file: URL in a link, "
        "image or href (a data: URL of a PNG, GIF, JPEG or WebP image is a picture and is allowed, here as in TS406), "
        "or the active content of TS506, in a block or in lines of no block (reference definitions). Reported at the "
        "block; code blocks and code spans are text."
    ),
    bad=example(pair("1-101", "نص.", "Text.") + '\n\n<img src="x" onerror="alert(1)">\n'),
    good=example(pair("1-101", "نص.", "Text.") + '\n\n<a name="step-1"></a>\n'),
)
def unsafe_outside_spans(ctx: Context) -> Iterator[Finding]:
    article = ctx.article
    src, text = article.source, article.text
    # The text with every segment's spans blanked out (offsets kept): they are TS406's and TS506's.
    pieces: list[str] = []
    append = pieces.append
    pos = 0
    for seg in article.segments:
        start, end = seg.start, seg.end
        if start >= pos:
            append(text[pos:start])
            append(" " * (end - start))
            pos = end
    append(text[pos:])
    outside = "".join(pieces)
    if not has_html_to_read(outside) and "](" not in outside and "]:" not in outside:
        return  # only plain tags (<br/>, <a name>) and no link outside the spans: the usual article
    for first, last in _outside_chunks(ctx):
        chunk = outside[src.line_start(first) : src.line_start(last + 1)]
        if "<" not in chunk and "]" not in chunk:
            continue
        chunk = without_code(chunk)
        # Destinations as written, then read as markdown-it and browsers read them (entities, %XX, controls).
        found = [u for u in _DESTINATION.findall(chunk) if is_unsafe_url(html.unescape(u))]
        if has_html_to_read(chunk):
            found += unsafe_html_urls(chunk) + RawHTML(chunk).active
        found = list(dict.fromkeys(found))
        if found:
            more = f" and {len(found) - 1} more" if len(found) > 1 else ""
            yield ctx.finding(f"outside the spans: {q(found[0], 40)}{more}", line=first, column=1)


#: A link destination as written: after ](, after ]: (a reference definition), in <…>, or in href=.
_DESTINATION = re.compile(r"(?:\]\(|\]:|<|href\s*=\s*[\"']?)\s*([^)\s>\"']+)", re.I)


def _outside_chunks(ctx: Context) -> list[tuple[int, int]]:
    """(first line, last line) of each block that is not code, and of each run of body lines in no
    block at all (reference definitions, what markdown-it dropped), in order."""
    article = ctx.article
    body_first = max(1, article.front_matter_end_line)
    code: set[int] = set()
    covered: set[int] = set()
    chunks: list[tuple[int, int]] = []
    for block in article.blocks:
        lines = range(block.line, max(block.end_line, block.line + 1))
        covered.update(lines)
        if block.kind is BlockKind.CODE:
            code.update(lines)
        else:
            chunks.append((block.line, lines[-1]))
    run: list[int] = []
    for line in range(body_first, article.source.line_count + 1):
        if line in covered:
            if run:
                chunks.append((run[0], run[-1]))
                run = []
        elif line not in code:
            run.append(line)
    if run:
        chunks.append((run[0], run[-1]))
    return sorted(set(chunks))
