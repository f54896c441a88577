"""From references to actor drafts: one small handler per reference kind, and the per-document state
they share (the drafts so far, the people already named, the countries the context supplies)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from ..lookups import sentence_of
from .matches import DocMatches
from .references import Reference, RefKind
from .resolve import ActorDraft, Resolver


@dataclass
class Assembly:
    """One document's actors in the making; built per document by the extractor, never kept."""

    resolver: Resolver
    day: date | None  # the article's anchor date
    context_country: str | None  # the dateline's country
    sentence_country: dict[int, str]  # sentence start token -> the one country the sentence names
    drafts: dict[tuple, ActorDraft] = field(default_factory=dict)
    persons_seen: list[ActorDraft] = field(default_factory=list)

    def add(self, draft: ActorDraft, ref: Reference) -> ActorDraft:
        """Record `ref` as a mention of the actor `draft` stands for (the existing one with its key)."""
        existing = self.drafts.setdefault(draft.key, draft)
        if (ref.start, ref.end) not in existing.mentions:
            existing.mentions.append((ref.start, ref.end))
        return existing

    def remember_person(self, actor: ActorDraft) -> None:
        """Keep a person for later surname-only mentions."""
        if actor.kind == "person" and actor not in self.persons_seen:
            self.persons_seen.append(actor)

    def country_of_sentence(self, ref: Reference) -> str | None:
        """The one country the sentence of `ref` names, if it names exactly one."""
        return self.sentence_country.get(sentence_of(ref.head).start)

    def earlier_person(self, text: str) -> ActorDraft | None:
        """The most recent person already named whose short forms include `text` ("Wang" -> Wang Yi)."""
        for person in reversed(self.persons_seen):
            if text in person.shorts or text == person.name:
                return person
        return None


def add_reference(assembly: Assembly, ref: Reference) -> None:
    """Resolve one reference and add it to the document's actors, as its kind says."""
    HANDLERS[ref.kind](assembly, ref)


def sentence_countries(found: DocMatches) -> dict[int, str]:
    """Sentence start token -> the country, when the sentence names exactly one."""
    countries: dict[int, set[str]] = {}
    for m in found.spans:
        if m.label_ in ("COUNTRY", "CAPITAL", "DEMONYM"):
            iso = found.country_of(m)
            if iso:
                countries.setdefault(sentence_of(m).start, set()).add(iso)
    return {start: next(iter(isos)) for start, isos in countries.items() if len(isos) == 1}


def _person(a: Assembly, ref: Reference) -> None:
    """A name: a short form of someone already named is that person, else the resolver's person."""
    earlier = a.earlier_person(ref.head.text) if len(ref.head.text.split()) <= 2 else None
    if earlier is not None and ref.head.label_ != "PERSON":
        a.add(earlier, ref)
        return
    a.remember_person(a.add(a.resolver.person(ref, a.day, a.country_of_sentence(ref)), ref))


def _person_body(a: Assembly, ref: Reference) -> None:
    leader = a.resolver.person(ref, a.day, a.country_of_sentence(ref))
    a.add(a.resolver.led_government(ref, leader), ref)


def _office(a: Assembly, ref: Reference) -> None:
    """A title with nationalities: the holder for each country (a person when the KB knows one)."""
    for iso in ref.countries:
        if iso:
            a.remember_person(a.add(a.resolver.office(ref, iso, a.day), ref))


def _group(a: Assembly, ref: Reference) -> None:
    for iso in ref.countries:
        a.add(a.resolver.group(ref, iso), ref)
    if ref.org and not ref.countries:
        a.add(a.resolver.organization(ref), ref)
    elif not ref.countries:
        # "police dispersed demonstrators": a group the text gives no nationality belongs, as in
        # CAMEO, to the one country the sentence names, else to the dateline's country
        home = a.country_of_sentence(ref) or a.context_country
        if home:
            a.add(a.resolver.group(ref, home), ref)


def _body(a: Assembly, ref: Reference) -> None:
    a.add(a.resolver.body(ref, a.context_country), ref)


def _org(a: Assembly, ref: Reference) -> None:
    a.add(a.resolver.organization(ref), ref)


def _unknown_org(a: Assembly, ref: Reference) -> None:
    a.add(a.resolver.organization(ref, a.country_of_sentence(ref)), ref)


def _country(a: Assembly, ref: Reference) -> None:
    a.add(a.resolver.country(ref.countries[0]), ref)


def _capital(a: Assembly, ref: Reference) -> None:
    a.add(a.resolver.government(ref.countries[0]), ref)


def _noun_group(a: Assembly, ref: Reference) -> None:
    a.add(a.resolver.noun_group(ref, ref.countries[0]), ref)


def _people(a: Assembly, ref: Reference) -> None:
    a.add(a.resolver.people(ref, ref.countries[0]), ref)


HANDLERS: dict[RefKind, Callable[[Assembly, Reference], None]] = {
    RefKind.PERSON: _person,
    RefKind.PERSON_BODY: _person_body,
    RefKind.OFFICE: _office,
    RefKind.GROUP: _group,
    RefKind.BODY: _body,
    RefKind.ORG: _org,
    RefKind.UNKNOWN_ORG: _unknown_org,
    RefKind.COUNTRY: _country,
    RefKind.CAPITAL: _capital,
    RefKind.NOUN_GROUP: _noun_group,
    RefKind.PEOPLE: _people,
}
