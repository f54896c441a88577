"""The word stream the grammar reads: spaCy tokens, lower-cased, with hyphenated tokens split
("mid-1990s" -> "mid", "-", "1990s") so that each part can be looked up, keeping character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

_PARTS = re.compile(r"[^-]+|-")


@dataclass(frozen=True)
class Word:
    text: str
    lower: str
    start: int  # character offsets into the document text, end exclusive
    end: int
    token: int  # index of the spaCy token the word comes from
    tag: str  # that token's fine-grained part of speech and entity type
    ent: str


def split_word(text: str) -> list[str]:
    """Split at hyphens, keeping each hyphen as a word ("third-quarter" -> third, -, quarter)."""
    if "-" not in text or text == "-" or text.startswith("-"):
        return [text]
    return _PARTS.findall(text)


def split_phrase(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the word stream will show it: spaces and hyphens split, "'s" detached."""
    out: list[str] = []
    for part in phrase.split():
        if part.endswith("'s") and len(part) > 2:
            out += split_word(part[:-2]) + ["'s"]
        else:
            out += split_word(part)
    return tuple(out)


def doc_words(doc: Doc) -> list[Word]:
    """The words of `doc`, in one pass over its tokens."""
    words: list[Word] = []
    for token in doc:
        text, offset, tag, ent = token.text, token.idx, token.tag_, token.ent_type_
        if "-" not in text or text == "-" or text.startswith("-"):
            words.append(Word(text, text.lower(), offset, offset + len(text), token.i, tag, ent))
            continue
        for match in _PARTS.finditer(text):
            part = match.group()
            start = offset + match.start()
            words.append(Word(part, part.lower(), start, start + len(part), token.i, tag, ent))
    return words
