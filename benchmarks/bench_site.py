"""Site benchmark: the whole knowledge base through `mkdocs build`, both languages.

Prints the build's wall and CPU time, and per language the pages, output size and search
index size, with the command that made them. Beside it, in the same run, the obvious
approach on a sample: plain Material with every article in the navigation (each page then
carries the whole navigation, so size grows with the square of the article count), and
twinspan on the same sample.

    python benchmarks/bench_site.py --corpus ../shared/corpus [--sample 300 | --sample 0]
"""

from __future__ import annotations

import argparse
import os
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


@dataclass
class Run:
    command: str
    wall: float
    cpu: float
    peak_mb: float  # the largest resident set of any of its processes
    returncode: int
    stderr: str


def run(cmd: list[str], env: dict[str, str]) -> Run:
    """Run *cmd*; wall time and the CPU time of it and all its children (forked or spawned)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    shown = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items()) + " " + " ".join(shlex.quote(c) for c in cmd)
    return Run(shown.strip(), wall, cpu, after.ru_maxrss / 1024, proc.returncode, proc.stderr)


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def pages(path: Path) -> int:
    return sum(1 for _ in path.rglob("index.html"))


def twinspan_build(content: Path, site: Path) -> Run:
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)]
    return run(cmd, {"TWINSPAN_CONTENT": str(content)})


def report_site(title: str, result: Run, site: Path) -> None:
    print(f"{title}")
    print(f"  command: {result.command}")
    if result.returncode != 0:
        print(f"  FAILED ({result.returncode}): {result.stderr[-2000:]}")
        return
    print(
        f"  wall {result.wall:.1f} s, CPU {result.cpu:.1f} s (all processes), peak memory {result.peak_mb:.0f} MB (largest process "
        f"so far); output {size(site) / MB:.1f} MB in total"
    )
    for lang in sorted(p.name for p in site.iterdir() if p.is_dir()):
        index = site / lang / "search" / "search_index.json"
        print(
            f"  {lang}: {pages(site / lang):>5,} pages, {size(site / lang) / MB:6.1f} MB, "
            f"search index {index.stat().st_size / MB if index.exists() else 0:5.1f} MB"
        )


def reference(articles: list[Path], folder: Path) -> tuple[Run, Path]:
    """Plain Material over the articles as they are: every page in the navigation, one language."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Knowledge base\n", encoding="utf-8")
    for p in articles:
        shutil.copy2(p, docs / p.name)
    config = folder / "mkdocs.yml"
    config.write_text(
        "site_name: reference\ntheme:\n  name: material\n  language: ar\n  font: false\nplugins:\n  - search\n", encoding="utf-8"
    )
    site = folder / "site"
    return run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)], {}), site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"), help="the corpus root (with alchemy-insights/)")
    parser.add_argument("--sample", type=int, default=300, help="articles for the side-by-side with plain Material (0: skip)")
    args = parser.parse_args(argv)
    content = Path(args.corpus) / "alchemy-insights"
    if not (content / "ar-SA").is_dir():
        print(f"bench_site: no corpus at {content} (set --corpus)")
        return 0
    cores = len(os.sched_getaffinity(0))
    print(f"machine: {cores} cores, load average {os.getloadavg()[0]:.1f} at start (other work slows the wall time, not the CPU time)")
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        base = Path(tmp)
        result = twinspan_build(content, base / "site")
        count = len(list((content / "ar-SA").glob("*.md")))
        report_site(f"twinspan site, the whole knowledge base ({count:,} ar-SA articles, and he-IL/de-DE):", result, base / "site")
        shutil.rmtree(base / "site", ignore_errors=True)
        if args.sample:
            sample = sorted((content / "ar-SA").glob("*.md"))[: args.sample]
            ref, ref_site = reference(sample, base / "reference")
            print(f"plain Material, every article in the navigation, the first {len(sample)} articles, Arabic only (the obvious approach):")
            print(f"  command: {ref.command}")
            if ref.returncode == 0:
                index = ref_site / "search" / "search_index.json"
                print(
                    f"  wall {ref.wall:.1f} s, CPU {ref.cpu:.1f} s; {pages(ref_site):,} pages, {size(ref_site) / MB:.1f} MB, "
                    f"search index {index.stat().st_size / MB:.1f} MB"
                )
            else:
                print(f"  FAILED: {ref.stderr[-2000:]}")
            small = base / "sample" / "ar-SA"
            small.mkdir(parents=True)
            for p in sample:
                shutil.copy2(p, small / p.name)
            if (content / "ar-SA" / "media").is_dir():
                shutil.copytree(content / "ar-SA" / "media", small / "media")
            mine = twinspan_build(base / "sample", base / "sample-site")
            report_site(f"twinspan on the same {len(sample)} articles (Arabic and English):", mine, base / "sample-site")
    return 0


if __name__ == "__main__":
    sys.exit(main())
