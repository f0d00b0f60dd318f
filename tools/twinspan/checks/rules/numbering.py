"""Numbering rules (TS3xx): steps 1, 2, 3 …; sub-step letters a, b, c … in the locale's alphabet."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ...model import Procedure, Step, SubStep
from ..alphabets import Letter
from ..context import Context
from ..finding import Category, Finding, Severity
from ..registry import article_rule, example, pair
from ._examples import labelled_step

_LABEL_NOISE = re.compile(r"[*_.)\s]")


_HE_STEP, _HE_TEXT = ("עשה זאת.", "Do this."), ("טקסט.", "Text.")


def letter_text(label: str | None) -> str:
    """The letter of a label as written, without bold, punctuation or spaces: ``**b.**`` → ``b``."""
    return _LABEL_NOISE.sub("", label or "")


def _labelled(step: Step) -> list[SubStep]:
    return [s for s in step.substeps if s.kind == "label" and s.label.segment is not None]


def _runs(steps: Sequence[Step]) -> list[list[Step]]:
    """Steps split into the ordered lists they came from (numbers restart or jump between lists)."""
    runs: list[list[Step]] = []
    for step in steps:
        if runs and step.number == runs[-1][-1].number + 1:
            runs[-1].append(step)
        else:
            runs.append([step])
    return runs


def _bad_markers(markers: list[str], first: int) -> int | None:
    """Index of the first marker out of sequence, or None (all the same, e.g. all "1.", is fine)."""
    if len(set(markers)) == 1 and len(markers) > 1:
        return None
    for k, m in enumerate(markers):
        if m != str(first + k):
            return k
    return None


def _steps_md(markers: str) -> str:
    return "\n".join(f"{m}. " + pair(f"1-{101 + k}", f"الخطوة {k + 1}.", f"Step {k + 1}.") for k, m in enumerate(markers.split())) + "\n"


@article_rule(
    "TS301",
    "step-numbering",
    Category.NUMBERING,
    Severity.WARNING,
    summary="Steps (or numbered sub-steps) not numbered 1, 2, 3 … in order.",
    explanation=(
        "Markdown renumbers a list, but a written number that skips or repeats (1, 2, 4) means a step was lost "
        "or the text refers to numbers the reader will not see. Writing every item as «1.» is fine; a list that "
        "continues a previous one (… 2, then a note, then 3, 4) is fine. The step numbers are shared by both languages."
    ),
    bad=example(_steps_md("1 2 4")),
    good=example(_steps_md("1 2 3") + "\n" + pair("1-201", "ثم:", "Then:") + "\n\n" + _steps_md("1 1 1")),
)
def step_numbering(ctx: Context) -> Iterator[Finding]:
    proc: Procedure
    for proc in ctx.article.procedures:
        for k, run in enumerate(_runs(proc.steps)):
            markers = [s.marker for s in run]
            bad = _bad_markers(markers, run[0].number if k else 1)
            if bad is not None:
                written = ", ".join(markers)
                step = run[bad]
                yield ctx.finding(
                    f"steps numbered {written}: step {bad + 1} of the list is written {step.marker}. (source and translation share the numbers)",
                    line=step.line,
                    column=1,
                )
        for step in proc.steps:
            items = [s for s in step.substeps if s.kind == "item" and s.ordered]
            if len(items) > 1:
                markers = [(s.label.source or "").rstrip(".)") for s in items]
                bad = _bad_markers(markers, int(markers[0]) if markers[0].isdigit() else 1)
                if bad is not None:
                    yield ctx.finding(
                        f"sub-steps of step {step.number} numbered {', '.join(markers)}: item {bad + 1} is written {markers[bad]}.",
                        line=items[bad].line,
                        column=1,
                    )


def _sequence_problem(letters: list[Letter], shown: list[str]) -> tuple[int, str] | None:
    """The first label that skips, repeats or goes back, with a description."""
    prev = -1
    for k, letter in enumerate(letters):
        if letter.index == prev + 1:
            prev = letter.index
            continue
        if k == 0:
            return k, f"start at {shown[0]}"
        if letter.index == prev:
            return k, f"repeat {shown[k]}"
        if letter.index > prev + 1:
            return k, f"skip {' '.join(_gap(letters, k, shown))}"
        return k, f"go back to {shown[k]} after {shown[k - 1]}"
    return None


def _gap(letters: list[Letter], k: int, shown: list[str]) -> list[str]:
    from ..alphabets import BUILTIN

    alpha = BUILTIN.get(letters[k].alphabet)
    if alpha is None:
        return [f"before {shown[k]}"]
    return list(alpha[letters[k - 1].index + 1 : letters[k].index])


def _labels(subs: list[SubStep], side: str) -> list[str]:
    return [(s.label.source if side == "source" else s.label.translation) or "?" for s in subs]


@article_rule(
    "TS302",
    "substep-sequence",
    Category.NUMBERING,
    Severity.WARNING,
    summary="Lettered sub-steps that skip or repeat a letter (reported for the source and the translation separately).",
    explanation=(
        "Sub-steps written as their own label segments (a. / أ. / ב.) must run a, b, c … without a gap: a skipped "
        "letter is a lost sub-step or a renumbering accident. Each side is checked in its own alphabet, so the "
        "source's «a b d e» and the translation's «أ ب د ه» are two findings."
    ),
    bad=example(labelled_step("1", ("افعل ذلك.", "Do this."), [("أ.", "a."), ("ب.", "b."), ("د.", "d."), ("ه.", "e.")])),
    good=example(labelled_step("1", ("افعل ذلك.", "Do this."), [("أ.", "a."), ("ب.", "b."), ("ج.", "c."), ("د.", "d.")])),
)
def substep_sequence(ctx: Context) -> Iterator[Finding]:
    alphabets = ctx.alphabets
    locale_alpha = alphabets.for_locale(ctx.locale)
    for _proc, step in ctx.article.iter_steps():
        subs = _labelled(step)
        if len(subs) < 2:
            continue
        for side, prefer in (("source", "Latin"), ("translation", locale_alpha)):
            shown = _labels(subs, side)
            letters = [alphabets.letter(letter_text(x), prefer) for x in shown]
            if any(x is None for x in letters):
                continue  # labels that are not letters are TS303's business
            problem = _sequence_problem([x for x in letters if x is not None], shown)
            if problem is None:
                continue
            k, what = problem
            other = "translation" if side == "source" else "source"
            seg_index = subs[k].label.segment
            assert seg_index is not None
            seg = ctx.article.segments[seg_index]
            yield ctx.at_side(
                seg,
                f"{side} sub-step labels of step {step.number} {what}: {' '.join(shown)} (the {other} has {' '.join(_labels(subs, other))})",
                side=side,
            )


def _expected(ctx: Context, sub: SubStep, locale_alpha: str) -> tuple[int, str] | None:
    src = ctx.alphabets.letter(letter_text(sub.label.source), "Latin")
    if src is None:
        return None
    want = ctx.alphabets.nth(locale_alpha, src.index)
    return (src.index, want) if want is not None else None


def _relabel(text: str, label: str | None, new_letter: str) -> str:
    old = letter_text(label)
    i = text.find(old) if old else -1
    return text[:i] + new_letter + text[i + len(old) :] if i >= 0 else new_letter + "."


def _mixed(ctx: Context, subs: list[SubStep], locale_alpha: str) -> set[str]:
    found = {ctx.alphabets.letter(letter_text(s.label.translation), locale_alpha) for s in subs}
    return {x.alphabet for x in found if x is not None}


@article_rule(
    "TS303",
    "label-counterpart",
    Category.NUMBERING,
    Severity.WARNING,
    summary="A translation sub-step label that is not the locale's counterpart of the source label (c. → ج. in Arabic).",
    explanation=(
        "The translation's labels follow the source's, in the locale's alphabet: Latin a b c …, Arabic أ ب ج د ه "
        "و ز ح ط ي, Hebrew א ב ג ד ה ו ז ח ט י (more by configuration: [tool.twinspan.alphabets]). Machine "
        "translation turns «a.» into a word («علي.») or a wrong letter («ن.»). The fix writes the counterpart."
    ),
    bad=example(labelled_step("1", ("افعل ذلك.", "Do this."), [("علي.", "a."), ("ب.", "b.")])),
    good=example(labelled_step("1", ("افعل ذلك.", "Do this."), [("أ.", "a."), ("ب.", "b.")])),
    fixable=True,
)
def label_counterpart(ctx: Context) -> Iterator[Finding]:
    locale_alpha = ctx.alphabets.for_locale(ctx.locale)
    for _proc, step in ctx.article.iter_steps():
        subs = _labelled(step)
        mixed = len(_mixed(ctx, subs, locale_alpha)) > 1
        for sub in subs:
            exp = _expected(ctx, sub, locale_alpha)
            if exp is None or sub.label.segment is None:
                continue
            index, want = exp
            got = ctx.alphabets.letter(letter_text(sub.label.translation), locale_alpha)
            if got is not None and got.index == index and (got.alphabet == locale_alpha or mixed):
                continue  # right letter (in another alphabet, a mixed list is TS304's)
            seg = ctx.article.segments[sub.label.segment]
            if seg.translation is None:
                continue  # a label with no translation span is TS102
            fixed = _relabel(seg.translation.text, sub.label.translation, want)
            yield ctx.at_side(
                seg,
                f"translation label {sub.label.translation} is not the {ctx.locale or locale_alpha} counterpart of the source label "
                f"{sub.label.source} (expected {want}.)",
                fix=fixed,
                edits=ctx.replace_translation(seg, fixed),
            )


@article_rule(
    "TS304",
    "mixed-alphabets",
    Category.NUMBERING,
    Severity.WARNING,
    summary="The translation's sub-step labels of one list mix alphabets (a. and ב.).",
    explanation=(
        "One list, one alphabet: a Hebrew list labelled «a. ב. c.» reads as two lists to the reader. Reported "
        "once per list, at its first label outside the locale's alphabet; the fix relabels the whole list in it."
    ),
    bad=example(labelled_step("1", _HE_STEP, [("a.", "a."), ("ב.", "b.")], _HE_TEXT), path="content/he-IL/example.md"),
    good=example(labelled_step("1", _HE_STEP, [("א.", "a."), ("ב.", "b.")], _HE_TEXT), path="content/he-IL/example.md"),
    fixable=True,
)
def mixed_alphabets(ctx: Context) -> Iterator[Finding]:
    locale_alpha = ctx.alphabets.for_locale(ctx.locale)
    for _proc, step in ctx.article.iter_steps():
        subs = _labelled(step)
        alphabets = _mixed(ctx, subs, locale_alpha)
        if len(alphabets) < 2:
            continue
        groups: dict[str, list[str]] = {}
        first_foreign: SubStep | None = None
        edits: list[tuple[int, str]] = []
        relabelled: list[str] = []
        for sub in subs:
            got = ctx.alphabets.letter(letter_text(sub.label.translation), locale_alpha)
            if got is not None:
                groups.setdefault(got.alphabet, []).append(sub.label.translation or "?")
                if got.alphabet != locale_alpha and first_foreign is None:
                    first_foreign = sub
            exp = _expected(ctx, sub, locale_alpha)
            if exp is not None and sub.label.segment is not None:
                seg = ctx.article.segments[sub.label.segment]
                if seg.translation is None:
                    continue
                new = _relabel(seg.translation.text, sub.label.translation, exp[1])
                relabelled.append(new.strip())
                if new != seg.translation.text:
                    edits.append((seg.index, new))
        at = first_foreign or subs[0]
        assert at.label.segment is not None
        seg = ctx.article.segments[at.label.segment]
        mix = " and ".join(f"{name} ({' '.join(labels)})" for name, labels in groups.items())
        yield ctx.at_side(
            seg,
            f"translation sub-step labels of step {step.number} mix {mix}; the source has {' '.join(_labels(subs, 'source'))}, "
            f"the {ctx.locale or locale_alpha} labels are {' '.join(relabelled)}",
            fix=" ".join(relabelled),
            edits=tuple(edits),
        )
