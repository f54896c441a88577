import pytest

from accord.errors import BinaryInput
from accord.readers.decoding import decode

TEXT = [
    ("utf-8", "Café “quoted” — done".encode(), "Café “quoted” — done", None),
    ("utf-8 BOM", b"\xef\xbb\xbfHello", "Hello", None),
    ("utf-16", "Grüße aus Köln".encode("utf-16"), "Grüße aus Köln", None),
    ("windows-1252", "Minister’s “deal” – €5".encode("cp1252"), "Minister’s “deal” – €5", "Windows-1252"),
    ("latin-1", "Zürich et Genève".encode("latin-1"), "Zürich et Genève", "Windows-1252"),
    ("latin-1 only", b"caf\xe9 \x81", "café \x81", "Latin-1"),
    ("crlf", b"one\r\ntwo\rthree", "one\ntwo\nthree", None),
]

BINARY = [
    ("pdf", b"%PDF-1.7\n...", "PDF"),
    ("gzip", b"\x1f\x8b\x08\x00rest", "gzip"),
    ("nul bytes", b"abc\x00\x00def", "NUL"),
    ("control chars", bytes(range(1, 9)) * 100, "control"),
    ("png", b"\x89PNG\r\n\x1a\n", "PNG"),
]


@pytest.mark.parametrize("name, data, expected, warning", TEXT)
def test_decodes_text(name, data, expected, warning):
    text, got_warning = decode(data)
    assert text == expected
    assert (warning is None and got_warning is None) or warning in got_warning


@pytest.mark.parametrize("name, data, reason", BINARY)
def test_refuses_binary(name, data, reason):
    with pytest.raises(BinaryInput, match=reason):
        decode(data)
