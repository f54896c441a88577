"""POST /api/sources: follow a new source from the web API, as `accord sources add` does (thin over
accord.sources.manage)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from ..errors import UsageError
from ..store.sources import find_source


class NewSource(BaseModel):
    """The source to follow."""

    url: str = Field(description="The feed (RSS, Atom, JSON Feed) or the page that lists articles.")
    name: str | None = Field(None, description="What to call it (default: the feed's title).")
    categories: list[str] = Field(default_factory=list, description="Given to every document from it.")
    kind: Literal["feed", "page"] | None = Field(None, description="Without it, the URL is fetched once to tell.")


def add(state: Any, new: NewSource) -> tuple[int, dict[str, Any]]:
    """(HTTP status, answer): 201 and the source, 409 when it is followed already, 400 with the reason."""
    from ..sources.manage import add as add_source

    store = state.db.store
    if find_source(store, new.url.strip()) is not None:
        return 409, {"detail": f"{new.url} is followed already"}
    try:
        source, _ = add_source(store, state.settings.watch, new.url, new.name, new.categories, new.kind)
    except UsageError as exc:
        return 400, {"detail": str(exc)}
    return 201, source.to_dict()
