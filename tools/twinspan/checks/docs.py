"""Rule documentation: the list (``twinspan rules``) and one rule explained (``twinspan rules CODE``).

An explanation shows what the rule reports on its own bad example, by running it.
"""

from __future__ import annotations

import textwrap
from typing import Any

from .engine import check_texts
from .finding import Finding
from .registry import Example, Rule


def example_findings(rule: Rule, which: str = "bad") -> list[Finding]:
    """The rule's findings on its bad (or good) example."""
    ex: Example = rule.bad if which == "bad" else rule.good
    return [f for f in check_texts(ex.files(), {"select": [rule.code]}) if f.code == rule.code]


def listing(rules: dict[str, Rule]) -> str:
    rows = [(r.code, r.name, r.category.value, r.severity.value, "fix" if r.fixable else "", r.summary) for r in rules.values()]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    head = ("CODE", "NAME", "CATEGORY", "SEVERITY", "FIX")
    widths = [max(w, len(h)) for w, h in zip(widths, head, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)) + "  SUMMARY"]
    for row in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row[:5], widths, strict=True)) + "  " + row[5])
    lines.append("")
    lines.append(f"{len(rows)} rules. `twinspan rules CODE` explains one; select/ignore take codes, prefixes (TS7), names or categories.")
    return "\n".join(lines) + "\n"


def _indent(text: str) -> str:
    return textwrap.indent(text, "    ")


def explain(rule: Rule) -> str:
    wrap = textwrap.fill(rule.explanation, 100)
    found = example_findings(rule)
    reported = "\n".join(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}" for f in found) or "(nothing)"
    fix = "yes: --fix applies it" if rule.fixable else "no"
    return (
        f"{rule.code} {rule.name}\n"
        f"category: {rule.category.value} · default severity: {rule.severity.value} · fixable: {fix}\n\n"
        f"{rule.summary}\n\n{wrap}\n\n"
        f"Bad:\n\n{_indent(rule.bad.show())}\n\nReported:\n\n{_indent(reported)}\n\n"
        f"Good:\n\n{_indent(rule.good.show())}\n"
    )


def as_dict(rule: Rule, with_example_findings: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": rule.code,
        "name": rule.name,
        "category": rule.category.value,
        "severity": rule.severity.value,
        "fixable": rule.fixable,
        "summary": rule.summary,
        "explanation": rule.explanation,
        "bad": rule.bad.show(),
        "good": rule.good.show(),
    }
    if with_example_findings:
        data["reported"] = [f.message for f in example_findings(rule)]
    return data


def markdown(rules: dict[str, Rule]) -> str:
    """All rules as a Markdown page (for the documentation site)."""
    out = ["# Check rules", "", "| Code | Name | Category | Severity | Fix | Summary |", "| --- | --- | --- | --- | --- | --- |"]
    for r in rules.values():
        out.append(
            f"| [{r.code}](#{r.url_fragment}) | {r.name} | {r.category.value} | {r.severity.value} | {'✓' if r.fixable else ''} | {r.summary} |"
        )
    for r in rules.values():
        out += [
            "",
            f"## {r.code} {r.name}",
            "",
            f"*{r.category.value}, {r.severity.value}{', fixable' if r.fixable else ''}*",
            "",
            r.summary,
            "",
            r.explanation,
        ]
        out += ["", "Bad:", "", "```markdown", r.bad.show(), "```", "", "Good:", "", "```markdown", r.good.show(), "```"]
    return "\n".join(out) + "\n"
