"""Reading articles and writing files atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import ReadError, WriteError
from .model import Article
from .parser import parse

#: Files larger than this are refused before reading (a real article is under 100 KiB).
MAX_FILE_BYTES = 64 * 1024 * 1024


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ReadError(f"file of {size:,} bytes is over the {MAX_FILE_BYTES:,} byte limit", str(path))
        with open(p, "rb") as fh:
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


def iter_markdown(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """The ``.md`` files named or found (recursively, sorted) under the given paths.

    Raises :class:`ReadError` for a path that does not exist.
    """
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found: list[Path] = []
            for root, dirs, files in os.walk(p):
                dirs.sort()
                found.extend(Path(root) / f for f in files if f.endswith(".md"))
            yield from sorted(found)
        elif p.exists():
            yield p
        else:
            raise ReadError("no such file or directory", str(raw))


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
