from ..conftest import FIXTURES
from .helpers import read_data, read_path


def test_html_article_text_and_metadata():
    docs, failures = read_path(FIXTURES / "article.html")
    assert failures == []
    doc = docs[0]
    assert doc.reader == "html"
    assert doc.title == "Envoys meet in Oslo to discuss a maritime accord"
    assert doc.publisher == "Example Times"
    assert doc.url == "https://example.org/world/oslo-envoys"
    assert doc.published == "2025-06-03"
    assert doc.dateline.place == "Oslo" and doc.dateline.date == "2025-06-03"
    assert doc.text.startswith("Envoys from three Arctic states")
    assert "Home" not in doc.text and "Copyright" not in doc.text
    assert doc.text.count("\n\n") >= 3  # paragraphs kept


def test_html_without_article_text_is_a_failure_not_a_crash():
    docs, failures = read_path(FIXTURES / "navigation_only.html")
    assert docs == []
    assert len(failures) == 1 and "no article text" in failures[0].reason
    assert failures[0].origin.endswith("navigation_only.html")


PARAGRAPH = "<p>" + "Officials from both countries met in Geneva on Monday to discuss trade. " * 3 + "</p>"


def _nested(depth: int, before: str = "") -> bytes:
    return f"<html><body>{before}{'<div>' * depth}{PARAGRAPH}{'</div>' * depth}</body></html>".encode()


def test_html_nested_too_deeply_says_so():
    docs, failures = read_data(_nested(300), "deep.html")
    assert docs == []
    (failure,) = failures
    assert "nested" in failure.reason and "256 levels" in failure.reason
    assert "navigation or boilerplate" not in failure.reason


def test_html_nested_just_under_the_parsers_limit_is_read():
    docs, failures = read_data(_nested(250), "deep.html")
    assert failures == [] and docs[0].text.startswith("Officials from both countries")
    assert not any("nested" in w for w in docs[0].warnings)


def test_text_below_the_depth_limit_is_read_and_the_rest_named_in_a_warning():
    docs, failures = read_data(_nested(400, before="<article>" + PARAGRAPH * 2 + "</article>"), "deep.html")
    assert failures == []
    assert docs[0].text.startswith("Officials from both countries")
    assert any("nested 256 levels deep" in w for w in docs[0].warnings)
