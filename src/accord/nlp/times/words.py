"""The word stream the grammar reads: spaCy tokens, lower-cased, with hyphenated tokens split
("mid-1990s" -> "mid", "-", "1990s") so that each part can be looked up, keeping character offsets."""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Doc

_PARTS = re.compile(r"[^-]+|-")


class Word(NamedTuple):
    """One word of the stream (a tuple: the stream has one per token, and a tuple is quick to make)."""

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
    """The words of `doc`, read from one array of its tokens' attributes (quicker than a Token object
    per token)."""
    strings = doc.vocab.strings
    words: list[Word] = []
    for i, (orth, offset, tag_id, ent_id) in enumerate(doc.to_array(["ORTH", "IDX", "TAG", "ENT_TYPE"]).tolist()):
        text, tag, ent = strings[orth], strings[tag_id], strings[ent_id]
        if "-" not in text or text == "-" or text.startswith("-"):
            words.append(Word(text, text.lower(), offset, offset + len(text), i, tag, ent))
            continue
        for match in _PARTS.finditer(text):
            part = match.group()
            start = offset + match.start()
            words.append(Word(part, part.lower(), start, start + len(part), i, tag, ent))
    return words
