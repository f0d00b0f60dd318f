"""Comparing one article across locales: small per-file summaries, groups, alignment.

Workers reduce each article to a :class:`Summary` (the English source of each segment,
the step/sub-step shape, what each translation lost); the main process groups the
summaries of the same article (same file name under ``<root>/<locale>/``) and the
``cross`` rules compare them. Segments are aligned by their id without the file prefix
(``44498-106`` ↔ ``b1171-106``), so a paragraph merged into one segment (``p102``) in one
locale still lines up with its parts in another.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from difflib import SequenceMatcher
from typing import Any

from ..model import Article
from ..parser import locale_from_path
from .finding import Finding, display
from .normalize import normalize_url, number_differences, parse_date
from .registry import Rule


@dataclass(frozen=True, slots=True)
class SegInfo:
    key: str  # the id without the file prefix: "106", "p102"
    id: str
    line: int
    column: int
    source: str  # the English source, plain, whitespace collapsed
    lost_links: tuple[str, ...]  # source URLs not in the translation (normalised)
    lost_numbers: tuple[str, ...]  # source numbers not in the translation, in digits or words


@dataclass(frozen=True, slots=True)
class StepInfo:
    number: int
    line: int
    labels: tuple[str, ...]  # the source labels of its sub-steps


@dataclass(frozen=True, slots=True)
class ProcInfo:
    line: int
    steps: tuple[StepInfo, ...]


@dataclass(frozen=True, slots=True)
class Summary:
    path: str
    locale: str | None
    commit: str | None
    handoff: str | None
    segments: tuple[SegInfo, ...]
    procedures: tuple[ProcInfo, ...]

    @property
    def short_commit(self) -> str:
        return (self.commit or "?")[:7]

    @property
    def handoff_date(self) -> dt.date:
        return parse_date(self.handoff or "") or dt.date.min

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Summary:
        segs = tuple(
            SegInfo(**{**s, "lost_links": tuple(s["lost_links"]), "lost_numbers": tuple(s["lost_numbers"])}) for s in data["segments"]
        )
        procs = tuple(
            ProcInfo(p["line"], tuple(StepInfo(s["number"], s["line"], tuple(s["labels"])) for s in p["steps"])) for p in data["procedures"]
        )
        return cls(data["path"], data["locale"], data["commit"], data["handoff"], segs, procs)


def summarize(article: Article) -> Summary:
    """What the cross-locale rules compare, for one article."""
    lang = article.language or ""
    segs: list[SegInfo] = []
    for seg in article.segments:
        if seg.source is None:
            continue
        key = seg.id.rsplit("-", 1)[-1] if "-" in seg.id else seg.id
        s_in = seg.source.inline
        lost_links: tuple[str, ...] = ()
        lost_numbers: tuple[str, ...] = ()
        if seg.translation is not None:
            t_in = seg.translation.inline
            t_urls = {normalize_url(x.url) for x in t_in.links}
            lost_links = tuple(sorted({normalize_url(x.url) for x in s_in.links} - t_urls))
            if s_in.numbers:
                lost_numbers = tuple(number_differences(s_in, t_in, lang)[0])
        segs.append(SegInfo(key, seg.id, seg.line, seg.column, " ".join(s_in.plain.split()), lost_links, lost_numbers))
    procs = tuple(
        ProcInfo(p.line, tuple(StepInfo(s.number, s.line, tuple(sub.label.source or "?" for sub in s.substeps)) for s in p.steps))
        for p in article.procedures
    )
    return Summary(
        article.path or "<text>",
        article.locale,
        _scalar(article, "ms.sourcegitcommit"),
        _scalar(article, "ms.lasthandoff"),
        tuple(segs),
        procs,
    )


def _scalar(article: Article, key: str) -> str | None:
    """A front matter value as written: YAML would read an all-digit commit hash as a number."""
    fm = article.front_matter or {}
    if key not in fm or fm[key] is None:
        return None
    for line in (article.front_matter_raw or "").splitlines():
        name, sep, value = line.partition(":")
        if sep and name.strip() == key:
            return value.strip().strip("'\"") or None
    return str(fm[key])


# --- groups -----------------------------------------------------------------------------


def split_locale_path(path: str) -> tuple[str, str, str | None]:
    """(root, key, locale): ``content/ar-SA/x/y.md`` → (``content``, ``x/y.md``, ``ar-SA``)."""
    parts = os.path.normpath(path).split(os.sep)
    locale = locale_from_path(path)
    if locale is not None:
        i = len(parts) - 2 - parts[-2::-1].index(locale)
        return os.sep.join(parts[:i]), "/".join(parts[i + 1 :]), locale
    return os.sep.join(parts[:-1]), parts[-1], None


def candidate_groups(paths: Sequence[str]) -> list[list[str]]:
    """Paths that may be one article in several locales: the same file name under ``<locale>/``.

    When a locale shows twice for one name (two content roots), the files are grouped by root.
    """
    by_key: dict[str, list[tuple[str, str, str | None]]] = defaultdict(list)
    for p in paths:
        root, key, locale = split_locale_path(p)
        by_key[key].append((root, p, locale))
    groups: list[list[str]] = []
    for members in by_key.values():
        if len(members) < 2:
            continue
        locales = [loc for _, _, loc in members if loc is not None]
        if len(locales) == len(set(locales)):
            groups.append([p for _, p, _ in members])
            continue
        by_root: dict[str, list[str]] = defaultdict(list)
        for root, p, _ in members:
            by_root[root].append(p)
        groups.extend(g for g in by_root.values() if len(g) > 1)
    return groups


# --- comparing ----------------------------------------------------------------------------


class Group:
    """One article in several locales, as the cross rules see it."""

    def __init__(self, members: Iterable[Summary], severities: dict[str, str] | None = None) -> None:
        self._severities = severities or {}
        seen: dict[str, Summary] = {}
        for m in members:
            seen.setdefault(m.locale or m.path, m)
        self.members = sorted(seen.values(), key=lambda m: m.locale or "")
        self.rule: Rule | None = None
        self._aligned: dict[tuple[str, str], list[tuple[str, tuple[int, int], tuple[int, int]]]] = {}

    def finding(
        self, member: Summary, message: str, *, line: int, column: int = 1, segment: str | None = None, **kw: str | None
    ) -> Finding:
        rule = self.rule
        assert rule is not None
        return Finding(
            rule.code,
            rule.category.value,
            self._severities.get(rule.code, rule.severity.value),
            member.path,
            line,
            column,
            segment,
            member.locale,
            display(message) or "",
            display(kw.get("source")),
            display(kw.get("target")),
            None,
        )

    def drift(self, values: dict[str, Hashable]) -> tuple[Hashable | None, list[Summary]] | None:
        """Which members differ from the majority value: (reference value, drifted members), or None.

        With no majority (two locales, or all different), the newest ``ms.lasthandoff`` is the
        reference; when that ties too, the reference is None and every member is returned.
        """
        counts = Counter(values.values())
        if len(counts) < 2:
            return None
        ranked = counts.most_common()
        if ranked[0][1] > ranked[1][1]:
            ref = ranked[0][0]
        else:
            dates = sorted(((m.handoff_date, m.locale or "") for m in self.members), reverse=True)
            if len(dates) > 1 and dates[0][0] == dates[1][0]:
                return None, list(self.members)
            newest = next(m for m in self.members if (m.locale or "") == dates[0][1])
            ref = values[newest.locale or newest.path]
        return ref, [m for m in self.members if values[m.locale or m.path] != ref]

    def others(self, member: Summary, ref: Hashable | None, values: dict[str, Hashable]) -> list[Summary]:
        """The members holding the reference value (all others when there is none)."""
        return [m for m in self.members if m is not member and (ref is None or values[m.locale or m.path] == ref)]

    def drifted(self, values: dict[str, Hashable]) -> Iterator[tuple[Summary, list[Summary]]]:
        """Each member that drifted from the reference, with the members that hold the reference."""
        found = self.drift(values)
        if found is None:
            return
        ref, members = found
        for m in members:
            yield m, self.others(m, ref, values)

    def align(self, a: Summary, b: Summary) -> list[tuple[str, tuple[int, int], tuple[int, int]]]:
        """difflib opcodes aligning the segments of *a* and *b* by id key: (tag, (a1, a2), (b1, b2))."""
        k = (a.path, b.path)
        if k not in self._aligned:
            sm = SequenceMatcher(None, [s.key for s in a.segments], [s.key for s in b.segments], autojunk=False)
            self._aligned[k] = [(tag, (i1, i2), (j1, j2)) for tag, i1, i2, j1, j2 in sm.get_opcodes()]
        return self._aligned[k]


def locales(members: Iterable[Summary]) -> str:
    return ", ".join(m.locale or m.path for m in members)


def commits(members: Iterable[Summary]) -> str:
    """``he-IL 1234567, ar-SA 2103d70`` (the ms.sourcegitcommit of each)."""
    return ", ".join(f"{m.locale or m.path} {m.short_commit}" for m in members)


def excerpt_pair(a: str, b: str, width: int = 28) -> tuple[str, str]:
    """The stretch where two texts differ, with a little context: («…X…», «…Y…»)."""
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    s = 0
    while s < min(len(a), len(b)) - p and a[len(a) - 1 - s] == b[len(b) - 1 - s]:
        s += 1
    start = max(0, p - width // 2)
    if start <= 12:
        start = 0
    else:
        space = a.rfind(" ", 0, start)
        start = space + 1 if space != -1 and start - space < 12 else start

    def cut(t: str) -> str:
        end = min(len(t), len(t) - s + width // 2)
        space = t.find(" ", end)
        end = len(t) if len(t) - end <= 12 else (space if space != -1 and space - end < 12 else end)
        body = t[start:end]
        return f"«{'…' if start else ''}{body}{'…' if end < len(t) else ''}»"

    return cut(a), cut(b)
