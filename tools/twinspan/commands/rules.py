"""``twinspan rules [CODE]``: list the check rules, or explain one with its examples."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..checks import docs
from ..checks.registry import all_rules, get_rule
from ..errors import UsageError


def register(sub: Any) -> None:
    p = sub.add_parser(
        "rules",
        help="list the check rules, or explain one",
        description="List the rules of twinspan check, or explain one with its examples.",
    )
    p.add_argument("code", nargs="?", metavar="CODE", help="a rule code (TS702) or name (duplicated-word)")
    p.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    out = sys.stdout
    if args.code:
        rule = get_rule(args.code)
        if rule is None:
            raise UsageError(f"no rule {args.code!r} (see `twinspan rules`)")
        if args.format == "json":
            json.dump(docs.as_dict(rule, with_example_findings=True), out, ensure_ascii=False, indent=2)
            out.write("\n")
        elif args.format == "markdown":
            out.write(docs.markdown({rule.code: rule}))
        else:
            out.write(docs.explain(rule))
        return 0
    rules = all_rules()
    if args.format == "json":
        json.dump([docs.as_dict(r) for r in rules.values()], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "markdown":
        out.write(docs.markdown(rules))
    else:
        out.write(docs.listing(rules))
    return 0
