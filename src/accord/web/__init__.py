"""The web interface: a dashboard, pages for events, documents, quotes and actors, and a REST API, all
served offline by `accord serve` (FastAPI + uvicorn). `create_app(db_url)` builds the ASGI app."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
