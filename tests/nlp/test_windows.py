"""A long text is parsed in bounded windows and joined: what crosses a window (a quotation running over
a window's end, a person named in full in the first window and by surname in the third) comes out as
it does from the text parsed whole, at offsets into the original text."""

import dataclasses

import pytest

from accord.config import Settings
from accord.model import Document
from accord.nlp import Pipeline
from accord.nlp.chunks import split_for_parsing

FILL = "The delegations discussed trade, energy and climate over a long lunch near the lake."
QUOTE = (
    "\u201cWe have agreed to keep talking about every difficult question between our two countries, and we "
    "will meet again before the summer to continue that work. " + FILL + "\n\n"
    "\u201cNobody should doubt that both sides want this to succeed,\u201d Xi told reporters after the meeting."
)


def long_text() -> str:
    paras = ["WASHINGTON (Accord) - President Joe Biden met Chinese President Xi Jinping in Geneva on Monday."]
    paras += [FILL] * 7 + [QUOTE] + [FILL] * 12
    paras += ["Biden said the two governments would sign a trade agreement in April."]
    return "\n\n".join(paras)


@pytest.fixture(scope="module")
def windowed():
    return Pipeline(Settings(window_chars=1000, nlp_batch_size=16))


def facts(ex):
    """What a reader compares: actors with their mentions, quotations with speakers, events coded."""
    return (
        [(a.id, a.name, a.code, [(m.start, m.end, m.text) for m in a.mentions]) for a in ex.actors],
        [(q.start, q.end, q.kind, q.speaker and q.speaker.actor) for q in ex.quotes],
        [(e.cameo, e.source, e.target, e.status, e.date, e.trigger.start) for e in ex.events],
        [(t.start, t.end, t.value) for t in ex.times],
    )


def test_a_multi_window_text_gives_what_the_whole_text_gives(windowed, pipeline):
    text = long_text()
    windows = split_for_parsing(text, 1000)
    assert len(windows) >= 3
    cut = len(windows[0])
    quote_start = text.index("\u201cWe have")
    assert quote_start < cut <= text.index("\u201cNobody")  # the quotation runs over the first window's end

    ex = windowed.extract_one(Document(id="w", text=text), "2025-03-03")
    whole = pipeline.extract_one(Document(id="w", text=text), "2025-03-03")
    assert any("parsed in" in w and "windows" in w for w in ex.warnings)
    assert facts(ex) == facts(whole)

    quote = next(q for q in ex.quotes if q.start == quote_start)
    assert quote.start < cut < quote.end and "\n\n" in quote.text  # kept whole, not cut at the window
    xi = next(a for a in ex.actors if a.name == "Xi Jinping")
    assert quote.speaker is not None and quote.speaker.actor == xi.id

    biden = next(a for a in ex.actors if a.name == "Joe Biden")
    last_window = len(text) - len(windows[-1])
    assert [m.text for m in biden.mentions if m.start >= last_window] == ["Biden"]  # the same actor in window 3


def test_offsets_index_the_original_text(windowed):
    text = long_text()
    ex = windowed.extract_one(Document(id="w", text=text), "2025-03-03")
    assert ex.text == text
    spans = [(m.start, m.end, m.text) for a in ex.actors for m in a.mentions]
    spans += [(q.start, q.end, q.text) for q in ex.quotes]
    spans += [(t.start, t.end, t.text) for t in ex.times]
    spans += [(e.trigger.start, e.trigger.end, e.trigger.text) for e in ex.events]
    assert spans and all(text[start:end] == words for start, end, words in spans)
    assert text[ex.sentences[-1].start : ex.sentences[-1].end].startswith("Biden said")


def test_a_short_text_is_parsed_as_before(windowed):
    ex = windowed.extract_one(Document(id="s", text="Biden met Xi in Geneva."), "2025-03-03")
    assert not any("windows" in w for w in ex.warnings)


def test_windows_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("ACCORD_WINDOW_CHARS", "20000")
    monkeypatch.setenv("ACCORD_DOC_SECONDS", "2.5")
    monkeypatch.setenv("ACCORD_DOC_MB", "700")
    settings = Settings()
    assert (settings.window_chars, settings.doc_seconds, settings.doc_mb) == (20000, 2.5, 700)
    assert dataclasses.replace(settings, doc_mb=0).doc_mb == 0


def test_the_joined_parse_reads_as_the_original_text(windowed):
    """The extractors are given the document's own text for the joined parse (lookups.remember_text),
    which holds only if the joined windows reproduce it character for character."""
    from spacy.tokens import Doc

    text = long_text() + "\n\n  trailing spaces and\ttabs  \n"
    windows = [windowed.parse_window(w) for w in split_for_parsing(text, 1000)]
    assert len(windows) >= 3
    assert Doc.from_docs(windows, ensure_whitespace=False).text == text
