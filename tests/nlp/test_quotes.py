"""Quote extraction as a table of (text, expected quotes). An expected quote is (words inside it, kind,
speaker words or None, speaker's actor name or None): some quote must contain the words, be of that
kind, and carry that speaker."""

import pytest

from accord.model import Document

pytestmark = pytest.mark.model

DATE = "2025-10-27"

CASES = [
    # --- direct quotations: speaker after, before, inside; straight, curly and mixed marks ---------
    ('"We will not back down," Wang said.', [("We will not back down", "direct", "Wang", None)]),
    ("“We will not back down,” Wang said.", [("We will not back down", "direct", "Wang", None)]),
    ('“We will not back down," said Wang Yi.', [("We will not back down", "direct", "Wang Yi", "Wang Yi")]),
    (
        'Rubio said: "The talks were productive and we expect more."',
        [("The talks were productive", "direct", "Rubio", "Marco Rubio")],
    ),
    (
        '"The first round went well," Rubio said, "and the second will be better."',
        [("The first round went well", "direct", "Rubio", "Marco Rubio")],
    ),
    (
        '"This deal is good for both countries," Chinese Foreign Minister Wang Yi told reporters.',
        [("This deal is good", "direct", "Chinese Foreign Minister Wang Yi", "Wang Yi")],
    ),
    ('"We are ready," the spokesman said on Tuesday.', [("We are ready", "direct", "the spokesman", None)]),
    ('"Is this the end of the war?" asked the reporter.', [("Is this the end", "direct", "the reporter", None)]),
    ('"No comment," he said.', [("No comment", "partial", "he", None)]),
    (
        "“We have reached an agreement on the main points,” Prime Minister Anwar Ibrahim said.",
        [("We have reached an agreement", "direct", "Prime Minister Anwar Ibrahim", "Anwar Ibrahim")],
    ),
    (
        "President Donald Trump wrote on social media: “The meeting with Xi was amazing.”",
        [("The meeting with Xi was amazing", "direct", "President Donald Trump", "Donald Trump")],
    ),
    (
        "“It is a great day for peace,” the Kremlin said in a statement.",
        [("It is a great day for peace", "direct", "the Kremlin", "Kremlin")],
    ),
    (
        "“The talks will continue next week,” according to a statement from the White House.",
        [("The talks will continue", "direct", "a statement from the White House", None)],
    ),
    ("“We expect results,” she said. “Nothing less will do.”", [("We expect results", "direct", "she", None)]),
    # --- quotations over several sentences and paragraphs ----------------------------------------
    (
        "“The first point is trade. The second point is security,” the minister said.",
        [("The first point is trade. The second point is security", "direct", "the minister", None)],
    ),
    (
        "Rubio spoke at length.\n\n“We came here to talk about trade. We did that.\n\n“We also talked about "
        "security,” Rubio said.",
        [("We came here to talk about trade", "direct", "Rubio", "Marco Rubio")],
    ),
    # --- quotations inside a larger sentence: partial -----------------------------------------------
    (
        "Wang described relations as “the most important in the world.”",
        [("the most important in the world", "partial", "Wang", None)],
    ),
    ("Rubio called the deal “historic” on Monday.", [("historic", "partial", "Rubio", "Marco Rubio")]),
    (
        "The ties have become the “most valuable strategic asset” of both countries, Wang Yi said.",
        [("most valuable strategic asset", "partial", "Wang Yi", "Wang Yi")],
    ),
    (
        "Washington said the two sides had reached a “very substantial framework,” while Beijing described "
        "the outcome as a “preliminary consensus” toward cooperation.",
        [
            ("very substantial framework", "partial", "Washington", "Washington"),
            ("preliminary consensus", "partial", "Beijing", "Beijing"),
        ],
    ),
    (
        'Rubio expressed optimism that the talks would send a "positive signal to the world."',
        [("positive signal to the world", "partial", "Rubio", "Marco Rubio")],
    ),
    ("Trump said Xi was “a very tough negotiator.”", [("a very tough negotiator", "partial", "Trump", "Donald Trump")]),
    (
        "The minister warned of “serious consequences” if the border stayed closed.",
        [("serious consequences", "partial", "The minister", None)],
    ),
    # --- scare quotes are not quotations ------------------------------------------------------------
    ("The so-called “peace plan” was published on Friday.", []),
    ("The so-called “reset” failed within a year.", []),
    # --- unbalanced marks are repaired locally --------------------------------------------------------
    ('Wang said "we will work together. The talks ended on Friday.', [("we will work together", None, "Wang", None)]),
    (
        "“We are not leaving,” the mayor said. Then “the crowd cheered.\n\nOfficials left.",
        [("We are not leaving", "direct", "the mayor", None)],
    ),
    # --- indirect speech --------------------------------------------------------------------------------
    (
        "Wang noted that both sides had clarified their positions.",
        [("that both sides had clarified their positions", "indirect", "Wang", None)],
    ),
    (
        "Rubio said the two sides had reached a framework.",
        [("the two sides had reached a framework", "indirect", "Rubio", "Marco Rubio")],
    ),
    (
        "Washington said the two sides had reached a framework.",
        [("the two sides had reached a framework", "indirect", "Washington", "Washington")],
    ),
    (
        "He underlined that a stable partnership serves both countries.",
        [("that a stable partnership serves both countries", "indirect", "He", None)],
    ),
    (
        "According to a statement issued by China's Foreign Ministry, Wang emphasized that both nations should "
        "work together.",
        [("that both nations should work together", "indirect", "Wang", None)],
    ),
    (
        "The talks were constructive, according to the Foreign Ministry.",
        [("The talks were constructive", "indirect", "the Foreign Ministry", None)],
    ),
    (
        "Kenyan officials told reporters that the border would reopen on Monday.",
        [("that the border would reopen on Monday", "indirect", "Kenyan officials", None)],
    ),
    (
        "The ministry announced that the ambassador had been recalled.",
        [("that the ambassador had been recalled", "indirect", "The ministry", None)],
    ),
    (
        "Officials insisted that the vote would go ahead.",
        [("that the vote would go ahead", "indirect", "Officials", None)],
    ),
    (
        "The president warned that sanctions would follow.",
        [("that sanctions would follow", "indirect", "The president", None)],
    ),
    (
        "The envoy added that more talks were planned.",
        [("that more talks were planned", "indirect", "The envoy", None)],
    ),
    (
        "Secret Service protocol called for a trauma centre, sources said.",
        [("Secret Service protocol called for a trauma centre", "indirect", "sources", None)],
    ),
    (
        "Beijing described the outcome as a preliminary consensus.",
        [("the outcome as a preliminary consensus", "indirect", "Beijing", "Beijing")],
    ),
    (
        "Pakistan's foreign minister said the ceasefire was holding.",
        [("the ceasefire was holding", "indirect", "Pakistan's foreign minister", None)],
    ),
    (
        "The Israeli military stated that the strikes had ended.",
        [("that the strikes had ended", "indirect", "The Israeli military", None)],
    ),
    # --- speakers resolved through coreference ------------------------------------------------------
    (
        "US Secretary of State Marco Rubio met Wang Yi. He said the meeting was useful.",
        [("the meeting was useful", "indirect", "He", "Marco Rubio")],
    ),
    (
        "Chinese Foreign Minister Wang Yi spoke on Monday. “Both sides gained,” Wang said.",
        [("Both sides gained", "direct", "Wang", "Wang Yi")],
    ),
    (
        "Chinese Foreign Minister Wang Yi spoke on Monday. “Both sides gained a lot,” he said.",
        [("Both sides gained a lot", "direct", "he", "Wang Yi")],
    ),
    # --- continuation of the previous speaker --------------------------------------------------------
    (
        "“We have agreed on the schedule,” the envoy said.\n\n“The next round starts in May.”",
        [("We have agreed on the schedule", "direct", "the envoy", None)],
    ),
    (
        "“We have agreed on the schedule.”\n\n“The next round starts in May,” the envoy said.",
        [("The next round starts in May", "direct", "the envoy", None)],
    ),
    # --- no quotation at all -------------------------------------------------------------------------
    ("The two delegations met in Geneva on Monday.", []),
    ("Prices rose by 3 percent in October.", []),
    # --- a cue that is not a reporting verb ------------------------------------------------------------
    ("“This is a big win for us,” Sanders tweeted.", [("This is a big win for us", "direct", "Sanders", None)]),
    (
        "“Congratulations to all,” the ambassador posted on X.",
        [("Congratulations to all", None, "the ambassador", None)],
    ),
    ("“We need a deal,” the farmer explained.", [("We need a deal", "direct", "the farmer", None)]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[f"{n:02d}-{c[0][:40]}" for n, c in enumerate(CASES)])
def test_quote_cases(pipeline, text, expected):
    ex = pipeline.extract_one(Document(id="case", text=text, published=DATE))
    actors = {a.id: a.name for a in ex.actors}
    found = [
        (q.text, q.kind, q.speaker.text if q.speaker else None, actors.get(q.speaker.actor) if q.speaker else None)
        for q in ex.quotes
    ]
    if not expected:
        assert found == [], found
    for words, kind, speaker, actor in expected:
        hits = [
            f
            for f in found
            if words in f[0] and (kind is None or f[1] == kind) and f[2] == speaker and (actor is None or f[3] == actor)
        ]
        assert hits, f"expected {words!r} ({kind}) by {speaker!r}/{actor}; found {found}"
    for q in ex.quotes:
        assert ex.text[q.start : q.end] == q.text
        for part in (q.speaker, q.cue):
            if part is not None:
                assert ex.text[part.start : part.end] == part.text


def test_at_least_fifty_cases():
    assert len(CASES) >= 50


def test_unbalanced_mark_is_repaired_with_a_warning(pipeline):
    ex = pipeline.extract_one(
        Document(id="u", text='Wang said "we will work together. The talks ended.', published=DATE)
    )
    assert any("unbalanced quotation mark" in w for w in ex.warnings)
    assert ex.quotes


def test_seed_quotes(pipeline, seed_path):
    from accord.readers import read_inputs

    (doc,) = list(read_inputs([str(seed_path)], 10**7))
    ex = pipeline.extract_one(doc)
    names = {a.id: a.name for a in ex.actors}
    by_words = {}
    for q in ex.quotes:
        by_words.setdefault(q.kind, []).append((q.text, names.get(q.speaker.actor) if q.speaker else None))
    quoted = by_words.get("direct", []) + by_words.get("partial", [])
    expected = {
        "most valuable strategic asset": "Wang Yi",
        "work in the same direction": "Wang Yi",
        "President Xi Jinping and President Donald Trump are both": "Wang Yi",
        "clarified their positions": "Wang Yi",
        "the most important bilateral relationship": "Marco Rubio",
        "positive signal to the global community": "Marco Rubio",
        "very substantial framework": "Washington",
        "preliminary consensus": "Beijing",
    }
    for words, speaker in expected.items():
        assert any(words in t and s == speaker for t, s in quoted), (words, speaker, quoted)
    assert len(quoted) == 8
    indirect = by_words.get("indirect", [])
    for words, speaker in {
        "both nations should": "Wang Yi",
        "a stable, healthy, and sustainable": "Wang Yi",
        "despite recent challenges": "Wang Yi",
        "the two sides had reached": "Washington",
        "the outcome as a": "Beijing",
    }.items():
        assert any(words in t and s == speaker for t, s in indirect), (words, speaker, indirect)
