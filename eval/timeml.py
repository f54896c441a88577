"""Time expressions on TimeBank and AQUAINT (TempEval-3), scored by the shared scorer
../shared/eval/tools/timeml_score.py.

Parses each document's text (text/<id>.txt, read unchanged so the gold offsets hold) with the spaCy
model alone, runs accord's time tagger anchored on the document creation time (dct.tsv) and reports
value F1 and extent F1 per corpus.

    python eval/timeml.py [CORPUS_DIR ...]
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import shared_scorer

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
CORPORA = [SHARED / "timeml" / "timebank", SHARED / "timeml" / "aquaint"]
SCORER = SHARED / "tools" / "timeml_score.py"


def read_corpus(folder: Path) -> list[tuple[str, str, date | None]]:
    """(id, text, creation date) for every document listed in dct.tsv."""
    docs = []
    for line in (folder / "dct.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc_id, _, dct = line.partition("\t")
        with (folder / "text" / f"{doc_id}.txt").open(encoding="utf-8", newline="") as handle:
            text = handle.read()
        anchor = date.fromisoformat(dct[:10]) if dct[:10] and dct != "None" else None
        docs.append((doc_id, text, anchor))
    return docs


def predict(folder: Path) -> list[dict]:
    from accord.config import Settings
    from accord.nlp.loader import load_model
    from accord.nlp.times import find_times

    nlp = load_model(Settings().model)
    docs = read_corpus(folder)
    predictions = []
    for (doc_id, _, anchor), doc in zip(docs, nlp.pipe(text for _, text, _ in docs)):
        times = [
            {"start": t.start, "end": t.end, "type": t.type, "value": t.value, "range": t.range}
            for t in find_times(doc, anchor)
        ]
        predictions.append({"id": doc_id, "times": times})
    return predictions


def run(corpora: list[Path] = CORPORA) -> dict:
    results = {}
    for folder in corpora:
        figures = shared_scorer.score(SCORER, folder / "gold.jsonl", predict(folder), ("times",))
        results[folder.name] = {
            "value_f1": figures["value_f1"],
            "extent_f1": figures["extent_f1"],
            "extent_p": figures["extent_p"],
            "extent_r": figures["extent_r"],
            "gold": figures["gold"],
        }
    return results


if __name__ == "__main__":
    corpora = [Path(a) for a in sys.argv[1:]] or CORPORA
    missing = [str(p) for p in corpora + [SCORER] if not p.exists()]
    if missing:
        sys.exit(f"skipped: {', '.join(missing)} absent")
    print(json.dumps(run(corpora), indent=2))
