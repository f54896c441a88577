"""Event coding on the PLOVER gold sentences, scored by the shared ../shared/eval/tools/plover_score.py:
type recall, type precision and dyad match (one gold event per sentence).

The scored events are the PLOVER coding, what `accord export events --format plover` emits: events of the
CAMEO categories PLOVER drops (01 statements, 02 appeals) have no PLOVER type and are left out.
`type_precision_all_cameo` is the precision with them counted, for comparison.

accord codes PLOVER's current type names; the gold sentences use draft ones. Each predicted event is given
its gold-set name through one table, plover_gold_names.tsv (ACCUSE of CAMEO 11 is DISAPPROVE there, …),
before the shared scorer sees it; nothing else about the predictions changes.

    python eval/plover_events.py [DEV.jsonl]
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

import shared_scorer
from halves import half_files
from predict import predict

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
DEFAULT = SHARED / "plover" / "dev.jsonl"
SCORER = SHARED / "tools" / "plover_score.py"
GOLD_NAMES = Path(__file__).with_name("plover_gold_names.tsv")


@cache
def gold_names() -> dict[tuple[str, str], str]:
    """(current PLOVER type, CAMEO root) -> the gold set's draft name, from plover_gold_names.tsv."""
    from accord.kb.tables import read_table

    table = read_table(GOLD_NAMES)
    assert table is not None, f"{GOLD_NAMES} has no rows"
    return {(r.fields["plover"], r.fields["cameo_root"]): r.fields["gold"] for r in table.rows()}


def as_gold(event: dict) -> dict:
    """A predicted event with its PLOVER type under the gold set's name (unchanged when the names agree)."""
    names = gold_names()
    return {**event, "plover": names.get((event["plover"], event["cameo_root"]), event["plover"])}


def run(dev: Path = DEFAULT, predictions: list[dict] | None = None) -> dict[str, dict]:
    """Figures on the whole set and on each half: {"all": …, "build": …, "check": …}."""
    predictions = predictions if predictions is not None else predict(dev)
    out = {"all": _score(dev, predictions)}
    with half_files(dev) as halves:
        for half, gold in halves.items():
            out[half] = _score(gold, predictions)
    return out


def _score(gold: Path, predictions: list[dict]) -> dict:
    named = [{**p, "events": [as_gold(e) for e in p["events"]]} for p in predictions]
    plover = [{**p, "events": [e for e in p["events"] if e["plover"]]} for p in named]
    figures = shared_scorer.score(SCORER, gold, plover, ("actors", "events"))
    every = shared_scorer.score(SCORER, gold, named, ("actors", "events"))
    keys = ("sentences", "type_recall", "type_precision", "dyad_match", "events_per_sentence")
    return {**{k: figures[k] for k in keys}, "type_precision_all_cameo": every["type_precision"]}


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.exists() or not SCORER.exists():
        sys.exit(f"skipped: {path} or {SCORER} is absent")
    print(json.dumps(run(path), indent=2))
