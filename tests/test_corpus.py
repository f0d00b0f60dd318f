"""Acceptance over the whole real corpus (skipped when ../shared/corpus is absent)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import twinspan
from conftest import corpus_files
from twinspan import diagnostics as D
from twinspan.pipeline import map_files

pytestmark = pytest.mark.corpus

_PAIRING = {D.UNPAIRED_TRANSLATION, D.UNPAIRED_SOURCE, D.UNCLOSED_SPAN, D.MALFORMED_SPAN, D.ID_MISMATCH, D.STRAY_CLOSE}


def test_every_file_parses_round_trips_and_accounts_for_its_segments(corpus: Path) -> None:
    files = [str(p) for p in corpus_files(corpus)]
    assert len(files) > 9000  # every locale of both products
    counts = list(map_files(_round_trip, files))
    for folder in FOLDERS:
        assert sum(n for f, n in zip(files, counts, strict=True) if f"/{folder}/" in f) > 0, folder
    assert sum(counts) > 110_000


def _round_trip(name: str) -> int:
    """Parse one file (worker processes): it round-trips byte for byte and every translation span is a segment."""
    path = Path(name)
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
    return len(a.segments)


#: The corpus folders (product/locale) and the least number of multi-procedure articles each has.
FOLDERS = {
    "alchemy-insights/ar-SA": 50,
    "alchemy-insights/ru-RU": 50,
    "alchemy-insights/zh-CN": 50,
    "alchemy-insights/he-IL": 1,
    "alchemy-insights/de-DE": 1,
    "project-operations/ar-SA": 50,
}


def _structure(name: str) -> tuple[int, int, str | None]:
    a = twinspan.load(name)
    for _, step in a.iter_steps():
        for sub in step.substeps:
            assert sub.label.source or sub.label.translation, name
    substeps = sum(len(step.substeps) for _, step in a.iter_steps())
    return len(a.procedures), substeps, a.locale if a.front_matter is not None else None


@pytest.mark.parametrize("folder", FOLDERS)
def test_structure_of_every_corpus_folder(corpus: Path, folder: str) -> None:
    files = [str(p) for p in sorted((corpus / folder).rglob("*.md"))]
    results = list(map_files(_structure, files))
    locale = folder.split("/")[1]
    assert all(loc in (None, locale) for _, _, loc in results), locale  # ms.contentlocale matches the folder
    assert sum(1 for n, _, _ in results if n >= 2) >= FOLDERS[folder]  # multi-method articles
    assert sum(k for _, k, _ in results) > (100 if FOLDERS[folder] > 1 else 0)


def test_inline_links_with_parentheses_parse_whole(corpus: Path) -> None:
    hits = Counter()
    for path in corpus_files(corpus):
        raw = path.read_bytes()
        if b"(v=exchg.141)" not in raw:
            continue
        for seg in twinspan.load(path).segments:
            for side in (seg.translation, seg.source):
                for link in side.inline.links if side else ():
                    if "(v=exchg" in link.url:
                        assert link.url.endswith(")"), link
                        hits[path.parent.name] += 1
    assert {"ar-SA", "ru-RU", "zh-CN"} <= set(hits)


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
