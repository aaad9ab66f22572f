"""What a valid bundle of an enrolled laptop may change at the hub (issue 17): the fields and
values of the authority table, events and audit entries of its own office only, no claim to
follow what the hub never sent, no stamp far ahead (item 2); a worker the hub moved away
stays moved (item 4); a derived field merges with its source (item 6)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from desktop.services.sync import SyncRefused
from desktop.store import models
from desktop.store.ids import new_id
from desktop.store.unit_of_work import UnitOfWork
from tests.integration.sync_helpers import (
    Office,
    device_of,
    district_of,
    signed_bundle,
)
from tests.integration.test_sync_adversarial import forge, laptop_change, worker_of


def two_workers_and_a_village_elsewhere(hub: Office, a: Office) -> tuple[str, str, str]:
    conn = sqlite3.connect(hub.app.path)
    try:
        elsewhere = conn.execute(
            "SELECT code FROM region WHERE level = 4 AND code NOT LIKE ? ORDER BY code LIMIT 1",
            (district_of(a) + ".%",),
        ).fetchone()[0]
        first, second = (
            r[0]
            for r in conn.execute(
                "SELECT id FROM worker WHERE district_code = ? AND deleted = 0 ORDER BY id LIMIT 2",
                (district_of(a),),
            )
        )
    finally:
        conn.close()
    return first, second, elsewhere


def worker_row(office: Office, worker: str) -> tuple[str, str, str]:
    conn = sqlite3.connect(office.app.path)
    try:
        return conn.execute(
            "SELECT name, status, district_code FROM worker WHERE id = ?", (worker,)
        ).fetchone()
    finally:
        conn.close()


@pytest.mark.parametrize(
    "fields",
    [
        {"name": ["", "Nama Baru Sekali"]},
        {"status": ["aktif", "meninggal"]},
        {"village_code": ["", "PULL_BACK"], "district_code": ["", "PULL_BACK_DISTRICT"]},
    ],
    ids=["rename", "meninggal", "pull-back"],
)
def test_a_change_made_after_the_laptop_learnt_of_the_move_is_refused(
    network: tuple[Office, Office], tmp_path: Path, fields: dict[str, list[str]]
) -> None:
    hub, a = network
    worker, _, elsewhere = two_workers_and_a_village_elsewhere(hub, a)
    assert hub.app.workers.update(hub.actor, worker, {"village_code": elsewhere})
    a.receive(hub.export(peer=None))  # the laptop learns that the worker left
    assert worker_row(a, worker)[2] == elsewhere.rsplit(".", 1)[0]
    village = next(
        code
        for (code,) in sqlite3.connect(hub.app.path).execute(
            "SELECT code FROM region WHERE level = 4 AND code LIKE ?", (district_of(a) + ".%",)
        )
    )
    concrete = {
        k: [
            v[0],
            village
            if v[1] == "PULL_BACK"
            else district_of(a)
            if v[1].endswith("DISTRICT")
            else v[1],
        ]
        for k, v in fields.items()
    }
    before = worker_row(hub, worker)
    change = laptop_change(a, hub, "worker", worker, "update", concrete)
    with pytest.raises(SyncRefused) as refusal:
        hub.receive(forge(a, hub, [change], tmp_path))
    assert refusal.value.code == "sync.moved_away"
    assert "dipindahkan" in str(refusal.value)
    assert worker_row(hub, worker) == before
    # The laptop's genuine bundle still goes through.
    assert hub.receive(a.export()).applied


def test_a_change_made_before_the_move_still_arrives(
    network: tuple[Office, Office],
) -> None:
    hub, a = network
    worker, _, elsewhere = two_workers_and_a_village_elsewhere(hub, a)
    assert a.app.workers.update(a.actor, worker, {"phone": "081200000321"})
    assert hub.app.workers.update(hub.actor, worker, {"village_code": elsewhere})
    assert hub.receive(a.export()).applied
    conn = sqlite3.connect(hub.app.path)
    phone, district = conn.execute(
        "SELECT phone, district_code FROM worker WHERE id = ?", (worker,)
    ).fetchone()
    conn.close()
    assert phone == "081200000321" and district == elsewhere.rsplit(".", 1)[0]


# ---- item 6: a derived field merges with its source ----------------------------------------


def rt_rw_worker(hub: Office, a: Office) -> str:
    """A worker of the laptop's kecamatan made a Ketua RW (category rt_rw), known to both."""
    conn = sqlite3.connect(hub.app.path)
    try:
        (worker,) = conn.execute(
            "SELECT id FROM worker WHERE district_code = ? AND deleted = 0 ORDER BY id LIMIT 1",
            (district_of(a),),
        ).fetchone()
    finally:
        conn.close()
    hub.app.workers.update(
        hub.actor,
        worker,
        {"category": "rt_rw", "subcategory": "ketua_rw", "position": "Ketua RW 01"},
    )
    a.receive(hub.export(peer=None))
    return str(worker)


def unit_values(office: Office, worker: str) -> tuple[str, str, str]:
    conn = sqlite3.connect(office.app.path)
    try:
        return conn.execute(
            "SELECT category, subcategory, position FROM worker WHERE id = ?", (worker,)
        ).fetchone()
    finally:
        conn.close()


CONSISTENT = {
    ("rt_rw", "ketua_rt", "Ketua RT 02"),
    ("rt_rw", "ketua_rw", "Ketua RW 03"),
}


def test_jabatan_and_subkategori_merge_as_one_and_settle_as_one(
    network: tuple[Office, Office],
) -> None:
    hub, a = network
    worker = rt_rw_worker(hub, a)
    # At the same time: the laptop makes the worker a Ketua RT (the form moves the
    # Subkategori with the Jabatan); the hub only renames the RW.
    a.app.workers.update(a.actor, worker, {"subcategory": "ketua_rt", "position": "Ketua RT 02"})
    hub.app.workers.update(hub.actor, worker, {"position": "Ketua RW 03"})
    result = hub.receive(a.export())
    assert result.summary.conflicts >= 1
    a.receive(hub.export(peer=None))
    assert unit_values(hub, worker) == unit_values(a, worker)
    assert unit_values(hub, worker) in CONSISTENT  # never Ketua RW with ketua_rt
    # The conflicts of the unit are one decision: settling the Jabatan keeps the other side's
    # whole unit.
    conflicts = [c for c in hub.app.sync.conflicts(hub.actor) if c.row_id == worker]
    assert {c.field for c in conflicts} >= {"position"}
    applied = unit_values(hub, worker)
    position = next(c for c in conflicts if c.field == "position")
    hub.app.sync.settle(hub.actor, position.id, keep="loser")
    settled = unit_values(hub, worker)
    assert settled in CONSISTENT and settled != applied
    assert [c for c in hub.app.sync.conflicts(hub.actor) if c.row_id == worker] == []
    a.receive(hub.export(peer=None))
    assert unit_values(a, worker) == settled


# ---- item 2: fields and values a kecamatan may not set ---------------------------------------


def hub_claim(hub: Office, a: Office, status: str) -> tuple[str, str]:
    """A claim of the laptop's kecamatan in *status*, with a payee heir; (claim, heir) ids.
    Made at the hub and sent to the laptop, so the laptop holds it as the hub does."""
    conn = sqlite3.connect(hub.app.path)
    try:
        worker, village = conn.execute(
            "SELECT id, village_code FROM worker WHERE district_code = ? ORDER BY id LIMIT 1",
            (district_of(a),),
        ).fetchone()
    finally:
        conn.close()
    claim, heir = new_id(), new_id()
    with UnitOfWork(hub.app.database.engine, hub.actor, action="test.claim") as uow:
        uow.insert(
            models.Claim,
            {
                "id": claim,
                "worker_id": worker,
                "kind": "santunan_kematian",
                "event_date": date(2026, 10, 1),
                "reported_date": date(2026, 10, 3),
                "village_code": village,
                "status": status,
                "amount_proposed": 1_000_000,
            },
        )
        uow.insert(
            models.Heir,
            {
                "id": heir,
                "claim_id": claim,
                "name": "Siti Ahli Waris",
                "relationship": "istri",
                "is_payee": True,
                "bank_name": "Bank Sumsel Babel",
                "bank_account": "1234567890",
            },
        )
    a.receive(hub.export(peer=None))
    return claim, heir


def insider(hub: Office, a: Office, tmp_path: Path, *changes: tuple[object, ...]) -> SyncRefused:
    """Send *changes* as the laptop's own signed bundle; expect a refusal changing nothing,
    and the laptop's genuine bundle still welcome afterwards."""
    before = hub.dump()
    with pytest.raises(SyncRefused) as refusal:
        hub.receive(forge(a, hub, list(changes), tmp_path))
    assert hub.dump() == before
    assert hub.receive(a.export()).applied
    return refusal.value


def test_a_laptop_cannot_pay_out_its_own_claim(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, a = network
    claim, _ = hub_claim(hub, a, "direkomendasikan")
    change = laptop_change(
        a, hub, "claim", claim, "update",
        {
            "status": ["direkomendasikan", "dicairkan"],
            "amount_approved": [0, 150_000_000],
            "amount_paid": [0, 150_000_000],
            "decision_number": [None, "188/001/KEP/2026"],
        },
    )  # fmt: skip
    refusal = insider(hub, a, tmp_path, change)
    assert refusal.code == "sync.authority"
    assert "kantor kabupaten" in str(refusal)


@pytest.mark.parametrize(
    "fields",
    [
        {"amount_approved": [0, 150_000_000]},
        {"decision_number": [None, "188/001/KEP/2026"]},
        {"status": ["diusulkan", "disetujui"]},
        {"verified_on": [None, "2026-11-01"]},
    ],
    ids=["amount", "decision", "approve", "verify"],
)
def test_a_laptop_cannot_set_what_the_regency_decides(
    network: tuple[Office, Office], tmp_path: Path, fields: dict[str, list[object]]
) -> None:
    hub, a = network
    claim, _ = hub_claim(hub, a, "diusulkan")
    change = laptop_change(a, hub, "claim", claim, "update", fields)
    assert insider(hub, a, tmp_path, change).code == "sync.authority"


def event_fields(claim: str, status: str, device: str, user: str) -> dict[str, list[object]]:
    return {
        "claim_id": [None, claim],
        "status": [None, status],
        "at": [None, "2026-11-20 08:00:00.000000"],
        "actor_user_id": [None, user],
        "actor_name": [None, "Admin"],
        "device_id": [None, device],
        "data": [None, '{"role": "operator_kecamatan"}'],
    }


def test_a_laptop_cannot_add_a_step_in_the_hubs_name(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, a = network
    claim, _ = hub_claim(hub, a, "diusulkan")
    hub_device, hub_user = device_of(hub), hub.actor.user_id
    forged_approval = laptop_change(
        a, hub, "claim_event", new_id(), "insert",
        event_fields(claim, "disetujui", hub_device, hub_user),
    )  # fmt: skip
    assert insider(hub, a, tmp_path, forged_approval).code in {"sync.authority", "sync.event"}
    # Its own step, but written as the hub's device or by the regency admin: refused too.
    as_hub = laptop_change(
        a, hub, "claim_event", new_id(), "insert",
        event_fields(claim, "direkomendasikan", hub_device, a.actor.user_id),
    )  # fmt: skip
    assert insider(hub, a, tmp_path, as_hub).code == "sync.event"
    by_admin = laptop_change(
        a, hub, "claim_event", new_id(), "insert",
        event_fields(claim, "direkomendasikan", device_of(a), hub_user),
    )  # fmt: skip
    assert insider(hub, a, tmp_path, by_admin).code == "sync.event"
    # The genuine step of the kecamatan, by its own user on its own device, is welcome.
    own = laptop_change(
        a, hub, "claim_event", new_id(), "insert",
        event_fields(claim, "direkomendasikan", device_of(a), a.actor.user_id),
    )  # fmt: skip
    assert hub.receive(forge(a, hub, [own], tmp_path)).applied


def test_a_laptop_cannot_change_the_payees_bank_account_once_the_file_has_left_it(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, a = network
    _, heir = hub_claim(hub, a, "disetujui")
    change = laptop_change(
        a, hub, "heir", heir, "update", {"bank_account": ["1234567890", "9999999999"]}
    )
    assert insider(hub, a, tmp_path, change).code == "sync.authority"
    # While the file is still with the kecamatan (diusulkan), it may.
    _, open_heir = hub_claim(hub, a, "diusulkan")
    change = laptop_change(
        a, hub, "heir", open_heir, "update", {"bank_account": ["1234567890", "1111111111"]}
    )
    assert hub.receive(forge(a, hub, [change], tmp_path)).applied


def test_a_laptop_cannot_make_its_account_a_regency_admin(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, a = network
    change = laptop_change(
        a, hub, "app_user", a.actor.user_id, "update",
        {"role": ["operator_kecamatan", "admin_kabupaten"]},
    )  # fmt: skip
    assert insider(hub, a, tmp_path, change).code == "sync.authority"


def test_a_laptop_cannot_write_audit_entries_as_the_regency_admin(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, a = network
    change = laptop_change(a, hub, "worker", worker_of(a), "update", {"phone": [None, "0811"]})
    audit = (
        change[9], "2026-11-25 12:00:00.000000", hub.actor.user_id, "admin",
        "admin_kabupaten", device_of(a), "roster.edit", "Diubah oleh admin kabupaten", 1,
    )  # fmt: skip
    path = signed_bundle(a, hub, tmp_path, changes=[change], audits=[audit])
    before = hub.dump()
    with pytest.raises(SyncRefused) as refusal:
        hub.receive(path)
    assert refusal.value.code == "sync.audit"
    assert hub.dump() == before


def test_a_laptop_cannot_overwrite_a_hub_edit_it_never_saw(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    """The laptop sends a version vector that claims to follow the hub's latest edit (never
    sent to it) and a stamp from the year 2286, to win without a conflict: refused."""
    hub, a = network
    worker = worker_of(a)
    hub.app.workers.update(hub.actor, worker, {"phone": "082100000001"})  # not yet sent
    lie = laptop_change(a, hub, "worker", worker, "update", {"phone": [None, "089900000001"]})
    assert insider(hub, a, tmp_path, lie).code == "sync.vector"
    in_2286 = (*lie[:7], "9999999999999.000001", *lie[8:])
    honest_vv = laptop_change(a, a, "worker", worker, "update", {"phone": [None, "089900000002"]})
    far = (*honest_vv[:7], "9999999999999.000001", *honest_vv[8:])
    assert insider(hub, a, tmp_path, in_2286).code in {"sync.vector", "sync.clock"}
    assert insider(hub, a, tmp_path, far).code == "sync.clock"
    # The hub's edit stands.
    conn = sqlite3.connect(hub.app.path)
    (phone,) = conn.execute("SELECT phone FROM worker WHERE id = ?", (worker,)).fetchone()
    conn.close()
    assert phone == "082100000001"
