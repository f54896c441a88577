"""Rebuilds body text from lines: paragraphs separated by one blank line, broken sentences rejoined."""

from __future__ import annotations

import re

_ENDS_SENTENCE = re.compile(r"[.!?:;…\"'”’)\]]\s*$")


def join_paragraphs(lines: list[str]) -> str:
    """Paragraphs (runs of non-blank lines) joined by "\\n\\n"; lines inside a paragraph joined by a space.

    A paragraph that stops mid-sentence and is followed by one starting in lower case is the same
    sentence broken by the source's layout, so the two are joined with a space.
    """
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines + [""]:
        stripped = " ".join(line.split())
        if stripped:
            current.append(stripped)
            continue
        if current:
            paragraphs.append(" ".join(current))
            current = []
    merged: list[str] = []
    for para in paragraphs:
        if merged and not _ENDS_SENTENCE.search(merged[-1]) and para[0].islower():
            merged[-1] = f"{merged[-1]} {para}"
        else:
            merged.append(para)
    return "\n\n".join(merged)
