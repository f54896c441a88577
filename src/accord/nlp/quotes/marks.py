"""Quotation marks paired into quoted spans, for straight, curly and mixed marks.

A mark's role comes from its shape (“ opens, ” closes) or, for a straight ", from its neighbours.
A paragraph left open continues into the next one when that one opens with a mark (the convention for
quotations running over several paragraphs); otherwise the quotation is closed at the end of its
sentence, with a warning, so an unbalanced mark never costs the rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN, CLOSE, STRAIGHT = "“", "”", '"'
MARKS = OPEN + CLOSE + STRAIGHT + "„«»"
_TAG = re.compile(r"<[A-Za-z/][^<>\n]{0,300}>")  # markup left in the text: attribute values are not quotations
_BEFORE_OPEN = set(" \t\n([{—–-/:;")
_AFTER_CLOSE = set(" \t\n)]}.,;:!?—–-/…")


@dataclass(frozen=True)
class QuotedSpan:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the repaired end)
    repaired: bool = False


def _role(text: str, i: int) -> str:
    c = text[i]
    if c in "“„«":
        return "open"
    if c in "”»":
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before in _BEFORE_OPEN or before in MARKS:
        return "open"
    if after in _AFTER_CLOSE:
        return "close"
    return "either"


def find_quoted_spans(text: str) -> tuple[list[QuotedSpan], list[str]]:
    spans: list[QuotedSpan] = []
    warnings: list[str] = []
    in_tags = {i for m in _TAG.finditer(text) for i in range(m.start(), m.end())}
    marks = [i for i, c in enumerate(text) if c in MARKS and i not in in_tags]
    open_at: int | None = None
    segment = 0  # where the open quotation's current paragraph starts
    for i in marks:
        role = _role(text, i)
        if open_at is None:
            if role in ("open", "either"):
                open_at = segment = i
            continue
        # a quotation is open
        if "\n\n" in text[segment:i]:
            gap_end = text.rindex("\n\n", segment, i)
            if text[gap_end + 2 : i].strip() == "" and role in ("open", "either"):
                segment = i  # "…first paragraph \n\n “second paragraph…”: one quotation
                continue
            spans.append(_repair(text, open_at, text.index("\n\n", segment)))
            warnings.append(_warning(text, open_at))
            if role in ("open", "either"):
                open_at = segment = i
            else:
                open_at, segment = None, 0
            continue
        if role in ("close", "either"):
            if i - open_at > 1:
                spans.append(QuotedSpan(open_at, i + 1))
            open_at = None
        else:  # a second opening mark while one is open: the first was never closed
            spans.append(_repair(text, open_at, i))
            warnings.append(_warning(text, open_at))
            open_at = segment = i
    if open_at is not None:
        end = text.find("\n\n", segment)
        spans.append(_repair(text, open_at, len(text) if end < 0 else end))
        warnings.append(_warning(text, open_at))
    return [s for s in spans if s.end - s.start > 2], warnings


def _repair(text: str, start: int, limit: int) -> QuotedSpan:
    """Close an unclosed quotation at the end of its sentence (or at `limit`)."""
    m = re.search(r"[.!?…](?=\s|$)", text[start:limit])
    end = start + m.end() if m else limit
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return QuotedSpan(start, end, repaired=True)


def _warning(text: str, at: int) -> str:
    snippet = " ".join(text[at : at + 40].split())
    return f"unbalanced quotation mark at offset {at} ({snippet!r}…): closed at the end of its sentence"
