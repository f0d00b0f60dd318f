"""Helpers for the PO tests: a throw-away content/ + translations/ pair, and running the CLI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import polib

from conftest import FIXTURES, SEED_NAME


@dataclass
class Workspace:
    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def translations(self) -> Path:
        return self.root / "translations"

    def article(self, name: str = SEED_NAME, locale: str = "ar-SA") -> Path:
        return self.content / locale / name

    def catalog(self, name: str = SEED_NAME, locale: str = "ar-SA") -> Path:
        return self.translations / locale / name.replace(".md", ".po")

    def state(self, locale: str = "ar-SA") -> Path:
        return self.translations / locale / "twinspan-state.json"

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "twinspan", *args], capture_output=True, text=True, check=False, cwd=self.root)

    def extract(self, *extra: str) -> subprocess.CompletedProcess[str]:
        r = self.run("po", "extract", "content", "-o", "translations", *extra)
        return r

    def apply(self, *extra: str) -> subprocess.CompletedProcess[str]:
        return self.run("po", "apply", "translations", *extra)

    def snapshot(self) -> dict[str, bytes]:
        """Every file of content/ and translations/ (to assert that nothing was written)."""
        return {str(p.relative_to(self.root)): p.read_bytes() for p in sorted(self.root.rglob("*")) if p.is_file() and "lock" not in p.name}

    def edit(self, catalog: Path, changes: dict[str, str], *, approve: set[str] | None = None) -> polib.POFile:
        """Set msgstr of the given msgctxt; clear fuzzy of those in *approve*."""
        po = polib.pofile(str(catalog), wrapwidth=0)
        for entry in po:
            if entry.msgctxt in changes:
                entry.msgstr = changes[entry.msgctxt]
            if approve and entry.msgctxt in approve and "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        po.save(str(catalog))
        return po


def workspace(tmp: Path, *articles: tuple[str, Path]) -> Workspace:
    """content/<locale>/<file> copied from *articles* ((locale, path) pairs; the seed when none), extracted."""
    ws = Workspace(tmp)
    for locale, src in articles or (("ar-SA", FIXTURES / "ar-SA" / SEED_NAME),):
        dest = ws.content / locale / src.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
    r = ws.extract()
    assert r.returncode == 0, r.stderr
    return ws


def entry(po: polib.POFile, context: str) -> polib.POEntry:
    found = [e for e in po if e.msgctxt == context]
    assert len(found) == 1, context
    return found[0]
