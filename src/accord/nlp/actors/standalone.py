"""Countries, capitals and demonyms standing on their own: an actor ("China agreed", "Washington said"),
a people ("the Palestinians"), a nationality's noun phrase ("Iraqi youths"), or only a place ("talks in
Beijing", "visited Paris"), which is no reference at all."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ...kb import KnowledgeBase
from .matches import DocMatches, residence
from .references import SUBJECT_DEPS, Reference, RefKind

US_STATE_NAMES = ("Georgia", "Washington")  # the names the kb's us-state and georgia-country words decide


class StandaloneNames:
    """Built once per process from the knowledge base's word lists; holds no document."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        phrases = kb.phrases
        self.venues = set(phrases.get("venue", {}))
        self.locatives = set(phrases.get("locative", {}))
        self.participant_preps = set(phrases.get("participant", {}))
        self.destinations = self.venues | set(phrases.get("destination", {}))
        self.name_suffixes = set(phrases.get("name-suffix", {}))
        self.us_state_words = set(phrases.get("us-state", {}))
        self.georgia_country_words = set(phrases.get("georgia-country", {}))

    def reference(self, m: Span, found: DocMatches, us_state_context: bool) -> Reference | None:
        """The reference a nationality match makes on its own, or None when it is only a place."""
        doc = found.doc
        iso = found.country_of(m)
        if iso is None:
            return None
        if us_state_context and m.text in US_STATE_NAMES:
            return None
        led = _led_group(doc, m)
        if led is not None:  # "Vietnamese-led forces", "the US-led coalition": the leader's group
            return Reference(m.start_char, led.end_char, RefKind.NOUN_GROUP, led, [iso])
        nxt = doc[m.end] if m.end < len(doc) else None
        if nxt is not None and nxt.lower_ in self.name_suffixes and m.label_ != "DEMONYM":
            return None  # "Washington state", "Washington Post"
        if m.label_ == "DEMONYM":
            return self._demonym(m, iso, found)
        return self._place_or_agent(m, iso)

    def us_state_context(self, doc: Doc) -> bool:
        """Words that make "Georgia" or "Washington" the US state, unless the country is in view too."""
        words = set(doc.to_array("LOWER").tolist()) if len(doc) else set()
        strings = doc.vocab.strings
        return any(strings[w] in words for w in self.us_state_words) and not any(
            strings[w] in words for w in self.georgia_country_words
        )

    def _demonym(self, m: Span, iso: str, found: DocMatches) -> Reference | None:
        doc, root = found.doc, m.root
        following = found.starts.get(m.end)
        if following is not None and following.label_ == "DEMONYM" and following.root.tag_ in ("NNS", "NNPS"):
            # "Bosnian Serbs", "Iraqi Kurds": a people of the first nationality's country.
            return Reference(m.start_char, following.end_char, RefKind.PEOPLE, Span(doc, m.start, following.end), [iso])
        # "the Palestinians", "Israelis": a plural demonym used as a noun is a group of people; "the
        # Albanians of southern Serbia", "ethnic Albanians in Macedonia" belong, as CAMEO codes them,
        # to the country they live in.
        if root.pos_ in ("NOUN", "PROPN") and root.tag_ in ("NNS", "NNPS") and root.dep_ not in ("amod", "compound"):
            return Reference(m.start_char, m.end_char, RefKind.PEOPLE, m, [residence(root, self.kb) or iso])
        # "Iraqi youths", "British aircraft", "Burundian militiamen": the nationality's noun phrase.
        head = root.head
        if (
            root.dep_ in ("amod", "compound", "nmod")
            and head.pos_ in ("NOUN", "PROPN")
            and head.i > root.i
            and head.i - m.end <= 3
            and all(doc[k].dep_ in ("amod", "compound", "nmod", "cc", "conj", "punct") for k in range(m.end, head.i))
        ):
            end = head.i + 1
            phrase = Span(doc, head.i, end, label="NOUN_GROUP")
            return Reference(m.start_char, doc[end - 1].idx + len(doc[end - 1]), RefKind.NOUN_GROUP, phrase, [iso])
        return None

    def _place_or_agent(self, m: Span, iso: str) -> Reference | None:
        """A country is an actor unless it is only a venue; a capital only where it acts."""
        root = m.root
        if self._is_location(root):
            if m.label_ == "CAPITAL":
                return None
            if self._governor_is_venue(root):
                return None
        elif m.label_ == "CAPITAL" and not self._is_agent(root):
            return None
        kind = RefKind.CAPITAL if m.label_ == "CAPITAL" else RefKind.COUNTRY
        return Reference(m.start_char, m.end_char, kind, m, [iso])

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
        if token.dep_ == "dobj" and token.head.lemma_.lower() in self.destinations:
            return False  # "visited Paris": the city is where, not who
        if token.dep_ in SUBJECT_DEPS or token.dep_ in ("dobj", "poss", "conj", "appos"):
            return token.dep_ != "conj" or self._is_agent(token.head)
        if token.dep_ == "pobj" and token.head.lower_ in self.participant_preps:
            return True
        return False


def _led_group(doc: Doc, m: Span) -> Span | None:
    """The noun an "X-led" compound modifies ("Vietnamese-led [forces]"), or None."""
    if m.end + 1 >= len(doc) or doc[m.end].text != "-" or doc[m.end + 1].lower_ != "led":
        return None
    noun = doc[m.end + 1].head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i <= m.end + 1 or noun.i - m.end > 4:
        return None
    return Span(doc, noun.i, noun.i + 1, label="NOUN_GROUP")
