"""What a notification says: the merged event (date, sides, CAMEO and PLOVER codes, Goldstein,
QuadClass, status, counts, place), the sentence it was found in, the articles that report it and the
address of its web page. The same object goes to the JSON Lines file, the webhook and the store."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Connection

from ..kb import load_kb
from ..store import alerts as sql
from ..store import queries as q
from .rules import Alert

SCHEMA = "accord-alert/1"


def event_link(base_url: str, event_id: int) -> str:
    """The web page of a merged event as `accord serve` addresses it."""
    return f"{base_url.rstrip('/')}/events/{event_id}"


def build(conn: Connection, group_pk: int, alert: Alert, base_url: str) -> dict[str, Any]:
    """The notification's message for merged event `group_pk` (without its number, given when sent)."""
    row = q.merged_event(conn, group_pk)
    assert row is not None, f"an alert matched merged event {group_pk}, which is not stored"
    cameo_names = {code: info.name for code, info in load_kb().cameo.items()}
    event = {
        "id": row["pk"],
        "date": row["date"],
        "date_end": row["date_end"],
        "date_precision": row["date_precision"],
        "source": row["source_name"],
        "source_country": row["source_country"],
        "target": row["target_name"],
        "target_country": row["target_country"],
        "cameo": row["cameo"],
        "cameo_name": cameo_names.get(row["cameo"], ""),
        "plover": row["plover"],
        "plover_mode": row["plover_mode"],
        "goldstein": row["goldstein"],
        "quad_class": row["quad_class"],
        "status": row["status"],
        "place": row["place_name"],
        "place_country": row["place_country"],
        "num_articles": row["num_articles"],
        "num_sources": row["num_sources"],
        "num_mentions": row["num_mentions"],
    }
    articles = [
        {
            "document": a["id"],
            "title": a["title"],
            "url": a["url"],
            "publisher": a["publisher"],
            "published": a["published"],
        }
        for a in sql.event_articles(conn, group_pk)
    ]
    return {
        "schema": SCHEMA,
        "alert": {"id": alert.id, "description": alert.describe()},
        "event": event,
        "evidence": (row["evidence"] or "").strip() or None,
        "articles": articles,
        "url": event_link(base_url, group_pk),
    }


def headline(message: dict[str, Any]) -> str:
    """A notification in one line, for standard output: date, sides, code and name, counts, link."""
    e = message["event"]

    def side(name: str | None, country: str | None) -> str:
        return f"{name or '?'} ({country})" if country else name or "?"

    articles = e["num_articles"]
    return (
        f"alert {message['alert']['id']}: {e['date'] or 'undated'} {side(e['source'], e['source_country'])} -> "
        f"{side(e['target'], e['target_country'])}  {e['cameo']} {e['cameo_name']} (Q{e['quad_class']}, "
        f"Goldstein {e['goldstein']:g}, {e['status']}), {articles} article{'s' if articles != 1 else ''}  "
        f"{message['url']}"
    )
