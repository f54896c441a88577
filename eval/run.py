"""Runs accord's evaluations on the shared dev sets and checks each figure against the floor pinned
in eval/baseline.json. Exit 0: every figure at or above its floor; 1: some figure dropped; the data
missing is reported as skipped, not failed.

    python eval/run.py [--write FILE.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import cameo_events  # noqa: E402
import geo  # noqa: E402
import plover_actors  # noqa: E402
import plover_events  # noqa: E402
import polnear  # noqa: E402
import timeml  # noqa: E402
from halves import HALVES  # noqa: E402
from predict import predict  # noqa: E402

BASELINE = HERE / "baseline.json"


def evaluations() -> dict[str, dict]:
    """name -> figures; a missing data set gives {"skipped": reason}. Event and actor sets are also scored
    on their build and check halves ("plover_events.check"); the check half is the headline."""
    results: dict[str, dict] = {}
    plover = predict(plover_actors.DEFAULT) if plover_actors.DEFAULT.exists() else None  # one pass for both
    if plover is not None:
        results["plover_actors"] = plover_actors.run(predictions=plover)
        for half in HALVES:
            results[f"plover_actors.{half}"] = plover_actors.run(predictions=plover, half=half)
    else:
        results["plover_actors"] = {"skipped": f"{plover_actors.DEFAULT} is absent"}
    if plover is not None and plover_events.SCORER.exists():
        for part, figures in plover_events.run(predictions=plover).items():
            results["plover_events" if part == "all" else f"plover_events.{part}"] = figures
    else:
        results["plover_events"] = {"skipped": f"{plover_events.DEFAULT} or {plover_events.SCORER} is absent"}
    found = cameo_events.available()
    for name, path in cameo_events.SETS.items():
        if name not in found:
            results[name] = {"skipped": f"{path} or {cameo_events.SCORER} is absent"}
            continue
        for half, figures in cameo_events.run(path).items():
            results[f"{name}.{half}"] = figures
    if polnear.DEFAULT.exists() and polnear.SCORER.exists():
        results["polnear_quotes"] = polnear.run()
    else:
        results["polnear_quotes"] = {"skipped": f"{polnear.DEFAULT} or {polnear.SCORER} is absent"}
    if all(p.exists() for p in timeml.CORPORA) and timeml.SCORER.exists():
        for corpus, figures in timeml.run().items():
            results[f"timeml_{corpus}"] = figures
    else:
        results["timeml_timebank"] = {"skipped": f"{timeml.SHARED / 'timeml'} or {timeml.SCORER} is absent"}
    if geo.DEFAULT.exists() and geo.SCORER.exists():
        results["geo_places"] = geo.run()
    else:
        results["geo_places"] = {"skipped": f"{geo.DEFAULT} or {geo.SCORER} is absent"}
    return results


def check(results: dict[str, dict], floors: dict[str, dict], ceilings: dict[str, dict] | None = None) -> list[str]:
    """Every figure with a floor at or above it, every figure with a ceiling (lower is better) at or below it."""
    problems = []
    for limits, below in ((floors, True), (ceilings or {}, False)):
        for name, figures in limits.items():
            got = results.get(name, {})
            if "skipped" in got or "skipped" in results.get(name.split(".")[0], {}):
                continue
            for key, limit in figures.items():
                value = got.get(key)
                if value is None or (value < limit if below else value > limit):
                    problems.append(
                        f"{name}.{key} = {value} is {'below its floor' if below else 'above its ceiling'} {limit}"
                    )
    return problems


def main() -> int:
    baseline = json.loads(BASELINE.read_text())
    floors, ceilings = baseline["floors"], baseline.get("ceilings", {})
    results = evaluations()
    for name, figures in results.items():
        if "skipped" in figures:
            print(f"{name}: skipped ({figures['skipped']})")
            continue
        for key, value in figures.items():
            floor, ceiling = floors.get(name, {}).get(key), ceilings.get(name, {}).get(key)
            mark = (
                f"  (floor {floor})" if floor is not None else f"  (ceiling {ceiling})" if ceiling is not None else ""
            )
            print(f"{name}.{key} = {value}{mark}")
    if "--write" in sys.argv:
        Path(sys.argv[sys.argv.index("--write") + 1]).write_text(json.dumps(results, indent=2))
    problems = check(results, floors, ceilings)
    for p in problems:
        print(f"BELOW FLOOR: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
