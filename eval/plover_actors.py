"""Actor recognition on the PLOVER gold sentences (../shared/eval/plover/dev.jsonl).

For every gold source or target actor: does accord output an actor with a mention overlapping the gold
actor text and the same country (sector IGO or NGO where the gold says IGO, PLOVER's code for any international
organisation)? Reported as
`actor_recall`. Of the gold actors that some accord actor with a country (or IGO) overlaps, the share
where that country is right: `country_precision`.

    python eval/plover_actors.py [DEV.jsonl] [--show-misses]   (misses: build half only)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from halves import of_half, read_records
from predict import predict

ROOT = Path(__file__).resolve().parent.parent
# PLOVER codes every international organisation "IGO"; accord keeps CAMEO's IGO and NGO apart.
INTERNATIONAL = ("IGO", "NGO")
DEFAULT = ROOT.parent / "shared" / "eval" / "plover" / "dev.jsonl"


def gold_spans(text: str, actor_text: str) -> list[tuple[int, int]]:
    """Where the gold actor text stands in the sentence; "U.S. ... negotiators" gives two parts."""
    spans = []
    for part in (p.strip() for p in actor_text.split("...")):
        if part:
            at = text.find(part)
            if at >= 0:
                spans.append((at, at + len(part)))
    return spans


def score(records: list[dict], predictions: dict[str, dict], show_misses: bool = False) -> dict:
    total = matched = overlapping = right = unlocated = 0
    for rec in records:
        pred = predictions.get(rec["id"], {"actors": []})
        for gold in rec["source"] + rec["target"]:
            spans = gold_spans(rec["text"], gold["text"])
            if not spans:
                unlocated += 1
                continue
            total += 1
            hits = [
                a
                for a in pred["actors"]
                if any(m["start"] < e and s < m["end"] for m in a["mentions"] for s, e in spans)
            ]
            stated = [a for a in hits if a["country"] or a["sector"] in INTERNATIONAL]
            ok = [
                a
                for a in stated
                if (a["sector"] in INTERNATIONAL if gold["code"] == "IGO" else a["country"] == gold["code"])
            ]
            matched += bool(ok)
            if stated:
                overlapping += 1
                right += bool(ok)
            if show_misses and not ok:
                found = [(a["name"], a["country"], a["sector"]) for a in hits]
                print(f"MISS {gold['code']:>4} {gold['text']!r:45} found {found}\n     {rec['text']}")
    return {
        "gold_actors": total,
        "unlocated": unlocated,
        "actor_recall": round(matched / total, 4) if total else 0.0,
        "country_precision": round(right / overlapping, 4) if overlapping else 0.0,
    }


def run(
    dev: Path = DEFAULT, show_misses: bool = False, predictions: list[dict] | None = None, half: str | None = None
) -> dict:
    """The figures on the whole set, or on one half of it ("build" or "check"; misses only for build)."""
    records = read_records(dev)
    if half is not None:
        records = of_half(records, half)
    predictions = predictions if predictions is not None else predict(dev)
    return score(records, {p["id"]: p for p in predictions}, show_misses and half != "check")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT
    if not path.exists():
        sys.exit(f"skipped: {path} is absent (the shared evaluation data lives in ../shared/eval)")
    # misses are listed for the build half only: the check half is read as figures, never as items
    half = "build" if "--show-misses" in sys.argv else None
    print(json.dumps(run(path, "--show-misses" in sys.argv, half=half), indent=2))
