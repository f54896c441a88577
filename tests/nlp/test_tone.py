"""GDELT-style tone: a table of texts with the figures worked out by hand from VADER's word list (each
case names the words that count), then the lexicon and pronoun lists themselves."""

from __future__ import annotations

import pytest

from accord.nlp.tone import VALENCE_THRESHOLD, document_tone, tone_words, words

# text, positive words, negative words, pronouns, word count
CASES = [
    ("", 0, 0, 0, 0),
    ("2025 - 14:00 ...", 0, 0, 0, 0),  # numbers and punctuation are no words
    ("The ministers met in Geneva on Tuesday.", 0, 0, 0, 7),
    ("The talks were good.", 1, 0, 0, 4),  # good 1.9
    ("The attack killed three people.", 0, 2, 0, 5),  # attack -2.1, killed -3.5
    # welcomed 1.4, peace 2.5, agreement 2.2; condemned -1.9, war -2.9; we
    ("We welcomed the peace agreement but condemned the war.", 3, 2, 1, 9),
    ("Hope, hope and hope!", 3, 0, 0, 4),  # every occurrence counts
    ("They don't agree.", 1, 0, 1, 3),  # "don't" is one word; agree 1.5; they
    ("Iran's support was welcome.", 2, 0, 0, 4),  # support 1.7, welcome 2.0; the 's is no word
    ("The ceasefire is fine.", 0, 0, 0, 4),  # fine 0.8 is under the threshold
    ("Crisis! CRISIS, crisis.", 0, 3, 0, 3),  # case does not matter
    ("A well-known self-confident envoy", 2, 0, 0, 6),  # hyphens split words: well 1.1, confident 2.2
]


@pytest.mark.parametrize(("text", "positive", "negative", "pronouns", "count"), CASES)
def test_tone_figures(text, positive, negative, pronouns, count):
    tone = document_tone(text)
    assert tone.word_count == count
    share = (lambda n: round(100 * n / count, 4)) if count else (lambda n: 0.0)
    assert tone.positive == share(positive)
    assert tone.negative == share(negative)
    assert tone.tone == share(positive - negative)
    assert tone.polarity == share(positive + negative)
    assert tone.self_group_density == share(pronouns)
    assert tone.activity_density is None


def test_worked_example():
    # 10 words: "good" and "peace" positive, "war" negative, "we" a pronoun
    tone = document_tone("We said good things about peace and about the war.")
    assert (tone.word_count, tone.tone, tone.positive, tone.negative, tone.polarity) == (10, 10.0, 20.0, 10.0, 30.0)
    assert tone.self_group_density == 10.0


def test_tone_ranges_from_minus_to_plus_hundred():
    assert document_tone("war").tone == -100.0
    assert document_tone("love").tone == 100.0


def test_lexicon_threshold_and_signs():
    lists = tone_words()
    assert VALENCE_THRESHOLD == 1.0
    assert {"good", "peace", "support", "agree", "welcome"} <= lists.positive
    assert {"war", "attack", "killed", "crisis", "condemned"} <= lists.negative
    assert not lists.positive & lists.negative
    assert "protest" in lists.negative  # -1.0, on the threshold
    assert len(lists.positive) > 1000 and len(lists.negative) > 1500


def test_pronouns_from_the_knowledge_base():
    assert {"i", "we", "us", "our", "they", "he", "she", "it"} <= tone_words().pronouns


def test_words_lower_case_straight_apostrophes():
    assert words("Won’t U.N. 2025 peace-keeping") == ["won't", "u", "n", "peace", "keeping"]


def test_tone_words_loaded_once():
    assert tone_words() is tone_words()
