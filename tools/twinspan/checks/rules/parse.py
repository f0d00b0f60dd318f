"""The parser's diagnostics (TS0xx, TS1xx) as rules, documented like the others.

Their findings come from ``Article.diagnostics`` as the parser reported them; the codes,
names, categories and severities are those of :mod:`twinspan.diagnostics` (the parser's
``encoding`` category is reported as ``text``).
"""

from __future__ import annotations

from ... import diagnostics as D
from ..finding import Category, Severity
from ..registry import example, pair, parse_rule

_CATEGORY = {"encoding": Category.TEXT}
_OK = pair("1-101", "مرحبا", "Hello")


def _long_line() -> list[tuple[str, str]]:
    from ...parser import MAX_LINE

    return [("content/ar-SA/example.md", pair("1-101", "م" * (MAX_LINE + 1), "Hello") + "\n")]


def _large_body() -> list[tuple[str, str]]:
    from ...parser import MAX_STRUCTURE_CHARS

    filler = "نص " * 40 + "\n"  # plain lines: the size matters, not the content
    return [("content/ar-SA/example.md", pair("1-101", "مرحبا", "Hello") + "\n\n" + filler * (MAX_STRUCTURE_CHARS // len(filler) + 1))]


_DOCS: dict[str, tuple[str, str, str, dict[str, bool]]] = {
    # code: (explanation, bad, good, example options)
    D.INVALID_UTF8: (
        "Articles are UTF-8. A byte that is not valid UTF-8 is kept as it is (the file round-trips), "
        "but it shows as a replacement character and usually means a file saved in a legacy code page.",
        pair("1-101", "مرحبا \udcff", "Hello"),
        _OK,
        {},
    ),
    D.NUL_BYTE: (
        "A NUL byte is never text: it comes from a broken conversion or a binary file named .md.",
        pair("1-101", "مرحبا\0", "Hello"),
        _OK,
        {},
    ),
    D.ENCODING_REFUSED: (
        "The file starts with a UTF-16 byte-order mark but its bytes are not UTF-16; it is read as UTF-8 instead.",
        "\udcff\udcfe\0\udcd8A\0",
        "\ufeff---\ntitle: مثال\nms.contentlocale: ar-SA\n---\n" + _OK,
        {"raw": True},
    ),
    D.TOO_LARGE: (
        "A body over the size limit is not analysed for structure (its segments still are). Split the article.",
        "<a body of more than 10,000,000 characters>",
        _OK,
        {"factory": True},
    ),
    D.LINE_TOO_LONG: (
        "A line over 200,000 characters is reported: such a line is generated, not written, and slows every tool.",
        "<a line of more than 200,000 characters>",
        _OK,
        {"factory": True},
    ),
    D.OUTSIDE_STRUCTURE: (
        "Lists and quotes nested more than 100 levels deep are not analysed (a Markdown parser's guard against "
        "runaway input): the segments there belong to no block, so the site cannot show them. Real articles "
        "nest three or four levels; such nesting is generated or broken markup.",
        "> " * 101 + pair("1-101", "مرحبا", "Hello"),
        "> " + pair("1-101", "مرحبا", "Hello"),
        {},
    ),
    D.FM_MISSING: (
        "Every article starts with YAML front matter between '---' lines (title, locale, translation type…).",
        "# مثال\n",
        "---\ntitle: مثال\n---\n# مثال\n",
        {"raw": True},
    ),
    D.FM_UNCLOSED: (
        "The front matter is opened with '---' and never closed, so the whole file would be read as YAML.",
        "---\ntitle: مثال\n\n# مثال\n",
        "---\ntitle: مثال\n---\n# مثال\n",
        {"raw": True},
    ),
    D.FM_YAML: (
        "Front matter is loaded with safe YAML only: a syntax error or a tag such as !!python/object is refused.",
        "---\ntitle: !!python/object/apply:os.system [echo]\n---\n",
        "---\ntitle: مثال\n---\n",
        {"raw": True},
    ),
    D.FM_REFUSED: (
        "Front matter over 64 KiB, or using YAML anchors and aliases (alias bombs), is not loaded.",
        "---\ntitle: &t مثال\nms.title: *t\n---\n",
        "---\ntitle: مثال\nms.title: مثال\n---\n",
        {"raw": True},
    ),
    D.FM_NOT_MAPPING: (
        "Front matter is a mapping of keys to values, not a list or a scalar.",
        "---\n- title\n- مثال\n---\n",
        "---\ntitle: مثال\n---\n",
        {"raw": True},
    ),
    D.UNPAIRED_TRANSLATION: (
        "Every translation span is followed by its English source span; without it the sentence cannot be reviewed or re-translated.",
        '<span data-ttu-id="1-101">مرحبا</span>\n',
        _OK,
        {},
    ),
    D.UNPAIRED_SOURCE: (
        "A source span with no translation before it: the sentence was left out of the translation.",
        '<span class="sxs-lookup"><span data-stu-id="1-101">Hello</span></span>\n',
        _OK,
        {},
    ),
    D.ID_MISMATCH: (
        "The ids of a translation and of the source after it must be the same; otherwise tools pair the wrong sentences.",
        '<span data-ttu-id="1-101">مرحبا</span><span class="sxs-lookup"><span data-stu-id="1-102">Hello</span></span>\n',
        _OK,
        {},
    ),
    D.UNCLOSED_SPAN: (
        "A segment span is never closed: what follows it would render inside it.",
        '<span data-ttu-id="1-101">مرحبا<span class="sxs-lookup"><span data-stu-id="1-101">Hello</span></span>\n',
        _OK,
        {},
    ),
    D.MALFORMED_SPAN: (
        "Span markup that tools cannot read reliably: attribute quotes escaped as &quot;, a missing or empty id, bad nesting.",
        '<span data-ttu-id=&quot;1-101&quot;>مرحبا</span><span class="sxs-lookup"><span data-stu-id="1-101">Hello</span></span>\n',
        _OK,
        {},
    ),
    D.STRAY_CLOSE: (
        "A closing </span> that closes nothing: usually left behind by an edit, and it can close a wrapper early when rendered.",
        _OK + "</span>\n",
        _OK + "\n",
        {},
    ),
    D.UNKNOWN_TAG: (
        "A tag that is not an HTML element, such as a placeholder <domain>, disappears when the page is rendered. "
        "Write it as code (`<domain>`) or escape it.",
        pair("1-101", "أدخل <domain> هنا", "Enter <domain> here"),
        pair("1-101", "أدخل `<domain>` هنا", "Enter `<domain>` here"),
        {},
    ),
}


def _register_all() -> None:
    for code, info in D.PARSE_CODES.items():
        explanation, bad, good, opts = _DOCS[code]
        factory = None
        if opts.get("factory"):
            factory = _large_body if code == D.TOO_LARGE else _long_line
        parse_rule(
            code,
            info.name,
            _CATEGORY[info.category] if info.category in _CATEGORY else Category(info.category),
            Severity(info.severity),
            info.summary,
            explanation=explanation,
            bad=example(bad, raw=bool(opts.get("raw")), factory=factory),
            good=example(good, raw=bool(opts.get("raw"))),
        )


_register_all()
