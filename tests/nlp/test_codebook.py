"""The project's CAMEO/PLOVER codebook (kb/cameo.tsv) against the reference files in ../shared, and
the trigger lexicon against the codebook."""

import re

import pytest

from accord.kb import load_kb

from ..conftest import SHARED

REFERENCE = SHARED / "reference"
# PLOVER type names: the current ontology's where the 2021 conversion table keeps draft names.
RENAMED = {
    ("09", "ACCUSE"): "INVESTIGATE",
    ("10", "REQUEST"): "DEMAND",
    ("11", "ACCUSE"): "DISAPPROVE",
    ("19", "ASSAULT"): "FIGHT",
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
        code, kind, mode = m.group(1), m.group(2), m.group(3).strip() or None
        expected = RENAMED.get((code[:2], kind), kind)
        if code in MANUAL:
            expected, mode = MANUAL[code]
        assert kb.cameo[code].plover == expected, (code, kb.cameo[code].plover, expected)
        assert kb.cameo[code].plover_mode == mode, (code, kb.cameo[code].plover_mode, mode)


def test_triggers_name_real_codes_and_never_plain_statements():
    kb = load_kb()
    rows = [row for rows in kb.triggers.values() for row in rows]
    assert len(rows) > 300
    assert all(row.cameo in kb.cameo or row.cameo == "-" for row in rows)  # "-": a use that is not an event
    assert not any(row.cameo == "010" for row in rows)
    assert {row.cameo[:2] for row in rows if row.cameo != "-"} == {f"{n:02d}" for n in range(1, 21)}


def test_frames_name_real_codes_of_the_frames_root():
    kb = load_kb()
    roots = {"intent": {"03", "13"}, "threaten": {"13"}, "refuse": {"12"}, "demand": {"10"}, "appeal": {"02"}}
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
