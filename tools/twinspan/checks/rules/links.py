"""Link rules (TS4xx): the URLs of the source, in the translation, safe and well formed.

Link text and titles are translated and may differ; URLs are compared after
:func:`~twinspan.checks.normalize.normalize_url` (a locale segment such as ``/ar-sa/``,
``http``/``https`` or a trailing slash is not a change).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast
from urllib.parse import unquote

from ...inline import Link
from ...model import Segment
from ..context import Context
from ..finding import Category, Finding, Severity
from ..normalize import normalize_url
from ..registry import article_rule, example, pair, segment_rule
from ._util import UNSAFE_URL_TEXT, is_unsafe_url, q, unsafe_html_urls

_URL = "/azure/active-directory/fundamentals/concept-fundamentals-security-defaults"


@dataclass(frozen=True, slots=True)
class LinkDiff:
    changed: list[tuple[Link, Link]]
    missing: list[Link]
    added: list[Link]
    reordered: bool


def link_diff(seg: Segment) -> LinkDiff | None:
    """How the translation's links differ from the source's; None when they agree."""
    assert seg.translation is not None and seg.source is not None
    src, tr = seg.source.inline.links, seg.translation.inline.links
    if not src and not tr:
        return None
    if len(src) == len(tr) and all(a.url == b.url for a, b in zip(src, tr, strict=True)):
        return None  # the same URLs in the same order (most segments with links)
    s_keys = [normalize_url(x.url) for x in src]
    t_keys = [normalize_url(x.url) for x in tr]
    if s_keys == t_keys:
        return None
    missing_c = Counter(s_keys) - Counter(t_keys)
    added_c = Counter(t_keys) - Counter(s_keys)
    missing: list[Link] = []
    for link, key in zip(src, s_keys, strict=True):
        if missing_c[key] > 0:
            missing_c[key] -= 1
            missing.append(link)
    added: list[Link] = []
    for link, key in zip(tr, t_keys, strict=True):
        if added_c[key] > 0:
            added_c[key] -= 1
            added.append(link)
    pairs = min(len(missing), len(added))
    changed = list(zip(missing[:pairs], added[:pairs], strict=True))
    return LinkDiff(changed, missing[pairs:], added[pairs:], reordered=not missing and not added)


def _diff(ctx: Context, seg: Segment) -> LinkDiff | None:
    """The segment's link diff, worked out once for the four rules that read it."""
    assert seg.translation is not None and seg.source is not None
    if not seg.source.inline.links and not seg.translation.inline.links:
        return None
    key = ("link_diff", seg.index)
    if key not in ctx.memo:
        ctx.memo[key] = link_diff(seg)
    return cast("LinkDiff | None", ctx.memo[key])


@segment_rule(
    "TS401",
    "link-missing",
    Category.LINKS,
    Severity.ERROR,
    markup_only=True,
    summary="A link of the source is not in the translation.",
    explanation="Every URL of the source must be linked in the translation too; the reader otherwise loses the way to the fix.",
    bad=example(pair("1-101", "تعطيل إعدادات أمان Azure الافتراضية.", f"Disable the [Azure security defaults]({_URL}).")),
    good=example(pair("1-101", f"قم [بتعطيل إعدادات أمان Azure الافتراضية]({_URL}).", f"Disable the [Azure security defaults]({_URL}).")),
)
def link_missing(ctx: Context, seg: Segment) -> Iterator[Finding]:
    d = _diff(ctx, seg)
    for link in d.missing if d else ():
        yield ctx.at_side(seg, f"link {link.url} ({q(link.text, 30)}) of the source is not in the translation")


@segment_rule(
    "TS402",
    "link-added",
    Category.LINKS,
    Severity.WARNING,
    markup_only=True,
    summary="The translation links to a URL the source does not have.",
    explanation="A link added by the translation points the reader somewhere the source never sent them.",
    bad=example(pair("1-101", "راجع [المقالة](https://example.com/other).", "See the article.")),
    good=example(pair("1-101", "راجع المقالة.", "See the article.")),
)
def link_added(ctx: Context, seg: Segment) -> Iterator[Finding]:
    d = _diff(ctx, seg)
    for link in d.added if d else ():
        yield ctx.at_side(seg, f"the translation links to {link.url} ({q(link.text, 30)}); the source has no such link")


@segment_rule(
    "TS403",
    "link-changed",
    Category.LINKS,
    Severity.ERROR,
    markup_only=True,
    summary="A URL of the source is changed in the translation (beyond its locale).",
    explanation=(
        "The translation links where the source links, to a different URL. A locale segment (/en-us/ → /ar-sa/), "
        "a locale query value, http → https and a trailing slash are not changes."
    ),
    bad=example(pair("1-101", "راجع [المقالة](/exchange/smtp-auth).", "See [the article](/exchange/smtp-submission).")),
    good=example(
        pair(
            "1-101",
            "راجع [المقالة](https://docs.microsoft.com/ar-sa/exchange/smtp).",
            "See [the article](https://docs.microsoft.com/en-us/exchange/smtp).",
        )
    ),
)
def link_changed(ctx: Context, seg: Segment) -> Iterator[Finding]:
    d = _diff(ctx, seg)
    for s, t in d.changed if d else ():
        yield ctx.at_side(seg, f"link {s.url} of the source is {t.url} in the translation", fix=None)


@segment_rule(
    "TS404",
    "link-order",
    Category.LINKS,
    Severity.INFO,
    markup_only=True,
    summary="The translation has the source's links, in a different order.",
    explanation=(
        "Word order changes in translation, so two links may legitimately swap; but when a step's links are "
        "swapped with their texts, the reader follows the wrong one. Worth a look, rarely an error."
    ),
    bad=example(pair("1-101", "راجع [ب](/b) و[أ](/a).", "See [A](/a) and [B](/b).")),
    good=example(pair("1-101", "راجع [أ](/a) و[ب](/b).", "See [A](/a) and [B](/b).")),
)
def link_order(ctx: Context, seg: Segment) -> Iterator[Finding]:
    d = _diff(ctx, seg)
    if d is not None and d.reordered:
        assert seg.source is not None and seg.translation is not None
        src = ", ".join(x.url for x in seg.source.inline.links)
        tr = ", ".join(x.url for x in seg.translation.inline.links)
        yield ctx.at_side(seg, f"links in a different order: source {src}; translation {tr}")


# Link syntax that markdown did not read as a link is left in the text a reader sees.
_SPACE_BEFORE_URL = re.compile(r"\[[^\[\]]*\]\s+\(\s*(?:[a-z][a-z0-9+.-]*:|/|\.|#)[^)\s]*\)", re.I)
_UNPARSED = re.compile(r"\]\(\s*(?:[a-z][a-z0-9+.-]*:|/|\.|#)", re.I)


def _malformed(side_plain: str, links: tuple[Link, ...]) -> str | None:
    m = _SPACE_BEFORE_URL.search(side_plain)
    if m:
        return f"a space between ] and ( in {q(m.group(0), 50)}"
    m = _UNPARSED.search(side_plain)
    if m:
        start = side_plain.rfind("[", 0, m.start())
        return f"link syntax not read as a link: {q(side_plain[max(start, 0) : m.end() + 30], 50)}"
    if side_plain.count("[") != side_plain.count("]"):
        return f"unbalanced brackets ({side_plain.count('[')} '[' and {side_plain.count(']')} ']')"
    for link in links:
        if not link.image and not link.text.strip():
            return f"a link with no text to {link.url}"
    return None


@segment_rule(
    "TS405",
    "malformed-link",
    Category.LINKS,
    Severity.ERROR,
    markup_only=True,
    summary="Link syntax that does not make a link: a space before the URL, unbalanced brackets, or no link text.",
    explanation=(
        "«[text] (url)» with a space, or brackets that do not balance, are shown to the reader as raw text "
        "instead of a link; a link with empty text cannot be seen or clicked. Reported for the side that has it "
        "(when the source has the same problem, only for the source)."
    ),
    bad=example(pair("1-101", "راجع [المقالة] (/exchange/smtp).", "See [the article](/exchange/smtp).")),
    good=example(pair("1-101", "راجع [المقالة](/exchange/smtp).", "See [the article](/exchange/smtp).")),
)
def malformed_link(ctx: Context, seg: Segment) -> Iterator[Finding]:
    assert seg.translation is not None and seg.source is not None
    s_in, t_in = seg.source.inline, seg.translation.inline
    if "[" not in s_in.plain + t_in.plain + "".join(x.text for x in (*s_in.links, *t_in.links)) and not s_in.links + t_in.links:
        return
    src_problem = _malformed(s_in.plain, s_in.links)
    tr_problem = _malformed(t_in.plain, t_in.links)
    if src_problem:
        yield ctx.at_side(seg, f"malformed link in the source: {src_problem}", side="source")
    elif tr_problem:
        yield ctx.at_side(seg, f"malformed link in the translation: {tr_problem}; the source's links are well formed")


@segment_rule(
    "TS406",
    "unsafe-url",
    Category.LINKS,
    Severity.ERROR,
    summary="A link with an unsafe scheme (javascript:, vbscript:, data:, file:).",
    explanation=(
        "Documentation never needs script, data or local-file URLs; they are a way to run code in the reader's "
        "browser. Reported on each side that has one, whether markdown made it a link or left it as text."
    ),
    bad=example(pair("1-101", "انقر [هنا](javascript:alert(1)).", "Click [here](javascript:alert(1)).")),
    good=example(pair("1-101", "انقر [هنا](https://example.com/).", "Click [here](https://example.com/).")),
)
def unsafe_url(ctx: Context, seg: Segment) -> Iterator[Finding]:
    assert seg.translation is not None and seg.source is not None
    for side, s in (("translation", seg.translation), ("source", seg.source)):
        urls = [x.url for x in s.inline.links if is_unsafe_url(x.url)]
        if ":" in s.inline.plain:
            urls += [m.group(1) for m in UNSAFE_URL_TEXT.finditer(s.inline.plain) if is_unsafe_url(m.group(1))]
        if "<" in s.text and not urls:
            urls += unsafe_html_urls(s.text)
        if urls:
            other = "source" if side == "translation" else "translation"
            yield ctx.at_side(seg, f"unsafe URL {q(urls[0], 40)} in the {side} (checked in the {other} too)", side=side)


@article_rule(
    "TS407",
    "broken-anchor",
    Category.LINKS,
    Severity.WARNING,
    summary="An in-page link (#anchor) to an anchor the article does not have.",
    explanation=(
        'A link to #name must find an <a name="name"> or a heading with that slug in the same article; '
        "otherwise the click goes nowhere. Anchors come from `Article.anchors`."
    ),
    bad=example(
        '## <a name="enable-smtp"></a>'
        + pair("1-101", "التمكين", "Enable")
        + "\n\n"
        + pair("1-102", "راجع [التمكين](#enable-smpt).", "See [Enable](#enable-smpt).")
        + "\n"
    ),
    good=example(
        '## <a name="enable-smtp"></a>'
        + pair("1-101", "التمكين", "Enable")
        + "\n\n"
        + pair("1-102", "راجع [التمكين](#enable-smtp).", "See [Enable](#enable-smtp).")
        + "\n"
    ),
)
def broken_anchor(ctx: Context) -> Iterator[Finding]:
    anchors = ctx.article.anchors
    for seg in ctx.article.segments:
        for side_name, side in (("translation", seg.translation), ("source", seg.source)):
            if side is None or "#" not in side.text:
                continue
            for link in side.inline.links:
                if link.url.startswith("#") and len(link.url) > 1:
                    name = unquote(link.url[1:])
                    if name not in anchors and name.lower() not in anchors:
                        yield ctx.at_side(seg, f"anchor {link.url} of the {side_name} is not in the article", side=side_name)
