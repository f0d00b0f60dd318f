"""The immutable article model that every consumer (checks, exporters, the site) reads.

One :class:`Article` per file. Nothing here parses text: :mod:`twinspan.parser`
builds these objects, and :meth:`Article.dump` gives back the input exactly.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple

# Imported here, not in Side.inline: an import statement run on each of the ~54,000 first uses
# cost ~7 µs each (importlib's from-list handling), a quarter of the corpus's inline time.
from .inline import Inline, parse_inline
from .source import Position, SourceText, encode

SOURCE_LOCALE = "en-US"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem met while parsing. ``code`` is stable (see :mod:`twinspan.diagnostics`)."""

    code: str
    message: str
    line: int
    column: int
    segment: str | None = None
    offset: int | None = None


class Range(NamedTuple):
    """A stretch of the file: ``start``/``end`` as character offsets; line, column and byte
    offsets are worked out from the source text when asked for."""

    start: int
    end: int
    src: SourceText

    def __repr__(self) -> str:
        return f"Range({self.start}, {self.end}, line={self.line}, column={self.column})"

    @property
    def start_pos(self) -> Position:
        return self.src.position(self.start)

    @property
    def end_pos(self) -> Position:
        return self.src.position(self.end)

    @property
    def line(self) -> int:
        return self.src.line_of(self.start)

    @property
    def column(self) -> int:
        return self.start - self.src.line_start(self.src.line_of(self.start)) + 1

    @property
    def byte_start(self) -> int:
        return self.start_pos.byte

    @property
    def byte_end(self) -> int:
        return self.end_pos.byte


@dataclass(frozen=True, slots=True)
class Side:
    """One half of a segment: the translation span or the English source span.

    ``text`` is the inner markup exactly as written in the file; ``element``
    covers the whole span element(s), ``content`` just the inner text.
    """

    text: str
    element: Range
    content: Range
    lang: str
    # The inline structure once computed: a frozen object's one write, as functools.cached_property
    # does (a default of None, not a list made by a factory: ~54,000 sides in the corpus).
    _inline: Inline | None = field(default=None, repr=False, compare=False)

    @property
    def line(self) -> int:
        return self.element.line

    @property
    def column(self) -> int:
        return self.element.column

    @property
    def inline(self) -> Inline:
        """Inline structure (emphasis, links, tags, numbers, …), computed once on first use."""
        value = self._inline
        if value is None:
            value = parse_inline(self.text)
            object.__setattr__(self, "_inline", value)
        return value

    @property
    def plain(self) -> str:
        return self.inline.plain


@dataclass(frozen=True, slots=True)
class Segment:
    """A translation/source pair. Either side may be missing in broken input."""

    id: str
    translation: Side | None
    source: Side | None
    index: int  # order in the file, 0-based

    @property
    def line(self) -> int:
        side = self.translation or self.source
        assert side is not None
        return side.line

    @property
    def column(self) -> int:
        side = self.translation or self.source
        assert side is not None
        return side.column

    @property
    def start(self) -> int:
        side = self.translation or self.source
        assert side is not None
        return side.element.start

    @property
    def end(self) -> int:
        side = self.source or self.translation
        assert side is not None
        return side.element.end

    @property
    def is_paired(self) -> bool:
        return self.translation is not None and self.source is not None

    @property
    def prefix(self) -> str:
        """The file part of the id: ``44498`` of ``44498-104``."""
        return self.id.rsplit("-", 1)[0] if "-" in self.id else self.id

    def text(self, side: str) -> str:
        s = self.translation if side == "translation" else self.source
        return s.text if s is not None else ""


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    NOTE = "note"
    CODE = "code"
    TABLE = "table"
    IMAGE = "image"
    HTML = "html"
    LIST = "list"
    QUOTE = "quote"
    RULE = "rule"


@dataclass(frozen=True, slots=True)
class Container:
    """A list item or block quote that a block sits in (see :attr:`Block.containers`).

    ``kind`` is ``"ordered"`` or ``"bullet"`` for a list item, ``"quote"`` for a block
    quote; ``line`` is the first line of the list or quote, ``item`` the first line of
    the list item (0 for a quote) and ``number`` the item's number in an ordered list.
    Renderers use these to rebuild nesting that the flat block sequence does not show.
    """

    kind: str
    line: int
    item: int = 0
    number: int | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """A leaf block of the Markdown structure with the segments written in it.

    ``segments`` hold indexes into :attr:`Article.segments`. ``level`` is the heading
    level; ``note`` the admonition kind (NOTE, IMPORTANT, TIP, WARNING, CAUTION);
    ``info`` the code fence info string.
    """

    kind: BlockKind
    line: int
    end_line: int
    segments: tuple[int, ...] = ()
    level: int = 0
    note: str | None = None
    info: str | None = None
    text: str = ""  # the raw Markdown of blocks without segments (code, images, tables)
    depth: int = 0  # nesting: 0 at the root, +1 per list or quote around it
    containers: tuple[Container, ...] = ()  # the list items and quotes around it, outermost first


@dataclass(frozen=True, slots=True)
class Label:
    """A sub-step label on both sides: ``b.`` / ``ب.``. ``letter`` is without punctuation."""

    translation: str | None
    source: str | None
    segment: int | None  # index of the label segment, None for list-item numbers

    @property
    def source_letter(self) -> str | None:
        return _strip_label(self.source)

    @property
    def translation_letter(self) -> str | None:
        return _strip_label(self.translation)


def _strip_label(text: str | None) -> str | None:
    if text is None:
        return None
    return text.strip().rstrip(".)").strip() or None


@dataclass(frozen=True, slots=True)
class SubStep:
    label: Label
    segments: tuple[int, ...]  # text segments after the label
    line: int
    ordered: bool = True  # False for bullet items
    kind: str = "label"  # "label" (lettered label segments) or "item" (nested list item)


@dataclass(frozen=True, slots=True)
class Step:
    number: int  # the effective number (list start + position)
    marker: str  # the number as written ("1" in an all-"1." list)
    line: int
    segments: tuple[int, ...]  # the step's own text (its first paragraph)
    substeps: tuple[SubStep, ...] = ()
    blocks: tuple[Block, ...] = ()  # everything inside the item, in order
    notes: tuple[Block, ...] = ()


@dataclass(frozen=True, slots=True)
class Procedure:
    """An ordered list of steps, with the heading or bold paragraph that introduces it."""

    title_segments: tuple[int, ...]  # empty when the article has no marker
    line: int
    steps: tuple[Step, ...]
    marker_kind: str | None = None  # "heading", "bold" or None


@dataclass(frozen=True)
class Article:
    path: str | None
    source: SourceText
    raw_bytes_encoding: str
    front_matter: Mapping[str, Any] | None
    front_matter_raw: str | None
    front_matter_end_line: int
    locale: str | None
    segments: tuple[Segment, ...]
    blocks: tuple[Block, ...]
    title_segments: tuple[int, ...]
    procedures: tuple[Procedure, ...]
    diagnostics: tuple[Diagnostic, ...]
    source_locale: str = SOURCE_LOCALE
    #: Targets of in-page links (``#name``): ``<a name|id="…">`` and heading slugs.
    anchors: frozenset[str] = frozenset()
    _by_id: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_id = self._by_id
        for seg in self.segments:
            by_id.setdefault(seg.id, seg.index)

    # --- the file ------------------------------------------------------------------
    @property
    def text(self) -> str:
        return self.source.text

    def dump(self) -> str:
        """The input text, exactly."""
        return self.source.text

    def dump_bytes(self) -> bytes:
        """The input bytes, exactly (undecodable bytes and the encoding preserved)."""
        return encode(self.source.text, self.raw_bytes_encoding)

    # --- front matter ----------------------------------------------------------------
    @property
    def translation_type(self) -> str | None:
        fm = self.front_matter or {}
        value = fm.get("ms.translationtype")
        return str(value) if value is not None else None

    @property
    def language(self) -> str | None:
        """The language part of the locale: ``ar`` of ``ar-SA``."""
        return self.locale.split("-")[0].lower() if self.locale else None

    # --- segments ----------------------------------------------------------------------
    def segment(self, seg_id: str) -> Segment | None:
        i = self._by_id.get(seg_id)
        return self.segments[i] if i is not None else None

    def segments_at(self, indexes: tuple[int, ...]) -> list[Segment]:
        return [self.segments[i] for i in indexes]

    @property
    def title(self) -> tuple[str, str]:
        """(translation, source) of the H1, in plain text."""
        segs = self.segments_at(self.title_segments)
        return (
            " ".join(s.translation.plain for s in segs if s.translation).strip(),
            " ".join(s.source.plain for s in segs if s.source).strip(),
        )

    def iter_steps(self) -> Iterator[tuple[Procedure, Step]]:
        for proc in self.procedures:
            for step in proc.steps:
                yield proc, step

    # --- editing (returns a new Article) -------------------------------------------------
    def duplicate_ids(self) -> set[str]:
        seen: set[str] = set()
        dup: set[str] = set()
        for seg in self.segments:
            (dup if seg.id in seen else seen).add(seg.id)
        return dup

    def with_translations(self, edits: Mapping[str | int, str]) -> Article:
        """A new article with the translation text of the given segments replaced.

        Keys are segment ids, or segment indexes (``Segment.index``) where an id is not
        unique. Only the bytes inside those spans change. Raises KeyError for an unknown
        or ambiguous id, or a segment with no translation span.
        """
        from .parser import parse

        splices: list[tuple[int, int, str]] = []
        dup = self.duplicate_ids() if any(isinstance(k, str) for k in edits) else set()
        for key, new in edits.items():
            if isinstance(key, int):
                seg = self.segments[key] if 0 <= key < len(self.segments) else None
            elif key in dup:
                raise KeyError(f"{key} (the id is not unique; use the segment index)")
            else:
                seg = self.segment(key)
            if seg is None or seg.translation is None:
                raise KeyError(key)
            c = seg.translation.content
            splices.append((c.start, c.end, new))
        text = self.source.text
        for start, end, new in sorted(splices, reverse=True):
            text = text[:start] + new + text[end:]
        return parse(text, path=self.path, encoding=self.raw_bytes_encoding, locale_hint=self._locale_hint())

    def _locale_hint(self) -> str | None:
        return self.locale
