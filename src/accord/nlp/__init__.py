"""NLP stage: one spaCy pass per document, then the extractors that fill the contract.

The pipeline (and with it spaCy) is imported on first use, so that code needing only a pure-text part
of this stage, such as the store's migration that computes tone, does not load spaCy."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .loader import pipeline_version
    from .pipeline import Pipeline

__all__ = ["Pipeline", "pipeline_version"]
_HOMES = {"Pipeline": ".pipeline", "pipeline_version": ".loader"}  # the loader does not import spaCy


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
