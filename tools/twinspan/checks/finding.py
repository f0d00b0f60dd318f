"""What a check reports: :class:`Finding`, and :class:`CheckResult` for a whole run.

A finding is small and picklable: worker processes return them, the cache stores
them, and every output format (text, JSON, SARIF, JUnit, GitHub) is made from them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


def display(text: str | None) -> str | None:
    """Text safe to print and to write as JSON/XML: undecodable bytes (kept by the parser as
    surrogate escapes) become U+FFFD."""
    if text is None or text.isascii():
        return text
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Category(StrEnum):
    PAIRING = "pairing"
    NUMBERING = "numbering"
    LINKS = "links"
    MARKUP = "markup"
    NUMBERS = "numbers"
    TEXT = "text"
    FRONT_MATTER = "front-matter"
    CROSS_LOCALE = "cross-locale"


#: The fields of a finding in the JSON contract, in order.
FIELDS = ("code", "category", "severity", "path", "line", "column", "segment", "locale", "message", "source", "target", "fix")


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, at a 1-based ``line``/``column`` of ``path``.

    ``segment`` is the segment id (or None for file-level findings); ``source`` and
    ``target`` quote the English source and the translation the message is about;
    ``fix`` is the suggested replacement text, or None. ``edits`` are the safe fixes
    ``--fix`` applies: (segment index, new translation text) pairs; not part of the
    JSON contract.
    """

    code: str
    category: str
    severity: str
    path: str
    line: int
    column: int
    segment: str | None
    locale: str | None
    message: str
    source: str | None = None
    target: str | None = None
    fix: str | None = None
    edits: tuple[tuple[int, str], ...] = field(default=(), compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The finding in the JSON contract (``twinspan check --format json``)."""
        return {name: getattr(self, name) for name in FIELDS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        edits = tuple((int(i), str(t)) for i, t in data.get("edits", ()))
        return cls(
            str(data["code"]),
            str(data["category"]),
            str(data["severity"]),
            str(data["path"]),
            int(data["line"]),
            int(data["column"]),
            data.get("segment"),
            data.get("locale"),
            str(data["message"]),
            data.get("source"),
            data.get("target"),
            data.get("fix"),
            edits,
        )

    def to_cache(self) -> dict[str, Any]:
        data = asdict(self)
        if not self.edits:
            del data["edits"]
        return data

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


@dataclass
class CheckResult:
    """The outcome of :func:`twinspan.checks.check_paths`.

    ``findings`` are sorted by path, line, column and code. ``errors`` are files that
    could not be read (``path: message``); the CLI exits 2 when there are any.
    """

    files: int = 0
    segments: int = 0
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    cached: int = 0  # files whose findings came from the cache
    checked: list[str] = field(default_factory=list)  # the files checked, in order

    def counts(self) -> Counter[str]:
        """Findings per code."""
        return Counter(f.code for f in self.findings)

    def by_severity(self) -> Counter[str]:
        return Counter(f.severity for f in self.findings)

    def failed(self, fail_on: str | Severity = Severity.ERROR) -> bool:
        """Whether any finding is at or above *fail_on*."""
        threshold = Severity(fail_on).rank
        return any(Severity(f.severity).rank >= threshold for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract: version, files, segments, findings."""
        return {
            "version": 1,
            "files": self.files,
            "segments": self.segments,
            "findings": [f.to_dict() for f in self.findings],
        }
