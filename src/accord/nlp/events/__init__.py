"""Events: CAMEO and PLOVER coding over the dependency parse, with source and target actors, status,
the sentence and trigger as evidence, and the quotation an event is reported in.

A trigger is a verb or event noun from the trigger lexicon (data, kb/triggers.tsv) whose particle,
object and preposition conditions hold; the most specific row wins. The source is the trigger's
subject (the agent of a passive), the target its object or the actor after with/to/against/on;
a mutual event (meet, negotiate, sign) is one row per pair of parties, in the order the text names them
(its rule ends "+mutual"), and coordinated actors ("X and Y welcomed") give one row each. Statements are quotations, not events: accord does not emit CAMEO 010 for
"X said", the flood that GDELT and PETRARCH produce.

The coder is a few passes over a per-document index (index.py): find the candidates (find.py, with
participants.py), merge the ones that are part of another's event (merge.py), and emit the rest as
events (emit.py, coding each through the frame algebra of code.py). Word lists and coding conventions
are data (knowledge.py reads them from kb/phrases.tsv and kb/conventions.tsv).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...config import Settings
from ...kb import load_kb
from ...model import Extraction
from .emit import emit, statements
from .find import find_candidates
from .index import DocIndex
from .knowledge import EventKnowledge
from .merge import merge

__all__ = ["EventCoder"]


class EventCoder:
    """Codes one document's events; holds only per-process knowledge and settings."""

    def __init__(self, settings: Settings, nlp: Language):
        self.know = EventKnowledge.of(load_kb(tuple(settings.actor_files)))
        self.statement_events = settings.statement_events

    def __call__(self, ex: Extraction, doc: Doc) -> None:
        """Set `ex.events` from the document's parse and the actors and quotations already extracted."""
        index = DocIndex.build(ex, doc)
        candidates = find_candidates(self.know, index)
        merge(self.know, index, candidates)
        events = emit(self.know, index, candidates)
        if self.statement_events:
            events += statements(self.know, index)
        for n, event in enumerate(events, start=1):
            event.id = f"e{n}"
        ex.events = events
