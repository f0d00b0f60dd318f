"""Comparing what must survive translation: numbers and URLs, written the locale's way.

- Numbers: ``50,000`` = ``50000`` = ``50.000`` (German grouping); ``88.1`` = ``88,1``;
  Arabic-Indic digits are already ASCII in the model (``Inline.numbers``).
- URLs: a locale segment (``/en-us/`` → ``/ar-sa/``), locale query values (``ui=en-US``),
  ``http`` → ``https``, the case of the host and a trailing slash are not changes.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..inline import Inline, numbers_in
from .numwords import mentions

_GROUPED_COMMA = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_GROUPED_DOT = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
#: Languages that group thousands with a dot (1.000) and write decimals with a comma.
DOT_GROUPING = frozenset({"de", "da", "es", "id", "it", "nl", "pt", "tr", "el", "ro", "sl", "hr", "sr", "vi", "nb", "is"})


def canon_number(token: str, language: str = "") -> str:
    """One number written the same way whatever the locale's separators."""
    if _GROUPED_COMMA.fullmatch(token):
        return token.replace(",", "")
    if _GROUPED_DOT.fullmatch(token) and (token.count(".") > 1 or "," in token or language in DOT_GROUPING):
        return token.replace(".", "").replace(",", ".")
    if _DECIMAL_COMMA.fullmatch(token) or (language in DOT_GROUPING and "," in token and "." not in token):
        return token.replace(",", ".")
    return token


def numbers(inline: Inline, language: str = "") -> set[str]:
    """The numbers of one side, canonical, without those inside error codes."""
    found = {canon_number(n, language) for n in inline.numbers}
    for code in inline.error_codes:
        found.difference_update(numbers_in(code))
    return found


def number_differences(source: Inline, translation: Inline, language: str) -> tuple[list[str], list[str]]:
    """(missing, added): numbers of the source not in the translation, and the reverse, leaving out
    what is written another way: spelled out (2 hours → «ساعتين»; "two" → 2) or scaled (30 million →
    30,000,000). Error codes are not counted (see TS602)."""
    src, tr = numbers(source, "en"), numbers(translation, language)
    if src == tr:
        return [], []
    missing = sorted(n for n in src - tr if not any(is_scaled(n, t) for t in tr) and not mentions(translation.plain, n, language))
    added = sorted(n for n in tr - src if not any(is_scaled(s, n) for s in src) and not mentions(source.plain, n, "en"))
    return missing, added


def is_scaled(small: str, big: str) -> bool:
    """``30`` and ``30000000`` (30 million written out): *big* is *small* followed by at least three zeros."""
    return small.isdigit() and big.isdigit() and len(big) - len(small) >= 3 and big.startswith(small) and not big[len(small) :].strip("0")


_LOCALE_SEGMENT = re.compile(r"^[a-z]{2,3}(?:-[a-z]{4})?-[a-z]{2}$", re.I)
#: Query parameters whose value is a locale or a language id.
_LOCALE_PARAMS = frozenset({"ui", "rs", "ad", "lang", "language", "mkt", "setlang", "culture", "locale", "clcid", "omkt", "hl"})


@lru_cache(maxsize=8192)
def normalize_url(url: str) -> str:
    """The URL with its locale variations removed, for comparing a source link to its translation."""
    u = url.strip()
    try:
        parts = urlsplit(u)
    except ValueError:
        return u
    scheme = parts.scheme.lower()
    if scheme == "http":
        scheme = "https"
    segments = [s for s in parts.path.split("/") if not _LOCALE_SEGMENT.match(s)]
    path = "/".join(segments)
    if len(path) > 1:
        path = path.rstrip("/")
    query = parts.query
    if query:
        pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k.lower() not in _LOCALE_PARAMS]
        query = urlencode(pairs)
    return urlunsplit((scheme, parts.netloc.lower(), path, query, parts.fragment))


def is_locale_variant(a: str, b: str) -> bool:
    """Whether two different URLs differ only by locale (so the change is not reported)."""
    return a != b and normalize_url(a) == normalize_url(b)


def words(text: str) -> list[str]:
    """Words of a text (letters and digits, with inner hyphens and apostrophes)."""
    return _WORD.findall(text)


_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


#: MM/DD/YYYY in ASCII digits: what strptime's "%m/%d/%Y" reads, when the numbers make a date.
_US_DATE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")


def parse_date(value: Any) -> dt.date | None:
    """A front matter date (``ms.lasthandoff``): MM/DD/YYYY as published, or ISO; None when not a date."""
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    m = _US_DATE.fullmatch(text)
    if m is not None:  # the published form, read without strptime (a tenth of the time)
        try:
            return dt.date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
        except ValueError:
            return None
    for fmt in ("%m/%d/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
