"""The text format: ``path:line:col: CODE message``, coloured on a terminal, and a summary line."""

from __future__ import annotations

from ..finding import CheckResult
from ..registry import Rule

_RESET = "\033[0m"
_BOLD = "\033[1m"
_DIM = "\033[2m"
_SEVERITY_COLOR = {"error": "\033[1;31m", "warning": "\033[33m", "info": "\033[36m"}


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def summary(result: CheckResult, rules: dict[str, Rule]) -> str:
    """One line: how many findings of which severity, in how many files and segments."""
    where = f"{_plural(result.files, 'file')} ({_plural(result.segments, 'segment')})"
    if not result.findings:
        return f"All checks passed: {where}."
    sev = result.by_severity()
    parts = ", ".join(_plural(sev[s], s) if s != "info" else f"{sev[s]:,} info" for s in ("error", "warning", "info") if sev[s])
    fixable = sum(1 for f in result.findings if f.edits)
    tail = f"; {fixable:,} fixable with --fix" if fixable else ""
    return f"Found {_plural(len(result.findings), 'finding')} ({parts}) in {where}{tail}."


def text(result: CheckResult, rules: dict[str, Rule], *, color: bool = False, notes: tuple[str, ...] = ()) -> str:
    lines = []
    for f in result.findings:
        if color:
            sev = _SEVERITY_COLOR.get(f.severity, "")
            lines.append(f"{_BOLD}{f.path}{_RESET}{_DIM}:{f.line}:{f.column}:{_RESET} {sev}{f.code}{_RESET} {f.message}")
        else:
            lines.append(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}")
    if lines:
        lines.append("")
    lines.extend(notes)
    line = summary(result, rules)
    lines.append(f"{_BOLD}{line}{_RESET}" if color else line)
    return "\n".join(lines) + "\n"
