"""`twinspan check` over the real corpus (skipped when ../shared/corpus is absent)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import twinspan
from conftest import SEED_NAME, corpus_files
from test_check_properties import GATED, _segment_rule_findings
from twinspan.checks import check_paths
from twinspan.checks.finding import Category

pytestmark = pytest.mark.corpus


def test_whole_corpus_checks_without_a_crash_in_every_locale_and_product(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One run over every folder, as a team checks its estate: the locales of one article are compared."""
    result = check_paths([corpus], jobs=2)
    assert result.errors == [] and result.files == len(corpus_files(corpus)) > 9000
    assert {f.category for f in result.findings} <= {c.value for c in Category}
    lines: dict[str, int] = {}
    per_folder: Counter[str] = Counter()
    for f in result.findings:
        if f.path not in lines:
            lines[f.path] = Path(f.path).read_bytes().count(b"\n") + 1
        assert 1 <= f.line <= lines[f.path] and f.column >= 1, f
        rel = Path(f.path).relative_to(corpus).parts
        per_folder["/".join(rel[:2]) if len(rel) > 2 else rel[0]] += 1
    cross = {Path(f.path).relative_to(corpus).parts[0] for f in result.findings if f.category == "cross-locale"}
    assert cross <= {"alchemy-insights"}  # project-operations has one locale: nothing to compare
    with capsys.disabled():
        print(
            f"\nwhole corpus: {result.files} files, {result.segments} segments, {len(result.findings)} findings: {dict(sorted(per_folder.items()))}"
        )


def test_ar_sa_corpus_checks_without_a_crash(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = corpus / "alchemy-insights" / "ar-SA"
    result = check_paths([root], jobs=2)
    assert result.errors == [] and result.files == len(list(root.rglob("*.md")))
    assert {f.category for f in result.findings} <= {c.value for c in Category}
    assert not [f for f in result.findings if f.category == "cross-locale"]  # one locale
    lines = {}
    for f in result.findings:
        if f.path not in lines:
            lines[f.path] = Path(f.path).read_bytes().count(b"\n") + 1
        assert 1 <= f.line <= lines[f.path] and f.column >= 1, f
    seed = sorted((f.code, f.segment) for f in result.findings if f.path.endswith(f"ar-SA/{SEED_NAME}"))
    assert seed == [
        ("TS302", "44498-120"),
        ("TS302", "44498-120"),
        ("TS501", "44498-126"),
        ("TS505", "44498-126"),
        ("TS702", "44498-126"),
        ("TS703", "44498-126"),
    ]
    with capsys.disabled():
        counts = Counter(f.code for f in result.findings)
        print(
            f"\nar-SA: {result.files} files, {result.segments} segments, {len(result.findings)} findings: "
            + " ".join(f"{c}:{n}" for c, n in sorted(counts.items()))
        )


def test_three_locales_of_the_corpus_agree(corpus: Path) -> None:
    """The 40 articles present in ar-SA, he-IL and de-DE were translated from the same sources:
    no stale translation, no lost step. (One he-IL article merges two segments into p102; another
    has a different ms.sourcegitcommit with the same text: neither is a difference.)"""
    base = corpus / "alchemy-insights"
    names = sorted(p.name for p in (base / "he-IL").glob("*.md"))
    paths = [base / loc / n for n in names for loc in ("ar-SA", "he-IL", "de-DE")]
    result = check_paths(paths, {"select": ["cross-locale"]})
    assert result.files == 3 * len(names) == 120
    assert result.findings == []


def test_gated_rules_lose_nothing_on_the_corpus(corpus: Path) -> None:
    """The engine runs the link and markup rules only on segments with markup on a side, and the
    hidden-character rules only on files that have one; run on every segment of every fourth corpus
    file in each locale and product, they find the same."""
    files = corpus_files(corpus)[::4]
    found = 0
    for path in files:
        article = twinspan.parse(path.read_bytes(), path=str(path))
        gated = _segment_rule_findings(article, GATED, gated=True)
        assert gated == _segment_rule_findings(article, GATED, gated=False), path
        found += len(gated)
    assert found > 100  # the rules do report on the corpus: the comparison is not of empty lists
