"""Where the default database lives."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from desktop import APP_NAME

DB_ENV = "SIGAP_DB"


def default_db_path() -> Path:
    """Return ``$SIGAP_DB`` or ``sigap.db`` in the user's data directory."""
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override).expanduser()
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "sigap.db"
