"""Quote attribution on PolNeAR, scored by the shared scorer ../shared/eval/tools/polnear_score.py.

Runs accord on every article of a split (text/<stem>.txt, read as plain text so offsets match) and
reports the scorer's figures, all attributions and direct-only.

    python eval/polnear.py [SPLIT_DIR] [--limit N]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import shared_scorer

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
DEFAULT = SHARED / "polnear" / "dev"
SCORER = SHARED / "tools" / "polnear_score.py"


def predict(split: Path, limit: int | None = None) -> list[dict]:
    from accord.model import Document
    from accord.nlp import Pipeline
    from accord.readers.decoding import decode

    stems = sorted({p.stem for p in (split / "text").glob("*.txt")})
    annotated = {p.stem.rsplit("_", 1)[0] for p in (split / "attributions").glob("*.ann")}
    stems = [s for s in stems if s in annotated][:limit]
    docs = []
    for stem in stems:
        text, _ = decode((split / "text" / f"{stem}.txt").read_bytes())
        docs.append(Document(id=stem, text=text, reader="eval"))
    return [ex.to_dict() for ex in Pipeline().extract(docs, published="2016-10-01")]


def score(split: Path, predictions: list[dict], direct_only: bool) -> dict:
    return shared_scorer.score(SCORER, split, predictions, ("quotes",), *(["--direct-only"] if direct_only else []))


def run(split: Path = DEFAULT, limit: int | None = None) -> dict:
    predictions = predict(split, limit)
    every = score(split, predictions, direct_only=False)
    direct = score(split, predictions, direct_only=True)
    return {
        "articles": every["articles"],
        "all_attribution_f1": every["attribution_f1"],
        "all_content_f1": every["content_f1"],
        "direct_attribution_f1": direct["attribution_f1"],
        "direct_content_f1": direct["content_f1"],
        "speaker_accuracy": every["speaker_acc"],
    }


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    split = Path(args[0]) if args else DEFAULT
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else None
    if not split.exists() or not SCORER.exists():
        sys.exit(f"skipped: {split} or {SCORER} is absent")
    print(json.dumps(run(split, limit), indent=2))
