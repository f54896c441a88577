"""The extractor stages, in the order the architecture fixes: actors, quotes, times, places, events.

Each stage is registered as (slot, factory). The Pipeline calls every factory once with its Settings
and the spaCy Language, so knowledge bases and matchers load once per process; the extractor it returns
reads the spaCy Doc and what earlier stages put in the Extraction, and fills its own slot. A failing
extractor leaves its slot empty and says so in `warnings` instead of stopping the document.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from ..config import Settings
from ..model import Extraction

Extractor = Callable[[Extraction, Doc], None]
ExtractorFactory = Callable[[Settings, Language], Extractor]


def _actors(settings: Settings, nlp: Language) -> Extractor:
    from .actors import ActorExtractor

    return ActorExtractor(settings, nlp)


def _quotes(settings: Settings, nlp: Language) -> Extractor:
    from .quotes import QuoteExtractor

    return QuoteExtractor(settings, nlp)


def _times(settings: Settings, nlp: Language) -> Extractor:
    from .times import TimeTagger

    return TimeTagger(settings, nlp)


def _places(settings: Settings, nlp: Language) -> Extractor:
    from .places import PlaceTagger

    return PlaceTagger(settings, nlp)


def _events(settings: Settings, nlp: Language) -> Extractor:
    from .events import EventCoder

    return EventCoder(settings, nlp)


# (slot name, factory) pairs in pipeline order.
EXTRACTORS: list[tuple[str, ExtractorFactory]] = [
    ("actors", _actors),
    ("quotes", _quotes),
    ("times", _times),
    ("places", _places),
    ("events", _events),
]


def build_extractors(settings: Settings, nlp: Language) -> list[tuple[str, Extractor]]:
    """Every stage's extractor, built once with these settings and this model, in pipeline order."""
    return [(slot, factory(settings, nlp)) for slot, factory in EXTRACTORS]


def run_extractors(
    extractors: list[tuple[str, Extractor]],
    ex: Extraction,
    doc: Doc,
    check: Callable[[str], None] | None = None,
) -> None:
    """Run the stages on one document; a stage that fails leaves its slot empty and a warning. `check`
    is called before each stage with its name (the document's budget: it may raise OverBudget)."""
    for slot, extractor in extractors:
        if check is not None:
            check(f"the {slot} stage")
        try:
            extractor(ex, doc)
        except Exception as exc:  # one extractor's bug must not cost the document
            setattr(ex, slot, [])
            ex.warnings.append(f"{slot} extractor failed and was skipped: {type(exc).__name__}: {exc}")
