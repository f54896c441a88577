"""Store stage: SQLite or PostgreSQL through SQLAlchemy Core, schema by Alembic migrations."""

from .rows import doc_key
from .store import Store

__all__ = ["Store", "doc_key"]
