"""Mutation fuzzing of real articles (hypothesis): parse never raises and round-trips exactly.

The fast profile runs in ``make test``; ``make fuzz`` runs the long profile (TWINSPAN_FUZZ=long)
and the atheris harness in fuzz/.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import twinspan
from conftest import FIXTURES

pytestmark = pytest.mark.fuzz

LONG = os.environ.get("TWINSPAN_FUZZ") == "long"
EXAMPLES = 3000 if LONG else 120
ARTICLES = [p.read_bytes() for p in sorted(FIXTURES.rglob("*.md"))]
_SPAN_TAG = re.compile(rb"</?span[^>]*>")


@st.composite
def mutated_article(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(ARTICLES)))
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["flip", "truncate", "drop_tag", "dup_tag", "swap_ids", "nest", "huge_line", "insert"]))
        if not data:
            break
        pos = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == "truncate":
            del data[pos:]
        elif op in ("drop_tag", "dup_tag"):
            tags = list(_SPAN_TAG.finditer(bytes(data)))
            if tags:
                m = draw(st.sampled_from(tags))
                if op == "drop_tag":
                    del data[m.start() : m.end()]
                else:
                    data[m.start() : m.start()] = m.group(0)
        elif op == "swap_ids":
            data = bytearray(re.sub(rb'data-stu-id="([^"]*)"', rb'data-stu-id="\1x"', bytes(data), count=draw(st.integers(1, 5))))
        elif op == "nest":
            depth = draw(st.integers(10, 400))
            piece = draw(st.sampled_from([b"> ", b"    - ", b"<span>", b"[", b"**"]))
            data[pos:pos] = piece * depth
        elif op == "huge_line":
            data[pos:pos] = draw(st.sampled_from([b"word ", b"*", b"\xd8\xa7", b"`"])) * draw(st.integers(1000, 60_000))
        else:
            data[pos:pos] = draw(st.binary(max_size=16))
    return bytes(data)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_article())
def test_mutated_articles_parse_and_round_trip(data: bytes) -> None:
    a = twinspan.parse(data, path="fuzz/ar-SA/x.md")
    assert a.dump_bytes() == data
    text = a.dump()
    for seg in a.segments:
        for side in (seg.translation, seg.source):
            if side is None:
                continue
            assert text[side.content.start : side.content.end] == side.text
            assert side.element.start <= side.content.start <= side.content.end <= side.element.end
            side.inline  # noqa: B018
    for proc in a.procedures:
        for step in proc.steps:
            assert all(0 <= i < len(a.segments) for i in step.segments)


def test_fixture_set_is_real_articles() -> None:
    assert len(ARTICLES) >= 5 and all(b"data-ttu-id" in a for a in ARTICLES)


@pytest.mark.parametrize("name", ["utf8", "utf8-bom", "utf16-le", "utf16-be"])
def test_encodings_keep_positions(name: str, seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    if name == "utf8-bom":
        data = b"\xef\xbb\xbf" + text.encode()
    elif name == "utf8":
        data = text.encode()
    else:
        enc = "utf-16-le" if name == "utf16-le" else "utf-16-be"
        data = ("\ufeff" + text).encode(enc)
    a = twinspan.parse(data)
    assert a.dump_bytes() == data
    seg = a.segment("44498-104")
    assert seg is not None and seg.translation is not None
    c = seg.translation.content
    enc = {"utf16-le": "utf-16-le", "utf16-be": "utf-16-be"}.get(name, "utf-8")
    assert data[c.byte_start : c.byte_end].decode(enc) == seg.translation.text
    assert (seg.translation.line, seg.translation.column) == (26, 4)
