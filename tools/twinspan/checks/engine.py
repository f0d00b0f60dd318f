"""Running the rules: over one article, over one file (in a worker), over a group of locales."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..diagnostics import TOO_LARGE
from ..errors import ReadError
from ..inline import has_markup
from ..io import read_bytes
from ..model import Article, Segment
from ..parser import parse
from .alphabets import Alphabets
from .config import Config, coerce
from .context import Context
from .crosslocale import Group, Summary, summarize
from .finding import Category, Finding
from .registry import Rule, all_rules, enabled_codes


@lru_cache(maxsize=16)
def _alphabets(configured: tuple[tuple[str, tuple[str, ...]], ...]) -> Alphabets:
    return Alphabets(dict(configured))


@lru_cache(maxsize=16)
def _rules(codes: frozenset[str]) -> dict[str, list[Rule]]:
    out: dict[str, list[Rule]] = {"parse": [], "segment": [], "article": [], "cross": []}
    for rule in all_rules().values():
        if rule.code in codes:
            out[rule.scope].append(rule)
    return out


def codes_for(config: Config) -> frozenset[str]:
    """The codes of the rules a configuration enables."""
    return enabled_codes(config.select, config.ignore)


def check_article(article: Article, config: Config | dict[str, Any] | None = None, *, codes: frozenset[str] | None = None) -> list[Finding]:
    """Every finding of the enabled per-file rules on one article, sorted by position.

    Cross-locale rules need several files: see :func:`check_groups`.
    """
    cfg = coerce(config)
    enabled = codes if codes is not None else codes_for(cfg)
    rules = _rules(enabled)
    ctx = Context(article, cfg, _alphabets(cfg.alphabets))
    out: list[Finding] = []
    if rules["parse"]:
        by_code = {r.code: r for r in rules["parse"]}
        for d in article.diagnostics:
            rule = by_code.get(d.code)
            if rule is None:
                continue
            ctx.rule = rule
            seg = article.segment(d.segment) if d.segment else None
            out.append(
                ctx.finding(
                    d.message,
                    line=d.line,
                    column=d.column,
                    segment=d.segment,
                    source=seg.source.text if seg is not None and seg.source else None,
                    target=seg.translation.text if seg is not None and seg.translation else None,
                )
            )
    # The body of a file over the size limit is not analysed (TS004): only its front matter is.
    too_large = any(d.code == TOO_LARGE for d in article.diagnostics)
    seg_rules = [] if too_large else rules["segment"]
    if seg_rules:
        # Rule by rule over the paired segments, so the loop is lean: 21 rules over the 23,699 pairs of the
        # ar-SA corpus, ~300,000 calls now that markup_only and trigger spare ~200,000 that find nothing.
        paired = [seg for seg in article.segments if seg.translation is not None and seg.source is not None]
        marked: list[Segment] | None = None  # the segments with markup on a side, for markup_only rules
        text = article.text
        extend = out.extend
        for rule in seg_rules:
            if rule.trigger is not None and not any(ch in text for ch in rule.trigger):
                continue  # no side can hold one: every side is a part of the file's text
            ctx.rule = rule
            func = rule.func
            assert func is not None
            segs = paired
            if rule.markup_only:
                if marked is None:
                    marked = [seg for seg in paired if has_markup(seg.text("translation")) or has_markup(seg.text("source"))]
                segs = marked
            for seg in segs:
                extend(func(ctx, seg))
    for rule in rules["article"]:
        if too_large and rule.category is not Category.FRONT_MATTER:
            continue
        ctx.rule = rule
        assert rule.func is not None
        out.extend(rule.func(ctx))
    out.sort(key=lambda f: f.sort_key)
    return out


def check_groups(summaries: Iterable[Summary], groups: Sequence[Sequence[str]], config: Config, codes: frozenset[str]) -> list[Finding]:
    """The cross-locale findings of each group of paths (one article in several locales)."""
    rules = _rules(codes)["cross"]
    if not rules:
        return []
    by_path = {s.path: s for s in summaries}
    out: list[Finding] = []
    for paths in groups:
        members = [by_path[p] for p in paths if p in by_path]
        group = Group(members, config.severities)
        if len(group.members) < 2:
            continue
        for rule in rules:
            group.rule = rule
            assert rule.func is not None
            out.extend(rule.func(group))
    return out


def check_texts(files: Sequence[tuple[str, str | bytes]], config: Config | dict[str, Any] | None = None) -> list[Finding]:
    """Check articles held in memory, given as (path, text) pairs; the paths place them in locale
    folders and group them across locales, as on disk. Nothing is read or written."""
    from .crosslocale import candidate_groups

    cfg = coerce(config)
    codes = codes_for(cfg)
    articles = [parse(text, path=path) for path, text in files]
    out = [f for a in articles for f in check_article(a, cfg, codes=codes)]
    groups = candidate_groups([p for p, _ in files])
    if groups:
        out.extend(check_groups([summarize(a) for a in articles], groups, cfg, codes))
    out.sort(key=lambda f: f.sort_key)
    return out


def digest(data: bytes) -> str:
    """The content hash the cache is keyed by."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@dataclass(frozen=True, slots=True)
class FileResult:
    """What a worker sends back for one file: small and picklable."""

    path: str
    segments: int
    findings: tuple[Finding, ...]
    summary: Summary | None = None
    error: str | None = None
    digest: str | None = None


def check_file(path: str, config: Config, codes: frozenset[str], want_summary: bool = False, data: bytes | None = None) -> FileResult:
    """Read, parse and check one file. An unreadable file is a result with ``error`` set."""
    try:
        raw = read_bytes(path) if data is None else data
    except ReadError as exc:
        return FileResult(path, 0, (), None, str(exc))
    article = parse(raw, path=path)
    findings = check_article(article, config, codes=codes)
    summary = summarize(article) if want_summary else None
    return FileResult(path, len(article.segments), tuple(findings), summary, None, digest(raw))


def worker(config: Config, codes: frozenset[str], summaries: frozenset[str], path: str) -> FileResult:
    """The function :func:`twinspan.pipeline.map_files` runs in worker processes (partially applied)."""
    return check_file(path, config, codes, path in summaries)
