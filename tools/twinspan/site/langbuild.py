"""A child build: one language of the site, from the same MkDocs configuration.

``python -m twinspan.site.langbuild --config-file mkdocs.yml --site-dir site --language en``
is what the plugin starts for every language but the first; the plugin in this process sees
``TWINSPAN_SITE_LANGUAGE`` and builds that language into ``<site-dir>/<language>/``.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from .plugin import ENV_LANGUAGE


class _Prefix(logging.Formatter):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<8}-  [{self.lang}] {record.getMessage()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m twinspan.site.langbuild", description=__doc__)
    parser.add_argument("--config-file", required=True)
    parser.add_argument("--site-dir", required=True, help="the site's root; this language goes to <site-dir>/<language>/")
    parser.add_argument("--language", required=True)
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--dirty", action="store_true")
    parser.add_argument("--log-level", type=int, default=logging.INFO)
    args = parser.parse_args(argv)
    os.environ[ENV_LANGUAGE] = args.language

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Prefix(args.language))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(args.log_level)
    logger.propagate = False

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        config = load_config(config_file=args.config_file, site_dir=args.site_dir, strict=args.strict)
        config.plugins.on_startup(command="build", dirty=args.dirty)
        build(config, dirty=args.dirty)
    except MkDocsException as exc:
        logger.error(str(exc))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
