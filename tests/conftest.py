from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_NAME = "solving-smtp-authentication-issues.md"


def corpus_root() -> Path:
    return Path(os.environ.get("TWINSPAN_CORPUS", ROOT.parent / "shared" / "corpus"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The real corpus (../shared/corpus or $TWINSPAN_CORPUS); tests using it skip without it."""
    root = corpus_root()
    if not (root / "alchemy-insights" / "ar-SA").is_dir():
        pytest.skip(f"real corpus not found at {root} (set TWINSPAN_CORPUS); a user's clone has none")
    return root


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return FIXTURES / "ar-SA" / SEED_NAME


@pytest.fixture(scope="session")
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


def corpus_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.md"))
