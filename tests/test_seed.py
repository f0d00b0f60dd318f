"""The seed article, exactly as the foundation issue describes it."""

from __future__ import annotations

from pathlib import Path

import twinspan
from conftest import FIXTURES, SEED_NAME
from twinspan.inline import parse_inline


def test_segments_are_the_29_pairs(seed_path: Path) -> None:
    a = twinspan.load(seed_path)
    assert [s.id for s in a.segments] == [f"44498-{n}" for n in range(102, 131)]
    assert all(s.is_paired for s in a.segments)
    assert a.diagnostics == ()


def test_front_matter_and_locale(seed_path: Path) -> None:
    a = twinspan.load(seed_path)
    assert a.front_matter is not None
    assert a.front_matter["ms.contentlocale"] == "ar-SA"
    assert a.front_matter["ms.custom"] == ["3000003", "5652"]
    assert a.locale == "ar-SA" and a.source_locale == "en-US"
    assert a.translation_type == "MT"
    assert a.front_matter_raw is not None and a.front_matter_raw.startswith("title: ")


def test_title(seed_path: Path) -> None:
    a = twinspan.load(seed_path)
    assert a.title == ("تمكين مصادقة SMTP وإصلاحها", "Enable SMTP authentication and troubleshooting")


def test_one_procedure_of_three_steps_with_labelled_substeps(seed_path: Path) -> None:
    a = twinspan.load(seed_path)
    assert len(a.procedures) == 1
    steps = a.procedures[0].steps
    assert [s.number for s in steps] == [1, 2, 3]
    assert [len(s.substeps) for s in steps] == [5, 4, 3]
    labels = [[(sub.label.source_letter, sub.label.translation_letter) for sub in s.substeps] for s in steps]
    assert labels[0] == [("a", "أ"), ("b", "ب"), ("c", "ج"), ("d", "د"), ("e", "ه")]
    assert labels[1] == [("a", "أ"), ("b", "ب"), ("d", "د"), ("e", "ه")]
    assert labels[2] == [("a", "أ"), ("b", "ب"), ("c", "ج")]
    # the label keeps both sides as written, and the text after it is the sub-step
    first = steps[0].substeps[0]
    assert (first.label.source, first.label.translation) == ("a.", "أ.")
    assert [a.segments[i].id for i in first.segments] == ["44498-106"]
    assert a.segments[first.segments[0]].source.plain.startswith("Sign in to the\u202fAzure portal")  # NNBSP as published


def test_each_step_links_on_both_sides(seed_path: Path) -> None:
    a = twinspan.load(seed_path)
    urls = [
        "/azure/active-directory/fundamentals/concept-fundamentals-security-defaults",
        "/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission#enable-smtp-auth-for-specific-mailboxes",
        "/microsoft-365/admin/security-and-compliance/set-up-multi-factor-authentication#turn-off-legacy-per-user-mfa",
    ]
    for step, url in zip(a.procedures[0].steps, urls, strict=True):
        (seg,) = a.segments_at(step.segments)
        assert [link.url for link in seg.source.inline.links] == [url]
        assert [link.url for link in seg.translation.inline.links] == [url]
    (step1,) = a.segments_at(a.procedures[0].steps[0].segments)
    assert step1.source.inline.links[0].text == "Azure security defaults"
    assert step1.translation.inline.links[0].text == "بتعطيل إعدادات أمان Azure الافتراضية"


def test_error_codes(seed_path: Path) -> None:
    a = twinspan.load(seed_path)
    seg = a.segment("44498-103")
    assert seg is not None
    assert seg.source.inline.error_codes == ("5.7.57", "5.7.3", "5.7.139")
    assert seg.translation.inline.error_codes == ("5.7.57", "5.7.3", "5.7.139")


def test_inline_parts_of_the_defective_segment(seed_path: Path) -> None:
    a = twinspan.load(seed_path)
    seg = a.segment("44498-126")
    assert seg is not None
    assert seg.source.inline.strong == ("Users", "Active users")
    assert seg.translation.inline.strong == ("المستخدمون المستخدمون النشطون",)
    (src_path,) = seg.source.inline.ui_paths
    (tr_path,) = seg.translation.inline.ui_paths
    assert [(p.text, p.bold) for p in src_path] == [("Users", True), ("Active users", True)]
    assert [p.bold for p in tr_path] == [False, True]
    assert seg.translation.inline.tags == ()
    assert a.segment("44498-106").translation.text.endswith("عام.")


def test_a_plain_part_of_a_ui_path_is_the_clause_next_to_the_separator() -> None:
    (path,) = parse_inline("Open **About me** (your profile online) > **Update Profile** now.").ui_paths
    assert [(p.text, p.bold) for p in path] == [("your profile online", False), ("Update Profile", True)]
    (path,) = parse_inline("Browse to Azure AD > **Properties**, then save.").ui_paths
    assert [(p.text, p.bold) for p in path] == [("Browse to Azure AD", False), ("Properties", True)]


def test_positions_are_one_based_and_bytes_exact(seed_path: Path) -> None:
    data = seed_path.read_bytes()
    a = twinspan.parse(data, path=seed_path)
    seg = a.segment("44498-104")
    assert seg is not None
    tr, src = seg.translation, seg.source
    assert (tr.line, tr.column) == (26, 4)
    assert data[tr.element.byte_start : tr.element.byte_end].decode().startswith('<span data-ttu-id="44498-104">')
    assert data[tr.content.byte_start : tr.content.byte_end].decode() == tr.text
    assert data[src.element.byte_start : src.element.byte_end].decode() == (
        f'<span class="sxs-lookup"><span data-stu-id="44498-104">{src.text}</span></span>'
    )
    assert src.column == tr.column + len(tr.text) + len('<span data-ttu-id="44498-104"></span>')


def test_two_method_article_has_two_procedures() -> None:
    a = twinspan.load(FIXTURES / "ar-SA" / "auto-replies-set-for-a-users-mailbox.md")
    assert len(a.procedures) == 2
    titles = [a.segments_at(p.title_segments)[0].source.plain for p in a.procedures]
    assert titles == ["Method 1", "Method 2"]
    assert [len(p.steps) for p in a.procedures] == [4, 4]
    assert all(p.marker_kind == "bold" for p in a.procedures)


def test_hebrew_copy_keeps_latin_and_hebrew_labels() -> None:
    a = twinspan.load(FIXTURES / "he-IL" / SEED_NAME)
    step1 = a.procedures[0].steps[0]
    assert [s.label.translation for s in step1.substeps] == ["a.", "ב.", "c.", "d.", "e."]
    assert a.locale == "he-IL"


def test_inline_fast_path_agrees_with_markdown_it(seed_text: str) -> None:
    """Sides without Markdown characters skip the parser; the result must be the same."""
    from markdown_it import MarkdownIt

    from twinspan.inline import parse_inline

    md = MarkdownIt("commonmark", {"html": True})
    samples = ["Select Save changes.", "حدد حفظ التغييرات.", "Code 5.7.57 or ٥٫٧", "  spaced  out  ", "a\u202fb"]
    for text in samples:
        (tok,) = md.parseInline(text)
        expected = "".join(c.content for c in tok.children or [] if c.type == "text")
        assert parse_inline(text).plain == expected
    # and a side with markup still goes through markdown-it
    assert parse_inline("Select **Save**.").strong == ("Save",)


def test_anchors_are_explicit_names_and_heading_slugs(seed_path: Path) -> None:
    a = twinspan.load(seed_path)
    assert "enable-smtp-authentication-and-troubleshooting" in a.anchors  # <a name> and the English heading's slug
    assert "تمكين-مصادقة-smtp-وإصلاحها" in a.anchors  # the Arabic heading's slug
    # a heading outside any span (project-operations' HT pages): its text's slug, without the <a> tag's letters
    plain = twinspan.parse('# <a name="x"></a>أداء جدولة الموارد\n\n## <A ID="y"></A>Enable it\n')
    assert plain.anchors == {"x", "أداء-جدولة-الموارد", "y", "enable-it"}


def test_html_links_are_links() -> None:
    from twinspan.inline import parse_inline

    inline = parse_inline('انقر <a href="https://example.com/x">هنا</a> أو [هناك](/y)')
    assert [(x.text, x.url) for x in inline.links] == [("هنا", "https://example.com/x"), ("هناك", "/y")]
    assert parse_inline('<a name="top"></a>').links == ()
