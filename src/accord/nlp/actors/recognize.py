"""Recognition: from knowledge-base matches and spaCy's entities to actor references ("Chinese Foreign
Minister Wang Yi", "Chinese and US delegations", "Washington" as an agent), before resolution.

Each reference records its text span, what anchors it (a name, a title, a body, an organisation, a
country), the nationalities and titles that modify it, and whether it is a former office holder.
Four passes, each leaving the tokens it took to the next: people, nameless titles and bodies,
organisations, then countries on their own (where "in/at PLACE" after a meeting word is a place).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from ...kb import KnowledgeBase, Title
from ..lookups import entities_of, text_of, tokens_with
from ..times.lexicon import load_lexicon
from .matches import NATIONALITY, DocMatches, index_matches, without_stances
from .references import SUBJECT_DEPS, Cues, Reference, RefKind
from .standalone import StandaloneNames

# Function words and marks of English grammar, not knowledge to extend.
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# What a title's kind (titles.tsv) makes of a nameless title.
TITLE_KINDS = {"title": RefKind.OFFICE, "group": RefKind.GROUP, "body": RefKind.BODY}


@dataclass(frozen=True)
class Recognition:
    """What the recogniser found in one document: references in text order, coreference cues, and the
    indexed matches (whose nationalities later stages read)."""

    refs: list[Reference]
    cues: Cues
    matches: DocMatches


class _Left(NamedTuple):
    """What stands before a head: the reference's first token and the modifiers found on the way."""

    first: int
    titles: list[Title]
    nats: list[str]
    org: str | None
    former: bool


class _Taken:
    """One document's references so far and the tokens they cover: a token belongs to one reference.
    References are kept in the order they were taken; `at` finds them by their first character, so
    that a reference growing over earlier ones removes them without reading every reference."""

    def __init__(self) -> None:
        self._refs: list[Reference | None] = []  # None: absorbed by a later reference
        self._at: dict[int, list[int]] = {}  # start character -> positions in _refs
        self.consumed: set[int] = set()

    @property
    def refs(self) -> list[Reference]:
        """The references taken and not absorbed, in the order they were taken."""
        return [r for r in self._refs if r is not None]

    def take(self, ref: Reference, first_tok: int, last_tok: int) -> None:
        self._at.setdefault(ref.start, []).append(len(self._refs))
        self._refs.append(ref)
        self.consumed.update(range(first_tok, last_tok))

    def overlaps(self, span: Span) -> bool:
        return bool(self.consumed.intersection(range(span.start, span.end)))

    def absorb(self, ref: Reference, first_tok: int, last_tok: int) -> None:
        """Take a reference that grew over earlier ones ("Libyan" over the body "National Army" after it):
        the references wholly inside it are the same actor, named in part, and go."""
        for start in range(ref.start, ref.end + 1):
            for k in self._at.get(start, ()):
                inner = self._refs[k]
                if inner is not None and inner.end <= ref.end:
                    self._refs[k] = None
        self.take(ref, first_tok, last_tok)


class Recognizer:
    """Built once per process from the knowledge base and its word lists; each call reads one document
    and keeps nothing of it."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        phrases = kb.phrases
        modifiers = phrases.get("modifier", {})
        self.modifiers = set(modifiers)
        self.former_words = {word for word, value in modifiers.items() if value == "former"}
        self.government_nouns = set(phrases.get("government", {}))
        self.domestic_groups = set(phrases.get("domestic-group", {}))
        self.stances = dict(phrases.get("stance", {}))
        self.standalone = StandaloneNames(kb)

    def __call__(self, doc: Doc, matches: list[Span]) -> Recognition:
        """The references in `doc`, given the lexicon's matches. Nationalities that name a stance
        ("anti-Syria") are dropped first, for this and for every later reader of `Recognition.matches`."""
        found = index_matches(doc, without_stances(doc, matches, self.stances), self.kb)
        taken = _Taken()
        self._people(found, taken)
        self._titled(found, taken)
        self._organisations(found, taken)
        self._standalones(found, taken)
        refs = _spell_out_acronyms(doc, taken.refs)
        cues = Cues(
            collectives=[m for m in matches if m.label_ == "COLLECTIVE"],
            pronouns=tokens_with(doc, LOWER=("he", "she"), DEP=SUBJECT_DEPS | {"nsubj"}),
        )
        return Recognition(sorted(refs, key=lambda r: r.start), cues, found)

    # --- the four passes ----------------------------------------------------------------------

    def _people(self, found: DocMatches, taken: _Taken) -> None:
        """1. People: KB names, surnames, and spaCy PERSON entities, with what stands around them."""
        doc = found.doc
        for head in _person_heads(found, self.standalone.locatives):
            if taken.overlaps(head):
                continue
            first, titles, nats, org, former = self._scan_left(found, head.start, taken.consumed, allow_titles=True)
            last = head.end
            if titles and not nats:
                last, nats = self._of_country(found, head.end, nats)
            if not titles and not nats and not org:
                # "Sergei Lavrov, Russia's foreign minister," -- the appositive says who the person is.
                titles, nats, org = self._appositive(found, head.end)
            ref = Reference(
                doc[first].idx, _end_char(doc, last), RefKind.PERSON, head, nats, titles, org, former, head.text
            )
            governs = self._governed_body(found, last)
            if governs is not None:
                # "the Bush administration", "Suharto's government": the government the person leads.
                ref.kind, ref.governs = RefKind.PERSON_BODY, governs
                ref.end = governs.end_char
                last = governs.end
            taken.take(ref, first, last)

    def _titled(self, found: DocMatches, taken: _Taken) -> None:
        """2. Titles, groups and bodies without a name: "Montenegro's prime minister", "a Jordanian
        official", "Chinese and US delegations", "China's Foreign Ministry"."""
        doc = found.doc
        for head in [m for m in found.spans if m.label_ in ("TITLE", "BODY")]:
            if taken.overlaps(head) or self._title_precedes_another(found, head):
                continue
            first, titles, nats, org, former = self._scan_left(found, head.start, taken.consumed, allow_titles=True)
            last = head.end
            title = self.kb.titles.get(head.text.lower())
            if head.label_ == "TITLE" and title is None:
                title = self.kb.titles.get(head.root.lemma_.lower())
            if not nats and not org:
                last, nats = self._of_country(found, head.end, nats)
            body = self.kb.body(head.text) if head.label_ == "BODY" else None
            if body is not None:
                kind = RefKind.BODY
            elif title is None:
                continue
            else:
                kind = TITLE_KINDS[title.kind]
            if (
                kind != RefKind.BODY
                and not nats
                and not org
                and not (kind == RefKind.GROUP and head.text.lower() in self.domestic_groups)
            ):
                continue  # "officials" alone says nothing about whose; "demonstrators" take the context's
            all_titles = titles + ([title] if title else [])
            taken.take(
                Reference(doc[first].idx, _end_char(doc, last), kind, head, nats, all_titles, org, former, None),
                first,
                last,
            )

    def _organisations(self, found: DocMatches, taken: _Taken) -> None:
        """3. Organisations from the KB, then spaCy ORG entities the KB does not know."""
        doc = found.doc
        for head in [m for m in found.spans if m.label_ == "ORG"]:
            if taken.overlaps(head):
                continue
            first, titles, nats, _, former = self._scan_left(found, head.start, taken.consumed, allow_titles=False)
            org_id = self.kb.org_id(head.text)
            taken.take(
                Reference(doc[first].idx, head.end_char, RefKind.ORG, head, nats, titles, org_id, former),
                first,
                head.end,
            )
        for ent in entities_of(doc):
            if ent.label_ != "ORG" or taken.overlaps(ent):
                continue
            if found.covered.intersection(range(ent.start, ent.end)):
                continue  # a country, capital or title inside: not an unknown organisation
            if len(ent) == 1 and not (ent.text.isupper() and len(ent.text) >= 2):
                continue  # single capitalised words are too often mis-tagged names
            taken.take(Reference(ent.start_char, ent.end_char, RefKind.UNKNOWN_ORG, ent), ent.start, ent.end)

    def _standalones(self, found: DocMatches, taken: _Taken) -> None:
        """4. Countries, capitals and demonyms standing on their own."""
        us_state_context = self.standalone.us_state_context(found.doc)
        for m in [m for m in found.spans if m.label_ in NATIONALITY]:
            if taken.overlaps(m):
                continue
            ref = self.standalone.reference(m, found, us_state_context)
            if ref is not None:
                span = found.doc.char_span(ref.start, ref.end, alignment_mode="expand")
                assert span is not None  # "expand" always finds the tokens of a reference's own offsets
                taken.absorb(ref, m.start, span.end)

    # --- pieces -----------------------------------------------------------------------------

    def _scan_left(self, found: DocMatches, start: int, consumed: set[int], allow_titles: bool) -> _Left:
        """Walk left from a head over titles, nationalities ("Chinese and US"), possessives ("China's"),
        organisation affiliations ("Arab League") and modifiers ("former"); return the first token
        of the whole reference and what was found."""
        doc, ends = found.doc, found.ends
        i, first, org, former = start, start, None, False
        titles: list[Title] = []
        nats: list[str] = []
        while i > 0:
            prev = ends.get(i)
            tok = doc[i - 1]
            if i - 1 in consumed:
                break
            if prev is not None and prev.label_ in ("TITLE", "BODY") and allow_titles:
                title = self.kb.titles.get(prev.text.lower())
                if title is not None:
                    titles.insert(0, title)
                i = first = prev.start
                continue
            if prev is not None and prev.label_ in NATIONALITY:
                iso = found.country_of(prev)
                if iso:
                    nats.insert(0, iso)
                i = first = prev.start
                continue
            if prev is not None and prev.label_ == "ORG" and org is None:
                org = self.kb.org_id(prev.text)
                i = first = prev.start
                continue
            if tok.text in POSSESSIVE and i - 1 > 0:
                owner = ends.get(i - 1)
                if owner is not None and owner.label_ in NATIONALITY + ("ORG",):
                    i = i - 1
                    continue
                break
            if tok.lower_ in ("and", "or", ",") and nats:
                # coordinated nationalities: "Chinese and US", "Hungarian, Romanian and Polish"
                before = ends.get(i - 1)
                if before is not None and before.label_ in NATIONALITY:
                    i -= 1
                    continue
                break
            if tok.lower_ in self.modifiers or tok.lower_ in self.former_words:
                former = former or tok.lower_ in self.former_words
                i = first = i - 1
                continue
            if tok.pos_ == "ADJ" and tok.lower_.endswith("-elect"):
                i = first = i - 1
                continue
            if allow_titles and not nats and _modifier(tok):
                # "Nicaragua's Sandinista government", "Ankara's Cankaya district administration"
                j = i - 1
                while j > 0 and i - j < 3 and _modifier(doc[j - 1]):
                    j -= 1
                owner = ends.get(j - 1) if j > 1 and doc[j - 1].text in POSSESSIVE else None
                if owner is not None and owner.label_ in NATIONALITY:
                    i = j
                    continue
            break
        return _Left(first, titles, nats, org, former)

    def _appositive(self, found: DocMatches, end: int) -> tuple[list[Title], list[str], str | None]:
        """The title, nationalities and organisation in an appositive after a name ("Lavrov, Russia's
        foreign minister,"); nothing unless it has a title."""
        doc = found.doc
        if end >= len(doc) or doc[end].text != ",":
            return [], [], None
        titles: list[Title] = []
        nats: list[str] = []
        org: str | None = None
        i = end + 1
        while i < min(len(doc), end + 10):
            tok = doc[i]
            span = found.starts.get(i)
            if span is not None and span.label_ in NATIONALITY:
                iso = found.country_of(span)
                if iso:
                    nats.append(iso)
                i = span.end
                continue
            if span is not None and span.label_ == "ORG":
                org = self.kb.org_id(span.text)
                i = span.end
                continue
            if span is not None and span.label_ == "TITLE":
                title = self.kb.titles.get(span.text.lower())
                if title is not None and title.kind == "title":
                    titles.append(title)
                    break
                i = span.end
                continue
            if _appositive_word(tok):
                i += 1
                continue
            break
        if not titles:
            return [], [], None
        return titles, nats, org

    def _governed_body(self, found: DocMatches, end: int) -> Span | None:
        """The government noun right after a name or its possessive ("Bush administration"), if any."""
        doc = found.doc
        at = end + 1 if end < len(doc) and doc[end].text in POSSESSIVE else end
        span = found.starts.get(at)
        if span is not None and span.label_ in ("TITLE", "BODY") and span.text.lower() in self.government_nouns:
            return span
        return None

    def _of_country(self, found: DocMatches, end: int, nats: list[str]) -> tuple[int, list[str]]:
        """ "president of Armenia", "King Hassan of Morocco": a country after "of"."""
        doc = found.doc
        if end < len(doc) and doc[end].lower_ == "of":
            span = found.starts.get(end + 1)
            if span is None and end + 1 < len(doc) and doc[end + 1].lower_ == "the":
                span = found.starts.get(end + 2)
            if span is not None and span.label_ in ("COUNTRY", "CAPITAL"):
                iso = found.country_of(span)
                if iso:
                    return span.end, nats + [iso]
        return end, nats

    @staticmethod
    def _title_precedes_another(found: DocMatches, head: Span) -> bool:
        """A title or body directly followed by another title ("government officials"): the later
        word heads the phrase and this one is its modifier."""
        nxt = found.starts.get(head.end)
        return nxt is not None and nxt.label_ == "TITLE" and head.label_ in ("TITLE", "BODY")


# spaCy entities a surname inside is no person: "Cook Islands", a place longer than the surname (a lone
# surname spaCy calls a place, "President Buhari's", is still the person)
_PLACES = frozenset({"GPE", "LOC", "FAC"})


def _used_as_name(surname: Span, locatives: set[str]) -> bool:
    """Is a surname match used as a person's name here: a noun or part of a PERSON entity, not a
    calendar word spaCy reads as a date ("in May" is no Theresa May), not inside a longer place name,
    and not a place spaCy names after a locative preposition ("police in Lagos" is no Ricardo Lagos);
    "May met" (a modal) and "Struck by …" (a verb) are no names either."""
    kinds = {t.ent_type_ for t in surname}
    if "PERSON" in kinds:
        return True
    calendar = load_lexicon()
    if "DATE" in kinds and any(calendar.kind(t.lower_, "month") or calendar.kind(t.lower_, "weekday") for t in surname):
        return False
    if _inside_longer_place(surname):
        return False
    root = surname.root
    if kinds & _PLACES and root.dep_ == "pobj" and root.head.lower_ in locatives:
        return False
    return all(t.pos_ in ("PROPN", "NOUN") for t in surname)


def _inside_longer_place(span: Span) -> bool:
    """Whether a place entity longer than `span` contains it: the entity of its first token, found from
    the tokens' entity tags around it (not by listing the document's entities, which costs the whole text)."""
    doc, start = span.doc, span.start
    if doc[start].ent_iob_ == "O" or doc[start].ent_type_ not in _PLACES:
        return False
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = span.start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return span.end <= end and end - start > len(span)


def _person_heads(found: DocMatches, locatives: set[str]) -> list[Span]:
    """Every person's name once, in text order: KB names, surnames (unless spaCy found a longer name
    around them), and spaCy's PERSON entities the lexicon did not cover, titles trimmed off."""
    doc, matches = found.doc, found.spans
    title_tokens = {i for m in matches if m.label_ == "TITLE" for i in range(m.start, m.end)}
    people = []
    for e in entities_of(doc):
        if e.label_ != "PERSON":
            continue
        start = e.start
        while start < e.end - 1 and start in title_tokens:  # "Archbishop Desmond Tutu"
            start += 1
        if doc[start].text[:1].isupper():
            people.append(Span(doc, start, e.end, label="PERSON"))
    heads = []
    for m in matches:
        if m.label_ == "PERSON":
            heads.append(m)
        elif m.label_ == "SHORT":
            # "Hassan" inside "Omar Hassan al-Bashir" is not Jordan's Jafar Hassan: a longer
            # name spaCy found around a surname match is a different person.
            wider = next((e for e in people if e.start <= m.start and m.end <= e.end and len(e) > len(m)), None)
            if wider is not None:
                heads.append(Span(doc, wider.start, wider.end, label="NER_PERSON"))
            elif _used_as_name(m, locatives):
                heads.append(m)
    taken = {i for h in heads for i in range(h.start, h.end)}
    heads += [
        Span(doc, e.start, e.end, label="NER_PERSON")
        for e in people
        if not found.covered.intersection(range(e.start, e.end)) and not taken.intersection(range(e.start, e.end))
    ]
    unique = list({(h.start, h.end): h for h in heads}.values())
    return sorted(unique, key=lambda s: s.start)


def _end_char(doc: Doc, last: int) -> int:
    """The character offset where the reference ending before token `last` ends."""
    return doc[last - 1].idx + len(doc[last - 1])


def _appositive_word(tok: Token) -> bool:
    """Words an appositive may hold before its title: possessives, determiners, adjectives, nouns."""
    return (
        tok.text in POSSESSIVE
        or tok.lower_ in DETERMINERS
        or tok.pos_ in ("ADJ", "NOUN", "PROPN")
        or tok.tag_ in ("VBG", "VBN")
        and not tok.is_punct
    )


def _modifier(token: Token) -> bool:
    return token.dep_ in ("amod", "compound") and token.pos_ in ("PROPN", "ADJ", "NOUN")


def _spell_out_acronyms(doc: Doc, refs: list[Reference]) -> list[Reference]:
    """An unknown organisation that is the acronym in parentheses after a name ("the Libyan National Army
    [(LNA)]"), and the same acronym later in the document, is the actor that name is: not one of its own.
    Returns the references in text order."""
    spelled: dict[str, Reference] = {}
    ending: dict[int, Reference] = {}  # end character -> the first reference taken that ends there
    for ref in refs:
        ending.setdefault(ref.end, ref)
    out = sorted(refs, key=lambda r: r.start)
    for n, ref in enumerate(out):
        if ref.kind != RefKind.UNKNOWN_ORG:
            continue
        named = spelled.get(ref.head.text) or _acronym_of(doc, ref.head, ending)
        if named is not None:
            spelled[ref.head.text] = named
            out[n] = replace(named, start=ref.start, end=ref.end)
    return out


def _acronym_of(doc: Doc, ent: Span, ending: dict[int, Reference]) -> Reference | None:
    """The reference an acronym in parentheses right after it abbreviates ("the Libyan National Army
    [(LNA)]"): the acronym's letters are initials of the reference's words, in order, the first the first."""
    text = ent.text
    if len(ent) != 1 or not text.isalpha() or not text.isupper() or len(text) < 2:
        return None
    if ent.start < 2 or ent.end >= len(doc) or doc[ent.start - 1].text != "(" or doc[ent.end].text != ")":
        return None
    before = doc[ent.start - 2]
    named = ending.get(before.idx + len(before.text))
    if named is None:
        return None
    initials = [w[0].upper() for w in text_of(doc)[named.start : named.end].split() if w[:1].isalpha()]
    if not initials or initials[0] != text[0]:
        return None
    rest = iter(initials[1:])
    return named if all(letter in rest for letter in text[1:]) else None
