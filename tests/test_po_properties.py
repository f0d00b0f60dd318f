"""Property test: random msgstr edits round-trip through po apply and po extract."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import twinspan
from conftest import FIXTURES, SEED_NAME
from twinspan.export.po_apply import apply_catalogs
from twinspan.export.po_extract import extract_paths

pytestmark = pytest.mark.fuzz  # a fast profile in make test, TWINSPAN_FUZZ=long in make fuzz

EXAMPLES = 300 if os.environ.get("TWINSPAN_FUZZ") == "long" else 30
SEED = FIXTURES / "ar-SA" / SEED_NAME
CONTEXTS = [s.id for s in twinspan.load(SEED).segments]

# Arabic, Markdown and PO specials, quotes and backslashes, NBSP and bidi marks, a carriage return
# and a tag start now and then: apply either writes the text exactly or refuses the entry.
pieces = st.sampled_from([*"ابجد هوز abc 123 **[]()`_\\\"'#>\t\u00a0\u200f\u2068\r<", "**غامق**", "[رابط](/a/b)", "<BR/>"])
texts = st.lists(pieces, min_size=1, max_size=25).map("".join)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(CONTEXTS), texts, min_size=1, max_size=6), st.sets(st.sampled_from(CONTEXTS), max_size=4))
def test_random_msgstr_edits_round_trip(edits: dict[str, str], approve: set[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        article_path = root / "content" / "ar-SA" / SEED_NAME
        article_path.parent.mkdir(parents=True)
        shutil.copyfile(SEED, article_path)
        translations = root / "translations"
        assert not extract_paths([str(root / "content")], translations, jobs=1).errors
        catalog = translations / "ar-SA" / SEED_NAME.replace(".md", ".po")
        po = polib.pofile(str(catalog))
        for entry in po:
            if entry.msgctxt in edits:
                entry.msgstr = edits[entry.msgctxt]
            if entry.msgctxt in approve:
                entry.flags = []
        po.save(str(catalog))
        before = article_path.read_bytes()
        report = apply_catalogs([translations], root / "content", jobs=1)
        event("refused" if report.problems else "applied")
        if report.problems:  # refused: named entries that were edited, and nothing written
            assert {p.context for p in report.problems} <= set(edits)
            assert article_path.read_bytes() == before
            return
        after = twinspan.load(article_path)
        original = twinspan.load(SEED)
        for seg, old in zip(after.segments, original.segments, strict=True):
            assert seg.id == old.id and seg.source.text == old.source.text
            assert seg.translation.text == edits.get(seg.id, old.translation.text)
        assert after.diagnostics == original.diagnostics
        # extract again: the catalog says what was applied, and keeps the approvals
        assert not extract_paths([str(root / "content")], translations, jobs=1).errors
        again = {e.msgctxt: e for e in polib.pofile(str(catalog))}
        for ctx in CONTEXTS:
            assert again[ctx].msgstr == edits.get(ctx, original.segment(ctx).translation.text)
            assert again[ctx].fuzzy == (ctx not in approve)
