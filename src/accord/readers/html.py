"""HTML article pages: main text and metadata by trafilatura; pages without article text are refused.

The HTML parser (libxml2, through lxml) keeps at most MAX_DEPTH levels of nested elements and silently
drops what lies deeper; a page that reaches that depth is refused as too deeply nested when nothing
above it is article text, and read with a warning when something is.
"""

from __future__ import annotations

import logging
import re

import trafilatura
from lxml import etree
from trafilatura.settings import Document as ExtractedPage

from ..errors import BadDate, NoArticleText
from ..model import Document
from .common import apply_dateline, check_language, real_url
from .dates import parse_date
from .paragraphs import join_paragraphs

NAME = "html"
MIN_WORDS = 8  # fewer words than this is a menu or a caption, not an article
MAX_DEPTH = 256  # libxml2's HTML parser keeps elements down to this depth and drops deeper ones
_WORD = re.compile(r"\w+")
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def looks_html(text: str) -> bool:
    """Whether the text opens like an HTML page or fragment."""
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html", "<head", "<body")) or (
        head.startswith("<") and ("<p" in head or "<div" in head or "<article" in head)
    )


def read_html(text: str, doc_id: str) -> Document:
    """The page's article text and metadata as a Document; NoArticleText when it has too little text."""
    result, too_deep = _article(text)
    body = result.text or ""
    title = (result.title or "").strip() or None
    # trafilatura gives one paragraph a line; accord separates paragraphs with a blank line and drops
    # a first paragraph that only repeats the headline.
    paragraphs = [p for p in body.split("\n") if p.strip()]
    if title and len(paragraphs) > 1 and " ".join(paragraphs[0].split()) == " ".join(title.split()):
        paragraphs = paragraphs[1:]
    doc = Document(id=doc_id, text=join_paragraphs([ln for p in paragraphs for ln in (p, "")]), reader=NAME)
    doc.title = title
    doc.url = real_url(result.url)
    doc.publisher = (result.sitename or "").strip() or None
    doc.categories = [c for c in (result.categories or []) if c]
    if result.date:
        try:
            doc.published = parse_date(result.date)
        except BadDate as exc:
            doc.warnings.append(f"published not read, kept as null: {exc}")
    if too_deep:
        doc.warnings.append(
            f"HTML page is nested {MAX_DEPTH} levels deep, as deep as the HTML parser reads: text nested deeper was not read"
        )
    apply_dateline(doc, strip=True)
    check_language(doc, result.language[:2].lower() if result.language else None)
    return doc


def _article(text: str) -> tuple[ExtractedPage, bool]:
    """trafilatura's extraction of the page and whether the page reached MAX_DEPTH; refused when it found
    fewer than MIN_WORDS words, as too deeply nested if it reached that depth."""
    tree = trafilatura.load_html(text)
    too_deep = tree is not None and _depth(tree) >= MAX_DEPTH  # measured before trafilatura prunes the tree
    result = trafilatura.bare_extraction(
        tree if tree is not None else text,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
    )
    if not isinstance(result, ExtractedPage) or len(_WORD.findall(result.text or "")) < MIN_WORDS:
        if too_deep:
            raise NoArticleText(
                f"HTML page is nested too deeply: it reaches {MAX_DEPTH} levels of elements, the most the HTML "
                "parser reads, and no article text was found above that depth"
            )
        raise NoArticleText("HTML page has no article text that accord could find (navigation or boilerplate only?)")
    return result, too_deep


def _depth(tree: etree._Element) -> int:
    """How many levels of elements the parsed page has (the root is level 1)."""
    level = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        level += 1 if event == "start" else -1
        deepest = max(deepest, level)
    return deepest
