"""An event's date precision (issue 16): the calendar period of the time expression that dated it, `day`
for the anchor date; the date itself stays the first day of that period, as before."""

import pytest

from accord.model import Document

CASES = [
    # text, published, (date, date_end, date_basis, date_precision)
    ("In 1999 Russia criticised Ukraine.", "2005-03-01", ("1999-01-01", "1999-12-31", "text", "year")),
    ("In April Russia criticised Ukraine.", "2025-05-12", ("2025-04-01", "2025-04-30", "text", "month")),
    ("Last month Russia criticised Ukraine.", "2025-05-14", ("2025-04-01", "2025-04-30", "text", "month")),
    ("Last week Russia criticised Ukraine.", "2025-05-14", ("2025-05-05", "2025-05-11", "text", "week")),
    ("Over the weekend Russia criticised Ukraine.", "2025-05-14", ("2025-05-10", "2025-05-11", "text", "week")),
    ("On Monday Russia criticised Ukraine.", "2025-05-14", ("2025-05-12", None, "text", "day")),
    ("Russia criticised Ukraine on Monday morning.", "2025-05-14", ("2025-05-12", None, "text", "day")),
    ("In the first quarter Russia criticised Ukraine.", "2025-05-14", ("2025-01-01", "2025-03-31", "text", "year")),
    ("Last summer Russia criticised Ukraine.", "2025-05-14", ("2024-06-01", "2024-08-31", "text", "year")),
    ("In the 1990s Russia criticised Ukraine.", "2005-03-01", ("1990-01-01", "1999-12-31", "text", "decade")),
    ("Russia criticised Ukraine.", "2025-05-14", ("2025-05-14", None, "anchor", "day")),
    ("Russia criticised Ukraine in April.", None, (None, None, "anchor", None)),  # nothing to date it by
]


@pytest.mark.parametrize("text, published, expected", CASES)
def test_an_events_date_precision_is_the_period_its_time_expression_names(
    pipeline, contract_validator, text, published, expected
):
    ex = pipeline.extract_one(Document(id="d", text=text, published=published))
    found = [(e.date, e.date_end, e.date_basis, e.date_precision) for e in ex.events]
    assert found == [expected], found
    contract_validator.validate(ex.to_dict())
    assert ex.to_dict()["events"][0]["date_precision"] == expected[3]
