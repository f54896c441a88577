"""Alembic environment: runs migrations on the connection accord hands over (see store.database)."""

from alembic import context

from accord.store.tables import metadata

config = context.config
connection = config.attributes.get("connection")

if connection is None:
    raise RuntimeError("accord runs its migrations through accord.store.database.migrate()")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
