"""The check on generated, malformed bilingual documents: it never raises, positions stay in the
file, every JSON field has its type, and applying the safe fixes changes only translation text."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import twinspan
from test_properties import PROFILE_EXAMPLES, mutated
from twinspan.checks import Config, check_article
from twinspan.checks.alphabets import Alphabets
from twinspan.checks.context import Context
from twinspan.checks.engine import check_texts
from twinspan.checks.fix import fix_article, fixable_codes
from twinspan.checks.normalize import parse_date
from twinspan.checks.registry import Rule, all_rules, pair
from twinspan.inline import has_markup

PATHS = st.sampled_from(["content/ar-SA/x.md", "content/he-IL/x.md", "x.md", "content/de-DE/sub/x.md"])
FIXABLE = fixable_codes(frozenset(all_rules()))


@given(mutated(), PATHS)
@settings(max_examples=PROFILE_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_check_never_raises_and_positions_are_in_the_file(doc: str, path: str) -> None:
    article = twinspan.parse(doc.encode("utf-8", "surrogatepass"), path=path)
    lines = article.source.line_count
    for f in check_article(article):
        assert 1 <= f.line <= lines and f.column >= 1
        json.dumps(f.to_dict(), ensure_ascii=False).encode("utf-8")


@given(st.lists(mutated(), min_size=2, max_size=3))
@settings(max_examples=PROFILE_EXAMPLES // 3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_cross_locale_never_raises(docs: list[str]) -> None:
    locales = ["ar-SA", "he-IL", "de-DE"]
    check_texts([(f"content/{loc}/x.md", d) for loc, d in zip(locales, docs, strict=False)])


@given(mutated())
@settings(max_examples=PROFILE_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_fixes_touch_only_translation_text(doc: str) -> None:
    article = twinspan.parse(doc, path="content/ar-SA/x.md")
    fixed, applied, _refused = fix_article(article, Config(), FIXABLE)
    assert [s.id for s in fixed.segments] == [s.id for s in article.segments]
    assert [s.text("source") for s in fixed.segments] == [s.text("source") for s in article.segments]
    edited = {i for f in applied for i, _ in f.edits}
    for before, after in zip(article.segments, fixed.segments, strict=True):
        if before.index not in edited:
            assert before.text("translation") == after.text("translation")


def test_a_fix_inside_broken_markup_is_refused() -> None:
    """The case hypothesis found: a translation span inside a source span (broken nesting). Trimming
    its trailing space would also change the source it lies in, so the fix is refused."""
    doc = (
        '---\nms.contentlocale: ar-SA\n---\n<span data-ttu-id="00000-100"></span><span class="sxs-lookup">'
        '<span data-stu-id="00000-100"></span><<span class="sxs-lookup">/span> <span data-ttu-id="00000-100">1 </span>'
        '<span class="sxs-lookup"><span data-stu-id="00000-100"></span></span>'
    )
    article = twinspan.parse(doc, path="content/ar-SA/x.md")
    assert any(f.edits for f in check_article(article, codes=FIXABLE))
    fixed, applied, refused = fix_article(article, Config(), FIXABLE)
    assert refused and fixed.dump() == doc and applied == []


def _strptime_date(text: str) -> dt.date | None:
    """The obvious reading of a front matter date, which parse_date must agree with."""
    for fmt in ("%m/%d/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


@settings(max_examples=PROFILE_EXAMPLES)
@given(
    st.one_of(
        st.lists(st.tuples(st.integers(0, 140), st.integers(0, 5)), min_size=3, max_size=3).map(
            lambda parts: "/".join(str(n).zfill(width) for n, width in parts)
        ),
        st.from_regex(r"\A ?[0-9 ٠-٩]{1,3}/[0-9 ]{1,3}/[0-9٠-٩]{3,5} ?\Z"),
        st.text(alphabet="0123456789/- ", max_size=12),
    )
)
def test_handoff_dates_read_as_strptime_reads_them(text: str) -> None:
    assert parse_date(text) == _strptime_date(text)


def test_handoff_dates_that_are_not_calendar_dates() -> None:
    assert parse_date("06/23/2021") == dt.date(2021, 6, 23)
    assert parse_date("6/3/2021") == dt.date(2021, 6, 3)
    assert parse_date("2021-06-23") == dt.date(2021, 6, 23)
    for bad in ("02/30/2021", "13/01/2021", "00/10/2021", "001/10/2021", "23/06/2021", "06/23/21", ""):
        assert parse_date(bad) is None, bad


def _numbers_the_long_way(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    from twinspan.inline import _NUMBER, error_codes_in, normalize_digits

    text = normalize_digits(text)
    numbers = tuple(_NUMBER.findall(text))
    return numbers, (error_codes_in(text) if numbers else ())


@settings(max_examples=PROFILE_EXAMPLES)
@given(st.lists(st.sampled_from([*"0159.,:- x", "٠", "٥", "۹", "५", "5.7.57", "550 ", "٥٫٧", "\u00a0"]), max_size=16).map("".join))
def test_numbers_and_error_codes_read_as_before(text: str) -> None:
    from twinspan.inline import _numbers_and_codes

    assert _numbers_and_codes(text) == _numbers_the_long_way(text)


MARKUP_ONLY = [r for r in all_rules().values() if r.markup_only]
#: Text with no character that starts inline markup: letters of three scripts, digits of two, spaces
#: of every kind, and the punctuation URLs, paths and code-like text are written with.
_PLAIN_TEXT = st.lists(
    st.sampled_from(
        [
            *"abcXYZ أبجد שלום 0123٤٥ .,:;()/#?=%+$|{}'\"-",
            "\u00a0",
            "\t",
            "javascript:",
            "href=",
            "href=javascript:x",
            "https://a.b/c",
            "(x)",
            "\u200f",
        ]
    ),
    max_size=40,
).map("".join)


def _segment_rule_findings(article: twinspan.Article, rules: list[Rule], *, gated: bool) -> list[str]:
    """Findings of *rules*, as the engine runs them (gated) or on every paired segment."""
    if gated:
        return sorted(f.message for f in check_article(article, codes=frozenset(r.code for r in rules)))
    ctx = Context(article, Config(), Alphabets({}))
    out = []
    for rule in rules:
        ctx.rule = rule
        assert rule.func is not None
        for seg in article.segments:
            if seg.is_paired:
                out.extend(f.message for f in rule.func(ctx, seg))
    return sorted(out)


TRIGGERED = [r for r in all_rules().values() if r.trigger is not None]
#: Rules the engine does not run on every paired segment.
GATED = [r for r in all_rules().values() if r.markup_only or r.trigger is not None]


@settings(max_examples=PROFILE_EXAMPLES, deadline=None)
@given(
    st.lists(st.sampled_from([*"abc أبجد 12 *[]()<>&_`.", "\u200f", "\u200c", "\u00ad", "\u202f", "\u2067", "\u200b"]), max_size=30).map(
        "".join
    ),
    st.lists(st.sampled_from([*"abc Select **Save** 12 ()[].", "\u200e", "\u2066", "\ufeff"]), max_size=30).map("".join),
)
def test_triggered_rules_find_nothing_in_a_segment_without_their_characters(translation: str, source: str) -> None:
    """A rule with ``trigger`` characters is skipped for a file that holds none of them: called on a
    segment whose sides hold none, it reports nothing."""
    article = twinspan.parse(pair("1-101", translation, source) + "\n", path="content/ar-SA/x.md")
    for rule in TRIGGERED:
        assert rule.trigger is not None
        if not any(ch in translation + source for ch in rule.trigger):
            assert _segment_rule_findings(article, [rule], gated=False) == [], rule.code


def test_the_triggered_rules_are_the_hidden_character_rules() -> None:
    assert {r.code for r in TRIGGERED} == {"TS705", "TS706"}


def test_the_markup_only_rules_are_the_link_and_markup_rules() -> None:
    assert {r.code for r in MARKUP_ONLY} == {"TS401", "TS402", "TS403", "TS404", "TS405", *(f"TS50{k}" for k in range(1, 7))}
    assert all(r.scope == "segment" for r in MARKUP_ONLY)


@settings(max_examples=PROFILE_EXAMPLES, deadline=None)
@given(_PLAIN_TEXT, _PLAIN_TEXT)
def test_markup_only_rules_find_nothing_in_a_segment_without_markup(translation: str, source: str) -> None:
    """The engine does not run the ``markup_only`` rules on segments without markup: called there
    anyway, none of them reports anything (so skipping them loses no finding)."""
    assert not has_markup(translation) and not has_markup(source)
    article = twinspan.parse(pair("1-101", translation, source) + "\n", path="content/ar-SA/x.md")
    (seg,) = article.segments
    assert seg.is_paired
    assert _segment_rule_findings(article, MARKUP_ONLY, gated=False) == []


@settings(max_examples=PROFILE_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_gated_rules_find_what_they_find_on_every_segment(doc: str) -> None:
    article = twinspan.parse(doc, path="content/ar-SA/x.md")
    assert _segment_rule_findings(article, GATED, gated=True) == _segment_rule_findings(article, GATED, gated=False)
