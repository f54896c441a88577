"""demo/serve_feed.py, which `make demo` runs: the demo corpus as a site whose feed the watcher reads,
every article once, linked pages served, robots.txt present; served on 127.0.0.1 only."""

import importlib.util
from urllib.request import urlopen

from accord.sources.listing import read_listing

from .conftest import ROOT


def _module():
    spec = importlib.util.spec_from_file_location("serve_feed", ROOT / "demo" / "serve_feed.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_demo_site_lists_all_25_articles_and_serves_their_pages():
    serve_feed = _module()
    server = serve_feed.serve(serve_feed.build_site())
    try:
        host, port = server.server_address[:2]
        assert host == "127.0.0.1"
        base = f"http://127.0.0.1:{port}"
        with urlopen(f"{base}/feed.xml", timeout=10) as response:
            listing = read_listing(response.read(), f"{base}/feed.xml", "feed", response.headers["Content-Type"])
        assert len(listing.items) == 25 and len({i.url for i in listing.items}) == 25
        linked = [i for i in listing.items if not i.content]
        assert len(linked) == 17 and all(i.url.startswith(f"{base}/articles/") for i in linked)
        for item in linked:
            with urlopen(item.url, timeout=10) as page:
                assert page.status == 200 and len(page.read()) > 500
        with urlopen(f"{base}/robots.txt", timeout=10) as robots:
            assert b"Disallow: /private/" in robots.read()
    finally:
        server.shutdown()
        server.server_close()
