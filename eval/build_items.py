"""Lists the build half of an event dev set item by item: the text, the gold roots (and actor spans),
and what accord coded, marking sentences where the roots disagree. Never the check half: of that only
the aggregate figures `make eval` prints are read.

    python eval/build_items.py plover|cameo_classes|conflict_news [--wrong] [--limit N]
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import cameo_events
import plover_actors
from halves import of_half, read_records
from predict import predict

SETS = {"plover": plover_actors.DEFAULT, **cameo_events.SETS}


def gold_roots(record: dict) -> set[str]:
    """The CAMEO roots a gold item accepts (PLOVER items name a type, not a root: empty)."""
    roots: set[str] = set()
    for event in record.get("events", []):
        if event.get("cameo"):
            roots.add(str(event["cameo"])[:2])
        roots |= {str(r).zfill(2) for r in event.get("cameo_roots", [])}
        if event.get("cameo_root"):
            roots.add(str(event["cameo_root"]).zfill(2))
    return roots


def describe(event: dict, actors: dict[str, dict]) -> str:
    def side(actor_id: str | None) -> str:
        actor = actors.get(actor_id or "")
        return f"{actor['name']}[{actor['country'] or actor['sector'] or '?'}]" if actor else "-"

    trigger = event["trigger"]["text"] if event.get("trigger") else ""
    return (
        f"{event['cameo']} {event.get('plover') or ''} {side(event['source'])} -> {side(event['target'])} "
        f"'{trigger}' {event['status']} ({event['rule']})"
    )


def main(args: list[str]) -> None:
    name = args[0]
    wrong_only = "--wrong" in args
    limit = int(args[args.index("--limit") + 1]) if "--limit" in args else None
    records = of_half(read_records(SETS[name]), "build")[:limit]
    with tempfile.TemporaryDirectory() as folder:
        build = Path(folder) / "build.jsonl"
        build.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        predictions = {p["id"]: p for p in predict(build)}
    for record in records:
        pred = predictions[str(record["id"])]
        gold = gold_roots(record)
        got = {e["cameo"][:2] for e in pred["events"]}
        ok = (not gold and not got) or bool(gold & got) if name != "plover" else True
        if wrong_only and ok:
            continue
        label = record.get("label", record.get("event", ""))
        print(f"{'  ' if ok else '✗ '}{record['id']} gold {sorted(gold) or '-'} {label}")
        print(f"    {record['text']}")
        for event in record.get("events", []):
            spans = [record["text"][s:e] for key in ("source_spans", "target_spans") for s, e in event.get(key, [])]
            if spans:
                print(f"    gold actors: {spans}")
        if name == "plover":
            print(
                f"    gold: {record['event']} {[a['code'] for a in record['source']]} -> {[a['code'] for a in record['target']]}"
            )
        actors = {a["id"]: a for a in pred["actors"]}
        for event in pred["events"]:
            print(f"    got: {describe(event, actors)}")


if __name__ == "__main__":
    main(sys.argv[1:])
