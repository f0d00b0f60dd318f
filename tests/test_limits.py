"""Limits: 200,000 segments, 20,000 steps, 1,000-deep nesting (lists, quotes, spans, brackets,
emphasis) and a megabyte line each finish under an address-space limit (a generous guard, not a
timing) with an exact round trip, or are reported with a clear diagnostic; a folder holding one
oversize and one binary file among good ones is still parsed and exported, the bad ones named.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import twinspan
from sitetools import ROOT
from twinspan import diagnostics as D

WORKER = Path(__file__).resolve().parent / "limits_worker.py"
GIB = 1024**3


def run_limited(kind: str, gib: int, render: bool = True) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (gib * GIB, gib * GIB))

    cmd = [sys.executable, str(WORKER), kind, *(["--render"] if render else [])]
    # the timeout only stops a runaway child; it is no speed assertion
    return subprocess.run(cmd, capture_output=True, text=True, preexec_fn=limit, timeout=1800, cwd=ROOT)


@pytest.mark.parametrize("kind", ["lists", "ordered", "quotes", "spans", "brackets", "emphasis", "line", "steps"])
def test_deep_nesting_long_lines_and_many_steps_finish_in_bounded_memory(kind: str) -> None:
    result = run_limited(kind, 2)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.startswith(f"{kind}: ")


@pytest.mark.slow
def test_two_hundred_thousand_segments_finish_in_bounded_memory() -> None:
    result = run_limited("segments", 4, render=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "200,000 segments" in result.stdout


def test_the_memory_guard_is_real() -> None:
    """Under 256 MiB the 200,000-segment case cannot finish: the limit does bite."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (256 * 1024**2, 256 * 1024**2))

    child = subprocess.run([sys.executable, str(WORKER), "segments"], capture_output=True, text=True, preexec_fn=limit, cwd=ROOT)
    assert child.returncode != 0 and "MemoryError" in child.stderr


def test_nesting_deeper_than_the_limit_is_reported_not_lost_silently() -> None:
    sys.path.insert(0, str(WORKER.parent))
    import limits_worker

    for kind in ("quotes", "lists"):
        a = twinspan.parse(limits_worker.text_of(kind), path="content/ar-SA/deep.md")
        assert a.dump() == limits_worker.text_of(kind)
        (d,) = [d for d in a.diagnostics if d.code == D.OUTSIDE_STRUCTURE]
        assert d.segment == "90000-102" and "deeper than 100 levels" in d.message and d.line > 1


def test_a_megabyte_line_is_reported() -> None:
    sys.path.insert(0, str(WORKER.parent))
    import limits_worker

    a = twinspan.parse(limits_worker.text_of("line"), path="content/ar-SA/line.md")
    assert [d.code for d in a.diagnostics].count(D.LINE_TOO_LONG) == 2


def test_one_oversize_and_one_binary_file_do_not_stop_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "ar-SA"
    folder.mkdir(parents=True)
    good = sorted((ROOT / "content" / "ar-SA").glob("*.md"))
    for p in good:
        shutil.copy(p, folder / p.name)
    with open(folder / "huge.md", "wb") as fh:  # sparse: over the 64 MiB limit without writing it
        fh.truncate(twinspan.io.MAX_FILE_BYTES + 1)
    (folder / "binary.md").write_bytes(bytes(range(256)) * 40)
    twinspan_cli = [sys.executable, "-m", "twinspan"]

    parse = subprocess.run([*twinspan_cli, "parse", str(tmp_path / "content")], capture_output=True, text=True)
    assert parse.returncode == 2
    assert "huge.md: file of 67,108,865 bytes is over the 67,108,864 byte limit" in parse.stderr
    assert parse.stdout.count(" segments · ") == len(good) + 1  # every good file and the binary one

    export = subprocess.run(
        [*twinspan_cli, "export", "json", str(tmp_path / "content"), "-o", str(tmp_path / "out")], capture_output=True, text=True
    )
    assert export.returncode == 2 and "error:" in export.stderr and "huge.md" in export.stderr
    assert len(list((tmp_path / "out").rglob("*.json"))) == len(good) + 2  # the good ones, binary.json and index.json

    po = subprocess.run(
        [*twinspan_cli, "po", "extract", str(tmp_path / "content"), "-o", str(tmp_path / "tr")], capture_output=True, text=True
    )
    assert po.returncode == 1 and "huge.md" in po.stderr
    assert len(list((tmp_path / "tr").rglob("*.po"))) == len(good)
