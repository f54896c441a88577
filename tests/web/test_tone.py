"""The GDELT-style tone on the web: the document page's figures, and the dashboard's series table and
chart data with the mean tone per period of the documents reporting the pair's events."""

from __future__ import annotations

import json
import re

import pytest

from ..tone_expectations import monthly_tones

pytestmark = pytest.mark.model


def test_the_document_page_shows_its_tone(api):
    document = api.get("/api/documents?limit=1").json()["items"][0]
    stored = api.get(f"/api/documents/{document['pk']}").json()["extraction"]
    tone = stored["tone"]
    assert tone["word_count"] > 0
    page = api.get(f"/documents/{document['pk']}").text
    assert "GDELT-style tone</dt>" in page
    (figures,) = re.findall(r'<dd id="tone">(.*?)</dd>', page, re.S)
    assert f"<strong>{tone['tone']:+.2f}</strong>" in figures
    assert f"positive {tone['positive']:.2f}%" in figures and f"{tone['word_count']:,} words" in figures


def test_the_dyad_series_carries_the_mean_tone(api, demo_url):
    series = api.get("/api/dyads/CHN/USA?by=month").json()["items"]
    assert {p["period"]: p["mean_tone"] for p in series} == monthly_tones(demo_url, "CHN", "USA")
    page = api.get("/?a=CHN&b=USA&by=month").text
    (table,) = re.findall(r'<table class="series" id="series-table">(.*?)</table>', page, re.S)
    assert "GDELT-style tone</th>" in table
    cells = re.findall(r"<tr><td>([^<]+)</td>.*?<td class=\"num\">([^<]*)</td></tr>", table, re.S)
    assert {period: float(tone) for period, tone in cells} == {p["period"]: p["mean_tone"] for p in series}
    (block,) = re.findall(r'<script type="application/json" id="dyad-data">(.*?)</script>', page, re.S)
    assert [p["mean_tone"] for p in json.loads(block)["series"]] == [p["mean_tone"] for p in series]
