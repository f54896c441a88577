"""Spark benchmark: Reuters stories written as WARC shards (HTML pages in HTTP responses, in a temporary
folder; the corpus is read where it lies, never copied), then, on the same shards in the same run:
`accord spark extract --master local[N]`, `accord ingest --workers N` (SQLite, linking included) and
bare spaCy `nlp.pipe` with N processes over the texts the WARC reader gives.

    python bench/spark.py [--limit 200] [--shards 4] [--processes 2]

Times are wall clock of each command as a user runs it, start-up included (the JVM and Spark session,
a model load per worker process). Prints documents/s and the ratios; writes bench/results/spark.json.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REUTERS = HERE.parent.parent / "shared" / "corpora" / "reuters21578"


def write_shards(folder: Path, limit: int, shards: int) -> int:
    """`limit` Reuters stories as HTML pages in `shards` gzip WARC files; returns how many stories."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    sys.path.insert(0, str(HERE))
    from reuters import read_reuters

    stories = list(read_reuters(REUTERS, limit))
    per = -(-len(stories) // shards)
    for n in range(shards):
        with (folder / f"reuters-{n:02d}.warc.gz").open("wb") as out:
            writer = WARCWriter(out, gzip=True)
            for story in stories[n * per : (n + 1) * per]:
                page = _page(story.title or "", story.published, story.text)
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], "HTTP/1.1")
                record = writer.create_warc_record(
                    f"https://reuters.example/{story.id}",
                    "response",
                    payload=io.BytesIO(page),
                    length=len(page),
                    http_headers=headers,
                )
                writer.write_record(record)
    return len(stories)


def _page(title: str, published: str | None, text: str) -> bytes:
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n {3,}", text) if p.strip()]
    meta = f'<meta property="article:published_time" content="{published[:10]}">' if published else ""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{html.escape(title)}</title>{meta}</head>"
        f"<body><article><h1>{html.escape(title)}</h1>{body}</article></body></html>"
    ).encode()


def timed(cmd: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(
        cmd, capture_output=True, text=True, env=os.environ | {"SPARK_LOCAL_IP": "127.0.0.1", "COLUMNS": "300"}
    )
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return seconds, done.stderr


def bare(shards: Path, processes: int) -> tuple[int, float]:
    """Bare spaCy over the texts the WARC reader gives (reading not timed)."""
    from accord.config import Settings
    from accord.model import Document
    from accord.nlp.loader import load_model
    from accord.readers import read_inputs

    texts = [d.text for d in read_inputs([str(shards)], 20_000_000) if isinstance(d, Document)]
    nlp = load_model(Settings().model)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64, n_process=processes):
        pass
    return len(texts), time.perf_counter() - start


def _count(pattern: str, stderr: str) -> int:
    """A count from a command's summary on standard error."""
    found = re.search(pattern, " ".join(stderr.split()))
    if not found:
        sys.exit(f"no {pattern!r} in the command's output:\n{stderr[-3000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    if not REUTERS.exists():
        sys.exit(f"{REUTERS} is absent: this benchmark reads the Reuters-21578 corpus")
    accord = [sys.executable, "-m", "accord"]
    with tempfile.TemporaryDirectory() as tmp:
        shards = Path(tmp) / "shards"
        shards.mkdir()
        stories = write_shards(shards, args.limit, args.shards)
        spark_s, spark_err = timed(
            [*accord, "spark", "extract", str(shards), "--out", f"{tmp}/out", "--master", f"local[{args.processes}]"]
        )
        ingest_s, ingest_err = timed(
            [*accord, "--db", f"{tmp}/bench.db", "ingest", str(shards), "--workers", str(args.processes)]
        )
        docs, bare_s = bare(shards, args.processes)
    documents = _count(r"documents (\d+) written", spark_err)
    stored = _count(r"new (\d+)", ingest_err)
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "args": vars(args),
        "stories": stories,
        "spark": {"documents": documents, "seconds": spark_s, "docs_per_s": documents / spark_s},
        "ingest": {"documents": stored, "seconds": ingest_s, "docs_per_s": stored / ingest_s},
        "bare_spacy": {"documents": docs, "seconds": bare_s, "docs_per_s": docs / bare_s},
    }
    result["spark_over_ingest"] = result["spark"]["docs_per_s"] / result["ingest"]["docs_per_s"]
    result["spark_over_bare"] = result["spark"]["docs_per_s"] / result["bare_spacy"]["docs_per_s"]
    result["ingest_over_bare"] = result["ingest"]["docs_per_s"] / result["bare_spacy"]["docs_per_s"]
    print(result["machine"])
    for name in ("spark", "ingest", "bare_spacy"):
        r = result[name]
        print(f"{name:<11} {r['documents']:>6} documents {r['seconds']:>8.1f} s {r['docs_per_s']:>8.2f} documents/s")
    print(
        f"spark/ingest {result['spark_over_ingest']:.2f}  spark/bare {result['spark_over_bare']:.2f}  "
        f"ingest/bare {result['ingest_over_bare']:.2f}"
    )
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "spark.json").write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
