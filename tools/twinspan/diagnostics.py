"""Codes of the problems the parser reports (``Article.diagnostics``).

These are stable: tools and baselines refer to them. The check registry
(:mod:`twinspan.checks`) exposes each of them as a rule of its own, with the
category given here, so ``twinspan check`` reports parse problems too.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ParseCode:
    code: str
    name: str
    category: str
    severity: str
    summary: str


PARSE_CODES: dict[str, ParseCode] = {}


def _code(code: str, name: str, category: str, severity: str, summary: str) -> str:
    PARSE_CODES[code] = ParseCode(code, name, category, severity, summary)
    return code


INVALID_UTF8 = _code("TS001", "invalid-utf8", "encoding", "error", "Bytes that are not valid UTF-8 (kept as they are).")
NUL_BYTE = _code("TS002", "nul-byte", "encoding", "error", "A NUL byte in the text.")
ENCODING_REFUSED = _code("TS003", "encoding-refused", "encoding", "error", "A byte-order mark that the bytes do not honour.")
TOO_LARGE = _code("TS004", "file-too-large", "encoding", "error", "A file over the size limit; its body is not analysed.")
LINE_TOO_LONG = _code("TS005", "line-too-long", "markup", "warning", "A line over the length limit; its structure is not analysed.")
OUTSIDE_STRUCTURE = _code(
    "TS006",
    "nesting-too-deep",
    "markup",
    "error",
    "Segments in no Markdown block: nested deeper than the structure limit (lists, quotes), so the site cannot show them.",
)
FM_MISSING = _code("TS010", "front-matter-missing", "front-matter", "error", "No YAML front matter between '---' lines at the top.")
FM_UNCLOSED = _code("TS011", "front-matter-unclosed", "front-matter", "error", "Front matter opened with '---' and never closed.")
FM_YAML = _code(
    "TS012",
    "front-matter-invalid",
    "front-matter",
    "error",
    "Front matter that is not valid safe YAML (tags such as !!python/object are refused).",
)
FM_REFUSED = _code("TS013", "front-matter-refused", "front-matter", "error", "Front matter refused: too large, or uses anchors/aliases.")
FM_NOT_MAPPING = _code(
    "TS014", "front-matter-not-mapping", "front-matter", "error", "Front matter that is not a mapping of keys to values."
)
UNPAIRED_TRANSLATION = _code(
    "TS101", "translation-without-source", "pairing", "error", "A translation span (data-ttu-id) with no source span after it."
)
UNPAIRED_SOURCE = _code(
    "TS102", "source-without-translation", "pairing", "error", "A source span (sxs-lookup/data-stu-id) with no translation span before it."
)
ID_MISMATCH = _code("TS103", "id-mismatch", "pairing", "error", "The translation and source ids of a pair differ.")
UNCLOSED_SPAN = _code("TS104", "unclosed-span", "pairing", "error", "A segment span that is never closed.")
MALFORMED_SPAN = _code(
    "TS105", "malformed-span", "pairing", "error", "Segment span markup that is malformed (escaped quotes, missing id, bad nesting)."
)
STRAY_CLOSE = _code("TS106", "stray-closing-span", "pairing", "warning", "A closing </span> with no opening span.")
UNKNOWN_TAG = _code(
    "TS107",
    "unknown-tag",
    "markup",
    "warning",
    "An HTML tag that is not a known element (a placeholder such as <domain> disappears when rendered).",
)
