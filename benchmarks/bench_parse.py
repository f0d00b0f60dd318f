"""Parse benchmark: the whole corpus, twinspan against a bare regex floor and BeautifulSoup.

Each approach reads the same files from disk inside the timed region. Run through
``make bench`` (benchmarks/run.py) or directly: ``python benchmarks/bench_parse.py --corpus ../shared/corpus``.
"""

from __future__ import annotations

import argparse
import gc
import re
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

import twinspan
from twinspan.pipeline import map_files

_PAIR = re.compile(
    rb'<span data-ttu-id="([^"]*)">(.*?)</span><span class="sxs-lookup"><span data-stu-id="([^"]*)">(.*?)</span></span>', re.S
)


def _regex(path: str) -> tuple[int, int]:
    data = Path(path).read_bytes()
    return len(_PAIR.findall(data)), len(data)


def _bs4(path: str) -> tuple[int, int]:
    from bs4 import BeautifulSoup

    data = Path(path).read_bytes()
    text = data.decode("utf-8", "replace")
    body = text.split("\n---", 1)[-1]
    soup = BeautifulSoup(body, "lxml")
    n = 0
    for span in soup.find_all("span", attrs={"data-ttu-id": True}):
        sib = span.find_next_sibling("span")
        if sib is not None and sib.find("span", attrs={"data-stu-id": True}) is not None:
            n += 1
    return n, len(data)


def _twinspan(path: str) -> tuple[int, int]:
    data = Path(path).read_bytes()
    a = twinspan.parse(data, path=path)
    return len(a.segments), len(data)


def _twinspan_inline(path: str) -> tuple[int, int]:
    """The full model with every side's inline structure materialised (what a check needs)."""
    data = Path(path).read_bytes()
    a = twinspan.parse(data, path=path)
    for seg in a.segments:
        for side in (seg.translation, seg.source):
            if side is not None:
                side.inline  # noqa: B018
    return len(a.segments), len(data)


def _peak_rss_mib() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def measure(name: str, func: Callable[[str], tuple[int, int]], files: list[str], jobs: int) -> dict[str, float | str]:
    gc.collect()
    t0 = time.perf_counter()
    segs = size = 0
    for n, b in map_files(func, files, jobs=jobs):
        segs += n
        size += b
    dt = time.perf_counter() - t0
    return {"name": name, "jobs": jobs, "seconds": dt, "files": len(files), "segments": segs, "mb": size / 1e6}


def report(rows: list[dict[str, float | str]]) -> None:
    print(f"{'approach':<34}{'jobs':>5}{'seconds':>9}{'files/s':>10}{'MB/s':>8}{'segments/s':>12}{'segments':>10}")
    for r in rows:
        s = float(r["seconds"])
        print(
            f"{r['name']!s:<34}{r['jobs']!s:>5}{s:>9.2f}{float(r['files']) / s:>10.0f}{float(r['mb']) / s:>8.2f}"
            f"{float(r['segments']) / s:>12.0f}{r['segments']!s:>10}"
        )


def blocks_section(files: list[str], repeat: int = 3) -> None:
    """The block tree of every body: twinspan's reader (block_rules.fast, markdown-it where it declines)
    against markdown-it alone, the obvious approach; best CPU time of *repeat*, bodies in memory."""
    from twinspan import block_rules, frontmatter, structure
    from twinspan.source import decode

    bodies = []
    for f in files:
        text = decode(Path(f).read_bytes()).text
        bodies.append(text[frontmatter.split(text).body_start :])

    def best(func: Callable[[str, int], object]) -> float:
        runs = []
        for _ in range(repeat):
            gc.collect()
            t0 = time.process_time()
            for body in bodies:
                func(body, 1)
            runs.append(time.process_time() - t0)
        return min(runs)

    fast = sum(block_rules.fast(b, 1, 2 + b.count("\n"), structure.MAX_NESTING) is not None for b in bodies)
    ours, theirs = best(structure.parse_blocks), best(structure.markdown_it_blocks)
    print(f"block trees of {len(bodies)} bodies, 1 process, best CPU of {repeat}:")
    print(f"    {'markdown-it tokens -> tree':<42}{theirs:6.2f} s")
    print(f"    {'block_rules.fast, else markdown-it':<42}{ours:6.2f} s  ({theirs / ours:.1f}x; {fast} bodies read fast)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default="../shared/corpus")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--skip-bs4", action="store_true")
    args = ap.parse_args(argv)
    folder = Path(args.corpus) / "alchemy-insights" / "ar-SA"
    if not folder.is_dir():
        print(f"bench_parse: no corpus at {folder}; skipped")
        return 0
    files = sorted(str(p) for p in folder.glob("*.md"))  # the 2,715 articles, not includes/dialogues
    print(f"$ python benchmarks/bench_parse.py --corpus {args.corpus} --jobs {args.jobs}")
    print(f"parse: {len(files)} ar-SA articles, {sum(Path(f).stat().st_size for f in files) / 1e6:.2f} MB")
    rows = [measure("regex over span pairs (floor)", _regex, files, 1)]
    if not args.skip_bs4:
        rows.append(measure("BeautifulSoup(lxml) per body", _bs4, files, 1))
    rows.append(measure("twinspan.parse", _twinspan, files, 1))
    rows.append(measure("twinspan.parse", _twinspan, files, args.jobs))
    rows.append(measure("twinspan.parse + all inline", _twinspan_inline, files, args.jobs))
    report(rows)
    blocks_section(files)
    own, kids = _peak_rss_mib()
    print(f"peak RSS: {own:.0f} MiB in the main process (single-process runs), {kids:.0f} MiB in the largest worker")
    return 0


if __name__ == "__main__":
    sys.exit(main())
