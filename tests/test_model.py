"""The contract object's conversion to plain data: `plain` must give exactly what `dataclasses.asdict`
gives (same values, same key order at every level), only faster."""

import json
from dataclasses import asdict

import pytest

from accord.model import (
    Actor,
    Dateline,
    Event,
    Extraction,
    Mention,
    Place,
    Quote,
    SentenceRef,
    Span,
    Speaker,
    TimeExpr,
    Tone,
    plain,
)
from accord.readers import read_inputs

from .conftest import FIXTURES


def _full_extraction() -> Extraction:
    """An extraction with every kind of nested value the contract has, optional ones filled and empty."""
    sentence = SentenceRef(0, 40)
    return Extraction(
        id="d1",
        text="Wang Yi spoke with Rubio on Friday in Beijing.",
        title="Call",
        sources=["Reuters", "AP"],
        categories=[],
        dateline=Dateline(place="BEIJING", date="2026-12-04"),
        warnings=["a warning"],
        language_confidence=0.99,
        anchor_date="2026-12-04",
        sentences=[sentence],
        actors=[
            Actor("a1", "Wang Yi", "person", "CHN", "GOV", "minister", "CHNGOV", "kb:1", [Mention(0, 7, "Wang Yi")]),
            Actor("a2", "Rubio", "person"),
        ],
        quotes=[
            Quote("q1", 0, 10, "we agree", "direct", Speaker("a1", 0, 7, "Wang Yi"), Span(8, 12, "said")),
            Quote("q2", 20, 30, "fine", "partial"),
        ],
        events=[
            Event(
                "e1",
                "040",
                "04",
                1.0,
                1,
                "CONSULT",
                None,
                "a1",
                "a2",
                "occurred",
                "2026-12-04",
                None,
                "text",
                "day",
                "p1",
                sentence,
                Span(8, 13, "spoke"),
                None,
                "speak_with+mutual",
                0.8,
            )
        ],
        times=[TimeExpr("t1", 28, 34, "Friday", "DATE", "2026-12-04", ["2026-12-04", "2026-12-04"])],
        places=[Place("p1", 38, 45, "Beijing", "Beijing", "CHN", "city", 39.9, 116.4, 1816670)],
        tone=Tone(1.0, 2.0, 1.0, 3.0, None, 0.0, 9),
    )


@pytest.mark.parametrize(
    "value",
    [
        _full_extraction(),
        Extraction(id="empty", text=""),
        SentenceRef(1, 2),
        [Span(0, 1, "a"), Span(1, 2, "b")],
        {"key": [Mention(0, 1, "x")]},
        "text",
        None,
        3.5,
    ],
    ids=["full", "empty", "dataclass", "list", "dict", "str", "none", "float"],
)
def test_plain_is_asdict(value):
    expected = (
        asdict(value) if hasattr(value, "__dataclass_fields__") else json.loads(json.dumps(value, default=asdict))
    )
    got = plain(value)
    assert got == expected
    assert json.dumps(got) == json.dumps(expected)  # key order too, at every level


def test_plain_copies_containers():
    extraction = _full_extraction()
    out = plain(extraction)
    out["sources"].append("changed")
    out["actors"][0]["mentions"].clear()
    assert extraction.sources == ["Reuters", "AP"]
    assert len(extraction.actors[0].mentions) == 1


def test_real_extractions_convert_as_asdict(pipeline):
    documents = [d for d in read_inputs([str(FIXTURES)], 5_000_000) if hasattr(d, "text")][:6]
    assert documents, "the fixtures folder has documents"
    for extraction in pipeline.results(iter(documents)):
        assert json.dumps(plain(extraction)) == json.dumps(asdict(extraction))
