"""Reading articles and writing files atomically."""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .errors import ReadError, WriteError
from .model import Article
from .parser import parse

log = logging.getLogger("twinspan")

#: Files larger than this are refused before reading (a real article is under 100 KiB).
MAX_FILE_BYTES = 64 * 1024 * 1024


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise ReadError(f"file of {size:,} bytes is over the {MAX_FILE_BYTES:,} byte limit", str(path))
            return fh.read()
    except IsADirectoryError:
        raise ReadError("is a directory", str(path)) from None
    except FileNotFoundError:
        raise ReadError("no such file", str(path)) from None
    except PermissionError:
        raise ReadError("permission denied", str(path)) from None
    except OSError as exc:
        raise ReadError(exc.strerror or str(exc), str(path)) from None


def load(path: str | os.PathLike[str]) -> Article:
    """Read and parse one article. Raises :class:`ReadError` only for I/O failures."""
    return parse(read_bytes(path), path=path)


def inside(path: str | os.PathLike[str], root: str | os.PathLike[str]) -> bool:
    """Whether *path*, symlinks resolved, is *root* or lies under it (symlinks resolved too)."""
    return Path(path).resolve().is_relative_to(Path(root).resolve())


def warn_skipped(path: Path, reason: str) -> None:
    log.warning("%s: skipped: %s", path, reason)


def iter_markdown(paths: Iterable[str | os.PathLike[str]], on_skip: Callable[[Path, str], None] = warn_skipped) -> Iterator[Path]:
    """The ``.md`` files named or found (recursively, sorted) under the given paths.

    A folder's walk stays inside it: a symlink whose target lies outside the folder (a
    symlinked ``.md`` pointing at ``/etc`` or another checkout) is skipped and reported through
    *on_skip* (by default a warning on the ``twinspan`` logger, which prints to stderr), and
    symlinked folders are not followed. A file named explicitly is read wherever it points.
    Raises :class:`ReadError` for a path that does not exist.
    """
    return (Path(f) for f in markdown_files(paths, on_skip))


def markdown_files(paths: Iterable[str | os.PathLike[str]], on_skip: Callable[[Path, str], None] = warn_skipped) -> Iterator[str]:
    """:func:`iter_markdown` as path strings, in the same order (a folder's files sorted by their
    parts, as paths sort), without building a ``Path`` per file: a corpus has thousands."""
    for raw in paths:
        given = str(Path(raw))  # as a Path spells it: "./a/" is "a"
        if os.path.isdir(given):
            found: list[str] = []
            for root, dirs, files in os.walk(given):
                dirs.sort()
                for f in files:
                    if not f.endswith(".md"):
                        continue
                    path = os.path.join(root, f)
                    if os.path.islink(path) and not inside(path, given):
                        on_skip(Path(path), f"a symlink to {os.path.realpath(path)}, outside {given}")
                    else:
                        found.append(path)
            yield from sorted(found, key=lambda f: f.split(os.sep))
        elif os.path.exists(given):
            yield given
        else:
            raise ReadError("no such file or directory", os.fspath(raw))


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace *path* with *data*: a temp file in the same folder, fsync, then rename.

    The original stays intact when anything fails; its permission bits are kept.
    """
    target = Path(path)
    folder = target.parent
    try:
        mode = target.stat().st_mode & 0o7777 if target.exists() else None
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise WriteError(exc.strerror or str(exc), str(path)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise WriteError(exc.strerror or str(exc), str(path)) from None
        raise
