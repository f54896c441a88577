"""Watch benchmark: `accord watch --once` against `accord ingest` on the same stories, in the same run, and
the watcher's memory over a run of many rounds.

    python bench/watch.py [--limit N] [--processes N] [--memory-rounds R --per-round M]

N Reuters-21578 stories (read from ../shared/corpora, never copied into the project; bench/reuters.py)
are written as HTML article pages into a temporary folder, with an RSS feed listing them. A local server
on 127.0.0.1 serves the feed and the pages; `ingest` reads the same pages as files. Both use N worker
processes for the NLP. The watcher fetches with no delay between requests (`ACCORD_WATCH_HOST_DELAY=0`:
the server is this machine's own; politeness toward real sites costs wall time, not work), one request
at a time, robots.txt read. Reported: items/s of each and their ratio (watch / ingest), and each phase's
peak memory (largest process). With --memory-rounds, one watcher runs R rounds over a feed whose window
moves by M new stories a round, and its RSS (and the largest worker's) after each round is printed: flat
means it does not grow with the items taken. Writes bench/results/watch.json.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578"


def write_pages(folder: Path, limit: int) -> list[tuple[str, str]]:
    """The first `limit` Reuters stories as HTML pages in `folder`; (file name, title) of each."""
    sys.path.insert(0, str(HERE))
    from reuters import read_reuters

    if not REUTERS.exists():
        sys.exit(f"{REUTERS} is absent: the watch benchmark needs the Reuters-21578 corpus")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for n, doc in enumerate(read_reuters(REUTERS, limit)):
        title = doc.title or f"Story {n}"
        paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>" for p in doc.text.split("\n\n") if p.strip())
        published = f'<meta property="article:published_time" content="{doc.published}">' if doc.published else ""
        page = (
            f"<!doctype html><html><head><title>{html.escape(title)}</title>{published}</head>"
            f"<body><article><h1>{html.escape(title)}</h1>{paragraphs}</article></body></html>"
        )
        name = f"story-{n:05d}.html"
        (folder / name).write_text(page, encoding="utf-8")
        written.append((name, title))
    return written


def feed(base: str, stories: list[tuple[str, str]]) -> bytes:
    """An RSS feed listing `stories` (newest first), each linking to its page."""
    start = datetime(2026, 12, 1, tzinfo=UTC)
    items = "".join(
        f"<item><title>{escape(title)}</title><link>{base}/pages/{name}</link><guid>{base}/pages/{name}</guid>"
        f"<pubDate>{format_datetime(start - timedelta(minutes=n))}</pubDate></item>"
        for n, (name, title) in enumerate(stories)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Reuters bench</title><link>{base}/</link>'
        f"<description>bench</description>{items}</channel></rss>"
    ).encode()


def serve(folder: Path, stories: list[tuple[str, str]], per_round: int | None) -> ThreadingHTTPServer:
    """Serve the pages and the feed on 127.0.0.1; with `per_round`, each fetch of the feed lists the next
    `per_round` stories (a window moving as a busy source's would)."""
    fetched = {"feed": 0}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/feed.xml":
                window = stories
                if per_round:
                    start = fetched["feed"] * per_round
                    window = stories[start : start + per_round]
                fetched["feed"] += 1
                self._send("application/rss+xml", feed(base, window))
            elif self.path.startswith("/pages/") and (folder / self.path[7:]).is_file():
                self._send("text/html; charset=utf-8", (folder / self.path[7:]).read_bytes())
            else:
                self.send_error(404)

        def _send(self, kind: str, body: bytes) -> None:
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def settings_for(args):
    from accord.config import Settings, WatchSettings

    watch = WatchSettings(host_delay=0.0, items_per_source=max(args.limit, args.per_round or 0), read_timeout=60.0)
    return Settings(nlp_batch_size=64, store_batch_size=64, workers=args.processes, watch=watch)


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def rss_mb(pid: int) -> float:
    """A process's resident memory now, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def phase_ingest(args) -> dict:
    """`accord ingest` of the pages as files."""
    from accord.ingestion import ingest
    from accord.store import Store

    with tempfile.TemporaryDirectory() as tmp, Store.open(f"sqlite:///{tmp}/ingest.db") as store:
        start = time.perf_counter()
        summary = ingest([args.pages], store, settings_for(args))
        seconds = time.perf_counter() - start
    return {"items": summary.new, "failed": summary.failed, "seconds": seconds, "peak_mb": peak_mb()}


def phase_watch(args) -> dict:
    """`accord watch --once` over the feed: fetch the feed, every page, extract, store, link."""
    from accord.store import Store
    from accord.store.sources import add_source
    from accord.watch import watch

    with tempfile.TemporaryDirectory() as tmp, Store.open(f"sqlite:///{tmp}/watch.db") as store:
        add_source(store, args.feed, "feed")
        start = time.perf_counter()
        (summary,) = watch(store, settings_for(args), once=True)
        seconds = time.perf_counter() - start
    ingest = summary.ingest
    assert ingest is not None
    return {"items": ingest.new, "failed": ingest.failed, "seconds": seconds, "peak_mb": peak_mb()}


def phase_memory(args) -> dict:
    """One watcher, many rounds, one worker pool: RSS of the watcher and of its largest worker after each."""
    from accord.store import Store
    from accord.store.sources import add_source, update_source
    from accord.watch import run_round
    from accord.workers import ExtractionPool

    settings = settings_for(args)
    after = []
    with tempfile.TemporaryDirectory() as tmp, Store.open(f"sqlite:///{tmp}/memory.db") as store:
        source = add_source(store, args.feed, "feed")
        with ExtractionPool(settings, settings.workers) as pool:
            taken = 0
            for _ in range(args.memory_rounds):
                summary = run_round(store, settings, pool=pool)
                assert summary.ingest is not None
                taken += summary.ingest.new
                workers = [p.pid for p in pool._executor._processes.values()]  # noqa: SLF001 (measuring only)
                after.append(
                    {"items": taken, "watcher_mb": rss_mb(os.getpid()), "worker_mb": max(map(rss_mb, workers))}
                )
                update_source(store, source.pk, next_check_at=None)
    return {"rounds": after}


def run_phase(name: str, args, **extra: str) -> dict:
    cmd = [sys.executable, __file__, "--phase", name, "--limit", str(args.limit), "--processes", str(args.processes)]
    for key, value in extra.items():
        cmd += [f"--{key.replace('_', '-')}", value]
    if args.memory_rounds:
        cmd += ["--memory-rounds", str(args.memory_rounds), "--per-round", str(args.per_round)]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if out.returncode != 0:
        sys.exit(f"{name} phase failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=2000, help="stories served and ingested (default 2000)")
    parser.add_argument("--processes", type=int, default=2, help="worker processes for the NLP (default 2)")
    parser.add_argument("--memory-rounds", type=int, default=0, help="also run one watcher for this many rounds")
    parser.add_argument("--per-round", type=int, default=500, help="with --memory-rounds: new stories a round")
    parser.add_argument("--phase", choices=["ingest", "watch", "memory"], help=argparse.SUPPRESS)
    parser.add_argument("--pages", help=argparse.SUPPRESS)
    parser.add_argument("--feed", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps({"ingest": phase_ingest, "watch": phase_watch, "memory": phase_memory}[args.phase](args)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp) / "pages"
        stories = write_pages(pages, args.limit)
        server = serve(pages, stories, None)
        base = f"http://127.0.0.1:{server.server_address[1]}"
        ingest = run_phase("ingest", args, pages=str(pages))
        watched = run_phase("watch", args, feed=f"{base}/feed.xml")
        server.shutdown()
        memory = None
        if args.memory_rounds:
            many = write_pages(Path(tmp) / "many", args.memory_rounds * args.per_round)
            moving = serve(Path(tmp) / "many", many, args.per_round)
            memory = run_phase("memory", args, feed=f"http://127.0.0.1:{moving.server_address[1]}/feed.xml")
            moving.shutdown()

    print(
        f"{len(stories)} Reuters stories as HTML pages; {args.processes} worker processes; "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"{'phase':<28} {'items':>6} {'failed':>6} {'seconds':>8} {'items/s':>8} {'peak MB':>8}")
    for name, x in (("accord ingest (files)", ingest), ("accord watch --once (HTTP)", watched)):
        print(
            f"{name:<28} {x['items']:>6} {x['failed']:>6} {x['seconds']:>8.1f} "
            f"{x['items'] / x['seconds']:>8.1f} {x['peak_mb']:>8.0f}"
        )
    ratio = (watched["items"] / watched["seconds"]) / (ingest["items"] / ingest["seconds"])
    print(f"throughput ratio watch/ingest: {ratio:.2f}")
    if memory:
        print("memory of one watcher over its rounds (RSS MB after each round):")
        for r in memory["rounds"]:
            print(
                f"  after {r['items']:>6} items: watcher {r['watcher_mb']:>6.0f}, largest worker {r['worker_mb']:>6.0f}"
            )
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "watch.json").write_text(
        json.dumps({"args": vars(args), "ingest": ingest, "watch": watched, "ratio": ratio, "memory": memory}, indent=2)
    )


if __name__ == "__main__":
    main()
