"""POST /api/alerts and DELETE /api/alerts/{id}: an alert from JSON, checked as `accord alerts add` checks
its options (a bad value is a 422 naming the field). Through the API an alert sends to the server's
notifications file and, if given, a webhook: a client never names a file on the server."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException
from pydantic import BaseModel, ConfigDict, Field

from ..alerts import Alert, add_alert, remove_alert
from ..api import Database
from ..errors import UsageError


class AlertIn(BaseModel):
    """An alert's conditions and webhook; at least one condition."""

    model_config = ConfigDict(extra="forbid")

    dyad: str | None = Field(None, description="Two sides, ISO-3 codes or actor names, either direction: CHN-USA.")
    quad: str | list[int] | None = Field(None, description='QuadClasses: [3, 4] or "3,4".')
    code: str | None = Field(None, description="CAMEO code or prefix: 19.")
    actor: str | None = Field(None, description="An actor or country on either side.")
    min_goldstein: float | None = None
    max_goldstein: float | None = None
    min_articles: int | None = Field(None, description="Only once this many articles report the event.")
    status: str | list[str] | None = Field(None, description="Statuses that alert (default occurred, planned).")
    webhook: str | None = Field(None, description="Also POST each notification as JSON to this URL.")


def add(db: Database, body: AlertIn) -> dict[str, Any]:
    """Store the alert; its JSON with `existing`, the stored events it matches already (not sent)."""
    quad = ",".join(map(str, body.quad)) if isinstance(body.quad, list) else body.quad
    status = ",".join(body.status) if isinstance(body.status, list) else body.status
    alert = Alert.parse(
        body.dyad,
        quad,
        body.code,
        body.actor,
        body.min_goldstein,
        body.max_goldstein,
        body.min_articles,
        status,
        body.webhook,
        prefix="",
    )
    added, existing = add_alert(db.store, alert)
    return added.to_dict() | {"existing": existing}


def remove(db: Database, alert_id: int) -> dict[str, Any]:
    try:
        remove_alert(db.store, alert_id)
    except UsageError:
        raise HTTPException(404, f"no alert number {alert_id}; /api/alerts lists them") from None
    return {"removed": alert_id}
