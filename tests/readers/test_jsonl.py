from ..conftest import FIXTURES
from .helpers import read_path


def test_jsonl_good_lines_read_bad_lines_reported_by_number():
    docs, failures = read_path(FIXTURES / "mixed.jsonl")
    assert [d.id for d in docs][:2] == ["j-1", "3"]
    assert len(docs) == 3
    j1 = docs[0]
    assert j1.title == "Talks in Doha" and j1.url == "https://example.org/doha"
    assert j1.published == "2025-10-09" and j1.sources == ["Test Agency"] and j1.publisher == "Test Wire"
    assert j1.text == "Negotiators met in Doha on Thursday.\n\nThey said progress had been made."
    assert docs[1].published is None and any("Octember" in w for w in docs[1].warnings)
    assert len(docs[2].id) == 16 and docs[2].url is None  # content hash id; "#" is not a URL
    reasons = {f.origin.rsplit(":", 1)[1]: f.reason for f in failures}
    assert set(reasons) == {"2", "4", "5"}
    assert "line 2 is not valid JSON" in reasons["2"]
    assert "not an object" in reasons["4"]
    assert 'no "text"' in reasons["5"]
