"""The attack corpus (tests/fixtures/attacks/*.txt) turned into articles, and an HTML auditor.

Payloads go everywhere content reaches the site: translation and source text of segments,
step lists, blocks outside the spans, link and image URLs, autolinks, reference definitions,
link titles, front matter values and file names.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from sitetools import FRONT, article, pair

ATTACKS = Path(__file__).resolve().parent / "fixtures" / "attacks"
PREFIX = "91000"


def payloads(name: str) -> list[str]:
    lines = (ATTACKS / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("# ")]


HTML = payloads("html.txt")
URLS = payloads("urls.txt")
NAMES = payloads("names.txt")
#: Link titles that try to close the title attribute and add a handler.
TITLES = [
    '"t\\" onmouseover=\\"window.__pwned=301"',
    "'t\" onmouseover=\"window.__pwned=302'",
    '(t" autofocus onfocus="window.__pwned=303)',
]


def _seg(n: int) -> str:
    return f"{PREFIX}-{n}"


def html_article() -> str:
    """Every HTML payload in a paragraph segment (both sides), in a step, and outside the spans."""
    paras: list[str] = []
    steps: list[str] = []
    raw: list[str] = []
    for k, p in enumerate(HTML):
        paras.append(pair(_seg(200 + k), f"نص {p} نهاية", f"Text {p} end"))
        steps.append("1. " + pair(_seg(400 + k), f"خطوة {p}", f"Step {p}"))
        raw.append(p)
    body = "\n\n".join([*paras, "\n".join(steps), *raw, "> " + pair(_seg(199), HTML[0], HTML[7])])
    return article(("هجوم HTML", "HTML attack"), body, prefix=PREFIX)


def url_article() -> str:
    """Every URL payload as a link, an image, an autolink and a reference definition; titles with quotes."""
    parts: list[str] = []
    for k, u in enumerate(URLS):
        link, image = f"[رابط {k}]({u})", f"![صورة {k}]({u})"
        parts.append(pair(_seg(600 + k), f"{link} و {image} و <{u.strip()}>", f"[link {k}]({u}) and ![image {k}]({u}) and <{u.strip()}>"))
        parts.append(f"[ref{k}]: {u}\n\n[مرجع {k}][ref{k}] ![ref image {k}][ref{k}]")
        parts.append(f"1. {pair(_seg(700 + k), link, f'[step link {k}]({u})')}")
    for k, t in enumerate(TITLES):
        parts.append(pair(_seg(800 + k), f"[عنوان](https://example.com/{k} {t})", f"[title](https://example.com/{k} {t})"))
    return article(("هجوم الروابط", "URL attack"), "\n\n".join(parts), prefix=PREFIX)


def front_matter_article(k: int, payload: str) -> str:
    """No H1: the front matter title is the page title; other values carry the payload too."""
    value = json.dumps(payload, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar
    extra = f"description: {value}\nrobots: {value}\nms.author: {value}\n"
    body = pair(f"{PREFIX}-{900 + k}", "نص عادي", "Plain text")
    return FRONT.format(title=value, extra=extra) + "\n" + body + "\n"


def articles() -> dict[str, str]:
    """File name -> article text: the whole corpus as a content folder's extra files."""
    out = {"attack-html.md": html_article(), "attack-urls.md": url_article()}
    for k, p in enumerate(HTML[::4]):
        out[f"attack-front-matter-{k}.md"] = front_matter_article(k, p)
    for k, name in enumerate(NAMES):
        out[f"{name}.md"] = article((f"اسم {k}", f"Name {k}"), pair(_seg(950 + k), "نص", "Text"), prefix=PREFIX)
    return out


# --- auditing the built HTML ---------------------------------------------------------------------------
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "srcset", "xlink:href", "background", "poster", "cite"})
#: The site's own inline handlers (site_overrides/twinspan-root.html), the only ones allowed.
THEME_HANDLERS = frozenset({"try{localStorage.setItem('twinspan:language',this.dataset.lang)}catch(e){}"})
_STRIP = re.compile(r"[\x00-\x20\x7f]+")


def unsafe_url(value: str) -> bool:
    """Whether a browser would take *value* (already entity-decoded) as a javascript:, data: or vbscript: URL.

    Browsers drop leading C0 controls and spaces and every tab and newline inside a URL.
    """
    url = _STRIP.sub("", value).lower()
    return url.startswith(("javascript:", "data:", "vbscript:"))


@dataclass
class Audit(HTMLParser):
    """What in one HTML page could run: handler attributes, unsafe URLs, script/style holding a payload."""

    problems: list[str] = field(default_factory=list)
    _raw: str | None = None  # the element whose text is being collected (script or style)
    _type: str = ""
    _text: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            value = value or ""
            handler = name.startswith("on") and value not in THEME_HANDLERS
            url = name in URL_ATTRIBUTES and any(unsafe_url(v) for v in value.split(","))
            payload = name in ("style", "srcdoc") and "__pwned" in value
            if handler or url or payload:
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag in ("iframe", "object", "embed", "base", "frame") or (tag == "meta" and dict(attrs).get("http-equiv")):
            self.problems.append(f"<{tag}> element")
        if tag in ("script", "style"):
            self._raw, self._type, self._text = tag, dict(attrs).get("type") or "", []

    def handle_data(self, data: str) -> None:
        if self._raw is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._raw == tag:
            text = "".join(self._text)
            if self._type == "application/ld+json":
                if "<" in text:  # "<!--<script" would put the parser in script-data-escaped state
                    self.problems.append("<script type=application/ld+json> holds a '<'")
                try:  # content stays inside the JSON: it parses, and the element was not closed early
                    json.loads(text)
                except ValueError:
                    self.problems.append("<script type=application/ld+json> is not JSON: content broke out")
            elif "__pwned" in text or "msgbox" in text:
                self.problems.append(f"<{tag}> holding a payload: {text[:120]!r}")
            self._raw = None


def audit(page: str) -> list[str]:
    a = Audit()
    a.feed(page)
    a.close()
    return a.problems
