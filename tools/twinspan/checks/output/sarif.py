"""SARIF 2.1.0 (validated against the OASIS schema in the test suite).

Rules carry their summary, explanation and examples as help; results carry the region
(1-based line and column in Unicode code points), the segment and locale as properties,
and a partial fingerprint that does not move with line numbers (for code scanning).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ... import __version__
from ..finding import CheckResult, Finding
from ..registry import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str, root: Path) -> tuple[str, bool]:
    """(URI, relative to %SRCROOT%?) for a finding's path."""
    p = Path(path).resolve()
    try:
        rel = p.relative_to(root)
    except ValueError:
        return p.as_uri(), False
    return quote(rel.as_posix()), True


def _rule(rule: Rule) -> dict[str, Any]:
    help_text = f"{rule.summary}\n\n{rule.explanation}\n\nBad:\n{rule.bad.show()}\n\nGood:\n{rule.good.show()}"
    help_md = f"{rule.summary}\n\n{rule.explanation}\n\nBad:\n\n```markdown\n{rule.bad.show()}\n```\n\nGood:\n\n```markdown\n{rule.good.show()}\n```"
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": _LEVEL[rule.severity.value]},
        "properties": {"category": rule.category.value, "tags": ["localization", rule.category.value]},
    }


def _fingerprint(f: Finding) -> str:
    key = "\x1f".join((f.code, f.path, f.segment or "", f.message))
    return hashlib.blake2b(key.encode("utf-8", "replace"), digest_size=16).hexdigest()


def sarif(result: CheckResult, rules: dict[str, Rule], root: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The SARIF log of one run."""
    base = Path(root or os.getcwd()).resolve()
    codes = sorted({*(c for c in rules), *(f.code for f in result.findings)})
    listed = [rules[c] for c in codes if c in rules]
    index = {r.code: i for i, r in enumerate(listed)}
    results = []
    for f in result.findings:
        uri, relative = _uri(f.path, base)
        location: dict[str, Any] = {"uri": uri}
        if relative:
            location["uriBaseId"] = "%SRCROOT%"
        res: dict[str, Any] = {
            "ruleId": f.code,
            "level": _LEVEL.get(f.severity, "warning"),
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": location, "region": {"startLine": f.line, "startColumn": f.column}}}],
            "partialFingerprints": {"twinspanFinding/v1": _fingerprint(f)},
            "properties": {"category": f.category, "segment": f.segment, "locale": f.locale},
        }
        if f.code in index:
            res["ruleIndex"] = index[f.code]
        if f.source is not None:
            res["properties"]["source"] = f.source
        if f.target is not None:
            res["properties"]["target"] = f.target
        if f.fix is not None:
            res["properties"]["fix"] = f.fix
        results.append(res)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "twinspan",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule(r) for r in listed],
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"uri": base.as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [
            {
                "executionSuccessful": not result.errors,
                "toolExecutionNotifications": [{"message": {"text": e}, "level": "error"} for e in result.errors],
            }
        ],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
