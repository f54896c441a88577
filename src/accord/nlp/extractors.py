"""The extractor stages, in the order the architecture fixes: actors, quotes, times, places, events.

Each extractor reads the spaCy Doc and what earlier stages put in the Extraction, and fills its own
slot. The slots are empty until the issues that build each extractor land; a failing extractor leaves
its slot empty and says so in `warnings` instead of stopping the document.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from ..model import Extraction

Extractor = Callable[[Extraction, Doc], None]

# (slot name, extractor) pairs; later issues register their extractors here.
EXTRACTORS: list[tuple[str, Extractor]] = []


def run_extractors(ex: Extraction, doc: Doc) -> None:
    for slot, extractor in EXTRACTORS:
        try:
            extractor(ex, doc)
        except Exception as exc:  # one extractor's bug must not cost the document
            setattr(ex, slot, [])
            ex.warnings.append(f"{slot} extractor failed and was skipped: {type(exc).__name__}: {exc}")
