"""The SQLAlchemy engine for a Sigap database file, with the pragmas every connection needs."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 131_072  # 128 MiB page cache per connection: bulk loads and 1M-row indexes


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """The SQLite URI that opens *path* for reading only (``immutable``: also without the
    WAL's shared-memory file, for a folder where SQLite cannot create it).

    Built by hand, not with ``Path.as_uri()``: a Windows share or mapped drive would become
    ``file://server/...``, whose authority SQLite refuses; ``file:////server/...`` it reads.
    """
    text = os.path.abspath(path).replace(os.sep, "/")
    if not text.startswith("/"):
        text = "/" + text  # C:/... becomes /C:/...
    uri = "file://" + quote(text, safe="/:") + "?mode=ro"
    return f"{uri}&immutable=1" if immutable else uri


def create_sqlite_engine(path: Path, *, read_only: bool = False, immutable: bool = False) -> Engine:
    """Create an engine on *path* with WAL, foreign keys, a busy timeout and explicit BEGINs.

    *read_only* opens the file for reading only (a write-protected file or folder): SQLite
    refuses every write, and the journal mode is left as the file has it. The driver opens
    the file itself (``creator``): a path inside a URL would be cut at a ``?`` or ``#``.
    """
    timeout = BUSY_TIMEOUT_MS / 1000
    if read_only:
        uri = read_only_uri(path, immutable=immutable)

        def connect() -> sqlite3.Connection:
            return sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)

    else:
        target = os.fspath(path)

        def connect() -> sqlite3.Connection:
            return sqlite3.connect(target, timeout=timeout, check_same_thread=False)

    engine = create_engine(
        "sqlite+pysqlite://",
        creator=connect,
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
        # A failed statement's message must not carry its parameters: NIKs, KPJs and bank
        # accounts would reach the log file in full.
        hide_parameters=True,
    )
    _install_sqlite_events(engine, read_only=read_only)
    return engine


def _install_sqlite_events(engine: Engine, *, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin (pysqlite's own
        # implicit BEGIN is deferred and skips DDL); see the SQLAlchemy SQLite dialect docs.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            if read_only:
                cursor.execute("PRAGMA query_only=ON")
            else:
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            # NORMAL is durable across application crashes in WAL mode; a power cut can lose
            # the last transactions but never corrupts the file.
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            cursor.execute("PRAGMA temp_store=MEMORY")
            # Let CREATE INDEX sort on both cores (bulk loads rebuild indexes).
            cursor.execute("PRAGMA threads=2")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Writers take the write lock up front so two writers never deadlock on an upgrade.
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")
