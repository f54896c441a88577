"""What a source lists: RSS, Atom and JSON Feed items with their full content, the article links of a page,
a malformed feed read as far as it goes or refused, and a feed of 5,000 items."""

import pytest

from accord.errors import SourceError
from accord.sources.listing import read_listing, sniff_kind

from . import feeds

BASE = "http://127.0.0.1:9"


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (feeds.rss(feeds.items(BASE, range(3))), "application/rss+xml"),
        (feeds.atom(feeds.items(BASE, range(3))), "application/atom+xml"),
        (feeds.json_feed(feeds.items(BASE, range(3))), "application/feed+json"),
    ],
    ids=["rss", "atom", "json-feed"],
)
def test_every_feed_format_gives_its_items_with_content_dates_and_ids(body, content_type):
    assert sniff_kind(body, content_type) == "feed"
    listing = read_listing(body, BASE + "/feed", "feed", content_type)
    assert [i.url for i in listing.items] == [f"{BASE}/news/story-{n}" for n in range(3)]
    assert [i.guid for i in listing.items] == [f"tag:test,2026:{n}" for n in range(3)]
    assert all(i.content and "<p>" in i.content for i in listing.items)
    assert [i.published for i in listing.items] == [feeds.items(BASE, range(3))[n]["published"] for n in range(3)]
    assert listing.title and listing.warning is None


def test_rss_ttl_is_read_in_seconds():
    listing = read_listing(feeds.rss(feeds.items(BASE, range(1)), ttl=30), BASE, "feed")
    assert listing.ttl_seconds == 1800


def test_a_feed_item_without_content_is_to_be_fetched():
    listing = read_listing(feeds.rss(feeds.items(BASE, range(2), content=False)), BASE, "feed")
    assert [i.content for i in listing.items] == [None, None]


def test_a_page_lists_its_article_links_on_the_same_site_once():
    body = (
        b"<html><head><title>World news</title></head><body><nav><a href='/'>Home</a> <a href='/about'>About</a>"
        b" <a href='mailto:x@example.org'>Mail</a> <a href='http://elsewhere.example/a-long-article-slug'>x</a></nav>"
        b"<a href='/world/2026/12/01/leaders-meet-in-geneva'>Leaders meet in Geneva</a>"
        b"<a href='/world/2026/12/01/leaders-meet-in-geneva#comments'>Comments</a>"
        b"<a href='/story'>Ministers agree to resume the stalled talks</a></body></html>"
    )
    assert sniff_kind(body, "text/html") == "page"
    listing = read_listing(body, BASE + "/world", "page", "text/html")
    assert [i.url for i in listing.items] == [
        f"{BASE}/world/2026/12/01/leaders-meet-in-geneva",
        f"{BASE}/story",
    ]
    assert listing.title == "World news"


def test_a_page_without_article_links_is_refused():
    with pytest.raises(SourceError, match="links to no articles"):
        read_listing(feeds.NOT_AN_ARTICLE, BASE, "page", "text/html")


def test_malformed_xml_is_read_as_far_as_it_goes_with_a_warning():
    body = feeds.rss(feeds.items(BASE, range(3))).replace(b"</channel></rss>", b"<item><title>cut & broken")
    listing = read_listing(body, BASE, "feed")
    assert len(listing.items) >= 3 and "malformed" in (listing.warning or "")


def test_xml_that_is_not_a_feed_is_refused_with_the_parser_s_reason():
    with pytest.raises(SourceError, match="not a readable RSS/Atom feed"):
        read_listing(b"<rss><channel><title>x</ti", BASE, "feed")


def test_a_json_feed_that_is_not_json_is_refused():
    with pytest.raises(SourceError, match="not a readable JSON Feed"):
        read_listing(b'{"items": [', BASE, "feed", "application/feed+json")


def test_a_feed_of_5000_items_is_read_whole():
    body = feeds.rss(feeds.items(BASE, range(5000)))
    listing = read_listing(body, BASE, "feed")
    assert len(listing.items) == 5000 and len({i.guid for i in listing.items}) == 5000
