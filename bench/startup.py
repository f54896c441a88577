"""Start-up benchmark: how long a new process (an `accord ingest` worker, `accord extract`) takes to be
ready to extract once the spaCy model has loaded, with the compiled-knowledge cache cold (an empty
folder: the knowledge base, gazetteer and lexicons are built and stored) and warm (loaded from it).

    python bench/startup.py [--rounds N] [--src PATH]

Each measurement is a fresh process started as a worker is: it imports the pipeline, loads the model
(timed on its own), then builds the Pipeline (extractors, knowledge, language detector: the time
reported as "ready after model") and reports its peak memory. `--src` also measures another copy of accord's source (for example
an export of an earlier commit) in the same run, for a before/after comparison. Prints the medians;
writes bench/results/startup.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"


def phase_ready() -> dict:
    """One process's start: seconds to import, to load the model, and from then to a ready Pipeline."""
    began = time.perf_counter()
    from accord.config import Settings
    from accord.nlp import Pipeline
    from accord.nlp.loader import load_model

    settings = Settings(workers=1)
    imported = time.perf_counter()
    load_model(settings.model)
    loaded = time.perf_counter()
    Pipeline(settings)  # the model is already loaded (load_model keeps it): this is the rest
    ready = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "import": imported - began,
        "model": loaded - imported,
        "ready_after_model": ready - loaded,
        "peak_mb": peak,
    }


def measure(src: Path, cache: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(src), "ACCORD_CACHE_DIR": cache}
    out = subprocess.run(
        [sys.executable, __file__, "--phase"], capture_output=True, text=True, env=env, cwd=tempfile.gettempdir()
    )
    if out.returncode != 0:
        sys.exit(f"start-up of {src} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3, help="starts measured per case (default 3)")
    parser.add_argument("--src", help="another accord source folder to measure in the same run")
    parser.add_argument("--phase", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(phase_ready()))
        return

    sources = [("this", SRC)] + ([("other", Path(args.src).resolve())] if args.src else [])
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, src in sources:
            cache = str(Path(tmp) / label)
            for n in range(args.rounds):
                for case in ("cold", "warm"):
                    if case == "cold":
                        shutil.rmtree(cache, ignore_errors=True)
                    rows.append({"source": label, "case": case, "round": n + 1, **measure(src, cache)})
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(
        f"{'source':<7} {'cache':<5} {'import s':>9} {'model s':>8} {'ready after model s':>20} {'peak MB':>8}"
        f"  (medians of {args.rounds})"
    )
    for label, _ in sources:
        for case in ("cold", "warm"):
            chosen = [r for r in rows if r["source"] == label and r["case"] == case]
            med = {
                k: statistics.median(r[k] for r in chosen) for k in ("import", "model", "ready_after_model", "peak_mb")
            }
            print(
                f"{label:<7} {case:<5} {med['import']:>9.2f} {med['model']:>8.2f} {med['ready_after_model']:>20.2f}"
                f" {med['peak_mb']:>8.0f}"
            )
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "startup.json").write_text(
        json.dumps({"args": vars(args), "sources": [str(s) for _, s in sources], "rows": rows}, indent=2)
    )


if __name__ == "__main__":
    main()
