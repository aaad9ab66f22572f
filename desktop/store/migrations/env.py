"""Alembic environment: runs on the connection handed over by desktop.store.database."""

from alembic import context
from sqlmodel import SQLModel

import desktop.store.models  # noqa: F401  (registers the tables on SQLModel.metadata)

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only `alembic revision --autogenerate` by hand
    raise RuntimeError("Run migrations through desktop.store.database.migrate().")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
