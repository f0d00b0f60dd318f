"""The rule registry: every rule has a stable code, a category, a default severity,
a one-line summary, an explanation and a bad/good example.

Rules register themselves with the decorators below when :mod:`twinspan.checks.rules`
is imported. Four scopes:

- ``parse``: the parser's diagnostics (TS0xx/TS1xx), turned into findings as they are;
- ``segment``: ``func(ctx, segment)`` for every segment with both sides (a rule registered with
  ``markup_only=True`` reads nothing but the sides' inline markup, and runs only for segments
  where a side has some: see :func:`twinspan.inline.has_markup`; one registered with ``trigger``
  characters runs only on files that hold one of them);
- ``article``: ``func(ctx)`` once per file;
- ``cross``: ``func(group)`` once per article found in several locales.

The documented examples are run by the test suite: the bad one must yield the rule,
the good one must not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .finding import Category, Severity

#: Front matter put above an example that has none (the locale comes from its path).
_EXAMPLE_FRONT_MATTER = """---
title: {title}
ms.contentlocale: {locale}
ms.translationtype: MT
ms.sourcegitcommit: 2103d706492ad7ee9596344714c0520569ebd6af
ms.lasthandoff: 06/23/2021
---
"""
_DEFAULT_EXAMPLE_PATH = "content/ar-SA/example.md"
_TITLES = {"ar": "مثال", "he": "דוגמה", "de": "Beispiel"}


@dataclass(frozen=True, slots=True)
class Example:
    """One or more files: ``(path, snippet)``.

    A snippet without front matter gets one (unless ``raw``). Text is stored as ``str``
    and written as UTF-8 with surrogate escapes, so ``"\\udcff"`` stands for the byte 0xFF.
    ``factory`` builds files too large to write out (the snippet then describes them).
    """

    snippets: tuple[tuple[str, str], ...]
    raw: bool = False
    factory: Callable[[], list[tuple[str, str]]] | None = None

    def files(self) -> list[tuple[str, bytes]]:
        """The example as files: (path, bytes)."""
        pairs = self.factory() if self.factory is not None else list(self.snippets)
        out = []
        for path, text in pairs:
            if not self.raw and not text.startswith("---"):
                locale = path.split("/")[-2] if "/" in path else "ar-SA"
                title = _TITLES.get(locale.split("-")[0], "Example")
                text = _EXAMPLE_FRONT_MATTER.format(locale=locale, title=title) + text
            out.append((path, text.encode("utf-8", "surrogateescape")))
        return out

    def show(self) -> str:
        """The snippets as the documentation prints them (odd bytes and controls escaped)."""

        def visible(text: str) -> str:
            text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            return "".join(ch if ch in "\n\t" or ch.isprintable() else f"\\u{ord(ch):04x}" for ch in text)

        if len(self.snippets) == 1 and self.snippets[0][0] == _DEFAULT_EXAMPLE_PATH:
            return visible(self.snippets[0][1].rstrip("\n"))
        return "\n\n".join(f"# {visible(path)}\n{visible(text.rstrip())}" for path, text in self.snippets)


def example(
    text: str | dict[str, str],
    path: str = _DEFAULT_EXAMPLE_PATH,
    *,
    raw: bool = False,
    factory: Callable[[], list[tuple[str, str]]] | None = None,
) -> Example:
    if isinstance(text, dict):
        return Example(tuple(text.items()), raw, factory)
    return Example(((path, text),), raw, factory)


def pair(seg_id: str, translation: str, source: str) -> str:
    """The markup of one segment, for writing examples: ``pair("1-1", "مرحبا", "Hello")``."""
    return f'<span data-ttu-id="{seg_id}">{translation}</span><span class="sxs-lookup"><span data-stu-id="{seg_id}">{source}</span></span>'


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    category: Category
    severity: Severity
    summary: str
    explanation: str
    bad: Example
    good: Example
    scope: str  # "parse", "segment", "article" or "cross"
    func: Callable[..., Iterable[Any]] | None = None
    fixable: bool = False
    #: A segment rule that can only report a segment with inline markup (links, bold, italic,
    #: code, tags, entities) on a side: the engine skips the others (most segments).
    markup_only: bool = False
    #: A segment rule that finds nothing unless a side holds one of these characters: the engine
    #: skips the rule for a file whose text holds none (the sides are parts of it), which is most
    #: files. Characters, not a pattern: ``in`` scans a file many times faster than a regex search.
    trigger: str | None = None

    @property
    def url_fragment(self) -> str:
        return f"{self.code.lower()}-{self.name}"


RULES: dict[str, Rule] = {}
_CODE = re.compile(r"^TS\d{3}$")


def _register(rule: Rule) -> Rule:
    if not _CODE.match(rule.code):
        raise ValueError(f"rule code {rule.code!r} is not TS + three digits")
    if rule.code in RULES:
        raise ValueError(f"rule code {rule.code} registered twice")
    RULES[rule.code] = rule
    return rule


def _decorator(scope: str, **meta: Any) -> Callable[[Callable[..., Iterable[Any]]], Callable[..., Iterable[Any]]]:
    def wrap(func: Callable[..., Iterable[Any]]) -> Callable[..., Iterable[Any]]:
        _register(Rule(scope=scope, func=func, **meta))
        return func

    return wrap


def _scoped(scope: str, doc: str) -> Callable[..., Callable[[Callable[..., Iterable[Any]]], Callable[..., Iterable[Any]]]]:
    def register(
        code: str,
        name: str,
        category: Category,
        severity: Severity,
        *,
        summary: str,
        explanation: str,
        bad: Example,
        good: Example,
        fixable: bool = False,
        markup_only: bool = False,
        trigger: str | None = None,
    ) -> Callable[[Callable[..., Iterable[Any]]], Callable[..., Iterable[Any]]]:
        return _decorator(
            scope,
            code=code,
            name=name,
            category=category,
            severity=severity,
            summary=summary,
            explanation=explanation,
            bad=bad,
            good=good,
            fixable=fixable,
            markup_only=markup_only,
            trigger=trigger,
        )

    register.__doc__ = doc
    return register


#: Register ``func(ctx, segment)``, run for every segment with both sides.
segment_rule = _scoped("segment", "Register func(ctx, segment), run for every segment with both sides.")
#: Register ``func(ctx)``, run once per file.
article_rule = _scoped("article", "Register func(ctx), run once per file.")


def cross_rule(
    code: str,
    name: str,
    severity: Severity,
    *,
    summary: str,
    explanation: str,
    bad: Example,
    good: Example,
) -> Callable[[Callable[..., Iterable[Any]]], Callable[..., Iterable[Any]]]:
    """Register ``func(group)``, run once per article present in several locales."""
    return _decorator(
        "cross",
        code=code,
        name=name,
        category=Category.CROSS_LOCALE,
        severity=severity,
        summary=summary,
        explanation=explanation,
        bad=bad,
        good=good,
    )


def parse_rule(
    code: str, name: str, category: Category, severity: Severity, summary: str, *, explanation: str, bad: Example, good: Example
) -> None:
    """Register a parser diagnostic as a rule (its findings come from ``Article.diagnostics``)."""
    _register(Rule(code, name, category, severity, summary, explanation, bad, good, "parse"))


def all_rules() -> dict[str, Rule]:
    """Every rule, by code (importing the rule modules on first use)."""
    from . import rules  # noqa: F401  (registers the rules)

    return dict(sorted(RULES.items()))


def get_rule(key: str) -> Rule | None:
    """A rule by code (``TS702``) or name (``duplicated-word``)."""
    rules = all_rules()
    key_upper = key.strip().upper()
    if key_upper in rules:
        return rules[key_upper]
    for rule in rules.values():
        if rule.name == key.strip().lower():
            return rule
    return None


def matches(rule: Rule, selector: str) -> bool:
    """Whether *selector* names the rule: its code, a code prefix (``TS7``), its name, its category or ``ALL``."""
    s = selector.strip()
    if not s:
        return False
    up = s.upper()
    return up == "ALL" or rule.code.startswith(up) or s.lower() in (rule.name, rule.category.value)


def validate_selectors(selectors: Sequence[str]) -> list[str]:
    """The selectors that name no rule."""
    rules = all_rules().values()
    return [s for s in selectors if not any(matches(r, s) for r in rules)]


def enabled_codes(select: Sequence[str] | None, ignore: Sequence[str]) -> frozenset[str]:
    """Codes of the rules that *select* (all when None) names and *ignore* does not."""
    rules = all_rules().values()
    chosen = [r for r in rules if select is None or any(matches(r, s) for s in select)]
    return frozenset(r.code for r in chosen if not any(matches(r, s) for s in ignore))
