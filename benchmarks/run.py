"""``make bench``: every benchmark, each printing its figures with the command that made them."""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: Benchmark modules with a ``main(argv)``; each runs in its own process so peak memory is its own.
BENCHMARKS = ["bench_parse", "bench_check", "bench_export", "bench_site"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default="../shared/corpus")
    ap.add_argument("--only", default="", help="comma-separated names, e.g. bench_parse")
    args = ap.parse_args()
    wanted = [b for b in BENCHMARKS if not args.only or b in args.only.split(",")]
    status = 0
    for name in wanted:
        if importlib.util.find_spec(name) is None and not (HERE / f"{name}.py").exists():
            continue
        print(f"\n=== {name} ===", flush=True)
        rc = subprocess.call([sys.executable, str(HERE / f"{name}.py"), "--corpus", args.corpus])
        status = status or rc
    return status


if __name__ == "__main__":
    sys.exit(main())
