"""The fast inline tokenizer is held to markdown-it token for token: where it answers, it answers
what markdown-it answers; where it cannot, it says so (None) and markdown-it reads the side."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it.common.normalize_url import normalizeLink

import twinspan
from twinspan import inline_fast
from twinspan.inline import _SPECIAL, _inline, _joined, _markdown_it_tokens, parse_inline

EXAMPLES = 20_000 if os.environ.get("TWINSPAN_FUZZ") == "long" else 1_500


def _merged(toks: list[inline_fast.Tok]) -> list[inline_fast.Tok]:
    """Adjacent text tokens joined (as parse_inline reads them), empty ones dropped."""
    return [t for t in _joined(toks) if t != ("text", "")]


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("Select **Save**.", [("text", "Select "), ("strong_open",), ("text", "Save"), ("strong_close",), ("text", ".")]),
        ("an *em* word", [("text", "an "), ("em_open",), ("text", "em"), ("em_close",), ("text", " word")]),
        (
            'see [the docs](/azure/x "Title") now',
            [("text", "see "), ("link_open", "/azure/x", "Title"), ("text", "the docs"), ("link_close",), ("text", " now")],
        ),
        ("[**bold** link](https://a.example/b(c))", [("link_open", "https://a.example/b(c)", ""), ("strong_open",)]),
        ("5 * 3 and a_b_c \\*not\\* &amp; &#x41; &nope;", [("text", "5 * 3 and a_b_c *not* & A &nope;")]),
        ("[no link] and [ref][x]", [("text", "[no link] and [ref][x]")]),
        ("**unclosed", [("text", "**unclosed")]),
    ],
)
def test_subset_tokens(markup: str, expected: list[inline_fast.Tok]) -> None:
    toks = inline_fast.tokens(markup)
    assert toks is not None
    assert _merged(toks)[: len(expected)] == expected
    assert _merged(toks) == _merged(_markdown_it_tokens(markup))


@pytest.mark.parametrize(
    "markup",
    [
        "`code`",
        "a<br/>b",
        "<https://example.com>",
        "![alt](x.png)",
        "line\nbreak",
        "***both***",
        "__under__",
        "_em_",
        "a**b**c",  # a run that both opens and closes
        "**a *b** c*",  # unequal lengths paired
        "[a [nested](x)](y)",
        "[a](<x y>)",
        "[a](javascript:alert(1))",
    ],
)
def test_outside_the_subset_is_left_to_markdown_it(markup: str) -> None:
    assert inline_fast.tokens(markup) is None
    parse_inline(markup)  # and markdown-it reads it


def test_seed_sides_take_the_fast_path_and_agree(seed_path: Path) -> None:
    article = twinspan.load(seed_path)
    fast = 0
    for seg in article.segments:
        for side in (seg.translation, seg.source):
            assert side is not None
            toks = inline_fast.tokens(side.text)
            if toks is None:
                continue
            fast += 1
            assert _merged(toks) == _merged(_markdown_it_tokens(side.text)), side.text
    seg = article.segment("44498-126")
    assert seg is not None and seg.source is not None
    assert inline_fast.tokens(seg.source.text) is not None
    assert fast >= 50


_ALPHABET = st.sampled_from(
    [*"*_[]()!&\\<>`\"' \t.,:;-/#=x1abAZ", "\u00a0", "\u200b", "ب", "،", "؟", "&amp;", "&#65;", "**", "](", "http://", "javascript:"]
)


@pytest.mark.fuzz  # a fast profile in make test, TWINSPAN_FUZZ=long in make fuzz
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=40).map("".join))
@example("**a**b**")
@example("*a **b** c*")
@example("[*a*](b) *c*")
@example("x**[a](b)**y")
@example("a ** b ** c")
@example("**a\\**")
@example("[a](b 'c')")
@example("[a](b (c))")
@example("[a]( b )")
@example('[a](b\t"t" )')
@example("!**a**!")
@example("&amp**b**")
def test_random_markup_agrees_with_markdown_it(markup: str) -> None:
    toks = inline_fast.tokens(markup)
    if toks is not None:
        assert _merged(toks) == _merged(_markdown_it_tokens(markup))


_URL_PIECE = st.sampled_from(
    [*"aZ09/._~:?#=&;+,!*'()@$-%", "http://", "https://", "HTTP://", "xn--", "%41", "%zz", "[::1]", "//", "é", " ", "\\", "a.b", ":80"]
)


@pytest.mark.fuzz  # a fast profile in make test, TWINSPAN_FUZZ=long in make fuzz
@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(_URL_PIECE, max_size=20).map("".join))
@example("https://EXAMPLE.com/a%2Fb?x=1&y=2#z")
@example("http://xn--a.com/")
def test_urls_taken_as_they_are_are_what_markdown_it_normalises_them_to(url: str) -> None:
    if inline_fast._NORMAL_URL.fullmatch(url):
        assert normalizeLink(url) == url


@pytest.mark.corpus
def test_every_corpus_side_it_reads_agrees_with_markdown_it(corpus: Path) -> None:
    """Over every side with markup in the whole corpus; and it reads nearly all of them."""
    sides = fast = 0
    for path in sorted((corpus / "alchemy-insights").rglob("*.md")):
        for seg in twinspan.load(path).segments:
            for side in (seg.translation, seg.source):
                if side is None or not _SPECIAL.search(side.text):
                    continue
                sides += 1
                toks = inline_fast.tokens(side.text)
                if toks is None:
                    continue
                fast += 1
                slow = _markdown_it_tokens(side.text)
                assert _merged(toks) == _merged(slow), f"{path}: {side.text!r}"
                assert _inline(toks) == _inline(slow), f"{path}: {side.text!r}"
    assert sides > 20_000
    assert fast / sides > 0.95, f"the fast path read only {fast} of {sides} sides with markup"
