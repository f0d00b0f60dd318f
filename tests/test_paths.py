"""Names and paths: hostile file names get safe slugs; nothing outside the content tree is read,
published or written (symlinks out of the tree, links and images to ``../../etc/passwd``)."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

import twinspan
from conftest import FIXTURES, SEED_NAME
from sitetools import article, build_site, make_content, pair
from twinspan.export.po_apply import apply_catalogs
from twinspan.export.po_extract import extract_paths
from twinspan.site.slugs import assign

SECRET = "TOP-SECRET-OUTSIDE-THE-TREE"
NAMES = [
    "restore-an-office-365-group-using-eac\u200b\u200b\u200b\u200b\u200b\u200b\u200b.md",
    "change-the-default-link-type-for-a-site copy.md",
    "outlook \u2013 send\u2013receive.md",
    'don\'t "quote" me.md',
    " leading and trailing spaces .md",
]


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the project with an article and an image that must never be read or published."""
    out = tmp_path / "outside"
    out.mkdir()
    (out / "secret.md").write_text(article(("سر", SECRET), pair("90000-102", SECRET, SECRET)), encoding="utf-8")
    (out / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n" + SECRET.encode())
    return out


def tree(root: Path, outside: Path) -> Path:
    folder = root / "content" / "ar-SA"
    folder.mkdir(parents=True)
    shutil.copy(FIXTURES / "ar-SA" / SEED_NAME, folder / SEED_NAME)
    for name in NAMES:
        (folder / name).write_text(article(("اسم", "Name"), pair("90000-102", "نص", "Text")), encoding="utf-8")
    (folder / "evil.md").symlink_to(outside / "secret.md")
    (folder / "alias.md").symlink_to(folder / SEED_NAME)  # inside the tree: fine
    (folder / "media").mkdir()
    (folder / "media" / "secret.png").symlink_to(outside / "secret.png")
    (root / "content" / "linked").symlink_to(outside, target_is_directory=True)
    return root / "content"


def test_iter_markdown_skips_symlinks_out_of_the_tree_and_says_so(tmp_path: Path, outside: Path) -> None:
    content = tree(tmp_path, outside)
    skipped: list[tuple[Path, str]] = []
    found = list(twinspan.iter_markdown([content], on_skip=lambda p, why: skipped.append((p, why))))
    names = {p.name for p in found}
    assert set(NAMES) | {SEED_NAME, "alias.md"} == names
    assert [p.name for p, _ in skipped] == ["evil.md"]
    assert "outside" in skipped[0][1] and str(outside / "secret.md") in skipped[0][1]
    # a file named explicitly is the user's choice
    assert list(twinspan.iter_markdown([content / "ar-SA" / "evil.md"])) == [content / "ar-SA" / "evil.md"]


def test_the_cli_warns_on_stderr_and_never_prints_what_lies_outside(tmp_path: Path, outside: Path) -> None:
    content = tree(tmp_path, outside)
    result = subprocess.run([sys.executable, "-m", "twinspan", "parse", str(content)], capture_output=True, text=True)
    assert result.returncode == 0
    assert "evil.md: skipped: a symlink to" in result.stderr
    assert SECRET not in result.stdout
    assert result.stdout.count("segments") == len(NAMES) + 2


def test_default_on_skip_logs_a_warning(tmp_path: Path, outside: Path, caplog: pytest.LogCaptureFixture) -> None:
    content = tree(tmp_path, outside)
    with caplog.at_level(logging.WARNING, logger="twinspan"):
        list(twinspan.iter_markdown([content]))
    assert any("evil.md: skipped" in r.getMessage() for r in caplog.records)


def test_exports_skip_them_too(tmp_path: Path, outside: Path) -> None:
    content = tree(tmp_path, outside)
    report = extract_paths([str(content)], tmp_path / "translations", jobs=1)
    assert not report.errors
    written = {p.name for p in (tmp_path / "translations").rglob("*.po")}
    assert "evil.po" not in written and len(written) == len(NAMES) + 2
    for po in (tmp_path / "translations").rglob("*.po"):
        assert SECRET not in po.read_text(encoding="utf-8")


def test_po_apply_refuses_to_write_through_a_symlink_out_of_the_tree(tmp_path: Path, outside: Path) -> None:
    content = tree(tmp_path, outside)
    translations = tmp_path / "translations"
    (translations / "ar-SA").mkdir(parents=True)
    po = polib.POFile()
    po.append(polib.POEntry(msgctxt="90000-102", msgid=SECRET, msgstr="مكتوب"))
    po.save(str(translations / "ar-SA" / "evil.po"))
    before = (outside / "secret.md").read_bytes()
    report = apply_catalogs([translations], content, jobs=1)
    assert any("symlink" in str(p) and "outside" in str(p) for p in report.problems)
    assert (outside / "secret.md").read_bytes() == before
    assert (content / "ar-SA" / "evil.md").is_symlink()


@pytest.mark.parametrize("name", NAMES)
def test_hostile_names_load_and_get_ascii_slugs(tmp_path: Path, name: str) -> None:
    path = tmp_path / "ar-SA" / name
    path.parent.mkdir()
    path.write_text(article(("اسم", "Name"), pair("90000-102", "نص", "Text")), encoding="utf-8")
    a = twinspan.load(path)
    assert a.locale == "ar-SA" and len(a.segments) == 2
    slug = assign([name])[name]
    assert slug and slug.isascii() and all(ch.isalnum() or ch == "-" for ch in slug)
    assert not slug.startswith("-") and not slug.endswith("-")


def test_slugs_of_the_corpus_names() -> None:
    slugs = assign(NAMES[:2])
    assert slugs[NAMES[0]] == "restore-an-office-365-group-using-eac"
    assert slugs[NAMES[1]] == "change-the-default-link-type-for-a-site-copy"


LINKS = article(
    ("روابط", "Links"),
    "\n\n".join(
        [
            pair("90000-102", "[passwd](../../etc/passwd) و ![صورة](../../../outside/secret.png)", "[passwd](/etc/passwd) x"),
            pair("90000-103", "![media](media/secret.png) ![abs](/etc/passwd) [up](../../../../../../etc/shadow)", "y"),
            "![raw](media/secret.png) ![raw2](../../outside/secret.png)",
        ]
    ),
)


@pytest.mark.xdist_group("site-build")
def test_the_site_publishes_nothing_from_outside_the_tree(tmp_path: Path, outside: Path) -> None:
    content = tree(tmp_path, outside)
    make_content(content, {"links.md": LINKS}, with_repo_content=False)
    site = tmp_path / "site"
    result = build_site(content, site, strict=False)
    assert result.returncode == 0, result.stderr
    assert "evil.md: skipped: a symlink to" in result.stderr
    for path in site.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path
            assert path.name not in ("passwd", "shadow", "secret.png"), path
        assert not path.is_symlink()
    assert not (site / "ar" / "evil").exists()
    page = (site / "ar" / "links" / "index.html").read_text(encoding="utf-8")
    assert "../etc/passwd" not in page and "../outside" not in page and "etc/shadow" not in page  # links out of the tree dropped
    assert page.count("https://learn.microsoft.com/") >= 2  # site-absolute links go to the docs, as for every article
    # a strict build fails on the skipped symlink: CI notices
    strict = build_site(content, tmp_path / "site-strict", strict=True)
    assert strict.returncode != 0 and "evil.md: skipped" in strict.stderr
    assert os.path.realpath(outside / "secret.md") == str((outside / "secret.md").resolve())
