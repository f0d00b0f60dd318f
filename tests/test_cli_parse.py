from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES
from twinspan.io import MAX_FILE_BYTES


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "twinspan", *args], capture_output=True, text=True, check=False)


def test_parse_json_is_the_model(seed_path: Path) -> None:
    r = run("parse", str(seed_path), "--format", "json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    (art,) = doc["articles"]
    assert art["locale"] == "ar-SA" and art["translation_type"] == "MT"
    assert len(art["segments"]) == 29
    (proc,) = art["procedures"]
    steps = proc["steps"]
    assert [len(s["substeps"]) for s in steps] == [5, 4, 3]
    assert [s["label"]["translation"] for s in steps[1]["substeps"]] == ["أ.", "ب.", "د.", "ه."]
    assert [s["label"]["source"] for s in steps[1]["substeps"]] == ["a.", "b.", "d.", "e."]
    assert steps[0]["links"][0]["url"].startswith("/azure/active-directory")
    assert art["error_codes"] == ["5.7.57", "5.7.3", "5.7.139"]
    assert art["front_matter"]["ms.lasthandoff"] == "06/23/2021"


def test_parse_folder_recursively_as_text() -> None:
    r = run("parse", str(FIXTURES))
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("solving-smtp-authentication-issues.md:") == 3  # ar-SA, he-IL, de-DE
    assert "procedure 1 (line 24): [83ee4-103] الطريقة 1 | Method 1" in r.stdout
    # the corpus's stray </span> shows as a diagnostic line with path:line:col
    assert "outlook-com-setting-changes.md:36:" in r.stdout and "TS105" in r.stdout


def test_missing_path_is_exit_2_with_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.md"
    r = run("parse", str(missing))
    assert r.returncode == 2
    assert r.stderr.strip() == f"twinspan: {missing}: no such file or directory"


def test_unreadable_file_is_exit_2(tmp_path: Path) -> None:
    """A file that cannot be read is exit 2 with ``path: reason``; as root (CI), whose reads permission
    bits do not stop, the file is made unreadable by size instead (over the 64 MiB limit, sparse)."""
    f = tmp_path / "x.md"
    if os.geteuid() == 0:
        with open(f, "wb") as fh:
            fh.truncate(MAX_FILE_BYTES + 1)
        reason = "byte limit"
    else:
        f.write_text("---\n---\n")
        f.chmod(0)
        reason = "permission denied"
    try:
        r = run("parse", str(f))
        assert r.returncode == 2
        assert str(f) in r.stderr and reason in r.stderr
    finally:
        f.chmod(0o644)


def test_no_command_is_usage_error() -> None:
    r = run()
    assert r.returncode == 2
