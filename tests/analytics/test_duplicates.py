"""MinHash near-duplicates on the project's stories corpus: copies, rewrites and independent reports."""

from pathlib import Path

import pytest

from accord.analytics.duplicates import (
    DUPLICATE_THRESHOLD,
    STORY_THRESHOLD,
    band_keys,
    closest,
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


def test_closest_finds_the_closest_earlier_document():
    earlier = [
        (pk, signature(body(name)))
        for pk, name in enumerate(["a1_original.txt", "b1_original.txt", "c1_report.txt"], 1)
    ]
    assert closest(signature(body("a4_rewrite.txt")), earlier)[0] == 1
    assert closest(signature(body("b2_rewrite.txt")), earlier)[0] == 2
    assert closest(signature(body("c3_report.txt")), earlier) is None


def test_copies_and_rewrites_share_band_keys_independent_reports_do_not():
    original = set(band_keys(signature(body("a1_original.txt"))))
    assert len(original) == len(band_keys(signature(body("a1_original.txt"))))  # one key per band
    assert len(original & set(band_keys(signature(body("a2_copy.txt"))))) > len(original) // 2
    assert original & set(band_keys(signature(body("a4_rewrite.txt"))))
    assert not set(band_keys(signature(body("c1_report.txt")))) & set(band_keys(signature(body("c2_report.txt"))))


def test_band_keys_are_signed_64_bit_and_stable():
    keys = band_keys(signature(body("b1_original.txt")))
    assert all(-(2**63) <= key < 2**63 for key in keys)
    assert keys == band_keys(from_bytes(to_bytes(signature(body("b1_original.txt")))))


@pytest.mark.parametrize("text", ["", "one", "two words"])
def test_short_texts_have_signatures(text):
    assert 0.0 <= signature(text).jaccard(signature(text)) <= 1.0


def test_of_documents_as_close_the_one_stored_first_is_the_closest():
    text = body("a1_original.txt")
    same = [(pk, signature(text)) for pk in (7, 3, 5, 11)]
    assert closest(signature(body("a2_copy.txt")), same)[0] == 3
