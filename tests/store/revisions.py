"""Test helper: an empty store migrated to an earlier revision, for tests of the migrations after it."""

from alembic import command
from sqlalchemy.engine import Engine

from accord.store.database import alembic_config, make_engine


def store_at(url: str, revision: str) -> Engine:
    """An engine on `url` whose schema is at `revision` (nothing later applied)."""
    engine = make_engine(url)
    cfg = alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)
    return engine
