"""Time expressions: finds them in a parsed text and normalises them to TIMEX3 (TempEval-3 style)
against an anchor date, with the calendar range each DATE/TIME covers.

`find_times(doc, anchor)` is the pure function; `TimeTagger` is the pipeline stage that fills
`Extraction.times`.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ...config import Settings
from ...model import Extraction, TimeExpr
from ..lookups import text_of
from .candidates import find_candidates
from .lexicon import load_lexicon
from .normalize import Discourse, resolve
from .tense import clause_tense, signal_tense

__all__ = ["TimeTagger", "find_times"]


def find_times(doc: Doc, anchor: date | None) -> list[TimeExpr]:
    """Every time expression in `doc`, in text order, with ids t1, t2, ...; relative expressions
    resolve against `anchor` (without one they get X'ed values and no range)."""
    words, candidates = find_candidates(doc, load_lexicon())
    discourse = Discourse()
    text = text_of(doc)
    found: list[TimeExpr] = []
    for candidate in candidates:
        first, last = candidate.start, candidate.end - 1
        span = doc[words.token[first] : words.token[last] + 1]
        preceding = words.lower[max(0, candidate.start - 3) : candidate.start]
        tense = signal_tense(clause_tense(doc, span.root.i), preceding)
        resolution = resolve(candidate.meaning, anchor, tense, discourse, preceding[-1] if preceding else "")
        if resolution is None:
            continue
        discourse.remember(candidate.meaning, resolution.period)
        found.append(
            TimeExpr(
                id=f"t{len(found) + 1}",
                start=words.start[first],
                end=words.end[last],
                text=text[words.start[first] : words.end[last]],
                type=resolution.type,
                value=resolution.value,
                range=resolution.period.range if resolution.period else None,
            )
        )
    return found


class TimeTagger:
    """The pipeline stage: fills `ex.times`, anchored on `ex.anchor_date`."""

    def __init__(self, settings: Settings, nlp: Language):
        self.settings = settings
        load_lexicon()

    def __call__(self, ex: Extraction, doc: Doc) -> None:
        anchor = date.fromisoformat(ex.anchor_date[:10]) if ex.anchor_date else None
        ex.times = find_times(doc, anchor)
