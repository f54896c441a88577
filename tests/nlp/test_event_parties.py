"""One party, one participant (nlp/events/parties.py), on hand-built parses, so that each construction is
tested whatever the statistical parser does with a given sentence: an apposition the parser attached as a
second object, a place inside a role's phrase, a capital beside another target of its country."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from accord.kb import load_kb
from accord.model import Actor, Document, Extraction, Mention
from accord.nlp.events.candidates import Participants
from accord.nlp.events.index import DocIndex
from accord.nlp.events.knowledge import EventKnowledge
from accord.nlp.events.parties import one_per_party

VOCAB = spacy.blank("en").vocab  # with the English lexical attributes (lower-case forms)

# (word, head, dep, pos); heads are token indices
RECEIVED = [
    ("The", 2, "det", "DET"),
    ("Kuwaiti", 2, "amod", "ADJ"),
    ("Emir", 3, "nsubj", "PROPN"),
    ("received", 3, "ROOT", "VERB"),
    ("the", 6, "det", "DET"),
    ("Omani", 6, "amod", "ADJ"),
    ("Ambassador", 3, "dobj", "PROPN"),
    ("to", 3, "prep", "ADP"),  # the parser hangs the role's phrase on the verb ...
    ("Kuwait", 7, "pobj", "PROPN"),
    (",", 3, "punct", "PUNCT"),
    ("Salim", 11, "compound", "PROPN"),
    ("Harthi", 3, "dobj", "PROPN"),  # ... and the name in apposition as a second object
    (".", 3, "punct", "PUNCT"),
]

VISITED = [
    ("Abe", 1, "nsubj", "PROPN"),
    ("visited", 1, "ROOT", "VERB"),
    ("Washington", 1, "dobj", "PROPN"),
    ("and", 2, "cc", "CCONJ"),
    ("the", 5, "det", "DET"),
    ("Pentagon", 2, "conj", "PROPN"),
    (".", 1, "punct", "PUNCT"),
]

MET = [
    ("Putin", 4, "nsubj", "PROPN"),
    (",", 0, "punct", "PUNCT"),
    ("Xi", 0, "conj", "PROPN"),
    ("and", 2, "cc", "CCONJ"),
    ("met", 4, "ROOT", "VERB"),
    ("Lula", 4, "dobj", "PROPN"),
    (".", 4, "punct", "PUNCT"),
]

STRUCK = [
    ("Syrian", 1, "amod", "ADJ"),
    ("forces", 2, "nsubj", "NOUN"),
    ("struck", 2, "ROOT", "VERB"),
    ("Damascus", 2, "dobj", "PROPN"),
    (".", 2, "punct", "PUNCT"),
]


def _index(rows, actors: list[tuple[str, str, str | None, str | None, str | None, tuple[int, int]]]) -> DocIndex:
    """A DocIndex over a hand-built parse; an actor is (id, kind, country, role, kb_id, (first, last token))."""
    words = [w for w, *_ in rows]
    doc = Doc(
        VOCAB,
        words=words,
        heads=[h for _, h, _, _ in rows],
        deps=[d for _, _, d, _ in rows],
        pos=[p for *_, p in rows],
    )
    ex = Extraction.from_document(Document(id="t", text=doc.text))
    for actor_id, kind, country, role, kb_id, (first, last) in actors:
        span = doc[first : last + 1]
        name = f"{role} of {country}" if role and not kb_id else span.text
        mention = Mention(span.start_char, span.end_char, span.text)
        ex.actors.append(Actor(actor_id, name, kind, country=country, role=role, kb_id=kb_id, mentions=[mention]))
    return DocIndex.build(ex, doc)


CASES = [
    (
        "apposed-name-and-role-phrase",  # one ambassador, named by role and by name; Kuwait is his role's
        RECEIVED,
        [
            ("a1", "person", "KWT", "Emir", None, (1, 2)),
            ("a2", "person", "OMN", "Ambassador", None, (5, 6)),
            ("a3", "country", "KWT", None, "country:KWT", (8, 8)),
            ("a4", "person", None, None, None, (10, 11)),
        ],
        Participants(["a1"], ["a2", "a3", "a4"]),
        Participants(["a1"], ["a2"]),
    ),
    (
        "capital-beside-its-state",  # one visit to the United States
        VISITED,
        [
            ("a1", "person", "JPN", None, "person:abe", (0, 0)),
            ("a2", "country", "USA", None, "country:USA:government", (2, 2)),
            ("a3", "organization", "USA", None, "body:pentagon", (5, 5)),
        ],
        Participants(["a1"], ["a2", "a3"]),
        Participants(["a1"], ["a3"]),
    ),
    (
        "named-people-in-a-list",  # three people, none named by a title alone: no apposition
        MET,
        [
            ("a1", "person", "RUS", None, "person:putin", (0, 0)),
            ("a2", "person", "CHN", None, "person:xi", (2, 2)),
            ("a3", "person", "BRA", None, "person:lula", (5, 5)),
        ],
        Participants(["a1", "a2"], ["a3"]),
        Participants(["a1", "a2"], ["a3"]),
    ),
    (
        "place-of-the-sources-own-country",  # a target of the source's country stays
        STRUCK,
        [
            ("a1", "group", "SYR", None, None, (0, 1)),
            ("a2", "country", "SYR", None, "country:SYR:government", (3, 3)),
        ],
        Participants(["a1"], ["a2"]),
        Participants(["a1"], ["a2"]),
    ),
]


@pytest.mark.parametrize("rows,actors,people,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_one_participant_per_party(rows, actors, people, expected):
    index = _index(rows, actors)
    trigger = next(t for t in index.doc if t.dep_ == "ROOT")
    assert one_per_party(EventKnowledge.of(load_kb()), index, trigger, people) == expected
