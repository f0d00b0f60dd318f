"""The rule registry: every rule documented, and its documented examples are its tests."""

from __future__ import annotations

import pytest

from twinspan import diagnostics as D
from twinspan.checks import Category, Severity, all_rules, get_rule
from twinspan.checks.docs import example_findings

RULES = all_rules()


@pytest.mark.parametrize("code", sorted(RULES))
def test_bad_example_yields_the_rule_and_good_one_does_not(code: str) -> None:
    rule = RULES[code]
    bad = example_findings(rule, "bad")
    assert bad, f"{code} ({rule.name}): its bad example yields nothing"
    assert {f.code for f in bad} == {code}
    good = example_findings(rule, "good")
    assert good == [], f"{code}: its good example yields {[f.message for f in good]}"


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_is_documented(code: str) -> None:
    rule = RULES[code]
    assert rule.code == code and code.startswith("TS") and len(code) == 5
    assert rule.category in Category and rule.severity in Severity
    assert rule.summary and "\n" not in rule.summary and rule.summary.endswith(".")
    assert len(rule.explanation) > 40
    assert rule.bad.show() and rule.good.show() and rule.bad.show() != rule.good.show()
    assert rule.scope in ("parse", "segment", "article", "cross")
    assert (rule.func is None) == (rule.scope == "parse")


def test_names_are_unique_and_found_by_name() -> None:
    names = [r.name for r in RULES.values()]
    assert len(names) == len(set(names))
    assert get_rule("duplicated-word") is RULES["TS702"]
    assert get_rule("ts702") is RULES["TS702"]
    assert get_rule("TS999") is None


def test_parse_diagnostics_are_rules_with_their_codes() -> None:
    for code, info in D.PARSE_CODES.items():
        rule = RULES[code]
        assert rule.scope == "parse" and rule.name == info.name and rule.severity.value == info.severity
        assert rule.category.value == ("text" if info.category == "encoding" else info.category)


def test_every_category_of_the_issue_has_rules() -> None:
    assert {r.category for r in RULES.values()} == set(Category)


def test_fixable_rules_fix_their_bad_example() -> None:
    for rule in RULES.values():
        if not rule.fixable:
            continue
        found = example_findings(rule, "bad")
        assert all(f.edits and f.fix is not None for f in found), rule.code


def test_edge_whitespace_fix_removes_only_what_the_translation_added() -> None:
    import twinspan
    from twinspan.checks import Config, check_article
    from twinspan.checks.registry import pair

    text = (
        "---\nms.contentlocale: ar-SA\n---\n"
        + pair("1-101", "مرحبا. ", "Hello.")
        + "\n\n"
        + pair("1-102", "وداعا.", "\u202f Goodbye.")
        + "\n"
    )
    found = check_article(twinspan.parse(text, path="content/ar-SA/x.md"), Config(select=("TS704",)))
    added, lost = found
    assert added.fix == "مرحبا." and added.edits
    assert lost.fix is None and not lost.edits and "leading none in the translation" in lost.message
