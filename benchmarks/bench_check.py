"""Check benchmark: ``twinspan check`` over the ar-SA corpus, beside Translate Toolkit's pofilter
run on the same segments exported as PO (written here with polib).

Every figure is the wall time of a command, printed with the command (best and median of
--repeat runs), on --jobs cores:

- pofilter: all its default checks over one PO file of every segment pair (msgid = the English
  source span, msgstr = the translation span, msgctxt = the segment id);
- twinspan check, cold: no cache, every file parsed and checked;
- the floor under it: reading every file and matching its pairs with one regex on the same cores
  (floor_pairs.py), and twinspan's imports alone (the serial start of every run);
- twinspan check, warm: the content-hash cache in place, nothing changed;
- twinspan check --changed-since HEAD in a git repository of the corpus with one file edited
  (cold cache, and warm cache);
- last, where a cold check's CPU time goes (read, parse and its parts, inline, rules), measured in
  this process with time.process_time, for whoever works on the cold figure next.

The commands run without PYTHONDONTWRITEBYTECODE, so that Python's bytecode cache works as on a
user's machine. Run through ``make bench`` (benchmarks/run.py) or directly:
``python benchmarks/bench_check.py --corpus ../shared/corpus``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polib

import twinspan
from twinspan.io import iter_markdown


def export_po(folder: Path, target: Path) -> tuple[int, int]:
    """Every segment pair of *folder* as one PO file; returns (files, units)."""
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ar_SA", "MIME-Version": "1.0"}
    files = 0
    for path in iter_markdown([folder]):
        files += 1
        article = twinspan.load(path)
        rel = path.relative_to(folder).as_posix()
        for seg in article.segments:
            if seg.translation is None or seg.source is None:
                continue
            po.append(polib.POEntry(msgctxt=seg.id, msgid=seg.source.text, msgstr=seg.translation.text, occurrences=[(rel, str(seg.line))]))
    po.save(str(target))
    return files, len(po)


Run = tuple[float, float]  # (wall seconds, CPU seconds of the command and its workers)


def timed(cmd: list[str], *, repeat: int, env: dict[str, str], cwd: Path | None = None, prepare: list[str] | None = None) -> list[Run]:
    """Wall and CPU times of *repeat* runs of *cmd* (after *prepare*, untimed, before each run)."""
    runs = []
    for _ in range(repeat):
        if prepare:
            subprocess.run(prepare, env=env, cwd=cwd, check=True, capture_output=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, check=False)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        runs.append((wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)))
        if proc.returncode not in (0, 1):
            raise SystemExit(f"failed ({proc.returncode}): {shlex.join(cmd)}\n{proc.stderr.decode(errors='replace')}")
    return runs


def show(
    label: str, cmd: list[str], runs: list[Run], *, files: int, segments: int, reference: float | None = None, cwd: Path | None = None
) -> None:
    walls = [w for w, _ in runs]
    best, median = min(walls), statistics.median(walls)
    cpu = min(c for _, c in runs)
    rate = f"  {files / best:,.0f} files/s, {segments / best:,.0f} segments/s" if segments else ""
    ratio = f"  ({reference / best:.1f}x faster than pofilter)" if reference else ""
    where = f"(cd {cwd} && " if cwd else ""
    print(f"{label:<32} wall best {best:6.2f} s, median {median:6.2f} s; CPU {cpu:6.2f} s{rate}{ratio}")
    print(f"    $ {where}{shlex.join(cmd)}{')' if cwd else ''}")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@example.com", *args], cwd=repo, check=True, capture_output=True)


def phases(folder: Path) -> None:
    """Where the cold check's CPU goes, in this process, one file after another (the workers of a
    cold run do the same work): reading, parsing (front matter, spans, the block
    tree and the rest of the structure), the inline structure of every side, then the rules."""
    from twinspan import frontmatter, spans, structure
    from twinspan.checks.config import coerce
    from twinspan.checks.engine import check_article, codes_for
    from twinspan.io import markdown_files, read_bytes
    from twinspan.parser import parse
    from twinspan.source import SourceText, decode

    config = coerce(None)
    codes = codes_for(config)
    spent = dict.fromkeys(["read", "parse", "  of which front matter", "  of which spans", "  of which block tree", "inline", "rules"], 0.0)
    for path in markdown_files([folder]):
        t0 = time.process_time()
        data = read_bytes(path)
        t1 = time.process_time()
        article = parse(data, path=path)
        t2 = time.process_time()
        for seg in article.segments:
            for side in (seg.translation, seg.source):
                if side is not None:
                    side.inline  # noqa: B018 - computed on first use
        t3 = time.process_time()
        check_article(article, config, codes=codes)
        t4 = time.process_time()
        spent["read"] += t1 - t0
        spent["parse"] += t2 - t1
        spent["inline"] += t3 - t2
        spent["rules"] += t4 - t3
        # the parts of parse, timed again on their own
        src = SourceText(decode(data).text)
        t5 = time.process_time()
        fm = frontmatter.split(src.text)
        t6 = time.process_time()
        spans.scan(src, 0, len(src.text), "ar")
        t7 = time.process_time()
        structure.parse_blocks(src.text[fm.body_start :], 1)
        t8 = time.process_time()
        spent["  of which front matter"] += t6 - t5
        spent["  of which spans"] += t7 - t6
        spent["  of which block tree"] += t8 - t7
    total = spent["read"] + spent["parse"] + spent["inline"] + spent["rules"]
    print(f"where the cold check's CPU goes (one process, {total:.2f} s CPU; a cold run splits this over its workers):")
    for name, seconds in spent.items():
        print(f"    {name:<30} {seconds:6.2f} s  {100 * seconds / total:4.0f}%")
    print(f"    $ python benchmarks/bench_check.py --corpus {folder.parent.parent}  (the last section)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default="../shared/corpus")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each twinspan command (pofilter: at most 2)")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    folder = Path(args.corpus).resolve() / "alchemy-insights" / "ar-SA"
    if not folder.is_dir():
        print(f"bench_check: no corpus at {folder}: skipped")
        return 0
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.pop("NO_COLOR", None)
    py = sys.executable
    pofilter = str(Path(py).parent / "pofilter")
    tmp = Path(tempfile.mkdtemp(prefix="twinspan-bench-check-"))
    try:
        print(
            f"machine: {os.cpu_count()} cores, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} (other work slows wall times); jobs {args.jobs}"
        )
        start = time.perf_counter()
        po = tmp / "ar-SA.po"
        files, units = export_po(folder, po)
        print(
            f"exported {units:,} segment pairs of {files:,} files as PO with polib in {time.perf_counter() - start:.1f} s ({po.stat().st_size / 1e6:.1f} MB)"
        )
        out = tmp / "out.json"
        check = [py, "-m", "twinspan", "check", str(folder), "-j", str(args.jobs), "--format", "json", "-o", str(out), "--no-progress"]

        cmd = [pofilter, "--progress=none", "-i", str(po), "-o", str(tmp / "pofilter-out.po")]
        ref_times = timed(cmd, repeat=min(2, args.repeat), env=env)
        reference = min(w for w, _ in ref_times)
        flagged = len(polib.pofile(str(tmp / "pofilter-out.po")))
        show("pofilter (all default checks)", cmd, ref_times, files=files, segments=units)
        print(f"    pofilter flagged {flagged:,} of {units:,} units")

        cold = [*check, "--no-cache"]
        show(
            "twinspan check, cold (no cache)",
            cold,
            timed(cold, repeat=args.repeat, env=env),
            files=files,
            segments=units,
            reference=reference,
        )
        doc = json.loads(out.read_text(encoding="utf-8"))
        print(f"    twinspan reported {len(doc['findings']):,} findings in {doc['files']:,} files, {doc['segments']:,} segments")

        # What the interpreter costs on the same files and cores, for reading the cold figure: the
        # floor script reads every file and matches its pairs with one regex (no Markdown, no rules),
        # and the import line is the serial start of every twinspan check.
        floor = [py, str(Path(__file__).with_name("floor_pairs.py")), str(folder), "--jobs", str(args.jobs)]
        show("floor: read + one regex, no rules", floor, timed(floor, repeat=args.repeat, env=env), files=files, segments=units)
        imports = [py, "-c", "import twinspan.cli, twinspan.checks.app, twinspan.checks.rules"]
        show("twinspan's imports alone", imports, timed(imports, repeat=args.repeat, env=env), files=0, segments=0)

        cache = tmp / "cache"
        warm = [*check, "--cache-dir", str(cache)]
        subprocess.run(warm, env=env, check=False, capture_output=True)  # primes the cache
        show("twinspan check, warm cache", warm, timed(warm, repeat=args.repeat, env=env), files=files, segments=units, reference=reference)

        repo = tmp / "repo"
        shutil.copytree(folder, repo / "ar-SA")
        _git(repo, "init", "-q")
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "-m", "corpus")
        seed = repo / "ar-SA" / "solving-smtp-authentication-issues.md"
        seed.write_text(seed.read_text(encoding="utf-8").replace("حدد **حفظ**.", "حدد حدد **حفظ**."), encoding="utf-8")
        changed = [
            py,
            "-m",
            "twinspan",
            "check",
            "ar-SA",
            "--changed-since",
            "HEAD",
            "-j",
            str(args.jobs),
            "--format",
            "json",
            "-o",
            "out.json",
            "--no-progress",
        ]
        drop_cache = ["rm", "-rf", str(repo / ".twinspan-cache")]
        show(
            "--changed-since, 1 file, cold",
            changed,
            timed(changed, repeat=args.repeat, env=env, cwd=repo, prepare=drop_cache),
            files=1,
            segments=0,
            cwd=repo,
        )
        subprocess.run(changed, env=env, cwd=repo, check=False, capture_output=True)
        show("--changed-since, 1 file, warm", changed, timed(changed, repeat=args.repeat, env=env, cwd=repo), files=1, segments=0, cwd=repo)
        found = json.loads((repo / "out.json").read_text(encoding="utf-8"))
        print(f"    checked {found['files']} file, {len(found['findings'])} findings")
        phases(folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
