from ..conftest import FIXTURES
from .helpers import read_path


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
