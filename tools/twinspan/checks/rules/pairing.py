"""Pairing rules (TS2xx) beyond the parser's own (TS101–TS106): ids unique, one prefix per file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..context import Context
from ..finding import Category, Finding, Severity
from ..registry import article_rule, example, pair


@article_rule(
    "TS201",
    "duplicate-id",
    Category.PAIRING,
    Severity.ERROR,
    summary="Two segments of one file share an id.",
    explanation=(
        "Segment ids key translation memories, PO catalogs and the applied edits: two segments with one id "
        "cannot both be updated, and one translation would overwrite the other. Reported at the repeat."
    ),
    bad=example(pair("1-101", "مرحبا", "Hello") + "\n\n" + pair("1-101", "وداعا", "Goodbye") + "\n"),
    good=example(pair("1-101", "مرحبا", "Hello") + "\n\n" + pair("1-102", "وداعا", "Goodbye") + "\n"),
)
def duplicate_id(ctx: Context) -> Iterator[Finding]:
    first: dict[str, int] = {}
    for seg in ctx.article.segments:
        if seg.id.startswith("?"):
            continue  # an id the parser could not read (TS105)
        if seg.id in first:
            line = ctx.article.segments[first[seg.id]].line
            yield ctx.at_side(seg, f"segment id {seg.id} already used on line {line} (translation and source pairs must have unique ids)")
        else:
            first[seg.id] = seg.index


@article_rule(
    "TS202",
    "mixed-id-prefix",
    Category.PAIRING,
    Severity.WARNING,
    summary="Segment ids of one file with different prefixes (44498-104 and 8f3a2-105).",
    explanation=(
        "Every id of a file starts with the same prefix, the file's hash in the localization system. A segment "
        "with another prefix was pasted from another article: it will not be matched back to this file's source."
    ),
    bad=example(
        pair("44498-101", "مرحبا", "Hello")
        + "\n\n"
        + pair("44498-102", "مرحبا", "Hello")
        + "\n\n"
        + pair("8f3a2-103", "وداعا", "Goodbye")
        + "\n"
    ),
    good=example(pair("44498-101", "مرحبا", "Hello") + "\n\n" + pair("44498-102", "وداعا", "Goodbye") + "\n"),
)
def mixed_id_prefix(ctx: Context) -> Iterator[Finding]:
    prefixes = Counter(s.prefix for s in ctx.article.segments if not s.id.startswith("?"))
    if len(prefixes) < 2:
        return
    main, count = prefixes.most_common(1)[0]
    reported: set[str] = set()
    for seg in ctx.article.segments:
        if seg.prefix != main and seg.prefix not in reported and not seg.id.startswith("?"):
            reported.add(seg.prefix)
            yield ctx.at_side(
                seg,
                f"segment id {seg.id} has prefix {seg.prefix}; the file's other {count} segments have {main} (in the translation and the source)",
            )
