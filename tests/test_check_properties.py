"""The check on generated, malformed bilingual documents: it never raises, positions stay in the
file, every JSON field has its type, and applying the safe fixes changes only translation text."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import twinspan
from test_properties import PROFILE_EXAMPLES, mutated
from twinspan.checks import Config, check_article
from twinspan.checks.engine import check_texts
from twinspan.checks.fix import fix_article, fixable_codes
from twinspan.checks.registry import all_rules

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
