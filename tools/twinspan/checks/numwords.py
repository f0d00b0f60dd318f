"""Numbers written as words, so that "2 hours" → "ساعتين" or "3 steps" → "ثلاث خطوات" is
not reported as a lost number (a good translation spells small numbers out).

Only whole numbers up to 99, and round hundreds/thousands, are known; per language,
cardinal and ordinal forms, and the dual of Arabic and Hebrew for 2.
"""

from __future__ import annotations

import re
from functools import lru_cache

_AR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "ـ": None})

_UNITS: dict[str, dict[int, str]] = {
    "ar": {
        0: "صفر",
        1: "واحد واحده احد احدي اول اولي اولا وحيد",
        2: "اثنان اثنين اثنتان اثنتين اثنا اثني ثاني ثانيه ثانيا ثنائي ثنائيه مزدوج مزدوجه كلا كلتا",
        3: "ثلاث ثلاثه ثالث ثالثه ثالثا ثلاثي ثلاثيه",
        4: "اربع اربعه رابع رابعه رابعا رباعي",
        5: "خمس خمسه خامس خامسه خامسا",
        6: "ست سته سادس سادسه سادسا",
        7: "سبع سبعه سابع سابعه سابعا",
        8: "ثمان ثماني ثمانيه ثامن ثامنه",
        9: "تسع تسعه تاسع تاسعه",
        10: "عشر عشره عاشر عاشره",
        20: "عشرون عشرين",
        30: "ثلاثون ثلاثين",
        40: "اربعون اربعين",
        50: "خمسون خمسين",
        60: "ستون ستين",
        70: "سبعون سبعين",
        80: "ثمانون ثمانين",
        90: "تسعون تسعين",
        100: "مائه مئه مائتي مئات",
        200: "مائتان مائتين مئتان مئتين",
        1000: "الف الاف",
        2000: "الفان الفين",
    },
    "he": {
        0: "אפס",
        1: "אחד אחת ראשון ראשונה יחיד יחידה",
        2: "שניים שתיים שני שתי שנייה שניה זוגי",
        3: "שלוש שלושה שלישי שלישית",
        4: "ארבע ארבעה רביעי רביעית",
        5: "חמש חמישה חמישי חמישית",
        6: "שש שישה שישי שישית",
        7: "שבע שבעה שביעי שביעית",
        8: "שמונה שמיני שמינית",
        9: "תשע תשעה תשיעי תשיעית",
        10: "עשר עשרה עשירי עשירית",
        20: "עשרים",
        30: "שלושים",
        40: "ארבעים",
        50: "חמישים",
        60: "שישים",
        70: "שבעים",
        80: "שמונים",
        90: "תשעים",
        100: "מאה מאות",
        200: "מאתיים",
        1000: "אלף אלפים",
        2000: "אלפיים",
    },
    "de": {
        0: "null",
        1: "ein eine einen einem einer eines eins erste ersten erster erstes einmal einzige einzigen einzelne",
        2: "zwei zweite zweiten zweiter zweimal beide beiden doppelt",
        3: "drei dritte dritten dritter dreimal",
        4: "vier vierte vierten",
        5: "fünf fünfte fünften",
        6: "sechs sechste sechsten",
        7: "sieben siebte siebten",
        8: "acht achte achten",
        9: "neun neunte neunten",
        10: "zehn zehnte zehnten",
        11: "elf elfte",
        12: "zwölf zwölfte",
        20: "zwanzig",
        30: "dreißig",
        40: "vierzig",
        50: "fünfzig",
        60: "sechzig",
        70: "siebzig",
        80: "achtzig",
        90: "neunzig",
        100: "hundert",
        1000: "tausend",
    },
    "en": {
        0: "zero",
        1: "one first once single",
        2: "two second twice double dual both pair",
        3: "three third thrice triple",
        4: "four fourth",
        5: "five fifth",
        6: "six sixth",
        7: "seven seventh",
        8: "eight eighth",
        9: "nine ninth",
        10: "ten tenth",
        11: "eleven eleventh",
        12: "twelve twelfth dozen",
        20: "twenty",
        30: "thirty",
        40: "forty",
        50: "fifty",
        60: "sixty",
        70: "seventy",
        80: "eighty",
        90: "ninety",
        100: "hundred",
        1000: "thousand",
    },
}
#: German compounds start with the number ("zweistufig", "Drei-Punkte-Menü").
_DE_PREFIXES = {2: "zwei", 3: "drei", 4: "vier", 5: "fünf", 6: "sechs", 7: "sieben", 10: "zehn", 12: "zwölf"}
_TEENS = {"ar": "عشر عشره", "he": "עשר עשרה"}
_PREFIX_LETTERS = {"ar": "وفبلك", "he": "והבלמשכ"}
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=8)
def _forms(language: str) -> dict[int, frozenset[str]]:
    return {n: frozenset(w.split()) for n, w in _UNITS.get(language, {}).items()}


def _variants(word: str, language: str) -> set[str]:
    """A word with its clitics taken off: و/ف/ب/ل/ك and ال in Arabic, ו ה ב ל מ ש כ in Hebrew."""
    out = {word}
    letters = _PREFIX_LETTERS.get(language, "")
    if not letters:
        return out
    stem = word
    for _ in range(2):
        if len(stem) > 2 and stem[0] in letters:
            stem = stem[1:]
            out.add(stem)
    for w in list(out):
        if language == "ar" and w.startswith("ال") and len(w) > 3:
            out.add(w[2:])
        if language == "ar" and w.startswith("لل") and len(w) > 3:
            out.add(w[2:])
    return out


def _words(text: str, language: str) -> set[str]:
    if language == "ar":
        text = text.translate(_AR_FOLD)
    found: set[str] = set()
    for w in _WORD.findall(text.lower()):
        found |= _variants(w, language)
    return found


def _has_dual(words: set[str], language: str) -> bool:
    if language == "ar":
        return any(len(w) >= 4 and w.endswith(("ين", "ان")) for w in words)
    if language == "he":
        return any(len(w) >= 4 and w.endswith("יים") for w in words)
    return False


def mentions(text: str, number: str, language: str) -> bool:
    """Whether *text* (in *language*) writes *number* in words."""
    if not number.isdigit() or language not in _UNITS:
        return False
    n = int(number)
    forms = _forms(language)
    words = _words(text, language)

    def has(k: int) -> bool:
        if words & forms.get(k, frozenset()):
            return True
        prefix = _DE_PREFIXES.get(k) if language == "de" else None
        return prefix is not None and any(w.startswith(prefix) for w in words)

    if n in forms and has(n):
        return True
    if n == 2 and _has_dual(words, language):
        return True
    if 11 <= n <= 19 and language in _TEENS:
        return bool(words & frozenset(_TEENS[language].split())) and has(n - 10)
    if 21 <= n <= 99 and n % 10:
        if language == "de":
            return any(_compound_de(w, n) for w in words)
        return has(n % 10) and has(n - n % 10)
    return False


def _compound_de(word: str, n: int) -> bool:
    units = _forms("de").get(n % 10, frozenset())
    tens = _forms("de").get(n - n % 10, frozenset())
    return any(word == f"{u}und{t}" for u in units | {"ein"} for t in tens)
