"""Where an article's exports go: ``<locale>/<name>`` for every kind of output.

An article at ``content/ar-SA/includes/x.md`` is ``ArticleKey("ar-SA", "includes/x")``: the
locale is the nearest folder named like a locale (as the parser reads it), the name is the
path below that folder without ``.md``. PO catalogs live at ``translations/<locale>/<name>.po``
and ``po apply`` finds the article again at ``<content>/<locale>/<name>.md``. An article
outside any locale folder is keyed by its ``ms.contentlocale`` and its file name.
"""

from __future__ import annotations

import os
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import UsageError
from ..model import Article
from ..parser import locale_from_path

UNKNOWN_LOCALE = "und"


@dataclass(frozen=True, order=True, slots=True)
class ArticleKey:
    locale: str
    name: str  # posix path below the locale folder, without ".md"

    @property
    def slug(self) -> str:
        return self.name

    def file(self, suffix: str) -> PurePosixPath:
        """``ar-SA/includes/x.po`` for suffix ``.po``."""
        return PurePosixPath(self.locale) / f"{self.name}{suffix}"

    def __str__(self) -> str:
        return f"{self.locale}/{self.name}"


def article_key(path: str | os.PathLike[str], locale: str | None = None) -> ArticleKey:
    """The key of the article (or catalog) at *path*; *locale* (``ms.contentlocale``) when no folder names one."""
    p = Path(os.path.normpath(os.fspath(path)))
    folder = locale_folder(p)
    stem = p.stem if p.suffix in (".md", ".po", ".json") else p.name
    if folder is not None:
        below = [*p.parent.relative_to(folder).parts, stem]
        return ArticleKey(folder.name, "/".join(below))
    return ArticleKey(locale or UNKNOWN_LOCALE, stem)


def locale_folder(path: Path) -> Path | None:
    """The nearest folder above *path* named like a locale (``ar-SA``), as the parser reads locales."""
    name = locale_from_path(path)
    if name is None:
        return None
    for parent in path.parents:
        if parent.name == name:
            return parent
    return None  # pragma: no cover - locale_from_path found it among the parents


def key_of(article: Article) -> ArticleKey:
    if article.path is None:
        raise UsageError("an article parsed from text has no path to name its exports after")
    return article_key(article.path, article.locale)


def check_unique(pairs: Iterable[tuple[Hashable, str]]) -> None:
    """Refuse two inputs that would write the same output (``content/ar-SA/x.md`` and ``fixtures/ar-SA/x.md``)."""
    seen: dict[Hashable, str] = {}
    for key, path in pairs:
        if key in seen:
            raise UsageError(f"{seen[key]} and {path} would both be exported as {key}; export them separately")
        seen[key] = path


def reference_path(path: str | os.PathLike[str]) -> str:
    """*path* as written in PO references and JSON: relative to the working folder, with ``/``."""
    rel = os.path.relpath(os.fspath(path))
    return PurePosixPath(Path(rel)).as_posix()
