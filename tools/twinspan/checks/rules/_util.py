"""Small helpers the rule modules share."""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

#: Whitespace at the edges of a span: spaces, tabs, no-break spaces.
EDGE_SPACE = " \t\u00a0\u202f"


def q(text: str | None, limit: int = 60) -> str:
    """Quote a piece of text for a one-line message: «…», shortened in the middle."""
    if text is None:
        return "«»"
    text = " ".join(text.split())
    if len(text) > limit:
        half = limit // 2 - 1
        text = text[:half] + "…" + text[-half:]
    return f"«{text}»"


def char_name(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'UNKNOWN')}"


def outside_code(text: str) -> list[tuple[int, int]]:
    """Stretches of *text* outside backtick code spans, as (start, end) offsets."""
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos < n:
        tick = text.find("`", pos)
        if tick == -1:
            out.append((pos, n))
            break
        out.append((pos, tick))
        run = tick
        while run < n and text[run] == "`":
            run += 1
        fence = text[tick:run]
        close = text.find(fence, run)
        if close == -1:  # an unmatched backtick run is literal text
            out.append((tick, run))
            pos = run
            continue
        pos = close + len(fence)
    return [(a, b) for a, b in out if b > a]


def without_code(text: str) -> str:
    """*text* with its backtick code spans left out (a space where each was): code is text, not markup."""
    return text if "`" not in text else " ".join(text[a:b] for a, b in outside_code(text))


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


_ARABIC = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")
_HEBREW = re.compile("[\u05d0-\u05ea\ufb1d-\ufb4f]")
#: Languages written in a script other than Latin: a text in them has letters of that script.
SCRIPTS = {"ar": _ARABIC, "fa": _ARABIC, "ur": _ARABIC, "ps": _ARABIC, "he": _HEBREW, "yi": _HEBREW}


def in_script(text: str, language: str) -> bool | None:
    """Whether *text* has letters of the language's script; None for Latin-script (or unknown) languages."""
    pattern = SCRIPTS.get(language)
    return None if pattern is None else pattern.search(text) is not None


#: Attributes whose value a browser loads or navigates to.
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "background", "data", "poster", "xlink:href", "srcset", "codebase"})
#: Elements that run script, load another document, change how the page loads or how the HTML around
#: them is parsed (noscript, svg, math: mutation XSS): never needed in a sentence.
ACTIVE_ELEMENTS = frozenset(
    {"script", "style", "object", "embed", "applet", "base", "frame", "frameset", "iframe", "form", "link", "noscript", "svg", "math"}
)
#: A handler attribute in a tag, closed or not (an unclosed tag runs on to the next ">" in the page).
_HANDLER = re.compile(r"<[A-Za-z][^<>]*?[\s\"'/](on[a-z]+)\s*=", re.I)
_CSS_SCRIPT = re.compile(r"expression\(|(?:java|vb)script:", re.I)
_CONTROLS = re.compile(r"[\x00-\x20\x7f]+")


#: Tags that can hold neither a URL nor anything active: text-level and structural elements without
#: attributes, and an anchor with only its name or id.
_PLAIN_TAG = re.compile(
    r"<(?:/?(?:a|b|i|u|s|p|br|hr|em|strong|sup|sub|kbd|code|pre|span|div|ul|ol|li|dl|dt|dd|table|thead|tbody|tr|td|th|"
    r"h[1-6]|blockquote|small|mark|del|ins|center)\s*/?|a\s+(?:name|id)\s*=\s*\"[^\"<>&]*\"\s*/?)>",
    re.I,
)


def has_html_to_read(text: str) -> bool:
    """Whether *text* has a tag worth reading with :class:`RawHTML` (most spans and blocks hold only
    ``<br/>`` and ``<a name="…"></a>``, which the reader would visit for nothing)."""
    return "<" in text and "<" in _PLAIN_TAG.sub("", text)


class RawHTML(HTMLParser):
    """The tags written as raw HTML in a span, entity references decoded as a browser does: their URL
    attributes, and what could run or take over the page (handler attributes such as ``onerror``,
    ``srcdoc``, ``<meta http-equiv>``, and the elements of :data:`ACTIVE_ELEMENTS`)."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.active: list[str] = []
        self.feed(text)
        self.close()
        if not self.active and (m := _HANDLER.search(text)) is not None:
            self.active.append(f"<… {m.group(1).lower()}>")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value:
                self.urls.append(value)
            if (
                name.startswith("on")
                or name == "srcdoc"
                or (tag == "meta" and name == "http-equiv")
                or (name == "style" and value and _CSS_SCRIPT.search(_CONTROLS.sub("", value)))
            ):
                self.active.append(f"<{tag} {name}>")
        if tag in ACTIVE_ELEMENTS:
            self.active.append(f"<{tag}>")


UNSAFE_SCHEMES = ("javascript", "vbscript", "data", "file")
#: An unsafe URL written where Markdown or HTML makes it a link: ](…), ]: … (a reference), <…>, href=… (then see is_unsafe_url).
UNSAFE_URL_TEXT = re.compile(r"(?:\]\(|\]:|<|href\s*=\s*[\"']?)\s*((?:javascript|vbscript|data|file):[^)\s>]*)", re.I)


def scheme(url: str) -> str:
    """The scheme of *url* as a browser reads it (percent-escapes decoded, tabs and newlines dropped)."""
    try:
        return urlsplit(unquote(url).strip().replace("\t", "").replace("\n", "")).scheme.lower()
    except ValueError:
        return ""


#: A raster image embedded as a data: URL (real articles have screenshots so): it cannot run anything.
_DATA_IMAGE = re.compile(r"data:image/(?:png|gif|jpe?g|webp|bmp|x-icon)[;,]", re.I)


#: How most URLs start (a scheme read as written, or a path or fragment with none).
_SAFE_STARTS = ("https://", "http://", "/", "#")


def is_unsafe_url(url: str) -> bool:
    """A javascript:, vbscript:, file: or data: URL, except a raster image's data: URL."""
    if url[:8].lower().startswith(_SAFE_STARTS):
        return False  # its scheme is http(s), or it has none: nothing below can change that
    url = _CONTROLS.sub("", url)
    return scheme(url) in UNSAFE_SCHEMES and not _DATA_IMAGE.match(unquote(url).strip())


def unsafe_html_urls(text: str) -> list[str]:
    """Unsafe URLs in raw HTML (``<a href=" &#14; jav&#x09;ascript:…">``): browsers drop controls and
    spaces from a URL before reading its scheme, and so does this."""
    return [u for u in RawHTML(text).urls if is_unsafe_url(u)] if has_html_to_read(text) else []
