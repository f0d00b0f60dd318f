"""The child builds: every language of the site but the first, from the same MkDocs configuration.

The first build parses every article once (:func:`twinspan.site.kb.preload`) and then forks
one child per other language, which shares the parsed articles copy-on-write and builds its
language into ``<site_dir>/<language>/`` while the parent builds its own: parsing is paid
once and the languages render on all cores. Where forking is unsafe (``mkdocs serve`` runs
threads) the child is a fresh process instead:
``python -m twinspan.site.langbuild --config-file mkdocs.yml --site-dir site --language en``.
The plugin in the child sees ``TWINSPAN_SITE_LANGUAGE`` and turns the configuration into its
language's (theme and search language, ``site_dir``, ``site_url``).
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import subprocess
import sys
from dataclasses import dataclass

ENV_LANGUAGE = "TWINSPAN_SITE_LANGUAGE"


@dataclass(frozen=True)
class Job:
    config_file: str
    site_dir: str  # the site's root
    language: str
    strict: bool = False
    dirty: bool = False
    log_level: int = logging.INFO


class Child:
    """A running child build: a forked process or a spawned one."""

    def __init__(self, job: Job, fork: bool) -> None:
        self.job = job
        self._process: multiprocessing.process.BaseProcess | None = None
        self._popen: subprocess.Popen[bytes] | None = None
        sys.stdout.flush()
        sys.stderr.flush()
        if fork:
            self._process = multiprocessing.get_context("fork").Process(target=_forked, args=(job,), name=f"twinspan-{job.language}")
            self._process.start()
        else:
            cmd = [sys.executable, "-m", __name__, "--config-file", job.config_file, "--site-dir", job.site_dir]
            cmd += ["--language", job.language, "--log-level", str(job.log_level)]
            cmd += ["--strict"] if job.strict else []
            cmd += ["--dirty"] if job.dirty else []
            self._popen = subprocess.Popen(cmd, env={**os.environ, ENV_LANGUAGE: job.language, "NO_MKDOCS_2_WARNING": "1"})

    def wait(self) -> int:
        if self._process is not None:
            self._process.join()
            return self._process.exitcode or 0
        assert self._popen is not None
        return self._popen.wait()

    def terminate(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
        if self._popen is not None and self._popen.poll() is None:
            self._popen.terminate()


class _Prefix(logging.Formatter):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<8}-  [{self.lang}] {record.getMessage()}"


def run(job: Job) -> int:
    """Build *job*'s language; 0, or 1 when the build fails (its messages are logged)."""
    os.environ[ENV_LANGUAGE] = job.language
    logger = logging.getLogger("mkdocs")
    for handler in logger.handlers or []:
        handler.setFormatter(_Prefix(job.language))
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_Prefix(job.language))
        logger.addHandler(handler)
        logger.propagate = False
    logger.setLevel(job.log_level)

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        config = load_config(config_file=job.config_file, site_dir=job.site_dir, strict=job.strict)
        config.plugins.on_startup(command="build", dirty=job.dirty)
        build(config, dirty=job.dirty)
    except MkDocsException as exc:
        logger.error(str(exc))
        return 1
    return 0


def _forked(job: Job) -> None:
    sys.exit(run(job))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=f"python -m {__name__}", description=__doc__)
    parser.add_argument("--config-file", required=True)
    parser.add_argument("--site-dir", required=True, help="the site's root; this language goes to <site-dir>/<language>/")
    parser.add_argument("--language", required=True)
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--dirty", action="store_true")
    parser.add_argument("--log-level", type=int, default=logging.INFO)
    args = parser.parse_args(argv)
    return run(Job(args.config_file, args.site_dir, args.language, args.strict, args.dirty, args.log_level))


if __name__ == "__main__":
    sys.exit(main())
