"""A fast tokenizer for the inline Markdown that segments are written in, exact or silent.

markdown-it-py's inline parser is pure Python and general; most sides with any markup use only
a little of it: ``**bold**``, ``*em*``, ``[text](url "title")``, ``\\`` escapes and ``&`` entities.
:func:`tokens` reads that subset and returns the token stream markdown-it would build (types
``text``, ``strong_open``/``_close``, ``em_open``/``_close``, ``link_open``/``_close``), or None
as soon as it meets anything else: code spans, HTML, autolinks, images, line breaks, nested
brackets, ``_`` or ``***`` emphasis, and any run of ``*`` whose pairing needs CommonMark's
harder rules. None means "ask markdown-it": this module never guesses.

It reuses markdown-it's own pieces wherever the subset meets the spec (flanking predicates,
entity table, link destination/title helpers, URL normalisation and validation), and
``tests/test_inline_fast.py`` holds it to markdown-it token for token: over every side of the
corpus, and over random strings of the characters that matter.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from markdown_it.common.entities import entities
from markdown_it.common.normalize_url import normalizeLink, validateLink
from markdown_it.common.utils import fromCodePoint, isMdAsciiPunct, isPunctChar, isValidEntityCode, isWhiteSpace, unescapeAll
from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from markdown_it.rules_inline.entity import DIGITAL_RE, NAMED_RE
from markdown_it.rules_inline.escape import _ESCAPED

#: A token of the subset: (type, content) for text, (type, href, title) for link_open, (type,) else.
Tok = tuple[str, ...]

#: Where the text rule stops in this subset (markdown-it's terminators that have a rule).
_STOP = re.compile(r"[*_\[\]!&\\`<\n\r]")
#: A link destination with nothing to balance or unescape: up to a space, control character or paren.
_PLAIN_DEST = re.compile(r"[^\x00-\x20\x7f()\\]+")
_BAIL = frozenset("`<\n\r")


#: URLs that markdown-it's normalisation leaves as they are: an http(s) URL with a plain host name, a
#: site path or a fragment, then only characters mdurl does not encode and well-formed %XX escapes.
#: (tests/test_inline_fast.py compares the two on random URLs; anything else goes to mdurl.)
_NORMAL_URL = re.compile(
    r"(?:https?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?=[/?#]|$)|/(?!/)|#)(?:[A-Za-z0-9/._~:?#=&;+,!*'()$-]|%[0-9A-Fa-f]{2})*"
)


@lru_cache(maxsize=4096)
def _href(dest: str) -> str | None:
    """markdown-it's normalised href, or None where it would refuse the URL."""
    href = dest if _NORMAL_URL.fullmatch(dest) else normalizeLink(dest)
    return href if validateLink(href) else None


def _punct(ch: str) -> bool:
    return isMdAsciiPunct(ord(ch)) or isPunctChar(ch)


def _flanking(s: str, start: int, stop: int, end: int) -> tuple[bool, bool]:
    """(left, right) flanking of the delimiter run ``s[start:stop]`` inside a level ending at *end*
    (StateInline.scanDelims: the line's start and end count as white space)."""
    last = s[start - 1] if start > 0 else " "
    nxt = s[stop] if stop < end else " "
    last_punct, next_punct = _punct(last), _punct(nxt)
    last_ws, next_ws = isWhiteSpace(ord(last)), isWhiteSpace(ord(nxt))
    left = not (next_ws or (next_punct and not (last_ws or last_punct)))
    right = not (last_ws or (last_punct and not (next_ws or next_punct)))
    return left, right


def tokens(s: str) -> list[Tok] | None:
    """The inline tokens of *s* as markdown-it builds them, or None when *s* leaves the subset."""
    out: list[Tok] = []
    return out if _level(s, 0, len(s), out) else None


def _level(s: str, pos: int, end: int, out: list[Tok]) -> bool:
    """Tokenize ``s[pos:end]`` into *out* (one nesting level: a link's text is its own level,
    as markdown-it keeps separate delimiter lists there). False: leave it to markdown-it."""
    pending: list[str] = []
    runs: list[tuple[int, int, bool, bool]] = []  # (index in out, length, can open, can close)

    def flush() -> None:
        if pending:
            out.append(("text", "".join(pending)))
            pending.clear()

    while pos < end:
        m = _STOP.search(s, pos, end)
        stop = m.start() if m else end
        if stop > pos:
            pending.append(s[pos:stop])
            pos = stop
            if pos >= end:
                break
        ch = s[pos]
        if ch in _BAIL:
            return False
        if ch == "*" or ch == "_":
            run_end = pos + 1
            while run_end < end and s[run_end] == ch:
                run_end += 1
            left, right = _flanking(s, pos, run_end, end)
            if ch == "_":
                last_punct = pos > 0 and _punct(s[pos - 1])
                next_punct = run_end < end and _punct(s[run_end])
                if (left and (not right or last_punct)) or (right and (not left or next_punct)):
                    return False  # "_" emphasis: not in the subset
                pending.append(s[pos:run_end])
            elif left or right:
                if (left and right) or run_end - pos > 2:
                    return False  # a run that both opens and closes, or ***: CommonMark's harder rules
                flush()
                runs.append((len(out), run_end - pos, left, right))
                out.append(("text", s[pos:run_end]))
            else:
                pending.append(s[pos:run_end])
            pos = run_end
        elif ch == "!":
            if pos + 1 < end and s[pos + 1] == "[":
                return False  # an image
            pending.append("!")
            pos += 1
        elif ch == "\\":
            if pos + 1 >= end:
                pending.append("\\")
                pos += 1
            else:
                nxt = s[pos + 1]
                if nxt in "\n\r" or "\ud800" <= nxt <= "\udfff":
                    return False  # a hard break, or half of a surrogate pair
                pending.append(nxt if nxt in _ESCAPED else "\\" + nxt)
                pos += 2
        elif ch == "&":
            m = DIGITAL_RE.match(s, pos, end) if pos + 1 < end and s[pos + 1] == "#" else NAMED_RE.match(s, pos, end)
            if m is None or (m.group(0)[1] != "#" and m.group(1) not in entities):
                pending.append("&")
                pos += 1
            elif m.group(0)[1] == "#":
                g = m.group(1)
                code = int(g[1:], 16) if g[0] in "xX" else int(g, 10)
                pending.append(fromCodePoint(code) if isValidEntityCode(code) else fromCodePoint(0xFFFD))
                pos = m.end()
            else:
                pending.append(entities[m.group(1)])
                pos = m.end()
        elif ch == "]":
            pending.append("]")
            pos += 1
        else:  # "["
            link = _link(s, pos, end)
            if link is None:
                return False
            if link is False:
                pending.append("[")  # not a link: the bracket is text, and what follows is read as usual
                pos += 1
                continue
            label_end, after, href, title = link
            flush()
            out.append(("link_open", href, title))
            if not _level(s, pos + 1, label_end, out):
                return False
            out.append(("link_close",))
            pos = after
    flush()
    return _pair(runs, out)


def _link(s: str, pos: int, end: int) -> tuple[int, int, str, str] | Literal[False] | None:
    """The inline link at ``s[pos] == "["``: (label end, position after it, href, title); False
    when it is no link (markdown-it then reads the bracket as text); None outside the subset."""
    i = pos + 1
    while i < end:
        c = s[i]
        if c == "]":
            break
        if c in "[\\`<\n\r":
            return None  # nested brackets, escapes or tokens inside the label: leave it
        i += 1
    else:
        return False  # no closing bracket
    label_end = i
    i += 1
    if i >= end or s[i] != "(":
        return False  # a reference link, and there are no references
    i += 1
    while i < end and s[i] in " \t":
        i += 1
    if i >= end:
        return False
    if s[i] == "\n" or s[i] == "<":
        return None
    m = _PLAIN_DEST.match(s, i, end)
    if m is not None and (m.end() >= end or s[m.end()] not in "(\\"):
        dest, i = m.group(0), m.end()
        if "&" in dest:
            dest = unescapeAll(dest)
    else:
        res = parseLinkDestination(s, i, end)
        if not res.ok:
            return None
        dest, i = res.str, res.pos
    href = _href(dest)
    if href is None:
        return None  # markdown-it's own handling of refused URLs: leave it
    start = i
    while i < end and s[i] in " \t\n":
        i += 1
    title = ""
    if i < end and start != i:
        res_t = parseLinkTitle(s, i, end)
        if res_t.ok:
            title, i = res_t.str, res_t.pos
            while i < end and s[i] in " \t\n":
                i += 1
    if i >= end or s[i] != ")":
        return False
    return label_end, i + 1, href, title


def _pair(runs: list[tuple[int, int, bool, bool]], out: list[Tok]) -> bool:
    """Pair the ``*`` runs of one level as markdown-it's balance_pairs does, in the case where every
    run only opens or only closes: a closer takes the nearest open opener. Unequal lengths: False."""
    stack: list[tuple[int, int]] = []
    for index, length, can_open, can_close in runs:
        if can_open:
            stack.append((index, length))
        elif can_close and stack:
            opened, opened_length = stack.pop()
            if opened_length != length:
                return False
            kind = "strong" if length == 2 else "em"
            out[opened] = (kind + "_open",)
            out[index] = (kind + "_close",)
    return True
