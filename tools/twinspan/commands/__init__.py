"""CLI commands. Each module has ``register(subparsers)`` that adds its command(s)
and sets ``func`` on the parser; the function returns the exit code."""

from __future__ import annotations

import importlib
from types import ModuleType

#: Modules in the order their commands appear in ``twinspan --help``.
COMMAND_MODULES = ["parse", "check", "rules", "export", "po"]


def load_all() -> list[ModuleType]:
    return [importlib.import_module(f"{__name__}.{name}") for name in COMMAND_MODULES]
