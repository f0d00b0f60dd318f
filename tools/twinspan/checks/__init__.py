"""Localization QA over the article model: the rules behind ``twinspan check``.

The Python API (what the site plugin calls)::

    from twinspan.checks import check_paths

    result = check_paths(["content/ar-SA"], config={"ignore": ["TS703"]})
    result.files, result.segments          # what was checked
    for f in result.findings:              # sorted by path, line, column
        f.code, f.category, f.severity     # "TS702", "text", "warning"
        f.path, f.line, f.column           # 1-based
        f.segment, f.locale                # "44498-126", "ar-SA" (segment None for file-level findings)
        f.message, f.source, f.target      # one line naming both sides; the two texts it is about
        f.fix                              # a suggested replacement, or None
    result.failed("error")                 # anything at or above that severity?
    result.to_dict()                       # the JSON contract of `twinspan check --format json`

``check_article(article)`` checks one parsed :class:`~twinspan.Article`; ``all_rules()`` and
``get_rule(code)`` give the registry (code, name, category, severity, summary, explanation,
bad/good examples). Configuration: :func:`discover` reads ``[tool.twinspan]`` or the
mkdocs.yml plugin block; ``check_paths`` accepts a :class:`Config` or a plain mapping.
"""

from __future__ import annotations

from .config import Config, discover, load_file
from .engine import check_article
from .finding import Category, CheckResult, Finding, Severity
from .registry import Rule, all_rules, get_rule
from .runner import check_paths

__all__ = [
    "Category",
    "CheckResult",
    "Config",
    "Finding",
    "Rule",
    "Severity",
    "all_rules",
    "check_article",
    "check_paths",
    "discover",
    "get_rule",
    "load_file",
]
