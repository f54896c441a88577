"""The remembering attribute ruler and lemmatizer give every token the annotations the model's own
components give it, on the real model."""

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG

from accord.config import Settings
from accord.nlp.components import use_memo_components

pytestmark = pytest.mark.model

ATTRS = [ORTH, POS, TAG, DEP, HEAD, MORPH, LEMMA]
TEXTS = [
    # the ruler's rules over two words ("y'all", "gon na", "let's", expletive "there is"), spaces, pronouns
    "Y'all gon na see it: let's go, ain't it? There is a deal.\n\n  I told you it was done.  ",
    "Ministers met in Geneva on Monday and agreed to resume talks; the talks were resumed.",
    "Ministers met in Geneva on Monday and agreed to resume talks; the talks were resumed.",  # remembered
    "He said he had been meeting them, and they have met him since the meetings began.",
]


@pytest.fixture(scope="module")
def models():
    name = Settings().model
    return spacy.load(name), use_memo_components(spacy.load(name))


def test_the_same_annotations_as_the_models_own_components(models):
    plain, memo = models
    for before, after in zip(plain.pipe(TEXTS), memo.pipe(TEXTS), strict=True):
        assert [t.lemma_ for t in before] == [t.lemma_ for t in after]
        assert (before.to_array(ATTRS) == after.to_array(ATTRS)).all()


def test_the_wrappers_replace_the_originals_once(models):
    _, memo = models
    names = memo.pipe_names
    assert "accord_memo_attribute_ruler" in names and "accord_memo_lemmatizer" in names
    assert "attribute_ruler" not in names and "lemmatizer" not in names
    assert use_memo_components(memo).pipe_names == names


def test_remembered_lemmas_outlive_a_memory_zone(models):
    plain, memo = models
    text = "Negotiators reconvened and the blockaders dispersed."  # words the model's vocabulary lacks
    expected = [t.lemma_ for t in plain(text)]
    for _ in range(2):  # the second zone finds every lemma remembered, its strings dropped by the first
        with memo.memory_zone():
            assert [t.lemma_ for t in memo(text)] == expected


def test_the_memories_start_again_at_their_limit_with_the_same_annotations(models, monkeypatch):
    """Past `_LIMIT` remembered tokens each memory starts again: the ruler's must still answer for the
    tokens of the document in hand it had met before (it raised KeyError once full), and spaCy's own
    lemma cache is emptied with the lemmatizer's memory instead of growing for the life of a worker."""
    import accord.nlp.components as components

    plain, memo = models
    ruler, lemmatizer = memo.get_pipe("accord_memo_attribute_ruler"), memo.get_pipe("accord_memo_lemmatizer")
    lemmatizer.forget()
    ruler.memo.clear()
    monkeypatch.setattr(components, "_LIMIT", 6)
    texts = [f"The {word} again." for word in "delegations negotiated treaties ratified ministers convened".split()]
    texts += TEXTS
    for text in texts:  # one at a time: the bounds hold after each document
        before, after = plain(text), memo(text)
        assert (before.to_array(ATTRS) == after.to_array(ATTRS)).all()
        assert len(lemmatizer.memo) <= 6 and len(lemmatizer.source.cache) <= 6
        assert len(ruler.memo) <= max(6, len(after))
