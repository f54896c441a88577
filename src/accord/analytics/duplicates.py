"""Near-duplicate documents by MinHash over word 3-grams (datasketch), the way news archives find
syndicated copies and rewrites of one agency story.

A copy shares almost all its 3-grams with the original (Jaccard near 1); a rewrite that keeps the
quotations and most sentences shares a good part (0.2-0.6); two independent reports of the same event
share few (under 0.1). STORY_THRESHOLD sits between the last two.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

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


# the hash permutations every signature uses, drawn once: datasketch draws them anew for each MinHash
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def signature(text: str) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_PERMUTATIONS)
    grams = shingles(text)
    if grams:
        minhash.update_batch(list(grams))
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    return minhash.hashvalues.astype(np.uint64).tobytes()


def from_bytes(blob: bytes) -> MinHash:
    hashvalues = np.frombuffer(blob, dtype=np.uint64).copy()
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashvalues=hashvalues, permutations=_PERMUTATIONS)


def relation(similarity: float) -> str:
    return "duplicate" if similarity >= DUPLICATE_THRESHOLD else "near-duplicate"


def _band_ranges() -> list[tuple[int, int]]:
    """The LSH bands (start, end of the signature slice) datasketch finds best for STORY_THRESHOLD."""
    return list(MinHashLSH(threshold=STORY_THRESHOLD, num_perm=NUM_PERM).hashranges)


_BAND_RANGES = _band_ranges()


def band_keys(minhash: MinHash) -> list[int]:
    """One signed 64-bit key per LSH band: two documents share a key when a band of their signatures is
    equal, which is how LSH finds candidates likely above STORY_THRESHOLD. Keys are stored and looked up
    in the store, so a linker holds no index in memory, however many documents a week of news brings."""
    values = minhash.hashvalues.astype(">u8")
    keys = []
    for band, (start, end) in enumerate(_BAND_RANGES):
        digest = hashlib.blake2b(band.to_bytes(2, "big") + values[start:end].tobytes(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def closest(minhash: MinHash, candidates: Iterable[tuple[int, MinHash]]) -> tuple[int, float] | None:
    """The candidate (document key, signature) with the highest estimated Jaccard at or above
    STORY_THRESHOLD; of two as close, the one stored first (lower key), so the answer does not hang on
    the order candidates come in."""
    best: tuple[int, float] | None = None
    for doc_pk, other in candidates:
        similarity = minhash.jaccard(other)
        if similarity >= STORY_THRESHOLD and (best is None or (-similarity, doc_pk) < (-best[1], best[0])):
            best = (doc_pk, similarity)
    return best
