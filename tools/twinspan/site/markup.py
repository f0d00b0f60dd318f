"""One side of a segment (inline Markdown as written) to safe HTML, with bidi isolation.

markdown-it renders the inline markup; text runs of Latin script inside right-to-left text
are wrapped in ``<bdi>`` so that "Azure Active Directory > Properties" or "Microsoft 365،"
keep their order; code is ``dir="ltr"`` and links ``dir="auto"`` (set by the sanitizer).
A tag that is no HTML element (``<domain>``, ``<mailbox>``: placeholders in the corpus) is
shown as written instead of vanishing. Everything then passes :class:`~.sanitize.Sanitizer`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..source import displayable
from ..spans import KNOWN_TAGS
from .sanitize import Sanitizer

#: A run of Latin-script words (with the spaces and punctuation that join them) to isolate in RTL text.
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[ \u00a0\u202f.\-_/\\:@+#&'’]+[A-Za-z0-9]+)*")
_TAG_NAME = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9-]*)")
#: HTML elements besides the ones articles use: these go to the sanitizer (which drops them,
#: with their content for script and the like), never shown as placeholder text.
_HTML_ELEMENTS = KNOWN_TAGS | {
    *("script", "style", "iframe", "object", "embed", "svg", "math", "template", "noscript", "textarea", "title"),
    *("link", "meta", "base", "form", "input", "button", "select", "option", "frame", "frameset", "applet"),
    *("audio", "video", "source", "track", "canvas", "dialog", "marquee", "html", "head", "body", "xmp", "plaintext"),
}
#: Characters that, alone in the markup between two segments, are Markdown syntax and not text.
_SYNTAX_ONLY = frozenset(" \t\r\n>*_")
#: Characters with a meaning in CommonMark inline syntax or HTML: a side without any is plain text.
_MARKUP = re.compile(r"[\\`*_\[\]!<>&\n\r]")
#: What :meth:`Markup.gap` returns for a blank line between two segments (a paragraph break).
PARAGRAPH_BREAK = "\x00p"


def bidi_text(text: str) -> str:
    """Escaped *text* with each Latin-script run in ``<bdi>``."""
    out: list[str] = []
    pos = 0
    for m in _LATIN.finditer(text):
        out.append(escape(text[pos : m.start()], quote=False))
        out.append(f"<bdi>{escape(m.group(), quote=False)}</bdi>")
        pos = m.end()
    out.append(escape(text[pos:], quote=False))
    return "".join(out)


def _text_rule(rtl: bool) -> Any:
    def render(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        content = tokens[idx].content
        return bidi_text(content) if rtl else escape(content, quote=False)

    return render


def _html_rule(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    content = tokens[idx].content
    m = _TAG_NAME.match(content)
    if m is not None and m.group(1).lower() not in _HTML_ELEMENTS:
        return escape(content, quote=False)  # a placeholder such as <domain>: show it
    return content


def _make(rtl: bool, block: bool) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True})
    if block:
        md.enable("table")
    md.add_render_rule("text", _text_rule(rtl))
    md.add_render_rule("html_inline", _html_rule)
    return md


class Markup:
    """Renders content markup for one build; ``sanitizer.use(links)`` sets where links point."""

    def __init__(self, sanitizer: Sanitizer | None = None) -> None:
        self.sanitizer = sanitizer or Sanitizer()
        self._inline = {rtl: _make(rtl, block=False) for rtl in (False, True)}
        self._block = {rtl: _make(rtl, block=True) for rtl in (False, True)}

    def inline(self, text: str, rtl: bool, source: bool = False) -> str:
        """Safe HTML of one side of a segment (``Side.text``); *source* for the English half on a translated page.

        Most sentences are plain text; they skip markdown-it and the sanitizer (nothing to parse
        or clean: the text is escaped).
        """
        text = displayable(text)
        if _MARKUP.search(text) is None:
            return bidi_text(text) if rtl else escape(text, quote=False)
        return self.sanitizer.clean(self._inline[rtl].renderInline(text), source=source)

    def block(self, markdown: str, rtl: bool) -> str:
        """Safe HTML of a block that has no segments (an image, untranslated text, a table)."""
        return self.sanitizer.clean(self._block[rtl].render(markdown))

    def gap(self, text: str, rtl: bool) -> str:
        """The markup written between two segments of one block.

        ``<BR/>`` becomes a line break and a blank line a paragraph break; text outside the
        spans is kept; indentation, quote markers and list syntax are not text and go.
        """
        lines = text.split("\n")
        if len(lines) > 2 and any(not set(line) - _SYNTAX_ONLY for line in lines[1:-1]):
            return PARAGRAPH_BREAK
        out: list[str] = []
        for tok in (self._inline[rtl].parseInline(text)[0].children or []) if text.strip() else []:
            if tok.type == "html_inline":
                m = _TAG_NAME.match(tok.content)
                if m is not None and m.group(1).lower() == "br":
                    out.append("<br>")
            elif tok.type == "text" and set(tok.content) - _SYNTAX_ONLY:
                out.append(" " + self.sanitizer.clean(bidi_text(tok.content.strip()) if rtl else escape(tok.content.strip())) + " ")
        return "".join(out) if out else " "
