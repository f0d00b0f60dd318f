"""Output formats of ``twinspan check``: text, json, sarif, junit, github (each module imported when used)."""

from __future__ import annotations

import json
from typing import TextIO

from ..finding import CheckResult
from ..registry import Rule

FORMATS = ("text", "json", "sarif", "junit", "github")
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _gh_escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


def github(result: CheckResult, rules: dict[str, Rule]) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    lines = []
    for f in result.findings:
        rule = rules.get(f.code)
        title = f"{f.code} {rule.name}" if rule else f.code
        props = f"file={_gh_escape(f.path, True)},line={f.line},col={f.column},title={_gh_escape(title, True)}"
        lines.append(f"::{_GITHUB_LEVEL.get(f.severity, 'warning')} {props}::{_gh_escape(f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def json_report(result: CheckResult) -> str:
    """The JSON contract, one finding per line (readable, and fast: json's C encoder does each line)."""
    head = f'{{"version": 1, "files": {result.files}, "segments": {result.segments}, "findings": ['
    if not result.findings:
        return head + "]}\n"
    body = ",\n".join(json.dumps(f.to_dict(), ensure_ascii=False) for f in result.findings)
    return f"{head}\n{body}\n]}}\n"


def render(result: CheckResult, fmt: str, out: TextIO, *, rules: dict[str, Rule], color: bool = False, notes: tuple[str, ...] = ()) -> None:
    """Write *result* to *out* in format *fmt*. ``notes`` are extra summary lines (text only)."""
    if fmt == "json":
        out.write(json_report(result))
    elif fmt == "sarif":
        from .sarif import sarif

        json.dump(sarif(result, rules), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "junit":
        from .junit import junit

        out.write(junit(result, rules))
    elif fmt == "github":
        out.write(github(result, rules))
    else:
        from .text import text

        out.write(text(result, rules, color=color, notes=notes))


__all__ = ["FORMATS", "github", "json_report", "render"]
