from hypothesis import given, settings
from hypothesis import strategies as st

from accord.nlp.chunks import split_for_parsing


def test_short_text_is_one_part():
    assert split_for_parsing("abc", 10) == ["abc"]


def test_cuts_at_paragraph_boundaries():
    text = ("word " * 30 + "\n\n") * 10
    parts = split_for_parsing(text, 400)
    assert "".join(parts) == text
    assert all(len(p) <= 400 for p in parts)
    assert all(p.endswith("\n\n") for p in parts[:-1])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab .\n", max_size=3000), st.integers(min_value=20, max_value=500))
def test_parts_rejoin_to_the_text(text, limit):
    parts = split_for_parsing(text, limit)
    assert "".join(parts) == text
    assert all(len(p) <= limit for p in parts)
