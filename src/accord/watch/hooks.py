"""What runs after each round of `accord watch` has ingested and linked its items: the place where work
on the new documents hooks in (alerts on the merged events they made, for one)."""

from __future__ import annotations

from collections.abc import Sequence

from ..config import Settings
from ..store import Store


def after_batch(store: Store, settings: Settings, new_doc_ids: Sequence[int]) -> None:
    """Called once per round, after its documents are stored and linked, with their store numbers (none when
    nothing was new). Does nothing yet."""
    del store, settings, new_doc_ids
