"""Text rules (TS7xx): untranslated sentences, repeated words, spacing, invisible and bidi characters."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from ...model import Segment
from ..context import Context
from ..finding import Category, Finding, Severity
from ..registry import article_rule, example, pair, segment_rule
from ._util import EDGE_SPACE, char_name, outside_code, plural, q

#: A word of running text: letters only, with an opening quote or bracket and closing punctuation
#: around it ("update," or "(enabled)"); a chunk such as -eq, $true, /scannow or a-slug-like-this is not.
_TEXT_WORD = re.compile(r"^[\"'(«“]?([^\W\d_]+(?:['’][^\W\d_]+)?)[\"')»”.,:;!?]*$")


_CODE_CHUNK = re.compile(r"^-[A-Za-z]|[$|\\={}]")


def is_sentence(seg: Segment) -> bool:
    """Whether the source reads as a sentence of running text rather than a name or a command:
    at least three lower-case words (two when it ends like a sentence), and nothing command-like
    (-Parameter, $value, |, =, braces, backslashes) outside code spans."""
    assert seg.source is not None
    inline = seg.source.inline
    plain = inline.plain
    for code in inline.code:
        plain = plain.replace(code, " ")
    chunks = plain.split()
    if any(_CODE_CHUNK.search(c) for c in chunks):
        return False
    words = 0
    for chunk in chunks:
        m = _TEXT_WORD.match(chunk)
        if m and len(m.group(1)) >= 2 and m.group(1).islower():
            words += 1
    return words >= 3 or (words == 2 and plain.rstrip().endswith((".", "?", "!", ":")))


@segment_rule(
    "TS701",
    "untranslated",
    Category.TEXT,
    Severity.WARNING,
    summary="The translation is the English source, word for word.",
    explanation=(
        "A translation identical to a source sentence (three lower-case words of running text outside code, or "
        "two and a full stop) was not translated. Product names (Microsoft Teams), commands (Get-Mailbox -eq $true), "
        "slugs, code, URLs, numbers and dates that stay identical are not reported."
    ),
    bad=example(pair("1-101", "Sign in to the admin center.", "Sign in to the admin center.")),
    good=example(
        pair("1-101", "Microsoft Teams", "Microsoft Teams")
        + "\n\n"
        + pair("1-102", "سجّل الدخول إلى مركز الإدارة.", "Sign in to the admin center.")
    ),
)
def untranslated(ctx: Context, seg: Segment) -> Iterator[Finding]:
    assert seg.translation is not None and seg.source is not None
    if ctx.language == "en" or seg.translation.text.strip() != seg.source.text.strip():
        return
    if is_sentence(seg):
        yield ctx.at_side(seg, f"translation is the English source, untranslated: {q(seg.source.inline.plain)}")


_PUNCT = "\"'()[]{}«»“”‘’.,:;!?،؛؟*_`"
_DUP = re.compile(r"(?<!\w)(\w+)(\s+)\1(?!\w)", re.IGNORECASE)
#: Repetitions that are grammatical ("die die" in German relative clauses, "that that" in English).
_DUP_ALLOWED = {"de": {"die", "das", "der", "den", "dem", "sie"}, "en": {"that", "had"}, "nl": {"de", "die"}, "fr": {"nous", "vous"}}


@segment_rule(
    "TS702",
    "duplicated-word",
    Category.TEXT,
    Severity.WARNING,
    summary="The same word twice in a row in the translation, and not in the source.",
    explanation=(
        "Machine translation sometimes repeats a word («المستخدمون المستخدمون»). Numbers, one-letter words, "
        "repetitions the source has too, and grammatical ones (German «die die») are not reported."
    ),
    bad=example(pair("1-101", "حدد **المستخدمون المستخدمون النشطون**.", "Select **Active users**.")),
    good=example(pair("1-101", "حدد **المستخدمون النشطون**.", "Select **Active users**.")),
)
def duplicated_word(ctx: Context, seg: Segment) -> Iterator[Finding]:
    assert seg.translation is not None and seg.source is not None
    plain = seg.translation.inline.plain
    words = [w.strip(_PUNCT) for w in plain.lower().split()]
    if not any(a == b and a for a, b in itertools.pairwise(words)):
        return  # the quick test: no word equals the next one
    allowed = _DUP_ALLOWED.get(ctx.language, set())
    src_plain = None
    for m in _DUP.finditer(plain):
        word = m.group(1)
        if len(word) < 2 or word.isdigit() or word.lower() in allowed:
            continue
        src_plain = src_plain if src_plain is not None else seg.source.inline.plain
        if any(d.group(1).lower() == word.lower() for d in _DUP.finditer(src_plain)):
            continue
        raw = seg.translation.text
        at = raw.find(m.group(0))
        yield ctx.at_side(
            seg,
            f"word {q(word)} twice in a row in the translation {q(m.group(0))}; the source repeats no word",
            offset=at if at >= 0 else None,
        )


def _inner_double_spaces(text: str) -> list[int]:
    """Offsets of runs of two or more spaces inside *text* (not at its edges, not in code)."""
    core_start = len(text) - len(text.lstrip(EDGE_SPACE))
    core_end = len(text.rstrip(EDGE_SPACE))
    found = []
    for a, b in outside_code(text):
        a, b = max(a, core_start), min(b, core_end)
        i = text.find("  ", a, b)
        while i != -1:
            found.append(i)
            j = i
            while j < b and text[j] == " ":
                j += 1
            i = text.find("  ", j, b)
    return found


def collapse_spaces(text: str) -> str:
    """*text* with runs of spaces inside it (not at its edges, not in code) made single."""
    runs = _inner_double_spaces(text)
    out = text
    for i in reversed(runs):
        j = i
        while j < len(out) and out[j] == " ":
            j += 1
        out = out[:i] + " " + out[j:]
    return out


@segment_rule(
    "TS703",
    "double-space",
    Category.TEXT,
    Severity.INFO,
    summary="Two or more spaces in a row inside the translation, where the source has fewer.",
    explanation=(
        "Double spaces in the translation usually come from machine translation around UI paths («حدد  >  **…**»). "
        "Spaces in code spans and at the edges of the span (see TS704) are not counted. The fix makes them single."
    ),
    bad=example(pair("1-101", "حدد  >  **المستخدمون**.", "Select > **Users**.")),
    good=example(pair("1-101", "حدد > **المستخدمون**.", "Select > **Users**.")),
    fixable=True,
)
def double_space(ctx: Context, seg: Segment) -> Iterator[Finding]:
    assert seg.translation is not None and seg.source is not None
    text = seg.translation.text
    if "  " not in text:
        return
    runs = _inner_double_spaces(text)
    src_runs = len(_inner_double_spaces(seg.source.text)) if "  " in seg.source.text else 0
    if len(runs) <= src_runs:
        return
    fixed = collapse_spaces(text)
    yield ctx.at_side(
        seg,
        f"{plural(len(runs), 'double space')} in the translation; the source has {src_runs or 'none'}",
        offset=runs[0],
        fix=fixed,
        edits=ctx.replace_translation(seg, fixed),
    )


def _edges(text: str) -> tuple[str, str]:
    core = text.strip(EDGE_SPACE)
    if not core:
        return text, ""
    start = text.index(core[0])
    return text[:start], text[start + len(core) :]


@segment_rule(
    "TS704",
    "edge-whitespace",
    Category.TEXT,
    Severity.INFO,
    summary="Leading or trailing whitespace of the translation differs from the source's.",
    explanation=(
        "Whitespace at the start or end of a span is kept when the article is rendered, so a translation "
        "that gains or loses it changes the spacing between sentences. The fix removes whitespace the "
        "translation added; whitespace only the source has is reported, not copied."
    ),
    bad=example(pair("1-101", "مرحبا. ", "Hello.")),
    good=example(pair("1-101", "مرحبا.", "Hello.")),
    fixable=True,
)
def edge_whitespace(ctx: Context, seg: Segment) -> Iterator[Finding]:
    assert seg.translation is not None and seg.source is not None
    t, s = seg.translation.text, seg.source.text
    if t[:1] not in EDGE_SPACE and t[-1:] not in EDGE_SPACE and s[:1] not in EDGE_SPACE and s[-1:] not in EDGE_SPACE:
        return  # no side starts or ends with white space (an empty side goes the long way: "" is in any string)
    tl, tt = _edges(t)
    sl, st = _edges(s)
    if bool(tl) == bool(sl) and bool(tt) == bool(st):
        return
    if not t.strip(EDGE_SPACE):
        return  # an empty translation is TS707
    what = []
    if bool(tl) != bool(sl):
        what.append(f"leading {'whitespace ' + repr(tl) if tl else 'none'} in the translation, {repr(sl) if sl else 'none'} in the source")
    if bool(tt) != bool(st):
        what.append(f"trailing {repr(tt) if tt else 'none'} in the translation, {repr(st) if st else 'none'} in the source")
    offset = 0 if bool(tl) != bool(sl) else len(t) - len(tt)
    # The fix removes whitespace the translation added; it does not copy the source's own
    # stray edges (often a no-break space) into the translation.
    fixed = (tl if sl else "") + t.strip(EDGE_SPACE) + (tt if st else "")
    if fixed == t:
        yield ctx.at_side(seg, "; ".join(what), offset=offset)
    else:
        yield ctx.at_side(seg, "; ".join(what), offset=offset, fix=fixed, edits=ctx.replace_translation(seg, fixed))


_BIDI_CHARS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_INVISIBLE_CHARS = "\u200b\ufeff\u2060\u180e"
_BIDI = re.compile(f"[{_BIDI_CHARS}]")
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
#: Both kinds, for the places outside the spans: front matter values and file names.
HIDDEN = re.compile(f"[{_BIDI_CHARS}{_INVISIBLE_CHARS}]")


def _char_findings(ctx: Context, seg: Segment, pattern: re.Pattern[str], what: str) -> Iterator[Finding]:
    assert seg.translation is not None and seg.source is not None
    tr = pattern.search(seg.translation.text)
    src = pattern.search(seg.source.text)
    for side, m, other in (("translation", tr, src), ("source", src, tr)):
        if m is None:
            continue
        other_side = "source" if side == "translation" else "translation"
        also = f"the {other_side} has it too" if other is not None else f"the {other_side} has none"
        yield ctx.at_side(seg, f"{what} {char_name(m.group(0))} in the {side}; {also}", side=side, offset=m.start())


@segment_rule(
    "TS705",
    "bidi-control",
    Category.TEXT,
    Severity.WARNING,
    trigger=_BIDI_CHARS,
    summary="A bidi embedding, override or isolate control (U+202A–U+202E, U+2066–U+2069) in a span.",
    explanation=(
        "Explicit bidi controls change how the whole line is ordered and survive copy-paste into commands "
        "(the 'Trojan Source' problem). Right-to-left text needs none of them in Markdown: the page direction does it. "
        "Reported on each side that has one."
    ),
    bad=example(pair("1-101", "انقر \u202bموافق\u202c.", "Click OK.")),
    good=example(pair("1-101", "انقر موافق.", "Click OK.")),
)
def bidi_control(ctx: Context, seg: Segment) -> Iterator[Finding]:
    assert seg.translation is not None and seg.source is not None
    if _BIDI.search(seg.translation.text) is None and _BIDI.search(seg.source.text) is None:
        return
    yield from _char_findings(ctx, seg, _BIDI, "bidi control")


@segment_rule(
    "TS706",
    "invisible-character",
    Category.TEXT,
    Severity.WARNING,
    trigger=_INVISIBLE_CHARS,
    summary="An invisible character (U+200B zero width space, U+FEFF, U+2060) inside a span.",
    explanation=(
        "Invisible characters break search (an error code with a zero width space in it is not found) and "
        "commands copied from the page. A byte-order mark belongs only at the very start of a file. "
        "Reported on each side that has one."
    ),
    bad=example(pair("1-101", "الرمز 5.7.\u200b57", "Code 5.7.57")),
    good=example(pair("1-101", "الرمز 5.7.57", "Code 5.7.57")),
)
def invisible_character(ctx: Context, seg: Segment) -> Iterator[Finding]:
    assert seg.translation is not None and seg.source is not None
    if _INVISIBLE.search(seg.translation.text) is None and _INVISIBLE.search(seg.source.text) is None:
        return
    yield from _char_findings(ctx, seg, _INVISIBLE, "invisible character")


@segment_rule(
    "TS707",
    "empty-translation",
    Category.TEXT,
    Severity.ERROR,
    summary="The translation span is empty while the source has text.",
    explanation="An empty translation span shows nothing to the reader: the sentence is lost from the localized page.",
    bad=example(pair("1-101", "", "Select **Save**.")),
    good=example(pair("1-101", "حدد **حفظ**.", "Select **Save**.")),
)
def empty_translation(ctx: Context, seg: Segment) -> Iterator[Finding]:
    assert seg.translation is not None and seg.source is not None
    if not seg.translation.text.strip() and seg.source.text.strip():
        yield ctx.at_side(seg, f"translation is empty; the source reads {q(seg.source.inline.plain)}")


@article_rule(
    "TS708",
    "file-name-hidden-character",
    Category.TEXT,
    Severity.WARNING,
    summary="A bidi control or invisible character (U+200B, U+202E …) in the article's file name.",
    explanation=(
        "The file name becomes the page's address and the PO catalog's name. An invisible character makes two "
        "names that look the same differ (links to the file fail), and a bidi override makes a name read in "
        "another order than it is stored ('Trojan Source'). The site's slug drops them; rename the file."
    ),
    bad=example(pair("1-101", "نص", "Text"), path="content/ar-SA/restore-a-group\u200b\u200b.md"),
    good=example(pair("1-101", "نص", "Text"), path="content/ar-SA/restore-a-group.md"),
)
def file_name_hidden_character(ctx: Context) -> Iterator[Finding]:
    path = ctx.article.path
    name = str(path).replace("\\", "/").rsplit("/", 1)[-1] if path else ""
    found = HIDDEN.findall(name)
    if found:
        chars = ", ".join(char_name(ch) for ch in dict.fromkeys(found))
        yield ctx.finding(f"the file name {name!r} holds {len(found)} hidden character(s): {chars}", line=1, column=1, target=name)
