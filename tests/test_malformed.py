"""Bad input becomes diagnostics with positions; parsing never raises and never loses a byte."""

from __future__ import annotations

import pytest

import twinspan
from twinspan import diagnostics as D

FM = "---\nms.contentlocale: ar-SA\nms.translationtype: MT\n---\n"


def pair(i: str, tr: str, src: str, sid: str | None = None) -> str:
    return f'<span data-ttu-id="{i}">{tr}</span><span class="sxs-lookup"><span data-stu-id="{sid or i}">{src}</span></span>'


def codes(a: twinspan.Article) -> list[str]:
    return [d.code for d in a.diagnostics]


def check(text: str | bytes) -> twinspan.Article:
    a = twinspan.parse(text)
    if isinstance(text, bytes):
        assert a.dump_bytes() == text
    else:
        assert a.dump() == text
    return a


def test_clean_pair_has_no_diagnostics() -> None:
    a = check(FM + pair("1-1", "مرحبا", "Hello") + "\n")
    assert codes(a) == []
    assert a.segments[0].translation.text == "مرحبا"


def test_translation_without_source() -> None:
    a = check(FM + '<span data-ttu-id="1-1">مرحبا</span> trailing\n' + pair("1-2", "ب", "b") + "\n")
    assert D.UNPAIRED_TRANSLATION in codes(a)
    d = next(d for d in a.diagnostics if d.code == D.UNPAIRED_TRANSLATION)
    assert (d.line, d.column, d.segment) == (5, 1, "1-1")
    assert [s.id for s in a.segments] == ["1-1", "1-2"]
    assert a.segments[0].source is None and a.segments[1].is_paired


def test_source_without_translation() -> None:
    a = check(FM + 'x <span class="sxs-lookup"><span data-stu-id="1-1">Hello</span></span>\n')
    d = next(d for d in a.diagnostics if d.code == D.UNPAIRED_SOURCE)
    assert (d.line, d.column) == (5, 3)
    assert a.segments[0].translation is None and a.segments[0].source.text == "Hello"


def test_mismatched_ids() -> None:
    a = check(FM + pair("1-1", "a", "b", sid="1-9") + "\n")
    assert codes(a) == [D.ID_MISMATCH]
    assert a.segments[0].id == "1-1"


def test_escaped_quotes_in_attributes() -> None:
    text = FM + '<span data-ttu-id=&quot;1-1&quot;>a</span><span class="sxs-lookup"><span data-stu-id="1-1">b</span></span>\n'
    a = check(text)
    assert codes(a) == [D.MALFORMED_SPAN]
    assert a.segments[0].id == "1-1" and a.segments[0].is_paired


def test_unclosed_translation_span() -> None:
    a = check(FM + '<span data-ttu-id="1-1">never closed\n\n' + pair("1-2", "x", "y") + "\n")
    assert D.UNCLOSED_SPAN in codes(a)
    assert a.segments[0].translation.text == "never closed"
    assert a.segments[1].is_paired and a.segments[1].translation.text == "x"


def test_stray_closing_span_and_unknown_tag() -> None:
    a = check(FM + pair("1-1", "a", "b") + "</span> <domain> `<notatag>`\n")
    assert codes(a) == [D.STRAY_CLOSE, D.UNKNOWN_TAG]
    assert "<domain>" in a.diagnostics[1].message


def test_stray_close_inside_both_sides_keeps_the_pair() -> None:
    # as in the corpus's outlook-com-setting-changes.md
    line = '- <span data-ttu-id="e-1">A </span> B.</span><span class="sxs-lookup"><span data-stu-id="e-1">AA</span> BB.</span></span>\n'
    a = check(FM + line)
    assert [s.id for s in a.segments] == ["e-1"]
    assert a.segments[0].translation.text == "A </span> B."
    assert a.segments[0].source.text == "AA</span> BB."
    assert codes(a) == [D.MALFORMED_SPAN, D.MALFORMED_SPAN]


@pytest.mark.parametrize(
    ("front", "code", "line"),
    [
        ("# no front matter\n", D.FM_MISSING, 1),
        ("---\ntitle: x\n", D.FM_UNCLOSED, 1),
        ("---\ntitle: [unclosed\n---\n", D.FM_YAML, 3),
        ("---\nx: !!python/object/apply:os.system ['echo hi']\n---\n", D.FM_YAML, 2),
        ("---\n- a\n- b\n---\n", D.FM_NOT_MAPPING, 2),
        ("---\na: &a [1]\nb: [*a, *a]\n---\n", D.FM_REFUSED, 2),
        ("---\n" + "k: " + "v" * 70_000 + "\n---\n", D.FM_REFUSED, 2),
    ],
)
def test_front_matter_problems(front: str, code: str, line: int) -> None:
    a = check(front + pair("1-1", "a", "b") + "\n")
    d = next(d for d in a.diagnostics if d.code == code)
    assert d.line == line
    assert a.front_matter is None
    assert [s.id for s in a.segments] == ["1-1"]  # the body still parses


def test_yaml_tag_is_never_constructed(tmp_path) -> None:
    flag = tmp_path / "pwned"
    text = f"---\nx: !!python/object/apply:os.system ['touch {flag}']\n---\n"
    check(text)
    assert not flag.exists()


def test_invalid_utf8_and_nul_bytes_are_kept_and_located() -> None:
    data = (FM + pair("1-1", "a\x00b", "ok") + "\nbad \xff\xfe here\n").encode("utf-8")
    data = data.replace("\xff\xfe".encode(), b"\xff\xfe")
    a = check(data)
    assert codes(a).count(D.INVALID_UTF8) == 2 and D.NUL_BYTE in codes(a)
    bad = next(d for d in a.diagnostics if d.code == D.INVALID_UTF8)
    assert (bad.line, bad.column) == (6, 5)
    nul = next(d for d in a.diagnostics if d.code == D.NUL_BYTE)
    assert nul.line == 5


def test_bom_crlf_and_trailing_spaces_round_trip() -> None:
    text = "\ufeff" + FM.replace("\n", "\r\n") + pair("1-1", "a  ", "b") + "   \r\n\r\n1. " + pair("1-2", "c", "d") + "\r\n"
    data = text.encode("utf-8")
    a = check(data)
    assert codes(a) == []
    assert a.front_matter == {"ms.contentlocale": "ar-SA", "ms.translationtype": "MT"}
    assert [s.line for s in a.segments] == [5, 7]
    assert len(a.procedures) == 1 and a.procedures[0].steps[0].segments == (1,)
    assert a.segments[1].translation.element.byte_start == data.index(b'<span data-ttu-id="1-2">')


def test_utf16_with_bom_is_read_and_written_back() -> None:
    text = "\ufeff" + FM + pair("1-1", "مرحبا", "Hello") + "\n"
    data = text.encode("utf-16-le")
    a = check(data)
    assert a.segments[0].translation.text == "مرحبا"
    assert a.raw_bytes_encoding == "utf-16-le"
    assert a.segments[0].translation.content.byte_start == data.index("مرحبا".encode("utf-16-le"))


def test_a_50_mb_file_finishes_with_a_diagnostic() -> None:
    body = ("word " * 20 + "\n") * 500_000  # 50 MB, ten times the structure limit
    text = FM + pair("1-1", "a", "b") + "\n" + body + pair("1-2", "c", "d") + "\n"
    a = check(text)
    assert D.TOO_LARGE in codes(a)
    assert [s.id for s in a.segments] == ["1-1", "1-2"]
    assert a.segments[1].line == 5 + 1 + 500_000


def test_edit_changes_only_those_bytes(seed_text: str) -> None:
    a = twinspan.parse(seed_text)
    b = a.with_translations({"44498-126": "نص **جديد**", "44498-104": "[رابط](/x)"})
    new = b.dump()
    seg_old, seg_new = a.segment("44498-126"), b.segment("44498-126")
    assert seg_new.translation.text == "نص **جديد**"
    # everything before, between and after the two spans is untouched
    s104, s126 = a.segment("44498-104").translation.content, seg_old.translation.content
    assert new[: s104.start] == seed_text[: s104.start]
    delta = len("[رابط](/x)") - (s104.end - s104.start)
    assert new[s104.start + len("[رابط](/x)") : s126.start + delta] == seed_text[s104.end : s126.start]
    assert new.endswith(seed_text[s126.end :])
    assert a.dump() == seed_text  # the original model is unchanged
    with pytest.raises(KeyError):
        a.with_translations({"nope": "x"})


def test_invalid_utf8_inside_front_matter_is_a_diagnostic() -> None:
    # found by tests/test_fuzz_parse.py: libyaml raised UnicodeEncodeError on surrogate escapes
    data = b"---\ntitle: caf\xe9\nms.contentlocale: ar-SA\n---\n" + pair("1-1", "a", "b").encode() + b"\n"
    a = check(data)
    assert codes(a) == [D.INVALID_UTF8]
    assert a.front_matter == {"title": "caf\ufffd", "ms.contentlocale": "ar-SA"}
    assert a.dump_bytes() == data
