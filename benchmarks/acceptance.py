"""Acceptance run over the whole real corpus through the installed CLI (what .ci/run adds).

Parses every file of the corpus with ``twinspan parse --format json`` (in two halves, one per
core), checks that every article came back with its segments, and prints totals.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
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
    print("acceptance: 2 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
