"""PO over the whole real corpus: msgfmt --check accepts every catalog; extract then apply changes no byte."""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import polib
import pytest

import twinspan
from conftest import corpus_files
from twinspan.export.po import units_of
from twinspan.export.po_apply import apply_catalogs
from twinspan.export.po_extract import extract_paths
from twinspan.export.po_stats import Counts, locale_counts
from twinspan.pipeline import map_files
from twinspan.source import encode

pytestmark = [pytest.mark.corpus, pytest.mark.xdist_group("po-corpus")]

_STATS = re.compile(r"(\d+) translated messages?(?:, (\d+) fuzzy translations?)?(?:, (\d+) untranslated messages?)?\.")


#: Every product of the corpus, each copied as content/<locale>/… of its own (their file names overlap).
PRODUCTS = ("alchemy-insights", "project-operations")


@pytest.fixture(scope="module")
def extracted(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, Path, Path]]:
    """Per product: its folder in the corpus, a copy of its articles as content/<locale>/…, and the catalogs
    extracted from that copy into translations/."""
    out = []
    for product in PRODUCTS:
        root = tmp_path_factory.mktemp(f"po-{product}")
        content = root / "content"
        src = corpus / product
        for f in corpus_files(src):
            dest = content / f.relative_to(src)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, dest)
        report = extract_paths([str(content)], root / "translations")
        assert report.errors == [] and report.warnings == [], product
        out.append((src, content, root / "translations"))
    return out


def _msgfmt(path: Path) -> tuple[Path, int, str]:
    # --use-fuzzy: msgfmt passes over fuzzy entries otherwise, and every entry of an MT article is fuzzy
    cmd = ["msgfmt", "--check", "--use-fuzzy", "--statistics", "-o", "/dev/null", str(path)]
    r = subprocess.run(cmd, capture_output=True, text=True, check=False)
    return path, r.returncode, r.stderr


def test_msgfmt_check_passes_on_every_catalog_and_stats_agree(extracted: list[tuple[Path, Path, Path]]) -> None:
    catalogs = sorted(c for _, _, translations in extracted for c in translations.rglob("*.po"))
    locales = {c.parent.name for c in catalogs}
    assert {"ar-SA", "ru-RU", "zh-CN", "he-IL", "de-DE"} <= locales and len(catalogs) > 9_000
    total = Counts()
    with ThreadPoolExecutor(max_workers=4) as pool:  # one msgfmt per catalog: it merges several files into one
        for path, code, said in pool.map(_msgfmt, catalogs):
            lines = said.strip().splitlines()
            assert code == 0 and len(lines) == 1, (path, said)  # no error, no warning: only the statistics line
            m = _STATS.fullmatch(lines[0])
            assert m, said
            total.add(Counts(1, int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)))
    ours = Counts()
    for c in locale_counts(catalogs).values():
        ours.add(c)
    assert ours == total
    assert total.fuzzy > 50_000 and total.translated > 50_000  # MT articles fuzzy, HT ones translated (56,383 and 55,776)


@pytest.mark.parametrize("product", range(len(PRODUCTS)), ids=PRODUCTS)
def test_extract_then_apply_changes_no_byte_of_any_file(extracted: list[tuple[Path, Path, Path]], product: int) -> None:
    src, content, translations = extracted[product]
    report = apply_catalogs([translations], content)
    assert report.problems == [] and report.changed == [] and report.edits == 0
    for f in corpus_files(src):
        assert (content / f.relative_to(src)).read_bytes() == f.read_bytes(), f
    assert not list(content.rglob("*.lock")), "po apply left its lock file in the content tree"
    # Stronger than "nothing to do": every msgstr, as read back from the PO file, put back into its span
    # with the span's layout edges (see twinspan.export.po.split_layout), gives the same bytes.
    catalogs = [str(c) for c in sorted(translations.rglob("*.po"))]
    mismatches = [m for m in map_files(functools.partial(_splice_all, content=content, translations=translations), catalogs) if m]
    assert mismatches == []


def _splice_all(catalog: str, content: Path, translations: Path) -> str | None:
    """Write every msgstr of *catalog* into its span; the article's name when the bytes differ from the file."""
    rel = Path(catalog).relative_to(translations).with_suffix(".md")
    article = twinspan.load(content / rel)
    by_context = {e.msgctxt: e.msgstr for e in polib.pofile(catalog)}
    text = article.dump()
    for unit in sorted(units_of(article).units, key=lambda u: -u.index):
        c = article.segments[unit.index].translation.content
        text = text[: c.start] + unit.span_text(by_context.pop(unit.context)) + text[c.end :]
    same = not by_context and encode(text, article.raw_bytes_encoding) == (content / rel).read_bytes()
    return None if same else str(rel)
