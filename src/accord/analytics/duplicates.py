"""Near-duplicate documents by MinHash over word 3-grams (datasketch), the way news archives find
syndicated copies and rewrites of one agency story.

A copy shares almost all its 3-grams with the original (Jaccard near 1); a rewrite that keeps the
quotations and most sentences shares a good part (0.2-0.6); two independent reports of the same event
share few (under 0.1). STORY_THRESHOLD sits between the last two.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SEED = 7
SCHEME = "affine32"  # stated, so stored signatures stay comparable across datasketch versions
STORY_THRESHOLD = 0.2  # estimated Jaccard from which two documents belong to one story
DUPLICATE_THRESHOLD = 0.9  # from here a document is a copy, not a rewrite
STORY_WINDOW_DAYS = 7  # copies and rewrites appear within days; older documents are not compared
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = 3) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    grams = shingles(text)
    if grams:
        minhash.update_batch(list(grams))
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    return minhash.hashvalues.astype(np.uint64).tobytes()


def from_bytes(blob: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashvalues=np.frombuffer(blob, dtype=np.uint64).copy())


def relation(similarity: float) -> str:
    return "duplicate" if similarity >= DUPLICATE_THRESHOLD else "near-duplicate"


class StoryIndex:
    """An LSH index of document signatures that answers "which earlier document is this closest to?".
    Documents carry their day so that the index can forget those outside the story window, which keeps
    its memory bounded by a week of news rather than the whole archive."""

    def __init__(self, threshold: float = STORY_THRESHOLD):
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[int, MinHash] = {}
        self._days: dict[int, str | None] = {}
        self.threshold = threshold

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, doc_pk: int, minhash: MinHash, day: str | None = None) -> None:
        if doc_pk in self._signatures:
            return
        self._lsh.insert(str(doc_pk), minhash)
        self._signatures[doc_pk] = minhash
        self._days[doc_pk] = day

    def forget_before(self, day: str) -> None:
        """Drop the documents dated before `day` (undated ones stay)."""
        for doc_pk in [pk for pk, d in self._days.items() if d is not None and d < day]:
            self._lsh.remove(str(doc_pk))
            del self._signatures[doc_pk], self._days[doc_pk]

    def closest(self, minhash: MinHash) -> tuple[int, float] | None:
        """The indexed document with the highest estimated Jaccard at or above the threshold; of two as
        close, the one stored first (lower doc_pk), so the answer does not hang on the order LSH gives."""
        best: tuple[int, float] | None = None
        for key in self._lsh.query(minhash):
            doc_pk = int(key)
            similarity = minhash.jaccard(self._signatures[doc_pk])
            if similarity >= self.threshold and (best is None or (-similarity, doc_pk) < (-best[1], best[0])):
                best = (doc_pk, similarity)
        return best
