"""The committed PO catalogs (translations/) are what extracting content/ gives, and apply has nothing to do."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

TRANSLATIONS = ROOT / "translations"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "twinspan", *args], capture_output=True, text=True, check=False, cwd=ROOT)


def test_committed_catalogs_are_current(tmp_path: Path) -> None:
    for state in TRANSLATIONS.rglob("twinspan-state.json"):  # approvals decide what is fuzzy
        dest = tmp_path / state.relative_to(TRANSLATIONS)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(state, dest)
    r = run("po", "extract", "content", "-o", str(tmp_path))
    assert r.returncode == 0, r.stderr
    fresh = {p.relative_to(tmp_path): p.read_bytes() for p in sorted(tmp_path.rglob("*.po"))}
    committed = {p.relative_to(TRANSLATIONS): p.read_bytes() for p in sorted(TRANSLATIONS.rglob("*.po"))}
    assert len(committed) == 13
    assert fresh.keys() == committed.keys()
    stale = [str(k) for k in fresh if fresh[k] != committed[k]]
    assert not stale, f"re-run `twinspan po extract content -o translations`: {stale}"


def test_committed_catalogs_apply_cleanly() -> None:
    r = run("po", "apply", "translations", "--check")
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout == ""
