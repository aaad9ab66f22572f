"""Alembic migrations of the Sigap schema (run by desktop.store.database, no alembic.ini)."""
