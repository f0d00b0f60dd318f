"""Typed errors. Content problems are diagnostics, never exceptions; only I/O and usage raise."""

from __future__ import annotations


class TwinspanError(Exception):
    """Base of the errors the CLI reports as ``path: message`` with exit code 2."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class ReadError(TwinspanError):
    """A file could not be read."""


class WriteError(TwinspanError):
    """A file could not be written (nothing was changed)."""


class UsageError(TwinspanError):
    """The command line asks for something impossible."""
