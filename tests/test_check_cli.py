"""`twinspan check` as CI uses it: exit codes, selection, configuration, baseline, changed files, fixes, cache."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, ROOT, SEED_NAME
from twinspan.cli import main

SEED = FIXTURES / "ar-SA" / SEED_NAME


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def codes(out: str) -> list[str]:
    return [f["code"] for f in json.loads(out)["findings"]]


@pytest.fixture()
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the seed under content/ar-SA/, as the current folder (so no configuration applies)."""
    (tmp_path / "content" / "ar-SA").mkdir(parents=True)
    shutil.copy(SEED, tmp_path / "content" / "ar-SA" / SEED_NAME)
    monkeypatch.chdir(tmp_path)
    return tmp_path


SEED_REL = f"content/ar-SA/{SEED_NAME}"


def test_exit_codes(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    assert run(capsys, SEED_REL)[0] == 0  # warnings and info only
    assert run(capsys, SEED_REL, "--fail-on", "warning")[0] == 1
    assert run(capsys, SEED_REL, "--fail-on", "info", "--select", "TS703")[0] == 1
    assert run(capsys, SEED_REL, "--fail-on", "info", "--select", "links")[0] == 0
    code, _, err = run(capsys, "no/such/folder")
    assert code == 2 and "no/such/folder: no such file or directory" in err
    code, _, err = run(capsys, SEED_REL, "--select", "TS999")
    assert code == 2 and "unknown rule code or selector: TS999" in err
    with pytest.raises(SystemExit) as exc:
        main(["check", SEED_REL, "--format", "yaml"])
    assert exc.value.code == 2
    capsys.readouterr()


def test_unreadable_file_is_exit_2_and_the_rest_is_checked(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    # listed, but cannot be read (a dangling link inside the tree: one pointing out of it is skipped, see test_paths)
    (work / "content" / "ar-SA" / "gone.md").symlink_to(work / "content" / "ar-SA" / "nowhere.md")
    code, out, err = run(capsys, "content", "--format", "json", "--no-cache")
    assert code == 2 and "gone.md: no such file" in err
    assert json.loads(out)["files"] == 1


def test_select_and_ignore(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    _, out, _ = run(capsys, SEED_REL, "--format", "json", "--select", "TS5,duplicated-word")
    assert sorted(codes(out)) == ["TS501", "TS505", "TS702"]
    _, out, _ = run(capsys, SEED_REL, "--format", "json", "--ignore", "markup", "--ignore", "TS703")
    assert sorted(codes(out)) == ["TS302", "TS302", "TS702"]


def test_pyproject_configuration(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    (work / "pyproject.toml").write_text(
        '[project]\nname = "docs"\n\n[tool.twinspan]\nignore = ["TS302"]\nfail-on = "warning"\n[tool.twinspan.severity]\nTS703 = "error"\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, SEED_REL, "--format", "json")
    found = json.loads(out)["findings"]
    assert "TS302" not in {f["code"] for f in found}
    assert next(f for f in found if f["code"] == "TS703")["severity"] == "error"
    assert code == 1
    assert run(capsys, SEED_REL, "--isolated", "--select", "TS703")[0] == 0  # no file configuration: info, not failing
    (work / "pyproject.toml").write_text("[tool.twinspan]\nignroe = []\n", encoding="utf-8")
    code, _, err = run(capsys, SEED_REL)
    assert code == 2 and "unknown configuration key(s): ignroe" in err


def test_mkdocs_plugin_block_with_python_tags(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    (work / "mkdocs.yml").write_text(
        "site_name: Docs\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n"
        "plugins:\n"
        "  - search\n"
        "  - twinspan:\n"
        "      content_dir: !ENV [CONTENT, content]\n"
        "      select: [TS7]\n"
        "      severity: {TS702: error}\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, SEED_REL, "--format", "json")
    found = json.loads(out)["findings"]
    assert {f["code"] for f in found} == {"TS702", "TS703"}
    assert code == 1  # TS702 made an error


def test_alphabets_from_configuration(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    fa = work / "content" / "fa-IR"
    fa.mkdir()
    text = (FIXTURES / "he-IL" / SEED_NAME).read_text(encoding="utf-8").replace("ms.contentlocale: he-IL", "ms.contentlocale: fa-IR")
    for heb, per in zip("בג", "بج", strict=True):
        text = text.replace(f">{heb}.<", f">{per}.<")
    (fa / SEED_NAME).write_text(text, encoding="utf-8")
    (work / "pyproject.toml").write_text(
        '[tool.twinspan]\nselect = ["TS303", "TS304"]\n[tool.twinspan.alphabets]\nfa = "أ ب ج د ه و ز ح ط ی"\n', encoding="utf-8"
    )
    _, out, _ = run(capsys, f"content/fa-IR/{SEED_NAME}", "--format", "json")
    found = json.loads(out)["findings"]
    assert found and all(f["code"] == "TS304" for f in found)
    assert found[0]["fix"] == "أ. ب. ج. د. ه."


def test_baseline_reports_only_new_findings(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    code, _, err = run(capsys, "content", "--write-baseline", "baseline.json", "--fail-on", "info")
    assert code == 0 and "wrote 6 finding(s)" in err
    entries = json.loads((work / "baseline.json").read_text(encoding="utf-8"))["findings"]
    assert all(e["path"] == SEED_REL for e in entries)
    code, out, _ = run(capsys, "content", "--baseline", "baseline.json", "--fail-on", "info")
    assert code == 0 and "6 known finding(s) of the baseline baseline.json not shown." in out
    seed = work / SEED_REL
    text = seed.read_text(encoding="utf-8")
    # lines moved down (a blank line) and a new defect elsewhere: only the new one is reported
    text = text.replace("---\n# ", "---\n\n# ", 1).replace("حدد **حفظ**.", "حدد حدد **حفظ**.")
    seed.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "content", "--baseline", "baseline.json", "--format", "json", "--fail-on", "warning")
    assert code == 1
    (new,) = json.loads(out)["findings"]
    assert new["code"] == "TS702" and new["segment"] == "44498-114"
    code, _, err = run(capsys, "content", "--baseline", "missing.json")
    assert code == 2 and "baseline file not found" in err


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=cwd, check=True, capture_output=True)


def test_changed_since_checks_only_changed_files(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    other = work / "content" / "ar-SA" / "auto-replies.md"
    shutil.copy(FIXTURES / "ar-SA" / "auto-replies-set-for-a-users-mailbox.md", other)
    _git(work, "init", "-q")
    _git(work, "add", ".")
    _git(work, "commit", "-q", "-m", "init")
    code, out, _ = run(capsys, "content", "--changed-since", "HEAD", "--format", "json")
    assert code == 0 and json.loads(out)["files"] == 0
    text = other.read_text(encoding="utf-8")
    assert "**الطريقة 1**" in text
    other.write_text(text.replace("**الطريقة 1**", "**الطريقة الطريقة 1**", 1), encoding="utf-8")
    new = work / "content" / "ar-SA" / "new.md"
    new.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run(capsys, "content", "--changed-since", "HEAD", "--format", "json")
    doc = json.loads(out)
    assert doc["files"] == 2
    assert {Path(f["path"]).name for f in doc["findings"]} == {"auto-replies.md", "new.md"}
    code, _, err = run(capsys, "content", "--changed-since", "no-such-rev")
    assert code == 2 and "unknown revision 'no-such-rev'" in err


def test_diff_shows_fixes_and_writes_nothing(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    seed = work / SEED_REL
    before = seed.read_bytes()
    code, out, err = run(capsys, SEED_REL, "--diff")
    assert code == 1 and seed.read_bytes() == before
    assert out.startswith(f"--- a/{SEED_REL}\n+++ b/{SEED_REL}\n")
    minus = [line for line in out.splitlines() if line.startswith("-") and not line.startswith("---")]
    plus = [line for line in out.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert len(minus) == len(plus) == 1 and "حدد  >  **" in minus[0] and "حدد > **" in plus[0]
    assert "1 fix(es) in 1 file(s) would be applied" in err


def test_fix_changes_only_the_translation_bytes(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    seed = work / SEED_REL
    before = seed.read_bytes()
    code, out, _ = run(capsys, SEED_REL, "--fix", "--fail-on", "info")
    after = seed.read_bytes()
    assert code == 1 and "Fixed 1 finding(s) in 1 file(s)." in out and "TS703" not in out
    assert len(before) - len(after) == 2  # two of the four spaces around ">"
    start = before.index("حدد  >".encode())
    assert before[:start] == after[:start] and before[start + 10 :] == after[start + 8 :]
    assert run(capsys, SEED_REL, "--diff")[0] == 0  # nothing left to fix


def test_fix_relabels_hebrew_substeps(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    he = work / "content" / "he-IL"
    he.mkdir()
    path = he / SEED_NAME
    shutil.copy(FIXTURES / "he-IL" / SEED_NAME, path)
    run(capsys, str(path), "--fix")
    text = path.read_text(encoding="utf-8")
    for letter in "אבגדה":
        assert f">{letter}.</span>" in text
    assert '<span data-ttu-id="b1171-105">א.</span>' in text and '<span data-ttu-id="b1171-109">ג.</span>' in text
    _, out, _ = run(capsys, str(path), "--format", "json")
    assert not {"TS303", "TS304", "TS703"} & set(codes(out))


def test_cache_hits_and_invalidation(capsys: pytest.CaptureFixture[str], work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from twinspan.checks import check_paths, runner

    cache = work / ".twinspan-cache"
    check_paths(["content"], cache_dir=cache)
    assert not cache.exists()  # one file: quicker to check than to load a cache
    monkeypatch.setattr(runner, "CACHE_MIN_FILES", 1)
    first = check_paths(["content"], cache_dir=cache)
    assert first.cached == 0 and (cache / "CACHEDIR.TAG").exists() and (cache / ".gitignore").read_text() == "*\n"
    second = check_paths(["content"], cache_dir=cache)
    assert second.cached == 1 and second.findings == first.findings
    seed = work / SEED_REL
    seed.write_text(seed.read_text(encoding="utf-8").replace("حدد **حفظ**.", "حدد حدد **حفظ**."), encoding="utf-8")
    third = check_paths(["content"], cache_dir=cache)
    assert third.cached == 0 and len(third.findings) == len(first.findings) + 1
    other_config = check_paths(["content"], {"ignore": ["TS702"]}, cache_dir=cache)
    assert other_config.cached == 0 and "TS702" not in {f.code for f in other_config.findings}
    # a corrupt cache is rebuilt, not an error
    for f in cache.glob("check-*.json"):
        f.write_text("{not json", encoding="utf-8")
    assert check_paths(["content"], cache_dir=cache).findings == third.findings
    # the CLI keeps its cache next to the configuration, or in the current folder
    run(capsys, "content")
    assert list(cache.glob("check-*.json"))


def test_the_cache_survives_a_fresh_install_of_the_same_code(tmp_path: Path) -> None:
    """CI restores .twinspan-cache onto a new checkout or install: every source file then has a new
    modification time, and the cache must still be valid; an edit of the code must not reuse it."""
    import twinspan
    from twinspan.checks.cache import code_fingerprint

    installed = Path(twinspan.__file__).parent
    assert code_fingerprint(installed) == code_fingerprint()
    copy = tmp_path / "twinspan"
    shutil.copytree(installed, copy, ignore=shutil.ignore_patterns("__pycache__"))
    for f in copy.rglob("*.py"):
        os.utime(f, ns=(1_000_000_000, 1_000_000_000))  # a checkout made at another time
    assert code_fingerprint(copy) == code_fingerprint()
    rule = copy / "checks" / "rules" / "text.py"
    rule.write_text(rule.read_text(encoding="utf-8").replace('"that", "had"', '"that", "had", "the"'), encoding="utf-8")
    assert code_fingerprint(copy) != code_fingerprint()


def test_rules_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "TS702  duplicated-word" in out and "TS101  translation-without-source" in out
    assert main(["rules", "TS702"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("TS702 duplicated-word\ncategory: text · default severity: warning")
    assert "Bad:" in out and "Good:" in out and "Reported:" in out and "twice in a row" in out
    assert main(["rules", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) >= 50
    assert main(["rules", "TS000"]) == 2
    assert "no rule 'TS000'" in capsys.readouterr().err


def test_pre_commit_hooks_file() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    ids = {h["id"]: h for h in hooks}
    assert ids["twinspan-check"]["entry"].startswith("twinspan check")
    assert ids["twinspan-check"]["types"] == ["markdown"] and ids["twinspan-check"]["language"] == "python"
    assert "--fix" in ids["twinspan-fix"]["entry"]


def test_changed_since_compares_with_the_other_locales(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    he = work / "content" / "he-IL"
    he.mkdir()
    shutil.copy(FIXTURES / "he-IL" / SEED_NAME, he / SEED_NAME)
    _git(work, "init", "-q")
    _git(work, "add", ".")
    _git(work, "commit", "-q", "-m", "init")
    seed = work / SEED_REL
    text = seed.read_text(encoding="utf-8").replace("ms.lasthandoff: 06/23/2021", "ms.lasthandoff: 01/05/2021")
    seed.write_text(
        text.replace('data-stu-id="44498-128">Select **Multi-factor', 'data-stu-id="44498-128">Choose **Multi-factor'), encoding="utf-8"
    )
    _, out, _ = run(capsys, "content", "--changed-since", "HEAD", "--format", "json", "--select", "cross-locale")
    doc = json.loads(out)
    assert doc["files"] == 1  # only the changed file is reported on; he-IL is read to compare
    (f,) = doc["findings"]
    assert (f["code"], f["locale"], f["segment"]) == ("TS901", "ar-SA", "44498-128") and "in he-IL" in f["message"]


def test_written_files_get_normal_permissions(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    old = os.umask(0o022)
    try:
        run(capsys, SEED_REL, "--format", "sarif", "-o", "report.sarif")
        run(capsys, SEED_REL, "--write-baseline", "baseline.json")
    finally:
        os.umask(old)
    assert (work / "report.sarif").stat().st_mode & 0o777 == 0o644
    assert (work / "baseline.json").stat().st_mode & 0o777 == 0o644


def test_exclude_patterns(capsys: pytest.CaptureFixture[str], work: Path) -> None:
    (work / "content" / "README.md").write_text("# About this folder\n", encoding="utf-8")
    inc = work / "content" / "ar-SA" / "includes"
    inc.mkdir()
    (inc / "snippet.md").write_text("no front matter\n", encoding="utf-8")
    _, out, _ = run(capsys, "content", "--format", "json", "--select", "TS010")
    assert json.loads(out)["files"] == 3
    (work / "pyproject.toml").write_text('[tool.twinspan]\nexclude = ["README.md", "content/*/includes"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "content", "--format", "json", "--select", "TS010")
    doc = json.loads(out)
    assert code == 0 and doc["files"] == 1 and doc["findings"] == []
    code, out, _ = run(capsys, "content/README.md", "--format", "json", "--select", "TS010")  # named: checked
    assert code == 1 and json.loads(out)["files"] == 1
