"""The attack corpus through the full site build (mkdocs, the repository's mkdocs.yml), then every
page audited statically and loaded in a real Chromium: nothing runs, no handler attribute, no
javascript:/data:/vbscript: URL survives anywhere in the output.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import attacks
from sitetools import CHROMIUM, CHROMIUM_ARGS, build_site, make_content, serve

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("site-injection")]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("injection-site")
    content = make_content(tmp / "content", attacks.articles())
    result = build_site(content, tmp / "site", strict=False)
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def test_the_corpus_is_large_and_reaches_every_place() -> None:
    assert len(attacks.HTML) >= 70 and len(attacks.URLS) >= 15 and len(attacks.NAMES) >= 5
    names = attacks.articles()
    assert any(n.startswith('"><img') for n in names)  # file names
    assert "description:" in names["attack-front-matter-0.md"]  # front matter values


def test_every_attack_article_has_a_page_with_a_safe_slug(built: Path) -> None:
    for lang in ("ar", "en"):
        folders = {p.parent.name for p in (built / lang).glob("*/index.html")}
        for slug in folders:
            assert slug.isascii() and all(ch.isalnum() or ch == "-" for ch in slug), slug
        assert {"attack-html", "attack-urls", "attack-front-matter-0"} <= folders
        assert sum(1 for s in folders if "pwned" in s or "passwd" in s) == len(attacks.NAMES)  # the hostile file names


def test_no_handler_attribute_unsafe_url_or_payload_script_in_any_page(built: Path) -> None:
    found = {str(p.relative_to(built)): problems for p in pages(built) if (problems := attacks.audit(p.read_text(encoding="utf-8")))}
    assert found == {}
    assert len(pages(built)) > 40


def test_the_payloads_are_shown_as_text_not_dropped_silently(built: Path) -> None:
    page = (built / "ar" / "attack-html" / "index.html").read_text(encoding="utf-8")
    assert page.count("نهاية") >= len(attacks.HTML) - 3  # the words around each payload survive
    assert "&lt;img src=x onerror=window.__pwned=66&gt;" in page  # entity-encoded tags stay text
    title = (built / "ar" / "attack-front-matter-0" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in title


# --- in Chromium ---------------------------------------------------------------------------------------
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def served(built: Path) -> Iterator[str]:
    with serve(built) as base:
        yield base


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is not installed (make test installs it)")
def test_no_payload_runs_in_chromium_on_any_page(built: Path, served: str) -> None:
    fired: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context()
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(served) else route.abort())
        pg = context.new_page()
        pg.on("dialog", lambda d: (fired.append(f"dialog {d.type}: {d.message} on {pg.url}"), d.dismiss()))
        loaded = 0
        for path in pages(built):
            url = f"{served}/{path.relative_to(built).as_posix()}"
            pg.goto(url, wait_until="load")
            # events a reader would cause: hover, focus, toggle on every element of the article
            pg.evaluate(
                """() => { for (const el of document.querySelectorAll('article *, .md-content *')) {
                     for (const type of ['mouseover', 'mouseenter', 'focus', 'toggle', 'animationstart'])
                       el.dispatchEvent(new Event(type)); } }"""
            )
            pg.wait_for_timeout(30)
            state = pg.evaluate("() => [typeof window.__pwned, document.querySelectorAll('iframe, object, embed').length]")
            if state != ["undefined", 0]:
                fired.append(f"{url}: __pwned {state[0]}, {state[1]} frames")
            loaded += 1
        browser.close()
    assert fired == []
    assert loaded == len(pages(built)) > 40
