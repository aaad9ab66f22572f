"""Open, create and migrate a Sigap database file (backing it up before any migration)."""

from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

if TYPE_CHECKING:
    from alembic.config import Config

from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding
from desktop.store.engine import create_sqlite_engine, read_only_uri
from desktop.store.files import PRIVATE_DIR_MODE, new_private_file

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_MAGIC = b"SQLite format 3\x00"


class DatabaseUnusable(DomainError):
    """The file cannot be opened as a Sigap database; the message says why and what to do."""


@dataclass
class Database:
    """An open Sigap database: its file and engine.

    *read_only* says why the file is open for reading only (a write-protected file or
    folder); None when it can be written.
    """

    path: Path
    engine: Engine
    backup: Path | None = None
    read_only: Finding | None = None

    def close(self) -> None:
        """Release every pooled connection (the WAL is checkpointed by SQLite on close)."""
        self.engine.dispose()


# The newest migration's revision. Opening a database already there reads one row and
# never loads Alembic (~0.15 s of every start); a test keeps this equal to Alembic's head.
SCHEMA_HEAD = "0008"


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


def _can_write_file(path: Path) -> bool:
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return False
    os.close(fd)
    return True


def _can_write_folder(folder: Path) -> bool:
    """True when a file can be created in *folder* (SQLite's WAL and shared-memory files
    live beside the database). Tried for real: permissions, a write-protected stick and a
    read-only mount all show, whoever runs the program."""
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".sigap-probe-"):
            pass
    except OSError:
        return False
    return True


def read_only_reason(path: Path) -> Finding | None:
    """Why the database at *path* can only be read (a finding that says what to do), or
    None when it can be written."""
    path = Path(path)
    folder = path.parent
    if not _can_write_folder(folder):
        return Finding.error(
            "db.folder_read_only",
            QT_TRANSLATE_NOOP(
                "Finding",
                "Folder {folder} tidak dapat ditulisi (misalnya flashdisk yang dikunci atau "
                "tanpa izin tulis), padahal Sigap perlu menulis berkas pendamping basis data "
                "di sana. Basis data {file} dibuka untuk dilihat saja; tidak ada yang rusak. "
                "Untuk mengubah data, buka kunci flashdisk atau salin {file} ke folder yang "
                "dapat ditulisi, lalu buka salinannya.",
            ),
            folder=str(folder),
            file=path.name,
        )
    if path.exists() and not _can_write_file(path):
        return Finding.error(
            "db.file_read_only",
            QT_TRANSLATE_NOOP(
                "Finding",
                "Berkas basis data {path} hanya dapat dibaca (read-only), jadi perubahan "
                "tidak dapat disimpan. Basis data dibuka untuk dilihat saja; tidak ada yang "
                "rusak. Untuk mengubah data, hilangkan tanda read-only pada berkas itu "
                "(Properties) atau minta izin tulis, lalu buka lagi.",
            ),
            path=str(path),
        )
    return None


def backup_database(engine: Engine, path: Path, label: str) -> Path:
    """Copy the live database beside itself with SQLite's online backup; return the copy.

    The copy holds the device's private keys: it is created new for its user alone, never
    over an existing name (a link planted there is not followed)."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{label}-{stamp}{path.suffix or '.db'}")
    counter = 1
    while True:
        try:
            new_private_file(target)
            break
        except FileExistsError:
            counter += 1
            target = path.with_name(f"{path.stem}.backup-{label}-{stamp}-{counter}{path.suffix}")
    copy_database(engine, target)
    log.info("database backed up to %s", target.name)
    return target


def copy_database(engine: Engine, target: Path) -> None:
    """Copy the live database into the file *target* with SQLite's online backup."""
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
        con = sqlite3.connect(read_only_uri(path), uri=True)
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
    A file that cannot be written (itself, or its folder) opens for reading only, with
    :attr:`Database.read_only` saying why. *progress* hears of the backup and the migration
    (stages without a total).
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
        try:
            path.parent.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
        except OSError as exc:
            raise _cannot_create(path) from exc
    read_only = read_only_reason(path)
    if read_only is not None and not exists:
        raise _cannot_create(path)
    if read_only is not None:
        return _open_read_only(path, read_only)
    if not os.path.lexists(path):
        # A new database for its user alone; SQLite gives its -wal and -shm files the
        # database file's mode.
        try:
            new_private_file(path)
        except FileExistsError:
            pass  # made meanwhile by another process: opened as it is
        except OSError as exc:
            raise _cannot_create(path) from exc

    engine = create_sqlite_engine(path)
    try:
        backup = _prepare_schema(engine, path, existed=exists, progress=progress)
    except BaseException:
        engine.dispose()
        raise
    return Database(path=path, engine=engine, backup=backup)


def _cannot_create(path: Path) -> DatabaseUnusable:
    return _unusable(
        "db.cannot_create",
        QT_TRANSLATE_NOOP(
            "Finding",
            "Basis data baru tidak dapat dibuat di folder {folder}: folder itu tidak dapat "
            "ditulisi. Pilih folder lain.",
        ),
        folder=str(path.parent),
    )


def _has_pending_wal(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def _open_read_only(path: Path, reason: Finding) -> Database:
    """Open a write-protected database for reading, or refuse it when it cannot be read
    as it is (an older schema to migrate, changes stuck in a WAL nobody may write)."""
    engine = create_sqlite_engine(path, read_only=True)
    try:
        revision = current_revision(engine)
    except Exception as exc:
        if not _is_cannot_open(exc):
            engine.dispose()
            raise _cannot_read(path, exc) from exc
        # WAL mode needs its shared-memory file beside the database, which a read-only
        # folder cannot hold; reading the file as it is is right when no WAL holds changes.
        engine.dispose()
        if _has_pending_wal(path):
            raise _unusable(
                "db.read_only_wal",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Basis data {file} masih menyimpan perubahan terakhir di berkas "
                    "pendamping {file}-wal, dan folder {folder} tidak dapat ditulisi sehingga "
                    "perubahan itu tidak dapat dibaca. Salin {file} beserta {file}-wal ke "
                    "folder yang dapat ditulisi, lalu buka salinannya.",
                ),
                file=path.name,
                folder=str(path.parent),
            ) from None
        engine = create_sqlite_engine(path, read_only=True, immutable=True)
        try:
            revision = current_revision(engine)
        except Exception as again:
            engine.dispose()
            raise _cannot_read(path, again) from again
    if revision != SCHEMA_HEAD:
        engine.dispose()
        if revision is None:
            raise _foreign(path)
        if revision not in known_revisions():
            raise _newer(path, revision)
        raise _unusable(
            "db.read_only_upgrade",
            QT_TRANSLATE_NOOP(
                "Finding",
                "Basis data {path} dibuat oleh Sigap versi lama dan harus diperbarui sebelum "
                "dibuka, tetapi berkas atau foldernya tidak dapat ditulisi. Salin berkas itu "
                "ke folder yang dapat ditulisi, lalu buka salinannya.",
            ),
            path=str(path),
        )
    return Database(path=path, engine=engine, read_only=reason)


def _cannot_read(path: Path, exc: BaseException) -> DatabaseUnusable:
    """The file could not be read: called damaged only when SQLite says so (a restore would
    overwrite a healthy database), else the message says to check access."""
    if not _is_cannot_open(exc):
        return _corrupt(path)
    return _unusable(
        "db.cannot_open",
        QT_TRANSLATE_NOOP(
            "Finding",
            "Basis data {path} tidak dapat dibuka. Periksa apakah berkas dan foldernya dapat "
            "dibaca dan tidak sedang dipakai program lain, lalu coba lagi.",
        ),
        path=str(path),
    )


def _is_cannot_open(exc: BaseException) -> bool:
    """True for SQLite's operational errors (cannot open, locked, no access), as opposed
    to a damaged or foreign file ("file is not a database", "malformed")."""
    original = getattr(exc, "orig", exc)  # SQLAlchemy wraps the driver's error
    return isinstance(original, sqlite3.OperationalError)


def _corrupt(path: Path) -> DatabaseUnusable:
    return _unusable(
        "db.corrupt",
        QT_TRANSLATE_NOOP(
            "Finding",
            "Basis data {path} rusak atau bukan basis data Sigap. Pulihkan dari cadangan terakhir.",
        ),
        path=str(path),
    )


def _foreign(path: Path) -> DatabaseUnusable:
    return _unusable(
        "db.foreign",
        QT_TRANSLATE_NOOP(
            "Finding", "Berkas {path} berisi basis data lain, bukan Sigap. Pilih berkas Sigap."
        ),
        path=str(path),
    )


def _newer(path: Path, revision: str) -> DatabaseUnusable:
    return _unusable(
        "db.newer",
        QT_TRANSLATE_NOOP(
            "Finding",
            "Basis data {path} dibuat oleh Sigap versi yang lebih baru (skema {revision}). "
            "Perbarui aplikasi Sigap untuk membukanya.",
        ),
        path=str(path),
        revision=revision,
    )


def _prepare_schema(
    engine: Engine, path: Path, *, existed: bool, progress: ProgressFn | None = None
) -> Path | None:
    try:
        revision = current_revision(engine)
        tables = _table_names(engine)
    except Exception as exc:  # sqlite3.DatabaseError: "file is not a database", corrupt
        raise _cannot_read(path, exc) from exc
    if revision is None and tables - {"alembic_version"}:
        raise _foreign(path)
    if revision == SCHEMA_HEAD:
        return None
    if revision is not None and revision not in known_revisions():
        raise _newer(path, revision)
    backup = None
    if existed and revision is not None:
        if progress is not None:
            progress(0, 0, QT_TRANSLATE_NOOP("Progress", "Membuat cadangan basis data"))
        backup = backup_database(engine, path, f"schema{revision}")
    if progress is not None and existed:
        progress(0, 0, QT_TRANSLATE_NOOP("Progress", "Memperbarui susunan basis data"))
    migrate(engine)
    return backup
