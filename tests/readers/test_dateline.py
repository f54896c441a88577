import pytest

from accord.readers.dateline import find_dateline

CASES = [
    # text, year hint, (place, date) or None, body starts with
    ("Beijing, October 27, 2025 — The interactions", None, ("Beijing", "2025-10-27"), "The interactions"),
    ("WASHINGTON (AP) — The Senate voted", None, ("Washington", None), "The Senate"),
    ("GENEVA, May 12 (Demo Wire) - Officials met", 2025, ("Geneva", "2025-05-12"), "Officials"),
    ("GENEVA, May 12 (Demo Wire) - Officials met", None, ("Geneva", None), "Officials"),
    ("Kuala Lumpur — Talks resumed", None, ("Kuala Lumpur", None), "Talks"),
    ("NEW YORK, Sept. 23, 2025 -- Leaders gathered", None, ("New York", "2025-09-23"), "Leaders"),
    ("Paris, Texas — Local officials", None, ("Paris, Texas", None), "Local"),
    ("BRUSSELS - The EU said", None, ("Brussels", None), "The EU"),
    ("BELÉM, Brazil — Delegates", None, ("Belém, Brazil", None), "Delegates"),
    ("TURNBERRY, Scotland, July 27, 2025 — The deal", None, ("Turnberry, Scotland", "2025-07-27"), "The deal"),
    ("RIO DE JANEIRO, July 6 (Wire) - Leaders", 2025, ("Rio de Janeiro", "2025-07-06"), "Leaders"),
    ("ST. LOUIS (AP) — Officials", None, ("St. Louis", None), "Officials"),
    ("Donald Trump - who met Xi - said", None, None, None),
    ("The interactions between the two", None, None, None),
    ("Beijing said on Monday that talks went well", None, None, None),
]


@pytest.mark.parametrize("text, year, expected, body", CASES)
def test_finds_datelines(text, year, expected, body):
    found = find_dateline(text, year)
    if expected is None:
        assert found is None
        return
    assert (found.dateline.place, found.dateline.date) == expected
    assert text[found.end :].startswith(body)
