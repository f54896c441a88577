"""Where the time of one process goes on real-length articles (bench/corpus.py): each spaCy component
(batched, as `nlp.pipe` runs it) and each accord extractor, in the same run, with the extractors' share of
spaCy's time. Times are CPU seconds of this process (`time.process_time`: steadier than the clock on a
machine shared with other work); `--wall` uses the clock instead. `--profile N` also prints the N
functions of the extractors with the most cumulative time (cProfile).

    python bench/extractors.py [--limit 120] [--wall] [--profile 25]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import read_articles  # noqa: E402

clock = time.process_time


def parse_timed(nlp, texts: list[str], batch_size: int) -> tuple[list, dict[str, float]]:
    """The texts parsed component by component, each over the whole batch as `nlp.pipe` does, and the
    seconds each component took (the tokenizer included)."""
    seconds: dict[str, float] = {}
    start = clock()
    docs = [nlp.make_doc(t) for t in texts]
    seconds["tokenizer"] = clock() - start
    for name, proc in nlp.pipeline:
        start = clock()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(d) for d in docs]
        seconds[name] = clock() - start
    return docs, seconds


def extract_timed(pipeline, documents, docs, profiler: cProfile.Profile | None) -> dict[str, float]:
    """Each extractor's seconds over all documents, run as Pipeline._finish runs them."""
    from accord.model import Extraction
    from accord.nlp.anchor import choose_anchor
    from accord.nlp.pipeline import sentence_spans
    from accord.nlp.tone import document_tone

    seconds: dict[str, float] = defaultdict(float)
    for document, doc in zip(documents, docs, strict=True):
        ex = Extraction.from_document(document)
        start = clock()
        ex.sentences = sentence_spans(doc)
        choose_anchor(ex, None)
        seconds["sentences+anchor"] += clock() - start
        for slot, extractor in pipeline.extractors:
            start = clock()
            if profiler:
                profiler.enable()
            extractor(ex, doc)
            if profiler:
                profiler.disable()
            seconds[slot] += clock() - start
        start = clock()
        ex.tone = document_tone(ex.text)
        seconds["tone"] += clock() - start
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=120, help="articles (default 120)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--profile", type=int, default=0, help="print this many functions of a cProfile")
    parser.add_argument("--stats", type=Path, help="with --profile: also write the cProfile statistics here")
    parser.add_argument("--wall", action="store_true", help="clock seconds instead of CPU seconds")
    args = parser.parse_args()
    if args.wall:
        global clock
        clock = time.perf_counter

    from accord.nlp import Pipeline

    pipeline = Pipeline()
    documents = read_articles(args.limit)
    texts = [d.text for d in documents]
    docs, spacy_seconds = parse_timed(pipeline.nlp, texts, args.batch_size)
    profiler = cProfile.Profile() if args.profile else None
    extractor_seconds = extract_timed(pipeline, documents, docs, profiler)

    spacy_total = sum(spacy_seconds.values())
    tokens = sum(len(d) for d in docs)
    kind = "clock" if args.wall else "CPU"
    print(f"{len(docs)} articles, {tokens:,} tokens; spaCy {spacy_total:.2f} {kind} seconds")
    print(f"{'spaCy component':<24} {'seconds':>8} {'share':>7}")
    for name, s in spacy_seconds.items():
        print(f"{name:<24} {s:>8.2f} {s / spacy_total:>7.1%}")
    total = sum(extractor_seconds.values())
    print(f"{'extractor':<24} {'seconds':>8} {'of spaCy':>9}")
    for name, s in extractor_seconds.items():
        print(f"{name:<24} {s:>8.2f} {s / spacy_total:>9.1%}")
    print(f"{'all extractors':<24} {total:>8.2f} {total / spacy_total:>9.1%}")
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(args.profile)
        if args.stats:
            profiler.dump_stats(args.stats)
        print(out.getvalue())


if __name__ == "__main__":
    main()
