"""Cross-locale rules (TS9xx): one article in several locales, compared; the locale that drifted is named.

These run on the :class:`~twinspan.checks.crosslocale.Group` of summaries of one article
(same file name under ``<root>/<locale>/``, or several paths given on the command line).
The majority is the reference; with two locales, the newer ``ms.lasthandoff``.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator

from ..crosslocale import Group, SegInfo, Summary, commits, excerpt_pair, locales
from ..finding import Finding, Severity
from ..registry import cross_rule, example, pair
from ._examples import bulleted_step

_FM = """---
title: {title}
ms.contentlocale: {locale}
ms.translationtype: MT
ms.sourcegitcommit: {commit}
ms.lasthandoff: {date}
---
"""
_NEW, _OLD = "2103d706492ad7ee9596344714c0520569ebd6af", "1f0c3e5d9a2b4c6d8e0f1a2b3c4d5e6f7a8b9c0d"


def _file(locale: str, body: str, commit: str = _NEW, date: str = "06/23/2021") -> tuple[str, str]:
    title = {"ar": "مثال", "he": "דוגמה", "de": "Beispiel"}[locale[:2]]
    return f"content/{locale}/example.md", _FM.format(title=title, locale=locale, commit=commit, date=date) + body


def _three(ar: str, he: str, de: str, *, he_commit: str = _NEW, he_date: str = "06/23/2021") -> dict[str, str]:
    return dict([_file("ar-SA", ar), _file("he-IL", he, he_commit, he_date), _file("de-DE", de)])


def _one_segment(ar: str, he: str, de: str, source: str | tuple[str, str, str], **kw: str) -> dict[str, str]:
    """One segment in the three locales: the translations, and the source (one, or one per locale)."""
    src = (source, source, source) if isinstance(source, str) else source
    return _three(pair("a1-101", ar, src[0]), pair("b2-101", he, src[1]), pair("c3-101", de, src[2]), **kw)


def _steps(prefix: str, text: str, n: int) -> str:
    return "\n".join(f"{k + 1}. " + pair(f"{prefix}-{101 + k}", text, f"Step {k + 1}.") for k in range(n)) + "\n"


def _key(m: Summary) -> str:
    return m.locale or m.path


@cross_rule(
    "TS901",
    "stale-translation",
    Severity.WARNING,
    summary="The English source of a segment differs between locales: one translation was made from an older source.",
    explanation=(
        "Every locale of an article is translated from the same English source, so the source spans must agree. "
        "Where they differ, the locale in the minority (or with the older ms.lasthandoff) was translated from "
        "another revision: its translation is stale. The message shows each locale's ms.sourcegitcommit. "
        "A paragraph merged into one segment (p102) in one locale is not a difference."
    ),
    bad=example(
        _one_segment(
            "سجّل الدخول.",
            "היכנס.",
            "Melden Sie sich an.",
            ("Sign in to the admin center.", "Sign in to the portal.", "Sign in to the admin center."),
            he_commit=_OLD,
            he_date="03/01/2021",
        )
    ),
    good=example(_one_segment("سجّل الدخول.", "היכנס.", "Melden Sie sich an.", "Sign in to the admin center.")),
)
def stale_translation(group: Group) -> Iterator[Finding]:
    values: dict[str, Hashable] = {_key(m): " ".join(s.source for s in m.segments) for m in group.members}
    for m, refs in group.drifted(values):
        yield from _source_differences(group, m, refs)


def _source_differences(group: Group, m: Summary, refs: list[Summary]) -> Iterator[Finding]:
    r = refs[0]
    stale = f"ms.sourcegitcommit {commits([m, *refs])}: stale translation"
    for tag, (i1, i2), (j1, j2) in group.align(m, r):
        mine, theirs = m.segments[i1:i2], r.segments[j1:j2]
        if tag == "equal":
            for a, b in zip(mine, theirs, strict=True):
                if a.source != b.source:
                    x, y = excerpt_pair(a.source, b.source)
                    yield group.finding(
                        m,
                        f"English source of {a.id} is {x} here, {y} in {locales(refs)} ({stale})",
                        line=a.line,
                        column=a.column,
                        segment=a.id,
                        source=b.source,
                        target=a.source,
                    )
            continue
        a_text, b_text = " ".join(s.source for s in mine), " ".join(s.source for s in theirs)
        if a_text == b_text:
            continue  # the same text, segmented differently
        at: SegInfo | None = mine[0] if mine else (m.segments[i1 - 1] if i1 else (m.segments[0] if m.segments else None))
        if not mine:
            msg = f"{len(theirs)} segment(s) of {locales(refs)} ({', '.join(s.key for s in theirs)}) are not in {m.locale} ({stale})"
        elif not theirs:
            msg = f"segment(s) {', '.join(s.id for s in mine)} are not in {locales(refs)} ({stale})"
        else:
            x, y = excerpt_pair(a_text, b_text)
            msg = f"English source of {', '.join(s.id for s in mine)} is {x} here, {y} in {locales(refs)} ({stale})"
        yield group.finding(
            m,
            msg,
            line=at.line if at else 1,
            column=at.column if at else 1,
            segment=at.id if at and mine else None,
            source=b_text,
            target=a_text,
        )


def _shape(m: Summary) -> tuple[int, ...]:
    return tuple(len(p.steps) for p in m.procedures)


def _describe(shape: tuple[int, ...]) -> str:
    if len(shape) == 1:
        return f"{shape[0]} steps"
    return f"{len(shape)} procedures of {'+'.join(map(str, shape))} steps"


@cross_rule(
    "TS902",
    "steps-differ",
    Severity.ERROR,
    summary="The article has a different number of procedures or steps in one locale.",
    explanation=(
        "Steps are list items, outside the spans, so a step lost in one locale cannot be seen by comparing its "
        "translation with its source: only the other locales show it. The locale in the minority is reported."
    ),
    bad=example(_three(_steps("a1", "خطوة.", 3), _steps("b2", "שלב.", 2), _steps("c3", "Schritt.", 3))),
    good=example(_three(_steps("a1", "خطوة.", 3), _steps("b2", "שלב.", 3), _steps("c3", "Schritt.", 3))),
)
def steps_differ(group: Group) -> Iterator[Finding]:
    values: dict[str, Hashable] = {_key(m): _shape(m) for m in group.members}
    for m, refs in group.drifted(values):
        other = _shape(refs[0]) if refs else ()
        mine = _shape(m)
        k = next((i for i, (a, b) in enumerate(zip(mine, other, strict=False)) if a != b), min(len(mine), len(other)))
        line = m.procedures[k].line if k < len(m.procedures) else (m.procedures[-1].line if m.procedures else 1)
        yield group.finding(
            m,
            f"{m.locale} has {_describe(mine) if mine else 'no steps'}; {locales(refs)} {'has' if len(refs) == 1 else 'have'} {_describe(other) if other else 'none'}",
            line=line,
        )


@cross_rule(
    "TS903",
    "substeps-differ",
    Severity.WARNING,
    summary="A step has different sub-steps (count or source labels) in one locale.",
    explanation="Like steps, sub-steps are structure shared by both languages of a file: only the other locales show one that is lost or relabelled.",
    bad=example(
        _three(
            bulleted_step("a1", ("افعل.", "Do."), [("أ.", "A."), ("ب.", "B.")]),
            bulleted_step("b2", ("עשה.", "Do."), [("א.", "A.")]),
            bulleted_step("c3", ("Tun.", "Do."), [("A.", "A."), ("B.", "B.")]),
        )
    ),
    good=example(
        _three(
            bulleted_step("a1", ("افعل.", "Do."), [("أ.", "A."), ("ب.", "B.")]),
            bulleted_step("b2", ("עשה.", "Do."), [("א.", "A."), ("ב.", "B.")]),
            bulleted_step("c3", ("Tun.", "Do."), [("A.", "A."), ("B.", "B.")]),
        )
    ),
)
def substeps_differ(group: Group) -> Iterator[Finding]:
    if len({_shape(m) for m in group.members}) != 1:
        return  # TS902 reports the steps themselves
    first = group.members[0]
    for pi, proc in enumerate(first.procedures):
        for si in range(len(proc.steps)):
            values: dict[str, Hashable] = {_key(m): m.procedures[pi].steps[si].labels for m in group.members}
            for m, refs in group.drifted(values):
                step = m.procedures[pi].steps[si]
                theirs = refs[0].procedures[pi].steps[si].labels if refs else ()
                yield group.finding(
                    m,
                    f"step {step.number} has {_subs(step.labels)} in {m.locale}; {locales(refs)} {'has' if len(refs) == 1 else 'have'} {_subs(theirs)}",
                    line=step.line,
                )


def _subs(labels: tuple[str, ...]) -> str:
    """``3 sub-steps (a. b. d.)``; bullets are not shown as labels."""
    n = f"{len(labels)} sub-step{'' if len(labels) == 1 else 's'}"
    shown = [x for x in labels if x not in ("-", "*", "+")]
    return f"{n} ({' '.join(shown)})" if shown else n


def _aligned_same_source(group: Group) -> Iterator[dict[str, SegInfo]]:
    """Segments present in every locale with the same English source: {locale: segment}."""
    pivot = group.members[0]
    maps: list[dict[int, int]] = []
    for other in group.members[1:]:
        mapping: dict[int, int] = {}
        for tag, (i1, i2), (j1, _j2) in group.align(pivot, other):
            if tag == "equal":
                mapping.update({i1 + k: j1 + k for k in range(i2 - i1)})
        maps.append(mapping)
    for i, seg in enumerate(pivot.segments):
        row = {_key(pivot): seg}
        for other, mapping in zip(group.members[1:], maps, strict=True):
            j = mapping.get(i)
            if j is None or other.segments[j].source != seg.source:
                break
            row[_key(other)] = other.segments[j]
        else:
            yield row


def _lost(group: Group, attr: str, what: str) -> Iterator[Finding]:
    for row in _aligned_same_source(group):
        values: dict[str, Hashable] = {k: getattr(s, attr) for k, s in row.items()}
        for m, refs in group.drifted(values):
            seg = row[_key(m)]
            lost = getattr(seg, attr)
            if not lost:
                continue  # the others lost something: they are reported, not this one
            keepers = [x for x in refs if not set(lost) & set(getattr(row[_key(x)], attr))]
            if not keepers:
                continue
            yield group.finding(
                m,
                f"{what} {', '.join(lost)} of the source {'is' if len(lost) == 1 else 'are'} lost in the {m.locale} translation of {seg.id}; "
                f"{locales(keepers)} keep{'s' if len(keepers) == 1 else ''} {'it' if len(lost) == 1 else 'them'}",
                line=seg.line,
                column=seg.column,
                segment=seg.id,
            )


_LINK = "/exchange/smtp"


@cross_rule(
    "TS904",
    "links-differ",
    Severity.WARNING,
    summary="A link of the source is kept by the other locales and lost in one.",
    explanation=(
        "For segments whose English source is the same in every locale, each translation should keep the "
        "source's links. The locale that lost one, where the others kept it, is named (TS401 reports the same "
        "link from inside the file)."
    ),
    bad=example(_one_segment(f"راجع [المقالة]({_LINK}).", "ראה את המאמר.", f"Siehe [Artikel]({_LINK}).", f"See [the article]({_LINK}).")),
    good=example(
        _one_segment(f"راجع [المقالة]({_LINK}).", f"ראה [המאמר]({_LINK}).", f"Siehe [Artikel]({_LINK}).", f"See [the article]({_LINK}).")
    ),
)
def links_differ(group: Group) -> Iterator[Finding]:
    return _lost(group, "lost_links", "link")


@cross_rule(
    "TS905",
    "numbers-differ",
    Severity.WARNING,
    summary="A number of the source is kept by the other locales and lost in one.",
    explanation=(
        "For segments whose English source is the same in every locale, each translation should keep the "
        "source's numbers (in digits or words). The locale that lost one, where the others kept it, is named."
    ),
    bad=example(_one_segment("انتظر 24 ساعة.", "המתן יום.", "Warten Sie 24 Stunden.", "Wait 24 hours.")),
    good=example(_one_segment("انتظر 24 ساعة.", "המתן 24 שעות.", "Warten Sie 24 Stunden.", "Wait 24 hours.")),
)
def numbers_differ(group: Group) -> Iterator[Finding]:
    return _lost(group, "lost_numbers", "number")
