"""A laptop writes only in its own area, and one that already holds a worker typed into
another kecamatan gets its work through again (issue 17, item 0)."""

from __future__ import annotations

import io
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from desktop.cli import run
from desktop.domain.categories import Sex
from desktop.domain.findings import DomainError
from desktop.domain.nik import make_nik
from desktop.services.sync import SyncRefused
from desktop.store import models
from desktop.store.unit_of_work import UnitOfWork
from tests.integration.sync_helpers import (
    Office,
    district_of,
)
from tests.integration.test_sync_adversarial import worker_of


def village_elsewhere(office: Office) -> str:
    conn = sqlite3.connect(office.app.path)
    try:
        return str(
            conn.execute(
                "SELECT code FROM region WHERE level = 4 AND code NOT LIKE ? ORDER BY code LIMIT 1",
                (district_of(office) + ".%",),
            ).fetchone()[0]
        )
    finally:
        conn.close()


def new_worker(village: str, serial: int) -> dict[str, object]:
    born = date(1985, 3, 4)
    district = village.rsplit(".", 1)[0]
    return {
        "nik": make_nik(district, born, Sex.FEMALE, 900 + serial),
        "name": f"Warga Salah Desa {serial}",
        "sex": "P",
        "birth_date": born,
        "village_code": village,
        "category": "pekerja_rentan",
        "programmes": "JKK,JKM",
        "funding_source": "apbd",
    }


def test_the_laptops_form_service_refuses_a_worker_of_another_kecamatan(
    network: tuple[Office, Office],
) -> None:
    _hub, a = network
    with pytest.raises(DomainError) as refusal:
        a.app.workers.create(a.actor, new_worker(village_elsewhere(a), 1))
    assert refusal.value.finding.code == "worker.outside_area"
    assert "di luar wilayah kantor ini" in str(refusal.value)
    # The laptop picks only its own kecamatan, named with its code.
    assert [code for code, _ in a.app.regions.office_districts()] == [district_of(a)]
    assert a.app.regions.office_districts()[0][1].startswith(district_of(a) + " \u2014 ")


def test_a_laptop_cannot_import_a_region_list(network: tuple[Office, Office], tmp_path: Path):
    _hub, a = network
    regions = tmp_path / "wilayah.csv"
    regions.write_text("kode;nama\n16.02.99;Kecamatan Baru\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert run(["regions", "import", "--db", str(a.app.path), str(regions)], out, err) == 2
    assert "kantor kabupaten" in err.getvalue()


def test_a_laptop_holding_a_worker_of_another_kecamatan_is_told_and_repaired(
    network: tuple[Office, Office],
) -> None:
    hub, a = network
    # As an older Sigap's form let it: a worker saved into another kecamatan, written
    # straight through the write path, then other honest work.
    values = new_worker(village_elsewhere(a), 2)
    values["district_code"] = str(values["village_code"]).rsplit(".", 1)[0]
    values["name_key"] = str(values["name"]).lower()
    values["status"] = "aktif"
    with UnitOfWork(a.app.database.engine, a.actor, action="test.old_form") as uow:
        misplaced = uow.insert(models.Worker, values)
    honest = worker_of(a)
    a.app.workers.update(a.actor, honest, {"phone": "081277700001"})
    with pytest.raises(SyncRefused) as refusal:
        hub.receive(a.export())
    message = str(refusal.value)
    assert "Warga Salah Desa 2" in message and "check --repair" in message

    out, err = io.StringIO(), io.StringIO()
    assert run(["check", "--db", str(a.app.path)], out, err) == 1
    assert "Warga Salah Desa 2" in err.getvalue() and "--repair" in err.getvalue()
    out, err = io.StringIO(), io.StringIO()
    assert run(["check", "--db", str(a.app.path), "--repair"], out, err) == 0, err.getvalue()
    assert "dihapus dari laptop ini: Warga Salah Desa 2" in err.getvalue()

    result = hub.receive(a.export())
    assert result.applied
    conn = sqlite3.connect(hub.app.path)
    try:
        (phone,) = conn.execute("SELECT phone FROM worker WHERE id = ?", (honest,)).fetchone()
        row = conn.execute(
            "SELECT district_code, deleted FROM worker WHERE id = ?", (misplaced,)
        ).fetchone()
    finally:
        conn.close()
    assert phone == "081277700001"
    assert row == (district_of(a), 1)  # a removed record of the laptop's own kecamatan
