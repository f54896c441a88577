"""Date precision (accord.precision): the kind of calendar period a TIMEX3 value names, and how a date is
shown to its precision."""

import pytest

from accord.precision import PRECISIONS, precision_of, shown_date


@pytest.mark.parametrize(
    "value, precision",
    [
        ("2025-04-02", "day"),
        ("2025-04-02TMO", "day"),  # a time of day: the date is what an event carries
        ("2025-04-02T14:30", "day"),
        ("2025-W10", "week"),
        ("2025-W10-WE", "week"),  # a weekend: the coarser kind
        ("2025-04", "month"),
        ("2025-Q1", "year"),  # a quarter, a half-year and a season: the coarser kind
        ("2025-H2", "year"),
        ("2024-WI", "year"),
        ("1999", "year"),
        ("199", "decade"),
        ("19", "century"),
        ("PAST_REF", None),
        ("XXXX-04", None),
        ("P2D", None),
    ],
)
def test_precision_of_timex_values(value, precision):
    assert precision_of(value) == precision
    assert precision is None or precision in PRECISIONS


@pytest.mark.parametrize(
    "date, date_end, precision, shown",
    [
        ("2025-10-30", None, "day", "2025-10-30"),
        ("2026-04-01", "2026-04-30", "month", "2026-04 (month)"),
        ("1999-01-01", "1999-12-31", "year", "1999 (year)"),
        ("2025-03-03", "2025-03-09", "week", "2025-03-03 (week)"),
        ("1990-01-01", "1999-12-31", "decade", "1990s (decade)"),
        ("1900-01-01", "1999-12-31", "century", "1900s (century)"),
        ("2025-03-03", "2025-03-09", None, "2025-03-03..2025-03-09"),  # a stored range of unknown precision
        (None, None, None, ""),
    ],
)
def test_shown_date(date, date_end, precision, shown):
    assert shown_date(date, date_end, precision) == shown
