"""Throughput benchmark: the whole of `accord ingest` (worker processes for NLP and extraction, SQLite
writes, linking) against bare spaCy `nlp.pipe` with the same model and as many processes, on the same
documents, in the same run.

    python bench/run.py [--corpus reuters|demo|PATH] [--limit N] [--processes N] [--rounds N]
    python bench/run.py --long [--sizes 1,10] [--processes N]

`--long` measures long documents: Reuters stories concatenated into one article of each size in MB
(paragraphs kept), against the same stories as normal documents (1 MB of them), each through `accord
ingest` with `--processes` workers (default 1: in one process; with more, a long article's windows are
parsed by all of them; the per-document budget of Settings applies) and through bare spaCy (`nlp.pipe`
with as many processes over the same text: the long one in the pipeline's windows). Reports seconds, peak MB (the largest process), documents/s and
seconds per MB, and the ratio accord/bare of each pair; writes bench/results/long.json.

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


def long_documents(kind: str, megabytes: float):
    """`long`: one Document of Reuters stories joined by blank lines, `megabytes` of text; `normal`: the
    same stories as Documents of their own."""
    from accord.model import Document

    sys.path.insert(0, str(HERE))
    from reuters import read_reuters

    stories, size = [], 0
    for d in read_reuters(REUTERS):
        stories.append(d)
        size += len(d.text) + 2
        if size >= megabytes * 1_000_000:
            break
    if kind == "normal":
        return stories
    text = "\n\n".join(d.text for d in stories)
    return [Document(id=f"long-{megabytes:g}mb", text=text, origin=f"long-{megabytes:g}mb", reader="bench")]


def phase_long(args) -> dict:
    """One long-document measurement: `args.phase` is long-bare or long-pipeline, `args.kind` long or normal."""
    from accord.config import Settings
    from accord.ingestion import ingest_items
    from accord.nlp.chunks import split_for_parsing
    from accord.nlp.loader import load_model
    from accord.store import Store

    docs = long_documents(args.kind, args.size)
    chars = sum(len(d.text) for d in docs)
    settings = Settings(workers=args.processes)
    if args.phase == "long-bare":
        nlp = load_model(settings.model)
        texts = [w for d in docs for w in split_for_parsing(d.text, settings.window_chars)]
        batch = 1 if args.kind == "long" else args.batch_size
        start = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch, n_process=args.processes))
        return {"docs": len(docs), "chars": chars, "tokens": tokens, "seconds": time.perf_counter() - start}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{tmp}/bench.db")
        start = time.perf_counter()
        summary = ingest_items(iter(docs), store, settings, inputs=[args.kind])
        seconds = time.perf_counter() - start
        events = store.count("events")
        store.close()
    return {
        "docs": len(docs),
        "chars": chars,
        "seconds": seconds,
        "new": summary.new,
        "failed": summary.failed,
        "reasons": [f.reason for f in summary.failures],
        "events": events,
        "budget": {"seconds": settings.doc_seconds, "mb": settings.doc_mb, "window_chars": settings.window_chars},
        "workers": settings.workers,
    }


def run_long(args) -> None:
    """Normal texts (1 MB of stories) and a long article of each size, pipeline and bare spaCy."""
    runs = [("normal", 1.0)] + [("long", float(x)) for x in args.sizes.split(",")]
    results = []
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{args.processes} process(es)"
    )
    print(
        f"{'texts':<8} {'MB':>5} {'phase':<9} {'docs':>5} {'seconds':>8} {'docs/s':>8} {'s/MB':>7} {'peak MB':>8}  note"
    )
    for kind, size in runs:
        for phase in ("long-bare", "long-pipeline"):
            cmd = [sys.executable, __file__, "--phase", phase, "--kind", kind, "--size", str(size)]
            cmd += ["--processes", str(args.processes), "--batch-size", str(args.batch_size)]
            out = subprocess.run(cmd, capture_output=True, text=True)
            if out.returncode != 0:
                sys.exit(f"{phase} {kind} {size} MB failed:\n{out.stderr}")
            r = json.loads(out.stdout.strip().splitlines()[-1])
            r.update(kind=kind, size=size, phase=phase.removeprefix("long-"))
            results.append(r)
            note = "; ".join(r.get("reasons", [])) or (f"{r['events']} events" if "events" in r else "")
            if phase == "long-pipeline":
                r["ratio_to_bare"] = r["seconds"] / results[-2]["seconds"]
                note += f" ({r['ratio_to_bare']:.2f} x bare)"
            print(
                f"{kind:<8} {r['chars'] / 1e6:>5.1f} {r['phase']:<9} {r['docs']:>5} {r['seconds']:>8.1f} "
                f"{r['docs'] / r['seconds']:>8.2f} {r['seconds'] / (r['chars'] / 1e6):>7.0f} {r['peak_mb']:>8.0f}  {note}",
                flush=True,
            )
    results_dir = HERE / "results"
    results_dir.mkdir(exist_ok=True)
    (results_dir / "long.json").write_text(json.dumps({"args": vars(args), "results": results}, indent=2))


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
    parser.add_argument("--long", action="store_true", help="measure long documents (see above)")
    parser.add_argument("--sizes", default="1,10", help="with --long: article sizes in MB (default 1,10)")
    parser.add_argument("--phase", choices=["bare", "pipeline", "long-bare", "long-pipeline"], help=argparse.SUPPRESS)
    parser.add_argument("--kind", choices=["long", "normal"], help=argparse.SUPPRESS)
    parser.add_argument("--size", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.limit = args.limit or None

    if args.long and not args.phase:
        run_long(args)
        return
    if args.phase:
        phases = {"bare": phase_bare, "pipeline": phase_pipeline, "long-bare": phase_long, "long-pipeline": phase_long}
        result = phases[args.phase](args)
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
