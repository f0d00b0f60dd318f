"""Builders for the documented examples: steps with sub-steps, as the corpus writes them."""

from __future__ import annotations

from collections.abc import Sequence

from ..registry import pair


def labelled_step(prefix: str, step: tuple[str, str], labels: Sequence[tuple[str, str]], body: tuple[str, str] = ("نص.", "Text.")) -> str:
    """``1. step`` then one line per lettered sub-step: a label segment (``أ.``/``a.``) and its text."""
    lines = [f"1. {pair(f'{prefix}-101', *step)}", ""]
    for k, label in enumerate(labels):
        lines.append(f"    {pair(f'{prefix}-{102 + 2 * k}', *label)} {pair(f'{prefix}-{103 + 2 * k}', *body)}<BR/>")
    return "\n".join(lines) + "\n"


def bulleted_step(prefix: str, step: tuple[str, str], items: Sequence[tuple[str, str]]) -> str:
    """``1. step`` then its sub-steps as a nested bullet list."""
    lines = [f"1. {pair(f'{prefix}-101', *step)}", ""]
    lines += [f"    - {pair(f'{prefix}-{102 + k}', *item)}" for k, item in enumerate(items)]
    return "\n".join(lines) + "\n"
