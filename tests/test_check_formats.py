"""Output formats of `twinspan check`: the JSON contract, SARIF against its schema, JUnit, GitHub, text."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from conftest import FIXTURES, SEED_NAME
from twinspan.checks.app import use_color
from twinspan.cli import main

SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"
SEED = str(FIXTURES / "ar-SA" / SEED_NAME)
HE = str(FIXTURES / "he-IL" / SEED_NAME)
CATEGORIES = {"pairing", "numbering", "links", "markup", "numbers", "text", "front-matter", "cross-locale"}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", "--no-cache", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, SEED, HE, str(FIXTURES / "ar-SA" / "outlook-com-setting-changes.md"), "--format", "json")
    assert code == 1  # the TS105 error of outlook-com-setting-changes.md
    doc = json.loads(out)
    assert list(doc) == ["version", "files", "segments", "findings"]
    assert doc["version"] == 1 and doc["files"] == 3 and doc["segments"] == 29 + 29 + 14
    keys = ["code", "category", "severity", "path", "line", "column", "segment", "locale", "message", "source", "target", "fix"]
    for f in doc["findings"]:
        assert list(f) == keys
        assert re.fullmatch(r"TS\d{3}", f["code"]) and f["category"] in CATEGORIES
        assert f["severity"] in ("error", "warning", "info")
        assert isinstance(f["line"], int) and f["line"] >= 1 and isinstance(f["column"], int) and f["column"] >= 1
        assert f["segment"] is None or re.fullmatch(r"[0-9a-f]+-p?\d+", f["segment"])
        assert f["fix"] is None or isinstance(f["fix"], str)
    codes = {(f["code"], f["locale"]) for f in doc["findings"]}
    assert ("TS304", "he-IL") in codes and ("TS702", "ar-SA") in codes and ("TS105", "ar-SA") in codes


def test_sarif_validates_against_the_2_1_0_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(FIXTURES), "--format", "sarif")
    assert code == 1
    log = json.loads(out)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    (sarif_run,) = log["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {"TS101", "TS702", "TS901"}
    assert all(r["help"]["text"] and r["shortDescription"]["text"] for r in rules)
    results = sarif_run["results"]
    dup = next(r for r in results if r["ruleId"] == "TS702")
    loc = dup["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].endswith("ar-SA/" + SEED_NAME)
    assert loc["region"] == {"startLine": 43, "startColumn": 217}
    assert rules[dup["ruleIndex"]]["id"] == "TS702"
    assert dup["properties"]["segment"] == "44498-126" and dup["level"] == "warning"


def test_schema_rejects_a_broken_log(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, SEED, "--format", "sarif")
    log = json.loads(out)
    del log["runs"][0]["results"][0]["message"]
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(log))


def test_junit_one_case_per_file_a_failure_per_finding(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, str(FIXTURES), "--format", "junit")
    root = ET.fromstring(out)
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert len(cases) == 5 == int(suite.get("tests", "0"))
    seed_case = next(c for c in cases if c.get("name") == SEED)
    failures = seed_case.findall("failure")
    assert len(failures) == 6 and all((f.get("type") or "").startswith("TS") for f in failures)
    assert "segment: 44498-126" in "".join(f.text or "" for f in failures)
    assert int(suite.get("failures", "0")) == sum(len(c.findall("failure")) for c in cases)
    clean = next(c for c in cases if c.get("name", "").endswith("auto-replies-set-for-a-users-mailbox.md"))
    assert clean.findall("failure") == [] or all(f.get("type") for f in clean.findall("failure"))


def test_github_annotations(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, SEED, "--format", "github")
    lines = out.splitlines()
    assert len(lines) == 6
    assert f"::warning file={SEED},line=43,col=217,title=TS702 duplicated-word::word «المستخدمون»" in out
    assert any(line.startswith("::notice ") for line in lines)  # TS703 is info
    assert all(re.match(r"::(error|warning|notice) file=[^:]+,line=\d+,col=\d+,title=TS\d{3} [a-z-]+::", line) for line in lines)


def test_text_lines_and_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, SEED, "--color", "never")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"{SEED}:38:5: TS302 translation sub-step labels of step 2 skip ج: أ. ب. د. ه. (the source has a. b. d. e.)"
    assert all(re.match(rf"{re.escape(SEED)}:\d+:\d+: TS\d{{3}} ", line) for line in lines[:6])
    assert lines[-1] == "Found 6 findings (5 warnings, 1 info) in 1 file (29 segments); 1 fixable with --fix."
    assert "\033[" not in out


def test_colour_on_request_and_no_color(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = run(capsys, SEED, "--color", "always")
    assert "\033[33mTS702\033[0m" in out

    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert use_color("auto", Tty()) is True  # type: ignore[arg-type]
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color("auto", Tty()) is False  # type: ignore[arg-type]


def test_clean_run_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, SEED, "--select", "links,numbers")
    assert code == 0 and out == "All checks passed: 1 file (29 segments).\n"


def test_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    code, out, _ = run(capsys, SEED, "--format", "json", "--output", str(target))
    assert out == "" and code == 0
    assert len(json.loads(target.read_text(encoding="utf-8"))["findings"]) == 6
