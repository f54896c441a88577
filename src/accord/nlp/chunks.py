"""Splits a long text into windows at paragraph (else line, else sentence, else space) boundaries so the
parser's memory stays bounded; concatenating the windows gives back the text exactly."""

from __future__ import annotations


def split_for_parsing(text: str, limit: int) -> list[str]:
    """`text` in windows of at most `limit` characters, each cut at the last boundary in its second half."""
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    start = 0
    while len(text) - start > limit:
        window_end = start + limit
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            cut = text.rfind(sep, start + limit // 2, window_end)
            if cut != -1:
                cut += len(sep)
                break
        if cut == -1:
            cut = window_end
        parts.append(text[start:cut])
        start = cut
    parts.append(text[start:])
    return parts
