"""The ``twinspan`` MkDocs plugin: the bilingual troubleshooting site from ``<content>/<locale>/**/*.md``.

One MkDocs build per language, each with its own search index: ``mkdocs build`` parses the
articles once, builds the first translation language (``ar``) into ``<site_dir>/ar/`` and runs
the other languages (``en``, from the source halves) as child builds of the same configuration
in parallel processes (:mod:`twinspan.site.langbuild`), which this plugin turns into their
language: theme language, search language, ``site_dir`` and ``site_url``.
``<site_dir>/index.html`` lets the reader choose. Pages are generated in memory (``File.generated``); the articles'
check runs inside the build: errors are warnings (``--strict`` fails), warnings are listed.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs import utils
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from ..checks import Finding, check_article, discover
from ..export import howto_jsonld, steps_document
from ..export.howto import SideName
from ..model import Article
from . import i18n, kb
from .kb import KnowledgeBase
from .langbuild import ENV_LANGUAGE, Child, Job
from .pages import Options, SiteBuild, TwinspanPage

log = logging.getLogger("mkdocs.plugins.twinspan")

ROOT_TEMPLATE = "twinspan-root.html"


class TwinspanConfig(base.Config):  # type: ignore[no-untyped-call]
    content = c.Optional(c.Type(str))  # the content folder; default: docs_dir
    link_base = c.Optional(c.Type(str))  # prefix for site-absolute links, "{locale}" filled in
    parallel = c.Type(bool, default=True)  # the other languages in parallel processes
    check = c.Type(bool, default=True)  # run the check on the content inside the build
    site_name = c.Type(dict, default={})  # the site's name per language; default: site_name


# --- what the check and the export give the build ------------------------------------------------------
def _run_checks(paths: Sequence[str]) -> list[Finding]:
    """The check's per-file rules over the articles this build has already parsed (no second parse).

    The configuration is the project's (``[tool.twinspan]`` or this plugin's block in mkdocs.yml);
    files it excludes are not reported. Cross-locale rules need every locale of an article and run
    in ``twinspan check``, which ``make site`` runs before the build.
    """
    cfg = discover()
    out: list[Finding] = []
    for path in paths:
        if cfg.excludes(str(path)):
            continue
        article, _ = kb.parsed(Path(path))
        out.extend(check_article(article, cfg))
    return out


@dataclass(frozen=True)
class StructuredData:
    jsonld: Mapping[str, Any] | None = None  # schema.org HowTo, embedded as <script type="application/ld+json">
    steps: Mapping[str, Any] | None = None  # the steps JSON, written beside the page as steps.json and linked


def _structured_data(article: Article, lang: str) -> StructuredData | None:
    """The export's schema.org HowTo JSON-LD (in the page's language) and steps JSON (linked for download).

    Articles without steps embed no HowTo (an empty HowTo is not one) but still offer their JSON.
    """
    side: SideName = "source" if lang == "en" else "translation"
    return StructuredData(howto_jsonld(article, side), steps_document(article))


# --- the plugin ---------------------------------------------------------------------------------------
class TwinspanPlugin(BasePlugin[TwinspanConfig]):  # type: ignore[no-untyped-call]
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.dirty = False
        self.command = "build"
        self.children: dict[str, Child] = {}
        self.jobs: list[Job] = []
        self.fork = True
        self.site: SiteBuild | None = None
        self.final: Path | None = None  # the site folder a staged build replaces when it succeeds
        self.warnings: utils.CountHandler | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty

    @event_priority(100)  # before Material's search reads the theme language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base_dir = Path(config.config_file_path or ".").resolve().parent
        self.content = (base_dir / (self.config.content or config.docs_dir)).resolve()
        self.kb = KnowledgeBase.discover(self.content)
        if not self.kb.locales:
            raise PluginError(f"twinspan: no articles in {self.content}/<locale>/**/*.md (a folder such as ar-SA)")
        self.languages = self.kb.languages()
        child = os.environ.get(ENV_LANGUAGE)
        if child is not None and child not in self.languages:
            raise PluginError(f"twinspan: {ENV_LANGUAGE}={child} is not a language of {self.content} ({', '.join(self.languages)})")
        self.lang = child or self.languages[0]
        self.primary = child is None
        self.root = Path(config.site_dir)
        if self.primary and self.command == "build" and not self.dirty:
            # Build beside the site and swap it in on success: an interrupted or failed build
            # leaves the previous site as it was (and a .<name>.building folder the next build clears).
            self.final = self.root
            self.root = self.root.parent / f".{self.root.name}.building"
            if config.strict:  # MkDocs aborts after on_post_build on warnings: count them to not publish then
                self.warnings = utils.CountHandler()
                self.warnings.setLevel(logging.WARNING)
                logging.getLogger("mkdocs").addHandler(self.warnings)
        config.site_dir = str(self.root / self.lang)
        if config.site_url:
            config.site_url = config.site_url.rstrip("/") + f"/{self.lang}/"
        self.site_names = {x: str(self.config.site_name.get(x) or config.site_name) for x in self.languages}
        if self.lang in self.config.site_name:
            config.site_name = str(self.config.site_name[self.lang])
        config.theme["language"] = self.lang
        config.theme["direction"] = i18n.direction(self.lang)
        # True, not a list: Material then shows the header's language switch (our partials/alternate.html,
        # which links the same page in each language) without its own site-wide hreflang links.
        config.extra["alternate"] = True
        config.extra["twinspan_languages"] = [{"name": i18n.language_name(x), "url": f"../{x}/", "lang": x} for x in self.languages]
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if search is not None and hasattr(search, "config") and not search.config.get("lang"):
            search.config["lang"] = [self.lang if _lunr_supports(self.lang) else "en"]
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.primary:
            return
        if not self.dirty and self.root.exists():
            utils.clean_directory(str(self.root))
        kb.forget()  # mkdocs serve rebuilds in this process: read the files again
        others = [x for x in self.languages if x != self.lang]
        if others and config.config_file_path is None:
            raise PluginError("twinspan: the other languages are built from the configuration file, and there is none")
        # Fork (sharing the parsed articles) only where it is safe: not with threads running
        # (mkdocs serve, a test runner); there the children start afresh.
        fork = self.command != "serve" and threading.active_count() == 1
        if fork:  # parse once; the forked builds share the articles
            kb.preload(self.kb, self.languages)
        level = logging.getLogger("mkdocs").getEffectiveLevel()
        self.jobs = [Job(str(config.config_file_path), str(self.root), x, bool(config.strict), self.dirty, level) for x in others]
        self.fork = fork
        if self.config.parallel:
            self.children = {job.language: Child(job, fork=fork) for job in self.jobs}

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for f in [f for f in files if f.src_dir is not None and Path(f.src_dir).resolve() == Path(config.docs_dir).resolve()]:
            files.remove(f)
        self.site = SiteBuild(self.kb, self.lang, Options(self.config.link_base, _structured_data))
        for f in self.site.files(config):
            files.append(f)
        config.nav = self.site.nav()
        if self.primary and self.config.check:
            _report(_run_checks([str(d.path) for d in self.site.docs]), self.content)
        return files

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        if isinstance(page, TwinspanPage) and self.site is not None:
            context["twinspan"] = self.site.context(page)  # type: ignore[typeddict-unknown-key]
        return context

    @event_priority(-100)  # after Material's search has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.site is not None
        self.site.write_files(Path(config.site_dir))
        _compact_index(Path(config.site_dir) / "search" / "search_index.json")
        if self.primary:
            self._write_root(config)
            if self.config.parallel:
                failed = [lang for lang, child in self.children.items() if child.wait() != 0]
            else:  # one language after the other
                failed = [job.language for job in self.jobs if Child(job, fork=self.fork).wait() != 0]
            self.children.clear()
            if failed:
                raise PluginError(f"twinspan: the {', '.join(failed)} build failed (its messages are above)")
            self._publish()

    def on_build_error(self, *, error: Exception) -> None:
        for child in self.children.values():
            child.terminate()
        self.children.clear()
        self._discard()

    def _publish(self) -> None:
        """Swap the staged build in for the site folder (two renames; the old one is then removed)."""
        if self.final is None:
            return
        if self.warnings is not None and self.warnings.get_counts():
            log.info("twinspan: the site was not replaced: warnings in strict mode")
            self._discard()
            return
        old = self.final.parent / f".{self.final.name}.old"
        shutil.rmtree(old, ignore_errors=True)
        if self.final.exists():
            self.final.rename(old)
        self.root.rename(self.final)
        shutil.rmtree(old, ignore_errors=True)
        self._stop_counting()

    def _discard(self) -> None:
        if self.final is not None:
            shutil.rmtree(self.root, ignore_errors=True)
        self._stop_counting()

    def _stop_counting(self) -> None:
        if self.warnings is not None:
            logging.getLogger("mkdocs").removeHandler(self.warnings)
            self.warnings = None

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if Path(config.docs_dir).resolve() != self.content:
            server.watch(str(self.content))
        return server

    def _write_root(self, config: MkDocsConfig) -> None:
        env = config.theme.get_env()
        languages = [
            {"lang": x, "name": i18n.language_name(x), "dir": i18n.direction(x), "title": self.site_names[x]} for x in self.languages
        ]
        title = " · ".join(dict.fromkeys(self.site_names.values()))
        html = env.get_template(ROOT_TEMPLATE).render(languages=languages, title=title, codes=json.dumps(self.languages))
        utils.write_file(html.encode("utf-8"), str(self.root / "index.html"))


def _lunr_supports(lang: str) -> bool:
    import material

    return lang == "en" or (Path(material.__file__).parent / "templates/assets/javascripts/lunr/min" / f"lunr.{lang}.min.js").is_file()


def _compact_index(path: Path) -> None:
    """Material writes its index with every non-ASCII character escaped (six bytes for one Arabic
    letter); the same JSON in UTF-8 is a third of the size for readers to download."""
    if path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
        utils.write_file(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), str(path))


def _report(findings: Sequence[Any], content: Path) -> None:
    """Errors as warnings (``mkdocs build --strict`` fails on them), the rest listed at info level."""
    for f in sorted(findings, key=lambda f: (str(f.path), f.line, f.column)):
        path = os.path.relpath(str(f.path)) if os.path.isabs(str(f.path)) else str(f.path)
        message = f"twinspan check: {path}:{f.line}:{f.column}: {f.code} {f.message}"
        if str(f.severity).lower() == "error":
            log.warning(message)
        else:
            log.info(message)


__all__ = ["StructuredData", "TwinspanPlugin", "_run_checks", "_structured_data"]
