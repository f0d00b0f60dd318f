"""The Python API the site plugin calls: twinspan.checks.check_paths / check_article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import twinspan
from conftest import FIXTURES, SEED_NAME
from twinspan.checks import CheckResult, Config, Finding, check_article, check_paths
from twinspan.checks.config import from_mapping
from twinspan.parser import MAX_STRUCTURE_CHARS

SEED = FIXTURES / "ar-SA" / SEED_NAME


def test_check_paths_result() -> None:
    seen: list[tuple[int, int]] = []
    result = check_paths([FIXTURES], {"select": ["text", "numbering"]}, progress=lambda done, total: seen.append((done, total)))
    assert isinstance(result, CheckResult)
    assert result.files == 5 and result.segments > 100 and result.errors == []
    assert len(result.checked) == 5 and str(SEED) in result.checked
    assert seen[-1] == (5, 5)
    assert all(isinstance(f, Finding) and f.category in ("text", "numbering") for f in result.findings)
    assert result.findings == sorted(result.findings, key=lambda f: (f.path, f.line, f.column, f.code))
    assert not result.failed("error") and result.failed("warning")
    assert result.counts()["TS302"] == 6  # the step-2 skip, both sides, in three locales
    doc = result.to_dict()
    assert doc["version"] == 1 and len(doc["findings"]) == len(result.findings)
    json.dumps(doc, ensure_ascii=False)


def test_only_reports_the_given_files() -> None:
    result = check_paths([FIXTURES], only=[str(SEED)])
    assert result.files == 1 and {f.path for f in result.findings} == {str(SEED)}


def test_check_article_on_text_without_a_path() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = check_article(twinspan.parse(text), Config(select=("TS702",)))
    (f,) = found
    assert f.path == "<text>" and f.locale == "ar-SA" and f.segment == "44498-126"


def test_config_from_mapping_and_severity_override() -> None:
    cfg = from_mapping({"select": "TS7", "severity": {"ts702": "error"}, "fail_on": "warning"})
    assert cfg.select == ("TS7",) and cfg.severities == {"TS702": "error"} and cfg.fail_on == "warning"
    found = check_article(twinspan.load(SEED), cfg)
    assert {f.code: f.severity for f in found} == {"TS702": "error", "TS703": "info"}


def test_undecodable_bytes_are_reported_printably(tmp_path: Path) -> None:
    data = SEED.read_bytes().replace("حفظ التغييرات".encode(), b"\xff\xfe  bad")  # and a double space
    path = tmp_path / "ar-SA" / "x.md"
    path.parent.mkdir()
    path.write_bytes(data)
    result = check_paths([path])
    assert "TS001" in result.counts()
    text = json.dumps(result.to_dict(), ensure_ascii=False)
    text.encode("utf-8")  # no lone surrogate reaches the output
    assert "\ufffd" in text


def test_body_over_the_size_limit_is_not_checked(tmp_path: Path) -> None:
    head = SEED.read_text(encoding="utf-8")
    filler = "نص " * 40 + "\n"
    path = tmp_path / "ar-SA" / "big.md"
    path.parent.mkdir()
    path.write_text(head + filler * (MAX_STRUCTURE_CHARS // len(filler) + 1), encoding="utf-8")
    codes = check_paths([path]).counts()
    assert codes["TS004"] == 1 and "TS702" not in codes and "TS302" not in codes


def test_exclude_matches_the_relative_path_of_each_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``Config.excludes`` works out the relative folder once per folder; the verdicts are those of
    the relative path of each file, for files under the root, in it, and outside it."""
    import os
    import posixpath

    from twinspan.checks.config import _folder_excluded, _matches

    root = tmp_path / "repo"
    cfg = from_mapping({"exclude": ["README.md", "content/*/includes", "draft-*.md", "shared"]}, root=str(root))
    paths = [
        root / "README.md",
        root / "content" / "README.md",
        root / "content" / "ar-SA" / "a.md",
        root / "content" / "ar-SA" / "includes" / "snippet.md",
        root / "content" / "ar-SA" / "draft-b.md",
        tmp_path / "shared" / "corpus" / "ar-SA" / "c.md",
        tmp_path / "elsewhere" / "README.md",
        tmp_path / "elsewhere" / "d.md",
    ]
    verdicts = {}
    for p in paths:
        rel = os.path.relpath(p, root).replace(os.sep, "/")
        long_way = _matches(rel, cfg.exclude) or _folder_excluded(posixpath.dirname(rel) or ".", cfg.exclude)
        assert cfg.excludes(str(p)) is long_way, rel
        verdicts[rel] = long_way
    assert verdicts == {
        "README.md": True,
        "content/README.md": True,
        "content/ar-SA/a.md": False,
        "content/ar-SA/includes/snippet.md": True,
        "content/ar-SA/draft-b.md": True,
        "../shared/corpus/ar-SA/c.md": True,
        "../elsewhere/README.md": True,
        "../elsewhere/d.md": False,
    }
    # Paths as found from the current folder, with no configured root.
    monkeypatch.chdir(root.parent)
    here = from_mapping({"exclude": list(cfg.exclude)})
    assert [here.excludes(p) for p in ("repo/README.md", "README.md", "repo/content/ar-SA/a.md", "shared/x/c.md")] == [
        True,
        True,
        False,
        True,
    ]
