"""Runs one of the shared scorers (../shared/eval/tools) on accord's predictions and returns the
figures it prints as JSON."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path


def score(scorer: Path, gold: Path, predictions: list[dict], fields: tuple[str, ...], *options: str) -> dict:
    """Write `fields` of each prediction (plus its id) as JSON Lines and run `scorer GOLD PRED OPTIONS`."""
    with tempfile.TemporaryDirectory() as tmp:
        pred_path = Path(tmp) / "predictions.jsonl"
        with pred_path.open("w", encoding="utf-8") as handle:
            for p in predictions:
                handle.write(json.dumps({"id": p["id"], **{f: p[f] for f in fields}}) + "\n")
        out = subprocess.run(
            [sys.executable, str(scorer), str(gold), str(pred_path), *options],
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(out.stdout.strip().splitlines()[-1])
