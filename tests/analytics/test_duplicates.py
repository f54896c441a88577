"""MinHash near-duplicates on the project's stories corpus: copies, rewrites and independent reports."""

from pathlib import Path

import pytest

from accord.analytics.duplicates import (
    DUPLICATE_THRESHOLD,
    STORY_THRESHOLD,
    StoryIndex,
    from_bytes,
    signature,
    to_bytes,
)

STORIES = Path(__file__).resolve().parent.parent / "fixtures" / "stories"


def body(name: str) -> str:
    return (STORIES / name).read_text(encoding="utf-8")


def test_copy_rewrite_and_independent_report_fall_on_the_right_sides_of_the_thresholds():
    original = signature(body("a1_original.txt"))
    assert original.jaccard(signature(body("a2_copy.txt"))) >= DUPLICATE_THRESHOLD
    rewrite = original.jaccard(signature(body("a4_rewrite.txt")))
    assert STORY_THRESHOLD <= rewrite < DUPLICATE_THRESHOLD
    independent = signature(body("c1_report.txt")).jaccard(signature(body("c2_report.txt")))
    assert independent < STORY_THRESHOLD


def test_signatures_survive_storage():
    minhash = signature(body("b1_original.txt"))
    assert from_bytes(to_bytes(minhash)).jaccard(minhash) == 1.0


def test_index_finds_the_closest_earlier_document():
    index = StoryIndex()
    for pk, name in enumerate(["a1_original.txt", "b1_original.txt", "c1_report.txt"], start=1):
        index.add(pk, signature(body(name)))
    assert index.closest(signature(body("a4_rewrite.txt")))[0] == 1
    assert index.closest(signature(body("b2_rewrite.txt")))[0] == 2
    assert index.closest(signature(body("c3_report.txt"))) is None


@pytest.mark.parametrize("text", ["", "one", "two words"])
def test_short_texts_have_signatures(text):
    assert 0.0 <= signature(text).jaccard(signature(text)) <= 1.0


def test_index_forgets_documents_before_the_window():
    index = StoryIndex()
    text = body("a1_original.txt")
    index.add(1, signature(text), "2025-10-01")
    index.add(2, signature(text), "2025-10-20")
    index.add(3, signature(text), None)
    index.forget_before("2025-10-13")
    assert len(index) == 2 and index.closest(signature(text))[0] in (2, 3)


def test_of_documents_as_close_the_one_stored_first_is_the_closest():
    index = StoryIndex()
    text = body("a1_original.txt")
    for pk in (7, 3, 5, 11):
        index.add(pk, signature(text), "2025-10-01")
    assert index.closest(signature(body("a2_copy.txt")))[0] == 3
