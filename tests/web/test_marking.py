"""Marking text for the pages: everything escaped, spans nested or overlapping always well nested, and
the text itself unchanged once the tags are taken out."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.web.marking import KINDS, Mark, document_marks, mark_text, sentence_marks


class Reader(HTMLParser):
    """The text a browser shows and whether the tags nest properly; fails on any tag but <mark>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.stack, self.marks = [], [], []

    def handle_starttag(self, tag, attrs):
        assert tag == "mark", tag
        self.stack.append(tag)
        self.marks.append(dict(attrs))

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag

    def handle_data(self, data):
        self.text.append(data)


def read(markup: str) -> Reader:
    reader = Reader()
    reader.feed(markup)
    reader.close()
    assert reader.stack == [], "unclosed <mark>"
    return reader


@pytest.mark.parametrize(
    "text, marks, expected",
    [
        # nothing to mark: just escaped
        ("a < b & c > d", [], "a &lt; b &amp; c &gt; d"),
        ("<script>alert(1)</script>", [], "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("say \"hi\" 'there'", [], "say &quot;hi&quot; &#x27;there&#x27;"),
        # one span, escaped inside too
        ("Xi <b>met</b> Trump", [Mark(0, 2, "actor")], '<mark class="actor">Xi</mark> &lt;b&gt;met&lt;/b&gt; Trump'),
        # nested: an actor inside a quotation
        (
            '"China will act," he said',
            [Mark(0, 17, "quote"), Mark(1, 6, "actor")],
            '<mark class="quote">&quot;<mark class="actor">China</mark> will act,&quot;</mark> he said',
        ),
        # the same span twice: the order of KINDS decides which is outside
        ("US", [Mark(0, 2, "place"), Mark(0, 2, "actor")], '<mark class="actor"><mark class="place">US</mark></mark>'),
        # crossing spans: the inner one is closed and reopened, so tags stay nested
        (
            "abcdef",
            [Mark(0, 4, "quote"), Mark(2, 6, "time")],
            '<mark class="quote">ab<mark class="time">cd</mark></mark><mark class="time">ef</mark>',
        ),
        # adjacent spans
        (
            "abcd",
            [Mark(0, 2, "actor"), Mark(2, 4, "trigger")],
            '<mark class="actor">ab</mark><mark class="trigger">cd</mark>',
        ),
        # spans that cannot be drawn are dropped: out of range, empty, reversed, unknown kind
        (
            "abc",
            [Mark(-1, 2, "actor"), Mark(1, 9, "actor"), Mark(1, 1, "actor"), Mark(2, 1, "actor"), Mark(0, 1, "script")],
            "abc",
        ),
        # labels, refs and classes: escaped, and only known classes are written
        (
            "Xi",
            [
                Mark(
                    0,
                    2,
                    "actor",
                    label='"><script>alert(1)</script>',
                    ref='a1" onclick="x',
                    extras=("source", "evil onclick=x"),
                )
            ],
            '<mark class="actor source" data-ref="a1&quot; onclick=&quot;x" '
            'title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">Xi</mark>',
        ),
    ],
)
def test_mark_text(text, marks, expected):
    out = mark_text(text, marks)
    assert str(out) == expected
    assert "".join(read(out).text) == text


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab<>&\"' \n", max_size=30).flatmap(
        lambda text: st.tuples(
            st.just(text),
            st.lists(
                st.tuples(st.integers(0, len(text)), st.integers(0, len(text)), st.sampled_from(KINDS)), max_size=8
            ),
        )
    )
)
def test_any_spans_give_well_nested_html_of_the_same_text(case):
    text, spans = case
    marks = [Mark(min(a, b), max(a, b), kind) for a, b, kind in spans]
    reader = read(mark_text(text, marks))
    assert "".join(reader.text) == text


def test_a_documents_marks_and_an_events_sentence():
    text = 'Wang Yi met Marco Rubio in Beijing on Tuesday.\n\n"We welcome it," Wang said. Rubio left.'
    extraction = {
        "text": text,
        "actors": [
            {
                "id": "a1",
                "name": "Wang Yi",
                "code": "CHNGOV",
                "mentions": [{"start": 0, "end": 7, "text": "Wang Yi"}, {"start": 65, "end": 69, "text": "Wang"}],
            },
            {
                "id": "a2",
                "name": "Marco Rubio",
                "country": "USA",
                "mentions": [
                    {"start": 12, "end": 23, "text": "Marco Rubio"},
                    {"start": 76, "end": 81, "text": "Rubio"},
                ],
            },
        ],
        "quotes": [
            {
                "id": "q1",
                "start": 48,
                "end": 64,
                "text": '"We welcome it,"',
                "kind": "direct",
                "speaker": {"actor": "a1", "start": 65, "end": 69, "text": "Wang"},
            }
        ],
        "events": [
            {
                "id": "e1",
                "cameo": "040",
                "status": "occurred",
                "quad_class": 1,
                "source": "a1",
                "target": "a2",
                "sentence": {"start": 0, "end": 48},
                "trigger": {"start": 8, "end": 11, "text": "met"},
            },
            {
                "id": "e2",
                "cameo": "010",
                "status": "occurred",
                "quad_class": 1,
                "source": "a1",
                "target": None,
                "sentence": {"start": 48, "end": 75},
                "trigger": {"start": 70, "end": 74, "text": "said"},
            },
            {
                "id": "e3",
                "cameo": "042",
                "status": "occurred",
                "quad_class": 1,
                "source": "a2",
                "target": None,
                "sentence": {"start": 0, "end": 48},
                "trigger": {"start": 24, "end": 26, "text": "in"},
            },
        ],
        "times": [{"id": "t1", "start": 38, "end": 45, "text": "Tuesday", "type": "DATE", "value": "2025-06-03"}],
        "places": [{"id": "p1", "start": 27, "end": 34, "text": "Beijing", "name": "Beijing", "country": "CHN"}],
    }
    marks = document_marks(extraction)
    assert sorted((m.kind, text[m.start : m.end]) for m in marks) == sorted(
        [
            ("actor", "Wang Yi"),
            ("actor", "Wang"),
            ("actor", "Marco Rubio"),
            ("actor", "Rubio"),
            ("quote", '"We welcome it,"'),
            ("trigger", "met"),
            ("trigger", "said"),
            ("trigger", "in"),
            ("time", "Tuesday"),
            ("place", "Beijing"),
        ]
    )
    page = str(mark_text(text, marks))
    assert '<mark class="quote direct" data-ref="q1" title="direct quotation: Wang Yi">' in page
    assert 'title="Wang Yi (CHNGOV)"' in page and 'title="Beijing (CHN)"' in page

    sentence, inside = sentence_marks(extraction, extraction["events"][0])
    assert sentence == "Wang Yi met Marco Rubio in Beijing on Tuesday."  # the paragraph break trimmed
    found = {(m.kind, sentence[m.start : m.end], m.extras) for m in inside}
    assert found == {
        ("actor", "Wang Yi", ("source",)),
        ("actor", "Marco Rubio", ("target",)),
        ("trigger", "met", ()),
        ("place", "Beijing", ()),
        ("time", "Tuesday", ()),
    }  # not e3's "in"
    second, inside = sentence_marks(extraction, extraction["events"][1])
    assert second.startswith('"We welcome it,"')
    assert {(m.kind, second[m.start : m.end]) for m in inside} == {
        ("actor", "Wang"),
        ("trigger", "said"),
    }  # only what lies inside the sentence


def test_escaping_matches_html_escape():
    text = "Tom & Jerry <i>\"quoted\"</i> 'single'"
    assert str(mark_text(text, [])) == html.escape(text)
