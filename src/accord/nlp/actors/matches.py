"""One document's lexicon matches, indexed once for the recogniser: by first and end token, and each
nationality with the country it stands for. Built per document and passed explicitly, so the components
built once per process hold only knowledge."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...kb import KnowledgeBase

NATIONALITY = ("COUNTRY", "DEMONYM", "CAPITAL")


@dataclass(frozen=True)
class DocMatches:
    """The lexicon's matches in one document (stance nationalities dropped), with their indexes."""

    doc: Doc
    spans: list[Span]
    starts: Mapping[int, Span]  # first token -> match
    ends: Mapping[int, Span]  # token after the match -> match
    covered: frozenset[int]  # tokens inside a match other than a bare surname
    countries: Mapping[tuple[int, int], str]  # (start, end) of a nationality match -> ISO-3

    def country_of(self, span: Span) -> str | None:
        """The country a nationality match stands for; an "ethnic" people's is where it lives."""
        return self.countries.get((span.start, span.end))


def index_matches(doc: Doc, matches: list[Span], kb: KnowledgeBase) -> DocMatches:
    """Index a document's matches and give each nationality its country."""
    starts = {m.start: m for m in matches}
    countries: dict[tuple[int, int], str] = {}
    for m in matches:
        iso = _named_country(m, kb) if m.label_ in NATIONALITY else None
        if iso:
            countries[(m.start, m.end)] = iso
    for m in matches:  # "ethnic Albanians" in Macedonia are coded to Macedonia, as CAMEO codes residence
        if m.label_ == "DEMONYM" and m.start > 0 and doc[m.start - 1].lower_ == "ethnic":
            iso = countries.get((m.start, m.end))
            if iso:
                # earlier ethnic groups' homelands are already in `countries` and count for later ones
                countries[(m.start, m.end)] = _homeland(m, iso, starts, countries, kb)
    covered = frozenset(i for m in matches if m.label_ != "SHORT" for i in range(m.start, m.end))
    return DocMatches(doc, matches, starts, {m.end: m for m in matches}, covered, countries)


def residence(people: Token, kb: KnowledgeBase) -> str | None:
    """The country named in "of"/"in" after a people ("Albanians of southern Serbia"), if any."""
    for prep in (c for c in people.children if c.dep_ == "prep" and c.lower_ in ("of", "in")):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            iso = kb.country_names.get(pobj.text) or kb.country_names.get(
                " ".join(t.text for t in pobj.subtree if t.dep_ in ("compound",) or t is pobj)
            )
            if iso:
                return iso
    return None


def without_stances(doc: Doc, matches: list[Span], stances: Mapping[str, str]) -> list[Span]:
    """The lexicon's matches less the nationalities that name a stance: an "anti-Syria journalist" is not
    Syrian, a "pro-Russian" party not Russia's. `stances`: kb phrases of kind stance (word -> prefix|suffix)."""
    prefixes = frozenset(w for w, place in stances.items() if place == "prefix")
    suffixes = frozenset(w for w, place in stances.items() if place == "suffix")
    return [m for m in matches if not (m.label_ in NATIONALITY and _stance_marked(doc, m, prefixes, suffixes))]


def _stance_marked(doc: Doc, m: Span, prefixes: frozenset[str], suffixes: frozenset[str]) -> bool:
    """ "anti-Syria", "pro-Western", "Iranian-backed": the name says what someone is for, against or backed
    by, not who they are."""
    if m.end + 1 < len(doc) and doc[m.end].text == "-" and doc[m.end + 1].lower_ in suffixes:
        return True
    if m.start >= 2 and doc[m.start - 1].text == "-" and doc[m.start - 2].lower_ in prefixes:
        return True
    return m.start >= 1 and doc[m.start - 1].lower_.rstrip("-") in prefixes and doc[m.start - 1].text.endswith("-")


def _named_country(span: Span, kb: KnowledgeBase) -> str | None:
    """The country a country name, capital or demonym names (a demonym's first country)."""
    if span.label_ == "COUNTRY":
        return kb.country_names.get(span.text) or kb.country_names.get(span.text.title())
    if span.label_ == "CAPITAL":
        return kb.capitals.get(span.text) or kb.capitals.get(span.text.title())
    options = kb.demonyms.get(span.text, [])
    return options[0] if options else None


def _homeland(
    m: Span, iso: str, starts: Mapping[int, Span], countries: Mapping[tuple[int, int], str], kb: KnowledgeBase
) -> str:
    """Where an ethnic group named in the sentence lives, as CAMEO codes it: the country after
    "of"/"in", else the first other country the sentence names, else the demonym's country."""
    found = residence(m.root, kb)
    if found:
        return found
    sent = m.sent
    for k in range(sent.start, sent.end):
        span = starts.get(k)
        if span is not None and span.label_ in ("COUNTRY", "DEMONYM") and span.start != m.start:
            other = countries.get((span.start, span.end))
            if other and other != iso:
                return other
    return iso
