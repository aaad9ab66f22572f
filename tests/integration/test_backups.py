"""Backups made before each sync import do not pile up: the newest N (a setting, 10 by
default) and the first of each month for a year stay, the rest go after each new one."""

from __future__ import annotations

import io
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.cli import run
from tests.integration.sync_helpers import (
    Office,
    districts_with_workers,
    join_kecamatan,
    make_hub,
)


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return run(list(argv), out, err), out.getvalue(), err.getvalue()


def edit_phone_of_first_worker(office: Office, phone: str) -> None:
    with sqlite3.connect(office.app.path) as conn:
        (worker_id,) = conn.execute("SELECT id FROM worker ORDER BY id LIMIT 1").fetchone()
    office.app.workers.update(office.actor, str(worker_id), {"phone": phone})


def plant(folder: Path, stem: str, when: datetime, tag: str) -> Path:
    copy = folder / f"{stem}.backup-sync-{tag}-{when:%Y%m%d-%H%M%S}.db"
    copy.write_bytes(b"SQLite format 3\x00")
    return copy


def test_each_import_prunes_old_backups_by_the_setting(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub", workers=40)
    (district,) = districts_with_workers(hub, 1)
    laptop = join_kecamatan(hub, tmp_path / "laptop", district, "Kayu Agung")
    folder = hub.app.sync.backup_dir
    stem = hub.app.path.stem
    now = datetime.now(UTC)
    # A year and a half of daily imports, as a busy hub would have without pruning.
    planted = [plant(folder, stem, now - timedelta(days=d), f"{d:08d}") for d in range(1, 550)]

    assert hub.app.sync.backups_kept() == 10  # the default
    code, out, err = cli("settings", "--db", str(hub.app.path), "backup.keep_last", "3")
    assert code == 0, err

    edit_phone_of_first_worker(laptop, "081234567890")
    result = hub.receive(laptop.export())
    assert result.backup is not None and result.backup.exists()

    def stamp(copy: Path) -> datetime:
        return datetime.strptime(copy.name[-18:-3], "%Y%m%d-%H%M%S")

    every = sorted({*planted, *folder.glob("*.db")}, key=stamp)
    left = sorted(folder.glob(f"{stem}.backup-sync-*"), key=stamp)
    assert result.backup in left
    assert set(every[-3:]) <= set(left)  # the three newest (this import's among them)
    assert 3 + 11 <= len(left) <= 3 + 13  # and one a month for a year
    by_month: dict[tuple[int, int], list[datetime]] = {}
    for copy in left[:-3]:
        by_month.setdefault((stamp(copy).year, stamp(copy).month), []).append(stamp(copy))
    assert all(len(days) == 1 for days in by_month.values())
    assert now.replace(tzinfo=None) - stamp(left[0]) <= timedelta(days=367)
    laptop.close()
    hub.close()


def test_a_bad_setting_value_is_refused_and_a_laptop_cannot_set_it(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub", workers=20)
    (district,) = districts_with_workers(hub, 1)
    laptop = join_kecamatan(hub, tmp_path / "laptop", district, "Kayu Agung")
    for value in ("0", "-1", "banyak", "100000"):
        code, _, err = cli("settings", "--db", str(hub.app.path), "backup.keep_last", value)
        assert code == 2 and "backup.keep_last" in err and "1 sampai 1000" in err, err
    code, _, err = cli("settings", "--db", str(hub.app.path), "tidak.ada", "1")
    assert code == 2 and "tidak dikenal" in err
    code, _, err = cli("settings", "--db", str(laptop.app.path), "backup.keep_last", "5")
    assert code == 2 and "kantor kabupaten" in err
    code, out, _ = cli("settings", "--db", str(laptop.app.path))
    assert code == 0 and "backup.keep_last = 10 (bawaan)" in out
    laptop.close()
    hub.close()


def test_the_setting_travels_from_the_hub_to_the_laptop(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub", workers=20)
    (district,) = districts_with_workers(hub, 1)
    laptop = join_kecamatan(hub, tmp_path / "laptop", district, "Kayu Agung")
    hub.app.office.set_setting(hub.actor, "backup.keep_last", "4")
    laptop.receive(hub.export(peer=None))
    assert laptop.app.sync.backups_kept() == 4
    laptop.close()
    hub.close()


def test_the_copy_just_made_is_never_pruned_even_beside_future_stamped_ones(
    tmp_path: Path,
) -> None:
    hub = make_hub(tmp_path / "hub", workers=20)
    folder = hub.app.sync.backup_dir
    folder.mkdir(parents=True, exist_ok=True)
    stem = hub.app.path.stem
    ahead = datetime.now(UTC) + timedelta(days=400)  # a clock that was once far ahead
    for n in range(12):
        plant(folder, stem, ahead + timedelta(hours=n), f"{n:08d}")
    made = hub.app.sync._backup("bundle-0000-aaaa")
    again = hub.app.sync._backup("bundle-0000-bbbb")
    assert made.exists() or again.exists()
    assert again.exists()
    hub.close()


def test_a_database_name_with_brackets_is_pruned_too(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub [lama]", workers=10)
    folder = hub.app.sync.backup_dir
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    for d in range(1, 40):
        plant(folder, hub.app.path.stem, now - timedelta(hours=d), f"{d:08d}")
    hub.app.sync._backup("bundle-0000-cccc")
    assert len(list(folder.glob("*.db"))) <= 10 + 2
    hub.close()
