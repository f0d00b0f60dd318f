"""YAML front matter: found between ``---`` lines at the top, loaded with safe YAML only."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from . import diagnostics as D
from .model import Diagnostic

try:  # the C loader when libyaml is there; both are "safe" loaders
    _Loader: type[yaml.SafeLoader | yaml.CSafeLoader] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader  # type: ignore[misc]

#: Front matter larger than this is refused (a real one is under 2 KiB).
MAX_FRONT_MATTER = 64 * 1024

_OPEN = re.compile(r"\ufeff?---[ \t]*(?:\r\n|\r|\n)")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)", re.M)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    data: Mapping[str, Any] | None
    raw: str | None  # the YAML text between the fences
    body_start: int  # offset where the Markdown body starts
    raw_start: int  # offset of the YAML text
    diagnostics: tuple[Diagnostic, ...]


def split(text: str) -> FrontMatter:
    """Find and load the front matter at the top of *text*. Never raises."""
    m = _OPEN.match(text)
    if not m:
        return FrontMatter(None, None, 0, 0, (Diagnostic(D.FM_MISSING, "no front matter: the file does not start with '---'", 1, 1),))
    raw_start = m.end()
    close = _CLOSE.search(text, raw_start)
    if not close:
        return FrontMatter(None, None, 0, 0, (Diagnostic(D.FM_UNCLOSED, "front matter opened with '---' on line 1 is never closed", 1, 1),))
    raw = text[raw_start : close.start()]
    body_start = close.end()
    data, diags = load_yaml(raw, first_line=2)
    return FrontMatter(data, raw, body_start, raw_start, diags)


def load_yaml(raw: str, first_line: int = 1) -> tuple[Mapping[str, Any] | None, tuple[Diagnostic, ...]]:
    """Safe-load *raw*; refuse what is too large, uses aliases or is not a mapping."""
    if len(raw) > MAX_FRONT_MATTER:
        msg = f"front matter of {len(raw):,} characters is over the {MAX_FRONT_MATTER:,} limit; not loaded"
        return None, (Diagnostic(D.FM_REFUSED, msg, first_line, 1),)
    try:
        raw.encode("utf-8")
    except UnicodeEncodeError:
        # Undecodable bytes (reported as TS001 already) become U+FFFD for the YAML reader only;
        # the text of the article keeps them.
        raw = raw.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    simple = _flat_yaml(raw)
    if simple is not None:
        return simple, ()
    if "*" in raw or "&" in raw:
        alias = _first_alias(raw)
        if alias is not None:
            line, col = alias
            msg = "front matter uses YAML anchors/aliases, which are refused (alias bombs)"
            return None, (Diagnostic(D.FM_REFUSED, msg, first_line + line, col + 1),)
    try:
        data = yaml.load(raw, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        col = (mark.column + 1) if mark else 1
        problem = exc.problem or exc.context or "invalid YAML"
        return None, (Diagnostic(D.FM_YAML, f"front matter is not valid YAML: {problem}", line, col),)
    except yaml.YAMLError as exc:
        return None, (Diagnostic(D.FM_YAML, f"front matter is not valid YAML: {exc}", first_line, 1),)
    except RecursionError:
        return None, (Diagnostic(D.FM_REFUSED, "front matter is nested too deeply", first_line, 1),)
    except (UnicodeError, ValueError, OverflowError) as exc:  # the reader's own complaints about characters
        return None, (Diagnostic(D.FM_YAML, f"front matter is not valid YAML: {exc}", first_line, 1),)
    if data is None:
        return {}, ()
    if not isinstance(data, dict):
        msg = f"front matter is a {type(data).__name__}, not a mapping of keys to values"
        return None, (Diagnostic(D.FM_NOT_MAPPING, msg, first_line, 1),)
    return {str(k): v for k, v in data.items()}, ()


#: ``key: value`` and ``- item`` lines: the shape of nearly every real front matter.
_KEY_LINE = re.compile(r"([A-Za-z_][\w.\-]*):(?: +(.*))?")
_ITEM_LINE = re.compile(r"( *)- +(.*)")
_QUOTED = re.compile(r""""([^"\\]*)"|'([^']*)'""")
#: Characters that make a plain scalar more than plain text: indicators at its start, ": " and
#: " #" inside it, and white space at its end.
_PLAIN_BAD_START = frozenset("-?:,[]{}#&*!|>'\"%@` \t")
_IMPLICIT = yaml.SafeLoader.yaml_implicit_resolvers


def _scalar(text: str) -> str | None:
    """The string a flat YAML value stands for, or None where YAML could read anything else
    (a number, a date, a boolean, an escape, a comment, a flow collection, …)."""
    if not text:
        return None
    first = text[0]
    if first in "\"'":
        m = _QUOTED.fullmatch(text)
        if m is None:
            return None
        return m.group(1) if m.group(1) is not None else m.group(2)
    if first in _PLAIN_BAD_START or ": " in text or " #" in text or text.endswith((" ", ":")):
        return None
    if any(regexp.match(text) for _, regexp in _IMPLICIT.get(first, ())):
        return None  # resolves to a number, a boolean, a date or null
    return text


def _flat_yaml(raw: str) -> dict[str, Any] | None:
    """The mapping of a front matter made only of ``key: string`` lines and lists of strings
    under a bare ``key:``, exactly as the YAML loader reads it; None for anything else, which
    goes to the loader. (libyaml's parser is C, but building values goes through PyYAML's Python
    constructor and resolver: 0.3 ms a file, most of the cost of parsing a short article.)"""
    if not raw.replace("\n", "").isprintable():
        return None  # tabs, CR, control, format and other characters YAML may treat otherwise
    data: dict[str, Any] = {}
    items: list[str] | None = None  # the list being read, under the last bare key
    indent: str | None = None
    last = ""
    for line in raw.split("\n"):
        if not line:
            continue
        read = _line(line)
        if read is None:
            return None
        kind, first, value = read
        if kind == "key":
            if value is None:  # a bare key: a list may follow; with none, it is null
                items, indent = [], None
                data[first] = None
                last = first
            else:
                data[first] = value
                items = None
            continue
        if items is None or (indent is not None and first != indent):
            return None
        indent = first
        assert value is not None
        items.append(value)
        data[last] = items
    return data


@lru_cache(maxsize=8192)  # most lines (ms.topic: article) are in many files
def _line(line: str) -> tuple[str, str, str | None] | None:
    """A line of a flat front matter: ("key", key, value or None for a bare key), ("item",
    indentation, value), or None when YAML could read it as anything else."""
    m = _KEY_LINE.fullmatch(line)
    if m is not None:
        key = _scalar(m.group(1))
        if key is None:
            return None
        if m.group(2) is None:
            return "key", key, None
        value = _scalar(m.group(2))
        return None if value is None else ("key", key, value)
    im = _ITEM_LINE.fullmatch(line)
    if im is None:
        return None
    value = _scalar(im.group(2))
    return None if value is None else ("item", im.group(1), value)


def _first_alias(raw: str) -> tuple[int, int] | None:
    """Where the first anchor or alias token is, if any (the scanner never builds values)."""
    try:
        for token in yaml.scan(raw, Loader=_Loader):
            if isinstance(token, (yaml.AliasToken, yaml.AnchorToken)):
                return token.start_mark.line, token.start_mark.column
    except yaml.YAMLError:
        return None  # the loader reports it with its position
    return None
