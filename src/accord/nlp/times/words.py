"""The word stream the grammar reads: spaCy tokens, lower-cased, with hyphenated tokens split
("mid-1990s" -> "mid", "-", "1990s") so that each part can be looked up, keeping character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

_PARTS = re.compile(r"[^-]+|-")


@dataclass
class Words:
    """The word stream as columns, one entry per word (a document has one or more words per token, and
    lists are quicker to fill than an object per word): the text as written and lower-cased, character
    offsets into the document text (end exclusive), the index of the spaCy token the word comes from, and
    that token's fine-grained part of speech and entity type."""

    text: list[str] = field(default_factory=list)
    lower: list[str] = field(default_factory=list)
    start: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)
    token: list[int] = field(default_factory=list)
    tag: list[str] = field(default_factory=list)
    ent: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.text)

    def add(self, text: str, start: int, token: int, tag: str, ent: str) -> None:
        """One more word."""
        self.text.append(text)
        self.lower.append(text.lower())
        self.start.append(start)
        self.end.append(start + len(text))
        self.token.append(token)
        self.tag.append(tag)
        self.ent.append(ent)


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


def doc_words(doc: Doc) -> Words:
    """The words of `doc`, read from one array of its tokens' attributes (quicker than a Token object
    per token)."""
    strings = doc.vocab.strings
    words = Words()
    add = words.add
    for i, (orth, offset, tag_id, ent_id) in enumerate(doc.to_array(["ORTH", "IDX", "TAG", "ENT_TYPE"]).tolist()):
        text, tag, ent = strings[orth], strings[tag_id], strings[ent_id]
        if "-" not in text or text == "-" or text.startswith("-"):
            add(text, offset, i, tag, ent)
            continue
        for match in _PARTS.finditer(text):
            add(match.group(), offset + match.start(), i, tag, ent)
    return words
