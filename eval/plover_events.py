"""Event coding on the PLOVER gold sentences, scored by the shared ../shared/eval/tools/plover_score.py:
type recall, type precision and dyad match (one gold event per sentence).

    python eval/plover_events.py [DEV.jsonl]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
DEFAULT = SHARED / "plover" / "dev.jsonl"
SCORER = SHARED / "tools" / "plover_score.py"


def predict(dev: Path) -> list[dict]:
    from accord.model import Document
    from accord.nlp import Pipeline

    records = [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [Document(id=r["id"], text=r["text"], reader="eval") for r in records]
    return [ex.to_dict() for ex in Pipeline().extract(docs)]


def run(dev: Path = DEFAULT) -> dict:
    predictions = predict(dev)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
        for p in predictions:
            handle.write(json.dumps({"id": p["id"], "actors": p["actors"], "events": p["events"]}) + "\n")
    out = subprocess.run([sys.executable, str(SCORER), str(dev), handle.name], capture_output=True, text=True,
                         check=True)
    Path(handle.name).unlink()
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    return {k: figures[k] for k in ("sentences", "type_recall", "type_precision", "dyad_match", "events_per_sentence")}


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.exists() or not SCORER.exists():
        sys.exit(f"skipped: {path} or {SCORER} is absent")
    print(json.dumps(run(path), indent=2))
