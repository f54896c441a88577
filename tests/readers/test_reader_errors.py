"""The readers raise accord's own exceptions (accord.errors), never a bare ValueError."""

import pytest

from accord.errors import AccordError, BadDate, BinaryInput, InputError, NoArticleText
from accord.readers.dates import parse_date
from accord.readers.decoding import decode
from accord.readers.html import read_html


@pytest.mark.parametrize("cls", [BadDate, BinaryInput, NoArticleText])
def test_input_errors_are_accord_errors_with_exit_code_1(cls):
    assert issubclass(cls, InputError) and issubclass(cls, AccordError) and not issubclass(cls, ValueError)
    assert cls.exit_code == 1


@pytest.mark.parametrize(
    "call, cls",
    [
        (lambda: parse_date("Octember 45, 2025"), BadDate),
        (lambda: decode(b"%PDF-1.4 \x00\x01"), BinaryInput),
        (lambda: read_html("<html><body><nav>Home</nav></body></html>", "x"), NoArticleText),
    ],
)
def test_readers_raise_input_errors(call, cls):
    with pytest.raises(cls):
        call()
