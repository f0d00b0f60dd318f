"""The allow-list every piece of HTML from the content passes through (nh3, Rust's ammonia).

Content can never inject script or event handlers: only the tags and attributes listed here
survive, ``<script>``/``<style>`` lose their content too, and ``href``/``src`` keep only
http(s)/mailto URLs or relative ones, which :class:`Links` rewrites for the built site
(``javascript:``, ``data:``, ``vbscript:`` and any other scheme are dropped, and so are relative
paths that climb out of the article's folder, like ``../../etc/passwd``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import nh3
from mkdocs.utils import get_relative_url

from ..source import displayable

TAGS = frozenset(
    {
        *("a", "abbr", "b", "bdi", "blockquote", "br", "cite", "code", "del", "em", "hr", "i", "img", "ins", "kbd"),
        *("li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "strong", "sub", "sup", "u", "ul", "var"),
        *("table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd"),
    }
)
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "abbr": {"title"},
}
SCHEMES = frozenset({"http", "https", "mailto"})
#: Files a link or image may copy into the site (never SVG or HTML: they could run script).
MEDIA_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".ico", ".pdf", ".mp4", ".webm"})


@dataclass
class Media:
    """Media files the pages of one build refer to: source path -> path in the site."""

    files: dict[Path, str] = field(default_factory=dict)

    def add(self, source: Path, locale_dir: Path) -> str:
        if source not in self.files:
            rel = source.relative_to(locale_dir).as_posix()
            self.files[source] = rel if rel.startswith("media/") else f"media/{rel}"
        return self.files[source]


@lru_cache(maxsize=4096)
def _listing(folder: Path) -> dict[str, str]:
    try:
        return {name.lower(): name for name in os.listdir(folder)}
    except OSError:
        return {}


def find_file(base: Path, rel: str) -> Path | None:
    """``base/rel`` matched case-insensitively part by part (links say ``media/16353_mouse…`` for ``16353_Mouse…``)."""
    current = base
    for part in PurePosixPath(rel).parts:
        if part in (".", ""):
            continue
        if part == "..":
            current = current.parent
            continue
        real = _listing(current).get(part.lower())
        if real is None:
            return None
        current = current / real
    return current if current.is_file() else None


@dataclass
class Links:
    """Where the links and images of one page point in the built site."""

    page_url: str  # the page's URL in its build, e.g. "solving-smtp-authentication-issues/"
    locale_dir: Path  # the folder the article was read from (media outside it are not published)
    media: Media
    article_url: Callable[[str], str | None]  # a link's article path, as written -> its page URL in this build
    link_base: str | None = None  # prefix for site-absolute links ("/azure/…"), e.g. https://learn.microsoft.com/en-us

    def resolve(self, url: str) -> str | None:
        """The URL to write, or None to drop the attribute."""
        url = url.strip()
        if not url:
            return None
        parts = urlsplit(url)
        if parts.scheme:
            return url if parts.scheme.lower() in SCHEMES else None
        if url.startswith("//"):
            return "https:" + url
        if url.startswith("#"):
            return url
        if url.startswith("/"):
            return self.link_base.rstrip("/") + url if self.link_base else url
        path = unquote(parts.path)
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        if path.lower().endswith(".md"):
            target = self.article_url(path)
            if target is not None:
                return get_relative_url(target, self.page_url) + fragment
        if not _stays_inside(path):
            return None  # "../../etc/passwd": out of the content tree, nothing on the site to point at
        found = find_file(self.locale_dir, path)
        if found is not None and found.suffix.lower() in MEDIA_SUFFIXES:
            found, folder = found.resolve(), self.locale_dir.resolve()
            if found.is_relative_to(folder):  # only the article's own locale folder is published
                return get_relative_url(self.media.add(found, folder), self.page_url) + fragment
        return url


class Sanitizer:
    """One nh3 cleaner; the links of the page being rendered are swapped in with :meth:`use`.

    A page has two: its own language's, and the English source's (site-absolute links of the
    source sentences go to the English docs).
    """

    def __init__(self) -> None:
        self.links: Links | None = None
        self.source_links: Links | None = None
        self._active: Links | None = None
        self._cleaner = nh3.Cleaner(
            tags=set(TAGS),
            clean_content_tags={"script", "style", "template", "textarea", "title", "noscript", "iframe", "object"},
            attributes={k: set(v) for k, v in ATTRIBUTES.items()},
            attribute_filter=self._filter,
            url_schemes=set(SCHEMES),
            link_rel="noopener noreferrer",
            strip_comments=True,
            set_tag_attribute_values={"code": {"dir": "ltr"}, "pre": {"dir": "ltr"}, "a": {"dir": "auto"}, "img": {"loading": "lazy"}},
        )

    def use(self, links: Links | None, source_links: Links | None = None) -> None:
        self.links = links
        self.source_links = source_links or links

    def clean(self, html: str, source: bool = False) -> str:
        self._active = self.source_links if source else self.links
        return self._cleaner.clean(displayable(html))

    def _filter(self, tag: str, attr: str, value: str) -> str | None:
        if attr in ("href", "src"):
            return self._active.resolve(value) if self._active is not None else (value if _safe_url(value) else None)
        return value


def _stays_inside(path: str) -> bool:
    """Whether a relative path, taken from the article's folder, stays inside it (no ``..`` climbing out)."""
    depth = 0
    for part in PurePosixPath(path.replace("\\", "/")).parts:
        depth += -1 if part == ".." else 0 if part in (".", "") else 1
        if depth < 0:
            return False
    return True


def _safe_url(url: str) -> bool:
    scheme = urlsplit(url.strip()).scheme
    return not scheme or scheme.lower() in SCHEMES
