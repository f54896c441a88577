"""Event coding on CAMEO-coded news, scored by the shared ../shared/eval/tools/event_score.py on each half:

- `cameo_classes`: ConfliBERT's news sentences in five CAMEO classes (../shared/eval/events/conflibert_cameo),
  523 of them with gold source/target spans;
- `conflict_news`: CASE 2021 conflict-news snippets with ACLED-style labels mapped to CAMEO roots, some with
  no political event at all (../shared/eval/events/case2021).

Figures: root precision/recall/F1, span dyad (source and target mentions overlapping the gold spans), the
share of no-event snippets given an event, and events per sentence.

    python eval/cameo_events.py [cameo_classes|conflict_news]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import shared_scorer
from halves import half_files
from predict import predict

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
SETS = {
    "cameo_classes": SHARED / "events" / "conflibert_cameo" / "dev.jsonl",
    "conflict_news": SHARED / "events" / "case2021" / "dev.jsonl",
}
SCORER = SHARED / "tools" / "event_score.py"
KEYS = ("sentences", "root_p", "root_r", "root_f1", "span_dyad", "no_event_fp_rate", "events_per_sentence")


def available() -> dict[str, Path]:
    """The dev sets present beside the project (none when the scorer is absent)."""
    return {name: path for name, path in SETS.items() if path.exists()} if SCORER.exists() else {}


def run(dev: Path) -> dict[str, dict]:
    """Figures on each half of one dev set: {"build": …, "check": …}."""
    predictions = predict(dev)
    out = {}
    with half_files(dev) as halves:
        for half, gold in halves.items():
            figures = shared_scorer.score(SCORER, gold, predictions, ("actors", "events"))
            out[half] = {k: figures[k] for k in KEYS if figures.get(k) is not None}
    return out


if __name__ == "__main__":
    names = sys.argv[1:] or list(SETS)
    found = available()
    for name in names:
        if name not in found:
            print(f"{name}: skipped ({SETS.get(name, name)} or {SCORER} is absent)")
            continue
        print(name, json.dumps(run(found[name]), indent=2))
