"""Front matter rules (TS8xx): required keys, locale, translation type, hand-off date, title."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...parser import locale_from_path
from ..context import Context
from ..finding import Category, Finding, Severity
from ..normalize import parse_date
from ..registry import article_rule, example, pair
from ._util import char_name, in_script, q
from .text import HIDDEN

_H1 = "# " + pair("1-101", "تمكين مصادقة SMTP", "Enable SMTP authentication") + "\n"


def _fm(**keys: str) -> str:
    base = {
        "title": "تمكين مصادقة SMTP",
        "ms.contentlocale": "ar-SA",
        "ms.translationtype": "MT",
        "ms.sourcegitcommit": "2103d706492ad7ee9596344714c0520569ebd6af",
        "ms.lasthandoff": "06/23/2021",
    }
    base.update({k.replace("_", "."): v for k, v in keys.items()})
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in base.items() if v) + "---\n" + _H1


def _value(ctx: Context, key: str) -> Any:
    """A front matter value (None when absent, or when there is no front matter)."""
    fm = ctx.article.front_matter
    return fm.get(key) if fm else None


def _key_line(ctx: Context, key: str) -> int:
    raw = ctx.article.front_matter_raw or ""
    for k, line in enumerate(raw.splitlines()):
        if line.split(":", 1)[0].strip().strip("'\"") == key:
            return k + 2  # the raw text starts on line 2
    return 1


@article_rule(
    "TS801",
    "front-matter-key",
    Category.FRONT_MATTER,
    Severity.ERROR,
    summary="A required front matter key is missing or empty.",
    explanation=(
        "Publishing and the checks read title, ms.contentlocale and ms.translationtype from the front matter. "
        "The list is configurable (required-front-matter in [tool.twinspan]); a localization pipeline that "
        "relies on ms.sourcegitcommit and ms.lasthandoff (the cross-locale rules show and compare them) adds them."
    ),
    bad=example(_fm(ms_translationtype="")),
    good=example(_fm()),
)
def front_matter_key(ctx: Context) -> Iterator[Finding]:
    fm = ctx.article.front_matter
    if fm is None:
        return  # missing or invalid front matter is TS010–TS014
    for key in ctx.config.required_front_matter:
        value = fm.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            yield ctx.finding(f"front matter has no {key}", line=_key_line(ctx, key), column=1)


@article_rule(
    "TS802",
    "content-locale",
    Category.FRONT_MATTER,
    Severity.ERROR,
    summary="ms.contentlocale does not match the locale folder the file is in.",
    explanation="A file under content/ar-SA/ declaring another locale is published under the wrong language, or was copied without its translation.",
    bad=example(_fm(ms_contentlocale="he-IL")),
    good=example(_fm()),
)
def content_locale(ctx: Context) -> Iterator[Finding]:
    fm = ctx.article.front_matter
    folder = locale_from_path(ctx.article.path)
    value = fm.get("ms.contentlocale") if fm else None
    if folder and isinstance(value, str) and value.strip() and value.strip().lower() != folder.lower():
        yield ctx.finding(
            f"ms.contentlocale is {value.strip()} but the file is in the {folder} folder",
            line=_key_line(ctx, "ms.contentlocale"),
            column=1,
            source=folder,
            target=value.strip(),
        )


@article_rule(
    "TS803",
    "translation-type",
    Category.FRONT_MATTER,
    Severity.ERROR,
    summary="ms.translationtype is neither MT (machine) nor HT (human).",
    explanation="Reviewers triage machine translation (MT) and human translation (HT) differently; any other value breaks that.",
    bad=example(_fm(ms_translationtype="machine")),
    good=example(_fm(ms_translationtype="HT")),
)
def translation_type(ctx: Context) -> Iterator[Finding]:
    value = _value(ctx, "ms.translationtype")
    if value is not None and str(value).strip() and str(value).strip() not in ("MT", "HT"):
        yield ctx.finding(
            f"ms.translationtype is {value!r}, not MT or HT", line=_key_line(ctx, "ms.translationtype"), column=1, target=str(value)
        )


@article_rule(
    "TS804",
    "handoff-date",
    Category.FRONT_MATTER,
    Severity.WARNING,
    summary="ms.lasthandoff is not a real date (MM/DD/YYYY).",
    explanation="The hand-off date tells which locale is stale (see TS901); a value that is not a calendar date (13/45/2021) cannot be compared.",
    bad=example(_fm(ms_lasthandoff="23/06/2021")),
    good=example(_fm(ms_lasthandoff="06/23/2021")),
)
def handoff_date(ctx: Context) -> Iterator[Finding]:
    value = _value(ctx, "ms.lasthandoff")
    if value is None or not str(value).strip():
        return
    date = parse_date(value)
    if date is None or not 1990 <= date.year <= 2100:
        yield ctx.finding(
            f"ms.lasthandoff {str(value)!r} is not a date (MM/DD/YYYY)", line=_key_line(ctx, "ms.lasthandoff"), column=1, target=str(value)
        )


def _norm(text: str) -> str:
    return " ".join(text.lower().split()).strip(" .:!?\"'«»“”")


@article_rule(
    "TS805",
    "title-h1",
    Category.FRONT_MATTER,
    Severity.WARNING,
    summary="The front matter title is left in English while the H1 is translated.",
    explanation=(
        "The title shows in search results and browser tabs, the H1 on the page; they may be worded differently "
        "(titles are often shorter), but a title left in English under a translated H1 is a defect. For a language "
        "written in another script (Arabic, Hebrew) that is a title with no letter of that script; otherwise a title "
        "equal to the English H1."
    ),
    bad=example(_fm(title="Enable SMTP authentication")),
    good=example(_fm(title="تمكين مصادقة SMTP وإصلاحها")),
)
def title_h1(ctx: Context) -> Iterator[Finding]:
    fm = ctx.article.front_matter
    if not fm or not ctx.article.title_segments or ctx.language == "en":
        return
    title = fm.get("title")
    if not isinstance(title, str) or not title.strip():
        return
    h1_tr, h1_src = ctx.article.title
    if not h1_tr.strip() or _norm(h1_tr) == _norm(h1_src):
        return  # an untranslated H1 is the H1's problem (TS701)
    scripted = in_script(title, ctx.language)
    if scripted is False and in_script(h1_tr, ctx.language):
        yield ctx.finding(
            f"title {q(title)} has no {ctx.language} text: left in English, while the H1 is translated {q(h1_tr)}",
            line=_key_line(ctx, "title"),
            column=1,
            source=h1_src,
            target=title,
        )
    elif scripted is None and _norm(title) == _norm(h1_src):
        yield ctx.finding(
            f"title {q(title)} is the English H1; the H1 is translated {q(h1_tr)}",
            line=_key_line(ctx, "title"),
            column=1,
            source=h1_src,
            target=title,
        )


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)


@article_rule(
    "TS806",
    "front-matter-hidden-character",
    Category.FRONT_MATTER,
    Severity.WARNING,
    summary="A bidi control or invisible character in a front matter value (title, description …).",
    explanation=(
        "Front matter values become page titles, descriptions and search entries. A bidi override (U+202E) "
        "makes a title read in another order than it is stored ('Trojan Source'); an invisible character "
        "(U+200B) makes search miss it. Reported once per key."
    ),
    bad=example(_fm(title="تمكين \u202eمصادقة SMTP")),
    good=example(_fm()),
)
def front_matter_hidden_character(ctx: Context) -> Iterator[Finding]:
    fm = ctx.article.front_matter
    if not fm:
        return
    for key, value in fm.items():
        for text in _strings(value):
            m = HIDDEN.search(text)
            if m is not None:
                yield ctx.finding(
                    f"front matter {key} holds the hidden character {char_name(m.group(0))}",
                    line=_key_line(ctx, str(key)),
                    column=1,
                    target=text,
                )
                break
