"""The evaluation floors (eval/baseline.json) hold: run on the shared dev sets when they are present."""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.model


def test_eval_figures_are_at_or_above_their_floors():
    sys.path.insert(0, str(ROOT / "eval"))
    import run as eval_run

    results = eval_run.evaluations()
    ran = {name: figures for name, figures in results.items() if "skipped" not in figures}
    if not ran:
        pytest.skip("no evaluation data: " + "; ".join(f["skipped"] for f in results.values()))
    floors = json.loads((ROOT / "eval" / "baseline.json").read_text())["floors"]
    assert eval_run.check(results, floors) == [], results
