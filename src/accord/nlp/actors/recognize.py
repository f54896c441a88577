"""Recognition: from knowledge-base matches and spaCy's entities to actor references ("Chinese Foreign
Minister Wang Yi", "Chinese and US delegations", "Washington" as an agent), before resolution.

Each reference records its text span, what anchors it (a name, a title, a body, an organisation, a
country), the nationalities and titles that modify it, and whether it is a former office holder.
Countries and cities in "in/at PLACE" after a meeting-type word are places, not actors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ...kb import KnowledgeBase, Title

NATIONALITY = ("COUNTRY", "DEMONYM", "CAPITAL")
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
PARTICIPANT_PREPS = frozenset({"with", "against", "to", "by", "between", "toward", "towards", "on", "for", "over"})
STANCE_PREFIXES = frozenset({"anti", "pro"})
BACKING_WORDS = frozenset({"backed", "supported", "sponsored", "funded", "armed", "allied", "aligned"})
GOVERNMENT_NOUNS = frozenset({"administration", "government", "regime", "cabinet"})


@dataclass
class Reference:
    """One mention of an actor in the text, with what the words around it say about the actor."""

    start: int  # character offsets of the mention
    end: int
    kind: str  # person | office | group | body | org | country | capital | people | unknown-org
    head: Span
    countries: list[str] = field(default_factory=list)  # ISO-3 of nationality modifiers
    titles: list[Title] = field(default_factory=list)
    org: str | None = None  # organisation id (an IGO head's affiliation, or the org itself)
    former: bool = False
    name: str | None = None  # a person's name as written
    governs: Span | None = None  # "administration" in "the Bush administration"


@dataclass
class Cues:
    """Anaphoric phrases for the coreference step."""

    collectives: list[Span] = field(default_factory=list)
    pronouns: list[Token] = field(default_factory=list)


class Recognizer:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        phrases = kb.phrases
        self.venues = set(phrases.get("venue", {}))
        self.locatives = set(phrases.get("locative", {}))
        self.modifiers = set(phrases.get("modifier", {}))
        self.us_state_words = set(phrases.get("us-state", {}))
        self.georgia_country_words = set(phrases.get("georgia-country", {}))
        self.former_words = {"former", "ousted", "exiled", "late", "then", "then-", "outgoing"}
        self._homelands: dict[tuple[int, int], str] = {}  # the current document's ethnic groups -> where they live

    def __call__(self, doc: Doc, matches: list[Span]) -> tuple[list[Reference], Cues]:
        self._matches = matches
        self._starts = {m.start: m for m in matches}
        self._homelands = {}
        for m in matches:  # "ethnic Albanians" in Macedonia are coded to Macedonia, as CAMEO codes residence
            if m.label_ == "DEMONYM" and m.start > 0 and doc[m.start - 1].lower_ == "ethnic":
                iso = self.country_of(m)
                if iso:
                    self._homelands[(m.start, m.end)] = self._homeland(m, iso)
        ends = {m.end: m for m in matches}
        consumed: set[int] = set()  # token indices already part of a reference
        refs: list[Reference] = []
        us_state_context = self._us_state_context(doc)

        def take(ref: Reference | None, first_tok: int, last_tok: int) -> None:
            if ref is not None:
                refs.append(ref)
            consumed.update(range(first_tok, last_tok))

        # 1. People: KB names, surnames, and spaCy PERSON entities.
        title_tokens = {i for m in matches if m.label_ == "TITLE" for i in range(m.start, m.end)}
        people = []
        for e in doc.ents:
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
                heads.append(m if wider is None else Span(doc, wider.start, wider.end, label="NER_PERSON"))
        covered = {i for m in matches if m.label_ != "SHORT" for i in range(m.start, m.end)}
        taken = {i for h in heads for i in range(h.start, h.end)}
        heads += [Span(doc, e.start, e.end, label="NER_PERSON") for e in people
                  if not covered.intersection(range(e.start, e.end)) and not taken.intersection(range(e.start, e.end))]
        heads = list({(h.start, h.end): h for h in heads}.values())
        for head in sorted(heads, key=lambda s: s.start):
            if consumed.intersection(range(head.start, head.end)):
                continue
            first, titles, nats, org, former = self._scan_left(doc, head.start, ends, consumed, allow_titles=True)
            last = head.end
            if titles and not nats:
                last, nats = self._of_country(doc, head.end, nats)
            if not titles and not nats and not org:
                # "Sergei Lavrov, Russia's foreign minister," -- the appositive says who the person is.
                titles, nats, org = self._appositive(doc, head.end)
            ref = Reference(doc[first].idx, doc[last - 1].idx + len(doc[last - 1]), "person", head, nats,
                            titles, org, former, head.text)
            governs = self._governed_body(doc, last)
            if governs is not None:
                # "the Bush administration", "Suharto's government": the government the person leads.
                ref.kind, ref.governs = "person-body", governs
                ref.end = governs.end_char
                last = governs.end
            take(ref, first, last)

        # 2. Titles, groups and bodies without a name: "Montenegro's prime minister", "a Jordanian
        #    official", "Chinese and US delegations", "China's Foreign Ministry".
        for head in [m for m in matches if m.label_ in ("TITLE", "BODY")]:
            if consumed.intersection(range(head.start, head.end)):
                continue
            if self._title_precedes_another(head):
                continue
            first, titles, nats, org, former = self._scan_left(doc, head.start, ends, consumed, allow_titles=True)
            last = head.end
            title = self.kb.titles.get(head.text.lower())
            if head.label_ == "TITLE" and title is None:
                title = self.kb.titles.get(head.root.lemma_.lower())
            if not nats and not org:
                last, nats = self._of_country(doc, head.end, nats)
            body = self.kb.body(head.text) if head.label_ == "BODY" else None
            if body is not None:
                kind = "body"
            elif title is None:
                continue
            else:
                kind = {"title": "office", "group": "group", "body": "body"}[title.kind]
            if kind != "body" and not nats and not org and not (
                    kind == "group" and head.text.lower() in self.kb.phrases["domestic-group"]):
                continue  # "officials" alone says nothing about whose; "demonstrators" take the context's
            all_titles = titles + ([title] if title else [])
            ref = Reference(doc[first].idx, doc[last - 1].idx + len(doc[last - 1]), kind, head, nats,
                            all_titles, org, former, None)
            take(ref, first, last)

        # 3. Organisations from the KB, then spaCy ORG entities the KB does not know.
        for head in [m for m in matches if m.label_ == "ORG"]:
            if consumed.intersection(range(head.start, head.end)):
                continue
            first, titles, nats, _, former = self._scan_left(doc, head.start, ends, consumed, allow_titles=False)
            org_id = self.kb.org_id(head.text)
            take(Reference(doc[first].idx, head.end_char, "org", head, nats, titles, org_id, former), first, head.end)
        for ent in doc.ents:
            if ent.label_ != "ORG" or consumed.intersection(range(ent.start, ent.end)):
                continue
            if covered.intersection(range(ent.start, ent.end)):
                continue  # a country, capital or title inside: not an unknown organisation
            if len(ent) == 1 and not (ent.text.isupper() and len(ent.text) >= 2):
                continue  # single capitalised words are too often mis-tagged names
            take(Reference(ent.start_char, ent.end_char, "unknown-org", ent), ent.start, ent.end)

        # 4. Countries, capitals and demonyms standing on their own.
        for m in [m for m in matches if m.label_ in NATIONALITY]:
            if consumed.intersection(range(m.start, m.end)):
                continue
            ref = self._standalone(doc, m, us_state_context)
            if ref is not None:
                take(ref, m.start, doc.char_span(ref.start, ref.end, alignment_mode="expand").end)

        cues = Cues(
            collectives=[m for m in matches if m.label_ == "COLLECTIVE"],
            pronouns=[t for t in doc if t.lower_ in ("he", "she") and t.dep_ in SUBJECT_DEPS | {"nsubj"}],
        )
        refs.sort(key=lambda r: r.start)
        return refs, cues

    # --- pieces -----------------------------------------------------------------------------

    def _scan_left(self, doc: Doc, start: int, ends: dict[int, Span], consumed: set[int], allow_titles: bool):
        """Walk left from a head over titles, nationalities ("Chinese and US"), possessives ("China's"),
        organisation affiliations ("Arab League") and modifiers ("former"); return the first token
        of the whole reference and what was found."""
        i, titles, nats, org, former = start, [], [], None, False
        first = start
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
                iso = self.country_of(prev)
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
        return first, titles, nats, org, former

    def _appositive(self, doc: Doc, end: int):
        if end >= len(doc) or doc[end].text != ",":
            return [], [], None
        starts = self._starts
        titles, nats, org = [], [], None
        i = end + 1
        while i < min(len(doc), end + 10):
            tok = doc[i]
            span = starts.get(i)
            if span is not None and span.label_ in NATIONALITY:
                iso = self.country_of(span)
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
            if tok.text in POSSESSIVE or tok.lower_ in DETERMINERS or tok.pos_ in ("ADJ", "NOUN", "PROPN") or tok.tag_ in ("VBG", "VBN") \
                    and not tok.is_punct:
                i += 1
                continue
            break
        if not titles:
            return [], [], None
        return titles, nats, org

    def _governed_body(self, doc: Doc, end: int) -> Span | None:
        at = end + 1 if end < len(doc) and doc[end].text in POSSESSIVE else end
        span = self._starts.get(at)
        if span is not None and span.label_ in ("TITLE", "BODY") and span.text.lower() in GOVERNMENT_NOUNS:
            return span
        return None

    def _of_country(self, doc: Doc, end: int, nats: list[str]):
        """"president of Armenia", "King Hassan of Morocco": a country after "of"."""
        if end < len(doc) and doc[end].lower_ == "of":
            span = self._starts.get(end + 1)
            if span is None and end + 1 < len(doc) and doc[end + 1].lower_ == "the":
                span = self._starts.get(end + 2)
            if span is not None and span.label_ in ("COUNTRY", "CAPITAL"):
                iso = self.country_of(span)
                if iso:
                    return span.end, nats + [iso]
        return end, nats

    def _title_precedes_another(self, head: Span) -> bool:
        """A title or body directly followed by another title ("government officials"): the later
        word heads the phrase and this one is its modifier."""
        nxt = self._starts.get(head.end)
        return nxt is not None and nxt.label_ == "TITLE" and head.label_ in ("TITLE", "BODY")

    def country_of(self, span: Span) -> str | None:
        kb = self.kb
        if (span.start, span.end) in self._homelands:
            return self._homelands[(span.start, span.end)]
        if span.label_ == "COUNTRY":
            return kb.country_names.get(span.text) or kb.country_names.get(span.text.title())
        if span.label_ == "CAPITAL":
            return kb.capitals.get(span.text) or kb.capitals.get(span.text.title())
        if span.label_ == "DEMONYM":
            options = kb.demonyms.get(span.text, [])
            return options[0] if options else None
        return None

    def _standalone(self, doc: Doc, m: Span, us_state_context: bool) -> Reference | None:
        iso = self.country_of(m)
        if iso is None:
            return None
        root = m.root
        nxt = doc[m.end] if m.end < len(doc) else None
        if us_state_context and m.text in ("Georgia", "Washington"):
            return None
        led = _led_group(doc, m)
        if led is not None:  # "Vietnamese-led forces", "the US-led coalition": the leader's group
            return Reference(m.start_char, led.end_char, "noun-group", led, [iso])
        if nxt is not None and nxt.lower_ in ("state", "county", "post", "times") and m.label_ != "DEMONYM":
            return None  # "Washington state", "Washington Post"
        if m.label_ == "DEMONYM":
            following = self._starts.get(m.end)
            if following is not None and following.label_ == "DEMONYM" and following.root.tag_ in ("NNS", "NNPS"):
                # "Bosnian Serbs", "Iraqi Kurds": a people of the first nationality's country.
                return Reference(m.start_char, following.end_char, "people", Span(doc, m.start, following.end), [iso])
            # "the Palestinians", "Israelis": a plural demonym used as a noun is a group of people; "the
            # Albanians of southern Serbia", "ethnic Albanians in Macedonia" belong, as CAMEO codes them,
            # to the country they live in.
            if root.pos_ in ("NOUN", "PROPN") and root.tag_ in ("NNS", "NNPS") and root.dep_ not in ("amod", "compound"):
                return Reference(m.start_char, m.end_char, "people", m, [self._residence(root) or iso])
            # "Iraqi youths", "British aircraft", "Burundian militiamen": the nationality's noun phrase.
            head = root.head
            if root.dep_ in ("amod", "compound", "nmod") and head.pos_ in ("NOUN", "PROPN") and head.i > root.i \
                    and head.i - m.end <= 3 and all(doc[k].dep_ in ("amod", "compound", "nmod", "cc", "conj", "punct")
                                                     for k in range(m.end, head.i)):
                end = head.i + 1
                phrase = Span(doc, head.i, end, label="NOUN_GROUP")
                return Reference(m.start_char, doc[end - 1].idx + len(doc[end - 1]), "noun-group", phrase, [iso])
            return None
        if self._is_location(root):
            if m.label_ == "CAPITAL":
                return None
            if self._governor_is_venue(root):
                return None
        elif m.label_ == "CAPITAL" and not self._is_agent(root):
            return None
        kind = "capital" if m.label_ == "CAPITAL" else "country"
        return Reference(m.start_char, m.end_char, kind, m, [iso])

    def _homeland(self, m: Span, iso: str) -> str:
        """Where an ethnic group named in the sentence lives, as CAMEO codes it: the country after
        "of"/"in", else the first other country the sentence names, else the demonym's country."""
        found = self._residence(m.root)
        if found:
            return found
        sent = m.sent
        for k in range(sent.start, sent.end):
            span = self._starts.get(k)
            if span is not None and span.label_ in ("COUNTRY", "DEMONYM") and span.start != m.start:
                other = self.country_of(span)
                if other and other != iso:
                    return other
        return iso

    def _residence(self, people: Token) -> str | None:
        """The country named in "of"/"in" after a people ("Albanians of southern Serbia"), if any."""
        for prep in (c for c in people.children if c.dep_ == "prep" and c.lower_ in ("of", "in")):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                iso = self.kb.country_names.get(pobj.text) or self.kb.country_names.get(
                    " ".join(t.text for t in pobj.subtree if t.dep_ in ("compound",) or t is pobj))
                if iso:
                    return iso
        return None

    def _is_location(self, token: Token) -> bool:
        return token.dep_ == "pobj" and token.head.lower_ in self.locatives

    def _governor_is_venue(self, token: Token) -> bool:
        """Is the place in "talks in Malaysia" or "a meeting between the two leaders in South Korea"
        only the venue? Looks at the words the preposition hangs on, up to three levels up."""
        word = token.head
        for _ in range(4):
            if word.head is word:
                break
            word = word.head
            if word.lemma_.lower() in self.venues or word.lower_ in self.venues:
                return True
            if word.pos_ in ("VERB", "AUX"):
                break
        return False

    def _is_agent(self, token: Token) -> bool:
        if token.dep_ == "dobj" and token.head.lemma_.lower() in self.venues | {"leave", "reach", "enter", "tour"}:
            return False  # "visited Paris": the city is where, not who
        if token.dep_ in SUBJECT_DEPS or token.dep_ in ("dobj", "poss", "conj", "appos"):
            return token.dep_ != "conj" or self._is_agent(token.head)
        if token.dep_ == "pobj" and token.head.lower_ in PARTICIPANT_PREPS:
            return True
        return False

    def _us_state_context(self, doc: Doc) -> bool:
        """Words that make "Georgia" or "Washington" the US state, unless the country is in view too."""
        words = {t.lower_ for t in doc}
        return bool(words & self.us_state_words) and not words & self.georgia_country_words


def without_stances(doc: Doc, matches: list[Span]) -> list[Span]:
    """The lexicon's matches less the nationalities that name a stance: an "anti-Syria journalist" is not
    Syrian, a "pro-Russian" party not Russia's."""
    return [m for m in matches if not (m.label_ in NATIONALITY and _stance_prefixed(doc, m))]


def _stance_prefixed(doc: Doc, m: Span) -> bool:
    """"anti-Syria", "pro-Western", "Iranian-backed": the name says what someone is for, against or backed
    by, not who they are."""
    if m.end + 1 < len(doc) and doc[m.end].text == "-" and doc[m.end + 1].lower_ in BACKING_WORDS:
        return True
    if m.start >= 2 and doc[m.start - 1].text == "-" and doc[m.start - 2].lower_ in STANCE_PREFIXES:
        return True
    return m.start >= 1 and doc[m.start - 1].lower_.rstrip("-") in STANCE_PREFIXES and doc[m.start - 1].text.endswith("-")


def _modifier(token: Token) -> bool:
    return token.dep_ in ("amod", "compound") and token.pos_ in ("PROPN", "ADJ", "NOUN")


def _led_group(doc: Doc, m: Span) -> Span | None:
    """The noun an "X-led" compound modifies ("Vietnamese-led [forces]"), or None."""
    if m.end + 1 >= len(doc) or doc[m.end].text != "-" or doc[m.end + 1].lower_ != "led":
        return None
    noun = doc[m.end + 1].head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i <= m.end + 1 or noun.i - m.end > 4:
        return None
    return Span(doc, noun.i, noun.i + 1, label="NOUN_GROUP")
