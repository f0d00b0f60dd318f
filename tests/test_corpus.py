"""Acceptance over the whole real corpus (skipped when ../shared/corpus is absent)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import twinspan
from conftest import corpus_files
from twinspan import diagnostics as D

pytestmark = pytest.mark.corpus

_PAIRING = {D.UNPAIRED_TRANSLATION, D.UNPAIRED_SOURCE, D.UNCLOSED_SPAN, D.MALFORMED_SPAN, D.ID_MISMATCH, D.STRAY_CLOSE}


def test_every_file_parses_round_trips_and_accounts_for_its_segments(corpus: Path) -> None:
    files = corpus_files(corpus)
    assert len(files) > 2900
    seen = 0
    for path in files:
        data = path.read_bytes()
        a = twinspan.parse(data, path=path)  # must not raise
        assert a.dump_bytes() == data, path
        translations = data.count(b"data-ttu-id=")
        with_translation = sum(1 for s in a.segments if s.translation is not None)
        assert with_translation == translations, path
        orphans = [s for s in a.segments if not s.is_paired]
        if orphans:  # each unpaired side is explained by a pairing diagnostic on that segment
            explained = {d.segment for d in a.diagnostics if d.code in _PAIRING}
            assert {s.id for s in orphans} <= explained, path
        seen += len(a.segments)
    assert seen > 27_000


def test_structure_over_the_arabic_corpus(corpus: Path) -> None:
    procedures = Counter()
    substeps = 0
    for path in sorted((corpus / "alchemy-insights" / "ar-SA").glob("*.md")):
        a = twinspan.load(path)
        procedures[len(a.procedures)] += 1
        for _, step in a.iter_steps():
            substeps += len(step.substeps)
            for sub in step.substeps:
                assert sub.label.source or sub.label.translation
        if a.front_matter is not None:
            assert a.locale == "ar-SA", path
    assert sum(n for k, n in procedures.items() if k >= 2) >= 50  # multi-method articles
    assert substeps > 100


def test_inline_links_with_parentheses_parse_whole(corpus: Path) -> None:
    hits = 0
    for path in sorted((corpus / "alchemy-insights" / "ar-SA").glob("*.md")):
        raw = path.read_bytes()
        if b"(v=exchg.141)" not in raw:
            continue
        for seg in twinspan.load(path).segments:
            for side in (seg.translation, seg.source):
                for link in side.inline.links if side else ():
                    if "(v=exchg" in link.url:
                        assert link.url.endswith(")"), link
                        hits += 1
    assert hits > 0


def test_inline_fast_path_matches_markdown_it_on_every_plain_side(corpus: Path) -> None:
    from markdown_it import MarkdownIt

    from twinspan.inline import _SPECIAL, parse_inline

    md = MarkdownIt("commonmark", {"html": True})
    checked = 0
    for path in sorted((corpus / "alchemy-insights" / "ar-SA").glob("*.md"))[::3]:
        for seg in twinspan.load(path).segments:
            for side in (seg.translation, seg.source):
                if side is None or _SPECIAL.search(side.text):
                    continue
                tokens = md.parseInline(side.text)
                expected = "".join(c.content for t in tokens for c in t.children or [] if c.type in ("text", "text_special"))
                assert parse_inline(side.text).plain == expected, side.text
                checked += 1
    assert checked > 5000
