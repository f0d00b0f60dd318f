"""Sub-step label alphabets: which letter comes where, in which script.

Latin labels run a b c …; Arabic ones follow the abjad order أ ب ج د ه و ز ح ط ي …;
Hebrew ones א ב ג ד ה ו ז ח ט י …. Written variants count as the same letter
(ا/أ/إ/آ, ه/هـ/ة, ي/ى, Hebrew final forms). Configuration adds alphabets by
language or locale (``[tool.twinspan.alphabets]``).
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

LATIN = tuple(string.ascii_lowercase)
ARABIC = tuple("أبجدهوزحطيكلمنسعفصقرشتثخذضظغ")
HEBREW = tuple("אבגדהוזחטיכלמנסעפצקרשת")

#: Written variants folded onto the letter of the alphabet.
_FOLD = str.maketrans(
    {
        "ا": "أ",
        "إ": "أ",
        "آ": "أ",
        "ة": "ه",
        "ى": "ي",
        "ی": "ي",
        "ک": "ك",
        "ـ": None,  # tatweel: هـ is ه
        "ך": "כ",
        "ם": "מ",
        "ן": "נ",
        "ף": "פ",
        "ץ": "צ",
    }
)

BUILTIN: dict[str, tuple[str, ...]] = {"Latin": LATIN, "Arabic": ARABIC, "Hebrew": HEBREW}
#: The alphabet of a language's labels; any other language uses Latin.
BUILTIN_BY_LANGUAGE = {"ar": "Arabic", "he": "Hebrew"}


def fold(letter: str) -> str:
    return letter.translate(_FOLD).strip().lower()


@dataclass(frozen=True, slots=True)
class Letter:
    alphabet: str
    index: int  # 0 for the first letter


class Alphabets:
    """The alphabets in force: built-in ones plus configured ones."""

    def __init__(self, configured: Mapping[str, Sequence[str]] | None = None) -> None:
        self.by_name: dict[str, tuple[str, ...]] = dict(BUILTIN)
        self.by_language: dict[str, str] = dict(BUILTIN_BY_LANGUAGE)
        for key, letters in (configured or {}).items():
            self.by_name[key] = tuple(fold(x) for x in letters)
            self.by_language[key.lower()] = key
        self._positions = {name: {fold(x): i for i, x in enumerate(letters)} for name, letters in self.by_name.items()}

    def letter(self, text: str | None, prefer: str | None = None) -> Letter | None:
        """The letter a label is (``"ب"`` → Arabic 1), looked up in *prefer* first; None when unknown."""
        if not text:
            return None
        key = fold(text)
        if prefer is not None:
            i = self._positions.get(prefer, {}).get(key)
            if i is not None:
                return Letter(prefer, i)
        for name, positions in self._positions.items():
            i = positions.get(key)
            if i is not None:
                return Letter(name, i)
        return None

    def for_locale(self, locale: str | None) -> str:
        """The name of the alphabet a locale's labels use."""
        if not locale:
            return "Latin"
        low = locale.lower()
        return self.by_language.get(low) or self.by_language.get(low.split("-")[0]) or "Latin"

    def nth(self, alphabet: str, index: int) -> str | None:
        letters = self.by_name.get(alphabet, LATIN)
        return letters[index] if 0 <= index < len(letters) else None
