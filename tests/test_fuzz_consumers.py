"""Mutation fuzzing beyond the parser (hypothesis): ``po apply`` on mutated catalogs and the site's
page renderer on mutated real articles with attack payloads spliced in.

- po apply: never an exception other than twinspan's typed errors; a refused catalog writes
  nothing (the article's bytes are unchanged); an applied one leaves an article that parses to
  the same segments, with the same source text.
- render: never raises; the HTML it returns passes the injection audit (no handler attribute,
  no unsafe URL, no script or style holding a payload).

Fast profile in ``make test``; ``make fuzz`` runs the long one (TWINSPAN_FUZZ=long).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import attacks
import twinspan
from conftest import FIXTURES, SEED_NAME
from test_fuzz_parse import ARTICLES, mutated_article
from twinspan.errors import TwinspanError
from twinspan.export.po_apply import apply_catalogs
from twinspan.export.po_extract import extract_paths
from twinspan.site import kb
from twinspan.site.markup import Markup
from twinspan.site.render import ArticleRenderer
from twinspan.site.sanitize import Links, Media

pytestmark = pytest.mark.fuzz

LONG = os.environ.get("TWINSPAN_FUZZ") == "long"
SEED = FIXTURES / "ar-SA" / SEED_NAME
SETTINGS = settings(
    max_examples=2000 if LONG else 60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


def _seed_catalog() -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content" / "ar-SA"
        content.mkdir(parents=True)
        shutil.copy(SEED, content / SEED_NAME)
        assert not extract_paths([str(content.parent)], Path(tmp) / "translations", jobs=1).errors
        return (Path(tmp) / "translations" / "ar-SA" / SEED_NAME.replace(".md", ".po")).read_bytes()


CATALOG = _seed_catalog()
#: Pieces a broken or hostile catalog is made of.
PO_PIECES = [
    *(b'msgctxt "44498-104"\n', b'msgstr ""\n', b'msgid "x"\n', b"#, fuzzy\n", b'"\\n"\n', b'"\\"', b"\\", b'"'),
    *(
        b"</span>",
        b'<span data-ttu-id="1">',
        b"\n\n",
        b"\r\n",
        b"\x00",
        b"\xff\xfe",
        b"#~ ",
        b'"Content-Type: text/plain; charset=latin-1\\n"\n',
    ),
    *(b"\xd8\xa7" * 3, "\u202e\u200b".encode()),
]


@st.composite
def mutated_catalog(draw: st.DrawFn) -> bytes:
    data = bytearray(CATALOG)
    for _ in range(draw(st.integers(1, 5))):
        op = draw(st.sampled_from(["flip", "truncate", "insert", "piece", "dup_line", "drop_line", "edit_msgstr"]))
        pos = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "flip" and data:
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == "truncate":
            del data[pos:]
        elif op == "insert":
            data[pos:pos] = draw(st.binary(max_size=12))
        elif op == "piece":
            data[pos:pos] = draw(st.sampled_from(PO_PIECES))
        else:
            lines = bytes(data).split(b"\n")
            k = draw(st.integers(0, len(lines) - 1))
            if op == "dup_line":
                lines.insert(k, lines[k])
            elif op == "drop_line":
                del lines[k]
            else:  # a translator's edit, hostile or not
                text = draw(st.sampled_from([*attacks.HTML[:20], "نص جديد", "**غامق**", "[رابط](javascript:x)", ""]))
                msgstrs = [i for i, line in enumerate(lines) if line.startswith(b"msgstr ")]
                if msgstrs:
                    i = draw(st.sampled_from(msgstrs))
                    lines[i] = b"msgstr " + ('"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"').encode()
            data = bytearray(b"\n".join(lines))
    return bytes(data)


@SETTINGS
@given(mutated_catalog())
def test_po_apply_on_mutated_catalogs_refuses_or_applies_cleanly(po: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        article = root / "content" / "ar-SA" / SEED_NAME
        article.parent.mkdir(parents=True)
        shutil.copy(SEED, article)
        catalog = root / "translations" / "ar-SA" / SEED_NAME.replace(".md", ".po")
        catalog.parent.mkdir(parents=True)
        catalog.write_bytes(po)
        before = article.read_bytes()
        try:
            report = apply_catalogs([root / "translations"], root / "content", jobs=1)
        except TwinspanError:
            event("typed error")
            assert article.read_bytes() == before
            return
        if report.problems:
            event("refused")
            assert article.read_bytes() == before
            return
        event("applied" if report.changed else "nothing to change")
        after, original = twinspan.load(article), twinspan.load(SEED)
        assert [s.id for s in after.segments] == [s.id for s in original.segments]
        assert [s.source and s.source.text for s in after.segments] == [s.source and s.source.text for s in original.segments]
        assert after.dump_bytes() == article.read_bytes()


# --- the page renderer ---------------------------------------------------------------------------------
@st.composite
def hostile_article(draw: st.DrawFn) -> bytes:
    """A mutated real article with attack payloads spliced in at random places (inside spans or not)."""
    data = bytearray(draw(mutated_article()) if draw(st.booleans()) else draw(st.sampled_from(ARTICLES)))
    for _ in range(draw(st.integers(1, 4))):
        pos = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["html", "link", "image"]))
        if kind == "html":
            piece = draw(st.sampled_from(attacks.HTML))
        else:
            url = draw(st.sampled_from(attacks.URLS))
            piece = f"[x]({url})" if kind == "link" else f"![x]({url})"
        data[pos:pos] = piece.encode()
    return bytes(data)


MARKUP = Markup()


@SETTINGS
@given(hostile_article(), st.sampled_from(["ar", "en"]))
def test_rendering_hostile_articles_never_raises_and_stays_sanitized(data: bytes, lang: str) -> None:
    a = twinspan.parse(data, path="content/ar-SA/x.md")
    side = "source" if lang == "en" else "translation"
    doc = kb.Doc("x", a, side, Path("content/ar-SA/x.md"), a.title[0] or "x", kb.topics()[-1], kb.error_codes(a))
    links = Links("x/", FIXTURES / "ar-SA", Media(), lambda name: None, "https://learn.microsoft.com/ar-sa")
    MARKUP.sanitizer.use(links)
    try:
        out = ArticleRenderer(doc, lang, MARKUP).render()
    finally:
        MARKUP.sanitizer.use(None)
    html = f"<h1>{out.title}</h1>{out.body}"
    assert attacks.audit(html) == []
    assert "<script" not in html.lower() and "<style" not in html.lower()
    html.encode("utf-8")  # invalid UTF-8 input (lone surrogates in the model) is U+FFFD on the page


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_an_undecodable_byte_in_a_label_renders_as_a_replacement_character(lang: str) -> None:
    """Found by the property above: a stray byte between a sub-step label's spans reached the page
    as a lone surrogate (escaped, not sanitized), which no UTF-8 page can hold."""
    data = SEED.read_bytes().replace(b'"sxs-lookup"><span data-stu-id="44498-105">', b'"sxs-lookup">\x80<span data-stu-id="44498-105">')
    a = twinspan.parse(data, path="content/ar-SA/x.md")
    side = "source" if lang == "en" else "translation"
    doc = kb.Doc("x", a, side, Path("content/ar-SA/x.md"), a.title[0] or "x", kb.topics()[-1], kb.error_codes(a))
    out = ArticleRenderer(doc, lang, Markup()).render()
    (out.title + out.body).encode("utf-8")
    assert "\ufffd" in out.body or lang == "ar"
