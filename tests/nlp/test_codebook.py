"""The project's CAMEO/PLOVER codebook (kb/cameo.tsv) against the reference files in ../shared, and
the trigger lexicon against the codebook."""

import re

import pytest

from accord.kb import KnowledgeBase, load_kb
from accord.schema import contract_schema

from ..conftest import SHARED

REFERENCE = SHARED / "reference"
# The 16 PLOVER types of the manual (2.0, chapter 3) and POLECAT, by quad category (the manual's sections N.4).
PLOVER_TYPES = {
    "VERBAL COOPERATION": {"AGREE", "CONSULT", "SUPPORT", "CONCEDE"},
    "MATERIAL COOPERATION": {"COOPERATE", "AID", "RETREAT"},
    "VERBAL CONFLICT": {"REQUEST", "ACCUSE", "REJECT", "THREATEN"},
    "MATERIAL CONFLICT": {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"},
}
# Where the PLOVER manual (3.13.3) overrides the draft table: international sanctions are SANCTION 'discontinue'.
MANUAL = {"163": ("SANCTION", "discontinue")}


def _reference(name: str):
    path = REFERENCE / name
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is not beside the checkout)")
    return path.read_text(encoding="utf-8", errors="replace")


def test_every_cameo_code_with_its_goldstein_value():
    kb = load_kb()
    codes = [line.split("\t")[0] for line in _reference("cameo/CAMEO.eventcodes.txt").splitlines()[1:] if line.strip()]
    scale = dict(
        line.split("\t")[:2] for line in _reference("cameo/CAMEO.goldsteinscale.txt").splitlines()[1:] if line.strip()
    )
    assert set(kb.cameo) == set(codes)
    for code in codes:
        entry = kb.cameo[code]
        assert entry.goldstein == pytest.approx(float(scale[code])), code
        assert entry.root == code[:2]
        assert entry.quad_class == (
            1 if entry.root <= "05" else 2 if entry.root <= "08" else 3 if entry.root <= "13" else 4
        )
        assert entry.name and entry.name.isascii()


def test_plover_types_follow_the_conversion_table():
    kb = load_kb()
    for line in _reference("plover/CAMEO2PLOVER-2021.txt").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,\s*([^,#]*)", line)
        if not m or m.group(1) not in kb.cameo:
            continue
        code, expected, mode = m.group(1), m.group(2), m.group(3).strip() or None
        if code in MANUAL:
            expected, mode = MANUAL[code]
        assert kb.cameo[code].plover == expected, (code, kb.cameo[code].plover, expected)
        assert kb.cameo[code].plover_mode == mode, (code, kb.cameo[code].plover_mode, mode)


def test_plover_types_are_the_current_sixteen_with_their_quad_categories():
    """Deliberately changed (issue 16): the codebook used the draft names DEMAND, DISAPPROVE, INVESTIGATE and
    FIGHT; PLOVER since 2021 and POLECAT have REQUEST, ACCUSE and ASSAULT."""
    kb = load_kb()
    assert kb.plover_types == {t: quad for quad, types in PLOVER_TYPES.items() for t in types}
    used = {entry.plover for entry in kb.cameo.values() if entry.plover}
    assert used == set(kb.plover_types)
    assert not used & {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT", "CRIME"}
    roots = {root: {e.plover for e in kb.cameo.values() if e.root == root} for root in ("09", "10", "11", "19", "20")}
    assert roots["09"] == roots["11"] == {"ACCUSE"} and roots["10"] == {"REQUEST"}
    assert "ASSAULT" in roots["19"] and roots["20"] == {"ASSAULT"}
    assert {e.plover for e in kb.cameo.values() if e.root in ("01", "02")} == {None}  # PLOVER drops them
    contract = contract_schema()["$defs"]["event"]["properties"]["plover"]["enum"]
    assert set(contract) == set(kb.plover_types) | {None}


def test_plover_files_refuse_an_unknown_quad_category_or_kind(tmp_path):
    from accord.errors import UsageError
    from accord.kb import KnowledgeBase

    kb = KnowledgeBase()
    with pytest.raises(UsageError, match="data line 2: quad_category"):
        kb.add_file(tmp_path / "t.tsv", "type\tquad_category\nFIGHT\tMATERIAL\n")
    with pytest.raises(UsageError, match="data line 2: kind"):
        kb.add_file(tmp_path / "a.tsv", "kind\taccord\tplover\nagent\tMED\tJRN\n")


def test_triggers_name_real_codes_and_never_plain_statements():
    kb = load_kb()
    rows = [row for rows in kb.triggers.values() for row in rows]
    assert len(rows) > 300
    assert all(row.cameo in kb.cameo or row.cameo == "-" for row in rows)  # "-": a use that is not an event
    assert not any(row.cameo == "010" for row in rows)
    assert {row.cameo[:2] for row in rows if row.cameo != "-"} == {f"{n:02d}" for n in range(1, 21)}


def test_frames_name_real_codes_of_the_frames_root():
    kb = load_kb()
    roots = {
        "intent": {"03", "13"},
        "threaten": {"13"},
        "refuse": {"12"},
        "demand": {"10"},
        "appeal": {"02"},
        "attempt": {"18"},
    }
    assert set(kb.frames) == set(roots)
    for frame, rows in kb.frames.items():
        for inner, code in rows.items():
            assert inner in kb.cameo and code in kb.cameo, (frame, inner, code)
            assert code[:2] in roots[frame], (frame, inner, code)


def test_framed_takes_the_longest_matching_prefix():
    kb = load_kb()
    assert kb.framed("intent", "085") == "0354"
    assert kb.framed("intent", "1723") == "1323"
    assert kb.framed("intent", "173") == "137"
    assert kb.framed("demand", "0871") == "107"
    assert kb.framed("demand", "0873") == "1056"
    assert kb.framed("intent", "010") is None


def test_topic_rows_refine_a_parent_to_one_of_its_children():
    """kb/topics.tsv: every row's child is a real code one digit below its real parent, and the protest
    families (141-145) each have the four kinds of change CAMEO names."""
    kb = load_kb()
    assert set(kb.topics) == {"112", "141", "142", "143", "144", "145"}
    for parent, rows in kb.topics.items():
        assert parent in kb.cameo, parent
        for word, child in rows.items():
            assert word == word.lower() and word.strip() == word, (parent, word)
            assert child in kb.cameo and child[:-1] == parent, (parent, word, child)
    for parent in ("141", "142", "143", "144", "145"):
        assert set(kb.topics[parent].values()) == {parent + d for d in "1234"}, parent
    assert set(kb.topics["112"].values()) == {f"112{d}" for d in "12345"}


def test_a_user_file_adds_topic_rows():
    kb = KnowledgeBase()
    kb.add_file("mine.tsv", "parent\ttopic\tcameo\n112\tvote buying|Ballot Stuffing\t1121\n")
    assert kb.topics["112"] == {"vote buying": "1121", "ballot stuffing": "1121"}


# Codes below a root that no row of the knowledge base can give, each with the reason. Two-digit roots are
# never an event's code (their "0" code, 060 or 160, is), so they are not listed.
UNREACHED = {
    "083": "giving in to reform demands, not specified: every trigger of it names which change (0831-0833)",
    "0834": "giving in on institutional change ('agreed to hold early elections') has no trigger yet",
}


def test_every_code_below_a_root_is_reachable_from_some_row():
    """Every CAMEO code of three or four digits is the code of some trigger, phrase, frame, topic or
    convention row, so the coder can produce it, or is one of UNREACHED with its reason."""
    kb = load_kb()
    reached = {row.cameo for rows in kb.triggers.values() for row in rows}
    reached |= {value for values in kb.phrases.values() for value in values.values()}
    reached |= {code for rows in kb.frames.values() for code in rows.values()}
    reached |= {code for rows in kb.topics.values() for code in rows.values()}
    reached |= {code for values in kb.conventions.values() for code in values}
    below_roots = {code for code in kb.cameo if len(code) > 2}
    assert below_roots - reached == set(UNREACHED)
