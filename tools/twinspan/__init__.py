"""twinspan: parse, check, export and render bilingual localized articles.

>>> import twinspan
>>> article = twinspan.parse(text)            # or twinspan.load(path)
>>> article.segments[0].translation.text
>>> article.dump() == text
True
"""

from __future__ import annotations

from .errors import ReadError, TwinspanError, UsageError, WriteError
from .io import atomic_write, iter_markdown, load
from .model import Article, Block, BlockKind, Container, Diagnostic, Label, Procedure, Segment, Side, Step, SubStep
from .parser import parse

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Block",
    "BlockKind",
    "Container",
    "Diagnostic",
    "Label",
    "Procedure",
    "ReadError",
    "Segment",
    "Side",
    "Step",
    "SubStep",
    "TwinspanError",
    "UsageError",
    "WriteError",
    "atomic_write",
    "iter_markdown",
    "load",
    "parse",
]
