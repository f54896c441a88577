"""Throughput benchmark: the whole of `accord ingest` (worker processes for NLP and extraction, SQLite
writes, linking) against bare spaCy `nlp.pipe` with the same model and as many processes, on the same
documents, in the same run.

    python bench/run.py [--corpus reuters|demo|PATH] [--limit N] [--processes N] [--rounds N]

Each phase runs in its own subprocess so that its peak memory (max RSS, children included) is its own.
Prints documents/s, tokens/s, peak memory and the ratio pipeline/bare; writes bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578"
DEMO = ROOT / "demo" / "corpus"


def load_documents(corpus: str, limit: int | None):
    """Documents for the run, read as they are needed (memory does not grow with the corpus): Reuters SGML
    by default, the demo corpus, or any path accord reads."""
    from accord.model import Document
    from accord.readers import read_inputs

    if corpus == "reuters":
        if not REUTERS.exists():
            print(f"note: {REUTERS} is absent; using the demo corpus", file=sys.stderr)
            corpus = "demo"
        else:
            sys.path.insert(0, str(HERE))
            from reuters import read_reuters

            return read_reuters(REUTERS, limit)
    path = DEMO if corpus == "demo" else Path(corpus)
    docs = (d for d in read_inputs([str(path)], 20_000_000) if isinstance(d, Document))
    return (d for n, d in enumerate(docs) if not limit or n < limit)


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def phase_bare(args) -> dict:
    from accord.config import Settings
    from accord.nlp.loader import load_model

    nlp = load_model(Settings().model)
    count = 0

    def texts():
        nonlocal count
        for d in load_documents(args.corpus, args.limit):
            count += 1
            yield d.text

    start = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts(), batch_size=args.batch_size, n_process=args.processes))
    return {"docs": count, "tokens": tokens, "seconds": time.perf_counter() - start}


def phase_pipeline(args) -> dict:
    """What `accord ingest --workers N` does: N worker processes reading NLP and extraction, this
    process writing to SQLite and linking stories and events at the end."""
    from accord.config import Settings
    from accord.ingestion import ingest_items
    from accord.nlp.loader import load_model
    from accord.store import Store

    settings = Settings(nlp_batch_size=args.batch_size, store_batch_size=args.batch_size, workers=args.processes)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{tmp}/bench.db")
        start = time.perf_counter()
        summary = ingest_items(load_documents(args.corpus, args.limit), store, settings, inputs=[args.corpus])
        seconds = time.perf_counter() - start
        stored = store.count("documents")
        store.close()
    peak = peak_mb()  # before the token count below loads a model into this process
    nlp = load_model(settings.model)
    docs = tokens = 0
    for d in load_documents(args.corpus, args.limit):  # counted after timing, same tokenizer
        docs += 1
        tokens += len(nlp.make_doc(d.text))
    return {
        "docs": docs,
        "tokens": tokens,
        "seconds": seconds,
        "stored": stored,
        "new": summary.new,
        "failed": summary.failed,
        "peak_mb_during_ingest": peak,
    }


def run_phase(name: str, args) -> dict:
    cmd = [
        sys.executable,
        __file__,
        "--phase",
        name,
        "--corpus",
        args.corpus,
        "--limit",
        str(args.limit or 0),
        "--processes",
        str(args.processes),
        "--batch-size",
        str(args.batch_size),
    ]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{name} phase failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default="reuters", help="reuters (default), demo, or a path")
    parser.add_argument("--limit", type=int, default=2000, help="documents to use; 0 for all (default 2000)")
    parser.add_argument("--processes", type=int, default=1, help="spaCy processes for both phases")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=1, help="alternate bare/pipeline this many times")
    parser.add_argument("--phase", choices=["bare", "pipeline"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.limit = args.limit or None

    if args.phase:
        result = phase_bare(args) if args.phase == "bare" else phase_pipeline(args)
        result["peak_mb"] = result.pop("peak_mb_during_ingest", None) or peak_mb()
        print(json.dumps(result))
        return

    rounds = []
    for _ in range(args.rounds):
        bare = run_phase("bare", args)
        pipe = run_phase("pipeline", args)
        rounds.append({"bare": bare, "pipeline": pipe})
    print(
        f"corpus {args.corpus}, {rounds[0]['bare']['docs']} documents, {rounds[0]['bare']['tokens']:,} tokens, "
        f"{args.processes} process(es), batch {args.batch_size}; "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(
        f"{'round':>5} {'phase':<9} {'seconds':>8} {'docs/s':>8} {'tokens/s':>9} {'peak MB':>8}  (peak: largest process)"
    )
    ratios = []
    for n, r in enumerate(rounds, start=1):
        for name in ("bare", "pipeline"):
            x = r[name]
            print(
                f"{n:>5} {name:<9} {x['seconds']:>8.1f} {x['docs'] / x['seconds']:>8.1f} "
                f"{x['tokens'] / x['seconds']:>9.0f} {x['peak_mb']:>8.0f}"
            )
        ratios.append(r["bare"]["seconds"] / r["pipeline"]["seconds"])
        if r["pipeline"]["stored"] != r["pipeline"]["docs"]:
            print(f"warning: stored {r['pipeline']['stored']} of {r['pipeline']['docs']} documents")
    best = max(ratios)
    print(f"throughput ratio pipeline/bare: {', '.join(f'{x:.2f}' for x in ratios)} (best {best:.2f})")
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "latest.json").write_text(json.dumps({"args": vars(args), "rounds": rounds, "ratios": ratios}, indent=2))


if __name__ == "__main__":
    main()
