"""Open, create and migrate a Sigap database file (backing it up before any migration)."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

if TYPE_CHECKING:
    from alembic.config import Config

from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding
from desktop.store.engine import create_sqlite_engine

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_MAGIC = b"SQLite format 3\x00"


class DatabaseUnusable(DomainError):
    """The file cannot be opened as a Sigap database; the message says why and what to do."""


@dataclass
class Database:
    """An open Sigap database: its file and engine."""

    path: Path
    engine: Engine
    backup: Path | None = None

    def close(self) -> None:
        """Release every pooled connection (the WAL is checkpointed by SQLite on close)."""
        self.engine.dispose()


# The newest migration's revision. Opening a database already there reads one row and
# never loads Alembic (~0.15 s of every start); a test keeps this equal to Alembic's head.
SCHEMA_HEAD = "0004"


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """Return the newest schema revision this version of Sigap knows (from Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Return every schema revision this version of Sigap can migrate from."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """Return the schema revision stamped in the database, or None for an empty file."""
    with engine.connect() as conn:
        stamped = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first()
        if stamped is None:
            return None
        versions = [
            str(v) for (v,) in conn.exec_driver_sql("SELECT version_num FROM alembic_version")
        ]
    if len(versions) > 1:  # Sigap's history is one line: two heads is not our database
        raise ValueError(f"alembic_version holds {len(versions)} revisions")
    return versions[0] if versions else None


def _table_names(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        return {str(name) for (name,) in rows}


def _unusable(code: str, template: str, **params: str) -> DatabaseUnusable:
    return DatabaseUnusable(Finding.error(code, template, **params))


def _check_is_sqlite(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise _unusable(
            "db.unreadable",
            QT_TRANSLATE_NOOP("Finding", "Berkas basis data {path} tidak dapat dibaca ({reason})."),
            path=str(path),
            reason=exc.strerror or type(exc).__name__,
        ) from exc
    if head and head != SQLITE_MAGIC:
        raise _unusable(
            "db.not_sqlite",
            QT_TRANSLATE_NOOP(
                "Finding",
                "Berkas {path} bukan basis data Sigap. Pilih berkas .db yang dibuat oleh Sigap.",
            ),
            path=str(path),
        )


def backup_database(engine: Engine, path: Path, label: str) -> Path:
    """Copy the live database beside itself with SQLite's online backup; return the copy."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{label}-{stamp}{path.suffix or '.db'}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.stem}.backup-{label}-{stamp}-{counter}{path.suffix}")
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        raw.close()
    log.info("database backed up before migration to %s", target.name)
    return target


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision, in one transaction."""
    from alembic import command

    config = _alembic_config()
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        conn.commit()


def needs_upgrade(path: Path) -> bool:
    """True when *path* is a Sigap database on an older schema: opening it backs it up and
    migrates it, which takes a while on a big file. Anything else (missing, current, not a
    database) opens, or is refused, at once."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        return False
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return row is not None and row[0] != SCHEMA_HEAD


ProgressFn = Callable[[int, int, str], None]


def open_database(
    path: Path, *, create: bool = True, progress: ProgressFn | None = None
) -> Database:
    """Open *path*, creating or migrating it to the current schema.

    An existing database on an older schema is first copied beside itself
    (``name.backup-<revision>-<time>.db``). A file that is not a Sigap database, or one
    written by a newer Sigap, is refused with :class:`DatabaseUnusable` and left untouched.
    *progress* hears of the backup and the migration (stages without a total).
    """
    path = Path(path)
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise _unusable(
            "db.missing",
            QT_TRANSLATE_NOOP(
                "Finding",
                "Basis data {path} tidak ada. Siapkan dulu dengan perintah init "
                "atau pilih berkas lain.",
            ),
            path=str(path),
        )
    if exists:
        _check_is_sqlite(path)
    elif not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)

    engine = create_sqlite_engine(path)
    try:
        backup = _prepare_schema(engine, path, existed=exists, progress=progress)
    except BaseException:
        engine.dispose()
        raise
    return Database(path=path, engine=engine, backup=backup)


def _prepare_schema(
    engine: Engine, path: Path, *, existed: bool, progress: ProgressFn | None = None
) -> Path | None:
    try:
        revision = current_revision(engine)
        tables = _table_names(engine)
    except Exception as exc:  # sqlite3.DatabaseError: "file is not a database", corrupt
        raise _unusable(
            "db.corrupt",
            QT_TRANSLATE_NOOP(
                "Finding",
                "Basis data {path} rusak atau bukan basis data Sigap. "
                "Pulihkan dari cadangan terakhir.",
            ),
            path=str(path),
        ) from exc
    if revision is None and tables - {"alembic_version"}:
        raise _unusable(
            "db.foreign",
            QT_TRANSLATE_NOOP(
                "Finding",
                "Berkas {path} berisi basis data lain, bukan Sigap. Pilih berkas Sigap.",
            ),
            path=str(path),
        )
    if revision == SCHEMA_HEAD:
        return None
    if revision is not None and revision not in known_revisions():
        raise _unusable(
            "db.newer",
            QT_TRANSLATE_NOOP(
                "Finding",
                "Basis data {path} dibuat oleh Sigap versi yang lebih baru (skema {revision}). "
                "Perbarui aplikasi Sigap untuk membukanya.",
            ),
            path=str(path),
            revision=revision,
        )
    backup = None
    if existed and revision is not None:
        if progress is not None:
            progress(0, 0, QT_TRANSLATE_NOOP("Progress", "Membuat cadangan basis data"))
        backup = backup_database(engine, path, f"schema{revision}")
    if progress is not None and existed:
        progress(0, 0, QT_TRANSLATE_NOOP("Progress", "Memperbarui susunan basis data"))
    migrate(engine)
    return backup
