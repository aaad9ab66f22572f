"""A database on a write-protected file or folder (a locked stick): what can be read is read,
every write is refused up front with what to do, and nothing ever calls it damaged."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.cli import run
from desktop.domain.categories import WorkerStatus
from desktop.services.app import AppServices
from desktop.services.permissions import ReadOnlyDatabase
from desktop.services.roster import RosterFilter
from tests.integration.sync_helpers import districts_with_workers, join_kecamatan, make_hub
from tests.old_database import make_old_database
from tests.write_protect import closed_cleanly, write_protected

DAMAGE_WORDS = ("rusak atau", "Pulihkan", "cadangan terakhir")


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return run(list(argv), out, err), out.getvalue(), err.getvalue()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    db = folder / "oki.db"
    code, _, err = cli("demo", "--db", str(db), "--workers", "60", "--seed", "2")
    assert code == 0, err
    closed_cleanly(db)
    return db


@pytest.fixture
def roster_csv(tmp_path: Path) -> Path:
    path = tmp_path / "desa.csv"
    path.write_text("NIK;Nama\n1602054209800001;Budi\n", encoding="utf-8")
    return path


def assert_no_damage_advice(text: str) -> None:
    assert not any(word in text for word in DAMAGE_WORDS), text


def test_a_read_only_file_reads_and_refuses_writes_up_front(
    demo_db: Path, roster_csv: Path, tmp_path: Path
) -> None:
    before = digest(demo_db)
    with write_protected(demo_db):
        code, out, err = cli("check", "--db", str(demo_db))
        assert code == 0, err
        assert "hanya-baca" in out and "read-only" in out
        assert_no_damage_advice(out + err)

        code, out, _ = cli("roster", "search", "--db", str(demo_db), "a", "--limit", "3")
        assert code == 0 and len(out.splitlines()) == 3

        export = tmp_path / "ekspor.csv"
        code, out, _ = cli("roster", "export", "--db", str(demo_db), "--out", str(export))
        assert code == 0 and export.exists()

        for argv in (
            ("roster", "import", "--db", str(demo_db), str(roster_csv)),
            ("regions", "import", "--db", str(demo_db), str(roster_csv)),
            ("sync", "import", "--db", str(demo_db), str(roster_csv)),
            ("sync", "import", "--db", str(demo_db), str(roster_csv), "--preview"),
            ("settings", "--db", str(demo_db), "backup.keep_last", "5"),
            ("init", "--db", str(demo_db), "--office", "hub", "--region", "16.02", "--name", "X"),
        ):
            code, out, err = cli(*argv)
            assert code == 2, (argv, err)
            assert "hanya dapat dibaca (read-only)" in err and str(demo_db) in err, err
            assert "Traceback" not in err
    assert digest(demo_db) == before


def test_sync_import_into_a_read_only_hub_writes_no_backup_or_staging(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub", workers=60)
    (district,) = districts_with_workers(hub, 1)
    laptop = join_kecamatan(hub, tmp_path / "laptop", district, "Kayu Agung")
    bundle = laptop.export()
    laptop.close()
    db = hub.app.path
    work = hub.app.sync.work_dir
    hub.close()
    shutil.rmtree(work)
    closed_cleanly(db)
    before = digest(db)
    with write_protected(db):
        code, _, err = cli("sync", "import", "--db", str(db), str(bundle))
    assert code == 2, err
    assert "read-only" in err and "terjadi kesalahan" not in err
    assert not work.exists() or not any(work.rglob("*")), list(work.rglob("*"))
    assert digest(db) == before
    code, out, err = cli("sync", "import", "--db", str(db), str(bundle))  # writable again
    assert code in (0, 1), err


def test_a_read_only_folder_reads_without_calling_the_database_damaged(
    demo_db: Path, roster_csv: Path
) -> None:
    folder = demo_db.parent
    assert sorted(p.name for p in folder.iterdir()) == ["oki.db"]  # no WAL files to lean on
    before = digest(demo_db)
    with write_protected(folder):
        code, out, err = cli("check", "--db", str(demo_db))
        assert code == 0, err
        assert f"Folder {folder} tidak dapat ditulisi" in out
        assert_no_damage_advice(out + err)

        code, out, err = cli("roster", "search", "--db", str(demo_db), "a", "--limit", "2")
        assert code == 0 and len(out.splitlines()) == 2, err

        code, _, err = cli("roster", "import", "--db", str(demo_db), str(roster_csv))
        assert code == 2
        assert f"Folder {folder} tidak dapat ditulisi" in err
        assert_no_damage_advice(err)
    assert digest(demo_db) == before


def test_a_read_only_folder_with_changes_left_in_the_wal_says_to_copy_both(
    demo_db: Path,
) -> None:
    """A laptop switched off mid-work leaves its last changes in the -wal file. From a
    locked stick SQLite cannot read them (it needs to create the -shm file beside them):
    the message says to copy both files, never that the database is damaged, and the file
    is not read as if those changes did not exist."""
    conn = sqlite3.connect(demo_db)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE local_state SET office_name = 'Kantor terakhir diubah'")
    conn.commit()
    wal = demo_db.with_name("oki.db-wal")
    pending = wal.read_bytes()
    conn.close()
    wal.write_bytes(pending)  # closing checkpointed it: put it back as a crash leaves it
    demo_db.with_name("oki.db-shm").unlink(missing_ok=True)
    with write_protected(demo_db.parent):
        code, out, err = cli("check", "--db", str(demo_db))
    assert code == 2, out
    assert "oki.db-wal" in err and "Salin oki.db beserta oki.db-wal" in err
    assert_no_damage_advice(err)


def test_a_new_database_cannot_be_made_in_a_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    with write_protected(folder):
        code, _, err = cli(
            "init", "--db", str(folder / "baru.db"), "--office", "hub", "--region", "16.02",
            "--name", "Dinas",
        )  # fmt: skip
    assert code == 2
    assert "tidak dapat dibuat" in err and "Pilih folder lain" in err


def test_an_old_database_on_a_read_only_file_is_not_migrated(tmp_path: Path) -> None:
    db = make_old_database(tmp_path / "lama.db")
    before = digest(db)
    with write_protected(db):
        code, _, err = cli("check", "--db", str(db))
    assert code == 2
    assert "versi lama" in err and "Salin" in err
    assert digest(db) == before
    assert not list(tmp_path.glob("lama.backup-*"))


def test_a_damaged_file_is_still_called_damaged(tmp_path: Path) -> None:
    db = tmp_path / "rusak.db"
    db.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    code, _, err = cli("check", "--db", str(db))
    assert code == 2
    assert "rusak" in err


def test_services_refuse_writes_of_a_read_only_database_with_the_reason(demo_db: Path) -> None:
    with write_protected(demo_db):
        app = AppServices.open(demo_db, create=False)
        try:
            assert app.read_only is not None
            actor = app.office.local_actor()
            assert actor.read_only == app.read_only
            worker = app.roster.rows(app.roster.matching_ids(RosterFilter())[:1])[0]
            with pytest.raises(ReadOnlyDatabase) as refused:
                app.workers.set_status(actor, worker.id, WorkerStatus.NONAKTIF, reason="pindah")
            assert "read-only" in str(refused.value)
        finally:
            app.close()


def test_a_read_only_database_in_a_folder_with_awkward_characters_opens(tmp_path: Path) -> None:
    folder = tmp_path / "data lama #2 ?100% é"
    folder.mkdir()
    db = folder / "oki [salinan].db"
    code, _, err = cli("demo", "--db", str(db), "--workers", "10")
    assert code == 0, err
    closed_cleanly(db)
    with write_protected(db):
        code, out, err = cli("check", "--db", str(db))
        assert code == 0, err
        assert "hanya-baca" in out
        code, out, err = cli("roster", "search", "--db", str(db), "a", "--limit", "1")
        assert code == 0 and out, err


def test_sync_status_of_a_read_only_database_without_keys_reads(demo_db: Path) -> None:
    """The device keys are made on first use; a read-only database cannot make them, and
    says so only when something needs them."""
    with write_protected(demo_db):
        code, out, err = cli("sync", "status", "--db", str(demo_db))
        assert code == 0, err
        assert "sidik kunci –" in out
        code, _, err = cli("sync", "revoke", "--db", str(demo_db), "abcd1234")
        assert code == 2 and "terjadi kesalahan" not in err
