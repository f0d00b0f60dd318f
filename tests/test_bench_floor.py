"""The floor in ``benchmarks/floor_pairs.py`` (read + one regex) must do the pairing part of the
work that ``twinspan check`` does, or the cold figure printed beside it means nothing: on the
site's articles it finds exactly the pairs the parser finds."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

import twinspan
from conftest import ROOT

spec = importlib.util.spec_from_file_location("floor_pairs", ROOT / "benchmarks" / "floor_pairs.py")
assert spec is not None and spec.loader is not None
floor_pairs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(floor_pairs)

ARTICLES = sorted((ROOT / "content").glob("*/*.md"))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_floor_finds_the_parsers_pairs(path: Path) -> None:
    article = twinspan.load(path)
    paired = [s for s in article.segments if s.translation is not None and s.source is not None]
    pairs, flagged = floor_pairs.one(str(path))
    assert pairs == len(paired) > 0
    untidy = [s for s in paired if "  " in s.translation.text or s.translation.text.strip() != s.translation.text]
    assert flagged == len(untidy)


@pytest.mark.parametrize("jobs", [1, 2])  # the benchmark runs it as a script on 2 worker processes
def test_floor_script_counts_a_folder(tmp_path: Path, jobs: int) -> None:
    for path in ARTICLES[:3]:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    script = ROOT / "benchmarks" / "floor_pairs.py"
    out = subprocess.run([sys.executable, str(script), str(tmp_path), "--jobs", str(jobs)], capture_output=True, text=True, check=True)
    total = sum(floor_pairs.one(str(tmp_path / p.name))[0] for p in ARTICLES[:3])
    assert out.stdout.startswith(f"3 files, {total} pairs")
