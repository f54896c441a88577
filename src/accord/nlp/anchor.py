"""The anchor date relative expressions are resolved against, and why it was chosen."""

from __future__ import annotations

from ..model import Extraction


def choose_anchor(ex: Extraction, fallback: str | None = None) -> None:
    """Dateline date, else published, else document date, else `fallback` (--published); warn on fallback."""
    candidates = [
        ("dateline", ex.dateline.date if ex.dateline else None),
        ("published date", ex.published),
        ("document date", ex.document_date),
        ("--published", fallback),
    ]
    for n, (label, value) in enumerate(candidates):
        if value:
            ex.anchor_date = value[:10]
            if n > 0:
                ex.warnings.append(f"anchor date {ex.anchor_date} taken from the {label}: no dateline date")
            return
    ex.anchor_date = None
    ex.warnings.append(
        "no anchor date: the document gives none and --published was not set; relative dates cannot be resolved"
    )
