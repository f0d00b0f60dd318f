"""The rules, one module per category; importing this package registers them all."""

from __future__ import annotations

from . import crosslocale, frontmatter, links, markup, numbering, numbers, pairing, parse, text

__all__ = ["crosslocale", "frontmatter", "links", "markup", "numbering", "numbers", "pairing", "parse", "text"]
