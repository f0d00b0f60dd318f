"""Inline structure of one side of a segment, from markdown-it's inline parser.

Computed lazily (``Side.inline``) because most consumers read only some segments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from markdown_it import MarkdownIt
from markdown_it.token import Token

from . import inline_fast

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_INDIC_DIGIT = re.compile("[٠-٩۰-۹]")
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
#: Error codes: SMTP enhanced status codes with an optional basic code, hex HRESULTs, Azure AD codes.
_ERROR_CODE = re.compile(
    r"(?<![\w.])(?:(?:[245]\d\d[- ])?[245]\.\d{1,3}\.\d{1,3}(?![\w.]*\d)|0x[0-9A-Fa-f]{4,8}\b|AADSTS\d{4,})",
)


@dataclass(frozen=True, slots=True)
class Link:
    text: str  # plain text of the link (alt text for images)
    url: str
    title: str | None
    image: bool = False


@dataclass(frozen=True, slots=True)
class UIPart:
    text: str
    bold: bool


class Inline(NamedTuple):
    """What one side says once its inline Markdown and HTML are read. A NamedTuple, not a frozen
    dataclass: one is built for every side (~47,000 in the corpus), at less than half the cost."""

    plain: str  # the text a reader sees, markup removed
    strong: tuple[str, ...]  # bold runs (UI labels)
    em: tuple[str, ...]
    code: tuple[str, ...]
    links: tuple[Link, ...]
    tags: tuple[str, ...]  # inline HTML tag names, lower case, in order ("br", "a", "/a", …)
    ui_paths: tuple[tuple[UIPart, ...], ...]
    numbers: tuple[str, ...]  # ASCII digits (Arabic-Indic digits normalised)
    error_codes: tuple[str, ...]


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True})


_TAG_NAME = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9-]*)")
_HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)


def normalize_digits(text: str) -> str:
    return text.translate(_DIGITS) if _INDIC_DIGIT.search(text) else text


def numbers_in(text: str) -> tuple[str, ...]:
    return tuple(_NUMBER.findall(normalize_digits(text)))


def error_codes_in(text: str) -> tuple[str, ...]:
    found: list[str] = []
    for m in _ERROR_CODE.finditer(normalize_digits(text)):
        code = m.group(0)
        found.append(code)
        if len(code) > 6 and code[3] in "- " and code[:3].isdigit():
            found.append(code[4:])  # 550-5.1.1 is also 5.1.1
    return tuple(found)


def _numbers_and_codes(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Both at once: text without a digit (\\d: Arabic-Indic ones too) is scanned once and has no
    error code; the digits of the rest are normalised once."""
    numbers = _NUMBER.findall(text)
    if not numbers:
        return (), ()
    if _INDIC_DIGIT.search(text):
        text = text.translate(_DIGITS)
        numbers = _NUMBER.findall(text)
    return tuple(numbers), error_codes_in(text)


#: Characters that can start inline Markdown or HTML; text without any of them is plain as it is.
_SPECIAL = re.compile(r"[*_`\[\]<>&\\!\n\r]")


def has_markup(text: str) -> bool:
    """Whether *text* has a character that can start inline Markdown or HTML. Text without one reads
    as it is written: its :class:`Inline` has no bold, italic, code, links, tags or UI paths, and its
    ``plain`` is the text itself (the rules registered ``markup_only`` rely on this)."""
    return _SPECIAL.search(text) is not None


@lru_cache(maxsize=1024)  # Inline is immutable; one side in ten recurs nearby (UI labels, boilerplate)
def parse_inline(markup: str) -> Inline:
    if not _SPECIAL.search(markup):  # more than half of all sides: no parser needed
        return Inline(markup, (), (), (), (), (), (), *_numbers_and_codes(markup))
    toks = inline_fast.tokens(markup)  # the common subset, token for token as markdown-it reads it
    return _inline(toks if toks is not None else _markdown_it_tokens(markup))


def _markdown_it_tokens(markup: str) -> list[inline_fast.Tok]:
    """markdown-it's inline tokens of *markup*, in the tuple form of :mod:`twinspan.inline_fast`
    (plus ``code``, ``image`` and ``html``)."""
    md = _md()
    children: list[Token] = []
    md.inline.parse(markup, md, {}, children)  # the inline rule chain alone, without the core chain
    out: list[inline_fast.Tok] = []
    for tok in children:
        t = tok.type
        if t in ("text", "text_special"):
            out.append(("text", tok.content))
        elif t in ("softbreak", "hardbreak"):
            out.append(("text", " "))
        elif t == "code_inline":
            out.append(("code", tok.content))
        elif t == "link_open":
            out.append((t, str(tok.attrGet("href") or ""), str(tok.attrGet("title") or "")))
        elif t == "image":
            alt = "".join(c.content for c in (tok.children or []) if c.type in ("text", "code_inline"))
            out.append((t, str(tok.attrGet("src") or ""), str(tok.attrGet("title") or ""), alt))
        elif t == "html_inline":
            out.append(("html", tok.content))
        elif t in ("strong_open", "strong_close", "em_open", "em_close", "link_close"):
            out.append((t,))
    return out


def _joined(toks: list[inline_fast.Tok]) -> list[inline_fast.Tok]:
    """Adjacent text tokens as one: markdown-it splits text at escapes, entities and unpaired
    delimiters, and the fast tokenizer does not; neither split means anything to a reader."""
    out: list[inline_fast.Tok] = []
    for tok in toks:
        if tok[0] == "text" and out and out[-1][0] == "text":
            out[-1] = ("text", out[-1][1] + tok[1])
        else:
            out.append(tok)
    return out


def _inline(toks: list[inline_fast.Tok]) -> Inline:
    plain: list[str] = []
    strong: list[str] = []
    em: list[str] = []
    code: list[str] = []
    links: list[Link] = []
    tags: list[str] = []
    # A flat run of pieces for UI paths: ("b", text) for bold, ("t", text) for the rest.
    pieces: list[tuple[str, str]] = []
    strong_depth = 0
    em_depth = 0
    strong_buf: list[str] = []
    em_buf: list[str] = []
    link_stack: list[tuple[str, str | None, list[str]]] = []
    html_links: list[int] = []  # positions in link_stack opened by <a href>

    def emit(text: str) -> None:
        plain.append(text)
        if strong_depth:
            strong_buf.append(text)
        else:
            pieces.append(("t", text))
        if em_depth:
            em_buf.append(text)
        for _, _, buf in link_stack:
            buf.append(text)

    for tok in _joined(toks):
        t = tok[0]
        if t == "text":
            emit(tok[1])
        elif t == "code":
            code.append(tok[1])
            emit(tok[1])
        elif t == "strong_open":
            strong_depth += 1
        elif t == "strong_close":
            strong_depth -= 1
            if strong_depth == 0:
                run = "".join(strong_buf)
                strong_buf.clear()
                strong.append(run.strip())
                pieces.append(("b", run))
        elif t == "em_open":
            em_depth += 1
        elif t == "em_close":
            em_depth -= 1
            if em_depth == 0:
                em.append("".join(em_buf).strip())
                em_buf.clear()
        elif t == "link_open":
            link_stack.append((tok[1], tok[2] or None, []))
        elif t == "link_close" and link_stack:
            href, title, buf = link_stack.pop()
            links.append(Link("".join(buf).strip(), href, title))
        elif t == "image":
            links.append(Link(tok[3], tok[1], tok[2] or None, image=True))
        elif t == "html":
            m = _TAG_NAME.match(tok[1])
            if m:
                name = m.group(1) + m.group(2).lower()
                tags.append(name)
                if name == "br":
                    emit(" ")
                elif name == "a":  # an HTML link is a link: <a href="…">text</a>
                    href_m = _HREF.search(tok[1])
                    if href_m is not None:
                        url = next(g for g in href_m.groups() if g is not None)
                        html_links.append(len(link_stack))
                        link_stack.append((url, None, []))
                elif name == "/a" and html_links and html_links[-1] == len(link_stack) - 1:
                    html_links.pop()
                    href_url, _, buf = link_stack.pop()
                    links.append(Link("".join(buf).strip(), href_url, None))
    if strong_depth and strong_buf:  # unclosed (markdown-it does not produce this, but be safe)
        pieces.append(("t", "".join(strong_buf)))
    text = "".join(plain)
    numbers, error_codes = _numbers_and_codes(text)
    return Inline(
        plain=text,
        strong=tuple(strong),
        em=tuple(em),
        code=tuple(code),
        links=tuple(links),
        tags=tuple(tags),
        ui_paths=_ui_paths(pieces),
        numbers=numbers,
        error_codes=error_codes,
    )


_CLAUSE = re.compile(r"[,;:.!?،؛؟()]")


def _ui_paths(pieces: list[tuple[str, str]]) -> tuple[tuple[UIPart, ...], ...]:
    """UI paths such as ``**Users** > **Active users**``: parts joined by ``>``, one of them bold.

    A plain part is the clause next to the separator ("Browse to Azure AD" > **Properties**).
    """
    if not any(">" in text for _, text in pieces):
        return ()  # no separator, no path (most sides)
    # Flatten into items: ("b", text), ("t", text) and (">", "").
    items: list[tuple[str, str]] = []
    for kind, text in pieces:
        if kind == "b" and ">" in text:
            for k, part in enumerate(text.split(">")):
                if k:
                    items.append((">", ""))
                items.append(("b", part))
        elif kind == "t" and ">" in text:
            for k, part in enumerate(text.split(">")):
                if k:
                    items.append((">", ""))
                if part:
                    items.append(("t", part))
        else:
            items.append((kind, text))
    # Drop whitespace-only plain items so that neighbours are adjacent.
    items = [it for it in items if not (it[0] == "t" and not it[1].strip())]
    paths: list[tuple[UIPart, ...]] = []
    current: list[UIPart] = []
    has_bold = False
    i = 0
    while i < len(items):
        kind, _ = items[i]
        if kind == ">" and 0 < i < len(items) - 1 and items[i - 1][0] != ">" and items[i + 1][0] != ">":
            left, right = items[i - 1], items[i + 1]
            if not current:
                current.append(_part(left, side="left"))
                has_bold = left[0] == "b"
            current.append(_part(right, side="right"))
            has_bold = has_bold or right[0] == "b"
            # a plain right part ends the path; a bold one may continue
            if right[0] == "t" or not (i + 2 < len(items) and items[i + 2][0] == ">"):
                if has_bold:
                    paths.append(tuple(current))
                current, has_bold = [], False
            i += 2
            continue
        if current:
            if has_bold:
                paths.append(tuple(current))
            current, has_bold = [], False
        i += 1
    if current and has_bold:
        paths.append(tuple(current))
    return tuple(paths)


def _part(item: tuple[str, str], side: str) -> UIPart:
    kind, text = item
    if kind == "b":
        return UIPart(text.strip(), True)
    # The clause next to the separator; past a bracket or stop that ends right there, the one before
    # it ("About me (opens your profile) > **Update**": "opens your profile", not "").
    clauses = [c for c in (piece.strip() for piece in _CLAUSE.split(text)) if c]
    return UIPart((clauses[-1] if side == "left" else clauses[0]) if clauses else "", False)
