"""OPML lists: every outline with an xmlUrl, its name and the folders around it as categories."""

import pytest

from accord.errors import UsageError
from accord.sources.opml import read_opml

OPML = b"""<?xml version="1.0"?>
<opml version="2.0"><head><title>mine</title></head><body>
  <outline text="World"><outline text="Wire A" type="rss" xmlUrl="https://a.example/feed"/>
    <outline text="Asia"><outline title="Wire B" text="b" xmlUrl="https://b.example/rss"/></outline></outline>
  <outline text="Loose" xmlUrl="https://c.example/atom"/>
</body></opml>"""


def test_opml_outlines_become_subscriptions_with_their_folders_as_categories():
    found = read_opml(OPML, "feeds.opml")
    assert [(s.url, s.name, s.categories) for s in found] == [
        ("https://a.example/feed", "Wire A", ["World"]),
        ("https://b.example/rss", "Wire B", ["World", "Asia"]),
        ("https://c.example/atom", "Loose", []),
    ]


@pytest.mark.parametrize("data", [b"not xml at all", b"<html><body/></html>"])
def test_a_file_that_is_not_opml_is_a_usage_error_naming_it(data):
    with pytest.raises(UsageError, match="feeds.opml is not an OPML file"):
        read_opml(data, "feeds.opml")
