"""Throughput benchmark: the whole of `accord ingest` (worker processes for NLP and extraction, SQLite
writes, linking) against bare spaCy `nlp.pipe` with the same model and as many processes, on the same
documents, in the same run.

    python bench/run.py [--corpus reuters,polnear|demo|PATH] [--limit N] [--processes N] [--rounds N]
    python bench/run.py --long [--sizes 1,10] [--processes N]

Corpora: `reuters` (Reuters-21578 stories, about 150 tokens each, from ../shared/corpora/reuters21578),
`polnear` (the 840 PolNeAR training articles, real-length political news of about 900 tokens, read in
place from ../shared/eval/polnear/train/text), `demo`, or any path accord reads; several separated by
commas (default `reuters,polnear`). A corpus whose files are absent is skipped with a note.

For each corpus and round three phases run, each in its own subprocess so that its peak memory (max
RSS) is its own: `bare` times `nlp.pipe` alone (the model already loaded); `pipeline` times the library's
`ingest_items` (worker start-up, NLP, extraction, SQLite writes, linking) from inside a process that has
imported accord; `ingest` times the command `accord ingest` as a user runs it, from the interpreter's
start to its exit (imports, model loads, workers, reading, writing, linking). Both are reported as
ratios to `bare` (higher is better; 1.0 is as fast as bare spaCy). A warm-up process first builds the
compiled-knowledge cache if it is cold and reads the model from disk, so no phase pays that alone.
Peak memory is given per process: for `pipeline` the writer (this process) and the largest worker; for
`ingest` the largest of its processes. Writes bench/results/latest.json.

`--long` measures long documents: Reuters stories concatenated into one article of each size in MB
(paragraphs kept), against the same stories as normal documents (1 MB of them), each through `accord
ingest` with `--processes` workers (default 1: in one process; with more, a long article's windows are
parsed by all of them; the per-document budget of Settings applies) and through bare spaCy (`nlp.pipe`
with as many processes over the same text: the long one in the pipeline's windows). Reports seconds,
peak MB (the largest process), documents/s and seconds per MB, and the ratio accord/bare of each pair;
writes bench/results/long.json.
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
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear" / "train" / "text"
DEMO = ROOT / "demo" / "corpus"
SHARED = {"reuters": REUTERS, "polnear": POLNEAR}


def polnear_files(limit: int | None) -> list[Path]:
    """The PolNeAR training articles (plain text, title on the first line), in name order."""
    files = sorted(POLNEAR.glob("*.txt"))
    return files[:limit] if limit else files


def load_documents(corpus: str, limit: int | None):
    """Documents for the run, read as they are needed (memory does not grow with the corpus): Reuters SGML,
    the PolNeAR articles, the demo corpus, or any path accord reads."""
    from accord.model import Document
    from accord.readers import read_inputs

    if corpus == "reuters":
        sys.path.insert(0, str(HERE))
        from reuters import read_reuters

        return read_reuters(REUTERS, limit)
    if corpus == "polnear":
        paths = [str(p) for p in polnear_files(limit)]
    else:
        paths = [str(DEMO if corpus == "demo" else Path(corpus))]
    docs = (d for d in read_inputs(paths, 20_000_000) if isinstance(d, Document))
    return (d for n, d in enumerate(docs) if not limit or n < limit)


def ingest_inputs(corpus: str, limit: int | None, folder: Path) -> list[str]:
    """What `accord ingest` is given for the corpus: PolNeAR's files where they are, a path as it is;
    Reuters (SGML, which accord does not read) or a limited path as a JSON Lines file written to
    `folder` before the timing starts."""
    if corpus == "polnear":
        return [str(p) for p in polnear_files(limit)]
    if corpus not in ("reuters", "demo") and not limit:
        return [corpus]
    if corpus == "demo" and not limit:
        return [str(DEMO)]
    path = folder / "documents.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for d in load_documents(corpus, limit):
            record = {"id": d.id, "text": d.text, "title": d.title, "published": d.published}
            out.write(json.dumps({k: v for k, v in record.items() if v}) + "\n")
    return [str(path)]


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
    writer = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the token count's model
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
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
        "peak_mb_during_ingest": max(writer, workers),
        "peak_mb_writer": writer,
        "peak_mb_worker": workers if args.processes > 1 else writer,
    }


def phase_ingest(args) -> dict:
    """`accord ingest` run as a command, timed from its start to its exit: imports, the model and
    knowledge loading in every process, reading, extraction, writing and linking."""
    with tempfile.TemporaryDirectory() as tmp:
        inputs = ingest_inputs(args.corpus, args.limit, Path(tmp))
        env = {
            **_this_checkout(),
            "ACCORD_NLP_BATCH_SIZE": str(args.batch_size),
            "ACCORD_STORE_BATCH_SIZE": str(args.batch_size),
        }
        db = f"sqlite:///{tmp}/ingest.db"
        cmd = [sys.executable, "-m", "accord", "--db", db, "ingest", *inputs, "--workers", str(args.processes)]
        start = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, text=True, env=env)
        seconds = time.perf_counter() - start
        if out.returncode not in (0, 1):  # 1: some documents failed, which the summary line says
            sys.exit(f"accord ingest failed ({out.returncode}):\n{out.stderr[-3000:]}")
        from accord.store import Store

        store = Store.open(db)
        stored = store.count("documents")
        store.close()
    summary = [line for line in out.stderr.splitlines() if line.startswith("read ")]
    return {"seconds": seconds, "stored": stored, "summary": summary[-1] if summary else "", "peak_mb": peak_mb()}


def phase_warm(args) -> dict:
    """Build a Pipeline once: the compiled-knowledge cache is written if it was cold, the model read
    from disk, so that the first timed phase does not pay for either alone."""
    from accord.nlp import Pipeline

    start = time.perf_counter()
    Pipeline()
    return {"seconds": time.perf_counter() - start}


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
            out = subprocess.run(cmd, capture_output=True, text=True, env=_this_checkout())
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


def _this_checkout() -> dict[str, str]:
    """The environment for a phase: accord imported from this checkout's src, whatever is installed."""
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])),
    }


def run_phase(name: str, args, corpus: str) -> dict:
    cmd = [
        sys.executable,
        __file__,
        "--phase",
        name,
        "--corpus",
        corpus,
        "--limit",
        str(args.limit or 0),
        "--processes",
        str(args.processes),
        "--batch-size",
        str(args.batch_size),
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, env=_this_checkout())
    if out.returncode != 0:
        sys.exit(f"{name} phase on {corpus} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def corpora(names: str) -> list[str]:
    """The corpora asked for whose files are here; a note for each one that is absent."""
    found = []
    for name in (n.strip() for n in names.split(",") if n.strip()):
        path = SHARED.get(name) or (DEMO if name == "demo" else Path(name))
        if not path.exists():
            print(f"note: skipping {name}: {path} is absent", file=sys.stderr)
            continue
        found.append(name)
    return found


def report(corpus: str, rounds: list[dict], args) -> dict:
    """Print one corpus's table and return its ratios."""
    first = rounds[0]["bare"]
    print(
        f"\ncorpus {corpus}: {first['docs']} documents, {first['tokens']:,} tokens "
        f"({first['tokens'] / max(1, first['docs']):.0f} a document), {args.processes} process(es), "
        f"batch {args.batch_size}"
    )
    print(f"{'round':>5} {'phase':<9} {'seconds':>8} {'docs/s':>8} {'tokens/s':>9} {'ratio':>6} {'peak MB':>16}")
    ratios: dict[str, list[float]] = {"pipeline": [], "ingest": []}
    for n, r in enumerate(rounds, start=1):
        bare = r["bare"]
        for name in ("bare", "pipeline", "ingest"):
            x = r[name]
            ratio = bare["seconds"] / x["seconds"]
            if name == "pipeline":
                peak = f"{x['peak_mb_writer']:.0f} w / {x['peak_mb_worker']:.0f} x"
            else:
                peak = f"{x['peak_mb']:.0f}"
            print(
                f"{n:>5} {name:<9} {x['seconds']:>8.1f} {bare['docs'] / x['seconds']:>8.1f} "
                f"{bare['tokens'] / x['seconds']:>9.0f} {ratio:>6.2f} {peak:>16}"
            )
            if name != "bare":
                ratios[name].append(ratio)
        for name in ("pipeline", "ingest"):
            if r[name]["stored"] != bare["docs"]:
                print(f"warning: {name} stored {r[name]['stored']} of {bare['docs']} documents")
    print(
        f"ratio to bare nlp.pipe: pipeline {', '.join(f'{x:.2f}' for x in ratios['pipeline'])}; whole accord "
        f"ingest {', '.join(f'{x:.2f}' for x in ratios['ingest'])}  (peak: w writer, x largest worker)"
    )
    return ratios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--corpus", default="reuters,polnear", help="reuters, polnear, demo or a path; several with commas"
    )
    parser.add_argument("--limit", type=int, default=2000, help="documents per corpus; 0 for all (default 2000)")
    parser.add_argument("--processes", type=int, default=1, help="spaCy processes for both phases")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=1, help="alternate the phases this many times")
    parser.add_argument("--long", action="store_true", help="measure long documents (see above)")
    parser.add_argument("--sizes", default="1,10", help="with --long: article sizes in MB (default 1,10)")
    phases = ["bare", "pipeline", "ingest", "warm", "long-bare", "long-pipeline"]
    parser.add_argument("--phase", choices=phases, help=argparse.SUPPRESS)
    parser.add_argument("--kind", choices=["long", "normal"], help=argparse.SUPPRESS)
    parser.add_argument("--size", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.limit = args.limit or None

    if args.long and not args.phase:
        run_long(args)
        return
    if args.phase:
        run = {
            "bare": phase_bare,
            "pipeline": phase_pipeline,
            "ingest": phase_ingest,
            "warm": phase_warm,
            "long-bare": phase_long,
            "long-pipeline": phase_long,
        }
        result = run[args.phase](args)
        result["peak_mb"] = result.pop("peak_mb_during_ingest", None) or result.get("peak_mb") or peak_mb()
        print(json.dumps(result))
        return

    names = corpora(args.corpus)
    if not names:
        sys.exit("no corpus to run: every one asked for is absent")
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    run_phase("warm", args, names[0])
    results = {}
    for corpus in names:
        rounds = []
        for _ in range(args.rounds):
            rounds.append({name: run_phase(name, args, corpus) for name in ("bare", "pipeline", "ingest")})
        results[corpus] = {"rounds": rounds, "ratios": report(corpus, rounds, args)}
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps({"args": vars(args), "corpora": results}, indent=2))


if __name__ == "__main__":
    main()
