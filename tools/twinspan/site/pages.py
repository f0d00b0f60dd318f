"""The pages of one language build: home, error codes, topics and articles, generated in memory.

:class:`SiteBuild` holds what one build knows (its language, the parsed articles, topics,
codes, referenced media); :class:`TwinspanPage` is a MkDocs page whose HTML comes from it
instead of from Python-Markdown, so thousands of articles cost one render each.
"""

from __future__ import annotations

import json
import posixpath
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from ..model import Article
from ..source import displayable
from . import i18n, kb
from .markup import Markup
from .render import ArticleRenderer
from .sanitize import Links, Media, Sanitizer
from .slugs import slugify


@dataclass(frozen=True)
class Options:
    link_base: str | None = None  # "https://learn.microsoft.com/{locale}" for site-absolute links
    structured_data: Callable[[Article, str], Any] | None = None  # (article, lang) -> StructuredData | None


class TwinspanPage(Page):
    """A page whose content :class:`SiteBuild` renders (no Markdown source to read)."""

    def __init__(self, file: File, config: MkDocsConfig, site: SiteBuild, kind: str, key: str) -> None:
        self.site = site
        self.kind = kind  # "home", "codes", "topic" or "article"
        self.key = key  # the topic id or article slug
        super().__init__(None, file, config)

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""
        self.meta = self.site.meta(self)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content, toc = self.site.render(self)
        self.toc = get_toc(toc)  # type: ignore[arg-type]
        self.present_anchor_ids = set()


class SiteBuild:
    def __init__(self, knowledge: kb.KnowledgeBase, lang: str, options: Options) -> None:
        self.kb = knowledge
        self.lang = lang
        self.options = options
        self.dir = i18n.direction(lang)
        self.docs = kb.load_docs(knowledge, lang)
        self.by_slug = {d.slug: d for d in self.docs}
        self.topics = kb.by_topic(self.docs)
        self.topic_names = {t.id: t.name(lang) for t in kb.topics()}
        self.codes = kb.codes_index(self.docs)
        self.media = Media()
        self.markup = Markup(Sanitizer())
        self._names = {src.name.lower(): slug for slug, src in knowledge.sources.items()}
        by_base: dict[str, list[str]] = {}
        for slug, src in knowledge.sources.items():
            by_base.setdefault(posixpath.basename(src.name.lower()), []).append(slug)
        self._basenames = {base: found[0] if len(found) == 1 else "" for base, found in by_base.items()}
        self.urls: dict[str, str] = {}  # slug -> URL in this build (set by files())
        self.structured: dict[str, Any] = {}  # slug -> StructuredData (JSON-LD, steps JSON), when there is one

    # --- MkDocs files and navigation ---------------------------------------------------------------
    def files(self, config: MkDocsConfig) -> list[File]:
        made: list[File] = []

        def add(src_uri: str, kind: str, key: str, abs_src: Path | None = None, in_nav: bool = True) -> File:
            inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
            if abs_src is not None:
                f = File.generated(config, src_uri, abs_src_path=str(abs_src), inclusion=inclusion)
            else:
                f = File.generated(config, src_uri, content="", inclusion=inclusion)
            TwinspanPage(f, config, self, kind, key)
            made.append(f)
            return f

        add("index.md", "home", "")
        add("codes.md", "codes", "")
        for tid in self.topics:
            add(f"topics/{tid}.md", "topic", tid)
        for doc in self.docs:
            self.urls[doc.slug] = add(f"{doc.slug}.md", "article", doc.slug, doc.path, in_nav=False).url
        return made

    def nav(self) -> list[Any]:
        topics = [{self.topic_names[tid]: f"topics/{tid}.md"} for tid in self.topics]
        return [
            {i18n.t(self.lang, "home"): "index.md"},
            {i18n.t(self.lang, "codes"): "codes.md"},
            {i18n.t(self.lang, "topics"): topics},
        ]

    # --- page data -----------------------------------------------------------------------------------
    def meta(self, page: TwinspanPage) -> dict[str, Any]:
        """Front matter for Material. Titles are HTML-escaped: Material's templates write
        ``page.meta.title`` as is, and a title's plain text may hold "<img onerror=…>"."""
        if page.kind == "article":
            doc = self.by_slug[page.key]
            meta: dict[str, Any] = {"title": escape(doc.title)}
            if doc.codes:
                meta["tags"] = list(doc.codes)  # Material's search boosts tags: a code finds its fix
            return meta
        if page.kind == "topic":
            return {"title": escape(self.topic_names[page.key]), "search": {"exclude": True}}
        if page.kind == "codes":
            return {"title": self.t("codes")}
        return {"title": self.t("home.title"), "search": {"exclude": True}}

    def render(self, page: TwinspanPage) -> tuple[str, list[dict[str, Any]]]:
        url = page.file.url
        if page.kind == "article":
            return self.article(page, self.by_slug[page.key], url)
        if page.kind == "topic":
            return self.topic(page.key, url), []
        if page.kind == "codes":
            return self.codes_page(url)
        return self.home(url), []

    def href(self, target: str, page_url: str) -> str:
        return escape(get_relative_url(target, page_url))

    def to_root(self, page_url: str) -> str:
        """The relative path from a page to this build's root, ending in "/" ("" at the root)."""
        rel = get_relative_url("", page_url)
        return "" if rel == "." else rel + "/"

    def other_url(self, lang: str, target: str, page_url: str) -> str:
        """*target* (a URL inside a build, the same in every language) in the build of *lang*."""
        return f"{self.to_root(page_url)}../{lang}/{target}"

    def alternates(self, page: TwinspanPage) -> list[dict[str, Any]]:
        """The page in every language of the site, the current one marked: the switch and hreflang links."""
        if page.kind == "article":
            slugs = [page.key]
        elif page.kind == "topic":  # a topic exists in the languages that have one of its articles
            slugs = [d.slug for d in self.topics[page.key]]
        else:
            slugs = []
        out: list[dict[str, Any]] = []
        for lang in self.kb.languages():
            if slugs and not any(self.kb.path(slug, lang) is not None for slug in slugs):
                continue
            here = lang == self.lang
            url = self.other_url(lang, page.file.url, page.file.url)
            out.append({"lang": lang, "name": i18n.language_name(lang), "url": url, "current": here})
        return out

    def article_url(self, page_url: str, doc: kb.Doc | None = None) -> Callable[[str], str | None]:
        """Find the page of a link to an article file (as written in *doc*): by its path from *doc*'s
        folder, else by the file name when one article alone has it."""
        here = posixpath.dirname(self.kb.sources[doc.slug].name) if doc is not None and doc.slug in self.kb.sources else ""

        def find(link: str) -> str | None:
            path = posixpath.normpath(posixpath.join(here, link)).lower()
            slug = self._names.get(path)
            if slug is None:
                base = posixpath.basename(path)
                alone = self._basenames.get(base)
                slug = alone if alone else None
            return self.urls.get(slug) if slug is not None else None

        return find

    def context(self, page: TwinspanPage) -> dict[str, Any]:
        """What the templates read as ``twinspan``: language, alternates, robots, JSON-LD."""
        ctx: dict[str, Any] = {"lang": self.lang, "dir": self.dir, "kind": page.kind, "alternates": self.alternates(page)}
        ctx["crumbs_label"] = i18n.t(self.lang, "breadcrumb")
        if page.kind == "article":
            doc = self.by_slug[page.key]
            fm = doc.article.front_matter or {}
            robots = next((v for k, v in fm.items() if str(k).lower() == "robots"), None)
            ctx["robots"] = str(robots).strip() if robots not in (None, "") else None
            home, topic = self.href("", page.file.url), self.href(f"topics/{doc.topic.id}/", page.file.url)
            ctx["crumbs"] = [{"title": i18n.t(self.lang, "home"), "url": home}, {"title": self.topic_names[doc.topic.id], "url": topic}]
            data = self.structured.get(doc.slug)
            if data is not None and getattr(data, "jsonld", None):
                # "<", ">" and "&" as JSON escapes: no "</script" nor "<!--" can end or derail the element
                text = displayable(json.dumps(data.jsonld, ensure_ascii=False))
                ctx["jsonld"] = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return ctx

    def write_files(self, site_dir: Path) -> None:
        """The files pages refer to: the media they show and their steps JSON."""
        for source, rel in self.media.files.items():
            dest = site_dir / rel
            if not dest.exists() or dest.stat().st_mtime < source.stat().st_mtime:
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, dest)
        for slug, data in self.structured.items():
            if getattr(data, "steps", None):
                dest = site_dir / self.urls[slug] / "steps.json" if self.urls[slug].endswith("/") else site_dir / f"{slug}.steps.json"
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_text(displayable(json.dumps(data.steps, ensure_ascii=False, indent=1)), encoding="utf-8")

    # --- article pages --------------------------------------------------------------------------------
    def article(self, page: TwinspanPage, doc: kb.Doc, url: str) -> tuple[str, list[dict[str, Any]]]:
        locale = (doc.article.locale or self.kb.locale_of(self.lang) or "") if doc.side == "translation" else doc.article.source_locale

        def links(locale: str) -> Links:
            base = self.options.link_base.format(locale=locale.lower()) if self.options.link_base else None
            return Links(url, doc.path.parent, self.media, self.article_url(url, doc), base)

        self.markup.sanitizer.use(links(locale), links(doc.article.source_locale))
        try:
            rendered = ArticleRenderer(doc, self.lang, self.markup).render()
        finally:
            self.markup.sanitizer.use(None)
        if self.options.structured_data is not None:
            data = self.options.structured_data(doc.article, self.lang)
            if data is not None:
                self.structured[doc.slug] = data
        t = self.t
        tools: list[str] = []
        for alt in self.alternates(page):
            if alt["current"]:
                continue
            tools.append(
                f'<a class="ts-switch" href="{escape(alt["url"])}" hreflang="{alt["lang"]}" lang="{alt["lang"]}" data-lang="{alt["lang"]}">'
                f"{escape(i18n.language_name(alt['lang']))}</a>"
            )
        if doc.side == "translation":
            tools.append(
                f'<button type="button" class="ts-toggle" aria-pressed="false" title="{t("show_source.hint")}">{t("show_source")}</button>'
            )
        if rendered.steps:
            template = escape(i18n.t(self.lang, "progress", done="{done}", total="{total}"))
            tools.append(
                f'<span class="ts-progress" aria-live="polite" data-template="{template}" data-total="{rendered.steps}"></span>'
                f'<button type="button" class="ts-reset">{t("reset")}</button>'
            )
        data = self.structured.get(doc.slug)
        if data is not None and getattr(data, "steps", None):
            name = "steps.json" if url.endswith("/") else f"{doc.slug}.steps.json"
            tools.append(f'<a class="ts-steps-json" href="{name}" download>{t("steps_json")}</a>')
        if doc.codes:
            codes = " ".join(f'<a href="{self.href("codes/", url)}#{code_anchor(c)}" dir="ltr">{escape(c)}</a>' for c in doc.codes)
            tools.append(f'<span class="ts-codes">{t("codes.article")}: {codes}</span>')
        dirattr = f' lang="{self.lang}" dir="{self.dir}"'
        html = (
            f'<h1 id="ts-title">{rendered.title}</h1>'
            f'<nav class="ts-tools" aria-label="{t("toolbar")}" data-search-exclude>{"".join(tools)}</nav>'
            f'<div class="ts-article" data-slug="{escape(doc.slug)}"{dirattr}>{rendered.body}</div>'
        )
        return html, rendered.toc

    def t(self, key: str) -> str:
        return escape(i18n.t(self.lang, key))

    # --- index pages -----------------------------------------------------------------------------------
    def home(self, url: str) -> str:
        items = "".join(
            f'<li><a href="{self.href(f"topics/{tid}/", url)}">{escape(self.topic_names[tid])}</a> '
            f'<span class="ts-count">{escape(i18n.t(self.lang, "topic.count", n=len(docs)))}</span></li>'
            for tid, docs in self.topics.items()
        )
        return (
            f"<h1>{self.t('home.title')}</h1><p>{self.t('home.lead')}</p>"
            f'<p><a class="md-button" href="{self.href("codes/", url)}">{self.t("codes")}</a> '
            f'<span class="ts-count">{escape(i18n.t(self.lang, "codes.count", n=len(self.codes)))}</span></p>'
            f'<h2 id="topics">{self.t("topics")}</h2><ul class="ts-topics">{items}</ul>'
            f'<p class="ts-choose"><a href="{escape(self.to_root(url))}../#choose">{self.t("home.choose")}</a></p>'
        )

    def topic(self, tid: str, url: str) -> str:
        docs = self.topics[tid]
        items = "".join(f'<li><a href="{self.href(self.urls[d.slug], url)}">{escape(d.title)}</a></li>' for d in docs)
        return (
            f"<h1>{escape(self.topic_names[tid])}</h1>"
            f'<p class="ts-count">{escape(i18n.t(self.lang, "topic.count", n=len(docs)))}</p><ul class="ts-list">{items}</ul>'
        )

    def codes_page(self, url: str) -> tuple[str, list[dict[str, Any]]]:
        parts = [f"<h1>{self.t('codes')}</h1><p>{self.t('codes.lead')}</p>"]
        toc: list[dict[str, Any]] = []
        for code, docs in self.codes.items():
            anchor = code_anchor(code)
            items = "".join(f'<li><a href="{self.href(self.urls[d.slug], url)}">{escape(d.title)}</a></li>' for d in docs)
            parts.append(f'<h2 id="{anchor}"><bdi dir="ltr">{escape(code)}</bdi></h2><ul class="ts-list">{items}</ul>')
            toc.append({"level": 2, "id": anchor, "name": escape(code), "children": []})
        return "".join(parts), toc


def code_anchor(code: str) -> str:
    return "code-" + slugify(code.replace(".", "-"), "code")
