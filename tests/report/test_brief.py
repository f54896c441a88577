"""The HTML brief: one self-contained file (no address of any kind to load, the chart inline as SVG)
in which article text, even text that is markup, appears escaped and never as a live tag."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli import app

from ..conftest import DEMO
from ..html_tags import tags as parsed

pytestmark = pytest.mark.model
runner = CliRunner()
HOSTILE = Path(__file__).resolve().parent / "hostile_article.txt"  # a script tag and an img tag in its text
ARTICLES = (
    DEMO / "html" / "02_busan_trump_xi_meeting.html",
    DEMO / "plain" / "05_kuala_lumpur_trade_talks.txt",
    HOSTILE,
)


@pytest.fixture
def db_url(store_url, pipeline) -> str:
    from accord.config import Settings
    from accord.ingestion import ingest
    from accord.store import Store

    with Store.open(store_url) as store:
        summary = ingest([str(p) for p in ARTICLES], store, Settings(store_batch_size=16), pipeline)
    assert summary.failed == 0 and summary.new == len(ARTICLES)
    return store_url


def write(db_url: str, path: Path, *args: str) -> str:
    result = runner.invoke(app, ["--db", db_url, "report", "--dyad", "CHN-USA", "--out", str(path), *args])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"HTML brief written to {path}"
    return path.read_text(encoding="utf-8")


def test_brief_is_self_contained_with_an_inline_chart(db_url, tmp_path):
    page = write(db_url, tmp_path / "brief.html")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    tags = parsed(page)
    assert "svg" in {tag for tag, _ in tags}
    # nothing to fetch: no script, stylesheet link, frame or image, and every reference stays in the page
    assert not {tag for tag, _ in tags} & {"script", "link", "iframe", "object", "embed", "img", "image", "base"}
    for tag, attrs in tags:
        for name, value in attrs.items():
            if name in ("src", "href", "xlink:href", "action", "poster", "data", "srcset", "background"):
                assert (value or "").startswith("#"), (tag, name, value)
            assert not re.match(r"\s*(https?:)?//", value or ""), (tag, name, value)
            assert not name.startswith("on"), (tag, name)
    assert "@import" not in page
    assert all(ref.startswith("#") for ref in re.findall(r"""url\(\s*['"]?([^)'"]*)""", page))
    for heading in ("Summary", "Timeline", "What each side said", "Evidence"):
        assert heading in page
    assert "China and United States" in page and "Xi Jinping" in page
    assert "<mark>" in page
    from accord import __version__

    assert f"accord {__version__}" in page and ("test.db" in page or "postgresql" in page)


def test_hostile_text_is_escaped(db_url, tmp_path):
    page = write(db_url, tmp_path / "brief.html", "--since", "2025-06-01", "--until", "2025-06-30")
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page
    assert not {tag for tag, _ in parsed(page)} & {"script", "img"}
    timeline = page[page.index('id="timeline"') : page.index('id="quotes"')]
    quotes = page[page.index('id="quotes"') : page.index('id="evidence"')]
    evidence = page[page.index('id="evidence"') :]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in timeline  # the evidence sentence
    assert "&lt;img src=x onerror=alert(1)&gt;" in quotes  # the quotation
    assert "Resume Talks &lt;script&gt;alert(1)&lt;/script&gt;" in evidence  # the title
    assert "Test Wire &lt;img src=x onerror=alert(1)&gt;" in evidence  # the publisher
    assert "2025-06-01 to 2025-06-30" in page


def test_period_picks_weekly_or_monthly_series(db_url, tmp_path):
    weekly = write(db_url, tmp_path / "weekly.html", "--since", "2025-10-01", "--until", "2025-11-15")
    assert "by week" in weekly
    monthly = write(db_url, tmp_path / "monthly.html", "--since", "2025-01-01", "--until", "2025-12-31")
    assert "by month" in monthly


def test_report_needs_a_pair_and_a_file(db_url, tmp_path):
    for args, message in (
        (["report", "--out", str(tmp_path / "b.html")], "--dyad"),
        (["report", "--dyad", "CHN-USA"], "--out"),
    ):
        result = runner.invoke(app, ["--db", db_url, *args])
        assert result.exit_code == 2 and message in result.stderr
