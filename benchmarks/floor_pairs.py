"""The floor under any Python checker of these files: read every Markdown file under a folder and
find its translation/source pairs with one regular expression, on --jobs processes, then test each
pair for two things (a double space, untrimmed text). No front matter, no Markdown structure, no
inline structure, no positions, no rules worth the name.

``bench_check.py`` times this beside ``twinspan check`` so that its cold figure can be read against
what the interpreter itself costs on the same files and cores:
``python benchmarks/floor_pairs.py FOLDER [--jobs N]``.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor

PAIR = re.compile(
    r'<span data-ttu-id="([^"]+)">(.*?)</span><span class="sxs-lookup"><span data-stu-id="([^"]+)">(.*?)</span></span>',
    re.S,
)


def one(path: str) -> tuple[int, int]:
    """(pairs, pairs with a double space or untrimmed translation) of one file."""
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    pairs = flagged = 0
    for m in PAIR.finditer(text):
        pairs += 1
        target = m.group(2)
        if "  " in target or target.strip() != target:
            flagged += 1
    return pairs, flagged


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args(argv)
    files = sorted(os.path.join(d, f) for d, _, names in os.walk(args.folder) for f in names if f.endswith(".md"))
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            counts = list(pool.map(one, files, chunksize=64))
    else:
        counts = [one(f) for f in files]
    print(f"{len(files)} files, {sum(p for p, _ in counts)} pairs, {sum(f for _, f in counts)} flagged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
