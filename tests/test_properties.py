"""Property tests: generated bilingual documents with random malformations."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import twinspan

PROFILE_EXAMPLES = 2000 if os.environ.get("TWINSPAN_FUZZ") == "long" else 150

words = st.text(alphabet=st.sampled_from(list("abc مرحبا שלום äß*_`[]()<>!#>-.1 \t")), min_size=0, max_size=20)
ids = st.from_regex(r"[0-9a-f]{5}-(p?1[0-9]{2})", fullmatch=True)


@st.composite
def segment(draw: st.DrawFn) -> str:
    i = draw(ids)
    tr, src = draw(words), draw(words)
    s = f'<span data-ttu-id="{i}">{tr}</span><span class="sxs-lookup"><span data-stu-id="{i}">{src}</span></span>'
    return s


@st.composite
def document(draw: st.DrawFn) -> str:
    fm = draw(st.sampled_from(["---\nms.contentlocale: ar-SA\n---\n", "", "---\nx: [\n---\n", "\ufeff---\r\na: 1\r\n---\r\n"]))
    lines = []
    for _ in range(draw(st.integers(0, 12))):
        prefix = draw(st.sampled_from(["", "1. ", "    ", "> [!NOTE]\n> ", "- ", "# ", "**", "| a | b |\n|---|---|\n| "]))
        segs = " ".join(draw(st.lists(segment(), min_size=0, max_size=3)))
        lines.append(prefix + segs + draw(st.sampled_from(["", "<BR/>", "  ", "\r"])))
    return fm + draw(st.sampled_from(["\n", "\n\n", "\r\n"])).join(lines)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    doc = draw(document())
    for _ in range(draw(st.integers(0, 4))):
        if not doc:
            break
        op = draw(st.sampled_from(["delete", "insert", "truncate", "swap"]))
        pos = draw(st.integers(0, len(doc)))
        if op == "delete":
            doc = doc[:pos] + doc[pos + draw(st.integers(1, 12)) :]
        elif op == "insert":
            piece = draw(
                st.sampled_from(
                    ["</span>", '<span data-ttu-id="x">', '<span class="sxs-lookup">', "&quot;", "\x00", "**", "[", "](", "\n", "---\n"]
                )
            )
            doc = doc[:pos] + piece + doc[pos:]
        elif op == "truncate":
            doc = doc[:pos]
        else:
            doc = doc[pos:] + doc[:pos]
    return doc


@settings(max_examples=PROFILE_EXAMPLES, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(mutated())
def test_never_raises_and_round_trips(doc: str) -> None:
    a = twinspan.parse(doc)
    assert a.dump() == doc
    for seg in a.segments:
        for side in (seg.translation, seg.source):
            if side is not None:
                assert doc[side.content.start : side.content.end] == side.text
                side.inline  # noqa: B018 - inline parsing must not raise either
    for d in a.diagnostics:
        assert d.line >= 1 and d.column >= 1


@settings(max_examples=PROFILE_EXAMPLES, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=400), mutated())
def test_bytes_never_raise_and_round_trip(junk: bytes, doc: str) -> None:
    data = doc.encode("utf-8", "surrogatepass") + junk
    a = twinspan.parse(data)
    assert a.dump_bytes() == data


@settings(max_examples=PROFILE_EXAMPLES, deadline=None)
@given(document(), st.data())
def test_editing_a_translation_changes_only_that_span(doc: str, data: st.DataObject) -> None:
    a = twinspan.parse(doc)
    editable = [s for s in a.segments if s.translation is not None and s.source is not None]
    if not editable:
        return
    seg = data.draw(st.sampled_from(editable))
    new_text = data.draw(st.text(alphabet="xyz مرحبا*", max_size=10))
    b = a.with_translations({seg.index: new_text})
    c = seg.translation.content
    assert b.dump() == doc[: c.start] + new_text + doc[c.end :]
