"""Migration 0008 on a database of the previous release (schema 0007) holding a claim and an
heir: both survive, the school level and the days off start empty, the write guards still
stand, and the migration goes back down."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command

from desktop.store.database import _alembic_config, open_database
from desktop.store.engine import create_sqlite_engine
from tests.old_database import make_old_database
from tests.unit.store.test_migration_0007 import OLD_CLAIM, OldOffice


@pytest.fixture
def old_database(tmp_path: Path) -> Path:
    path = make_old_database(tmp_path / "lama.db", "0007")
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys = OFF")  # the claim's worker lives elsewhere
    office = OldOffice(con)
    office.insert("claim", "c1", {**OLD_CLAIM, "kind": "jkk_stmb"})
    office.insert(
        "heir",
        "h1",
        {"claim_id": "c1", "name": "Anak", "relationship": "anak", "is_payee": 0},
    )
    con.commit()
    con.close()
    return path


def _columns(path: Path, table: str) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [row[1] for row in con.execute(f"PRAGMA table_info({table})")]
    finally:
        con.close()


def test_rows_survive_with_empty_amount_inputs_and_the_guards_stand(old_database: Path) -> None:
    db = open_database(old_database)
    assert db.backup is not None and "schema0007" in db.backup.name
    db.close()
    con = sqlite3.connect(old_database)
    try:
        assert con.execute("SELECT id, days_off, note FROM claim").fetchall() == [
            ("c1", None, "berkas lengkap")
        ]
        assert con.execute("SELECT id, name, school_level FROM heir").fetchall() == [
            ("h1", "Anak", None)
        ]
        with pytest.raises(sqlite3.IntegrityError, match="write outside the unit of work"):
            con.execute("UPDATE heir SET school_level = 'smp' WHERE id = 'h1'")
    finally:
        con.close()


def test_the_migration_goes_back_down(old_database: Path) -> None:
    open_database(old_database).close()
    assert "days_off" in _columns(old_database, "claim")
    engine = create_sqlite_engine(old_database)
    config = _alembic_config()
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0007")
        conn.commit()
    engine.dispose()
    assert "days_off" not in _columns(old_database, "claim")
    assert "school_level" not in _columns(old_database, "heir")
    assert "h1" in str(sqlite3.connect(old_database).execute("SELECT id FROM heir").fetchall())
