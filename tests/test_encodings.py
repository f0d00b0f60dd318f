"""Encodings through the consumers: the seed as UTF-8 with BOM, UTF-16 LE/BE with BOM and with
mixed line endings (CRLF, LF, CR) is exported, checked, applied to from PO (written back in its
own encoding and line endings, only the edited span changed) and rendered on the site."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polib
import pytest

import twinspan
from conftest import FIXTURES, SEED_NAME
from sitetools import build_site, make_content
from twinspan.checks import check_paths
from twinspan.export.jsonfiles import export_paths
from twinspan.export.po_apply import apply_catalogs
from twinspan.export.po_extract import extract_paths

SEED = (FIXTURES / "ar-SA" / SEED_NAME).read_text(encoding="utf-8")


def mixed_endings(text: str) -> str:
    """Every third line ends in CRLF, the others in LF (what editors on two systems produce)."""
    lines = text.split("\n")
    return "".join(line + ("\r\n" if k % 3 == 0 else "\n") for k, line in enumerate(lines[:-1])) + lines[-1]


def positions_in_bytes_dropped(doc: object) -> object:
    """The export without its byte offsets (they differ by encoding) and its path."""
    if isinstance(doc, dict):
        return {k: positions_in_bytes_dropped(v) for k, v in doc.items() if "byte" not in k and k != "path"}
    if isinstance(doc, list):
        return [positions_in_bytes_dropped(v) for v in doc]
    return doc


VARIANTS = {
    "utf8-bom": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    "utf16-le": lambda t: ("\ufeff" + t).encode("utf-16-le"),
    "utf16-be": lambda t: ("\ufeff" + t).encode("utf-16-be"),
    "mixed-endings": lambda t: mixed_endings(t).encode("utf-8"),
    "utf16-mixed": lambda t: ("\ufeff" + mixed_endings(t)).encode("utf-16-le"),
}


@pytest.fixture(params=sorted(VARIANTS))
def variant(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, Path, bytes]:
    data = VARIANTS[request.param](SEED)
    path = tmp_path / "content" / "ar-SA" / SEED_NAME
    path.parent.mkdir(parents=True)
    path.write_bytes(data)
    return request.param, path, data


def test_export_and_check_see_the_same_article_as_utf8(variant: tuple[str, Path, bytes], tmp_path: Path) -> None:
    name, path, data = variant
    reference = tmp_path / "ref" / "ar-SA" / SEED_NAME
    reference.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "ar-SA" / SEED_NAME, reference)
    export_paths([str(path.parent)], tmp_path / "out")
    export_paths([str(reference.parent)], tmp_path / "out-ref")
    got = json.loads((tmp_path / "out" / "ar-SA" / SEED_NAME.replace(".md", ".json")).read_text(encoding="utf-8"))
    want = json.loads((tmp_path / "out-ref" / "ar-SA" / SEED_NAME.replace(".md", ".json")).read_text(encoding="utf-8"))
    assert positions_in_bytes_dropped(got) == positions_in_bytes_dropped(want)  # lines, columns, text: all the same
    if name in ("utf8-bom", "utf16-le", "utf16-be"):  # same lines: same positions
        found = sorted((f.code, f.line, f.column, f.segment) for f in check_paths([str(path)]).findings)
        assert found == sorted((f.code, f.line, f.column, f.segment) for f in check_paths([str(reference)]).findings)
    assert path.read_bytes() == data  # reading changes nothing


def test_po_apply_writes_back_in_the_original_encoding_and_line_endings(variant: tuple[str, Path, bytes], tmp_path: Path) -> None:
    _, path, data = variant
    translations = tmp_path / "translations"
    assert not extract_paths([str(path.parent.parent)], translations, jobs=1).errors
    catalog = translations / "ar-SA" / SEED_NAME.replace(".md", ".po")
    po = polib.pofile(str(catalog))
    entry = next(e for e in po if e.msgctxt == "44498-104")
    old = entry.msgstr
    entry.msgstr = "نص محرر"
    po.save(str(catalog))
    report = apply_catalogs([translations], path.parent.parent, jobs=1)
    assert not report.problems, report.problems
    after = path.read_bytes()
    a = twinspan.parse(after)
    assert a.raw_bytes_encoding == twinspan.parse(data).raw_bytes_encoding
    assert a.segment("44498-104").translation.text == "نص محرر"
    assert after == a.dump_bytes()
    # only the span changed: the rest of the bytes (BOM, line endings) are the original's
    expected = twinspan.parse(data).dump().replace(old, "نص محرر", 1)
    assert a.dump() == expected


@pytest.mark.xdist_group("site-build")
def test_the_site_renders_utf16_and_mixed_endings_like_utf8(tmp_path: Path) -> None:
    extra = {f"enc-{name}.md": VARIANTS[name](SEED) for name in ("utf16-le", "utf16-be", "utf16-mixed", "mixed-endings")}
    content = make_content(tmp_path / "content", extra, with_repo_content=False)  # type: ignore[arg-type]
    shutil.copy(FIXTURES / "ar-SA" / SEED_NAME, content / "ar-SA" / SEED_NAME)
    result = build_site(content, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    ref = (tmp_path / "site" / "ar" / "solving-smtp-authentication-issues" / "index.html").read_text(encoding="utf-8")
    body = ref[ref.index('<div class="ts-article"') :].split("</article>")[0]
    for name in extra:
        page = (tmp_path / "site" / "ar" / name[:-3] / "index.html").read_text(encoding="utf-8")
        mine = page[page.index('<div class="ts-article"') :].split("</article>")[0]
        assert mine.replace(f'data-slug="{name[:-3]}"', 'data-slug="solving-smtp-authentication-issues"') == body, name
        assert "\ufeff" not in mine and "\r" not in mine
