"""Exports of the article model: steps as JSON (with a JSON Schema), schema.org HowTo JSON-LD,
and segments as PO catalogs that translators edit and ``po apply`` writes back.

>>> from twinspan.export import steps_document, howto_jsonld, load_schema
>>> doc = steps_document(twinspan.load("content/ar-SA/solving-smtp-authentication-issues.md"))
>>> jsonschema.validate(doc, load_schema())
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from .howto import SideName, howto_jsonld
from .steps import STEPS_VERSION, steps_document

__all__ = ["STEPS_VERSION", "SideName", "howto_jsonld", "load_schema", "schema_text", "steps_document"]


def schema_text() -> str:
    """The JSON Schema (2020-12) of the steps documents, as shipped in the package."""
    return resources.files(__name__).joinpath("schema.json").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(schema_text())
    return schema
