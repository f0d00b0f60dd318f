"""`mkdocs build` / `mkdocs serve` of the repository's mkdocs.yml: what lands on disk."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import lxml.html
import pytest

from sitetools import ROOT, SEED_SLUG, article, build_site, make_content, pair

pytestmark = pytest.mark.xdist_group("site-build")

TRICKY = {
    "restore-a-group\u200b\u200b.md": "restore-a-group",
    "subscription\u2013based-apps.md": "subscription-based-apps",
    "calendar-icon-isn't-showing.md": "calendar-icon-isnt-showing",
    "cant-access-user data.md": "cant-access-user-data",
}
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def tricky_article(k: int, name: str) -> str:
    image = f"![](media/shot_{k}.png)"  # the file is Shot_{k}.PNG: links are matched whatever the case
    body = pair(
        f"9100{k}-102",
        f"انظر [المقالة](subscription\u2013based-apps.md) و{image}",
        f"See [the article](subscription\u2013based-apps.md) {image}",
    )
    return article((f"مقالة {k}", f"Article {k}"), body, prefix=f"9100{k}")


# Reference documentation keeps articles in subfolders and links them by relative path
# (project-operations/ar-SA/actuals/actuals-overview.md → ../time/time-entry-overview.md).
NESTED = {
    "actuals/actuals-overview.md": article(
        ("نظرة عامة", "Overview"),
        pair(
            "94000-102",
            "راجع [إدخال الوقت](../time/time-entry.md) و[الفواصل](../line-breaks.md).",
            "See [time entry](../time/time-entry.md) and [breaks](../line-breaks.md).",
        )
        + "\n\n[!include [banner](includes/banner.md)]",
        prefix="94000",
    ),
    "actuals/includes/banner.md": "A fragment that articles include: not a page.\n",
    "time/time-entry.md": article(
        ("إدخال الوقت", "Time entry"),
        pair("94100-102", "[نظرة عامة](../actuals/actuals-overview.md)", "[Overview](../actuals/actuals-overview.md)"),
        prefix="94100",
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("site-build")
    extra: dict[str, str | bytes] = {name: tricky_article(k, name) for k, name in enumerate(TRICKY)}
    extra.update({f"media/Shot_{k}.PNG": PNG for k in range(len(TRICKY))})
    lines = pair("93000-102", "السطر الأول", "First line") + "<BR/>\n" + pair("93000-103", "السطر الثاني", "Second line")
    extra["line-breaks.md"] = article(("فواصل الأسطر", "Line breaks"), lines, prefix="93000")
    extra.update(NESTED)
    content = make_content(tmp / "content", extra)
    result = build_site(content, tmp / "site", strict=True)
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def page(site: Path, lang: str, slug: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / lang / slug / "index.html").read_text(encoding="utf-8"))


def index(site: Path, lang: str) -> dict[str, object]:
    return json.loads((site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_each_article_in_arabic_and_english_and_a_root_that_lets_the_reader_choose(site: Path) -> None:
    names = [p.name for p in (ROOT / "content" / "ar-SA").glob("*.md")]
    for lang in ("ar", "en"):
        for name in names:
            assert (site / lang / name[:-3].lower() / "index.html").is_file(), (lang, name)
    root = lxml.html.fromstring((site / "index.html").read_text(encoding="utf-8"))
    assert sorted(a.get("href") for a in root.xpath("//main//a")) == ["ar/", "en/"]
    ar, en = page(site, "ar", SEED_SLUG), page(site, "en", SEED_SLUG)
    assert (ar.get("lang"), ar.xpath("//body")[0].get("dir")) == ("ar", "rtl")
    assert (en.get("lang"), en.xpath("//body")[0].get("dir")) == ("en", "ltr")
    assert ar.xpath("//a[contains(@class,'ts-switch')][@hreflang='en']")[0].get("href") == f"../../en/{SEED_SLUG}/"


def test_one_search_index_per_language_without_the_english_halves_in_arabic(site: Path) -> None:
    ar, en = index(site, "ar"), index(site, "en")
    assert ar["config"]["lang"] == ["ar"] and en["config"]["lang"] == ["en"]  # type: ignore[index]
    assert "(?<!\\d)\\." in ar["config"]["separator"]  # type: ignore[index]
    ar_text = json.dumps(ar, ensure_ascii=False)
    en_text = json.dumps(en, ensure_ascii=False)
    assert "Disable the" not in ar_text and "toggling" not in ar_text
    assert "toggling" in en_text and "قم بتعطيل" not in en_text
    seed = next(d for d in ar["docs"] if d["location"] == f"{SEED_SLUG}/")  # type: ignore[attr-defined]
    assert seed["tags"] == ["5.7.57", "5.7.3", "5.7.139"]
    assert "مصادقة" in seed["title"]


def test_robots_front_matter_becomes_a_meta_tag(site: Path) -> None:
    for lang in ("ar", "en"):
        assert page(site, lang, SEED_SLUG).xpath("//meta[@name='robots']/@content") == ["NOINDEX, NOFOLLOW"]


def test_error_code_index_and_the_codes_of_each_article(site: Path) -> None:
    codes = lxml.html.fromstring((site / "ar" / "codes" / "index.html").read_text(encoding="utf-8"))
    (heading,) = codes.xpath("//h2[@id='code-5-7-57']")
    links = heading.getnext().xpath(".//a/@href")
    assert f"../{SEED_SLUG}/" in links
    listed = page(site, "ar", SEED_SLUG).xpath("//span[@class='ts-codes']/a/@href")
    assert listed == ["../codes/#code-5-7-57", "../codes/#code-5-7-3", "../codes/#code-5-7-139"]


def test_tricky_file_names_get_safe_urls_links_and_media(site: Path) -> None:
    for k, (name, slug) in enumerate(TRICKY.items()):
        doc = page(site, "ar", slug)
        assert doc.xpath("//h1//span[@class='ts-tr']")[0].text_content() == f"مقالة {k}", name
        link = "./" if slug == "subscription-based-apps" else "../subscription-based-apps/"  # a link to itself, or to it
        assert doc.xpath("//div[@class='ts-article']//a/@href")[0] == link
        assert set(doc.xpath("//div[@class='ts-article']//img/@src")) == {f"../media/Shot_{k}.PNG"}
        assert (site / "ar" / "media" / f"Shot_{k}.PNG").read_bytes() == PNG
        assert (site / "en" / "media" / f"Shot_{k}.PNG").is_file()
    assert not any((site / "ar").glob("*\u200b*")) and not any((site / "ar").glob("*\u2013*"))


def test_articles_in_subfolders_are_pages_and_their_relative_links_resolve(site: Path) -> None:
    for lang in ("ar", "en"):
        overview = page(site, lang, "actuals/actuals-overview")
        hrefs = overview.xpath("//div[contains(@class, 'ts-article')]//a/@href")
        assert "../../time/time-entry/" in hrefs and "../../line-breaks/" in hrefs, hrefs
        back = page(site, lang, "time/time-entry").xpath("//div[contains(@class, 'ts-article')]//a/@href")
        assert "../../actuals/actuals-overview/" in back, back
        assert not (site / lang / "actuals" / "includes").exists()  # a fragment, not a page


def test_br_between_segments_is_a_line_break(site: Path) -> None:
    (sub,) = page(site, "ar", SEED_SLUG).xpath("//li[@class='ts-step'][1]//ol[@class='ts-substeps']/li[1]")
    assert sub.xpath(".//br") == []  # the <BR/> that separates sub-steps became the list
    for lang in ("ar", "en"):
        (p,) = page(site, lang, "line-breaks").xpath("//div[@class='ts-article']/p")
        assert [child.tag for child in p] == (["span", "br", "span"] if lang == "ar" else ["br"])
        assert "Second line" in p.text_content()


def test_check_errors_fail_a_strict_build_with_the_checks_message(tmp_path: Path) -> None:
    broken = article(("مكسور", "Broken"), '<span data-ttu-id="92000-102">نص بلا مصدر</span>\n', prefix="92000")
    content = make_content(tmp_path / "content", {"broken.md": broken}, with_repo_content=False)
    strict = build_site(content, tmp_path / "strict", strict=True)
    assert strict.returncode != 0
    assert "twinspan check:" in strict.stderr and "broken.md:" in strict.stderr and "TS101" in strict.stderr
    lenient = build_site(content, tmp_path / "lenient", strict=False)
    assert lenient.returncode == 0, lenient.stderr
    assert "WARNING -  twinspan check:" in lenient.stderr
    assert (tmp_path / "lenient" / "ar" / "broken" / "index.html").is_file()


def test_plain_mkdocs_build_from_the_repository_root(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "TWINSPAN_CONTENT"} | {"NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "s")], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "s" / "ar" / SEED_SLUG / "index.html").is_file() and (tmp_path / "s" / "en" / SEED_SLUG / "index.html").is_file()


STAND_IN = """
import sys
import twinspan.site.plugin as plugin
def fake(article, lang):
    data = {"@type": "HowTo", "name": "</script><script>alert(1)</script>", "inLanguage": lang}
    return plugin.StructuredData(data, {"steps": [1, 2, 3]})
plugin._structured_data = fake
from mkdocs.__main__ import cli
cli(["build", "-f", sys.argv[1], "-d", sys.argv[2]])
"""


def test_structured_data_is_embedded_and_linked(tmp_path: Path) -> None:
    """The embedding the export issue will feed (``_structured_data``), with a stand-in value."""
    env = {**os.environ, "TWINSPAN_CONTENT": str(make_content(tmp_path / "content")), "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-c", STAND_IN, str(ROOT / "mkdocs.yml"), str(tmp_path / "site")]
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    for lang in ("ar", "en"):  # the child build of en shares the stand-in (forked)
        html = (tmp_path / "site" / lang / SEED_SLUG / "index.html").read_text(encoding="utf-8")
        doc = lxml.html.fromstring(html)
        (ld,) = doc.xpath("//script[@type='application/ld+json']")
        assert json.loads(ld.text)["inLanguage"] == lang
        assert "</script><script>" not in html
        assert doc.xpath("//a[@class='ts-steps-json']/@href") == ["steps.json"]
        assert json.loads((tmp_path / "site" / lang / SEED_SLUG / "steps.json").read_text()) == {"steps": [1, 2, 3]}


@pytest.mark.slow
def test_mkdocs_serve_serves_both_languages(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--no-livereload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        pages = {f"/ar/{SEED_SLUG}/": "تمكين مصادقة", f"/en/{SEED_SLUG}/": "Enable SMTP authentication", "/": "العربية"}
        got: dict[str, str] = {}
        while time.monotonic() < deadline and len(got) < len(pages):
            for url in pages:
                if url in got:
                    continue
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{url}", timeout=5) as r:
                        got[url] = r.read().decode("utf-8")
                except OSError:
                    time.sleep(0.5)
        for url, needle in pages.items():
            assert needle in got.get(url, ""), url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_pages_embed_the_exported_howto_and_steps(tmp_path: Path) -> None:
    """The real export (no stand-in): each page's JSON-LD and steps.json are the export's documents."""
    import jsonschema

    import twinspan
    from twinspan.export import howto_jsonld, load_schema, steps_document

    content = make_content(tmp_path / "content")
    result = build_site(content, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    seed = twinspan.load(content / "ar-SA" / f"{SEED_SLUG}.md")
    for lang, side in (("ar", "translation"), ("en", "source")):
        page = tmp_path / "site" / lang / SEED_SLUG
        doc = lxml.html.fromstring((page / "index.html").read_text(encoding="utf-8"))
        (ld,) = doc.xpath("//script[@type='application/ld+json']")
        embedded = json.loads(ld.text)
        assert embedded == json.loads(json.dumps(howto_jsonld(seed, side)))
        assert [len(s.get("itemListElement", [])) for s in embedded["step"]] == [5, 4, 3]
        steps = json.loads((page / "steps.json").read_text(encoding="utf-8"))
        jsonschema.validate(steps, load_schema())
        assert (
            steps["procedures"][0]["steps"][1]["substeps"][2]["label"]
            == json.loads(json.dumps(steps_document(seed)))["procedures"][0]["steps"][1]["substeps"][2]["label"]
        )
