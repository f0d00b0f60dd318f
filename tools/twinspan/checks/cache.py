"""A cache of per-file results keyed by content hash (like Ruff's), in ``.twinspan-cache/``.

One JSON file per (twinspan version + code, configuration, enabled rules): an edit to the
configuration, the rules or the tool starts a new file. Inside it, each path maps to the
blake2b hash of its bytes and the results for those bytes, so a changed file (or a file
whose locale folder changed: the path is part of the key) is checked again. Writes are
atomic; a corrupt or foreign cache file is ignored and rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import WriteError
from ..io import atomic_write
from .config import Config
from .crosslocale import Summary
from .engine import FileResult
from .finding import Finding

CACHE_DIR = ".twinspan-cache"
_FORMAT = 1
_KEEP_FILES = 8  # cache files kept per folder (one per configuration in use)


def code_fingerprint(root: str | os.PathLike[str] | None = None) -> str:
    """A hash of the version and the *contents* of the twinspan sources (of the installed package,
    or under *root*). Contents, not modification times: a CI job that restores the cache onto a
    fresh install of the same code (new mtimes) finds it valid, and an edit in a checkout (the same
    version number) still starts a new cache. Hashing the ~450 kB of sources takes ~2 ms."""
    base = Path(root) if root is not None else Path(__file__).resolve().parent.parent
    h = hashlib.blake2b(__version__.encode(), digest_size=8)
    for dirpath, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(dirpath, name)
                with open(path, "rb") as fh:
                    content = hashlib.blake2b(fh.read(), digest_size=16).hexdigest()
                h.update(f"{Path(os.path.relpath(path, base)).as_posix()}:{content};".encode())
    return h.hexdigest()


class Cache:
    """Per-file results of one configuration. ``get`` is a lookup by path and content hash."""

    def __init__(self, folder: str | os.PathLike[str], config: Config, codes: frozenset[str]) -> None:
        self.folder = Path(folder)
        key = hashlib.blake2b(f"{code_fingerprint()}|{config.fingerprint()}|{','.join(sorted(codes))}".encode(), digest_size=8).hexdigest()
        self.file = self.folder / f"check-{key}.json"
        self.entries: dict[str, dict[str, Any]] = {}
        self.dirty = False
        self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.file.read_bytes())
        except (OSError, ValueError):
            return
        if isinstance(data, dict) and data.get("format") == _FORMAT and isinstance(data.get("files"), dict):
            self.entries = data["files"]

    def get(self, path: str, content_digest: str, want_summary: bool) -> FileResult | None:
        entry = self.entries.get(path)
        if not entry or entry.get("digest") != content_digest:
            return None
        if want_summary and entry.get("summary") is None:
            return None
        try:
            findings = tuple(Finding.from_dict(f) for f in entry["findings"])
            summary = Summary.from_json(entry["summary"]) if entry.get("summary") else None
        except (KeyError, TypeError, ValueError):
            return None
        return FileResult(path, int(entry["segments"]), findings, summary, None, content_digest)

    def put(self, result: FileResult) -> None:
        if result.error is not None or result.digest is None:
            return
        self.entries[result.path] = {
            "digest": result.digest,
            "segments": result.segments,
            "findings": [f.to_cache() for f in result.findings],
            "summary": result.summary.to_json() if result.summary is not None else None,
        }
        self.dirty = True

    def save(self) -> None:
        """Write the cache (atomically); entries of files that no longer exist are dropped.

        A cache that cannot be written is not an error of the check: it is skipped.
        """
        if not self.dirty:
            return
        self.entries = {p: e for p, e in self.entries.items() if os.path.exists(p)}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for name, text in (("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"), (".gitignore", "*\n")):
                if not (self.folder / name).exists():
                    atomic_write(self.folder / name, text.encode())
            atomic_write(
                self.file, json.dumps({"format": _FORMAT, "files": self.entries}, ensure_ascii=False, separators=(",", ":")).encode()
            )
            self._prune()
        except (OSError, WriteError):
            return

    def _prune(self) -> None:
        files = sorted(self.folder.glob("check-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[_KEEP_FILES:]:
            with contextlib.suppress(OSError):
                old.unlink()
