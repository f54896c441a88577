"""Per-document lookups spaCy recomputes on every call, computed once: the text (`Doc.text` joins every
token each time it is read) and the sentence a token is in (`Token.sent` walks the sentences). Found by
profiling the extractors, where the two were the largest costs."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

_KEY = "accord_sentence_bounds"
_TEXT = "accord_text"
_CHUNKS = "accord_noun_chunks"


def text_of(doc: Doc) -> str:
    """`doc.text`, built once."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


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
