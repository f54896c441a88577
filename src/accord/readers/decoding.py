"""Bytes to text: detects binary data and decodes UTF-8, UTF-16, Windows-1252 and Latin-1."""

from __future__ import annotations

import codecs

from ..errors import BinaryInput

MAGIC = {
    b"%PDF": "a PDF file",
    b"\x1f\x8b": "a gzip archive",
    b"PK\x03\x04": "a zip archive (or Office document)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"SQLite format 3": "a SQLite database",
}


def decode(data: bytes) -> tuple[str, str | None]:
    """Return (text, warning) for `data`; raise BinaryInput for non-text content.

    Line endings are normalised to "\\n" and a byte-order mark is dropped, as Python's text mode does,
    so offsets agree with what other tools read from the same file.
    """
    for magic, what in MAGIC.items():
        if data.startswith(magic):
            raise BinaryInput(f"binary file ({what}); accord reads text, HTML, RSS/Atom and JSON Lines")
    warning = None
    if data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        if b"\x00" in data[:8192]:
            raise BinaryInput("binary file (contains NUL bytes); accord reads text, HTML, RSS/Atom and JSON Lines")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            try:
                text = data.decode("cp1252")
                warning = f"not valid UTF-8 (byte {exc.start}); decoded as Windows-1252"
            except UnicodeDecodeError:
                text = data.decode("latin-1")
                warning = f"not valid UTF-8 (byte {exc.start}); decoded as Latin-1"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sample = text[:8192]
    if sample:
        control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\t\f\v")
        if control / len(sample) > 0.05:
            raise BinaryInput(
                "binary file (mostly control characters); accord reads text, HTML, RSS/Atom and JSON Lines"
            )
    return text, warning
