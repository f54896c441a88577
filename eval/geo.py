"""Toponym recognition and resolution on GeoWebNews, scored by the shared scorer
../shared/eval/tools/geo_score.py.

Reads every article of the split (text/<id>.txt, read without newline translation so the gold
offsets line up), parses it with the spaCy model, runs the place tagger and reports recognition
P/R/F1, accuracy@161km on matched toponyms and end-to-end F1.

    python eval/geo.py [SPLIT_DIR] [--limit N]
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import shared_scorer

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
DEFAULT = SHARED / "geo-gwn"
SCORER = SHARED / "tools" / "geo_score.py"


def read_split(split: Path, limit: int | None = None) -> list[tuple[str, str]]:
    """(id, text) per gold document, in gold order; fails if a gold span's text is not the file's slice."""
    gold = [json.loads(line) for line in (split / "gold.jsonl").open(encoding="utf-8") if line.strip()]
    out = []
    for item in gold[:limit]:
        with (split / "text" / f"{item['id']}.txt").open(encoding="utf-8", newline="") as handle:
            text = handle.read()
        for t in item["toponyms"]:
            if text[t["start"] : t["end"]] != t["text"]:
                raise SystemExit(f"gold offsets do not line up in {item['id']}: {t['text']!r} at {t['start']}")
        out.append((item["id"], text))
    return out


def predict(split: Path, limit: int | None = None) -> tuple[list[dict], float]:
    """Predictions in the scorer's shape, and the seconds the place tagger took beyond parsing."""
    from accord.config import Settings
    from accord.nlp.loader import load_model
    from accord.nlp.places import find_places
    from accord.nlp.places.gazetteer import load_gazetteer

    nlp = load_model(Settings().model)
    load_gazetteer()
    docs = read_split(split, limit)
    predictions, tagging = [], 0.0
    for (doc_id, _), doc in zip(docs, nlp.pipe(text for _, text in docs)):
        began = time.perf_counter()
        places = find_places(doc)
        tagging += time.perf_counter() - began
        predictions.append(
            {"id": doc_id, "places": [{"start": p.start, "end": p.end, "lat": p.lat, "lon": p.lon} for p in places]}
        )
    return predictions, tagging


def run(split: Path = DEFAULT, limit: int | None = None) -> dict:
    predictions, tagging = predict(split, limit)
    with tempfile.TemporaryDirectory() as tmp:
        gold = split / "gold.jsonl"
        if limit is not None:  # score against the same documents only
            lines = [line for line in gold.open(encoding="utf-8") if line.strip()][:limit]
            gold = Path(tmp) / "gold.jsonl"
            gold.write_text("".join(lines), encoding="utf-8")
        figures = shared_scorer.score(SCORER, gold, predictions, ("places",))
    return {
        "articles": len(predictions),
        "gold_toponyms": figures["gold"],
        "recognition_p": figures["recog_p"],
        "recognition_r": figures["recog_r"],
        "recognition_f1": figures["recog_f1"],
        "accuracy_at_161km": figures["acc_at_161km"],
        "end_to_end_f1": figures["e2e_f1"],
        "tagger_ms_per_article": round(1000 * tagging / max(1, len(predictions)), 2),
    }


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if "--limit" in sys.argv:
        args = [a for a in args if a != sys.argv[sys.argv.index("--limit") + 1]]
    split = Path(args[0]) if args else DEFAULT
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else None
    if not split.exists() or not SCORER.exists():
        sys.exit(f"skipped: {split} or {SCORER} is absent")
    print(json.dumps(run(split, limit), indent=2))
