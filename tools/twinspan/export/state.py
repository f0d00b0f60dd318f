"""Review and sync state of a locale's PO catalogs: ``translations/<locale>/twinspan-state.json``.

A reviewer approves a machine-translated entry by clearing its ``fuzzy`` flag; ``po apply``
records the approval here, keyed by segment context and the hashes of the English source and
of the approved translation. ``po extract`` leaves an entry un-fuzzy while its source and
translation still hash the same, so approvals survive re-extraction, and lapse by themselves
when either text changes. The file also keeps, per article, the digest of its translations
after the last ``po apply``, so that apply can tell its own earlier writes from edits made to
the Markdown behind the catalog's back.

The file is small, sorted JSON meant to be committed next to the catalogs.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ReadError
from ..io import atomic_write

STATE_NAME = "twinspan-state.json"
STATE_VERSION = 1


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def approval_token(source: str, translation: str) -> str:
    """What an approval is bound to: this English source and this translation."""
    return f"{text_hash(source)}:{text_hash(translation)}"


@dataclass
class ArticleState:
    applied: str | None = None  # translation digest after the last `po apply`
    approved: dict[str, str] = field(default_factory=dict)  # msgctxt → approval token

    def to_json(self) -> dict[str, Any]:
        return {"applied": self.applied, "approved": dict(sorted(self.approved.items()))}


@dataclass
class LocaleState:
    path: Path
    articles: dict[str, ArticleState] = field(default_factory=dict)

    @classmethod
    def load(cls, locale_dir: Path) -> LocaleState:
        path = locale_dir / STATE_NAME
        if not path.is_file():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            articles = {
                str(name): ArticleState(a.get("applied"), {str(k): str(v) for k, v in a.get("approved", {}).items()})
                for name, a in data["articles"].items()
            }
        except (OSError, ValueError, KeyError, AttributeError, TypeError) as exc:
            raise ReadError(f"not a twinspan state file ({exc})", str(path)) from None
        return cls(path, articles)

    def article(self, name: str) -> ArticleState:
        return self.articles.get(name) or ArticleState()

    def is_approved(self, name: str, context: str, source: str, translation: str) -> bool:
        return self.article(name).approved.get(context) == approval_token(source, translation)

    def dumps(self) -> bytes:
        articles = {name: a.to_json() for name, a in sorted(self.articles.items()) if a.applied or a.approved}
        doc = {"version": STATE_VERSION, "articles": articles}
        return (json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")

    def current_bytes(self) -> bytes | None:
        return self.path.read_bytes() if self.path.is_file() else None

    def save(self) -> bool:
        """Write the file when its bytes change; True when written."""
        data = self.dumps()
        if data == self.current_bytes():
            return False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(self.path, data)
        return True
