"""Opening, creating and migrating database files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.store.database import (
    DatabaseUnusable,
    head_revision,
    open_database,
)
from tests.old_database import make_old_database


def test_new_database_uses_wal_foreign_keys_and_the_newest_schema(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.db")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert version == head_revision()
    assert db.backup is None
    db.close()


def test_missing_database_is_refused_when_not_creating(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnusable, match="tidak ada"):
        open_database(tmp_path / "nothing.db", create=False)
    assert not (tmp_path / "nothing.db").exists()


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"%PDF-1.7 this is a letter, not a database\n" * 10)
    before = path.read_bytes()
    with pytest.raises(DatabaseUnusable, match="bukan basis data Sigap"):
        open_database(path)
    assert path.read_bytes() == before


def test_a_truncated_database_is_refused(tmp_path: Path) -> None:
    db = open_database(tmp_path / "good.db")
    db.close()
    data = (tmp_path / "good.db").read_bytes()
    broken = tmp_path / "broken.db"
    broken.write_bytes(data[:1000])
    with pytest.raises(DatabaseUnusable):
        open_database(broken)


def test_another_applications_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseUnusable, match="basis data lain"):
        open_database(path)
    con = sqlite3.connect(path)
    tables = {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"contacts"}


def test_older_database_is_backed_up_then_migrated(tmp_path: Path) -> None:
    path = make_old_database(tmp_path / "old.db", "0001")
    con = sqlite3.connect(path)  # a row written by the older version (no write guards then)
    con.execute(
        "INSERT INTO region (id, created_at, updated_at, hlc, origin_device, vv, deleted, "
        "code, name, level) VALUES ('r1', '2025-01-01 00:00:00', '2025-01-01 00:00:00', "
        "'h', 'd', '{}', 0, '16', 'Sumatera Selatan', 1)"
    )
    con.commit()
    con.close()

    db = open_database(path)
    assert db.backup is not None and db.backup.exists()
    assert db.backup.parent == path.parent
    assert "schema0001" in db.backup.name
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == (
            head_revision()
        )
        assert conn.exec_driver_sql("SELECT name FROM region").scalar() == "Sumatera Selatan"
    db.close()
    old = sqlite3.connect(db.backup)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert old.execute("SELECT name FROM region").fetchone() == ("Sumatera Selatan",)

    again = open_database(path)
    assert again.backup is None  # already current: no second backup
    again.close()


@pytest.mark.parametrize(
    ("stamp", "says"),
    [
        ("UPDATE alembic_version SET version_num = '9999'", "versi yang lebih baru"),
        # Sigap's history is one line: two stamped revisions is not our database.
        ("INSERT INTO alembic_version VALUES ('0003')", "rusak atau bukan basis data Sigap"),
    ],
)
def test_database_from_a_newer_sigap_or_another_history_is_refused(
    tmp_path: Path, stamp: str, says: str
) -> None:
    path = tmp_path / "newer.db"
    open_database(path).close()
    con = sqlite3.connect(path)
    con.execute(stamp)
    con.commit()
    con.close()
    with pytest.raises(DatabaseUnusable, match=says):
        open_database(path)


def test_the_schema_head_constant_is_alembics_head() -> None:
    from desktop.store.database import SCHEMA_HEAD, head_revision

    assert head_revision() == SCHEMA_HEAD


def test_opening_an_up_to_date_database_does_not_load_alembic(tmp_path: Path) -> None:
    """Every start pays for what opening imports: an up-to-date file reads one row."""
    import subprocess
    import sys

    path = tmp_path / "sigap.db"
    open_database(path).close()  # created and migrated (Alembic runs here)
    probe = (
        "import sys; from pathlib import Path; from desktop.store.database import "
        f"open_database; db = open_database(Path({str(path)!r})); "
        "print(db.backup, 'alembic' in sys.modules)"
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert shown.stdout.split() == ["None", "False"]
