"""The site's pieces without a browser: slugs, the sanitizer, segment markup, article HTML, the
knowledge base (topics, codes), and Block.containers (the model addition the renderer needs)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

import twinspan
from sitetools import article, pair
from twinspan.site import kb, slugs
from twinspan.site.markup import PARAGRAPH_BREAK, Markup, bidi_text
from twinspan.site.render import ArticleRenderer
from twinspan.site.sanitize import Links, Media, Sanitizer


def doc_of(text: str, side: str = "translation", path: Path | None = None) -> kb.Doc:
    a = twinspan.parse(text, path=path or "content/ar-SA/x.md")
    return kb.Doc("x", a, side, Path(a.path or "x.md"), a.title[0] or "x", kb.topics()[-1], kb.error_codes(a))


def render(text: str, lang: str = "ar") -> lxml.html.HtmlElement:
    d = doc_of(text, "translation" if lang != "en" else "source")
    out = ArticleRenderer(d, lang, Markup()).render()
    return lxml.html.fragment_fromstring(f"<div><h1>{out.title}</h1>{out.body}</div>")


# --- slugs ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("restore-an-office-365-group-using-eac\u200b\u200b\u200b.md", "restore-an-office-365-group-using-eac"),
        ("learn-about-m365-subscription\u2013based-availability.md", "learn-about-m365-subscription-based-availability"),
        ("calendar-icon-isn't-showing-in-msteams-client.md", "calendar-icon-isnt-showing-in-msteams-client"),
        ("cant-access-user data-teams.md", "cant-access-user-data-teams"),
        ("Set-up-SPF-in-Office-365.md", "set-up-spf-in-office-365"),
        ("«».md", "article"),
    ],
)
def test_file_slugs_are_safe(name: str, slug: str) -> None:
    assert slugs.file_slug(name) == slug


def test_slugs_are_unique_and_avoid_the_sites_own_pages() -> None:
    got = slugs.assign(["b a.md", "b-a.md", "codes.md", "B A.md"])
    assert got["codes.md"] == "codes-article"
    assert sorted(got[n] for n in ("b a.md", "b-a.md", "B A.md")) == ["b-a", "b-a-2", "b-a-3"]
    assert slugs.assign(reversed(list(got))) == got  # independent of the order


# --- the sanitizer ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "html",
    [
        '<a href="javascript:alert(1)">x</a>',
        '<a href=" JaVaScRiPt:alert(1)">x</a>',
        '<a href="java&#x09;script:alert(1)">x</a>',
        '<a href="vbscript:msgbox(1)">x</a>',
        '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
        '<a href="data:text/html,<script>alert(1)</script>">x</a>',
        "<img src=x onerror=alert(1)>",
        "<b onmouseover=alert(1)>x</b>",
        "<script>alert(1)</script>",
        "<svg onload=alert(1)></svg>",
        '<iframe src="https://example.org"></iframe>',
        "<style>body{display:none}</style>",
        '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    ],
)
def test_no_script_no_handler_no_dangerous_url_survives(html: str) -> None:
    out = Sanitizer().clean(html).lower()
    for bad in ("<script", "javascript:", "vbscript:", "data:", " on", "<svg", "<iframe", "<style", "alert(1)"):
        assert bad not in out, out


def links_for(tmp: Path, page_url: str = "page/") -> Links:
    return Links(
        page_url,
        tmp / "ar-SA",
        Media(),
        lambda name: "other-article/" if name == "other-article.md" else None,
        "https://docs.example/ar-sa",
    )


def test_links_point_into_the_built_site(tmp_path: Path) -> None:
    (tmp_path / "ar-SA" / "media").mkdir(parents=True)
    (tmp_path / "ar-SA" / "media" / "Shot_One.PNG").write_bytes(b"\x89PNG")
    (tmp_path / "ar-SA" / "media" / "evil.svg").write_text("<svg onload=alert(1)/>")
    (tmp_path / "secret.png").write_bytes(b"x")
    links = links_for(tmp_path)
    assert links.resolve("/azure/x?y=1#z") == "https://docs.example/ar-sa/azure/x?y=1#z"
    assert links.resolve("other-article.md#step-2") == "../other-article/#step-2"
    assert links.resolve("media/shot_one.png") == "../media/Shot_One.PNG"  # found whatever the case
    assert links.media.files == {(tmp_path / "ar-SA" / "media" / "Shot_One.PNG").resolve(): "media/Shot_One.PNG"}
    assert links.resolve("media/evil.svg") == "media/evil.svg"  # never copied: SVG can run script
    assert links.resolve("../secret.png") is None  # outside the locale folder: not copied, not linked
    assert links.resolve("../../etc/passwd") is None and links.resolve("a/../../x.md") is None
    assert len(links.media.files) == 1
    assert links.resolve("//example.org/a") == "https://example.org/a"
    assert links.resolve("javascript:alert(1)") is None
    assert links.resolve("#anchor") == "#anchor"


# --- segment markup --------------------------------------------------------------------------------------
def test_latin_runs_in_arabic_text_are_isolated() -> None:
    assert bidi_text("استعرض إلى Azure Active Directory > خصائص") == "استعرض إلى <bdi>Azure Active Directory</bdi> &gt; خصائص"
    assert bidi_text("مع Microsoft 365، يمكنك") == "مع <bdi>Microsoft 365</bdi>، يمكنك"


def test_inline_markup_renders_and_placeholders_show() -> None:
    m = Markup()
    html = m.inline("حدد **حفظ** في `Set-Mailbox` ثم استبدل <domain> بـ [المجال](https://x.example)", rtl=True)
    assert "<strong>حفظ</strong>" in html
    assert '<code dir="ltr">Set-Mailbox</code>' in html
    assert "&lt;domain&gt;" in html  # a placeholder, not a tag: shown as written
    assert '<a href="https://x.example" dir="auto" rel="noopener noreferrer">المجال</a>' in html
    assert m.inline("Select <BR/>Save", rtl=False) == "Select <br>Save"


def test_the_markup_between_two_segments() -> None:
    m = Markup()
    assert m.gap("<BR/>\n    ", rtl=True) == "<br>"
    assert m.gap(" ", rtl=True) == " "
    assert m.gap("\n>\n> ", rtl=True) == PARAGRAPH_BREAK  # a blank quote line: two paragraphs of a note
    assert m.gap(" (Azure) ", rtl=True) == " (<bdi>Azure</bdi>) "  # text outside the spans is kept


# --- articles ----------------------------------------------------------------------------------------------
def test_seed_renders_three_steps_with_their_labelled_substeps(seed_text: str) -> None:
    root = render(seed_text)
    step_items = root.xpath("//ol[@class='ts-steps']/li[@class='ts-step']")
    assert len(step_items) == 3
    labels = [[x.text_content() for x in li.xpath(".//ol[@class='ts-substeps']/li/span[@class='ts-label']")] for li in step_items]
    assert labels == [["أ.", "ب.", "ج.", "د.", "ه."], ["أ.", "ب.", "د.", "ه."], ["أ.", "ب.", "ج."]]
    assert [len(li.xpath(".//input[@type='checkbox']")) for li in step_items] == [1, 1, 1]
    sources = root.xpath("//span[@class='ts-src']")
    assert len(sources) == 29 - 12  # every sentence but the 12 sub-step labels, each with its English
    assert all(s.get("lang") == "en" and s.get("dir") == "ltr" and s.get("data-search-exclude") is not None for s in sources)
    first = step_items[0].xpath(".//span[@class='ts-src']")[0].text_content()
    assert first.startswith("Disable the Azure security defaults")


def test_english_page_has_the_source_labels_and_no_reveal(seed_text: str) -> None:
    root = render(seed_text, lang="en")
    assert root.xpath("//span[@class='ts-src']") == []
    labels = [x.text_content() for x in root.xpath("//ol[@class='ts-steps']/li[2]//span[@class='ts-label']")]
    assert labels == ["a.", "b.", "d.", "e."]
    assert root.xpath("//h1")[0].text_content() == "Enable SMTP authentication and troubleshooting"


def test_lists_notes_code_and_tables_keep_their_structure() -> None:
    body = "\n".join(
        [
            "- " + pair("90000-102", "بند أول", "First item"),
            "- " + pair("90000-103", "بند ثان", "Second item"),
            "  - " + pair("90000-104", "بند متداخل", "Nested item"),
            "",
            "1. " + pair("90000-105", "خطوة", "Step"),
            "",
            "   > [!NOTE]",
            "   > " + pair("90000-106", "ملاحظة", "A note"),
            "",
            "   ```powershell",
            "   Set-Mailbox -Identity x",
            "   ```",
            "",
            "| " + pair("90000-107", "**المفتاح**", "**Key**") + " | " + pair("90000-108", "القيمة", "Value") + " |",
            "|:--|:--|",
            "| HKEY | " + pair("90000-109", "واحد", "One") + " <br/> |",
        ]
    )
    root = render(article(("عنوان", "Title"), body))
    (ul,) = root.xpath("./ul")
    assert [li.xpath(".//span[@class='ts-tr']")[0].text_content() for li in ul.xpath("./li")] == ["بند أول", "بند ثان"]
    assert ul.xpath("./li[2]/ul/li//span[@class='ts-tr']")[0].text_content() == "بند متداخل"
    (step,) = root.xpath("//li[@class='ts-step']")
    assert step.xpath(".//div[contains(@class,'admonition note')]/p[@class='admonition-title']")[0].text_content() == "ملاحظة"
    assert step.xpath(".//pre[@dir='ltr']/code[@class='language-powershell']")[0].text_content().strip() == "Set-Mailbox -Identity x"
    cells = root.xpath("//table//th | //table//td")
    assert [
        c.xpath(".//span[@class='ts-tr']")[0].text_content() if c.xpath(".//span[@class='ts-tr']") else c.text_content().strip()
        for c in cells
    ] == [
        "المفتاح",
        "القيمة",
        "HKEY",
        "واحد",
    ]


def test_injected_markup_in_segments_is_neutralised() -> None:
    body = pair("90000-102", 'نص <script>alert(1)</script><img src=x onerror="alert(2)">', "<b onclick=alert(3)>Text</b>")
    html = lxml.html.tostring(render(article(("عنوان", "Title"), body)), encoding="unicode")
    assert "script" not in html and "onerror" not in html and "onclick" not in html and "alert" not in html
    assert "<b>Text</b>" in html


# --- the knowledge base --------------------------------------------------------------------------------------
def test_discovery_topics_and_codes(tmp_path: Path, seed_text: str) -> None:
    (tmp_path / "ar-SA").mkdir()
    (tmp_path / "ar-SA" / "solving-smtp-authentication-issues.md").write_text(seed_text, encoding="utf-8")
    (tmp_path / "ar-SA" / "includes").mkdir()
    (tmp_path / "ar-SA" / "includes" / "x.md").write_text("x")
    (tmp_path / "ar-SA" / "Sub Folder" / "includes").mkdir(parents=True)
    (tmp_path / "ar-SA" / "Sub Folder" / "includes" / "y.md").write_text("y")
    (tmp_path / "ar-SA" / "Sub Folder" / "Deep Page.md").write_text(seed_text, encoding="utf-8")
    (tmp_path / "media").mkdir()  # not a locale
    base = kb.KnowledgeBase.discover(tmp_path)
    assert base.locales == ("ar-SA",) and base.languages() == ["ar", "en"]
    # includes/ at any depth holds fragments, not articles; a subfolder's articles keep their folder
    assert list(base.sources) == ["solving-smtp-authentication-issues", "sub-folder/deep-page"]
    assert base.sources["sub-folder/deep-page"].name == "Sub Folder/Deep Page.md"
    assert base.slug_for_name("deep page.md") == "sub-folder/deep-page"  # one file of that name: found by it
    del base.sources["sub-folder/deep-page"]
    (doc,) = kb.load_docs(base, "ar")
    assert doc.codes == ("5.7.57", "5.7.3", "5.7.139")
    assert doc.topic.id == "email" and doc.title == "تمكين مصادقة SMTP وإصلاحها"
    (en,) = kb.load_docs(base, "en")
    assert en.side == "source" and en.title == "Enable SMTP authentication and troubleshooting"
    assert list(kb.codes_index([doc])) == ["5.7.3", "5.7.57", "5.7.139"]


def test_codes_sort_naturally() -> None:
    codes = ["550-5.1.1", "5.7.57", "0x80070005", "5.7.3", "5.1.10", "5.1.9"]
    assert sorted(codes, key=kb.code_key) == ["0x80070005", "5.1.9", "5.1.10", "5.7.3", "5.7.57", "550-5.1.1"]


@pytest.mark.parametrize(
    ("title", "topic"),
    [
        ("Outlook can't connect to Exchange", "outlook"),
        ("Set up DKIM in Office 365", "email"),
        ("Enable multifactor authentication", "identity"),
        ("Cancel your subscription", "billing"),
        ("Something else entirely", "other"),
    ],
)
def test_topics_from_the_english_title(title: str, topic: str) -> None:
    assert kb.topic_of(title, "x.md").id == topic


# --- Block.containers ----------------------------------------------------------------------------------------
def test_blocks_know_the_lists_and_quotes_around_them() -> None:
    text = "- a\n- b\n\n  b2\n  1. c\n\n> d\n\n3. e\n"
    blocks = twinspan.parse("---\nms.contentlocale: ar-SA\n---\n" + text).blocks
    chains = [[(c.kind, c.item, c.number) for c in b.containers] for b in blocks]
    assert chains == [
        [("bullet", 4, None)],
        [("bullet", 5, None)],
        [("bullet", 5, None)],  # the second paragraph of the same item
        [("bullet", 5, None), ("ordered", 8, 1)],
        [("quote", 0, None)],
        [("ordered", 12, 3)],
    ]


@pytest.mark.corpus
@pytest.mark.parametrize("product", ["alchemy-insights", "project-operations"])
def test_every_segment_of_the_corpus_is_rendered_in_every_language(corpus: Path, product: str) -> None:
    base = kb.KnowledgeBase.discover(corpus / product)
    assert len(base.sources) > 500
    markup = Markup()
    for lang in base.languages():
        for d in kb.load_docs(base, lang):
            r = ArticleRenderer(d, lang, markup)
            r.render()
            body = [i for i, s in enumerate(d.article.segments) if s.line > d.article.front_matter_end_line]
            assert set(body) <= r.rendered, (lang, d.slug, sorted(set(body) - r.rendered)[:5])
