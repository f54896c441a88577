"""Text from small HTML fragments (feed item content): block elements become paragraphs."""

from __future__ import annotations

import lxml.etree
import lxml.html

from .paragraphs import join_paragraphs

_BLOCKS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote tr table section article header footer figure".split()
)


def fragment_text(markup: str) -> str:
    """Readable text of an HTML fragment; plain text passes through with its paragraphs kept."""
    if "<" not in markup:
        return join_paragraphs(markup.split("\n"))
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return join_paragraphs(markup.split("\n"))
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    pieces: list[str] = []
    _walk(root, pieces)
    return join_paragraphs("".join(pieces).split("\n"))


def _walk(element, pieces: list[str]) -> None:
    block = isinstance(element.tag, str) and element.tag in _BLOCKS
    if block:
        pieces.append("\n\n")
    if isinstance(element.tag, str) and element.text:
        pieces.append(element.text.replace("\n", " "))
    for child in element:
        _walk(child, pieces)
        if child.tail:
            pieces.append(child.tail.replace("\n", " "))
    if block:
        pieces.append("\n\n")
