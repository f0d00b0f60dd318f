"""Number rules (TS6xx): numbers, versions and error codes must survive translation."""

from __future__ import annotations

from collections.abc import Iterator

from ...inline import numbers_in
from ...model import Segment
from ..context import Context
from ..finding import Category, Finding, Severity
from ..normalize import number_differences
from ..registry import example, pair, segment_rule
from ._util import q


@segment_rule(
    "TS601",
    "number-mismatch",
    Category.NUMBERS,
    Severity.WARNING,
    summary="A number or version of the source is missing or altered in the translation (or one was added).",
    explanation=(
        "Numbers carry facts: limits, versions, durations, steps. Each number of the source must be in the "
        "translation. Not reported: digits of another script (Arabic-Indic ٥ is 5), the locale's separators "
        "(50,000 = 50000 = 50.000; 88.1 = 88,1), numbers spelled out in the translation (2 hours → «ساعتين», "
        "3 steps → «ثلاث خطوات»), «30 million» written out, and numbers that only repeat (Microsoft 365 twice). "
        "Error codes are TS602."
    ),
    bad=example(pair("1-101", "يمكنك تحديد ما بين يوم واحد و51 يوما.", "You can specify between 1 and 15 days.")),
    good=example(pair("1-101", "يمكنك تحديد ما بين يوم واحد و١٥ يوما.", "You can specify between 1 and 15 days.")),
)
def number_mismatch(ctx: Context, seg: Segment) -> Iterator[Finding]:
    assert seg.translation is not None and seg.source is not None
    s_inline, t_inline = seg.source.inline, seg.translation.inline
    if not s_inline.numbers and not t_inline.numbers:
        return
    missing, added = number_differences(s_inline, t_inline, ctx.language)
    if not missing and not added:
        return
    if missing and added:
        msg = f"number {', '.join(missing)} of the source is {', '.join(added)} in the translation"
    elif missing:
        msg = f"number {', '.join(missing)} of the source is not in the translation {q(t_inline.plain)}"
    else:
        msg = f"number {', '.join(added)} in the translation is not in the source {q(s_inline.plain)}"
    yield ctx.at_side(seg, msg)


def _code_present(code: str, tr_codes: set[str], tr_numbers: set[str]) -> bool:
    if code in tr_codes:
        return True
    # "550 5.7.501" may be written "5.7.501 550": each part is there.
    parts = numbers_in(code)
    return len(parts) > 1 and all(p in tr_numbers or p in tr_codes for p in parts)


@segment_rule(
    "TS602",
    "error-code-mismatch",
    Category.NUMBERS,
    Severity.ERROR,
    summary="An error code of the source (5.7.57, 0x80070005, AADSTS50011) is missing or altered in the translation.",
    explanation=(
        "Readers search for the error code they see. An error code of the source that is not, character for "
        "character, in the translation makes the article unfindable and the fix unreachable."
    ),
    bad=example(pair("1-101", "خطأ مع الرمز 5.7.75.", "Error with code 5.7.57.")),
    good=example(pair("1-101", "خطأ مع الرمز 5.7.57.", "Error with code 5.7.57.")),
)
def error_code_mismatch(ctx: Context, seg: Segment) -> Iterator[Finding]:
    assert seg.translation is not None and seg.source is not None
    s_codes = seg.source.inline.error_codes
    if not s_codes:
        return
    t_inline = seg.translation.inline
    tr_codes = set(t_inline.error_codes)
    tr_numbers = set(t_inline.numbers)
    missing = [c for c in dict.fromkeys(s_codes) if not _code_present(c, tr_codes, tr_numbers)]
    # "550 5.7.501" also yields "5.7.501": report the longest form only.
    missing = [c for c in missing if not any(c != m and c in m for m in missing)]
    if not missing:
        return
    others = sorted(tr_codes - set(s_codes))
    tail = f"; the translation has {', '.join(others)}" if others else ""
    yield ctx.at_side(seg, f"error code {', '.join(missing)} of the source is not in the translation{tail}")
