"""What a rule sees while it checks one article, and the helpers that make its findings."""

from __future__ import annotations

from ..model import Article, Segment, Side
from .alphabets import Alphabets
from .config import Config
from .finding import Finding, display
from .registry import Rule


class Context:
    """One article under check. ``rule`` is set by the engine before each rule runs,
    so the helpers below stamp findings with the right code, category and severity."""

    def __init__(self, article: Article, config: Config, alphabets: Alphabets) -> None:
        self.article = article
        self.config = config
        self.alphabets = alphabets
        self.path = article.path or "<text>"
        self.locale = article.locale
        self.language = article.language or ""
        self.rule: Rule | None = None
        self._severities = config.severities
        #: What one rule works out about a segment and others reuse (the link diff of TS401–TS404),
        #: keyed by the rule module's own key; it lives as long as the check of this article.
        self.memo: dict[object, object] = {}

    def _stamp(self) -> tuple[str, str, str]:
        rule = self.rule
        assert rule is not None, "Context.rule is set by the engine"
        return rule.code, rule.category.value, self._severities.get(rule.code, rule.severity.value)

    def finding(
        self,
        message: str,
        *,
        line: int,
        column: int,
        segment: str | None = None,
        source: str | None = None,
        target: str | None = None,
        fix: str | None = None,
        edits: tuple[tuple[int, str], ...] = (),
    ) -> Finding:
        code, category, severity = self._stamp()
        return Finding(
            code,
            category,
            severity,
            self.path,
            line,
            column,
            segment,
            self.locale,
            display(message) or "",
            display(source),
            display(target),
            display(fix),
            edits,
        )

    def at_side(
        self,
        seg: Segment,
        message: str,
        *,
        side: str = "translation",
        offset: int | None = None,
        fix: str | None = None,
        edits: tuple[tuple[int, str], ...] = (),
    ) -> Finding:
        """A finding on one side of a segment: at its span, or at *offset* inside its text.

        ``source``/``target`` quote the two sides of the segment.
        """
        s: Side | None = seg.translation if side == "translation" else seg.source
        s = s or seg.translation or seg.source
        assert s is not None
        pos = s.element.start_pos if offset is None else self.article.source.position(s.content.start + offset)
        return self.finding(
            message,
            line=pos.line,
            column=pos.column,
            segment=seg.id,
            source=seg.source.text if seg.source else None,
            target=seg.translation.text if seg.translation else None,
            fix=fix,
            edits=edits,
        )

    def replace_translation(self, seg: Segment, new_text: str) -> tuple[tuple[int, str], ...]:
        """The edit that sets a segment's translation text (for ``--fix``)."""
        return ((seg.index, new_text),)
