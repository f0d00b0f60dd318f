"""The fast block reader is held to markdown-it: where it answers, its tree is the tree of
markdown-it's tokens, node for node (lines, nesting, content, list numbers and markers); where a
body holds anything else, it says so (None) and markdown-it reads the body."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from twinspan import block_rules, blocks, frontmatter
from twinspan.source import decode
from twinspan.structure import MAX_NESTING, markdown_it_blocks, parse_blocks

EXAMPLES = 20_000 if os.environ.get("TWINSPAN_FUZZ") == "long" else 2_000


def _fast(body: str, first_line: int = 1) -> blocks.Node | None:
    return block_rules.fast(body, first_line, first_line + body.count("\n") + 1, MAX_NESTING)


def _agrees(body: str, first_line: int = 1) -> bool:
    """Whether the fast reader answered (and then, the test asserts, agreed with markdown-it)."""
    got = _fast(body, first_line)
    if got is None:
        return False
    assert got == markdown_it_blocks(body, first_line), body
    return True


def _body(path: Path) -> tuple[str, int]:
    text = decode(path.read_bytes()).text
    fm = frontmatter.split(text)
    return text[fm.body_start :], text.count("\n", 0, fm.body_start) + 1


SPAN = '<span data-ttu-id="1-{n}">ترجمة {n}</span><span class="sxs-lookup"><span data-stu-id="1-{n}">Source {n}</span></span>'


def test_a_note_in_a_step_read_both_ways() -> None:
    body = "1. " + SPAN.format(n=1) + "\n\n   > [!NOTE]\n   > " + SPAN.format(n=2) + "\ncontinued\n2. two\n"
    tree = _fast(body)
    assert tree is not None and tree == markdown_it_blocks(body, 1)
    item = tree.children[0].children[0]
    quote = item.children[1]
    assert quote.type == "blockquote" and (quote.start, quote.end) == (3, 6)
    assert quote.children[0].content == "[!NOTE]\n" + SPAN.format(n=2) + "\ncontinued"
    assert [c.type for c in tree.children[0].children] == ["item", "item"]


def test_an_article_read_both_ways() -> None:
    body = (
        "# <a name='x'></a>" + SPAN.format(n=1) + " ##\n\n" + SPAN.format(n=2) + "\n"
        "continued lazily\n\n"
        "1. " + SPAN.format(n=3) + "\n\n"
        "    " + SPAN.format(n=4) + "\n"
        "    " + SPAN.format(n=5) + "\n"
        "2. step two\n"
        "   - a bullet\n"
        "   - another\n\n"
        "     its second paragraph\n"
        "3) another list: the delimiter changed\n"
        "10. and a list that starts at ten\n"
        "## Heading ###   \n"
        "#hashtag is text\n"
    )
    tree = _fast(body, 20)
    assert tree is not None and tree == markdown_it_blocks(body, 20)
    kinds = [c.type for c in tree.children]
    assert kinds == ["heading", "paragraph", "list", "list", "list", "heading", "paragraph"]
    first, second, third = tree.children[2:5]
    assert first.ordered and [i.info + i.markup for i in first.children] == ["1.", "2."]
    assert first.children[0].start == 25 and first.children[0].children[1].content.startswith("<span")
    assert second.list_start == 3 and [i.markup for i in second.children] == [")"]
    assert third.list_start == 10 and third.children[0].info == "10"
    assert tree.children[5].level == 2 and tree.children[5].content == "Heading"


@pytest.mark.parametrize(
    "body",
    [
        "a | b\n--|--\n",
        "```\ncode\n```\n",
        "text\n---\n",
        "text\n===\n",
        "***\n",
        "    indented code\n",
        "<div>\nhtml\n</div>\n",
        "[ref]: /url\n",
        "1.\n   empty item\n",
        "-\ttab\n",
        "a\r\nb\n",
        "1.      code in an item\n",
        "<span>\u00a0\n",
    ],
)
def test_other_blocks_are_left_to_markdown_it(body: str) -> None:
    assert _fast(body) is None
    assert parse_blocks(body, 1) == markdown_it_blocks(body, 1)


def test_the_fixtures_agree_and_the_seed_is_read_fast() -> None:
    read = {path.relative_to(FIXTURES).as_posix(): _agrees(*_body(path)) for path in sorted(FIXTURES.rglob("*.md"))}
    assert read["ar-SA/outlook-com-setting-changes.md"]
    assert read["ar-SA/solving-smtp-authentication-issues.md"]
    assert read["he-IL/solving-smtp-authentication-issues.md"]
    assert read["de-DE/solving-smtp-authentication-issues.md"]
    assert not read["ar-SA/auto-replies-set-for-a-users-mailbox.md"]  # a fenced PowerShell block: markdown-it's


# Lines of the kinds help articles are made of (mostly), and of every kind the reader refuses or that
# sits at the edge of a rule (one line in ten, so that most bodies are still read fast).
_SAFE_LINE = st.sampled_from(
    [
        "",
        "",
        " ",
        "text",
        "**bold** text",
        SPAN.format(n=7),
        "# head",
        "## head ##",
        "## head#",
        "# #",
        "# a ##  ",
        "###### six",
        "####### seven",
        "#no",
        "# ",
        "1. one",
        "2. two",
        "1) paren",
        "01. zero-led",
        "0. zero",
        "1234567890. too long",
        "- dash",
        "* star",
        "+ plus",
        "-no",
        "1.no",
        "  two",
        "   three",
        "    four",
        "   - nested",
        "    - nested4",
        "      1. deeper",
        "> quote",
        ">",
        "> ",
        ">no space",
        "  > indented",
        "> > nested",
        "> - item",
        "> 1. item",
        "> [!NOTE]",
        "> " + SPAN.format(n=8),
        "> # head",
        "[link](/u) text",
        "\u00a0 nbsp",
    ]
)
_RISKY_LINE = st.sampled_from(
    [
        "- ",
        "1.",
        "-",
        "     five",
        "        eight",
        ">     code in a quote",
        "---",
        "***",
        "===",
        "a | b",
        "--|--",
        "```",
        "~~~",
        "<div>",
        "<span>",
        '<span data-ttu-id="1">',
        "<!-- c -->",
        "[r]: /u",
        "-    five spaces",
        "1.     six",
        "x\t",
    ]
)
_LINE = st.integers(0, 9).flatmap(lambda k: _RISKY_LINE if k == 0 else _SAFE_LINE)


@pytest.mark.fuzz  # a fast profile in make test, TWINSPAN_FUZZ=long in make fuzz
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, max_size=14), st.booleans())
@example(["1. a", "", "    b", "c"], True)
@example(["- a", "  - b", "", "   c"], True)
@example(["text", "1. one"], True)
@example(["text", "2. two"], True)
@example(["- a", "", "", "- b"], True)
@example(["1. a", "     five", "text"], False)
@example(["   - nested", "    - nested4", "     five"], True)
@example(["text", "  "], False)
@example(["# head", " "], False)
@example(["> a", "b", "> c"], True)
@example(["> a", ">", "b"], True)
@example(["1. a", "   > q", "lazy", "2. b"], True)
@example(["- a", "  > q", "- b"], True)
@example(["> a", "", "> b"], True)
@example(["> - a", "b"], True)
def test_generated_bodies_agree_with_markdown_it(lines: list[str], final_newline: bool) -> None:
    body = "\n".join(lines) + ("\n" if final_newline else "")
    if _fast(body) is not None:
        assert _fast(body) == markdown_it_blocks(body, 1), body


def test_generated_bodies_are_mostly_read_fast() -> None:
    """The generator above is only worth something if the reader answers for most bodies of
    article-like lines."""
    plain = ["", "text", SPAN.format(n=1), "# head", "1. one", "2. two", "- dash", "   " + SPAN.format(n=2), "   - nested"]
    answered = 0
    for k in range(200):
        lines = [plain[(k * 7 + i * i * 3 + i) % len(plain)] for i in range(k % 13)]
        answered += _agrees("\n".join(lines) + "\n")
    assert answered >= 190


@pytest.mark.corpus
def test_every_corpus_body_it_reads_agrees_with_markdown_it(corpus: Path) -> None:
    """Over every article of the corpus; and it reads nearly all of them."""
    files = fast = 0
    for path in sorted((corpus / "alchemy-insights").rglob("*.md")):
        body, first = _body(path)
        files += 1
        fast += _agrees(body, first)
    assert files > 2_900
    assert fast / files > 0.98, f"the fast path read only {fast} of {files} bodies"


@pytest.mark.fuzz  # a fast profile in make test, TWINSPAN_FUZZ=long in make fuzz
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                *"\n\n\n    #>-*+1.)0<[]:|`~=_\ta x",
                "\r",
                "\u00a0",
                "\u2003",
                "\x0b",
                "\x0c",
                "\u2028",
                "ب",
                "<span>",
                "</div>",
                "<!--",
                "]: /u",
            ]
        ),
        max_size=60,
    ).map("".join)
)
@example("<span>\u00a0")  # a whole tag, then white space that is not " ": an HTML block
def test_any_text_is_read_as_markdown_it_reads_it_or_declined(body: str) -> None:
    got = _fast(body)
    if got is not None:
        assert got == markdown_it_blocks(body, 1), repr(body)
