"""A parse window's Doc as bytes and back, so that one process can parse a window of a long text and
another join the windows and run the extractors (accord.workers): spaCy's own serialisation of the
tokens, their tags, parse, entities and sentence boundaries and the strings these use. The tensor is
left out: every window drops it (Pipeline.parse_window), so a window comes back as it was parsed."""

from __future__ import annotations

import numpy
from spacy.tokens import Doc
from spacy.vocab import Vocab

_LEFT_OUT = ["tensor", "user_data"]  # windows carry neither: the tensor is dropped, user_data is empty


def window_to_bytes(doc: Doc) -> bytes:
    """A parsed window as bytes another process can read with `window_from_bytes`."""
    return doc.to_bytes(exclude=_LEFT_OUT)


def window_from_bytes(vocab: Vocab, data: bytes) -> Doc:
    """The window `window_to_bytes` wrote, in this process's vocabulary, as Pipeline.parse_window leaves it."""
    doc = Doc(vocab).from_bytes(data, exclude=_LEFT_OUT)
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc
