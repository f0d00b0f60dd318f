"""Acceptance run over the whole real corpus through the installed CLI (what .ci/run adds).

Parses every file of the corpus with ``twinspan parse --format json`` (in two halves, one per
core), checks that every article came back with its segments, checks the whole corpus with
``twinspan check``, extracts every product's PO catalogs with ``twinspan po extract`` and has GNU
``msgfmt --check`` read each one (fuzzy entries included), and prints totals per folder.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

#: The CLI of the interpreter running this script (a CI shell has no activated venv).
TWINSPAN = [sys.executable, "-m", "twinspan"]


def run_cli(paths: list[str]) -> dict[str, object]:
    r = subprocess.run([*TWINSPAN, "parse", "--format", "json", *paths], capture_output=True, text=True, check=False)
    if r.returncode != 0:
        raise SystemExit(f"twinspan parse failed ({r.returncode}): {r.stderr[-2000:]}")
    data: dict[str, object] = json.loads(r.stdout)
    return data


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default="../shared/corpus")
    args = ap.parse_args()
    root = Path(args.corpus)
    files = sorted(str(p) for p in root.rglob("*.md"))
    t0 = time.perf_counter()
    halves = [files[0::2], files[1::2]]
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(run_cli, halves))
    articles = [a for r in results for a in r["articles"]]  # type: ignore[attr-defined]
    dt = time.perf_counter() - t0
    if len(articles) != len(files):
        print(f"acceptance: {len(files)} files but {len(articles)} articles", file=sys.stderr)
        return 1
    segments = sum(len(a["segments"]) for a in articles)
    expected = sum(Path(f).read_bytes().count(b"data-ttu-id=") for f in files)
    with_translation = sum(1 for a in articles for s in a["segments"] if s["translation"] is not None)
    codes = Counter(d["code"] for a in articles for d in a["diagnostics"])
    procedures = sum(len(a["procedures"]) for a in articles)
    print(f"$ python benchmarks/acceptance.py --corpus {args.corpus}")
    print(f"acceptance: {len(articles)} files, {segments} segments, {procedures} procedures in {dt:.1f} s")
    print(f"translation spans: {with_translation} parsed of {expected} data-ttu-id occurrences")
    print("diagnostics: " + ", ".join(f"{k} {v}" for k, v in sorted(codes.items())))
    if with_translation != expected:
        print("acceptance: FAILED, segments lost", file=sys.stderr)
        return 1
    # The QA gate over the same corpus: it must finish and report (exit 1: it has real defects), never fail (2).
    t0 = time.perf_counter()
    r = subprocess.run([*TWINSPAN, "check", "--format", "json", "--no-cache", str(root)], capture_output=True, text=True, check=False)
    dt = time.perf_counter() - t0
    if r.returncode not in (0, 1):
        print(f"acceptance: twinspan check exited {r.returncode}: {r.stderr[-2000:]}", file=sys.stderr)
        return 1
    report = json.loads(r.stdout)
    by_code = Counter(f["code"] for f in report["findings"])
    print(f"check: {report['files']} files, {report['segments']} segments, {len(report['findings'])} findings in {dt:.1f} s")
    print("findings: " + ", ".join(f"{k} {v}" for k, v in sorted(by_code.items())))
    per_folder: Counter[str] = Counter()
    for f in report["findings"]:
        per_folder[_folder(Path(f["path"]), root)] += 1
    seg_per_folder: Counter[str] = Counter()
    files_per_folder: Counter[str] = Counter()
    for a in articles:
        folder = _folder(Path(a["path"]), root)  # type: ignore[index]
        files_per_folder[folder] += 1
        seg_per_folder[folder] += len(a["segments"])  # type: ignore[index]
    for folder in sorted(files_per_folder):
        print(f"  {folder}: {files_per_folder[folder]} files, {seg_per_folder[folder]} segments, {per_folder[folder]} findings")
    if not po_catalogs(root):
        return 1
    print("acceptance: 3 passed, 0 failed")
    return 0


def _folder(path: Path, root: Path) -> str:
    """``product/locale`` of a corpus file (the file's own name for one at the top)."""
    try:
        parts = path.resolve().relative_to(root.resolve()).parts
    except ValueError:
        return str(path)
    return "/".join(parts[:2]) if len(parts) > 2 else parts[0]


def po_catalogs(root: Path) -> bool:
    """Every product's catalogs, extracted by the CLI into a temporary folder, pass ``msgfmt --check``."""
    if shutil.which("msgfmt") is None:
        print("po: msgfmt not found (Debian's gettext): catalogs not checked")
        return True
    products = sorted(p for p in root.iterdir() if p.is_dir())
    catalogs: list[Path] = []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="twinspan-acceptance-") as tmp:
        for product in products:
            out = Path(tmp) / product.name
            r = subprocess.run([*TWINSPAN, "po", "extract", str(product), "-o", str(out)], capture_output=True, text=True, check=False)
            if r.returncode != 0:
                print(f"acceptance: po extract {product} exited {r.returncode}: {r.stderr[-2000:]}", file=sys.stderr)
                return False
            catalogs += sorted(out.rglob("*.po"))
        with ThreadPoolExecutor(2) as pool:
            refused = [(c, said) for c, code, said in pool.map(_msgfmt, catalogs) if code != 0 or said]
        dt = time.perf_counter() - t0
        print(f"po: {len(catalogs)} catalogs from {len(products)} products, {len(refused)} refused by msgfmt --check in {dt:.1f} s")
        for c, said in refused[:10]:
            print(f"  {c.relative_to(tmp)}: {said.strip()}", file=sys.stderr)
    return not refused and bool(catalogs)


def _msgfmt(catalog: Path) -> tuple[Path, int, str]:
    # --use-fuzzy: msgfmt passes over fuzzy entries otherwise (every entry of an MT article is fuzzy)
    r = subprocess.run(["msgfmt", "--check", "--use-fuzzy", "-o", "/dev/null", str(catalog)], capture_output=True, text=True, check=False)
    return catalog, r.returncode, r.stderr


if __name__ == "__main__":
    sys.exit(main())
