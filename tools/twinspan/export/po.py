"""Segments as PO catalogs (polib): one entry per segment, ready for Poedit or Weblate.

``msgctxt`` is the segment id, ``msgid`` the English source and ``msgstr`` the translation,
both as the inline Markdown written in the spans; ``#:`` is ``path:line`` of the translation
span and ``#.`` its place ("procedure 1 › step 2 › sub-step b"). Entries of machine-translated
articles (``ms.translationtype: MT``) are ``fuzzy`` until a reviewer approves them (see
:mod:`twinspan.export.state`).

A segment id used twice in one article (broken input) keeps its id on the first entry and
gets ``#2``, ``#3``, … on the later ones (``44498-104#2``): every ``msgctxt`` stays unique, as
``msgfmt`` requires, and ``po apply`` maps it back to that occurrence.

White space that holds a line break at either edge of a span (``…版本。\n</span>``, or a
``<td>`` span whose text starts on the next line) is the Markdown's layout, not the sentence:
it is left out of ``msgid`` and ``msgstr`` and kept in the file as it is. Otherwise one side
ending with ``\n`` and the other not makes ``msgfmt --check`` refuse the catalog ("'msgid' and
'msgstr' entries do not both end with '\n'"), and Poedit and Weblate with it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import polib
from babel.core import UnknownLocaleError
from babel.messages.plurals import get_plural

from .. import __version__
from ..model import Article, Segment
from .paths import ArticleKey, reference_path
from .places import segment_places
from .state import LocaleState

#: Plural rule when Babel does not know the language (English-like: one, other).
DEFAULT_PLURAL_FORMS = "nplurals=2; plural=(n != 1);"
H_SOURCE_DIGEST = "X-Twinspan-Source-Digest"
H_TRANSLATION_DIGEST = "X-Twinspan-Translation-Digest"
H_ARTICLE = "X-Twinspan-Article"
_UNREPRESENTABLE = re.compile("[\x00\udc80-\udcff]")
_LASTHANDOFF = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_LEAD = re.compile(r"[ \t]*[\r\n][ \t\r\n]*")
_TRAIL = re.compile(r"[ \t]*[\r\n][ \t\r\n]*\Z")


def split_layout(text: str) -> tuple[str, str, str]:
    """``(lead, core, trail)``: the white space holding a line break at each edge of a span's text
    (empty when there is none) and what lies between. ``lead + core + trail == text``."""
    m = _LEAD.match(text)
    lead = m.group() if m else ""
    rest = text[len(lead) :]
    m = _TRAIL.search(rest)
    trail = m.group() if m else ""
    return lead, rest[: len(rest) - len(trail)], trail


@dataclass(frozen=True, slots=True)
class Unit:
    """One PO entry's worth of an article: a paired segment."""

    context: str  # msgctxt: the segment id, with "#n" on the n-th use of a repeated id
    index: int  # Segment.index
    source: str  # msgid: the source span's text without its layout edges (see split_layout)
    translation: str  # msgstr: the same of the translation span
    place: str
    line: int
    layout: tuple[str, str] = ("", "")  # the translation span's layout edges, kept around an edited msgstr

    def span_text(self, msgstr: str) -> str:
        """The translation span's new text for an edited *msgstr*: its layout edges kept."""
        return self.layout[0] + msgstr + self.layout[1]


@dataclass(frozen=True, slots=True)
class Units:
    units: tuple[Unit, ...]
    skipped: tuple[tuple[Segment, str], ...]  # segments with no entry, and why

    def by_context(self) -> dict[str, Unit]:
        return {u.context: u for u in self.units}


def units_of(article: Article) -> Units:
    """The article's segments as PO units, in file order. Unpaired halves and text a PO file
    cannot hold (NUL, undecodable bytes) have no entry: they are listed in ``skipped``."""
    places = segment_places(article)
    seen: dict[str, int] = {}
    units: list[Unit] = []
    skipped: list[tuple[Segment, str]] = []
    for seg in article.segments:
        n = seen[seg.id] = seen.get(seg.id, 0) + 1
        context = seg.id if n == 1 else f"{seg.id}#{n}"
        if seg.translation is None or seg.source is None:
            skipped.append((seg, "has no " + ("source" if seg.source is None else "translation") + " span"))
            continue
        if _UNREPRESENTABLE.search(seg.source.text) or _UNREPRESENTABLE.search(seg.translation.text):
            skipped.append((seg, "holds a NUL or undecodable byte, which a PO file cannot carry"))
            continue
        place = places.get(seg.index, "front matter")
        source = split_layout(seg.source.text)[1]
        lead, translation, trail = split_layout(seg.translation.text)
        units.append(Unit(context, seg.index, source, translation, place, seg.translation.line, (lead, trail)))
    return Units(tuple(units), tuple(skipped))


def digest(pairs: list[tuple[str, str]]) -> str:
    """A short fingerprint of (msgctxt, text) pairs, whatever their order (PO tools may sort entries)."""
    h = hashlib.sha256()
    for context, text in sorted(pairs):
        h.update(context.encode("utf-8") + b"\x1f" + text.encode("utf-8", "surrogateescape") + b"\x1e")
    return h.hexdigest()[:16]


def source_digest(units: Units) -> str:
    """Fingerprint of the English of an article: a catalog made from another version has another one."""
    return digest([(u.context, u.source) for u in units.units])


def translation_digest(units: Units) -> str:
    return digest([(u.context, u.translation) for u in units.units])


def plural_forms(locale: str | None) -> str:
    """The gettext ``Plural-Forms`` of *locale* from Babel's CLDR data (Arabic: six forms)."""
    if locale:
        try:
            return str(get_plural(locale.replace("-", "_")))
        except (UnknownLocaleError, ValueError):
            pass
    return DEFAULT_PLURAL_FORMS


def gettext_language(locale: str | None) -> str:
    """``ar_SA`` for ``ar-SA``: the form of the PO ``Language`` header."""
    return (locale or "").replace("-", "_")


def _revision_date(article: Article) -> str:
    """``ms.lasthandoff`` (the last localization hand-off, MM/DD/YYYY) as a PO date; deterministic."""
    value = str((article.front_matter or {}).get("ms.lasthandoff", ""))
    m = _LASTHANDOFF.match(value.strip())
    return f"{m.group(3)}-{int(m.group(1)):02d}-{int(m.group(2)):02d} 00:00+0000" if m else ""


def _reference(path: str) -> str:
    ref = reference_path(path)
    return f"\u2068{ref}\u2069" if " " in ref else ref  # GNU gettext 0.22 quotes names with spaces so


def build_catalog(article: Article, key: ArticleKey, units: Units, state: LocaleState) -> polib.POFile:
    """The catalog of one article. Entries are fuzzy in MT articles unless approved in *state*."""
    machine = (article.translation_type or "").upper() == "MT"
    po = polib.POFile(wrapwidth=0)
    po.header = f"Translations of {key.file('.md')} (twinspan).\nmsgid: English source; msgstr: the translation; msgctxt: segment id."
    po.metadata = {
        "Project-Id-Version": f"twinspan-content {key}",
        "PO-Revision-Date": _revision_date(article),
        "Last-Translator": "",
        "Language-Team": article.locale or "",
        "Language": gettext_language(article.locale),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms(article.locale),
        "X-Generator": f"twinspan {__version__}",
        H_ARTICLE: str(key.file(".md")),
        "X-Twinspan-Translation-Type": article.translation_type or "",
        H_SOURCE_DIGEST: source_digest(units),
        H_TRANSLATION_DIGEST: translation_digest(units),
    }
    ref = _reference(article.path or str(key.file(".md")))
    for u in units.units:
        approved = state.is_approved(key.name, u.context, u.source, u.translation)
        fuzzy = machine and bool(u.translation) and not approved
        po.append(
            polib.POEntry(
                msgctxt=u.context,
                msgid=u.source,
                msgstr=u.translation,
                comment=u.place,
                occurrences=[(ref, str(u.line))],
                flags=["fuzzy"] if fuzzy else [],
            )
        )
    return po


def catalog_bytes(po: polib.POFile) -> bytes:
    return (str(po).rstrip("\n") + "\n").encode("utf-8")
