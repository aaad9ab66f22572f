"""What sync writes on disk: never through a link planted on the stick, for the user alone,
no decrypted leftovers of a killed import, and no full numbers on the command line.

Bundles are written and read with the project's own code (the services and the CLI), as an
office would; the attacks are files planted on the stick.
"""

from __future__ import annotations

import hashlib
import io
import os
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import run
from desktop.services import sync as sync_service
from desktop.services.app import AppServices
from desktop.services.sync import SyncService
from desktop.store import models
from desktop.store.unit_of_work import UnitOfWork
from tests.integration.sync_helpers import (
    SYNCED_TABLES,
    Office,
    device_of,
    district_of,
    districts_with_workers,
    join_kecamatan,
    make_hub,
)

ROOT = Path(__file__).resolve().parents[2]
POSIX_ONLY = pytest.mark.skipif(
    sys.platform == "win32", reason="POSIX modes; on Windows the user's profile is private"
)
LINKS = pytest.mark.skipif(
    sys.platform == "win32", reason="symbolic links need a privilege on Windows"
)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask most systems start programs with (022): what Sigap creates must be private
    whatever the umask, so the tests do not count on a strict one."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return run(list(argv), out, err), out.getvalue(), err.getvalue()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def content(path: Path, *, tables: tuple[str, ...] | None = None) -> list[str]:
    """The database's content (of *tables*, else of all but the clock, which an export
    failing after writing its bundle locally has ticked); the file must be sound."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        lines = list(conn.iterdump())
    finally:
        conn.close()
    if tables is None:
        return [line for line in lines if not line.startswith('INSERT INTO "local_state"')]
    return [line for line in lines if line.startswith(tuple(f'INSERT INTO "{t}"' for t in tables))]


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def network(tmp_path: Path) -> Iterator[tuple[Office, Office]]:
    hub = make_hub(tmp_path, workers=80)
    [district] = districts_with_workers(hub, 1)
    laptop = join_kecamatan(hub, tmp_path, district, "kec-a")
    yield hub, laptop
    for office in (hub, laptop):
        office.close()


# ---- 7. a link planted on the stick -------------------------------------------------------


@LINKS
@pytest.mark.parametrize("planted", ["enrol.sigap.partial", "enrol.sigap"])
def test_enroll_refuses_a_link_to_the_hub_database_planted_on_the_stick(
    tmp_path: Path, planted: str
) -> None:
    hub = make_hub(tmp_path, workers=40)
    [district] = districts_with_workers(hub, 1)
    db = hub.app.path
    hub.close()
    before = digest(db)
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / planted).symlink_to(db)
    code, out, err = cli(
        "sync", "enroll", "--db", str(db), "--kecamatan", district,
        "--out", str(stick / "enrol.sigap"),
    )  # fmt: skip
    assert code == 2, (out, err)
    assert str(stick / planted) in err and "tautan (symlink)" in err, err
    assert "Traceback" not in err and "Kode sekali pakai" not in out
    assert digest(db) == before  # not a byte written, not even the enrolment's device row
    assert (stick / planted).is_symlink() and os.readlink(stick / planted) == str(db)
    assert sorted(p.name for p in stick.iterdir()) == [planted]


def test_enroll_refuses_to_write_over_the_database_itself(tmp_path: Path) -> None:
    hub = make_hub(tmp_path, workers=40)
    [district] = districts_with_workers(hub, 1)
    db = hub.app.path
    hub.close()
    before = digest(db)
    code, out, err = cli(
        "sync", "enroll", "--db", str(db), "--kecamatan", district, "--out", str(db)
    )  # fmt: skip
    assert code == 2 and str(db) in err and "basis data yang sedang dibuka" in err, (out, err)
    assert digest(db) == before


@LINKS
@pytest.mark.parametrize("planted", ["paket.sigap.partial", "paket.sigap"])
def test_export_refuses_a_link_to_the_database_planted_at_its_name(
    network: tuple[Office, Office], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, planted: str
) -> None:
    hub, laptop = network
    device = device_of(laptop)
    db = hub.app.path
    hub.close()
    laptop.close()
    before = content(db)
    # A bundle's name holds its random id: the attacker is given the name here.
    monkeypatch.setattr(
        "desktop.services.sync.export.bundle_file_name", lambda *_a, **_k: "paket.sigap"
    )
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / planted).symlink_to(db)
    code, out, err = cli("sync", "export", "--db", str(db), "--to", str(stick), "--device", device)
    assert code == 2, (out, err)
    assert str(stick / planted) in err and "tautan (symlink)" in err, err
    assert content(db) == before
    assert (stick / planted).is_symlink()
    assert sorted(p.name for p in stick.iterdir()) == [planted]


def test_a_hard_link_to_the_database_left_as_partial_is_replaced_not_written_through(
    network: tuple[Office, Office], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub, laptop = network
    device = device_of(laptop)
    db = hub.app.path
    hub.close()
    laptop.close()
    before = content(db, tables=SYNCED_TABLES)
    monkeypatch.setattr(
        "desktop.services.sync.export.bundle_file_name", lambda *_a, **_k: "paket.sigap"
    )
    stick = tmp_path / "stick"
    stick.mkdir()
    os.link(db, stick / "paket.sigap.partial")  # looks like a copy left by a crash
    code, out, err = cli("sync", "export", "--db", str(db), "--to", str(stick), "--device", device)
    assert code == 0, err
    assert content(db, tables=SYNCED_TABLES) == before
    assert sorted(p.name for p in stick.iterdir()) == ["paket.sigap"]
    assert (stick / "paket.sigap").read_bytes()[:5] != db.read_bytes()[:5]


# ---- 11. files for the user alone -----------------------------------------------------------


@POSIX_ONLY
def test_database_wal_backups_staging_work_dir_and_log_are_for_the_user_alone(
    network: tuple[Office, Office], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub, laptop = network
    db = hub.app.path
    companions = [db.with_name(db.name + suffix) for suffix in ("-wal", "-shm")]
    for path in (db, *companions, laptop.app.path):
        assert mode(path) == 0o600, path
    work = hub.app.sync.work_dir  # the hub imported the laptop's first bundle: backed up
    assert mode(work) == 0o700
    assert mode(hub.app.sync.backup_dir) == 0o700
    backups = list(hub.app.sync.backup_dir.iterdir())
    assert backups and all(mode(copy) == 0o600 for copy in backups), backups
    # Staging (decrypted records) and the bundle's local copy, while a bundle is staged.
    laptop.app.workers.update(laptop.actor, worker_of(laptop), {"phone": "081299900001"})
    with hub.app.sync.receive(laptop.export()):
        scratch = [*work.glob("stage-*"), *work.glob("fetch-*")]
        assert len(scratch) == 2 and all(mode(path) == 0o600 for path in scratch), scratch
    # A work folder made by an older Sigap (0755) is tightened.
    os.chmod(work, 0o755)
    assert mode(hub.app.sync.work_dir) == 0o700
    # The log of internal errors.
    logs = tmp_path / "logs" / "Sigap"
    monkeypatch.setattr("platformdirs.user_log_dir", lambda *_a, **_k: str(logs))

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(SyncService, "status", broken)
    code, _, err = cli("sync", "status", "--db", str(db))
    assert code == 3 and str(logs / "sigap-cli.log") in err
    assert mode(logs) == 0o700 and mode(logs / "sigap-cli.log") == 0o600


def worker_of(office: Office) -> str:
    conn = sqlite3.connect(office.app.path)
    try:
        return str(
            conn.execute(
                "SELECT id FROM worker WHERE district_code = ? AND deleted = 0 ORDER BY id LIMIT 1",
                (district_of(office),),
            ).fetchone()[0]
        )
    finally:
        conn.close()


# ---- 11. staging left by a killed import ----------------------------------------------------

STAGE_SCRIPT = """
import sys
from pathlib import Path
from desktop.services.app import AppServices

app = AppServices.open(Path(sys.argv[1]), create=False)
received = app.sync.receive(Path(sys.argv[2]))
print("staged", flush=True)
sys.stdin.readline()
result = app.sync.import_bundle(app.office.local_actor(), received)
received.close()
print("imported" if result.applied else "not applied", flush=True)
"""


def stage_in_another_process(db: Path, bundle: Path) -> subprocess.Popen[str]:
    """Another Sigap process that has fetched and staged *bundle* and waits for a line on
    its input to import it."""
    process = subprocess.Popen(
        [sys.executable, "-c", STAGE_SCRIPT, str(db), str(bundle)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    if process.stdout.readline().strip() != "staged":
        process.kill()
        pytest.fail(process.communicate()[1])
    return process


def scratch_files(work: Path) -> list[Path]:
    return sorted([*work.glob("stage-*"), *work.glob("fetch-*")])


def backdate(paths: list[Path], seconds: float) -> None:
    moment = time.time() - seconds
    for path in paths:
        os.utime(path, (moment, moment))


def test_staging_left_by_a_killed_import_is_deleted_at_the_next_start(
    network: tuple[Office, Office],
) -> None:
    hub, laptop = network
    laptop.app.workers.update(laptop.actor, worker_of(laptop), {"phone": "081299900002"})
    bundle = laptop.export()
    db = hub.app.path
    work = hub.app.sync.work_dir
    hub.close()
    process = stage_in_another_process(db, bundle)
    process.kill()  # SIGKILL: nothing of Sigap runs after it
    process.communicate()
    left = scratch_files(work)
    assert len(left) == 2, left  # the bundle's copy and its staging: decrypted records
    # The next start, a while later (a file written in the last minute may be one another
    # process has only just created: see SCRATCH_IDLE_S).
    backdate(left, getattr(sync_service, "SCRATCH_IDLE_S", 60) + 5)
    app = AppServices.open(db, create=False)
    try:
        assert scratch_files(work) == []
    finally:
        app.close()


def test_a_start_or_an_import_leaves_the_files_of_an_import_running_elsewhere_alone(
    network: tuple[Office, Office],
) -> None:
    hub, laptop = network
    laptop.app.workers.update(laptop.actor, worker_of(laptop), {"phone": "081299900003"})
    bundle = laptop.export()
    db = hub.app.path
    work = hub.app.sync.work_dir
    hub.close()
    process = stage_in_another_process(db, bundle)
    try:
        theirs = scratch_files(work)
        assert len(theirs) == 2, theirs
        # However long the other import waits (a preview left open), its files are in use.
        backdate(theirs, 2 * 24 * 3600)
        app = AppServices.open(db, create=False)  # a start sweeps...
        try:
            app.sync.receive(bundle).close()  # ...and so does every import
        finally:
            app.close()
        assert all(path.exists() for path in theirs)
        assert process.stdin is not None
        out, errors = process.communicate("\n", timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0 and out.strip() == "imported", errors
    assert scratch_files(work) == []


# ---- 12. sync conflicts shows no full numbers -------------------------------------------------


def test_sync_conflicts_masks_kpj_and_bank_account_numbers(
    network: tuple[Office, Office],
) -> None:
    hub, laptop = network
    heir = heir_of_a_proposed_claim(laptop)
    hub.receive(laptop.export())  # the claim and its heir are at the hub too
    worker = worker_of(laptop)
    laptop.app.workers.update(laptop.actor, worker, {"kpj": "12345678901"})
    hub.app.workers.update(hub.actor, worker, {"kpj": "10987654321"})
    for office, account in ((laptop, "111122223333444"), (hub, "555566667777888")):
        with UnitOfWork(office.app.database.engine, office.actor, action="test.heir") as uow:
            uow.update(models.Heir, heir, {"bank_account": account})
    hub.receive(laptop.export())
    laptop.receive(hub.export(peer=device_of(laptop)))
    hub_db, laptop_db = hub.app.path, laptop.app.path
    hub.close()
    laptop.close()
    full = ("12345678901", "10987654321", "111122223333444", "555566667777888")
    for db in (hub_db, laptop_db):
        code, out, err = cli("sync", "conflicts", "--db", str(db))
        assert code == 1, err
        for number in full:
            assert number not in out, out
        for masked in ("•••••••8901", "•••••••4321", "•••••••••••3444", "•••••••••••7888"):
            assert masked in out, out
    # The regency admin may see them in full; a kecamatan operator may not.
    code, out, _ = cli("sync", "conflicts", "--db", str(hub_db), "--full")
    assert code == 1 and all(number in out for number in full), out
    code, out, err = cli("sync", "conflicts", "--db", str(laptop_db), "--full")
    assert code == 2 and "tidak berhak" in err and "nomor KPJ dan rekening lengkap" in err, err
    assert not any(number in out for number in full)


def heir_of_a_proposed_claim(office: Office) -> str:
    """A payee heir of a santunan claim the kecamatan proposes for one of its residents."""
    from datetime import date

    from desktop.domain.categories import Sex
    from desktop.domain.nik import make_nik
    from desktop.services.claims.writing import Resident

    district = district_of(office)
    conn = sqlite3.connect(office.app.path)
    try:
        (village,) = conn.execute(
            "SELECT code FROM region WHERE code LIKE ? AND level = 4 ORDER BY code LIMIT 1",
            (district + ".%",),
        ).fetchone()
    finally:
        conn.close()
    died = date(2026, 11, 20)
    claim = office.app.claims.open_claim(
        office.actor,
        "santunan_kematian",
        event_date=died,
        subject=Resident(
            nik=make_nik(district, date(1950, 5, 17), Sex.MALE, 9123),
            name="Warga Contoh",
            village_code=str(village),
            birth_date=date(1950, 5, 17),
        ),
        decile=3,
        reported_date=date(2026, 11, 21),
    )
    return office.app.claims.add_heir(
        office.actor,
        claim,
        name="Ahli Waris Contoh",
        relationship="anak",
        nik=make_nik(district, date(1975, 1, 5), Sex.FEMALE, 9124),
        payee=True,
        bank="Bank Sumsel Babel",
        account="000011112222",
        holder="Ahli Waris Contoh",
    )
