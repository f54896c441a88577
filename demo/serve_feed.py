"""Serve the demo corpus as a news site with a feed, on 127.0.0.1 only, while commands run; then stop.

    python demo/serve_feed.py --then "accord --db demo-watch.db sources add {feed}" --then "accord ... watch --once"

`/feed.xml` is an RSS 2.0 feed: the HTML, headered and plain articles are items that link to their page
(`/articles/...`, served as they are, so the watcher fetches and reads each), and the JSON Lines records
and the items of the corpus's own feeds are items with their full content (`content:encoded`). `/` is a
page linking to every article, `/robots.txt` allows everything but `/private/`. `{feed}` and `{site}` in
a command are replaced by the feed's and the site's address. The server takes a free port and ends with
the last command; the exit status is the first failing command's.
"""

from __future__ import annotations

import argparse
import html
import json
import shlex
import subprocess
import sys
import threading
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

import feedparser

CORPUS = Path(__file__).resolve().parent / "corpus"
PAGES = {".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8"}


def build_site() -> dict[str, tuple[str, bytes]]:
    """Every path the server answers, with its content type and body."""
    site: dict[str, tuple[str, bytes]] = {}
    items: list[str] = []
    for folder in ("html", "headered", "plain"):
        for path in sorted((CORPUS / folder).glob("*")):
            if path.suffix in PAGES:
                url = f"/articles/{folder}/{path.name}"
                site[url] = (PAGES[path.suffix], path.read_bytes())
                items.append(_item(path.stem.replace("_", " "), url, None, None))
    for line in (CORPUS / "jsonl" / "demo.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in record["text"].split("\n\n"))
        items.append(_item(record["title"], f"/records/{record['id']}", paragraphs, record.get("published")))
    for path in sorted((CORPUS / "feeds").glob("*.xml")):
        for n, entry in enumerate(feedparser.parse(path.read_bytes()).entries, start=1):
            content = entry.get("content", [{}])[0].get("value") or entry.get("summary", "")
            items.append(_item(entry.get("title", ""), f"/feeds/{path.stem}/{n}", content, None))
    rss = (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/">\n<channel>\n'
        "<title>Demo Site</title>\n<link>/</link>\n<description>The demo corpus as a feed</description>\n"
        f"<ttl>5</ttl>\n{''.join(items)}</channel>\n</rss>\n"
    )
    site["/feed.xml"] = ("application/rss+xml; charset=utf-8", rss.encode("utf-8"))
    links = "".join(f'<li><a href="{u}">{html.escape(u)}</a></li>' for u in site if u.startswith("/articles/"))
    site["/"] = ("text/html; charset=utf-8", f"<html><body><ul>{links}</ul></body></html>".encode())
    site["/robots.txt"] = ("text/plain", b"User-agent: *\nDisallow: /private/\n")
    return site


def _item(title: str, link: str, content: str | None, published: str | None) -> str:
    parts = [f"<title>{escape(title)}</title>", f"<link>{{site}}{escape(link)}</link>", f"<guid>{escape(link)}</guid>"]
    if published:
        when = datetime.fromisoformat(published[:10]).replace(tzinfo=UTC)
        parts.append(f"<pubDate>{format_datetime(when)}</pubDate>")
    if content:
        parts.append(f"<content:encoded>{escape(content)}</content:encoded>")
    return f"<item>{''.join(parts)}</item>\n"


def serve(site: dict[str, tuple[str, bytes]]) -> ThreadingHTTPServer:
    """A server for `site` on 127.0.0.1 and a free port, answering in a thread of its own."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            found = site.get(self.path)
            if found is None:
                self.send_error(404)
                return
            kind, body = found
            body = body.replace(b"{site}", f"http://127.0.0.1:{self.server.server_address[1]}".encode())
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:  # quiet: the commands' output is the demo
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--then", action="append", default=[], help="A command to run while serving.")
    args = parser.parse_args()
    server = serve(build_site())
    site = f"http://127.0.0.1:{server.server_address[1]}"
    print(f"serving the demo corpus at {site}/feed.xml", file=sys.stderr)
    try:
        for command in args.then:
            argv = [part.replace("{feed}", f"{site}/feed.xml").replace("{site}", site) for part in shlex.split(command)]
            print("$ " + " ".join(shlex.quote(a) for a in argv), file=sys.stderr, flush=True)
            code = subprocess.run(argv, timeout=1800).returncode
            if code != 0:
                return code
    finally:
        server.shutdown()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
