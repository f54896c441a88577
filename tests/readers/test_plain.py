import pytest

from .helpers import read_data

CASES = [
    # text, title, dateline (place, date) or None
    ("Talks resume\n\nGENEVA, May 12 (Wire) - Envoys met on Monday.\n", "Talks resume", ("Geneva", None)),
    ("Envoys met on Monday in Geneva. They agreed on a plan.\n", None, None),
    ("Brussels — The EU foreign ministers met.", None, ("Brussels", None)),
    ("A very long first line that is really a sentence, with commas, and ends with a period.\n\nMore.", None, None),
]


@pytest.mark.parametrize("text, title, dateline", CASES)
def test_plain_text_is_kept_verbatim(text, title, dateline):
    docs, failures = read_data(text.encode(), "story.txt")
    assert failures == []
    doc = docs[0]
    assert doc.text == text  # offsets line up with the file
    assert doc.reader == "plain" and doc.id == "story"
    assert doc.title == title
    assert (doc.dateline and (doc.dateline.place, doc.dateline.date)) == (dateline or None)


def test_crlf_is_normalised_like_python_text_mode():
    doc = read_data(b"Line one.\r\nLine two.\r\n")[0][0]
    assert doc.text == "Line one.\nLine two.\n"


def test_a_plain_text_states_no_language_and_is_english_until_the_pipeline_detects_one():
    text = (
        "Les ministres des affaires étrangères se sont réunis mardi à Paris pour discuter de la "
        "sécurité en Europe et des relations avec leurs voisins du sud, selon un communiqué publié hier."
    )
    doc = read_data(text.encode())[0][0]
    assert (doc.language, doc.stated_language, doc.language_confidence) == ("en", None, None)
