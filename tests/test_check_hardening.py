"""`twinspan check` on hostile input: the attack corpus's unsafe URLs are all reported (TS406),
Trojan Source characters are findings wherever text is (segments, link text, front matter,
file names), and the check never raises on mutated real articles (hypothesis)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import attacks
import twinspan
from conftest import FIXTURES, SEED_NAME
from sitetools import article, make_content, pair
from test_fuzz_parse import mutated_article
from twinspan.checks import check_article, check_paths
from twinspan.checks.engine import check_texts


class _URLs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.unsafe = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.unsafe |= any(k in attacks.URL_ATTRIBUTES and attacks.unsafe_url(v or "") for k, v in attrs)


def has_unsafe_url_attribute(html: str) -> bool:
    p = _URLs()
    p.feed(html)
    return p.unsafe


@pytest.fixture(scope="module")
def attack_findings(tmp_path_factory: pytest.TempPathFactory) -> list[twinspan.checks.Finding]:
    content = make_content(tmp_path_factory.mktemp("attacks") / "content", attacks.articles(), with_repo_content=False)
    return check_paths([str(content)]).findings


def test_every_unsafe_markdown_url_of_the_corpus_is_reported(attack_findings: list[twinspan.checks.Finding]) -> None:
    reported = {f.segment for f in attack_findings if f.code == "TS406" and f.path.endswith("attack-urls.md")}
    for k, url in enumerate(attacks.URLS):
        assert f"91000-{600 + k}" in reported, url  # link, image and autolink in one sentence
        assert f"91000-{700 + k}" in reported, url  # a link in a step


def test_every_unsafe_url_in_raw_html_is_reported(attack_findings: list[twinspan.checks.Finding]) -> None:
    reported = {f.segment for f in attack_findings if f.code == "TS406" and f.path.endswith("attack-html.md")}
    expected = {f"91000-{200 + k}" for k, p in enumerate(attacks.HTML) if has_unsafe_url_attribute(p)}
    assert len(expected) >= 25
    assert expected <= reported
    assert "91000-207" not in reported and attacks.HTML[7].startswith("<img src=x onerror")  # a handler is no URL


#: Attack payloads that are inert in a span: broken tag names (<scr<script>ipt>), a script inside a
#: quoted attribute value, and markup written as entities (&lt;script&gt;).
INERT_HTML = {6, 11, 65, 66, 67, 78}


def test_every_live_html_payload_in_a_span_is_a_finding(attack_findings: list[twinspan.checks.Finding]) -> None:
    """Unsafe URLs are TS406; handlers, script, srcdoc, mutation-XSS wrappers and CSS script are TS506."""
    by_code: dict[str, set[str | None]] = {"TS406": set(), "TS506": set(), "pairing": set()}
    for f in attack_findings:
        if f.path.endswith("attack-html.md"):
            by_code.setdefault(f.code, set()).add(f.segment)
            if f.category == "pairing":
                by_code["pairing"].add(f.segment)
    for k, payload in enumerate(attacks.HTML):
        segments = {f"91000-{200 + k}", f"91000-{400 + k}"}  # in a paragraph and in a step
        if k in INERT_HTML:
            assert not segments & by_code["TS506"], payload
            continue
        if "</span>" in payload.lower():  # it closes the span early: a pairing error of the segment
            assert segments <= by_code["pairing"], payload
            continue
        assert segments <= by_code["TS406"] | by_code["TS506"], payload
    assert "91000-207" in by_code["TS506"] and attacks.HTML[7].startswith("<img src=x onerror")  # the handler itself
    assert "91000-213" in by_code["TS506"] and "onerror" in attacks.HTML[13] and ">" not in attacks.HTML[13]  # unclosed tag


def test_html_shown_as_code_is_not_active_content() -> None:
    text = article(("عنوان", "Title"), pair("90000-102", "اكتب `<script>alert(1)</script>` هنا", "Type `<script>alert(1)</script>` here"))
    assert not [f for f in check_article(twinspan.parse(text, path="content/ar-SA/x.md")) if f.code == "TS506"]


def _outside(body: str) -> set[str]:
    """The codes of TS406/TS506/TS507 findings of an article with *body* outside its spans."""
    text = article(("عنوان", "Title"), pair("90000-102", "نص.", "Text.") + "\n\n" + body)
    findings = check_texts([("content/ar-SA/x.md", text)], {"select": ["TS406", "TS506", "TS507"]})
    return {f.code for f in findings}


@pytest.mark.parametrize("k", range(len(attacks.HTML)))
def test_every_live_html_payload_outside_the_spans_is_ts507(k: int) -> None:
    payload = attacks.HTML[k]
    if k in INERT_HTML:
        assert _outside(payload) == set(), payload
    else:
        assert _outside(payload) == {"TS507"}, payload


@pytest.mark.parametrize("url", attacks.URLS)
def test_unsafe_urls_in_links_images_and_reference_definitions_outside_the_spans(url: str) -> None:
    assert _outside(f"[link]({url})") == {"TS507"}
    assert _outside(f"![image]({url})") == {"TS507"}
    assert _outside(f"[ref]: {url}\n\n[link][ref]") == {"TS507"}  # a definition is in no block


def test_screenshots_as_data_urls_are_pictures_but_svg_is_not() -> None:
    png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
    assert _outside(f"![screenshot]({png})") == set()
    assert _outside(f'<img src="{png}">') == set()
    assert _outside("![x](data:image/svg+xml;base64,PHN2Zz4=)") == {"TS507"}
    assert _outside("```html\n<script>alert(1)</script>\n```") == set()  # a code block is text
    assert _outside("Type `<img onerror=x>` here.") == set()


@pytest.mark.corpus
def test_the_real_corpus_has_no_unsafe_url_or_active_content(corpus: Path) -> None:
    """Quiet on clean text: the 9,393 real articles (screenshots as data: URLs included) give none."""
    result = check_paths([str(corpus)], {"select": ["TS406", "TS506", "TS507"]})  # every locale and product
    assert result.files > 9000 and result.findings == []


def test_the_cli_exits_1_on_the_attack_corpus_and_never_2(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", attacks.articles(), with_repo_content=False)
    result = subprocess.run([sys.executable, "-m", "twinspan", "check", str(content), "--no-cache"], capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert "TS406" in result.stdout and "Traceback" not in result.stderr


# --- Trojan Source -----------------------------------------------------------------------------------
RLO, ZWSP, LRI, PDI = "\u202e", "\u200b", "\u2066", "\u2069"


def test_bidi_and_invisible_characters_are_findings_wherever_text_is(tmp_path: Path) -> None:
    extra = f'description: "وصف {ZWSP}مخفي"\nms.author: "a{LRI}b{PDI}"\n'
    files = {
        "in-segment.md": article(("عنوان", "Title"), pair("90000-102", f"انقر {RLO}موافق", f"Click {ZWSP}OK")),
        "in-link-text.md": article(
            ("عنوان", "Title"), pair("90000-102", f"[نص {LRI}الرابط{PDI}](https://example.com)", "[link](https://example.com)")
        ),
        "in-front-matter.md": article(("عنوان", "Title"), pair("90000-102", "نص", "Text"), extra_front=extra),
        f"in-file{ZWSP}name{RLO}.md": article(("عنوان", "Title"), pair("90000-102", "نص", "Text")),
    }
    make_content(tmp_path / "content", files, with_repo_content=False)
    found = {(Path(f.path).name, f.code) for f in check_paths([str(tmp_path / "content")]).findings}
    assert ("in-segment.md", "TS705") in found and ("in-segment.md", "TS706") in found
    assert ("in-link-text.md", "TS705") in found
    fm = [f for f in check_paths([str(tmp_path / "content" / "ar-SA" / "in-front-matter.md")]).findings if f.code == "TS806"]
    assert sorted((f.line, f.message.split(" holds")[0]) for f in fm) == [(5, "front matter description"), (6, "front matter ms.author")]
    assert (f"in-file{ZWSP}name{RLO}.md", "TS708") in found
    assert not {code for name, code in found if name == "in-front-matter.md"} & {"TS705", "TS706", "TS708"}


def test_the_corpus_file_names_with_zero_width_spaces_are_reported(corpus: Path, tmp_path: Path) -> None:
    named = [p for p in (corpus / "alchemy-insights" / "ar-SA").glob("*.md") if "\u200b" in p.name][:3]
    assert named, "the corpus has file names with U+200B"
    folder = tmp_path / "ar-SA"
    folder.mkdir()
    for p in named:
        shutil.copy(p, folder / p.name)
    findings = check_paths([str(folder)]).findings
    assert {Path(f.path).name for f in findings if f.code == "TS708"} == {p.name for p in named}


# --- fuzzing --------------------------------------------------------------------------------------------
LONG = os.environ.get("TWINSPAN_FUZZ") == "long"


@pytest.mark.fuzz
@settings(max_examples=2000 if LONG else 60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_article())
def test_check_never_raises_on_mutated_real_articles(data: bytes) -> None:
    a = twinspan.parse(data, path="content/ar-SA/" + SEED_NAME)
    for f in check_article(a):
        assert f.line >= 1 and f.column >= 1 and f.code.startswith("TS") and f.message


def test_the_seed_is_there() -> None:
    assert (FIXTURES / "ar-SA" / SEED_NAME).is_file()


def _unsafe_the_long_way(url: str) -> bool:
    """is_unsafe_url without its shortcut for http(s) URLs, paths and fragments."""
    from twinspan.checks.rules import _util

    bare = _util._CONTROLS.sub("", url)
    return _util.scheme(bare) in _util.UNSAFE_SCHEMES and not _util._DATA_IMAGE.match(unquote(bare).strip())


@settings(max_examples=1_000, deadline=None)
@given(
    st.sampled_from(["https://", "HTTP://", "http://", "/", "#", "//", "/ ", "#\x00", "h", ""]),
    st.lists(st.sampled_from(["javascript:", "JaVa\tScript:", "%6A", "data:", "x", "/", " ", "\x00", ":", "%3A", "&#58;"]), max_size=6).map(
        "".join
    ),
)
def test_the_shortcut_for_common_urls_changes_no_verdict(start: str, rest: str) -> None:
    from twinspan.checks.rules._util import is_unsafe_url

    assert is_unsafe_url(start + rest) == _unsafe_the_long_way(start + rest)
