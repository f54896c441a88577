"""spaCy PhraseMatchers built from the knowledge base: exact-case matching for names (so "US" is not
"us"), lower-case matching for titles, group nouns, generic bodies and collective phrases."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ...kb import KnowledgeBase

# Labels, in the order that breaks ties between equally long matches.
PRIORITY = ("PERSON", "ORG", "BODY", "TITLE", "COUNTRY", "CAPITAL", "DEMONYM", "SHORT", "COLLECTIVE")


class Lexicon:
    """Finds every knowledge-base surface form in a Doc, longest match first."""

    def __init__(self, nlp: Language, kb: KnowledgeBase):
        self.kb = kb
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        make = nlp.make_doc

        def add(matcher: PhraseMatcher, label: str, surfaces) -> None:
            patterns = [make(s) for s in sorted(set(surfaces)) if s]
            for start in range(0, len(patterns), 1000):
                matcher.add(label, patterns[start : start + 1000])

        add(self.exact, "COUNTRY", kb.country_names)
        add(self.exact, "COUNTRY", [s.upper() for s in kb.country_names if len(s) > 4])
        add(self.exact, "DEMONYM", kb.demonyms)
        add(self.exact, "CAPITAL", kb.capitals)
        add(self.exact, "CAPITAL", [s.upper() for s in kb.capitals if len(s) > 3])
        add(self.exact, "ORG", kb.org_names)
        add(self.exact, "BODY", [s for s, b in kb.bodies.items() if b.country])
        add(self.lower, "BODY", [s for s, b in kb.bodies.items() if not b.country])
        add(self.exact, "PERSON", kb.person_names)
        add(self.exact, "SHORT", kb.short_names)
        add(self.lower, "TITLE", kb.titles)
        add(self.lower, "COLLECTIVE", kb.phrases.get("collective", {}))

    def find(self, doc: Doc) -> list[Span]:
        """Every match, overlaps resolved longest first (then by PRIORITY), in text order."""
        spans = [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in self.exact(doc)]
        spans += [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in self.lower(doc)]
        spans = [s for s in spans if _plausible(s)]
        rank = {label: n for n, label in enumerate(PRIORITY)}
        spans.sort(key=lambda s: (-(s.end - s.start), rank.get(s.label_, 99), s.start))
        return sorted(filter_spans(spans), key=lambda s: s.start)


def _plausible(span: Span) -> bool:
    """Drop matches that are parts of other words' hyphenations or clearly not names."""
    if span.label_ in ("COUNTRY", "CAPITAL", "DEMONYM", "PERSON", "SHORT", "ORG") and not span.text[:1].isupper():
        return False
    return True
