"""An interrupted or failed site build leaves the previous site as it was: the plugin builds into
``.<site>.building`` beside it and swaps it in only when every language built (and, with
``--strict``, without warnings)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitetools import ROOT, article, build_site, make_content, pair

pytestmark = pytest.mark.xdist_group("site-build")

NEW = article(("مقالة جديدة", "A new article"), pair("90000-102", "نص", "Text"))
BROKEN = article(("مكسورة", "Broken"), '<span data-ttu-id="90000-102">بلا مصدر</span>')  # an error: strict fails


def snapshot(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    content = make_content(tmp_path / "content")
    site = tmp_path / "site"
    result = build_site(content, site, strict=True)
    assert result.returncode == 0, result.stderr
    return content, site, snapshot(site)


def test_a_build_killed_midway_leaves_the_previous_site(built: tuple[Path, Path, dict[str, bytes]]) -> None:
    content, site, before = built
    make_content(content, {"new-article.md": NEW}, with_repo_content=False)
    staging = site.parent / ".site.building"
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)]
    env = {**os.environ, "TWINSPAN_CONTENT": str(content), "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not any((staging / "ar").glob("*/index.html")) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert proc.poll() is None, "the build finished before it could be interrupted"
    os.killpg(proc.pid, signal.SIGKILL)  # the build and its other-language children
    proc.wait()
    assert snapshot(site) == before  # byte for byte the previous site
    assert not (site / "ar" / "new-article").exists()
    # the next build clears the leftover staging folder and publishes
    result = build_site(content, site, strict=True)
    assert result.returncode == 0, result.stderr
    assert (site / "ar" / "new-article" / "index.html").is_file() and (site / "en" / "new-article" / "index.html").is_file()
    assert not staging.exists() and not (site.parent / ".site.old").exists()


def test_a_failed_strict_build_leaves_the_previous_site(built: tuple[Path, Path, dict[str, bytes]]) -> None:
    content, site, before = built
    make_content(content, {"broken.md": BROKEN}, with_repo_content=False)
    result = build_site(content, site, strict=True)
    assert result.returncode != 0
    assert "not replaced" in result.stderr or "Aborted" in result.stderr
    assert snapshot(site) == before
    assert not (site.parent / ".site.building").exists()


def test_a_successful_build_replaces_the_site_whole(built: tuple[Path, Path, dict[str, bytes]]) -> None:
    content, site, before = built
    (site / "stale-file.txt").write_text("from an older build", encoding="utf-8")
    make_content(content, {"new-article.md": NEW}, with_repo_content=False)
    result = build_site(content, site, strict=True)
    assert result.returncode == 0, result.stderr
    after = snapshot(site)
    assert "stale-file.txt" not in after and "ar/new-article/index.html" in after
    assert set(before) <= set(after)
    assert sorted(p.name for p in site.parent.iterdir()) == ["content", "site"]
