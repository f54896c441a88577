"""Polite fetching against a real server on 127.0.0.1: User-Agent with contact, gzip, robots.txt, one
request per host at a time, timeouts, the size cap and redirect loops."""

import asyncio
import time

import pytest

from accord.config import WatchSettings
from accord.errors import RobotsDisallowed, SourceError
from accord.sources.fetch import Fetcher
from accord.sources.robots import RobotsCache

from .server import Route, serving

FAST = WatchSettings(host_delay=0.0, connect_timeout=2.0, read_timeout=1.0, contact="desk@example.org")


def fetch(settings, *urls, robots=None):
    async def run():
        async with Fetcher(settings, robots or RobotsCache()) as fetcher:
            return await asyncio.gather(*(fetcher.get(u) for u in urls), return_exceptions=True)

    return asyncio.run(run())


def test_user_agent_names_accord_and_the_contact_and_gzip_is_unpacked():
    with serving() as server:
        server.routes["/a"] = Route(b"hello " * 1000, gzip=True)
        (response,) = fetch(FAST, server.url("/a"))
        assert response.status == 200 and response.body == b"hello " * 1000
        (request,) = server.hits("/a")
        assert "accord/" in request.headers["user-agent"] and "desk@example.org" in request.headers["user-agent"]
        assert "gzip" in request.headers["accept-encoding"]


def test_robots_txt_is_read_once_per_host_and_a_disallowed_path_is_not_fetched():
    with serving() as server:
        server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n")
        server.routes["/private/x"] = Route(b"secret")
        server.routes["/public"] = Route(b"fine")
        robots = RobotsCache()
        private, public = fetch(FAST, server.url("/private/x"), server.url("/public"), robots=robots)
        assert isinstance(private, RobotsDisallowed) and "robots.txt disallows" in str(private)
        assert public.body == b"fine"
        fetch(FAST, server.url("/public"), robots=robots)
        assert len(server.hits("/robots.txt")) == 1 and not server.hits("/private/x")


def test_robots_txt_missing_allows_everything_and_a_server_error_disallows():
    with serving() as server:
        server.routes["/page"] = Route(b"ok")
        (ok,) = fetch(FAST, server.url("/page"))  # /robots.txt answers 404
        assert ok.status == 200
    with serving() as server:
        server.routes["/robots.txt"] = Route(b"down", status=503)
        server.routes["/page"] = Route(b"ok")
        (refused,) = fetch(FAST, server.url("/page"))
        assert isinstance(refused, SourceError) and not isinstance(refused, RobotsDisallowed)
        assert "robots.txt could not be read (HTTP 503)" in str(refused)
        assert not server.hits("/page")


def test_at_most_one_request_per_host_at_once_with_the_delay_between_them():
    settings = WatchSettings(host_delay=0.2, connect_timeout=2.0, read_timeout=2.0)
    with serving() as server:
        for n in range(4):
            server.routes[f"/p{n}"] = Route(b"x", delay=0.1)
        started = time.monotonic()
        results = fetch(settings, *(server.url(f"/p{n}") for n in range(4)))
        took = time.monotonic() - started
        assert all(r.status == 200 for r in results)
        assert server.most_at_once == 1
        assert took >= 4 * 0.1 + 4 * 0.2 - 0.05  # robots.txt, then four pages, each after the delay


def test_a_hanging_server_times_out_while_another_host_answers():
    with serving() as slow, serving() as quick:
        slow.routes["/robots.txt"] = Route(b"")
        slow.routes["/feed"] = Route(hang=True)
        quick.routes["/feed"] = Route(b"<rss/>")
        started = time.monotonic()
        hung, answered = fetch(FAST, slow.url("/feed"), quick.url("/feed"))
        assert isinstance(hung, SourceError) and "timed out" in str(hung)
        assert answered.status == 200
        assert time.monotonic() - started < 10


def test_a_huge_response_is_cut_at_the_cap():
    settings = WatchSettings(host_delay=0.0, read_timeout=5.0, max_bytes=100_000)
    with serving() as server:
        server.routes["/huge"] = Route(huge=50_000_000)
        (response,) = fetch(settings, server.url("/huge"))
        assert response.truncated and len(response.body) == 100_000


@pytest.mark.parametrize("loop", [True, False], ids=["loop", "too-many"])
def test_redirect_loops_and_long_chains_are_refused(loop):
    settings = WatchSettings(host_delay=0.0, max_redirects=3)
    with serving() as server:
        if loop:
            server.routes["/a"] = Route(status=302, headers={"Location": "/b"})
            server.routes["/b"] = Route(status=301, headers={"Location": "/a"})
        else:
            for n in range(10):
                server.routes[f"/r{n}"] = Route(status=302, headers={"Location": f"/r{n + 1}"})
        (refused,) = fetch(settings, server.url("/a" if loop else "/r0"))
        assert isinstance(refused, SourceError)
        assert ("redirect loop" in str(refused)) if loop else ("more than 3 redirects" in str(refused))
        assert len(server.requests) <= 5  # robots.txt and at most four hops


def test_a_redirect_is_followed_and_the_final_address_kept():
    with serving() as server:
        server.routes["/old"] = Route(status=301, headers={"Location": "/new"})
        server.routes["/new"] = Route(b"moved here")
        (response,) = fetch(FAST, server.url("/old"))
        assert response.body == b"moved here" and response.url == server.url("/new")
