import pytest

from accord.readers.paragraphs import join_paragraphs

CASES = [
    (["One.", "", "Two."], "One.\n\nTwo."),
    (["A sentence broken", "", "across paragraphs."], "A sentence broken across paragraphs."),
    (["A heading", "", "Body starts here."], "A heading\n\nBody starts here."),
    (["line one", "line two", "", "", "", "Next."], "line one line two\n\nNext."),
    (["  spaced   words  "], "spaced words"),
    (["Ends with a quote.”", "", "and lower case"], "Ends with a quote.”\n\nand lower case"),
    ([], ""),
]


@pytest.mark.parametrize("lines, expected", CASES)
def test_joins_paragraphs(lines, expected):
    assert join_paragraphs(lines) == expected
