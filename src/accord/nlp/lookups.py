"""Per-document lookups spaCy recomputes on every call, computed once: the text (`Doc.text` joins every
token each time it is read), the entities (`Doc.ents` rebuilds them from every token's tag) and the
sentence a token is in (`Token.sent` walks the sentences); and the tokens with given attribute values,
found in spaCy's attribute array rather than by making a Python Token of every word. Found by profiling
the extractors, where these were the largest costs."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

import numpy
from spacy.parts_of_speech import IDS as POS_IDS  # type: ignore[import-not-found]
from spacy.tokens import Doc, Span, Token

_KEY = "accord_sentence_bounds"
_TEXT = "accord_text"
_CHUNKS = "accord_noun_chunks"
_ENTS = "accord_entities"


def text_of(doc: Doc) -> str:
    """`doc.text`, built once."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Give `text_of(doc)` the text `doc` was parsed from, so it is never rebuilt from the tokens (0.7 s on
    a 1 MB text). Only for that text: spaCy's tokens reproduce their input exactly, and a long text's
    windows are its contiguous parts, joined without added whitespace."""
    doc.user_data[_TEXT] = text


def entities_of(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once (spaCy rebuilds the spans from every token's entity tag on each read)."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = tuple(doc.ents)
    return ents


def tokens_with(doc: Doc, **wanted: Iterable[str]) -> list[Token]:
    """The tokens whose attributes have one of the wanted values, in text order: for example
    `tokens_with(doc, LOWER={"it", "they"}, DEP={"nsubj"})` (attribute names as `Doc.to_array` takes them;
    POS by its universal tag names, the other attributes by their strings)."""
    if not len(doc):
        return []
    names: list[int | str] = list(wanted)
    columns = doc.to_array(names).reshape(len(doc), len(names))
    keep = numpy.ones(len(doc), dtype=bool)
    for k, name in enumerate(wanted):
        ids = POS_IDS if name == "POS" else doc.vocab.strings
        values = numpy.array([ids[value] for value in wanted[name]], dtype=columns.dtype)
        keep &= numpy.isin(columns[:, k], values)
    return [doc[i] for i in numpy.flatnonzero(keep).tolist()]


def first_noun_chunk(doc: Doc, start: int, end: int) -> Span | None:
    """The first of `doc.noun_chunks` lying within characters [start, end), found by bisection over the
    chunks listed once (the iterator walks the whole document on each use; chunks never overlap, so
    they are in order of both start and end)."""
    chunks = doc.user_data.get(_CHUNKS)
    if chunks is None:
        found = list(doc.noun_chunks)
        chunks = doc.user_data[_CHUNKS] = ([c.start_char for c in found], found)
    starts, spans = chunks
    k = bisect_left(starts, start)
    if k < len(spans) and spans[k].end_char <= end:
        return spans[k]
    return None


def sentence_of(item: Token | Span) -> Span:
    """The sentence containing a token, or the one a span starts in."""
    if isinstance(item, Token):
        token = item
    else:  # a span, possibly empty: the token it starts at
        token = item.doc[min(item.start, len(item.doc) - 1)]
    doc = token.doc
    bounds = doc.user_data.get(_KEY)
    if bounds is None:
        bounds = _index(doc)
    start, end = bounds[token.i]
    return doc[start:end]


def _index(doc: Doc) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = [(0, len(doc))] * len(doc)
    for sent in doc.sents:
        pair = (sent.start, sent.end)
        for i in range(sent.start, sent.end):
            bounds[i] = pair
    doc.user_data[_KEY] = bounds
    return bounds
