"""po extract: entries, headers, plural forms, duplicate ids, msgfmt --check, never losing translator work."""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
import pytest

import twinspan
from conftest import FIXTURES, SEED_NAME
from pohelp import entry, workspace
from twinspan.export.po import plural_forms, units_of

HE = ("he-IL", FIXTURES / "he-IL" / SEED_NAME)
DE = ("de-DE", FIXTURES / "de-DE" / SEED_NAME)
AR = ("ar-SA", FIXTURES / "ar-SA" / SEED_NAME)


def msgfmt_check(*catalogs: Path) -> None:
    for c in catalogs:
        r = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(c)], capture_output=True, text=True, check=False)
        assert r.returncode == 0 and r.stderr == "", (c, r.stderr)


def test_seed_catalog_entries(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    po = polib.pofile(str(ws.catalog()))
    article = twinspan.load(ws.article())
    assert [e.msgctxt for e in po] == [f"44498-{n}" for n in range(102, 131)]
    for e, seg in zip(po, article.segments, strict=True):
        assert e.msgid == seg.source.text and e.msgstr == seg.translation.text
        assert e.occurrences == [(f"content/ar-SA/{SEED_NAME}", str(seg.translation.line))]
        assert e.fuzzy  # MT: machine output awaits review
    places = {e.msgctxt: e.comment for e in po}
    assert places["44498-102"] == "title"
    assert places["44498-103"] == "paragraph"
    assert places["44498-104"] == "procedure 1 › step 1"
    assert places["44498-105"] == "procedure 1 › step 1 › sub-step a (label)"
    assert places["44498-106"] == "procedure 1 › step 1 › sub-step a"
    assert places["44498-121"] == "procedure 1 › step 2 › sub-step d"
    assert places["44498-130"] == "procedure 1 › step 3 › sub-step c"
    e = entry(po, "44498-104")
    assert e.msgid.startswith("Disable the [Azure security defaults](/azure/") and "**Enable security defaults**" in e.msgid
    text = ws.catalog().read_text(encoding="utf-8")
    assert (
        '#. procedure 1 › step 2 › sub-step b\n#: content/ar-SA/solving-smtp-authentication-issues.md:37\n#, fuzzy\nmsgctxt "44498-119"'
        in text
    )
    msgfmt_check(ws.catalog())


def test_headers_and_plural_forms_per_locale(tmp_path: Path) -> None:
    ws = workspace(tmp_path, AR, HE, DE)
    expected = {
        "ar-SA": ("ar_SA", "nplurals=6;", True),
        "he-IL": ("he_IL", "nplurals=3;", True),
        "de-DE": ("de_DE", "nplurals=2; plural=(n != 1);", False),
    }
    for locale, (language, plural, fuzzy) in expected.items():
        catalog = ws.catalog(locale=locale)
        po = polib.pofile(str(catalog))
        md = po.metadata
        assert md["Language"] == language
        assert md["Plural-Forms"].startswith(plural)
        assert md["Content-Type"] == "text/plain; charset=UTF-8" and md["Content-Transfer-Encoding"] == "8bit"
        assert md["Project-Id-Version"] == f"twinspan-content {locale}/solving-smtp-authentication-issues"
        assert md["X-Twinspan-Article"] == f"{locale}/{SEED_NAME}"
        assert all(e.fuzzy == fuzzy for e in po), locale  # de-DE is HT: reviewed human translation
        msgfmt_check(catalog)


def _plural_index(rule: str, n: int) -> int:
    expr = rule.split("plural=", 1)[1].rstrip(";").replace("&&", " and ").replace("||", " or ")
    # C's ternary a ? b : c, right-associative, as nested Python conditionals
    while "?" in expr:
        q = expr.rindex("?")
        colon = expr.index(":", q)
        cond_start = max(expr.rfind(c, 0, q) for c in "(:") + 1
        cond, then = expr[cond_start:q], expr[q + 1 : colon]
        end = colon + 1
        depth = 0
        while end < len(expr) and not (depth == 0 and expr[end] in "):"):
            depth += {"(": 1, ")": -1}.get(expr[end], 0)
            end += 1
        other = expr[colon + 1 : end]
        expr = f"{expr[:cond_start]}(({then}) if ({cond}) else ({other})){expr[end:]}"
    return int(eval(expr, {}, {"n": n}))  # a trusted rule from Babel, in a test


@pytest.mark.parametrize(
    ("locale", "samples"),
    [
        ("ar-SA", {0: 0, 1: 1, 2: 2, 3: 3, 10: 3, 11: 4, 99: 4, 100: 5, 102: 5, 103: 3, 111: 4}),
        ("he-IL", {1: 0, 2: 1, 3: 2, 10: 2, 20: 2}),
        ("de-DE", {0: 1, 1: 0, 2: 1}),
    ],
)
def test_plural_rules_pick_the_right_form(locale: str, samples: dict[int, int]) -> None:
    rule = plural_forms(locale)
    for n, form in samples.items():
        assert _plural_index(rule, n) == form, (locale, n)


def test_msgfmt_checks_the_plural_header_against_a_plural_entry(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    po = polib.pofile(str(ws.catalog()))
    po.append(polib.POEntry(msgid="one file", msgid_plural="{n} files", msgstr_plural={i: f"ملف {i}" for i in range(6)}))
    good = tmp_path / "six.po"
    po.save(str(good))
    msgfmt_check(good)
    po[-1].msgstr_plural = {i: f"ملف {i}" for i in range(5)}
    bad = tmp_path / "five.po"
    po.save(str(bad))
    r = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(bad)], capture_output=True, text=True, check=False)
    assert r.returncode != 0  # so the six-form header is what msgfmt holds entries to


DUPLICATED = """---
ms.contentlocale: ar-SA
ms.translationtype: HT
---
# <span data-ttu-id="dup01-101">عنوان</span><span class="sxs-lookup"><span data-stu-id="dup01-101">Title</span></span>

1. <span data-ttu-id="dup01-102">خطوة أولى</span><span class="sxs-lookup"><span data-stu-id="dup01-102">First step</span></span>
2. <span data-ttu-id="dup01-102">خطوة ثانية</span><span class="sxs-lookup"><span data-stu-id="dup01-102">Second step</span></span>
3. <span data-ttu-id="dup01-102">خطوة ثالثة</span><span class="sxs-lookup"><span data-stu-id="dup01-102">First step</span></span>
4. <span data-ttu-id="dup01-104">بلا مصدر</span>

<span class="sxs-lookup"><span data-stu-id="dup01-105">Orphan source</span></span>
"""


def test_duplicate_ids_get_unique_contexts_and_unpaired_halves_are_reported(tmp_path: Path) -> None:
    src = tmp_path / "src" / "dup.md"
    src.parent.mkdir()
    src.write_text(DUPLICATED, encoding="utf-8")
    ws = workspace(tmp_path / "ws", ("ar-SA", src))
    r = ws.extract()
    assert "dup.md:10:4: segment dup01-104 has no source span: it has no PO entry" in r.stderr
    assert "segment dup01-105 has no translation span" in r.stderr
    po = polib.pofile(str(ws.catalog("dup.md")))
    assert [(e.msgctxt, e.msgid) for e in po] == [
        ("dup01-101", "Title"),
        ("dup01-102", "First step"),
        ("dup01-102#2", "Second step"),
        ("dup01-102#3", "First step"),  # same msgctxt + msgid would be a duplicate definition for msgfmt
    ]
    assert [e.comment for e in po][1:] == ["procedure 1 › step 1", "procedure 1 › step 2", "procedure 1 › step 3"]
    msgfmt_check(ws.catalog("dup.md"))
    # the suffixed context maps back to that occurrence
    ws.edit(ws.catalog("dup.md"), {"dup01-102#3": "خطوة ثالثة معدلة"})
    r = ws.apply()
    assert r.returncode == 0, r.stderr
    text = ws.article("dup.md").read_text(encoding="utf-8")
    assert text == DUPLICATED.replace("خطوة ثالثة", "خطوة ثالثة معدلة")


def test_units_cover_every_paired_segment_of_the_fixtures() -> None:
    for path in sorted(FIXTURES.rglob("*.md")):
        a = twinspan.load(path)
        units = units_of(a)
        assert len(units.units) + len(units.skipped) == len(a.segments)
        assert all(u.place for u in units.units)


def test_names_with_spaces_are_isolated_in_references(tmp_path: Path) -> None:
    src = tmp_path / "src" / "a name with spaces.md"
    src.parent.mkdir()
    src.write_bytes((FIXTURES / "ar-SA" / SEED_NAME).read_bytes())
    ws = workspace(tmp_path / "ws", ("ar-SA", src))
    text = ws.catalog("a name with spaces.md").read_text(encoding="utf-8")
    assert "#: \u2068content/ar-SA/a name with spaces.md\u2069:22\n" in text  # as GNU gettext >= 0.22 writes it


def test_extract_keeps_unapplied_work_unless_forced(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    catalog = ws.catalog()
    first = catalog.read_bytes()
    r = ws.extract()
    assert r.returncode == 0 and "0 catalogs written, 1 unchanged" in r.stderr
    ws.edit(catalog, {"44498-114": "حدد **حفظ** الآن."})
    edited = catalog.read_bytes()
    r = ws.extract()
    assert r.returncode == 1
    assert "translations/ar-SA/solving-smtp-authentication-issues.po: holds 1 msgstr differing from the article (first: line" in r.stderr
    assert "msgctxt 44498-114); run `twinspan po apply` first" in r.stderr
    assert catalog.read_bytes() == edited
    ws.edit(catalog, {"44498-114": "حدد **حفظ**."}, approve={"44498-110"})  # edit undone, one approval not yet applied
    r = ws.extract()
    assert r.returncode == 1 and "1 approvals (fuzzy cleared) not yet recorded" in r.stderr
    r = ws.extract("--force")
    assert r.returncode == 0 and catalog.read_bytes() == first


def test_corpus_readme_without_segments_gets_no_catalog(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    (ws.content / "README.md").write_text("# Content\n\nNo spans here.\n", encoding="utf-8")
    r = ws.extract()
    assert r.returncode == 0 and "1 without segments" in r.stderr
    assert sorted(p.name for p in ws.translations.rglob("*.po")) == [SEED_NAME.replace(".md", ".po")]


# As in zh-CN/editing-documents-in-teams.md and ru-RU/ediscovery-export-tool.md (a translation span closed on
# the next line, its source not), and project-operations' table cells (both spans start on a new line).
LAYOUT = """---
ms.contentlocale: zh-CN
ms.translationtype: HT
---
# <span data-ttu-id="lay01-101">标题</span><span class="sxs-lookup"><span data-stu-id="lay01-101">Title</span></span>

<span data-ttu-id="lay01-102">允许用户直接进入编辑模式。
</span><span class="sxs-lookup"><span data-stu-id="lay01-102">Allows users to go straight to edit mode.</span></span>

  - <span data-ttu-id="lay01-103">Windows 7 и более поздней версии.


</span><span class="sxs-lookup"><span data-stu-id="lay01-103">Windows 7 and later versions</span></span>

<table><tr><td><span data-ttu-id="lay01-104">
        <strong>场景</strong>
    </span><span class="sxs-lookup"><span data-stu-id="lay01-104">
        <strong>Scenario</strong>
    </span></span></td></tr></table>
"""


def test_line_breaks_at_span_edges_stay_in_the_file_and_out_of_the_catalog(tmp_path: Path) -> None:
    src = tmp_path / "src" / "layout.md"
    src.parent.mkdir()
    src.write_text(LAYOUT, encoding="utf-8")
    ws = workspace(tmp_path / "ws", ("zh-CN", src))
    catalog = ws.catalog("layout.md", "zh-CN")
    msgfmt_check(catalog)  # refused ("do not both end with '\n'") when the edges were in msgstr and not in msgid
    # (HT: not fuzzy, so msgfmt checks the entries; it passes over fuzzy ones)
    po = polib.pofile(str(catalog))
    assert [(e.msgid, e.msgstr) for e in po][1:] == [
        ("Allows users to go straight to edit mode.", "允许用户直接进入编辑模式。"),
        ("Windows 7 and later versions", "Windows 7 и более поздней версии."),
        ("<strong>Scenario</strong>", "<strong>场景</strong>"),
    ]
    r = ws.apply()  # nothing edited: nothing written
    assert r.returncode == 0 and ws.article("layout.md", "zh-CN").read_text(encoding="utf-8") == LAYOUT, r.stderr
    ws.edit(catalog, {"lay01-102": "允许用户进入编辑模式。", "lay01-104": "<strong>方案</strong>"})
    r = ws.apply()
    assert r.returncode == 0, r.stderr
    expected = LAYOUT.replace("允许用户直接进入编辑模式。", "允许用户进入编辑模式。").replace(
        "<strong>场景</strong>", "<strong>方案</strong>"
    )
    assert ws.article("layout.md", "zh-CN").read_text(encoding="utf-8") == expected  # the edges as they were
    r = ws.extract()
    assert r.returncode == 0, r.stderr
    assert entry(polib.pofile(str(catalog)), "lay01-104").msgstr == "<strong>方案</strong>"
    msgfmt_check(catalog)
