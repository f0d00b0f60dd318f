"""Small helpers the rule modules share."""

from __future__ import annotations

import unicodedata

#: Whitespace at the edges of a span: spaces, tabs, no-break spaces.
EDGE_SPACE = " \t\u00a0\u202f"


def q(text: str | None, limit: int = 60) -> str:
    """Quote a piece of text for a one-line message: «…», shortened in the middle."""
    if text is None:
        return "«»"
    text = " ".join(text.split())
    if len(text) > limit:
        half = limit // 2 - 1
        text = text[:half] + "…" + text[-half:]
    return f"«{text}»"


def char_name(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'UNKNOWN')}"


def outside_code(text: str) -> list[tuple[int, int]]:
    """Stretches of *text* outside backtick code spans, as (start, end) offsets."""
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos < n:
        tick = text.find("`", pos)
        if tick == -1:
            out.append((pos, n))
            break
        out.append((pos, tick))
        run = tick
        while run < n and text[run] == "`":
            run += 1
        fence = text[tick:run]
        close = text.find(fence, run)
        if close == -1:  # an unmatched backtick run is literal text
            out.append((tick, run))
            pos = run
            continue
        pos = close + len(fence)
    return [(a, b) for a, b in out if b > a]


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
