"""Export benchmark: steps JSON, HowTo, PO extract/apply over the corpus, beside parsing alone and msgfmt.

Run through ``make bench`` (benchmarks/run.py) or directly:
``python benchmarks/bench_export.py --corpus ../shared/corpus [--jobs N]``.

Figures are printed with the command that made them. Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import twinspan
from twinspan.export import howto_jsonld, steps_document
from twinspan.export.jsonfiles import dumps
from twinspan.export.po_apply import apply_catalogs
from twinspan.export.po_extract import extract_paths
from twinspan.pipeline import map_files


def parse_only(path: str) -> int:
    return len(twinspan.load(path).segments)


def steps_bytes(path: str) -> int:
    return len(dumps(steps_document(twinspan.load(path))))


def howto_bytes(path: str) -> int:
    a = twinspan.load(path)
    return len(dumps(howto_jsonld(a, "translation"))) + len(dumps(howto_jsonld(a, "source")))


def timed(label: str, n: int, func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    took = time.perf_counter() - start
    print(f"{label:<44} {took:7.2f} s  {n / took:8.0f} files/s")
    return took


def msgfmt_all(catalogs: list[Path]) -> int:
    def one(p: Path) -> int:
        return subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(p)], capture_output=True, check=False).returncode

    with ThreadPoolExecutor(max_workers=4) as pool:
        return sum(1 for code in pool.map(one, catalogs) if code)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    if not (args.corpus / "alchemy-insights").is_dir():
        print(f"bench_export: no corpus at {args.corpus}; skipped")
        return 0
    print(f"$ python benchmarks/bench_export.py --corpus {args.corpus} --jobs {args.jobs}")
    files = [str(p) for p in sorted(args.corpus.rglob("*.md"))]
    n = len(files)
    print(f"{n} articles, {sum(Path(f).stat().st_size for f in files) / 1e6:.1f} MB")
    timed("parse only (the floor)", n, lambda: sum(map_files(parse_only, files, args.jobs)))
    timed("steps JSON documents, in memory", n, lambda: sum(map_files(steps_bytes, files, args.jobs)))
    timed("HowTo JSON-LD, both languages, in memory", n, lambda: sum(map_files(howto_bytes, files, args.jobs)))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "translations"
        timed("po extract (writes every catalog, fsync)", n, lambda: extract_paths([str(args.corpus)], out, jobs=args.jobs))
        timed("po extract again (all unchanged)", n, lambda: extract_paths([str(args.corpus)], out, jobs=args.jobs))
        catalogs = sorted(out.rglob("*.po"))
        content = args.corpus / "alchemy-insights"
        timed("po apply --check (no edits)", len(catalogs), lambda: apply_catalogs([out], content, check=True, jobs=args.jobs))
        failed: list[int] = []
        timed("msgfmt --check, one process per catalog", len(catalogs), lambda: failed.append(msgfmt_all(catalogs)))
        print(f"msgfmt --check failures: {failed[0]} of {len(catalogs)} catalogs")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MiB (main), {children:.0f} MiB (largest worker or msgfmt)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
