"""The model's attribute ruler and rule lemmatizer, run with a memory: the same annotations for less work
per token.

Both components give every token a result that depends only on the token itself (its text, tag and
dependency label for the ruler's one-word patterns; its text, part of speech and morphology for the
lemmatizer), yet compute it afresh for every token of every document: the ruler evaluates each pattern's
predicates (Python callbacks) on each token, the lemmatizer runs its rules or checks for a base form.
These wrappers remember each distinct token's result and ask the model's own component only for tokens
they have not met, so the Doc they return is the one the original components return; the ruler's
patterns over several words still run as they are. The lemmatizer's word lists are also made sets (the
same membership, found without a scan). `use_memo_components` swaps them into a loaded model
in place of the originals (which stay, disabled, as the source of every answer).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

_LIMIT = 500_000  # remembered tokens before a memory starts again: a long run's memory stays bounded
_NONE: tuple[int, ...] = ()


class MemoAttributeRuler:
    """spaCy's AttributeRuler `source`, remembering which one-word patterns match a (text, tag, dependency)."""

    def __init__(self, source: Any):
        self.source = source
        self.single: Matcher = Matcher(source.vocab)
        self.multi: Matcher = Matcher(source.vocab)
        for attr_id, spec in enumerate(source.patterns):
            key = str(attr_id)  # the key the AttributeRuler gives the rule: its matches sort by it
            target = self.single if all(len(p) == 1 for p in spec["patterns"]) else self.multi
            target.add(key, spec["patterns"])
        self.memo: dict[tuple[int, int, int], tuple[int, ...]] = {}

    def __call__(self, doc: Doc) -> Doc:
        """Set the attributes the source sets, one merged set per token, in the source's rule order."""
        strings = doc.vocab.strings
        rules = [
            self._rules(doc, i, key) for i, key in enumerate(map(tuple, doc.to_array(["ORTH", "TAG", "DEP"]).tolist()))
        ]
        for match_id, start, _end in self.multi(doc, allow_missing=True):
            attr_id = int(strings[match_id])
            index = start + self.source.indices[attr_id]
            rules[index] = tuple(sorted(rules[index] + (attr_id,)))
        attrs = self.source.attrs
        for i, found in enumerate(rules):
            if found:
                merged: dict = {}
                for attr_id in found:
                    merged.update(attrs[attr_id])
                set_token_attrs(doc[i], merged)
        return doc

    def _rules(self, doc: Doc, i: int, key: tuple[int, int, int]) -> tuple[int, ...]:
        """The one-word rules matching token i, in rule order; asked of the matcher once per key."""
        found = self.memo.get(key)
        if found is None:
            strings = doc.vocab.strings
            found = tuple(sorted(int(strings[m]) for m, _s, _e in self.single(doc[i : i + 1], allow_missing=True)))
            if len(self.memo) >= _LIMIT:
                self.memo.clear()
            self.memo[key] = found or _NONE
        return found


class MemoLemmatizer:
    """spaCy's rule Lemmatizer `source`, remembering the lemma of each (text, part of speech, morphology)."""

    def __init__(self, source: Any):
        self.source = source
        self.memo: dict[tuple[int, int, int], int] = {}
        # the rules ask "is this form a known word?" of word lists tens of thousands long: the same
        # words as sets answer alike without reading the whole list
        index = source.lookups.get_table("lemma_index", {}) if source.lookups.has_table("lemma_index") else {}
        for pos, words in list(index.items()):
            if isinstance(words, list):
                index[pos] = frozenset(words)

    def __call__(self, doc: Doc) -> Doc:
        """Give each token without a lemma the one the source would give it (a lemma set before stays,
        as the source leaves it unless told to overwrite)."""
        overwrite = self.source.overwrite
        rows: Any = doc.to_array(["ORTH", "POS", "MORPH", "LEMMA"])
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = self.memo.get(key)
            if found is None:
                found = doc.vocab.strings.add(self.source.lemmatize(doc[i])[0])
                if len(self.memo) >= _LIMIT:
                    self.memo.clear()
                self.memo[key] = found
            lemmas[i] = found
        doc.from_array(["LEMMA"], lemmas.reshape(-1, 1))
        return doc


@Language.factory("accord_memo_attribute_ruler", default_config={"source": "attribute_ruler"})
def _make_ruler(nlp: Language, name: str, source: str) -> MemoAttributeRuler:
    return MemoAttributeRuler(nlp.get_pipe(source))


@Language.factory("accord_memo_lemmatizer", default_config={"source": "lemmatizer"})
def _make_lemmatizer(nlp: Language, name: str, source: str) -> MemoLemmatizer:
    return MemoLemmatizer(nlp.get_pipe(source))


def use_memo_components(nlp: Language) -> Language:
    """`nlp` with its attribute ruler and rule lemmatizer replaced by the remembering wrappers above (the
    originals disabled beside them); a model without them, or already changed, is left as it is."""
    swaps = [("attribute_ruler", "accord_memo_attribute_ruler"), ("lemmatizer", "accord_memo_lemmatizer")]
    for original, factory in swaps:
        if original not in nlp.pipe_names or factory in nlp.pipe_names:
            continue
        if original == "lemmatizer" and getattr(nlp.get_pipe(original), "mode", None) != "rule":
            continue
        nlp.add_pipe(factory, name=factory, after=original, config={"source": original})
        nlp.disable_pipe(original)
    return nlp
