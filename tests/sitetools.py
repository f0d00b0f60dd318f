"""Helpers for the site tests: content folders, `mkdocs build` of the real mkdocs.yml, an HTTP server."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED_SLUG = "solving-smtp-authentication-issues"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FRONT = "---\ntitle: {title}\nms.translationtype: MT\nms.contentlocale: ar-SA\n{extra}---\n"


def pair(seg_id: str, translation: str, source: str) -> str:
    """One segment as the corpus writes it."""
    return f'<span data-ttu-id="{seg_id}">{translation}</span><span class="sxs-lookup"><span data-stu-id="{seg_id}">{source}</span></span>'


def article(title: tuple[str, str], body: str, prefix: str = "90000", extra_front: str = "") -> str:
    return FRONT.format(title=title[0], extra=extra_front) + f"# {pair(prefix + '-101', *title)}\n\n{body}\n"


def make_content(folder: Path, extra: dict[str, str | bytes] | None = None, with_repo_content: bool = True) -> Path:
    """``folder/ar-SA/`` with the repo's content (by default) plus *extra* files (relative path -> text)."""
    target = folder / "ar-SA"
    target.mkdir(parents=True, exist_ok=True)
    if with_repo_content:
        for p in (ROOT / "content" / "ar-SA").iterdir():
            if p.is_file():
                shutil.copy2(p, target / p.name)
    for rel, data in (extra or {}).items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return folder


def build_site(content: Path, site: Path, strict: bool = True, config: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``mkdocs build`` with the repository's mkdocs.yml over *content* into *site*."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config or ROOT / "mkdocs.yml"), "-d", str(site)]
    cmd += ["--strict"] if strict else []
    env = {**os.environ, "TWINSPAN_CONTENT": str(content), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT, timeout=600)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the browser closed the connection (navigated away mid-transfer): not a failure
        super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve *directory* over HTTP on 127.0.0.1 (a free port); yields the base URL."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
