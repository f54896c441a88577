"""Quotes: direct and partial quotations between quotation marks, and indirect speech ("Wang noted
that …"), each attributed to a speaker resolved to an actor.

A direct quotation's span includes its quotation marks; a partial quotation (a fragment inside a
sentence) is given as the quoted words alone, since the sentence around it is the attribution. A quotation split by its attribution ("“A,” he said,
“B.”") is one quotation, and so is one continued in the next sentence or paragraph without a new
cue. A quotation nobody in the text is said to have said (a scare quote, a title, an unattributed
line) is not reported. Indirect speech is the clause a reporting verb governs; when that clause is
itself a quotation it is not reported twice.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...config import Settings
from ...kb import load_kb
from ...model import Extraction, Quote, Speaker
from ...model import Span as TextSpan
from ..lookups import sentence_of, text_of, tokens_with
from .attribution import Attribution, Attributor
from .marks import MARKS, QuotedSpan, find_quoted_spans

__all__ = ["QuoteExtractor"]

TRAILING = " \t\n,.;:—–-"


class Draft(NamedTuple):
    """A quotation found but not yet numbered: its span, kind and attribution."""

    start: int
    end: int
    kind: str
    attribution: Attribution


class QuoteExtractor:
    def __init__(self, settings: Settings, nlp: Language):
        kb = load_kb(tuple(settings.actor_files))
        people = {t.phrase for t in kb.titles.values()} | set(kb.phrases.get("speaker", {}))
        self.attributor = Attributor(kb.cue_verbs, kb.cue_phrases, {p.split()[-1] for p in people})

    def __call__(self, ex: Extraction, doc: Doc) -> None:
        spans, warnings = find_quoted_spans(text_of(doc))
        ex.warnings.extend(warnings)
        drafts: list[Draft] = []
        previous: Attribution | None = None
        previous_end = -1
        for start, end, gaps in self._join_split_quotations(doc, spans):
            attribution = self.attributor.for_span(doc, start, end, gaps)
            follows = previous is not None and self._continues(doc, previous_end, start)
            same_cue = (
                follows
                and previous is not None
                and attribution.cue is not None
                and previous.cue is not None
                and attribution.cue.start == previous.cue.start
            )
            if follows and (attribution.speaker is None or same_cue) and drafts and drafts[-1].attribution is previous:
                # “A,” Clinton said. “B.” -- one attribution whose content runs over both quotations
                drafts[-1] = Draft(drafts[-1].start, end, "direct", previous)
                previous_end = end
                continue
            kind = self._kind(doc, start, end)
            if kind == "partial" and attribution.speaker is None:
                continue  # a scare quote or a title ("the so-called “reform”"): nobody is quoted
            drafts.append(Draft(start, end, kind, attribution))
            if attribution.speaker is not None:
                previous, previous_end = attribution, end
        drafts = self._join_forward(doc, drafts)
        # A quotation nobody in the text is said to have said is not reported.
        drafts = [d for d in drafts if d.attribution.speaker is not None]
        direct = Stretches((d.start, d.end) for d in drafts)
        indirect = list(self._indirect(doc, direct))
        fragment_clauses = list(self._clauses_around_fragments(doc, drafts, indirect))
        drafts += [
            Draft(start, end, "indirect", attribution) for start, end, attribution in indirect + fragment_clauses
        ]
        ex.quotes = self._to_quotes(sorted(drafts, key=lambda d: (d.start, d.end)), ex, doc)

    # --- direct and partial ----------------------------------------------------------------

    def _join_split_quotations(self, doc: Doc, spans: list[QuotedSpan]):
        """“A,” he said, “B.” -> one quotation from the first mark to the last, with the gap kept."""
        out: list[tuple[int, int, list[tuple[int, int]]]] = []
        text = text_of(doc)
        for span in spans:
            if out:
                prev_start, prev_end, gaps = out[-1]
                between = text[prev_end : span.start]
                if (
                    "\n" not in between
                    and len(between) < 60
                    and between.strip().endswith(",")
                    and text[prev_end - 2 : prev_end - 1] == ","
                    and self._has_verb(doc, prev_end, span.start)
                ):
                    out[-1] = (prev_start, span.end, gaps + [(prev_end, span.start)])
                    continue
            out.append((span.start, span.end, []))
        return out

    def _has_verb(self, doc: Doc, start: int, end: int) -> bool:
        span = doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)

    def _continues(self, doc: Doc, previous_end: int, start: int) -> bool:
        """A quotation standing alone right after another speaker's quotation (and its attribution
        sentence) continues it."""
        gap = text_of(doc)[previous_end:start]
        if not 0 <= previous_end <= start or gap.count("\n\n") > 1:
            return False
        if len(gap.strip()) < 3:
            return True
        # “A,” he said. “B.” or “A,” he said.\n\n“B.”: only the attribution's own sentence between
        first = doc.char_span(previous_end, previous_end + 1, alignment_mode="expand")
        if first is None:
            return False
        body = gap.rstrip()
        if "\n" in body:
            return False
        return sentence_of(first).end_char >= previous_end + len(body) - 1

    @staticmethod
    def _join_forward(doc: Doc, drafts):
        """“A.” \n\n “B,” Viguerie notes. -- an unattributed quotation followed at once by an
        attributed one is the same speaker's: one attribution over both."""
        out: list[Draft] = []
        for draft in reversed(drafts):
            if out and draft.attribution.speaker is None and draft.kind == "direct":
                nxt = out[-1]
                gap = text_of(doc)[draft.end : nxt.start]
                if nxt.attribution.speaker is not None and not gap.strip() and gap.count("\n\n") <= 1:
                    out[-1] = Draft(draft.start, nxt.end, "direct", nxt.attribution)
                    continue
            out.append(draft)
        return list(reversed(out))

    def _kind(self, doc: Doc, start: int, end: int) -> str:
        """partial: a fragment inside a sentence ("the “most valuable strategic asset”"); direct: a
        quoted sentence or clause."""
        inner = text_of(doc)[start + 1 : end - 1].strip(' "“”,.')
        span = doc.char_span(start, end, alignment_mode="expand")
        words = inner.split()
        if not words:
            return "partial"
        has_verb = span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)
        if inner[0].islower() or not has_verb:
            return "partial"
        return "direct"

    # --- indirect ----------------------------------------------------------------------------

    def _indirect(self, doc: Doc, direct: Stretches):
        for token in tokens_with(doc, POS=("VERB", "AUX")):
            if not self.attributor.is_cue(token):
                continue
            content = self._reported_clause(token)
            if content is None:
                continue
            start, end = content.start_char, content.end_char
            while end > start and text_of(doc)[end - 1] in TRAILING:
                end -= 1
            if end - start < 8 or self._mostly_quoted(start, end, direct, text_of(doc)):
                continue
            yield start, end, Attribution(self.attributor.cue_span(token), self.attributor.speaker_of(token))
        for token in tokens_with(doc, LOWER=("according",)):
            if token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
                found = self._according_to(doc, token, direct)
                if found is not None:
                    yield found

    def _clauses_around_fragments(self, doc: Doc, drafts, indirect):
        """ "Trump went after Bush, calling him “a total stiff”": a fragment whose cue takes no
        reported clause still has one -- the words the cue governs around it."""
        reported = Stretches((s, e) for s, e, _ in indirect)
        for start, end, kind, attribution in list(drafts):
            if kind != "partial" or attribution.cue is None:
                continue
            if any(min(end, e) > max(start, s) for s, e in reported.starting_within(start, end)):
                continue  # already inside a reported clause
            cue = attribution.cue[-1]
            rights = [c for c in cue.rights if not c.is_punct and c.dep_ not in ("advmod", "npadvmod", "cc", "conj")]
            holder = next(
                (c for c in rights if c.left_edge.idx <= start and end <= c.right_edge.idx + len(c.right_edge) + 2),
                None,
            )
            if holder is None or not rights:
                continue
            clause = doc[rights[0].left_edge.i : holder.right_edge.i + 1]
            c_start, c_end = clause.start_char, clause.end_char
            while c_end > c_start and text_of(doc)[c_end - 1] in TRAILING:
                c_end -= 1
            if c_start < start - 1 and len(text_of(doc)[c_start:start].split()) >= 2:
                yield c_start, max(c_end, end), attribution

    def _reported_clause(self, cue) -> Span | None:
        doc = cue.doc
        for child in cue.children:
            if child.dep_ == "ccomp":
                end = child.right_edge.i + 1
                for sub in child.rights:
                    # "…had reached a framework, while Beijing described …": another speaker's clause
                    if sub.dep_ in ("advcl", "conj") and any(
                        self.attributor.is_cue(t) and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                        for t in sub.subtree
                    ):
                        end = min(end, sub.left_edge.i)
                        while end > child.i + 1 and (
                            (doc[end - 1].is_punct and doc[end - 1].text not in MARKS)
                            or doc[end - 1].lower_ in ("while", "but", "and", "whereas")
                        ):
                            end -= 1
                        break
                return doc[child.left_edge.i : end]
        if cue.lemma_.lower() == "describe":  # "described the outcome as …"
            objects = [c for c in cue.children if c.dep_ == "dobj"]
            preps = [c for c in cue.children if c.dep_ == "prep" and c.lower_ == "as"]
            if objects and preps:
                return doc[objects[0].left_edge.i : preps[0].right_edge.i + 1]
        return None

    def _according_to(self, doc: Doc, according, direct):
        main = according.head
        while main.dep_ not in ("ROOT",) and main.head is not main and main.pos_ not in ("VERB", "AUX"):
            main = main.head
        if self.attributor.is_cue(main):
            return None  # "According to a statement, Wang emphasized that …": Wang's own report
        source = [c for c in doc[according.i + 1].children if c.dep_ == "pobj"]
        if not source:
            return None
        sent = sentence_of(according)
        phrase_end = according.right_edge.i + 1
        if according.i == sent.start:  # "According to X, content."
            first = phrase_end
            while first < sent.end and doc[first].is_punct:
                first += 1
            content = doc[first : sent.end]
        else:  # "content, according to X."
            content = doc[sent.start : according.i]
        if len(content) < 3:
            return None
        start, end = content.start_char, content.end_char
        while end > start and text_of(doc)[end - 1] in TRAILING:
            end -= 1
        if self._mostly_quoted(start, end, direct, text_of(doc)):
            return None
        return start, end, Attribution(doc[according.i : according.i + 2], self.attributor.noun_phrase(source[0]))

    @staticmethod
    def _mostly_quoted(start: int, end: int, direct: Stretches, text: str = "") -> bool:
        """Is the clause nothing but a quotation (fewer than three words outside it)?"""
        for s, e in direct.starting_within(end - 2, start + 12):
            if s <= start + 12 and e >= end - 2:
                outside = (text[start : max(start, s)] + " " + text[min(end, e) : end]).split() if text else []
                if len(outside) < 3:
                    return True
        return False

    # --- output ------------------------------------------------------------------------------

    def _to_quotes(self, drafts, ex: Extraction, doc: Doc) -> list[Quote]:
        quotes: list[Quote] = []
        seen: set[tuple[int, int]] = set()
        text = ex.text
        mentions = MentionIndex(ex)
        for start, end, kind, attribution in drafts:
            if kind == "partial":
                start, end = _quoted_words(text, start, end)
            elif kind == "indirect":
                end = _balance_marks(text, start, end)
            if (start, end) in seen:
                continue
            seen.add((start, end))
            speaker = None
            if attribution.speaker is not None:
                s, e = attribution.speaker.start_char, attribution.speaker.end_char
                speaker = Speaker(actor=mentions.actor_at(s, e), start=s, end=e, text=text[s:e])
            cue = None
            if attribution.cue is not None:
                s, e = attribution.cue.start_char, attribution.cue.end_char
                cue = TextSpan(s, e, text[s:e])
            quotes.append(
                Quote(
                    id=f"q{len(quotes) + 1}",
                    start=start,
                    end=end,
                    text=text[start:end],
                    kind=kind,
                    speaker=speaker,
                    cue=cue,
                )
            )
        return quotes


def _balance_marks(text: str, start: int, end: int) -> int:
    """A reported clause that opens a quotation ends after its closing mark, not inside it."""
    opened = sum(1 for c in text[start:end] if c in MARKS) % 2 == 1
    if opened:
        for k in range(end, min(len(text), end + 3)):
            if text[k] in MARKS:
                return k + 1
    return end


def _quoted_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A fragment is given as the words quoted: “most valuable strategic asset” -> most valuable
    strategic asset (a direct quotation keeps its marks, as PolNeAR and most style guides treat it)."""
    while start < end and (text[start] in MARKS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in MARKS or text[end - 1] in " ,;:"):
        end -= 1
    return start, end


class Stretches:
    """Stretches of text (start, end) ordered by start, with those starting in a range found by bisection."""

    def __init__(self, stretches: Iterable[tuple[int, int]]):
        self._items = sorted(stretches)
        self._starts = [s for s, _ in self._items]
        self._longest = max((e - s for s, e in self._items), default=0)

    def starting_within(self, reach: int, last_start: int) -> list[tuple[int, int]]:
        """The stretches starting at or before `last_start` that may end at or after `reach`."""
        lo = bisect_left(self._starts, reach - self._longest)
        return self._items[lo : bisect_right(self._starts, last_start)]


class MentionIndex:
    """Every actor mention of an Extraction ordered by start, so that the mentions overlapping a stretch
    of text are found by bisection rather than by reading them all (a long document has thousands)."""

    def __init__(self, ex: Extraction):
        found = [
            (m.start, m.end, order, actor)
            for order, (actor, m) in enumerate((a, m) for a in ex.actors for m in a.mentions)
        ]
        found.sort(key=lambda item: (item[0], item[2]))
        self._starts = [item[0] for item in found]
        self._found = found
        self._longest = max((e - s for s, e, _, _ in found), default=0)

    def actor_at(self, start: int, end: int) -> str | None:
        """The actor with the mention that best covers [start, end): the largest overlap, a person
        winning a tie, else the first in the actors' order."""
        hi = bisect_left(self._starts, end)
        lo = bisect_left(self._starts, start - self._longest)
        overlapping = sorted((item for item in self._found[lo:hi] if item[1] > start), key=lambda item: item[2])
        best, best_overlap = None, 0
        for m_start, m_end, _, actor in overlapping:
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > best_overlap or (overlap == best_overlap and overlap > 0 and actor.kind == "person"):
                best, best_overlap = actor.id, overlap
        return best
