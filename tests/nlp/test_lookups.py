"""Per-document lookups: `tokens_with` finds the same tokens as reading every Token's attributes would."""

from __future__ import annotations

import pytest

from accord.nlp.lookups import remember_text, text_of, tokens_with

pytestmark = pytest.mark.model

TEXT = "Syria said it would talk. According to officials, they met in Geneva and their envoys spoke."

CASES = [
    ({"LOWER": ("it", "they", "their")}, lambda t: t.lower_ in ("it", "they", "their")),
    (
        {"LOWER": ("it", "they", "their"), "DEP": ("nsubj", "poss")},
        lambda t: t.lower_ in ("it", "they", "their") and t.dep_ in ("nsubj", "poss"),
    ),
    ({"POS": ("VERB", "AUX")}, lambda t: t.pos_ in ("VERB", "AUX")),
    ({"ORTH": ("Geneva", "Syria")}, lambda t: t.text in ("Geneva", "Syria")),
    ({"LOWER": ("according",)}, lambda t: t.lower_ == "according"),
    ({"LOWER": ("nowhere-in-the-text",)}, lambda t: False),
]


@pytest.mark.parametrize(("wanted", "reads"), CASES)
def test_tokens_with_finds_what_reading_every_token_finds(pipeline, wanted, reads):
    doc = pipeline.nlp(TEXT)
    found = [t.i for t in tokens_with(doc, **wanted)]
    assert found == [t.i for t in doc if reads(t)]
    assert found or wanted["LOWER"] == ("nowhere-in-the-text",)


def test_tokens_with_on_an_empty_document(pipeline):
    assert tokens_with(pipeline.nlp(""), LOWER=("it",)) == []


@pytest.mark.parametrize("text", ["Biden met Xi.", "  Two  spaces,\n\nparagraphs\tand tabs. ", ""])
def test_the_text_remembered_is_the_text_spacy_rebuilds(pipeline, text):
    doc = pipeline.nlp(text)
    assert doc.text == text  # what remember_text relies on: the parse reproduces its input
    remember_text(doc, text)
    assert text_of(doc) is text
