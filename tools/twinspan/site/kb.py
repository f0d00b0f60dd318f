"""The knowledge base the site is built from: ``<content>/<locale>/**/*.md``, topics and error codes.

Articles may sit in subfolders of a locale folder (reference documentation does: ``actuals/…``);
``includes/`` folders hold fragments that other articles include, not pages.

Discovery only lists folders (every build process does it, and all agree on the slugs);
:func:`load_docs` parses the articles one language needs.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..io import inside, load
from ..model import Article
from ..parser import locale_from_path
from ..source import displayable
from . import slugs

SOURCE_LANGUAGE = "en"
#: Folders of fragments that articles include (``[!include [x](../includes/x.md)]``): not pages.
INCLUDES = "includes"
#: MkDocs counts this logger's warnings (``mkdocs build --strict`` fails on them).
log = logging.getLogger("mkdocs.plugins.twinspan")


def warn_skipped(path: Path, reason: str) -> None:
    log.warning("twinspan: %s: skipped: %s", path, reason)


@dataclass(frozen=True)
class Topic:
    id: str
    names: Mapping[str, str]
    pattern: re.Pattern[str] | None

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names["en"]


@lru_cache(maxsize=1)
def topics() -> tuple[Topic, ...]:
    """The topic table (``topics.yml`` beside this module), in the order topics are tried."""
    data = yaml.safe_load(resources.files(__package__).joinpath("topics.yml").read_text(encoding="utf-8"))
    out: list[Topic] = []
    for entry in data:
        words = [re.escape(str(k).lower()) for k in entry.get("keywords") or []]
        pattern = re.compile(r"(?<![\w.])(?:" + "|".join(words) + r")(?!\w)") if words else None
        out.append(Topic(str(entry["id"]), dict(entry["name"]), pattern))
    return tuple(out)


def topic_of(title: str, file_name: str) -> Topic:
    """The first topic one of whose keywords is a whole word of the English title or file name."""
    stem = file_name[:-3] if file_name.lower().endswith(".md") else file_name
    text = f"{title} {stem.replace('-', ' ').replace('_', ' ')}".lower()
    table = topics()
    for topic in table:
        if topic.pattern is not None and topic.pattern.search(text):
            return topic
    return table[-1]


@dataclass(frozen=True)
class Source:
    """One article of the knowledge base: its slug and its file in each translation locale."""

    slug: str
    name: str  # the file's path inside its locale folder, "/"-separated (``actuals/actuals-overview.md``)
    files: Mapping[str, Path]  # locale -> path, in the knowledge base's locale order


@dataclass
class KnowledgeBase:
    root: Path
    locales: tuple[str, ...]  # translation locales, e.g. ("ar-SA",)
    sources: dict[str, Source] = field(default_factory=dict)  # by slug

    @classmethod
    def discover(cls, root: str | Path) -> KnowledgeBase:
        """List ``root/<locale>/**/*.md`` (folders named like ``ar-SA``; not ``includes/``); nothing is parsed."""
        base = Path(root)
        locales: list[str] = []
        names: dict[str, dict[str, Path]] = {}
        seen_languages: set[str] = set()
        for folder in sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []:
            locale = locale_from_path(folder / "x.md")
            if locale != folder.name or language_of(locale) in seen_languages:
                continue
            if not inside(folder, base):
                warn_skipped(folder, f"a symlink to {folder.resolve()}, outside {base}")
                continue
            files = sorted(p for p in folder.rglob("*.md") if INCLUDES not in p.relative_to(folder).parts[:-1] and _publishable(p, base))
            if not files:
                continue
            locales.append(locale)
            seen_languages.add(language_of(locale))
            for p in files:
                names.setdefault(p.relative_to(folder).as_posix(), {})[locale] = p
        slug_of = slugs.assign(names)
        sources = {slug_of[n]: Source(slug_of[n], n, files) for n, files in sorted(names.items(), key=lambda kv: slug_of[kv[0]])}
        return cls(base, tuple(locales), sources)

    def languages(self) -> list[str]:
        """The site's languages: the translation languages, then English (the source halves)."""
        out = [language_of(loc) for loc in self.locales]
        return [*out, SOURCE_LANGUAGE] if SOURCE_LANGUAGE not in out else out

    def locale_of(self, lang: str) -> str | None:
        return next((loc for loc in self.locales if language_of(loc) == lang), None)

    def path(self, slug: str, lang: str) -> Path | None:
        """The file a page in *lang* is rendered from: the locale's file, or for English the first one."""
        src = self.sources.get(slug)
        if src is None:
            return None
        locale = self.locale_of(lang)
        if locale is not None:
            return src.files.get(locale)
        return next(iter(src.files.values()), None) if lang == SOURCE_LANGUAGE else None

    def slugs(self, lang: str) -> list[str]:
        return [slug for slug in self.sources if self.path(slug, lang) is not None]

    def slug_for_name(self, name: str) -> str | None:
        """The slug of the article at *name* (its path in the locale folder), or of the one file so named."""
        for src in self.sources.values():
            if src.name.lower() == name.lower():
                return src.slug
        alone = [src.slug for src in self.sources.values() if src.name.rsplit("/", 1)[-1].lower() == name.lower()]
        return alone[0] if len(alone) == 1 else None


def _publishable(path: Path, root: Path) -> bool:
    """An article file of the content tree: a symlink out of *root* is skipped with a warning
    (a strict build fails on it) and never read."""
    if not path.is_file():
        return False
    if path.is_symlink() and not inside(path, root):
        warn_skipped(path, f"a symlink to {path.resolve()}, outside {root}")
        return False
    return True


def language_of(locale: str) -> str:
    return locale.split("-")[0].lower()


@dataclass(frozen=True)
class Doc:
    """An article as one language of the site shows it."""

    slug: str
    article: Article
    side: str  # "translation" (the locale's text) or "source" (the English halves)
    path: Path
    title: str
    topic: Topic
    codes: tuple[str, ...]


#: Articles parsed in this process, with their error codes. The first build parses every file
#: once, before it forks the other languages' builds, which share these copy-on-write.
_PARSED: dict[Path, tuple[Article, tuple[str, ...]]] = {}


def parsed(path: Path) -> tuple[Article, tuple[str, ...]]:
    """The article at *path* and its error codes, parsed once per process."""
    hit = _PARSED.get(path)
    if hit is None:
        article = load(path)
        hit = _PARSED[path] = (article, error_codes(article))
    return hit


def forget() -> None:
    """Drop the parsed articles (a new build reads the files again)."""
    _PARSED.clear()


def preload(kb: KnowledgeBase, languages: Iterable[str]) -> int:
    """Parse, afresh, every file the given languages show; returns how many."""
    forget()
    paths = {p for lang in languages for slug in kb.slugs(lang) if (p := kb.path(slug, lang)) is not None}
    for path in sorted(paths):
        parsed(path)
    return len(paths)


def load_docs(kb: KnowledgeBase, lang: str) -> list[Doc]:
    """Every article shown in *lang*, in slug order (parsed, or taken from :func:`preload`)."""
    side = "source" if kb.locale_of(lang) is None else "translation"
    docs: list[Doc] = []
    for slug in kb.slugs(lang):
        path = kb.path(slug, lang)
        assert path is not None
        article, codes = parsed(path)
        translated, english = article.title
        fm_title = str((article.front_matter or {}).get("title") or "").strip()
        title = (translated or fm_title) if side == "translation" else english
        title = displayable(title or slug.replace("-", " ").capitalize())
        docs.append(Doc(slug, article, side, path, title, topic_of(english or fm_title, path.name), codes))
    return docs


def error_codes(article: Article) -> tuple[str, ...]:
    """The error codes the article mentions, on either side, in order of first mention.

    ``550 5.7.520`` is written ``550-5.7.520``, the form the search keeps as one token.
    A side without a digit has no code: its inline structure is not computed for nothing.
    """
    found: dict[str, None] = {}
    for seg in article.segments:
        for side in (seg.source, seg.translation):
            if side is not None and any(ch.isdigit() for ch in side.text):
                for code in side.inline.error_codes:
                    found.setdefault(code.replace(" ", "-"), None)
    return tuple(found)


def code_key(code: str) -> tuple[tuple[int, int | str], ...]:
    """Natural order: 5.7.3 before 5.7.57 before 550-5.1.1; hex codes after numbers."""
    parts = re.findall(r"\d+|[^\d.\-]+", code.lower())
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


def codes_index(docs: Iterable[Doc]) -> dict[str, list[Doc]]:
    """Every code, in natural order, with the articles that mention it (by title)."""
    index: dict[str, list[Doc]] = {}
    for doc in docs:
        for code in doc.codes:
            index.setdefault(code, []).append(doc)
    return {code: sorted(index[code], key=lambda d: d.title.casefold()) for code in sorted(index, key=code_key)}


def by_topic(docs: Sequence[Doc]) -> dict[str, list[Doc]]:
    """Topic id -> its articles by title, in topic-table order; empty topics left out."""
    groups: dict[str, list[Doc]] = {t.id: [] for t in topics()}
    for doc in docs:
        groups[doc.topic.id].append(doc)
    return {tid: sorted(items, key=lambda d: d.title.casefold()) for tid, items in groups.items() if items}
