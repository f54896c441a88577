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

# what a one-word pattern may read for its result to follow from (text, tag, dependency label): the
# token's text and what the vocabulary derives from the text alone
_KEYED = frozenset(
    {"ORTH", "TEXT", "LOWER", "LENGTH", "SHAPE", "PREFIX", "SUFFIX", "TAG", "DEP", "OP"}
    | {"IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE"}
    | {"IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY", "LIKE_NUM"}
)
_LIMIT = 100_000  # remembered tokens before a memory starts again (some 30 MB): a long run stays flat
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
        keys: list[tuple[int, int, int]] = list(map(tuple, doc.to_array(["ORTH", "TAG", "DEP"]).tolist()))
        self._learn(doc, keys)
        memo = self.memo
        rules = [memo[key] for key in keys]
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

    def _learn(self, doc: Doc, keys: list[tuple[int, int, int]]) -> None:
        """Remember the one-word rules matching each key not met before, in rule order: the matcher reads
        one made-up Doc of those tokens (a one-word pattern sees a token's text, tag and label only)."""
        unseen = list(dict.fromkeys(key for key in keys if key not in self.memo))
        if not unseen:
            return
        if len(self.memo) + len(unseen) > _LIMIT:  # start again, with every key of this document
            self.memo.clear()
            unseen = list(dict.fromkeys(keys))
        strings = doc.vocab.strings
        probe = Doc(
            doc.vocab,
            words=[strings[orth] for orth, _tag, _dep in unseen],
            spaces=[False] * len(unseen),
            tags=[strings[tag] for _orth, tag, _dep in unseen],
            deps=[strings[dep] for _orth, _tag, dep in unseen],
            heads=list(range(len(unseen))),
        )
        found: list[list[int]] = [[] for _ in unseen]
        for match_id, start, _end in self.single(probe, allow_missing=True):
            found[start].append(int(strings[match_id]))
        for key, rules in zip(unseen, found, strict=True):
            self.memo[key] = tuple(sorted(rules)) if rules else _NONE


def _keyed(patterns: list[dict]) -> bool:
    """Do the AttributeRuler's one-word patterns read only what follows from a token's text, tag and label?"""
    return all(
        str(attr).upper() in _KEYED
        for spec in patterns
        for pattern in spec["patterns"]
        if len(pattern) == 1
        for attr in pattern[0]
    )


class MemoLemmatizer:
    """spaCy's rule Lemmatizer `source`, remembering the lemma of each (text, part of speech, morphology)."""

    def __init__(self, source: Any):
        self.source = source
        self.memo: dict[tuple[int, int, int], str] = {}
        # the rules ask "is this form a known word?" of word lists tens of thousands long: the same
        # words as sets answer alike without reading the whole list
        index = source.lookups.get_table("lemma_index", {}) if source.lookups.has_table("lemma_index") else {}
        for pos, words in list(index.items()):
            if isinstance(words, list):
                index[pos] = frozenset(words)

    def forget(self) -> None:
        """Start the memory again, and the source's own cache with it: spaCy's rule lemmatizer keeps every
        answer it gives in a cache that never shrinks, which in a worker running for days would grow
        with every new word."""
        self.memo.clear()
        cache = getattr(self.source, "cache", None)
        if isinstance(cache, dict):
            cache.clear()

    def __call__(self, doc: Doc) -> Doc:
        """Give each token without a lemma the one the source would give it (a lemma set before stays,
        as the source leaves it unless told to overwrite)."""
        overwrite, strings = self.source.overwrite, doc.vocab.strings
        rows: Any = doc.to_array(["ORTH", "POS", "MORPH", "LEMMA"])
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = self.memo.get(key)
            if found is None:
                found = self.source.lemmatize(doc[i])[0]
                if len(self.memo) >= _LIMIT:
                    self.forget()
                self.memo[key] = found
            # the text, not its hash, is remembered and added again: a memory zone (accord.workers) drops
            # the strings a document brought when it ends
            lemmas[i] = strings.add(found)
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
    originals disabled beside them); a component the wrappers do not fit (patterns reading more than a
    token's text, tag and label; a lemmatizer not in rule mode), a model without them, or one already
    changed is left as it is."""
    swaps = [("attribute_ruler", "accord_memo_attribute_ruler"), ("lemmatizer", "accord_memo_lemmatizer")]
    for original, factory in swaps:
        if original in nlp.pipe_names and factory not in nlp.pipe_names and _fits(original, nlp.get_pipe(original)):
            nlp.add_pipe(factory, name=factory, after=original, config={"source": original})
            nlp.disable_pipe(original)
    return nlp


def _fits(name: str, component: Any) -> bool:
    if name == "lemmatizer":
        return getattr(component, "mode", None) == "rule"
    return _keyed(getattr(component, "patterns", None) or [{"patterns": [[{"?": None}]]}])
