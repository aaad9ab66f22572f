"""Editing one worker: permissions, domain checks, duplicates, status and history."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.findings import DomainError
from desktop.services.app import AppServices
from desktop.services.permissions import PermissionDenied, Role
from desktop.services.roster import RosterFilter
from desktop.store.unit_of_work import Actor

NEW_NIK = "1602054107900003"  # a woman born 1 July 1990, area 16.02.05


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "demo.db"
    made = AppServices.open(path)
    made.demo.generate(workers=60, seed=11)
    made.close()
    return path


@pytest.fixture
def app(template: Path, tmp_path: Path) -> Any:
    path = tmp_path / "demo.db"
    shutil.copy(template, path)
    opened = AppServices.open(path)
    yield opened
    opened.close()


def village_in(app: AppServices, district: str) -> str:
    return app.regions.children(district)[0].code


def new_values(app: AppServices, **over: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "nik": NEW_NIK,
        "name": "  Siti   Rahma ",
        "sex": "P",
        "birth_date": date(1990, 7, 1),
        "village_code": village_in(app, "16.02.05"),
        "category": "pekerja_rentan",
        "kpj": "21 000 123 456",
    }
    values.update(over)
    return values


def test_create_derives_keys_and_logs_the_change(app: AppServices) -> None:
    admin = app.office.local_actor()
    worker_id = app.workers.create(admin, new_values(app))
    record = app.workers.get(worker_id)
    assert record.name == "Siti Rahma"
    assert record.district_code == "16.02.05"
    assert record.kpj == "21000123456"
    assert record.status == "aktif"
    assert app.roster.count(RosterFilter(text="rahma siti")) == 1
    history = app.workers.history(worker_id)
    assert [(h.op, h.username, h.action) for h in history] == [
        ("insert", admin.username, "worker.create")
    ]
    assert {c.field for c in history[0].changes} >= {"nik", "name", "village_code"}


def test_a_viewer_may_not_edit(app: AppServices) -> None:
    admin = app.office.local_actor()
    viewer = Actor(admin.user_id, "tamu", Role.VIEWER.value, admin.device_id)
    before = app.health.counts()["worker"]
    with pytest.raises(PermissionDenied):
        app.workers.create(viewer, new_values(app))
    some = app.roster.rows(app.roster.matching_ids(RosterFilter())[:1])[0]
    with pytest.raises(PermissionDenied):
        app.workers.update(viewer, some.id, {"name": "Orang Lain"})
    with pytest.raises(PermissionDenied):
        app.workers.set_status(viewer, some.id, "nonaktif", reason="pindah")
    assert app.health.counts()["worker"] == before
    assert app.workers.get(some.id).name == some.name


@pytest.mark.parametrize(
    ("over", "message"),
    [
        ({"nik": "16020541079"}, "16 angka"),
        ({"name": "   "}, "Nama peserta wajib diisi"),
        ({"village_code": "16.02.05"}, "Desa belum dipilih"),
        ({"category": ""}, "Kategori peserta belum dipilih"),
        ({"subcategory": "ketua_rw"}, "bukan bagian dari kategori"),
        ({"birth_date": date(2999, 1, 1)}, "setelah hari ini"),
        (
            {"coverage_start": date(2026, 1, 1), "coverage_end": date(2025, 1, 1)},
            "Akhir kepesertaan",
        ),
        ({"phone": "0812-abc"}, "Nomor telepon"),
    ],
)
def test_errors_are_refused_in_indonesian(
    app: AppServices, over: dict[str, Any], message: str
) -> None:
    before = app.health.counts()["worker"]
    with pytest.raises(DomainError) as raised:
        app.workers.create(app.office.local_actor(), new_values(app, **over))
    assert message in str(raised.value)
    assert app.health.counts()["worker"] == before


def test_update_records_old_and_new_and_nothing_when_unchanged(app: AppServices) -> None:
    admin = app.office.local_actor()
    worker_id = app.workers.create(admin, new_values(app))
    assert app.workers.update(admin, worker_id, {"name": "Siti Rahmawati", "phone": "0812 345"})
    assert not app.workers.update(admin, worker_id, {"name": "Siti Rahmawati"})
    last = app.workers.history(worker_id)[-1]
    changes = {c.field: (c.old, c.new) for c in last.changes}
    assert changes["name"] == ("Siti Rahma", "Siti Rahmawati")
    assert changes["phone"] == (None, "0812345")
    assert "name_key" not in changes  # derived, not shown
    assert app.workers.get(worker_id).name == "Siti Rahmawati"


def test_duplicates_by_nik_or_name_and_birth_date(app: AppServices) -> None:
    admin = app.office.local_actor()
    worker_id = app.workers.create(admin, new_values(app))
    assert [r.id for r in app.workers.find_duplicates(NEW_NIK, None, None)] == [worker_id]
    same_person = app.workers.find_duplicates(None, "SITI rahma", date(1990, 7, 1))
    assert [r.id for r in same_person] == [worker_id]
    assert app.workers.find_duplicates(NEW_NIK, "Siti Rahma", None, exclude_id=worker_id) == []


def test_status_changes_need_a_reason_or_a_date(app: AppServices) -> None:
    admin = app.office.local_actor()
    worker_id = app.workers.create(admin, new_values(app))
    with pytest.raises(DomainError, match="alasan"):
        app.workers.set_status(admin, worker_id, "nonaktif", reason=" ")
    assert app.workers.set_status(admin, worker_id, "nonaktif", reason="Pindah domisili")
    assert app.workers.get(worker_id).status_reason == "Pindah domisili"
    with pytest.raises(DomainError, match="tanggal"):
        app.workers.set_status(admin, worker_id, "meninggal")
    with pytest.raises(DomainError, match="di antara"):
        app.workers.set_status(admin, worker_id, "meninggal", death_date=date(1980, 1, 1))
    assert app.workers.set_status(admin, worker_id, "meninggal", death_date=date(2026, 3, 2))
    record = app.workers.get(worker_id)
    assert (record.status, record.death_date) == ("meninggal", date(2026, 3, 2))
    assert app.workers.set_status(admin, worker_id, "aktif")
    assert app.workers.get(worker_id).death_date is None
    assert [h.action for h in app.workers.history(worker_id)][-3:] == ["worker.status"] * 3


def test_unknown_worker(app: AppServices) -> None:
    with pytest.raises(DomainError, match="tidak ditemukan"):
        app.workers.get("nope")
