"""spaCy PhraseMatchers built from the knowledge base: exact-case matching for names (so "US" is not
"us"), lower-case matching for titles, group nouns, generic bodies and collective phrases. The patterns
are the token hashes of every surface form, kept compiled between runs (accord.kb.compiled)."""

from __future__ import annotations

import hashlib

import spacy.about
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ...kb import KnowledgeBase
from ...kb.compiled import load_compiled
from ..loader import model_label

# Labels, in the order that breaks ties between equally long matches.
PRIORITY = ("PERSON", "ORG", "BODY", "TITLE", "COUNTRY", "CAPITAL", "DEMONYM", "SHORT", "COLLECTIVE")


class Lexicon:
    """Finds every knowledge-base surface form in a Doc, longest match first."""

    def __init__(self, nlp: Language, kb: KnowledgeBase):
        self.kb = kb
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        matchers = {"ORTH": self.exact, "LOWER": self.lower}
        for attr, label, keys in compiled_patterns(nlp, surface_lists(kb)):
            # a pattern given as its tokens' hashes, not a Doc: what spaCy's own unpickling of a
            # PhraseMatcher adds (phrasematcher.pyx, unpickle_matcher); the type stub names only Docs
            matchers[attr].add(label, keys)  # type: ignore[arg-type]

    def find(self, doc: Doc) -> list[Span]:
        """Every match, overlaps resolved longest first (then by PRIORITY), in text order."""
        spans = [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in self.exact(doc)]
        spans += [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in self.lower(doc)]
        spans = [s for s in spans if _plausible(s)]
        rank = {label: n for n, label in enumerate(PRIORITY)}
        spans.sort(key=lambda s: (-(s.end - s.start), rank.get(s.label_, 99), s.start))
        return sorted(filter_spans(spans), key=lambda s: s.start)


def surface_lists(kb: KnowledgeBase) -> list[tuple[str, str, list[str]]]:
    """(attribute matched, label, sorted surface forms) for every list the matchers hold: exact case
    (ORTH) for names, so "US" is not "us", lower case (LOWER) for titles, generic bodies and phrases."""
    lists = [
        ("ORTH", "COUNTRY", kb.country_names),
        ("ORTH", "COUNTRY", [s.upper() for s in kb.country_names if len(s) > 4]),
        ("ORTH", "DEMONYM", kb.demonyms),
        ("ORTH", "CAPITAL", kb.capitals),
        ("ORTH", "CAPITAL", [s.upper() for s in kb.capitals if len(s) > 3]),
        ("ORTH", "ORG", kb.org_names),
        ("ORTH", "BODY", [s for s, b in kb.bodies.items() if b.country]),
        ("LOWER", "BODY", [s for s, b in kb.bodies.items() if not b.country]),
        ("ORTH", "PERSON", kb.person_names),
        ("ORTH", "SHORT", kb.short_names),
        ("LOWER", "TITLE", kb.titles),
        ("LOWER", "COLLECTIVE", kb.phrases.get("collective", {})),
    ]
    return [(attr, label, sorted({s for s in surfaces if s})) for attr, label, surfaces in lists]


def compiled_patterns(
    nlp: Language, lists: list[tuple[str, str, list[str]]]
) -> list[tuple[str, str, list[tuple[int, ...]]]]:
    """Each list's surface forms as the matcher keys them: the hashes of their tokens' ORTH or LOWER,
    as the model's tokenizer splits them. Tokenizing twelve thousand names takes a second or more, so
    the keys are kept compiled (accord.kb.compiled) under the lists' contents and the model's version."""
    h = hashlib.sha256()
    for attr, label, surfaces in lists:
        h.update("\x1f".join([attr, label, *surfaces]).encode("utf-8", "surrogatepass") + b"\x1e")
    key = [h.hexdigest(), model_label(nlp), f"spacy {spacy.about.__version__}"]
    return load_compiled("actor-patterns", lambda: _token_keys(nlp, lists), key)


def _token_keys(nlp: Language, lists: list[tuple[str, str, list[str]]]) -> list[tuple[str, str, list[tuple[int, ...]]]]:
    out = []
    for attr, label, surfaces in lists:
        docs = [nlp.make_doc(s) for s in surfaces]
        keys = [tuple(t.orth if attr == "ORTH" else t.lower for t in doc) for doc in docs]
        out.append((attr, label, [k for k in keys if k]))
    return out


def _plausible(span: Span) -> bool:
    """Drop matches that are parts of other words' hyphenations or clearly not names."""
    if span.label_ in ("COUNTRY", "CAPITAL", "DEMONYM", "PERSON", "SHORT", "ORG") and not span.text[:1].isupper():
        return False
    return True
