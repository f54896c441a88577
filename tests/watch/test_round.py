"""One round of the watcher against real servers on 127.0.0.1, with the real pipeline: conditional GET,
Retry-After, backoff and pausing, a hanging server, robots.txt, malformed and huge feeds, pages that are
not articles, redirect loops, responses cut at the cap, and the same article under two addresses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from accord.store import tables
from accord.watch import run_round

from ..sources import feeds
from ..sources.server import Route, serving
from .conftest import documents, due_again, follow, reload, seen_rows, with_watch

pytestmark = pytest.mark.model


def test_a_feed_answers_200_then_304_to_the_conditional_request(store, settings, pipeline):
    with serving() as server:
        body = feeds.rss(feeds.items(server.base, range(3)))

        def respond(headers):
            if headers.get("if-none-match") == '"v1"':
                return 304, {}, b""
            return 200, {"ETag": '"v1"', "Last-Modified": "Mon, 07 Dec 2026 10:00:00 GMT"}, body

        server.routes["/feed"] = Route(respond=respond)
        source = follow(store, server.url("/feed"))
        first = run_round(store, settings, pipeline=pipeline)
        assert [s.outcome for s in first.sources] == ["new items"] and first.ingest.new == 3
        assert len(first.new_documents) == 3
        stored = reload(store, source)
        assert stored.etag == '"v1"' and stored.items == 3 and stored.status == "active"
        assert stored.name == "Test Wire"  # the feed's title, none given
        due_again(store, source)
        second = run_round(store, settings, pipeline=pipeline)
        assert [s.outcome for s in second.sources] == ["not modified"] and second.ingest.new == 0
        last = server.hits("/feed")[-1]
        assert last.headers["if-none-match"] == '"v1"'
        assert last.headers["if-modified-since"] == "Mon, 07 Dec 2026 10:00:00 GMT"
        assert reload(store, source).last_http_status == 304
        assert len(documents(store)) == 3


def test_nothing_is_fetched_before_its_next_check(store, settings, pipeline):
    with serving() as server:
        server.routes["/feed"] = Route(feeds.rss(feeds.items(server.base, range(1))))
        follow(store, server.url("/feed"))
        run_round(store, settings, pipeline=pipeline)
        again = run_round(store, settings, pipeline=pipeline)
        assert again.sources == [] and len(server.hits("/feed")) == 1


def test_a_429_with_retry_after_is_honoured(store, settings, pipeline):
    with serving() as server:
        server.routes["/feed"] = Route(b"slow down", status=429, headers={"Retry-After": "7200"})
        source = follow(store, server.url("/feed"))
        before = datetime.now(UTC)
        (report,) = run_round(store, settings, pipeline=pipeline).sources
        stored = reload(store, source)
        assert report.outcome == "failed" and "HTTP 429 (Retry-After 7200 s)" in report.error
        assert stored.status == "failing" and stored.failures == 1
        assert before + timedelta(seconds=7190) <= stored.next_check_at <= datetime.now(UTC) + timedelta(seconds=7210)


def test_a_500_backs_off_and_a_source_that_keeps_failing_is_paused_with_its_reason(store, settings, pipeline):
    with serving() as server:
        server.routes["/feed"] = Route(b"oops", status=500)
        source = follow(store, server.url("/feed"))
        before = datetime.now(UTC)
        run_round(store, settings, pipeline=pipeline)
        stored = reload(store, source)
        # the first backoff: the shortest interval (60 s) with jitter, between half of it and all of it
        assert before + timedelta(seconds=29) <= stored.next_check_at <= datetime.now(UTC) + timedelta(seconds=61)
        for _ in range(2):
            due_again(store, source)
            run_round(store, settings, pipeline=pipeline)
        stored = reload(store, source)
        assert stored.status == "paused" and stored.failures == 3
        assert stored.pause_reason == "paused after 3 failures in a row; the last: HTTP 500"
        due_again(store, source)  # paused: not fetched however due
        assert run_round(store, settings, pipeline=pipeline).sources == []
        assert len(server.hits("/feed")) == 3


def test_a_hanging_server_times_out_and_the_other_sources_go_on(store, settings, pipeline):
    with serving() as slow, serving() as quick:
        slow.routes["/feed"] = Route(hang=True)
        quick.routes["/feed"] = Route(feeds.rss(feeds.items(quick.base, range(2))))
        hanging = follow(store, slow.url("/feed"))
        follow(store, quick.url("/feed"))
        reports = {r.pk: r for r in run_round(store, settings, pipeline=pipeline).sources}
        assert reports[hanging.pk].outcome == "failed" and "timed out" in reports[hanging.pk].error
        assert len(documents(store)) == 2


def test_robots_txt_disallowing_an_article_path_keeps_it_unfetched(store, settings, pipeline):
    with serving() as server:
        server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n")
        listed = feeds.items(server.base, range(1), content=False) + feeds.items(
            server.base, range(1, 2), content=False, path="/private/"
        )
        server.routes["/feed"] = Route(feeds.rss(listed))
        server.routes["/news/story-0"] = Route(feeds.page(0))
        server.routes["/private/story-1"] = Route(feeds.page(1))
        source = follow(store, server.url("/feed"))
        summary = run_round(store, settings, pipeline=pipeline)
        assert summary.ingest.new == 1 and [f.reason for f in summary.ingest.failures] == [
            f"{server.base}/robots.txt disallows {server.url('/private/story-1')}"
        ]
        assert not server.hits("/private/story-1")
        due_again(store, source)
        run_round(store, settings, pipeline=pipeline)
        assert not server.hits("/private/story-1") and len(server.hits("/news/story-0")) == 1


def test_a_malformed_feed_fails_with_its_reason_and_the_others_go_on(store, settings, pipeline):
    with serving() as server:
        server.routes["/broken"] = Route(b"<?xml version='1.0'?><rss><channel><title>x</ti", status=200)
        server.routes["/feed"] = Route(feeds.rss(feeds.items(server.base, range(1))))
        broken = follow(store, server.url("/broken"))
        follow(store, server.url("/feed"))
        reports = {r.pk: r for r in run_round(store, settings, pipeline=pipeline).sources}
        assert reports[broken.pk].outcome == "failed"
        assert reports[broken.pk].error.startswith("not a readable RSS/Atom feed")
        assert reload(store, broken).last_error == reports[broken.pk].error
        assert len(documents(store)) == 1


def test_a_feed_of_5000_items_is_taken_a_round_s_share_at_a_time(store, settings, pipeline):
    with serving() as server:
        body = feeds.rss(feeds.items(server.base, range(5000)))

        def respond(headers):  # a conditional feed: the backlog must not be lost to a 304
            if headers.get("if-none-match") == '"big"':
                return 304, {}, b""
            return 200, {"ETag": '"big"'}, body

        server.routes["/feed"] = Route(respond=respond)
        source = follow(store, server.url("/feed"))
        capped = with_watch(settings, items_per_source=8)
        first = run_round(store, capped, pipeline=pipeline)
        assert first.ingest.new == 8 and first.sources[0].reason == "backlog"
        due_again(store, source)
        second = run_round(store, capped, pipeline=pipeline)
        assert second.ingest.new == 8
        titles = [title for _, title in documents(store)]
        assert len(set(titles)) == 16 and reload(store, source).items == 16
        assert "if-none-match" not in server.hits("/feed")[1].headers  # validators dropped while a backlog remains


def test_an_article_page_that_is_not_an_article_is_reported_and_not_fetched_again(store, settings, pipeline):
    with serving() as server:
        server.routes["/feed"] = Route(feeds.rss(feeds.items(server.base, range(2), content=False)))
        server.routes["/news/story-0"] = Route(feeds.page(0), headers={"Content-Type": "text/html"})
        server.routes["/news/story-1"] = Route(feeds.NOT_AN_ARTICLE, headers={"Content-Type": "text/html"})
        source = follow(store, server.url("/feed"))
        summary = run_round(store, settings, pipeline=pipeline)
        (failure,) = summary.ingest.failures
        assert failure.origin == server.url("/news/story-1") and "no article text" in failure.reason
        assert summary.ingest.new == 1
        assert sorted(seen_rows(store))[1][:2] == (server.url("/news/story-1"), "failed")
        due_again(store, source)
        run_round(store, settings, pipeline=pipeline)
        assert len(server.hits("/news/story-1")) == 1


def test_a_redirect_loop_is_reported_for_its_item(store, settings, pipeline):
    with serving() as server:
        server.routes["/feed"] = Route(feeds.rss(feeds.items(server.base, range(1), content=False)))
        server.routes["/news/story-0"] = Route(status=302, headers={"Location": "/elsewhere"})
        server.routes["/elsewhere"] = Route(status=302, headers={"Location": "/news/story-0"})
        follow(store, server.url("/feed"))
        summary = run_round(store, settings, pipeline=pipeline)
        (failure,) = summary.ingest.failures
        assert "redirect loop" in failure.reason and summary.ingest.new == 0
        assert len(server.requests) < 10


def test_a_huge_article_page_is_cut_at_the_cap_and_the_cut_reported(store, settings, pipeline):
    with serving() as server:
        server.routes["/feed"] = Route(feeds.rss(feeds.items(server.base, range(1), content=False)))
        server.routes["/news/story-0"] = Route(huge=30_000_000)
        follow(store, server.url("/feed"))
        summary = run_round(store, with_watch(settings, max_bytes=50_000), pipeline=pipeline)
        assert summary.ingest.new == 1
        with store.engine.connect() as conn:
            (warnings,) = conn.execute(select(tables.documents.c.warnings)).scalars()
        assert any("response larger than the size cap of 50,000 bytes, cut there" in w for w in warnings)


def test_a_huge_feed_is_cut_at_the_cap_and_reported_on_the_source(store, settings, pipeline):
    with serving() as server:
        server.routes["/feed"] = Route(huge=30_000_000)
        source = follow(store, server.url("/feed"))
        (report,) = run_round(store, with_watch(settings, max_bytes=50_000), pipeline=pipeline).sources
        assert "cut there" in report.error and reload(store, source).last_error == report.error


def test_the_same_article_under_two_urls_is_ingested_once(store, settings, pipeline):
    with serving() as server:
        listed = feeds.items(server.base, range(1), content=False)
        listed.append(dict(listed[0], link=server.url("/amp/story-0"), guid="tag:test,2026:amp-0"))
        server.routes["/feed"] = Route(feeds.rss(listed))
        server.routes["/news/story-0"] = Route(feeds.page(0))
        server.routes["/amp/story-0"] = Route(feeds.page(0))
        follow(store, server.url("/feed"))
        summary = run_round(store, settings, pipeline=pipeline)
        assert summary.ingest.new == 1 and summary.duplicates == 1
        assert sorted(outcome for _, outcome, _ in seen_rows(store)) == ["duplicate", "ingested"]


def test_an_item_taken_from_one_source_is_not_fetched_for_another(store, settings, pipeline):
    with serving() as server:
        listed = feeds.items(server.base, range(1), content=False)
        server.routes["/a"] = Route(feeds.rss(listed))
        server.routes["/b"] = Route(feeds.json_feed(listed), headers={"Content-Type": "application/feed+json"})
        server.routes["/news/story-0"] = Route(feeds.page(0))
        follow(store, server.url("/a"))
        run_round(store, settings, pipeline=pipeline)
        follow(store, server.url("/b"))
        summary = run_round(store, settings, pipeline=pipeline)
        assert summary.sources[0].outcome == "nothing new" and len(server.hits("/news/story-0")) == 1


def test_a_page_source_takes_the_articles_it_links_to(store, settings, pipeline):
    with serving() as server:
        links = "".join(f"<li><a href='/news/story-{n}'>{feeds.article(n)['title']} today</a></li>" for n in range(2))
        server.routes["/world"] = Route(f"<html><body><a href='/'>Home</a><ul>{links}</ul></body></html>".encode())
        for n in range(2):
            server.routes[f"/news/story-{n}"] = Route(feeds.page(n))
        follow(store, server.url("/world"), kind="page", categories=["World"])
        summary = run_round(store, settings, pipeline=pipeline)
        assert summary.ingest.new == 2
        assert {url for url, _ in documents(store)} == {server.url(f"/news/story-{n}") for n in range(2)}


def test_a_site_whose_robots_txt_fails_is_backed_off_not_paused(store, settings, pipeline):
    with serving() as server:
        server.routes["/robots.txt"] = Route(b"down", status=503)
        server.routes["/feed"] = Route(feeds.rss(feeds.items(server.base, range(1))))
        source = follow(store, server.url("/feed"))
        (report,) = run_round(store, settings, pipeline=pipeline).sources
        assert report.outcome == "failed" and "robots.txt could not be read (HTTP 503)" in report.error
        assert reload(store, source).status == "failing" and not server.hits("/feed")


def test_an_item_with_neither_content_nor_link_is_reported(store, settings, pipeline):
    with serving() as server:
        body = b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "lonely", "title": "Nothing"}]}'
        server.routes["/feed"] = Route(body, headers={"Content-Type": "application/feed+json"})
        follow(store, server.url("/feed"))
        summary = run_round(store, settings, pipeline=pipeline)
        (failure,) = summary.ingest.failures
        assert failure.origin == server.url("/feed") + "#lonely" and "neither content nor a link" in failure.reason
        assert seen_rows(store) == [(None, "failed", "feed item has neither content nor a link")]
