"""A parse window sent as bytes comes back as it was parsed: every token attribute the extractors read,
its entities and its sentences, so that windows joined in another process give the same Doc."""

import pytest
from spacy.tokens import Doc

from accord.nlp.transfer import window_from_bytes, window_to_bytes

pytestmark = pytest.mark.model

TEXT = (
    "GENEVA (Accord) - Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken on Monday.\n\n"
    "\u201cWe will keep talking,\u201d Wang told reporters. The talks ended on March 3, 2025."
)


def test_a_window_comes_back_as_it_was_parsed(pipeline):
    doc = pipeline.parse_window(TEXT)
    back = window_from_bytes(pipeline.nlp.vocab, window_to_bytes(doc))
    attrs = list(Doc._get_array_attrs())
    assert back.text == doc.text
    assert (back.to_array(attrs) == doc.to_array(attrs)).all()
    assert [(e.start, e.end, e.label_) for e in back.ents] == [(e.start, e.end, e.label_) for e in doc.ents]
    assert [s.text for s in back.sents] == [s.text for s in doc.sents]
    assert [t.lemma_ for t in back] == [t.lemma_ for t in doc] and back.tensor.shape == doc.tensor.shape


def test_windows_joined_after_transfer_equal_the_windows_joined_here(pipeline):
    parts = [pipeline.parse_window(TEXT[:110]), pipeline.parse_window(TEXT[110:])]
    sent = [window_from_bytes(pipeline.nlp.vocab, window_to_bytes(d)) for d in parts]
    here, there = Doc.from_docs(parts, ensure_whitespace=False), Doc.from_docs(sent, ensure_whitespace=False)
    attrs = list(Doc._get_array_attrs())
    assert there.text == here.text == TEXT
    assert (there.to_array(attrs) == here.to_array(attrs)).all()
