import pytest

from accord.model import Dateline, Extraction
from accord.nlp.anchor import choose_anchor

CASES = [
    # dateline date, published, document_date, --published, anchor, warning contains
    ("2025-10-27", "2025-10-26", "2025-12-26T01:46:38", None, "2025-10-27", None),
    (None, "2025-10-26T08:00:00", "2025-12-26T01:46:38", None, "2025-10-26", "published date"),
    (None, None, "2025-12-26T01:46:38", "2025-01-01", "2025-12-26", "document date"),
    (None, None, None, "2025-01-01", "2025-01-01", "--published"),
    (None, None, None, None, None, "no anchor date"),
]


@pytest.mark.parametrize("dateline, published, document_date, fallback, anchor, warning", CASES)
def test_anchor_order_and_reason(dateline, published, document_date, fallback, anchor, warning):
    ex = Extraction(
        id="x",
        text="t",
        published=published,
        document_date=document_date,
        dateline=Dateline("Somewhere", dateline) if dateline else None,
    )
    choose_anchor(ex, fallback)
    assert ex.anchor_date == anchor
    if warning is None:
        assert ex.warnings == []
    else:
        assert len(ex.warnings) == 1 and warning in ex.warnings[0]
