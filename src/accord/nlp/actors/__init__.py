"""Actors: who is mentioned, resolved to country, sector, role and CAMEO code, with every mention.

Stages: the Lexicon finds knowledge-base names (`lexicon.py`); the Recognizer turns them and spaCy's
entities into references of a `RefKind` (`recognize.py`, `standalone.py`, indexed per document in
`matches.py`); one handler per kind has the Resolver name the actor behind each (`assemble.py`,
`resolve.py`); coreference adds surnames, he/she and phrases such as "both nations" to the actors they
stand for (`coref.py`). A collective phrase becomes a mention of each actor it covers, which is how later
stages see the pair. The components are built once per process and hold only knowledge; what one
document needs travels in per-document objects (`DocMatches`, `Recognition`, `Assembly`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ...config import Settings
from ...kb import load_kb
from ...model import Actor, Extraction, Mention
from .assemble import Assembly, add_reference, sentence_countries
from .coref import add_coreferences
from .lexicon import Lexicon
from .recognize import Recognizer
from .resolve import ActorDraft, Resolver

__all__ = ["ActorExtractor"]


class ActorExtractor:
    """Built once per pipeline (knowledge base and matchers load here); called once per document."""

    def __init__(self, settings: Settings, nlp: Language):
        self.kb = load_kb(tuple(settings.actor_files))
        self.lexicon = Lexicon(nlp, self.kb)
        self.recognizer = Recognizer(self.kb)
        self.resolver = Resolver(self.kb)

    def __call__(self, ex: Extraction, doc: Doc) -> None:
        """Find the document's actors and set them on `ex`."""
        found = self.recognizer(doc, self.lexicon.find(doc))
        day = date.fromisoformat(ex.anchor_date) if ex.anchor_date else None
        assembly = Assembly(self.resolver, day, self._dateline_country(ex), sentence_countries(found.matches))
        for ref in found.refs:
            add_reference(assembly, ref)
        add_coreferences(doc, assembly.drafts, found.cues, self.resolver)
        ex.actors = _to_actors(assembly.drafts.values(), ex.text)

    def _dateline_country(self, ex: Extraction) -> str | None:
        place = ex.dateline.place if ex.dateline else None
        if not place:
            return None
        head = place.split(",")[0].strip()
        return self.kb.capitals.get(head) or self.kb.country_names.get(head)


def _to_actors(drafts: Iterable[ActorDraft], text: str) -> list[Actor]:
    """The drafts that have mentions, numbered in order of their first mention."""
    ordered = sorted((d for d in drafts if d.mentions), key=lambda d: min(d.mentions))
    actors = []
    for n, d in enumerate(ordered, start=1):
        mentions = [Mention(s, e, text[s:e]) for s, e in sorted(set(d.mentions))]
        actors.append(
            Actor(
                id=f"a{n}",
                name=d.name,
                kind=d.kind,
                country=d.country,
                sector=d.sector,
                role=d.role,
                code=d.code,
                kb_id=d.kb_id,
                mentions=mentions,
            )
        )
    return actors
