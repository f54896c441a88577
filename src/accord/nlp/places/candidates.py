"""Finds the spans of a parsed document that may name places: gazetteer names (also inside
organisation names: "Air Zimbabwe"), demonyms ("Russian"), and spaCy's GPE/LOC/FAC entities."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..lookups import entities_of, text_of, tokens_with
from .gazetteer import Gazetteer, NameHit, abbreviation_key, fold

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAME_LABELS = frozenset({"ORG", "EVENT", "PRODUCT", "WORK_OF_ART", "NORP", "LAW"})
MAX_NAME_TOKENS = 8
# A city named only by the gazetteer (spaCy saw no place there) needs this many people, or a cue.
MIN_UNSUPPORTED_CITY = 50000
MIN_ORG_CITY = 50000  # a city inside an organisation's name ("Toronto Police Service")
MIN_PERSON_CITY = 500000  # a city spaCy took for a person
PLACE_PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "from",
        "near",
        "to",
        "outside",
        "across",
        "into",
        "around",
        "towards",
        "toward",
        "via",
        "throughout",
        "within",
    }
)
DIRECTIONS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "upper",
        "lower",
        "greater",
        "downtown",
    }
)
GENERIC_TAILS = frozenset(
    {
        "state",
        "province",
        "region",
        "district",
        "city",
        "governorate",
        "oblast",
        "prefecture",
        "municipality",
        "territory",
    }
)
LANGUAGE_WORDS = frozenset(
    {
        "language",
        "languages",
        "speaking",
        "speaker",
        "speakers",
        "translation",
        "subtitles",
        "dub",
        "lessons",
        "teacher",
        "classes",
    }
)


@dataclass
class Candidate:
    """A span that may name a place, with the gazetteer's options for it (none: not in the gazetteer)."""

    start: int  # character offsets into the text
    end: int
    first: int  # token indices, end exclusive
    last: int
    text: str
    hits: list[NameHit] = field(default_factory=list)
    source: str = "gazetteer"  # gazetteer | demonym | entity
    label: str | None = None  # spaCy's label of the entity covering it
    inner: bool = False  # a facility or area named after the place in `hits` ("Dubai International Airport")
    sure: bool = False  # a place whatever spaCy says: a country or division, a big city, or "in X"


def _starts_upper(token: Token) -> bool:
    return token.text[:1].isupper()


def find_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """Every candidate span in text order, at most one per token."""
    ent_of: list[Span | None] = [None] * len(doc)
    for ent in entities_of(doc):
        for i in range(ent.start, ent.end):
            ent_of[i] = ent
    person_parts = _person_name_parts(doc)
    text = text_of(doc)  # spaCy builds it afresh on every access
    found: list[Candidate] = []
    after = 0  # the first token not inside an accepted candidate
    bounds = _token_bounds(doc)
    for i in _capitalised(text, bounds[0]):  # a name starts with a capital: the other tokens cannot start one
        if i < after:
            continue
        cand = _match_at(text, i, gaz, bounds)
        if cand is not None and _accept(doc, cand, ent_of, person_parts, gaz):
            found.append(cand)
            after = cand.last
    return _repeat_mentions(doc, _add_entities(doc, found, gaz, person_parts), ent_of, person_parts)


def _token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Each token's start and end offsets (end exclusive), read from one array: the name search looks
    at them for every capitalised token and the words after it, without making a Token for each."""
    if not len(doc):
        return [], []
    starts, lengths = zip(*doc.to_array(["IDX", "LENGTH"]).tolist(), strict=True)
    return list(starts), [start + length for start, length in zip(starts, lengths, strict=True)]


def _capitalised(text: str, starts: list[int]) -> list[int]:
    """The tokens starting with a capital letter, from their offsets."""
    return [i for i, offset in enumerate(starts) if text[offset].isupper()]


def _match_at(text: str, i: int, gaz: Gazetteer, bounds: tuple[list[int], list[int]]) -> Candidate | None:
    """The longest gazetteer name or demonym starting at token i ("U.S." also in "U.S.-led")."""
    starts, ends = bounds
    start = starts[i]
    if not text[start].isupper():
        return None
    best: Candidate | None = None
    for j in range(i, min(len(starts), i + MAX_NAME_TOKENS)):
        end = ends[j]
        surface = text[start:end]
        if "\n" in surface:
            break
        demonym = gaz.demonyms.get(surface)
        if demonym is not None:
            best = Candidate(start, end, i, j + 1, surface, [NameHit(demonym)], source="demonym")
        if not gaz.is_prefix(surface):
            break
        hits = gaz.lookup(surface)
        if hits and (text[starts[j]].isupper() or abbreviation_key(surface)):
            best = Candidate(start, end, i, j + 1, surface, list(hits))
    token_text = text[start : ends[i]]
    if best is None and "-" in token_text[1:]:
        head = token_text.split("-", 1)[0]
        hits = gaz.lookup(head)
        if hits:
            return Candidate(start, start + len(head), i, i + 1, head, list(hits))
    return best


def _person_name_parts(doc: Doc) -> set[str]:
    """Words of the multi-word person names in the document: "Jackson" once "Michael Jackson" appears."""
    parts: set[str] = set()
    for ent in entities_of(doc):
        if ent.label_ == "PERSON" and len(ent) > 1:
            parts.update(t.text for t in ent if _starts_upper(t))
    return parts


def _is_strong(hit: NameHit) -> bool:
    return not hit.alternate and hit.entry.feature != "city"


def _accept(doc: Doc, cand: Candidate, ent_of: list[Span | None], person_parts: set[str], gaz: Gazetteer) -> bool:
    """Is this gazetteer match a place here, given spaCy's entities and the words around it?"""
    ent = next((ent_of[k] for k in range(cand.first, cand.last) if ent_of[k] is not None), None)
    label = ent.label_ if ent is not None else None
    cand.label = label
    single = cand.last - cand.first == 1
    if fold(cand.text) in gaz.not_places:
        return False
    if ent is not None and label == "PERSON" and (ent.start < cand.first or ent.end > cand.last):
        return False  # "Victoria" in "Victoria Beckham"
    if cand.source == "demonym":
        return label != "LANGUAGE" and not _language_use(doc, cand) and not _compound_demonym(doc, cand, gaz)
    if abbreviation_key(cand.text) is not None:
        return not _after_number(doc, cand)  # "500 BC"
    if single and doc[cand.first].text in person_parts and label not in PLACE_LABELS:
        return False
    if all(h.alternate for h in cand.hits) and label not in PLACE_LABELS:
        return False  # a foreign spelling needs spaCy to see a place too
    strong = any(_is_strong(h) for h in cand.hits)
    biggest_city = max((h.entry.population for h in cand.hits if h.entry.feature == "city"), default=0)
    cand.sure = strong or biggest_city >= MIN_UNSUPPORTED_CITY or _place_cue(doc, cand)
    if label == "PERSON":
        return strong or biggest_city >= MIN_PERSON_CITY or _place_cue(doc, cand)
    if strong or label in PLACE_LABELS:
        return True
    if single and (doc[cand.first].pos_ != "PROPN" or doc[cand.first].is_stop):
        return False
    if label in NAME_LABELS:
        return biggest_city >= MIN_ORG_CITY
    return biggest_city >= MIN_UNSUPPORTED_CITY or _place_cue(doc, cand)


def _language_use(doc: Doc, cand: Candidate) -> bool:
    """ "in Spanish", "English language": a demonym naming a language."""
    after = doc[cand.last] if cand.last < len(doc) else None
    if after is not None and after.lower_ in LANGUAGE_WORDS:
        return True
    before = doc[cand.first - 1] if cand.first > 0 else None
    return (
        before is not None
        and before.lower_ in ("in", "speak", "speaks", "spoke", "speaking")
        and (after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ"))
    )


def _compound_demonym(doc: Doc, cand: Candidate, gaz: Gazetteer) -> bool:
    """ "African American", "Irish Americans": an ethnic compound, not a place."""

    def demonym_like(k: int) -> bool:
        if not 0 <= k < len(doc):
            return False
        word = doc[k].text
        return word in gaz.demonyms or (word.endswith("s") and word[:-1] in gaz.demonyms)

    return demonym_like(cand.first - 1) or demonym_like(cand.last)


def _after_number(doc: Doc, cand: Candidate) -> bool:
    """ "500 BC" (but not "2,000 U.S. troops")."""
    if cand.first == 0 or not doc[cand.first - 1].like_num:
        return False
    return cand.last >= len(doc) or doc[cand.last].pos_ not in ("NOUN", "PROPN", "ADJ")


def _place_cue(doc: Doc, cand: Candidate) -> bool:
    """ "in X", "X, Texas": words around the span that say it is a place."""
    if cand.first > 0 and doc[cand.first - 1].lower_ in PLACE_PREPOSITIONS:
        return True
    return cand.last + 1 < len(doc) and doc[cand.last].text == "," and _starts_upper(doc[cand.last + 1])


def _add_entities(doc: Doc, found: list[Candidate], gaz: Gazetteer, person_parts: set[str]) -> list[Candidate]:
    """Add spaCy's place entities the gazetteer did not name. An entity that is more than the place
    inside it becomes one candidate: located by that place when the place opens it ("Dubai
    International Airport"), else left for the tagger to locate ("Marigny Plantation")."""
    covered = {k: c for c in found for k in range(c.first, c.last)}
    out = list(found)
    for ent in entities_of(doc):
        if ent.label_ not in PLACE_LABELS:
            continue
        span = _trim(ent)
        if span is None or fold(span.text) in gaz.not_places:
            continue
        inside = list({id(covered[k]): covered[k] for k in range(span.start, span.end) if k in covered}.values())
        hits: list[NameHit] = []
        inner = False
        if inside:
            extra = [t for t in span if t.i not in covered and t.is_alpha and t.lower_ not in DIRECTIONS]
            if not extra or len(inside) > 1 or inside[0].first < span.start or inside[0].last > span.end:
                continue  # the gazetteer's spans stand
            opener = inside[0]
            out.remove(opener)
            for k in range(opener.first, opener.last):
                covered.pop(k, None)
            if opener.source == "gazetteer" and opener.first == span.start:
                hits, inner = opener.hits, True
        elif span.text in person_parts or not _starts_upper(span[0]):
            continue
        else:
            hits = _variant_hits(span, gaz)
        out.append(
            Candidate(
                span.start_char, span.end_char, span.start, span.end, span.text, hits, "entity", ent.label_, inner=inner
            )
        )
    out.sort(key=lambda c: c.start)
    return out


def _repeat_mentions(
    doc: Doc, found: list[Candidate], ent_of: list[Span | None], person_parts: set[str]
) -> list[Candidate]:
    """One sense per document: once "Riverdale" is taken as a place ("in Riverdale"), its other
    mentions are too ("the Riverdale gas station"), unless part of a longer person's name."""
    known: dict[str, list[Candidate]] = {}
    for cand in found:
        if cand.sure and cand.source == "gazetteer" and not (cand.last - cand.first == 1 and cand.text in person_parts):
            known.setdefault(doc[cand.first].text, []).append(cand)
    if not known:
        return found
    covered = {k for c in found for k in range(c.first, c.last)}
    added: list[Candidate] = []
    for token in tokens_with(doc, ORTH=known):
        if token.i in covered:
            continue
        for model in known[token.text]:
            size = model.last - model.first
            end = token.i + size
            if end > len(doc) or any(k in covered for k in range(token.i, end)):
                continue
            if [t.text for t in doc[token.i : end]] != [t.text for t in doc[model.first : model.last]]:
                continue
            ent = ent_of[token.i]
            if ent is not None and ent.label_ == "PERSON" and (ent.start < token.i or ent.end > end):
                continue
            span = doc[token.i : end]
            added.append(
                Candidate(
                    span.start_char,
                    span.end_char,
                    token.i,
                    end,
                    span.text,
                    model.hits,
                    model.source,
                    ent.label_ if ent is not None else None,
                )
            )
            covered.update(range(token.i, end))
            break
    return sorted(found + added, key=lambda c: c.start)


def _trim(ent: Span) -> Span | None:
    """The entity without a leading "the" or trailing possessive."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ in ("the", "a"):
        start += 1
    while end > start and ent.doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    if start >= end or not any(t.is_alpha for t in ent.doc[start:end]):
        return None
    return ent.doc[start:end]


def _variant_hits(span: Span, gaz: Gazetteer) -> list[NameHit]:
    """Gazetteer options for an entity not found as written: without "State" or "Province" at the end
    or a direction word at the start ("Benue State", "Eastern Ghouta")."""
    words = list(span)
    while len(words) > 1 and words[-1].lower_ in GENERIC_TAILS:
        words = words[:-1]
    while len(words) > 1 and words[0].lower_ in DIRECTIONS:
        words = words[1:]
    if len(words) == len(span):
        return []
    text = text_of(span.doc)[words[0].idx : words[-1].idx + len(words[-1])]
    return [h for h in gaz.lookup(text) if not h.alternate]
