"""Coverage-guided fuzzing of the parser and the check with atheris (libFuzzer), seeded with real articles.

    python fuzz/fuzz_parse.py -max_total_time=300 CORPUS_DIR

Every input must parse without an exception other than the tool's own, round-trip to the same
bytes, give inline structure for every side, and go through every rule of the check. libFuzzer prints the number of runs at the end.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import twinspan
    from twinspan.checks import check_article

HERE = Path(__file__).resolve().parent


def test_one_input(data: bytes) -> None:
    a = twinspan.parse(data, path="fuzz/ar-SA/input.md")
    if a.dump_bytes() != data:
        raise AssertionError("dump_bytes() differs from the input")
    for seg in a.segments:
        for side in (seg.translation, seg.source):
            if side is not None:
                side.inline  # noqa: B018
    for finding in check_article(a):
        if finding.line < 1 or finding.column < 1:
            raise AssertionError(f"finding without a position: {finding}")


def main() -> None:
    args = sys.argv[:]
    if not any(not a.startswith("-") for a in args[1:]):
        seeds = Path(tempfile.mkdtemp(prefix="twinspan-fuzz-"))
        for p in (HERE.parent / "tests" / "fixtures").rglob("*.md"):
            shutil.copy(p, seeds / p.name)
        args.append(str(seeds))
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
