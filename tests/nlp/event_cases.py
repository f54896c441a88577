"""The check behind the event tables (test_events.py, test_event_lexicon.py): an expected event is (CAMEO
code prefix, source actor name or None, target actor name or None, status or None); an empty list means
no event may be coded."""

from accord.model import Document

D = "2025-10-27"


def check_events(pipeline, text: str, expected: list[tuple]) -> None:
    ex = pipeline.extract_one(Document(id="case", text=text, published=D))
    names = {a.id: a.name for a in ex.actors}
    found = [(e.cameo, names.get(e.source), names.get(e.target), e.status) for e in ex.events]
    if not expected:
        assert found == [], found
    for prefix, source, target, status in expected:
        hits = [
            f
            for f in found
            if f[0].startswith(prefix)
            and (source is None or f[1] == source)
            and (target is None or f[2] == target)
            and (status is None or f[3] == status)
        ]
        assert hits, f"expected {prefix} {source} -> {target} ({status}); found {found}"
    for e in ex.events:
        assert ex.text[e.trigger.start : e.trigger.end] == e.trigger.text
        assert e.sentence.start <= e.trigger.start < e.sentence.end
