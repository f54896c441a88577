"""Actors: who is mentioned, resolved to country, sector, role and CAMEO code, with every mention.

Stages: the Lexicon finds knowledge-base names; the Recognizer turns them and spaCy's entities into
references; the Resolver names the actor behind each; coreference adds surnames, he/she and phrases
such as "both nations" to the actors they stand for. A collective phrase becomes a mention of each
actor it covers, which is how later stages see the pair.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ..lookups import sentence_of
from ...config import Settings
from ...kb import load_kb
from ...model import Actor, Extraction, Mention
from .coref import add_coreferences
from .lexicon import Lexicon
from .recognize import Recognizer, without_stances
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
        day = date.fromisoformat(ex.anchor_date) if ex.anchor_date else None
        matches = without_stances(doc, self.lexicon.find(doc))
        refs, cues = self.recognizer(doc, matches)
        context_country = self._dateline_country(ex)
        sentence_country = _sentence_countries(doc, matches, self.recognizer)
        drafts: dict[tuple, ActorDraft] = {}
        persons_seen: list[ActorDraft] = []

        def add(draft: ActorDraft, start: int, end: int) -> ActorDraft:
            existing = drafts.setdefault(draft.key, draft)
            if (start, end) not in existing.mentions:
                existing.mentions.append((start, end))
            return existing

        for ref in refs:
            if ref.kind == "person":
                earlier = _earlier_person(persons_seen, ref.head.text) if len(ref.head.text.split()) <= 2 else None
                if earlier is not None and ref.head.label_ != "PERSON":
                    add(earlier, ref.start, ref.end)
                    continue
                actor = add(self.resolver.person(ref, day, sentence_country.get(sentence_of(ref.head).start)),
                            ref.start, ref.end)
                if actor not in persons_seen:
                    persons_seen.append(actor)
            elif ref.kind == "person-body":
                leader = self.resolver.person(ref, day, sentence_country.get(sentence_of(ref.head).start))
                add(self.resolver.led_government(ref, leader), ref.start, ref.end)
            elif ref.kind == "office":
                for iso in ref.countries or [None]:
                    if iso:
                        actor = add(self.resolver.office(ref, iso, day), ref.start, ref.end)
                        if actor.kind == "person" and actor not in persons_seen:
                            persons_seen.append(actor)
            elif ref.kind == "group":
                for iso in ref.countries:
                    add(self.resolver.group(ref, iso), ref.start, ref.end)
                if ref.org and not ref.countries:
                    add(self.resolver.organization(ref), ref.start, ref.end)
                elif not ref.countries:
                    # "police dispersed demonstrators": a group the text gives no nationality belongs, as in
                    # CAMEO, to the one country the sentence names, else to the dateline's country
                    iso = sentence_country.get(sentence_of(ref.head).start) or context_country
                    if iso:
                        add(self.resolver.group(ref, iso), ref.start, ref.end)
            elif ref.kind == "body":
                add(self.resolver.body(ref, context_country), ref.start, ref.end)
            elif ref.kind == "org":
                add(self.resolver.organization(ref), ref.start, ref.end)
            elif ref.kind == "unknown-org":
                add(self.resolver.organization(ref, sentence_country.get(sentence_of(ref.head).start)), ref.start, ref.end)
            elif ref.kind == "country":
                add(self.resolver.country(ref.countries[0]), ref.start, ref.end)
            elif ref.kind == "capital":
                add(self.resolver.government(ref.countries[0]), ref.start, ref.end)
            elif ref.kind == "noun-group":
                add(self.resolver.noun_group(ref, ref.countries[0]), ref.start, ref.end)
            elif ref.kind == "people":
                add(self.resolver.people(ref, ref.countries[0]), ref.start, ref.end)

        add_coreferences(doc, drafts, cues, self.resolver)
        ex.actors = _to_actors(drafts.values(), ex.text)

    def _dateline_country(self, ex: Extraction) -> str | None:
        place = ex.dateline.place if ex.dateline else None
        if not place:
            return None
        head = place.split(",")[0].strip()
        return self.kb.capitals.get(head) or self.kb.country_names.get(head)


def _sentence_countries(doc: Doc, matches, recognizer: Recognizer) -> dict[int, str]:
    """Sentence start token -> the country, when the sentence names exactly one."""
    found: dict[int, set[str]] = {}
    for m in matches:
        if m.label_ in ("COUNTRY", "CAPITAL", "DEMONYM"):
            iso = recognizer.country_of(m)
            if iso:
                found.setdefault(sentence_of(m).start, set()).add(iso)
    return {start: next(iter(isos)) for start, isos in found.items() if len(isos) == 1}


def _earlier_person(persons: list[ActorDraft], text: str) -> ActorDraft | None:
    """The most recent person already named whose short forms include `text` ("Wang" -> Wang Yi)."""
    for person in reversed(persons):
        if text in person.shorts or text == person.name:
            return person
    return None


def _to_actors(drafts, text: str) -> list[Actor]:
    ordered = sorted((d for d in drafts if d.mentions), key=lambda d: min(d.mentions))
    actors = []
    for n, d in enumerate(ordered, start=1):
        mentions = [Mention(s, e, text[s:e]) for s, e in sorted(set(d.mentions))]
        actors.append(Actor(id=f"a{n}", name=d.name, kind=d.kind, country=d.country, sector=d.sector,
                            role=d.role, code=d.code, kb_id=d.kb_id, mentions=mentions))
    return actors
