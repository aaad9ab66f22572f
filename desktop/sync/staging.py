"""Staging: a scratch SQLite file that holds one bundle's decoded records until they are
checked and merged (see :mod:`desktop.sync.merge`)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from desktop.sync.changes import AUDIT_FIELDS, AUDIT_KIND, CHANGE_FIELDS, CHANGE_KIND
from desktop.sync.merge_errors import MergeAlarm

# Staged records are written to the staging file in batches of this many records or bytes,
# whichever is reached first.
STAGE_BATCH_RECORDS = 5_000
STAGE_BATCH_BYTES = 8 << 20


class Staging:
    """A scratch SQLite file holding one bundle's records until they are merged."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.unlink(missing_ok=True)
        # Used by one thread at a time, but not always the one that made it (a bundle is
        # staged by one background job and merged by the next).
        self._conn = sqlite3.connect(path, check_same_thread=False)
        self._conn.executescript(
            """
            PRAGMA journal_mode = MEMORY;
            PRAGMA synchronous = OFF;
            CREATE TABLE change (device_id TEXT, device_seq INTEGER, table_name TEXT,
                row_id TEXT, op TEXT, fields TEXT, vv TEXT, hlc TEXT, user_id TEXT,
                audit_id TEXT, recorded_at TEXT);
            CREATE TABLE audit (id TEXT, at TEXT, user_id TEXT, username TEXT, role TEXT,
                device_id TEXT, action TEXT, summary TEXT, change_count INTEGER);
            """
        )
        self._changes: list[tuple[Any, ...]] = []
        self._audits: list[tuple[Any, ...]] = []
        self._pending_bytes = 0
        self.change_count = 0
        self.audit_count = 0

    def add(self, kind: str, values: tuple[Any, ...], size: int | None = None) -> None:
        """Stage one decoded record of *size* bytes (its encoded length; when not given,
        the length of its text values).

        Held in memory until STAGE_BATCH_RECORDS records or STAGE_BATCH_BYTES bytes wait,
        whichever comes first, so a bundle of big records costs no more memory than one of
        small ones.
        """
        if kind == CHANGE_KIND:
            self._changes.append(values)
            self.change_count += 1
        elif kind == AUDIT_KIND:
            self._audits.append(values)
            self.audit_count += 1
        else:
            return
        if size is None:
            size = sum(len(value) for value in values if type(value) is str)
        self._pending_bytes += size
        if (
            self._pending_bytes >= STAGE_BATCH_BYTES
            or len(self._changes) >= STAGE_BATCH_RECORDS
            or len(self._audits) >= STAGE_BATCH_RECORDS
        ):
            self._flush()

    def _flush(self) -> None:
        self._pending_bytes = 0
        if self._changes:
            marks = ", ".join("?" for _ in CHANGE_FIELDS)
            self._conn.executemany(f"INSERT INTO change VALUES ({marks})", self._changes)
            self._changes = []
        if self._audits:
            marks = ", ".join("?" for _ in AUDIT_FIELDS)
            self._conn.executemany(f"INSERT INTO audit VALUES ({marks})", self._audits)
            self._audits = []

    def seal(self) -> None:
        """Finish staging: index the changes and check the bundle against itself."""
        self._flush()
        conn = self._conn
        conn.execute("CREATE INDEX ix_change_id ON change (device_id, device_seq)")
        # Every change's fields and version vector were checked as they were decoded
        # (desktop.sync.changes.decode_record): canonical JSON of known columns.
        distinct = conn.execute(
            "SELECT count(*) FROM (SELECT DISTINCT device_id, device_seq FROM change)"
        ).fetchone()[0]
        if distinct != self.change_count:
            clash = conn.execute(
                "SELECT device_id, device_seq FROM change GROUP BY device_id, device_seq "
                "HAVING count(DISTINCT table_name || '|' || row_id || '|' || op || '|' || fields "
                "|| '|' || vv || '|' || hlc) > 1 LIMIT 1"
            ).fetchone()
            if clash is not None:
                raise MergeAlarm(str(clash[0]), int(clash[1]))
            # The same change twice with the same content: keep one.
            conn.execute(
                "DELETE FROM change WHERE rowid NOT IN "
                "(SELECT min(rowid) FROM change GROUP BY device_id, device_seq)"
            )
        conn.commit()

    def close(self) -> None:
        """Close and delete the scratch file."""
        self._conn.close()
        self.path.unlink(missing_ok=True)

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
