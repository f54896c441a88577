import pytest

from accord.errors import BadDate
from accord.readers.dates import parse_date

VALID = [
    ("October 27, 2025", False, "2025-10-27"),
    ("Oct. 27, 2025", False, "2025-10-27"),
    ("Sept 3 2025", False, "2025-09-03"),
    ("27 October 2025", False, "2025-10-27"),
    ("Monday, 27 October 2025", False, "2025-10-27"),
    ("2025-10-27", False, "2025-10-27"),
    ("2025/10/27", False, "2025-10-27"),
    ("Fri, Dec 26 2025 01:46:38 am", True, "2025-12-26T01:46:38"),
    ("Fri, Dec 26 2025 01:46:38 pm", True, "2025-12-26T13:46:38"),
    ("Fri, Dec 26 2025 12:05:00 am", True, "2025-12-26T00:05:00"),
    ("2025-10-27T08:30:00Z", True, "2025-10-27T08:30:00"),
    ("2025-10-27 08:30", True, "2025-10-27T08:30:00"),
    ("Mon, 27 Oct 2025 10:15:00 +0000", True, "2025-10-27T10:15:00"),
    ("February 29, 2024", False, "2024-02-29"),
    ("  October   27,  2025 ", False, "2025-10-27"),
]

INVALID = [
    ("Octember 45, 2025", "not a month name"),
    ("October 45, 2025", "not a calendar date"),
    ("February 29, 2025", "not a calendar date"),
    ("2025-13-01", "not a calendar date"),
    ("", "empty"),
    ("yesterday", "not a date"),
    ("Fri, Dec 26 2025 13:46:38 pm", "12-hour clock"),
]


@pytest.mark.parametrize("raw, keep_time, expected", VALID)
def test_parses_metadata_dates(raw, keep_time, expected):
    assert parse_date(raw, keep_time=keep_time) == expected


@pytest.mark.parametrize("raw, reason", INVALID)
def test_refuses_impossible_dates_with_a_reason(raw, reason):
    with pytest.raises(BadDate, match=reason):
        parse_date(raw)
