"""Who said it: the reporting cue that governs a stretch of text, and that cue's speaker, read off the
dependency parse ("…,” Wang said", "Rubio described X as “…”", "according to X")."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..lookups import first_noun_chunk, sentence_of, text_of

SUBJECTS = ("nsubj", "nsubjpass")
NP_LEFT = frozenset(
    {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "predet", "case", "advmod", "npadvmod"}
)
PERSONAL_PRONOUNS = frozenset({"i", "we", "he", "she", "they", "you"})
CLAUSE_LINKS = (
    "ccomp",
    "xcomp",
    "advcl",
    "conj",
    "acl",
    "relcl",
    "pcomp",
    "pobj",
    "dobj",
    "prep",
    "attr",
    "oprd",
    "npadvmod",
    "appos",
    "parataxis",
    "dep",
    "nsubj",
)


@dataclass
class Attribution:
    cue: Span | None
    speaker: Span | None


class Attributor:
    def __init__(self, cue_verbs: set[str], cue_phrases: set[str], speaker_nouns: Collection[str] = frozenset()):
        self.cue_verbs = cue_verbs
        self.cue_phrases = cue_phrases
        self.speaker_nouns = speaker_nouns

    def is_cue(self, token: Token) -> bool:
        return token.lemma_.lower() in self.cue_verbs and token.pos_ in ("VERB", "AUX", "NOUN")

    def for_span(self, doc: Doc, start: int, end: int, gaps: Sequence[tuple[int, int]] = ()) -> Attribution:
        """The cue and speaker for a quoted stretch of text [start, end) in characters; `gaps` are the
        unquoted stretches inside a quotation split by its attribution ("“A,” he said, “B.”")."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return Attribution(None, None)
        for gap_start, gap_end in gaps:
            gap = doc.char_span(gap_start, gap_end, alignment_mode="expand")
            for token in gap if gap is not None else []:
                if token.pos_ in ("VERB", "AUX") and self.speaker_of(token) is not None:
                    return Attribution(self.cue_span(token), self.speaker_of(token))
        inside = set(range(span.start, span.end))
        bare_cue: Attribution | None = None  # a cue whose speaker the parse does not give
        # 1. cue verbs the quotation hangs from, walking up from where it attaches outside itself
        for token in span:
            head = token.head
            if head.i in inside:
                continue
            cue = self._cue_above(head, inside)
            if cue is not None and self._near(doc, span, cue):
                speaker = self.speaker_of(cue)
                if speaker is not None and not inside.intersection(range(speaker.start, speaker.end)):
                    return Attribution(self.cue_span(cue), speaker)
                bare_cue = bare_cue or Attribution(self.cue_span(cue), None)
        # 2. a cue attached to the quotation ("…,” he said, when parsed as the quotation's child)
        for token in span:
            for child in token.children:
                if child.i not in inside and self.is_cue(child) and self._near(doc, span, child):
                    speaker = self.speaker_of(child)
                    if speaker is not None and not inside.intersection(range(speaker.start, speaker.end)):
                        return Attribution(self.cue_span(child), speaker)
                    bare_cue = bare_cue or Attribution(self.cue_span(child), None)
        # 3. by position: "“…,” X verbed" / "X verbed, “…”" / "X verbed:" then the quotation
        found = self._verb_after(doc, span) or self._verb_before(doc, span) or self._colon_before(doc, span)
        if found is not None:
            return found
        found = self._governing_verb(doc, span)
        if found is not None:
            return found
        # 4. "according to X" in the same sentence
        for token in sentence_of(span):
            if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
                source = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
                if source:
                    return Attribution(doc[token.i : token.i + 2], self.noun_phrase(source[0]))
        # 5. "Name: “…”" headline style
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.text == ":" and span.start > 1:
            prev = doc[span.start - 2]
            if prev.pos_ == "PROPN":
                return Attribution(doc[span.start - 1 : span.start], self.noun_phrase(prev))
        return bare_cue or Attribution(None, None)

    @staticmethod
    def _near(doc: Doc, span: Span, token: Token) -> bool:
        """A cue must stand in the quotation's own paragraph: a parse that runs a quotation into
        the next paragraph ("…”\n\nGOP frontrunner Donald Trump has called …") is not evidence."""
        lo, hi = sorted((token.idx, span.start_char if token.i < span.start else span.end_char))
        return "\n\n" not in text_of(doc)[lo:hi]

    def _verb_after(self, doc: Doc, span: Span) -> Attribution | None:
        """“…,” Brafman said / “…?” asked the judge / “…,” I confessed."""
        last = text_of(doc)[span.end_char - 2 : span.end_char]
        if not any(c in last for c in ",?!—"):
            return None
        sent_end = sentence_of(doc[span.end]).end if span.end < len(doc) else span.end
        window = doc[span.end : min(sent_end, span.end + 16)]
        # "…,” Viguerie notes.": the tagger may read a reporting verb after a name as a noun
        for k, token in enumerate(window[:6]):
            if (
                token.lemma_.lower() in self.cue_verbs
                and token.pos_ == "NOUN"
                and k > 0
                and window[k - 1].pos_ == "PROPN"
            ):
                return Attribution(doc[token.i : token.i + 1], self.noun_phrase(window[k - 1]))
        for token in window:
            if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
                speaker = self.speaker_of(token) or self._inverted_speaker(token)
                if speaker is None and token.dep_ == "acl" and span.end <= token.head.i < token.i:
                    speaker = self.noun_phrase(token.head)  # mis-parsed "…,” the ambassador posted"
                if speaker is not None and speaker.start >= span.end and self.plausible(speaker, token):
                    return Attribution(self.cue_span(token), speaker)
                return None
            if token.text in ("“", '"', ".", "\n\n"):
                return None
        return None

    def _inverted_speaker(self, cue: Token) -> Span | None:
        """“…?” asked the reporter: after a quotation the speaker may follow the verb."""
        if not self.is_cue(cue):
            return None
        after = [
            c
            for c in cue.rights
            if c.dep_ in ("dobj", "attr", "npadvmod", "dep", "nsubj")
            and c.pos_ in ("NOUN", "PROPN")
            and c.left_edge.i == cue.i + 1
        ]
        return self.noun_phrase(after[0]) if after else None

    def _verb_before(self, doc: Doc, span: Span) -> Attribution | None:
        """He continued, “…” / Trump said: “…”: the verb just before the opening mark."""
        if span.start < 2:
            return None
        before = doc[span.start - 1]
        if before.text not in (",", ":"):
            return None
        sent_start = sentence_of(doc[span.start - 1]).start
        for token in reversed(doc[max(sent_start, span.start - 8) : span.start - 1]):
            if token.pos_ in ("VERB", "AUX"):
                speaker = self.speaker_of(token)
                ok = speaker is not None and self.plausible(speaker, token)
                return Attribution(self.cue_span(token), speaker) if ok else None
            if token.is_punct and token.text not in ("'", "’"):
                return None
        return None

    def _colon_before(self, doc: Doc, span: Span) -> Attribution | None:
        """“Cruz continued:” then the quotation in the next paragraph."""
        i = span.start - 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i < 1 or doc[i].text != ":":
            return None
        first = sentence_of(doc[i]).start
        verbs = [
            t for t in doc[first:i] if t.pos_ in ("VERB", "AUX") and not (first <= t.head.i < i and t.head is not t)
        ]
        verbs = verbs or [t for t in doc[first:i] if t.pos_ in ("VERB", "AUX")]
        for verb in reversed(verbs):
            speaker = self.speaker_of(verb)
            if speaker is not None and speaker.end <= i and self.plausible(speaker, verb):
                return Attribution(self.cue_span(verb), speaker)
        # "Partial transcript as follows:" / "From Josh Feldman at Mediaite:": the words before the colon
        nouns = [
            t
            for t in doc[first:i]
            if t.pos_ in ("PROPN", "NOUN")
            and not (first <= t.head.i < i and t.head is not t and t.head.pos_ in ("PROPN", "NOUN"))
        ]
        if nouns and not verbs:
            return Attribution(doc[i : i + 1], self.noun_phrase(nouns[0]))
        return None

    def _cue_above(self, token: Token, inside: set[int]) -> Token | None:
        steps = 0
        while steps < 5:
            if self.is_cue(token) and token.i not in inside:
                return token
            if token.dep_ == "ROOT" or token.head is token:
                return None
            if token.pos_ in ("VERB", "AUX") and token.dep_ not in CLAUSE_LINKS:
                return None
            token = token.head
            steps += 1
        return None

    def _governing_verb(self, doc: Doc, span: Span) -> Attribution | None:
        """Any verb the quotation hangs from, within three steps, whose subject is outside it:
        "thanked Obama for “…”", "called his standing “unheard of”"."""
        inside = set(range(span.start, span.end))
        for token in span:
            head = token.head
            if head.i in inside:
                continue
            for _ in range(3):
                if head.pos_ in ("VERB", "AUX") and head.i not in inside:
                    if not self._near(doc, span, head):
                        return None
                    speaker = self.speaker_of(head)
                    if (
                        speaker is not None
                        and not inside.intersection(range(speaker.start, speaker.end))
                        and self.plausible(speaker, head)
                    ):
                        return Attribution(self.cue_span(head), speaker)
                    return None
                if head.head is head:
                    break
                head = head.head
        return None

    def plausible(self, speaker: Span, verb: Token) -> bool:
        """Without a reporting verb, only someone who can speak is a speaker: a name, a personal
        pronoun, or a noun for people or institutions ("the spokesman", "officials")."""
        if self.is_cue(verb):
            return True
        root = speaker.root
        if root.pos_ == "PROPN" or root.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
            return True
        if root.pos_ == "PRON":
            return root.lower_ in PERSONAL_PRONOUNS
        return root.lemma_.lower() in self.speaker_nouns

    def speaker_of(self, cue: Token) -> Span | None:
        speaker = self._subject_of(cue)
        if speaker is not None and "\n" in text_of(cue.doc)[speaker.end_char : cue.idx]:
            # "2:40 p.m.\n\nDonald Trump’s campaign manager says": the parse reached across a line
            line_start = text_of(cue.doc).rfind("\n", 0, cue.idx) + 1
            return first_noun_chunk(cue.doc, line_start, cue.idx)
        return speaker

    def _subject_of(self, cue: Token) -> Span | None:
        """The cue's subject; a participle or infinitive cue ("expressing optimism") borrows the
        subject of the verb it depends on."""
        if cue.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in cue.children):
            # "De Blasio said the move was made … and said, “…”": the subject of the nearest
            # reporting verb above, not of whatever verb the parser hung the conjunct on
            for ancestor in cue.ancestors:
                if self.is_cue(ancestor):
                    subjects = [c for c in ancestor.children if c.dep_ in SUBJECTS]
                    if subjects:
                        return self.noun_phrase(subjects[0])
        token = cue
        for _ in range(4):
            subjects = [c for c in token.children if c.dep_ in SUBJECTS]
            if subjects:
                if subjects[0].lower_ in ("who", "that", "which") and token.dep_ == "relcl":
                    return self.noun_phrase(token.head)  # "Sanders, who said …"
                return self.noun_phrase(subjects[0])
            agents = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if agents:
                return self.noun_phrase(agents[0])

            if token.head is token or token.dep_ not in (
                "advcl",
                "xcomp",
                "conj",
                "acl",
                "ccomp",
                "relcl",
                "pcomp",
                "pobj",
                "prep",
            ):
                break
            token = token.head
        return None

    def noun_phrase(self, token: Token) -> Span:
        """The subject's words, cut before a comma or relative clause ("a spokesman, who…")."""
        doc = token.doc
        left = token.i
        for child in sorted(token.lefts, key=lambda c: -c.i):  # nearest first, contiguous modifiers only
            if child.dep_ not in NP_LEFT or child.right_edge.i != left - 1:
                break
            left = child.left_edge.i
        right = token.i
        for child in token.rights:
            if child.dep_ in ("relcl", "acl", "appos") or child.text in (",", "(", "—", "–"):
                break
            right = child.right_edge.i
        while right > left and (doc[right].is_punct or doc[right].is_space):
            right -= 1
        for k in range(right, left, -1):  # never across a line break ("6:50 p.m.\n\nWith her husband…")
            if "\n" in doc[k - 1].text or "\n" in doc[k - 1].whitespace_:
                left = k
                break
        while left < right and (doc[left].is_punct or doc[left].is_space):
            left += 1
        return doc[left : right + 1]

    def cue_span(self, cue: Token) -> Span:
        """The reporting verb with a directly preceding auxiliary ("has said")."""
        doc = cue.doc
        start = cue.i
        while start > 0 and doc[start - 1].dep_ in ("aux", "auxpass", "neg") and doc[start - 1].head is cue:
            start -= 1
        end = cue.i + 1
        if end < len(doc) and doc[end].dep_ == "prt" and doc[end].head is cue:
            end += 1  # "pointed out"
        return doc[start:end]
