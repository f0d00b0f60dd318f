"""The seed article and its he-IL and de-DE copies: what the check must find, and nothing else."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import twinspan
from conftest import FIXTURES, SEED_NAME
from twinspan.checks import Finding, check_article, check_paths

SEEDS = {loc: FIXTURES / loc / SEED_NAME for loc in ("ar-SA", "he-IL", "de-DE")}


def findings(path: Path) -> list[Finding]:
    return check_article(twinspan.load(path))


def test_ar_seed_yields_exactly_its_defects() -> None:
    found = findings(SEEDS["ar-SA"])
    assert sorted((f.code, f.segment) for f in found) == [
        ("TS302", "44498-120"),  # step 2 skips c: source side
        ("TS302", "44498-120"),  # … and translation side
        ("TS501", "44498-126"),  # two bold runs against one
        ("TS505", "44498-126"),  # UI path Users > Active users broken
        ("TS702", "44498-126"),  # «المستخدمون المستخدمون»
        ("TS703", "44498-126"),  # double spaces around >
    ]
    assert not [f for f in found if f.category in ("links", "numbers")]


def test_ar_seed_substep_skip_on_both_sides() -> None:
    skips = [f for f in findings(SEEDS["ar-SA"]) if f.code == "TS302"]
    source = next(f for f in skips if f.message.startswith("source"))
    translation = next(f for f in skips if f.message.startswith("translation"))
    assert "step 2 skip c" in source.message and "a. b. d. e." in source.message
    assert "step 2 skip ج" in translation.message and "أ. ب. د. ه." in translation.message
    # each at its own span on line 38: the translation label first, then the source label
    assert (translation.line, translation.column) == (38, 5)
    assert source.line == 38 and source.column > translation.column


def test_ar_seed_segment_126_messages_name_both_sides() -> None:
    by_code = {f.code: f for f in findings(SEEDS["ar-SA"]) if f.segment == "44498-126"}
    assert "2 bold runs in the source («Users», «Active users»), 1 in the translation" in by_code["TS501"].message
    assert "«المستخدمون المستخدمون»" in by_code["TS702"].message
    assert "Users > Active users" in by_code["TS505"].message and "1 bold" in by_code["TS505"].message
    dbl = by_code["TS703"]
    assert dbl.fix is not None and "  " not in dbl.fix and dbl.fix.replace(" ", "") == (dbl.target or "").replace(" ", "")
    assert all(f.locale == "ar-SA" and f.source and f.target for f in by_code.values())


def test_he_seed_yields_mixed_alphabets_per_list() -> None:
    mixed = [f for f in findings(SEEDS["he-IL"]) if f.code == "TS304"]
    assert len(mixed) == 3  # steps 1, 2, 3 each mix a. and ב.
    first = mixed[0]
    assert "mix Latin (a. c. d. e.) and Hebrew (ב.)" in first.message
    assert first.fix == "א. ב. ג. ד. ה."
    assert first.segment == "b1171-105" and first.locale == "he-IL"


def test_seeds_in_three_locales_differ_where_they_differ() -> None:
    result = check_paths(list(SEEDS.values()))
    by_locale: dict[str, set[str]] = {}
    for f in result.findings:
        by_locale.setdefault(f.locale or "?", set()).add(f.code)
    # the same English source, steps, links and numbers everywhere: no cross-locale finding
    assert not [f for f in result.findings if f.category == "cross-locale"]
    assert by_locale["ar-SA"] == {"TS302", "TS501", "TS505", "TS702", "TS703"}
    assert by_locale["he-IL"] == {"TS302", "TS304", "TS501", "TS505", "TS703"}  # Latin labels, no repeated word
    assert by_locale["de-DE"] == {"TS302"}  # the skip is in the English source of every locale


@pytest.fixture()
def three(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for loc, src in SEEDS.items():
        (tmp_path / loc).mkdir()
        out[loc] = Path(shutil.copy(src, tmp_path / loc / SEED_NAME))
    return out


def _cross(paths: dict[str, Path]) -> list[tuple[str, str | None]]:
    result = check_paths(list(paths.values()), {"select": ["cross-locale"]})
    return sorted((f.code, f.locale) for f in result.findings)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_stale_source_names_the_drifted_locale_and_commits(three: dict[str, Path]) -> None:
    de = three["de-DE"]
    _edit(
        de, "ms.sourcegitcommit: 2103d706492ad7ee9596344714c0520569ebd6af", "ms.sourcegitcommit: 9f8e7d6c5b4a39281706f5e4d3c2b1a098765432"
    )
    _edit(de, '<span data-stu-id="f9199-128">Select **Multi-factor authentication**.', '<span data-stu-id="f9199-128">Select **MFA**.')
    assert _cross(three) == [("TS901", "de-DE")]
    (f,) = check_paths(list(three.values()), {"select": ["TS901"]}).findings
    assert f.segment == "f9199-128" and f.line == 44
    assert "«Select MFA.» here, «Select Multi-factor authentication.» in ar-SA, he-IL" in f.message
    assert "de-DE 9f8e7d6, ar-SA 2103d70, he-IL 2103d70: stale translation" in f.message


def test_lost_link_in_one_locale(three: dict[str, Path]) -> None:
    url = "/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission#enable-smtp-auth-for-specific-mailboxes"
    _edit(three["he-IL"], f"[הפוך הגשת SMTP של לקוח]({url})", "הפוך הגשת SMTP של לקוח")
    assert _cross(three) == [("TS904", "he-IL")]


def test_lost_step_and_substep(three: dict[str, Path]) -> None:
    ar = three["ar-SA"]
    lines = ar.read_text(encoding="utf-8").splitlines(keepends=True)
    # drop sub-step e. of step 1 (line 32) in ar-SA
    assert "44498-113" in lines[31]
    ar.write_text("".join(lines[:31] + lines[32:]), encoding="utf-8")
    found = _cross(three)
    assert ("TS903", "ar-SA") in found
    assert {loc for _, loc in found} == {"ar-SA"}


def test_merged_paragraph_segment_is_not_a_difference(three: dict[str, Path]) -> None:
    he = three["he-IL"]
    text = he.read_text(encoding="utf-8")
    # he-IL writes 127 and 128 as one paragraph-merged segment p101, as the corpus does
    a = text.index('<span data-ttu-id="b1171-127">')
    b = text.index("</span></span>", text.index('data-stu-id="b1171-128"')) + len("</span></span>")
    merged = '<span data-ttu-id="b1171-p101">ב. בחר **אימות רב-גורמי**.</span><span class="sxs-lookup"><span data-stu-id="b1171-p101">b. Select **Multi-factor authentication**.</span></span>'
    he.write_text(text[:a] + merged + text[b:], encoding="utf-8")
    assert [c for c in _cross(three) if c[0] == "TS901"] == []
