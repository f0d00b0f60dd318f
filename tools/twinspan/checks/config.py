"""Configuration of the check: ``[tool.twinspan]`` in pyproject.toml, or the site
plugin's block in mkdocs.yml (``plugins: - twinspan: {...}``).

Keys (hyphens or underscores)::

    [tool.twinspan]
    select = ["ALL"]                 # codes, code prefixes (TS7), rule names or categories
    ignore = ["TS703"]
    exclude = ["content/README.md", "includes"]   # files or folders not to check when found in a folder
    fail-on = "error"                # error | warning | info
    required-front-matter = ["title", "ms.contentlocale", "ms.translationtype"]
    [tool.twinspan.severity]
    TS703 = "warning"
    [tool.twinspan.alphabets]        # sub-step label letters, by language or locale
    fa = "أ ب ج د ه و ز ح ط ی"

The search starts in the current folder and goes up; the first pyproject.toml with a
``[tool.twinspan]`` table, or mkdocs.yml with a twinspan plugin, wins.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import posixpath
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from ..errors import UsageError
from .finding import Severity

DEFAULT_REQUIRED = ("title", "ms.contentlocale", "ms.translationtype")
_KEYS = {"select", "ignore", "exclude", "fail-on", "severity", "alphabets", "required-front-matter"}


@dataclass(frozen=True, slots=True)
class Config:
    """What the check runs and how it grades. Immutable and picklable (sent to workers)."""

    select: tuple[str, ...] | None = None  # None: every rule
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    severity: tuple[tuple[str, str], ...] = ()  # (code, severity) overrides
    alphabets: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (language or locale, letters)
    required_front_matter: tuple[str, ...] = DEFAULT_REQUIRED
    exclude: tuple[str, ...] = ()  # glob patterns, relative to root
    origin: str | None = None  # the file it was read from
    root: str | None = None  # the folder of that file (where the cache lives)

    @property
    def severities(self) -> dict[str, str]:
        return dict(self.severity)

    @property
    def alphabet_map(self) -> dict[str, tuple[str, ...]]:
        return dict(self.alphabets)

    def excludes(self, path: str) -> bool:
        """Whether *path* (a file found in a folder) matches an ``exclude`` pattern: the pattern
        matches the path relative to ``root`` (or the current folder), its file name, or a folder on it."""
        if not self.exclude:
            return False
        folder, name = os.path.split(path)
        rel_folder = _relative_folder(folder, self.root or os.getcwd())
        rel = name if rel_folder == "." else f"{rel_folder}/{name}"
        return _matches(rel, self.exclude) or _folder_excluded(rel_folder, self.exclude)

    def fingerprint(self) -> str:
        """A hash of everything that changes findings (for the cache)."""
        data = [self.select, self.ignore, self.severity, self.alphabets, self.required_front_matter]
        return hashlib.blake2b(json.dumps(data, ensure_ascii=False).encode(), digest_size=8).hexdigest()

    def with_cli(self, select: list[str] | None, ignore: list[str] | None, fail_on: str | None) -> Config:
        """Command-line options over the file: ``--select`` replaces, ``--ignore`` adds."""
        return replace(
            self,
            select=tuple(select) if select is not None else self.select,
            ignore=self.ignore + tuple(ignore or ()),
            fail_on=fail_on or self.fail_on,
        )


@lru_cache(maxsize=4096)
def _relative_folder(folder: str, root: str) -> str:
    """*folder* relative to *root*, with ``/`` separators (``.`` for *root* itself); once per folder,
    not per file: a corpus has thousands of files in a few folders."""
    return _relative(os.path.abspath(folder), os.path.abspath(root)).replace(os.sep, "/")


def _relative(path: str, root: str) -> str:
    """``os.path.relpath`` of two absolute paths, quickly for the usual case of *path* under *root*."""
    prefix = root.rstrip(os.sep) + os.sep
    return path[len(prefix) :] if path.startswith(prefix) else os.path.relpath(path, root)


def _matches(rel: str, patterns: tuple[str, ...]) -> bool:
    """Whether the relative path *rel* matches a pattern, as a whole or (``PurePath.match``) from the right."""
    return rel != "." and any(fnmatch.fnmatch(rel, pat) or _right_match(rel, pat) for pat in patterns)


@lru_cache(maxsize=256)
def _pattern_parts(pattern: str) -> tuple[bool, tuple[str, ...]]:
    path = PurePosixPath(pattern)
    return path.is_absolute(), path.parts


def _right_match(rel: str, pattern: str) -> bool:
    """``PurePosixPath(rel).match(pattern)`` for a relative *rel*, without building a path per file."""
    absolute, parts = _pattern_parts(pattern)
    names = rel.split("/")
    if absolute or not parts or len(parts) > len(names):
        return False
    return all(fnmatch.fnmatchcase(name, part) for name, part in zip(reversed(names), reversed(parts), strict=False))


@lru_cache(maxsize=4096)
def _folder_excluded(rel: str, patterns: tuple[str, ...]) -> bool:
    """Whether the folder *rel*, or a folder it is in, matches (cached: a corpus has few folders)."""
    if rel == ".":
        return False
    return _matches(rel, patterns) or _folder_excluded(posixpath.dirname(rel) or ".", patterns)


def _codes(value: Any, key: str, origin: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{key} must be a list of strings", origin)
    return tuple(v.strip() for v in value if v.strip())


def _severity(value: str, origin: str, what: str) -> str:
    try:
        return Severity(str(value).lower()).value
    except ValueError:
        raise UsageError(f"{what}: {value!r} is not one of error, warning, info", origin) from None


def from_mapping(data: Mapping[str, Any], origin: str = "<config>", root: str | None = None) -> Config:
    """A :class:`Config` from a mapping such as ``[tool.twinspan]``; unknown keys are an error."""
    if not isinstance(data, Mapping):
        raise UsageError("the twinspan configuration must be a table of keys", origin)
    norm = {str(k).replace("_", "-"): v for k, v in data.items()}
    unknown = sorted(set(norm) - _KEYS)
    if unknown:
        raise UsageError(f"unknown configuration key(s): {', '.join(unknown)} (known: {', '.join(sorted(_KEYS))})", origin)
    cfg = Config(origin=origin, root=root)
    if "select" in norm:
        cfg = replace(cfg, select=_codes(norm["select"], "select", origin))
    if "ignore" in norm:
        cfg = replace(cfg, ignore=_codes(norm["ignore"], "ignore", origin))
    if "fail-on" in norm:
        cfg = replace(cfg, fail_on=_severity(norm["fail-on"], origin, "fail-on"))
    if "severity" in norm:
        sev = norm["severity"]
        if not isinstance(sev, Mapping):
            raise UsageError("severity must be a table of CODE = severity", origin)
        cfg = replace(cfg, severity=tuple(sorted((str(k).upper(), _severity(v, origin, f"severity.{k}")) for k, v in sev.items())))
    if "alphabets" in norm:
        alpha = norm["alphabets"]
        if not isinstance(alpha, Mapping):
            raise UsageError("alphabets must be a table of language = letters", origin)
        pairs = []
        for lang, letters in alpha.items():
            seq = letters.split() if isinstance(letters, str) else letters
            if not isinstance(seq, list | tuple) or not seq or not all(isinstance(x, str) and x for x in seq):
                raise UsageError(f"alphabets.{lang} must be letters separated by spaces", origin)
            pairs.append((str(lang), tuple(seq)))
        cfg = replace(cfg, alphabets=tuple(sorted(pairs)))
    if "exclude" in norm:
        cfg = replace(cfg, exclude=_codes(norm["exclude"], "exclude", origin))
    if "required-front-matter" in norm:
        cfg = replace(cfg, required_front_matter=_codes(norm["required-front-matter"], "required-front-matter", origin))
    return cfg


def coerce(config: Config | Mapping[str, Any] | None) -> Config:
    """Accept what the Python API accepts: a Config, a mapping of keys, or None (defaults)."""
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    return from_mapping(config, "<python>")


# --- reading files ----------------------------------------------------------------------


class _MkDocsLoader(yaml.SafeLoader):
    """Safe loading that turns MkDocs' tags (``!!python/name:…``, ``!ENV``) into None instead of failing."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_MkDocsLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)
_MkDocsLoader.add_multi_constructor("!", _ignore_tag)


def read_pyproject(path: Path) -> Mapping[str, Any] | None:
    """The ``[tool.twinspan]`` table of *path*, or None when it has none."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read: {exc}", str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"invalid TOML: {exc}", str(path)) from None
    table = data.get("tool", {}).get("twinspan")
    return table if isinstance(table, dict) else None


def read_mkdocs(path: Path) -> Mapping[str, Any] | None:
    """The check options of the twinspan plugin in *path* (``{}`` when it has none), or None when absent."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_MkDocsLoader)  # a SafeLoader subclass
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read: {exc}", str(path)) from None
    except yaml.YAMLError as exc:
        raise UsageError(f"invalid YAML: {exc}", str(path)) from None
    plugins = data.get("plugins") if isinstance(data, dict) else None
    items: list[Any] = list(plugins.items()) if isinstance(plugins, dict) else list(plugins or [])
    for item in items:
        options: Any = None
        if item == "twinspan":
            options = {}
        elif isinstance(item, tuple) and item[0] == "twinspan":
            options = item[1] or {}
        elif isinstance(item, dict) and "twinspan" in item:
            options = item["twinspan"] or {}
        else:
            continue
        return _check_options(options)
    return None


def _check_options(options: Any) -> Mapping[str, Any]:
    """The check's keys in the plugin's options: a nested ``check:`` table, or the known keys
    (the plugin has options of its own, which are not the check's business)."""
    if not isinstance(options, dict):
        return {}
    if isinstance(options.get("check"), dict):
        return dict(options["check"])
    return {k: v for k, v in options.items() if str(k).replace("_", "-") in _KEYS}


def load_file(path: str | Path) -> Config:
    """The configuration in one file (pyproject.toml, mkdocs.yml, or a TOML file holding the keys at the top)."""
    p = Path(path)
    if not p.is_file():
        raise UsageError("configuration file not found", str(path))
    if p.suffix in (".yml", ".yaml"):
        table = read_mkdocs(p)
    elif p.name == "pyproject.toml":
        table = read_pyproject(p)
    else:
        try:
            table = tomllib.loads(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise UsageError(f"cannot read: {exc}", str(path)) from None
    return from_mapping(table or {}, str(p), str(p.resolve().parent))


def discover(start: str | Path | None = None) -> Config:
    """The configuration that applies in *start* (default: the current folder), or the defaults."""
    folder = Path(start or Path.cwd()).resolve()
    for d in (folder, *folder.parents):
        py = d / "pyproject.toml"
        if py.is_file():
            table = read_pyproject(py)
            if table is not None:
                return from_mapping(table, str(py), str(d))
        mk = d / "mkdocs.yml"
        if mk.is_file():
            options = read_mkdocs(mk)
            if options is not None:
                return from_mapping(options, str(mk), str(d))
    return Config()
