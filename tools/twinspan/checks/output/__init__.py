"""Output formats of ``twinspan check``: text, json, sarif, junit, github."""

from __future__ import annotations

import json
from typing import TextIO

from ..finding import CheckResult
from ..registry import Rule
from .junit import junit
from .sarif import sarif
from .text import text

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


def render(result: CheckResult, fmt: str, out: TextIO, *, rules: dict[str, Rule], color: bool = False, notes: tuple[str, ...] = ()) -> None:
    """Write *result* to *out* in format *fmt*. ``notes`` are extra summary lines (text only)."""
    if fmt == "json":
        json.dump(result.to_dict(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "sarif":
        json.dump(sarif(result, rules), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "junit":
        out.write(junit(result, rules))
    elif fmt == "github":
        out.write(github(result, rules))
    else:
        out.write(text(result, rules, color=color, notes=notes))


__all__ = ["FORMATS", "github", "junit", "render", "sarif", "text"]
