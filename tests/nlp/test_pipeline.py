"""The real pipeline on the real model: sentences, offsets, the contract, chunked parsing, isolation
of a failing extractor."""

import json

import pytest

from accord.model import Document
from accord.readers import read_inputs

from ..conftest import FIXTURES, check_offsets, round_trip

pytestmark = pytest.mark.model


def test_seed_extraction_follows_the_contract(pipeline, seed_path, contract_validator):
    (doc,) = list(read_inputs([str(seed_path)], 10**7))
    ex = pipeline.extract_one(doc)
    obj = round_trip(ex.to_dict())
    contract_validator.validate(obj)
    check_offsets(obj)
    assert obj["schema"] == "accord/1"
    assert list(obj)[:3] == ["schema", "id", "title"]
    assert obj["anchor_date"] == "2025-10-27"
    assert obj["dateline"] == {"place": "Beijing", "date": "2025-10-27"}
    first = obj["sentences"][0]
    assert obj["text"][first["start"] : first["end"]].endswith("Chinese Foreign Minister Wang Yi said on Monday.")
    assert len(obj["sentences"]) >= 10
    assert obj["warnings"] == []


SENTENCE_CASES = [
    ("Envoys met on Monday. They agreed to meet again.", ["Envoys met on Monday.", "They agreed to meet again."]),
    ("One paragraph.\n\nAnother paragraph here.", ["One paragraph.", "Another paragraph here."]),
    ("   Leading spaces are trimmed.   ", ["Leading spaces are trimmed."]),
]


@pytest.mark.parametrize("text, expected", SENTENCE_CASES)
def test_sentences(pipeline, text, expected):
    ex = pipeline.extract_one(Document(id="s", text=text), published="2025-01-01")
    assert [text[s.start : s.end] for s in ex.sentences] == expected


def test_every_fixture_validates_against_the_schema(pipeline, contract_validator):
    docs = [d for d in read_inputs([str(FIXTURES)], 10**7) if isinstance(d, Document)]
    assert len(docs) >= 7
    for ex in pipeline.extract(docs, published="2025-06-01"):
        obj = round_trip(ex.to_dict())
        contract_validator.validate(obj)
        check_offsets(obj)


def test_output_order_matches_input_order(pipeline):
    docs = [Document(id=str(n), text=f"Document number {n} is here.") for n in range(40)]
    assert [ex.id for ex in pipeline.extract(docs, "2025-01-01")] == [str(n) for n in range(40)]


def test_long_text_is_parsed_in_parts_with_exact_offsets(pipeline):
    from accord.config import Settings
    from accord.nlp import Pipeline

    small = Pipeline(Settings(window_chars=2000))
    text = "\n\n".join(f"Paragraph {n} says the envoys met again. It was calm." for n in range(200))
    ex = small.extract_one(Document(id="long", text=text), "2025-01-01")
    assert ex.text == text
    assert any("parsed in" in w for w in ex.warnings)
    sents = [text[s.start : s.end] for s in ex.sentences]
    assert sents[0] == "Paragraph 0 says the envoys met again."
    assert sents[-1] == "It was calm."
    assert len(sents) == 400


def test_a_failing_extractor_is_reported_not_fatal(pipeline, monkeypatch):
    def broken(ex, doc):
        ex.actors.append("half-written")
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "extractors", [("actors", broken)])
    ex = pipeline.extract_one(Document(id="b", text="Envoys met."), "2025-01-01")
    assert ex.actors == []
    assert any("actors extractor failed" in w and "boom" in w for w in ex.warnings)


def test_every_document_gets_its_gdelt_style_tone(pipeline, contract_validator):
    text = "The talks were good, but the war killed many. We hope for peace."
    obj = json.loads(json.dumps(pipeline.extract_one(Document(id="t", text=text)).to_dict()))
    contract_validator.validate(obj)
    assert obj["tone"] == {
        "tone": 7.6923,  # 13 words: good, hope, peace; war, killed
        "positive": 23.0769,
        "negative": 15.3846,
        "polarity": 38.4615,
        "activity_density": None,
        "self_group_density": 7.6923,  # we
        "word_count": 13,
    }
