"""Canonical pairs read in one match give exactly what the tag-by-tag pass gives: the same
segments (ids, sides, ranges) and the same diagnostics, on broken input as on clean."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings

from conftest import corpus_files
from test_properties import PROFILE_EXAMPLES, mutated
from twinspan import spans
from twinspan.source import SourceText, decode


def _both(text: str) -> tuple[spans.ScanResult, spans.ScanResult]:
    src = SourceText(text)
    return spans.scan(src, 0, len(text), "ar"), spans.scan(src, 0, len(text), "ar", pairs=False)


def test_a_canonical_pair_is_one_segment_with_its_ranges() -> None:
    text = 'x <span data-ttu-id="1-101">ترجمة</span><span class="sxs-lookup"><span data-stu-id="1-101">Source</span></span> y'
    fast, slow = _both(text)
    assert fast == slow
    (seg,) = fast.segments
    assert seg.translation is not None and seg.source is not None
    assert (seg.translation.text, seg.source.text) == ("ترجمة", "Source")
    assert text[seg.translation.element.start : seg.source.element.end].startswith('<span data-ttu-id="1-101">')
    assert text[seg.source.element.end :] == " y"
    assert text[seg.source.content.start : seg.source.content.end] == "Source"


@settings(max_examples=PROFILE_EXAMPLES * 4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
@example('<span data-ttu-id="a">A</span><span class="sxs-lookup"><span data-stu-id="b">B</span></span>')
@example('<span data-ttu-id="w">W <span data-ttu-id="a">A</span><span class="sxs-lookup"><span data-stu-id="a">B</span></span></span>')
@example('<span data-ttu-id="a">A</span><span class="sxs-lookup"><span data-stu-id="a">B</span></span></span></span>')
@example('<span class="x"><span data-ttu-id="a">A\nB</span><span class="sxs-lookup"><span data-stu-id="a">C</span></span>')
def test_pairs_and_tags_agree_on_generated_documents(doc: str) -> None:
    fast, slow = _both(doc)
    assert fast == slow


@pytest.mark.corpus
def test_pairs_and_tags_agree_on_every_corpus_file(corpus: Path) -> None:
    files = corpus_files(corpus)  # every locale and product
    for path in files:
        decoded = decode(path.read_bytes())
        src = SourceText(decoded.text, decoded.encoding)
        fast = spans.scan(src, 0, len(src.text), "ar")
        assert fast == spans.scan(src, 0, len(src.text), "ar", pairs=False), path
    assert len(files) > 9000
