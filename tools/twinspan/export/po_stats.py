"""``po stats``: translated / fuzzy / untranslated entries per locale, counted as ``msgfmt --statistics`` does."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib

from ..errors import ReadError
from .paths import locale_folder


@dataclass
class Counts:
    catalogs: int = 0
    translated: int = 0  # msgstr set, not fuzzy
    fuzzy: int = 0  # fuzzy with a msgstr (msgfmt counts a fuzzy entry without one as untranslated)
    untranslated: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    def add(self, other: Counts) -> None:
        self.catalogs += other.catalogs
        self.translated += other.translated
        self.fuzzy += other.fuzzy
        self.untranslated += other.untranslated

    def as_dict(self) -> dict[str, int]:
        return {
            "catalogs": self.catalogs,
            "translated": self.translated,
            "fuzzy": self.fuzzy,
            "untranslated": self.untranslated,
            "total": self.total,
        }


def catalog_counts(path: Path) -> Counts:
    try:
        po = polib.pofile(str(path))
    except (OSError, ValueError) as exc:
        raise ReadError(f"not a readable PO file: {exc}", str(path)) from None
    c = Counts(catalogs=1)
    for entry in po:
        if entry.obsolete:
            continue
        if not entry.msgstr:
            c.untranslated += 1
        elif entry.fuzzy:
            c.fuzzy += 1
        else:
            c.translated += 1
    return c


def locale_counts(catalogs: list[Path]) -> dict[str, Counts]:
    """Counts per locale (the catalog's ``<locale>/`` folder; ``?`` outside one), sorted by locale."""
    out: dict[str, Counts] = {}
    for path in catalogs:
        folder = locale_folder(path)
        out.setdefault(folder.name if folder else "?", Counts()).add(catalog_counts(path))
    return dict(sorted(out.items()))
