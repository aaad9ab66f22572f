"""A database left by an older Sigap, for the tests of opening and upgrading one."""

from __future__ import annotations

from pathlib import Path

from alembic import command

from desktop.store.database import _alembic_config
from desktop.store.engine import create_sqlite_engine


def make_old_database(path: Path, revision: str = "0001") -> Path:
    """Create *path* at schema *revision* (an older one than Sigap's head)."""
    engine = create_sqlite_engine(path)
    config = _alembic_config()
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
        conn.commit()
    engine.dispose()
    return path
