"""URL slugs from article file names and heading texts.

File names in the knowledge base carry zero-width spaces (U+200B), en dashes (U+2013),
apostrophes and spaces: ``restore-an-office-365-group-using-eac\u200b\u200b.md`` must become
``restore-an-office-365-group-using-eac``, stable across builds and languages.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

#: Slugs that name the site's own pages and folders; an article with such a name gets a suffix.
RESERVED = frozenset({"index", "codes", "topics", "media", "search", "assets", "404", "sitemap"})
_DROP = frozenset("'\"`\u2018\u2019\u201c\u201d\u00b4")  # quotes vanish: "don't" -> "dont"


def slugify(text: str, fallback: str = "article") -> str:
    """Lower-case letters and digits joined by single hyphens; format characters (U+200B…) dropped."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFKC", text):
        if ch in _DROP or unicodedata.category(ch) in ("Cf", "Mn"):
            continue
        if ch.isalnum():
            out.append(ch.lower())
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-") or fallback


def file_slug(name: str) -> str:
    """The slug of an article file name (without its ``.md``); a name in a subfolder
    (``actuals/actuals-overview.md``) keeps its folders: ``actuals/actuals-overview``."""
    stem = name[:-3] if name.lower().endswith(".md") else name
    return "/".join(slugify(part) for part in stem.split("/"))


def assign(names: Iterable[str]) -> dict[str, str]:
    """A unique slug for every file name, the same whatever order the names come in.

    Names that slugify alike (``A b.md`` and ``a-b.md``) get ``-2``, ``-3`` in sorted order;
    reserved names get ``-article``.
    """
    taken: set[str] = set()
    out: dict[str, str] = {}
    for name in sorted(set(names)):
        base = file_slug(name)
        if base.split("/")[0] in RESERVED:
            base += "-article"
        slug, k = base, 1
        while slug in taken:
            k += 1
            slug = f"{base}-{k}"
        taken.add(slug)
        out[name] = slug
    return out


class Anchors:
    """Unique ``id`` values within one page."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def make(self, text: str, fallback: str = "section") -> str:
        base = slugify(text, fallback)[:60].strip("-") or fallback
        anchor, k = base, 1
        while anchor in self.taken:
            k += 1
            anchor = f"{base}-{k}"
        self.taken.add(anchor)
        return anchor
