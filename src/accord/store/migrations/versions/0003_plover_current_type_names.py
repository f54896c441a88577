"""PLOVER types under their current names (PLOVER manual 2.0, POLECAT): DEMAND -> REQUEST, DISAPPROVE and
INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT, in events, event_groups and every stored extraction's events
(documents.extraction, which `accord show` and the web document page read and which re-ingesting an
unchanged document does not rewrite). No table changes shape. Downgrading restores the draft names by the
event's CAMEO root (09 INVESTIGATE, 10 DEMAND, 11 DISAPPROVE, 19 FIGHT).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

CURRENT = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
DRAFT = {
    ("09", "ACCUSE"): "INVESTIGATE",
    ("10", "REQUEST"): "DEMAND",
    ("11", "ACCUSE"): "DISAPPROVE",
    ("19", "ASSAULT"): "FIGHT",
}
BATCH = 500


def upgrade() -> None:
    for table in ("events", "event_groups"):
        for old, new in CURRENT.items():
            op.execute(sa.text(f"UPDATE {table} SET plover = :new WHERE plover = :old").bindparams(old=old, new=new))
    _rename_in_extractions(lambda event: CURRENT.get(event.get("plover") or ""))


def downgrade() -> None:
    for table in ("events", "event_groups"):
        for (root, new), old in DRAFT.items():
            op.execute(
                sa.text(f"UPDATE {table} SET plover = :old WHERE plover = :new AND cameo_root = :root").bindparams(
                    old=old, new=new, root=root
                )
            )
    _rename_in_extractions(lambda event: DRAFT.get((event.get("cameo_root") or "", event.get("plover") or "")))


def _rename_in_extractions(renamed: Callable[[dict], str | None]) -> None:
    """Rewrite the contract objects whose events hold a name `renamed` changes (None: keep), a batch of
    documents at a time so a large store is never read whole."""
    documents = sa.table("documents", sa.column("pk", sa.Integer), sa.column("extraction", sa.JSON))
    connection = op.get_bind()
    last = 0
    while True:
        rows = connection.execute(
            sa.select(documents.c.pk, documents.c.extraction)
            .where(documents.c.pk > last)
            .order_by(documents.c.pk)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        for pk, extraction in rows:
            events = (extraction or {}).get("events") or []
            changed = False
            for event in events:
                new = renamed(event)
                if new is not None:
                    event["plover"], changed = new, True
            if changed:
                connection.execute(sa.update(documents).where(documents.c.pk == pk).values(extraction=extraction))
        last = rows[-1].pk
