"""One limits case, run by tests/test_limits.py in a child process under an address-space limit.

    python tests/limits_worker.py KIND [--render]

Builds the article, then parses it, checks the exact round trip, exports its steps and PO
units and (with --render) renders its page; prints one line of figures. A MemoryError or a
RecursionError here is a failure of the tool (the test reports the child's stderr).
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import twinspan
from sitetools import FRONT, pair
from twinspan.export import steps_document
from twinspan.export.po import units_of

DEPTH = 1000


def text_of(kind: str) -> str:
    head = FRONT.format(title="limits", extra="")
    seg = pair("90000-102", "نص **غامق** و [رابط](https://example.com)", "Text **bold** and [link](https://example.com)")
    if kind == "segments":
        body = "\n\n".join(pair(f"90000-{100 + i}", f"جملة رقم {i} **مهمة**", f"Sentence number {i} **important**") for i in range(200_000))
    elif kind == "steps":  # 20,000 numbered steps with lettered sub-steps
        body = "\n".join(f"{i}. {pair(f'90000-{100 + i}', f'خطوة {i}', f'Step {i}')}" for i in range(1, 20_001))
    elif kind == "lists":
        body = "\n".join("  " * k + "- " + (seg if k % 100 == 0 else "x") for k in range(DEPTH))
    elif kind == "ordered":
        body = "\n".join("   " * k + "1. " + (seg if k % 100 == 0 else "x") for k in range(DEPTH))
    elif kind == "quotes":
        body = "> " * DEPTH + seg
    elif kind == "spans":
        body = "<span>" * DEPTH + seg + "</span>" * DEPTH + "\n\n" + '<span data-ttu-id="9-1">' * DEPTH + "x" + "</span>" * DEPTH
    elif kind == "brackets":
        body = pair("90000-102", "[" * DEPTH + "نص" + "](x)" * DEPTH, "(" * DEPTH + "[" * DEPTH + "text" + "]" * DEPTH)
    elif kind == "emphasis":
        body = pair("90000-102", "**_" * DEPTH + "نص" + "_**" * DEPTH, "*" * DEPTH + "text" + "`" * DEPTH)
    elif kind == "line":  # one line of a megabyte, inside a segment and outside
        words = "كلمة word **b** [l](u) " * 45_000
        body = pair("90000-102", words, words) + "\n\n" + "x" * 1_048_576
    else:
        raise SystemExit(f"unknown kind {kind}")
    return head + body + "\n"


def main() -> None:
    kind = sys.argv[1]
    text = text_of(kind)
    start = time.perf_counter()
    a = twinspan.parse(text, path="content/ar-SA/limits.md")
    assert a.dump() == text, "round trip"
    for seg in a.segments[:2000]:
        for side in (seg.translation, seg.source):
            if side is not None:
                side.inline  # noqa: B018
    steps_document(a)
    units_of(a)
    if "--render" in sys.argv:
        from twinspan.site import kb
        from twinspan.site.markup import Markup
        from twinspan.site.render import ArticleRenderer

        doc = kb.Doc("x", a, "translation", Path("content/ar-SA/limits.md"), "x", kb.topics()[-1], kb.error_codes(a))
        html = ArticleRenderer(doc, "ar", Markup()).render()
        html.body.encode("utf-8")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(
        f"{kind}: {len(text.encode()):,} bytes, {len(a.segments):,} segments, {len(a.blocks):,} blocks, "
        f"{len(a.diagnostics):,} diagnostics, {time.perf_counter() - start:.1f} s, peak {peak} MiB"
    )


if __name__ == "__main__":
    main()
