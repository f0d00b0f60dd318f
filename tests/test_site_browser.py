"""The site in a real Chromium (Playwright driving Debian's /usr/bin/chromium), served over HTTP.

The site is built once per worker from content/ plus an article whose segments try to inject
script, into a temp dir, with the repository's mkdocs.yml (``mkdocs build --strict``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from sitetools import CHROMIUM, CHROMIUM_ARGS, ROOT, SEED_SLUG, article, build_site, make_content, pair, serve

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("site-browser"),
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is not installed (make test installs it)"),
]
sync_api = pytest.importorskip("playwright.sync_api")

ARTIFACTS = ROOT / "test-artifacts"
SEED_AR = f"/ar/{SEED_SLUG}/"
SEED_EN = f"/en/{SEED_SLUG}/"
PWN = "window.__pwned"

INJECTION = article(
    # a title's plain text holds a tag once its entities are decoded: Material writes titles as is
    ("اختبار الحقن &lt;img src=x onerror=\"window.__pwned='title'\"&gt;", "Injection test &lt;img src=x onerror=alert(7)&gt;"),
    "\n\n".join(
        [
            "## "
            + pair("90000-104", "قسم &lt;img src=x onerror=\"window.__pwned='toc'\"&gt;", "Section &lt;img src=x onerror=alert(8)&gt;"),
            pair(
                "90000-102",
                'نص <script>window.__pwned = "script"; alert(1)</script> ثم <img src=x onerror="window.__pwned=\'onerror\';alert(2)">',
                "Text <script>window.__pwned = 'source-script'</script> and <img src=x onerror=\"window.__pwned='src-onerror'\">",
            ),
            "1. "
            + pair(
                "90000-103",
                "[رابط](javascript:window.__pwned='md-link') و<a href=\"javascript:alert(3)\" onclick=\"window.__pwned='click'\">آخر</a>"
                " <svg onload=\"window.__pwned='svg'\"></svg> <b onmouseover=\"window.__pwned='hover'\">مرر</b>",
                "A <iframe src=\"javascript:window.__pwned='iframe'\"></iframe><b onmouseover=\"window.__pwned='src-hover'\">bold</b>"
                ' <a href="data:text/html,<script>alert(6)</script>">data</a>',
            ),
            '<div onmouseover="window.__pwned=\'block\'"><img src="data:image/svg+xml,x" onerror="alert(5)"></div>',
        ]
    ),
    prefix="90000",
)


#: Words that only normalisation finds: alef maqsura, ta marbuta, hamza on alef, madda, the article after a proclitic.
NORMALISATION = article(
    ("اختبار التطبيع", "Normalisation test"),
    pair("90001-102", "اتصل بمستشفى الطوارئ وإدارة آلية التسجيل للمستخدمين بالمؤسسة", "Call the hospital."),
    prefix="90001",
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("browser-site")
    content = make_content(tmp / "content", {"injection-test.md": INJECTION, "normalisation-test.md": NORMALISATION})
    # Not strict: the check reports the attack article's javascript:/data: links as errors
    # (which fail a strict build), and the site must still be safe when someone builds it anyway.
    result = build_site(content, tmp / "site", strict=False)
    assert result.returncode == 0, result.stderr
    unsafe = [line for line in result.stderr.splitlines() if "injection-test.md" in line and "TS406" in line]
    assert unsafe, result.stderr
    with serve(tmp / "site") as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar-SA")  # type: ignore[attr-defined]
    pg = context.new_page()
    yield pg
    context.close()


def steps(pg: object) -> object:
    return pg.locator("ol.ts-steps > li.ts-step")  # type: ignore[attr-defined]


# --- the Arabic seed page -------------------------------------------------------------------------
def test_arabic_page_is_rtl_arabic_with_three_steps_of_5_4_3_substeps(page: object, site: str) -> None:
    page.goto(site + SEED_AR)
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.evaluate("document.body.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('.ts-article')).direction") == "rtl"
    assert steps(page).count() == 3
    counts = [steps(page).nth(k).locator("ol.ts-substeps > li").count() for k in range(3)]
    assert counts == [5, 4, 3]
    labels = steps(page).nth(1).locator(".ts-label").all_inner_texts()
    assert [x.strip() for x in labels] == ["أ.", "ب.", "د.", "ه."]  # as written: ج is skipped
    # Material's interface speaks Arabic
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "بحث"
    assert page.locator('meta[name="robots"]').get_attribute("content") == "NOINDEX, NOFOLLOW"


def test_show_english_toggle_shows_the_source_under_step_1_and_survives_reload(page: object, site: str) -> None:
    page.goto(site + SEED_AR)
    source = steps(page).nth(0).get_by_text("Disable the Azure security defaults")
    assert not source.is_visible()
    toggle = page.locator("button.ts-toggle")
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    assert source.is_visible()
    assert source.get_attribute("lang") == "en" and source.get_attribute("dir") == "ltr"
    translation = steps(page).nth(0).locator(".ts-tr").first
    assert source.bounding_box()["y"] > translation.bounding_box()["y"]  # under its translation
    page.reload()
    assert page.locator("button.ts-toggle").get_attribute("aria-pressed") == "true"
    assert steps(page).nth(0).get_by_text("Disable the Azure security defaults").is_visible()
    page.locator("button.ts-toggle").click()
    assert not steps(page).nth(0).get_by_text("Disable the Azure security defaults").is_visible()


def test_one_sentence_reveals_its_source_on_hover_focus_and_keyboard(page: object, site: str) -> None:
    page.goto(site + SEED_AR)
    seg = steps(page).nth(0).locator(".ts-substeps .ts-seg").nth(1)
    src = seg.locator(".ts-src")
    assert not src.is_visible()
    seg.hover()
    assert src.is_visible() and "Browse to" in src.inner_text()
    page.mouse.move(5, 5)
    assert not src.is_visible()
    seg.focus()  # keyboard focus (the sentence is in the tab order)
    assert seg.get_attribute("tabindex") == "0"
    assert src.is_visible()
    page.keyboard.press("Escape")
    assert not src.is_visible()
    page.keyboard.press("Enter")  # pins it open
    assert src.is_visible()


def test_a_tap_reveals_the_source(browser: object, site: str) -> None:
    context = browser.new_context(viewport={"width": 400, "height": 800}, has_touch=True, is_mobile=True)  # type: ignore[attr-defined]
    pg = context.new_page()
    pg.goto(site + SEED_AR)
    seg = steps(pg).nth(2).locator(".ts-substeps .ts-seg").nth(0)
    seg.tap()
    assert seg.locator(".ts-src").is_visible()
    assert "ts-open" in (seg.get_attribute("class") or "")
    context.close()


def test_language_switch_leads_to_the_english_article(page: object, site: str) -> None:
    page.goto(site + SEED_AR)
    page.locator(".ts-tools a.ts-switch[hreflang=en]").click()
    page.wait_for_url("**" + SEED_EN)
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.evaluate("document.body.dir") == "ltr"
    assert page.locator("h1").inner_text().startswith("Enable SMTP authentication")
    assert steps(page).count() == 3
    # and the header's switch leads back to the same article
    assert page.locator(".md-select__link[hreflang=ar]").get_attribute("href") == f"../../ar/{SEED_SLUG}/"


# --- search ---------------------------------------------------------------------------------------------
def search(pg: object, site: str, start: str, query: str) -> list[str]:
    pg.goto(site + start)  # type: ignore[attr-defined]
    box = pg.locator("input.md-search__input")  # type: ignore[attr-defined]
    box.click()
    box.press_sequentially(query)
    box.press("End")  # Material reads the box on keyup
    meta = pg.locator(".md-search-result__meta")  # type: ignore[attr-defined]
    sync_api.expect(meta).not_to_have_text("")
    pg.wait_for_function(  # type: ignore[attr-defined]
        "() => document.querySelectorAll('.md-search-result__item').length > 0 "
        "|| /(لا توجد|No matching)/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    links = pg.locator(".md-search-result__item > a.md-search-result__link")  # type: ignore[attr-defined]
    return [str(links.nth(i).get_attribute("href")) for i in range(links.count())]


@pytest.mark.parametrize("query", ["5.7.57", "مصادقة SMTP", "مصادقه", "اعدادات الامان", "الأمـــان", "مُصادَقة"])
def test_arabic_search_finds_the_smtp_article(page: object, site: str, query: str) -> None:
    hrefs = search(page, site, SEED_AR, query)
    assert hrefs and all("/ar/" in h for h in hrefs), hrefs
    pages = list(dict.fromkeys(h.split("#")[0] for h in hrefs))
    assert site + SEED_AR in pages[: 3 if query == "5.7.57" else len(pages)], pages


@pytest.mark.parametrize("query", ["بمستشفي", "اداره", "الية", "المستخدمين", "المؤسسه", "مؤسسة"])
def test_arabic_spelling_variants_meet(page: object, site: str, query: str) -> None:
    hrefs = search(page, site, "/ar/", query)
    assert site + "/ar/normalisation-test/" in [h.split("#")[0] for h in hrefs], hrefs


def test_error_code_with_basic_status_is_one_token(page: object, site: str) -> None:
    hrefs = search(page, site, SEED_AR, "550-5.7.708")
    assert hrefs[0].endswith("/ar/antispam-550-5-7-708-service-unavailable-access-denied-traffic-not-accepted/"), hrefs


def test_english_sources_stay_out_of_the_arabic_index(page: object, site: str) -> None:
    # words of the seed's English halves only (Azure, SMTP also occur in the Arabic text)
    assert search(page, site, SEED_AR, "toggling") == []
    assert search(page, site, SEED_EN, "toggling") == [site + SEED_EN]


def test_english_search_from_an_english_page_finds_english_pages(page: object, site: str) -> None:
    hrefs = search(page, site, SEED_EN, "authentication")
    assert hrefs and all("/en/" in h for h in hrefs), hrefs
    assert site + SEED_EN in [h.split("#")[0] for h in hrefs]


# --- checklist ----------------------------------------------------------------------------------------------
def test_checklist_is_remembered_and_reset(page: object, site: str) -> None:
    page.goto(site + SEED_AR)
    box = steps(page).nth(1).locator("input.ts-check")
    box.check()
    assert "1 من 3" in page.locator(".ts-progress").inner_text()
    page.reload()
    assert steps(page).nth(1).locator("input.ts-check").is_checked()
    assert not steps(page).nth(0).locator("input.ts-check").is_checked()
    # the same article in English shares the progress
    page.goto(site + SEED_EN)
    assert steps(page).nth(1).locator("input.ts-check").is_checked()
    page.locator("button.ts-reset").click()
    assert not steps(page).nth(1).locator("input.ts-check").is_checked()
    page.goto(site + SEED_AR)
    assert not steps(page).nth(1).locator("input.ts-check").is_checked()
    assert "0 من 3" in page.locator(".ts-progress").inner_text()


# --- safety -------------------------------------------------------------------------------------------------
def test_injected_script_and_handlers_never_run(page: object, site: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(site + "/ar/injection-test/")
    page.locator("button.ts-toggle").click()  # show the English halves too
    for el in page.locator(".ts-article b, .ts-article a, .ts-article img, .ts-article div").all():
        if el.is_visible():
            el.hover()
            el.click(no_wait_after=True, force=True)
    page.goto(site + "/ar/injection-test/")  # a javascript: link would have navigated nowhere
    assert page.evaluate(f"typeof {PWN}") == "undefined"
    assert dialogs == []
    found = page.evaluate(
        """() => [...document.querySelectorAll('.ts-article *')].flatMap(el =>
             [...el.attributes].filter(a => a.name.startsWith('on') || /^\\s*(javascript|data):/i.test(a.value))
               .map(a => el.tagName + ' ' + a.name))"""
    )
    assert found == []
    assert page.locator(".ts-article script, .ts-article iframe, .ts-article svg").count() == 0
    assert "ثم" in page.locator(".ts-article").inner_text()  # the text around the markup is still there


# --- the root page ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("locale", "expected"), [("ar-SA", "/ar/"), ("en-US", "/en/"), ("fr-FR", "/")])
def test_root_follows_the_browser_language(browser: object, site: str, locale: str, expected: str) -> None:
    context = browser.new_context(locale=locale)  # type: ignore[attr-defined]
    pg = context.new_page()
    pg.goto(site + "/")
    pg.wait_for_load_state()
    assert pg.url == site + expected
    if expected == "/":  # no match: the reader chooses, and the choice is remembered
        pg.locator("a[hreflang=ar]").click()
        pg.wait_for_url("**/ar/")
        pg.goto(site + "/")
        pg.wait_for_url("**/ar/")
        pg.goto(site + "/#choose")
        assert pg.locator("a[hreflang=en]").is_visible()
    context.close()


# --- accessibility and screenshots --------------------------------------------------------------------------
def axe_violations(pg: object) -> list[dict[str, object]]:
    script = resources.files("axe_playwright_python").joinpath("axe.min.js")
    pg.add_script_tag(content=script.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    result = pg.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")  # type: ignore[attr-defined]
    return [v for v in result if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("show_source", [False, True])
def test_no_serious_accessibility_violations_on_the_arabic_page(page: object, site: str, show_source: bool) -> None:
    page.goto(site + SEED_AR)
    if show_source:
        page.locator("button.ts-toggle").click()
    bad = axe_violations(page)
    assert bad == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in bad]


def test_screenshots_of_the_seed_pages(page: object, site: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    shots: list[Path] = []
    for name, url, toggle in [("seed-ar", SEED_AR, False), ("seed-ar-english-shown", SEED_AR, True), ("seed-en", SEED_EN, False)]:
        page.goto(site + url)
        if toggle:
            page.locator("button.ts-toggle").click()
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        shots.append(path)
    page.set_viewport_size({"width": 400, "height": 800})
    page.evaluate("localStorage.removeItem('twinspan:show-source')")  # the toggle was left on above
    page.goto(site + SEED_AR)
    page.screenshot(path=str(ARTIFACTS / "seed-ar-mobile.png"), full_page=True)
    assert all(p.stat().st_size > 10_000 for p in shots)
