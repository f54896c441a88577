"""HTML article pages: main text and metadata by trafilatura; pages without article text are refused."""

from __future__ import annotations

import logging
import re

import trafilatura
from trafilatura.settings import Document as ExtractedPage

from ..errors import BadDate, NoArticleText
from ..model import Document
from .common import apply_dateline, check_language, real_url
from .dates import parse_date
from .paragraphs import join_paragraphs

NAME = "html"
MIN_WORDS = 8  # fewer words than this is a menu or a caption, not an article
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
    result = _article(text)
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
    if result.language:
        doc.language = result.language[:2].lower()
    apply_dateline(doc, strip=True)
    check_language(doc)
    return doc


def _article(text: str) -> ExtractedPage:
    """trafilatura's extraction of the page, refused when it found fewer than MIN_WORDS words."""
    result = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False, deduplicate=False
    )
    if not isinstance(result, ExtractedPage) or len(_WORD.findall(result.text or "")) < MIN_WORDS:
        raise NoArticleText("HTML page has no article text that accord could find (navigation or boilerplate only?)")
    return result
