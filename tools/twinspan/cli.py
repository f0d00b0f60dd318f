"""The ``twinspan`` command: argument parsing and error reporting only; the work is in the modules."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__
from .commands import load_all
from .errors import TwinspanError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="twinspan", description="Bilingual localized documentation: parse, check, export, render.")
    parser.add_argument("--version", action="version", version=f"twinspan {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for mod in load_all():
        mod.register(sub)  # type: ignore[attr-defined]
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except TwinspanError as exc:
        print(f"twinspan: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `twinspan parse … | head`
        return 0
    except KeyboardInterrupt:
        print("twinspan: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
