"""Claims without a worker, flag clearances and holidays across the hub and its laptops.

A santunan kematian for a resident outside the roster belongs to the kecamatan of its
village: it travels to that kecamatan's laptop (with its events, heirs, documents and flag
clearances) and to no other; that laptop may open one for its own villages and no other's;
only the hub clears a review flag or keeps the holiday list, which every laptop receives.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop.services.sync import SyncRefused
from desktop.store import models
from desktop.store.ids import new_id
from desktop.store.unit_of_work import UnitOfWork
from tests.integration.sync_helpers import (
    Office,
    device_of,
    district_of,
    districts_with_workers,
    join_kecamatan,
    make_hub,
)
from tests.integration.test_sync_adversarial import forge, laptop_change, scope_refusal
from tests.integration.test_sync_authority import insider

RESIDENT_NIK = "1602064107550002"


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[tuple[Office, Office, Office]]:
    """A hub and the laptops of two kecamatan (few workers: the claims here are residents')."""
    hub = make_hub(tmp_path, workers=40)
    first, second = districts_with_workers(hub, 2)
    a = join_kecamatan(hub, tmp_path, first, "kec-a")
    b = join_kecamatan(hub, tmp_path, second, "kec-b")
    yield hub, a, b
    for office in (hub, a, b):
        office.close()


def village_in(office: Office, district: str) -> str:
    conn = sqlite3.connect(office.app.path)
    try:
        return str(
            conn.execute(
                "SELECT code FROM region WHERE parent_code = ? AND level = 4 ORDER BY code",
                (district,),
            ).fetchone()[0]
        )
    finally:
        conn.close()


def resident_claim(office: Office, village: str, **values: Any) -> str:
    """A santunan kematian for a resident outside the roster, with its first step, an heir,
    a document and (at the hub) a cleared flag, written on *office*."""
    actor = office.actor
    with UnitOfWork(office.app.database.engine, actor, action="test.claim") as uow:
        claim = uow.insert(
            models.Claim,
            {
                "kind": "santunan_kematian",
                "event_date": date(2026, 10, 1),
                "reported_date": date(2026, 10, 3),
                "village_code": village,
                "subject_nik": RESIDENT_NIK,
                "subject_name": "Warga Bukan Peserta",
                "subject_name_key": "warga bukan peserta",
                "death_certificate_no": "1602-KM-01102026-0001",
                **values,
            },
        )
        uow.insert(
            models.ClaimEvent,
            {
                "claim_id": claim,
                "status": "diusulkan",
                "at": datetime(2026, 10, 3, 2, tzinfo=UTC),
                "actor_user_id": actor.user_id,
                "actor_name": actor.username,
                "device_id": actor.device_id,
                "data": f'{{"role": "{actor.role}"}}',
            },
        )
        uow.insert(
            models.Heir,
            {
                "claim_id": claim,
                "name": "Ahli Waris",
                "relationship": "anak",
                "is_payee": True,
                "bank_account": "123456789",
            },
        )
        uow.insert(models.ClaimDocument, {"claim_id": claim, "item": "sktm", "received": True})
    return claim


def clear_flag(hub: Office, claim: str) -> str:
    with UnitOfWork(hub.app.database.engine, hub.actor, action="test.clear") as uow:
        return uow.insert(
            models.ClaimFlagClearance,
            {
                "claim_id": claim,
                "code": "flag.decile_missing",
                "evidence": '["missing"]',
                "at": datetime(2026, 10, 4, tzinfo=UTC),
                "actor_user_id": hub.actor.user_id,
                "actor_name": "Admin",
                "reason": "Desil dicek di DTSEN",
            },
        )


def held(office: Office, table: str, where: str, params: tuple[Any, ...]) -> set[str]:
    conn = sqlite3.connect(office.app.path)
    try:
        return {str(r[0]) for r in conn.execute(f"SELECT id FROM {table} WHERE {where}", params)}
    finally:
        conn.close()


def the_file(office: Office, claim: str) -> dict[str, set[str]]:
    """The ids of the claim and of what hangs off it, as *office* holds them."""
    return {
        "claim": held(office, "claim", "id = ?", (claim,)),
        **{
            table: held(office, table, "claim_id = ?", (claim,))
            for table in ("claim_event", "heir", "claim_document", "claim_flag_clearance")
        },
    }


def test_a_residents_claim_made_at_the_hub_reaches_its_kecamatan_only(
    offices: tuple[Office, Office, Office],
) -> None:
    hub, a, b = offices
    claim = resident_claim(hub, village_in(hub, district_of(a)))
    clearance = clear_flag(hub, claim)
    a.receive(hub.export(peer=device_of(a)))
    b.receive(hub.export(peer=device_of(b)))
    everything = the_file(hub, claim)
    assert everything["claim_flag_clearance"] == {clearance}
    assert all(everything.values())
    assert the_file(a, claim) == everything
    assert the_file(b, claim) == {table: set() for table in everything}
    conn = sqlite3.connect(a.app.path)
    try:
        row = conn.execute(
            "SELECT worker_id, subject_nik, subject_name, death_certificate_no FROM claim "
            "WHERE id = ?",
            (claim,),
        ).fetchone()
    finally:
        conn.close()
    assert row == (None, RESIDENT_NIK, "Warga Bukan Peserta", "1602-KM-01102026-0001")
    # The laptop's next bundle goes through, and nothing comes back to change.
    assert hub.receive(a.export()).applied


def test_a_laptop_opens_a_residents_claim_for_its_own_village_only(
    offices: tuple[Office, Office, Office], tmp_path: Path
) -> None:
    hub, a, b = offices
    claim = resident_claim(a, village_in(a, district_of(a)))
    result = hub.receive(a.export())
    assert result.applied
    assert the_file(hub, claim) == the_file(a, claim) and the_file(hub, claim)["heir"]
    b.receive(hub.export(peer=device_of(b)))
    assert the_file(b, claim)["claim"] == set()
    # One for a village of another kecamatan is refused, and changes nothing at the hub.
    fields = {
        "kind": [None, "santunan_kematian"],
        "event_date": [None, "2026-10-01"],
        "reported_date": [None, "2026-10-03"],
        "village_code": [None, village_in(hub, district_of(b))],
        "subject_nik": [None, RESIDENT_NIK],
        "subject_name": [None, "Warga Kecamatan Lain"],
    }
    change = laptop_change(a, hub, "claim", new_id(), "insert", fields)
    assert "Klaim Warga Kecamatan Lain" in scope_refusal(hub, a, change, tmp_path)
    # Its own resident's village corrected into another kecamatan (as a worker who moved
    # away): the claim goes over to that kecamatan, with its file.
    with UnitOfWork(a.app.database.engine, a.actor, action="test.village") as uow:
        uow.update(models.Claim, claim, {"village_code": village_in(a, district_of(b))})
    assert hub.receive(a.export()).applied
    b.receive(hub.export(peer=device_of(b)))
    assert the_file(b, claim) == the_file(hub, claim) and the_file(b, claim)["claim_event"]


def test_a_laptop_may_not_clear_a_flag_or_set_the_amount_by_hand(
    offices: tuple[Office, Office, Office], tmp_path: Path
) -> None:
    hub, a, _ = offices
    claim = resident_claim(hub, village_in(hub, district_of(a)))
    a.receive(hub.export(peer=device_of(a)))
    clearance = laptop_change(
        a, hub, "claim_flag_clearance", new_id(), "insert",
        {
            "claim_id": [None, claim],
            "code": [None, "flag.decile_missing"],
            "evidence": [None, '["missing"]'],
            "at": [None, "2026-10-04 00:00:00.000000"],
            "actor_user_id": [None, a.actor.user_id],
            "actor_name": [None, "Operator"],
            "reason": [None, "Sudah dicek"],
        },
    )  # fmt: skip
    assert insider(hub, a, tmp_path, clearance).code == "sync.authority"
    override = laptop_change(
        a, hub, "claim", claim, "update",
        {"amount_override": [None, 5_000_000], "amount_override_reason": [None, "Naik"]},
    )  # fmt: skip
    assert insider(hub, a, tmp_path, override).code == "sync.authority"


def test_the_subject_is_the_kecamatans_while_the_file_is_with_it(
    offices: tuple[Office, Office, Office], tmp_path: Path
) -> None:
    hub, a, _ = offices
    claim = resident_claim(hub, village_in(hub, district_of(a)))
    a.receive(hub.export(peer=device_of(a)))
    with UnitOfWork(a.app.database.engine, a.actor, action="test.subject") as uow:
        uow.update(models.Claim, claim, {"dtsen_decile": 2, "subject_name": "Warga Dibetulkan"})
    assert hub.receive(a.export()).applied
    assert held(hub, "claim", "dtsen_decile = 2 AND subject_name = ?", ("Warga Dibetulkan",))
    # Once the regency holds the file, the kecamatan no longer changes who it is about.
    with UnitOfWork(hub.app.database.engine, hub.actor, action="test.step") as uow:
        uow.update(models.Claim, claim, {"status": "diverifikasi"})
    a.receive(hub.export(peer=device_of(a)))
    late = laptop_change(a, hub, "claim", claim, "update", {"dtsen_decile": [2, 1]})
    assert insider(hub, a, tmp_path, late).code == "sync.authority"


def test_holidays_reach_every_laptop_and_come_from_the_hub_only(
    offices: tuple[Office, Office, Office], tmp_path: Path
) -> None:
    hub, a, b = offices
    with UnitOfWork(hub.app.database.engine, hub.actor, action="test.holiday") as uow:
        natal = uow.insert(models.Holiday, {"day": date(2026, 12, 25), "name": "Natal"})
    for laptop in (a, b):
        laptop.receive(hub.export(peer=device_of(laptop)))
        assert held(laptop, "holiday", "day = '2026-12-25' AND name = 'Natal'", ()) == {natal}
    own = laptop_change(
        a, hub, "holiday", new_id(), "insert", {"day": [None, "2026-12-24"], "name": [None, "X"]}
    )
    scope_refusal(hub, a, own, tmp_path)
    renamed = laptop_change(a, hub, "holiday", natal, "update", {"name": ["Natal", "Bukan"]})
    scope_refusal(hub, a, renamed, tmp_path)


def test_a_residents_claim_moved_to_another_kecamatan(
    offices: tuple[Office, Office, Office], tmp_path: Path
) -> None:
    """The hub corrects a resident's village into another kecamatan: the new kecamatan
    receives the claim with its whole file; the old one's edit made before it learnt of the
    move still arrives, one made after is refused."""
    hub, a, b = offices
    claim = resident_claim(hub, village_in(hub, district_of(a)))
    a.receive(hub.export(peer=device_of(a)))
    with UnitOfWork(a.app.database.engine, a.actor, action="test.note") as uow:
        uow.update(models.Claim, claim, {"note": "Dicatat sebelum pindah"})
    elsewhere = village_in(hub, district_of(b))
    with UnitOfWork(hub.app.database.engine, hub.actor, action="test.move") as uow:
        uow.update(models.Claim, claim, {"village_code": elsewhere})
    assert hub.receive(a.export()).applied  # made before the laptop knew
    assert held(hub, "claim", "note = 'Dicatat sebelum pindah'", ()) == {claim}
    b.receive(hub.export(peer=device_of(b)))
    assert the_file(b, claim) == the_file(hub, claim)
    assert all(the_file(b, claim)[t] for t in ("claim", "claim_event", "heir", "claim_document"))
    a.receive(hub.export(peer=device_of(a)))  # the laptop learns of the move
    after = laptop_change(a, hub, "claim", claim, "update", {"note": [None, "Sesudah pindah"]})
    before = hub.dump()
    with pytest.raises(SyncRefused) as refusal:
        hub.receive(forge(a, hub, [after], tmp_path))
    assert refusal.value.code == "sync.moved_away"
    assert "klaim itu sudah dipindahkan" in str(refusal.value)
    assert "Warga Bukan Peserta" in str(refusal.value)
    assert hub.dump() == before


def test_a_laptops_step_names_a_kecamatan_role(
    offices: tuple[Office, Office, Office], tmp_path: Path
) -> None:
    """A step counts only when its role may take it; a laptop's step in the regency admin's
    role, or in none, would slip past that (a withdrawal after the regency's decision)."""
    hub, a, _ = offices
    claim = resident_claim(hub, village_in(hub, district_of(a)))
    a.receive(hub.export(peer=device_of(a)))

    def step(data: str) -> tuple[object, ...]:
        return laptop_change(
            a, hub, "claim_event", new_id(), "insert",
            {
                "claim_id": [None, claim],
                "status": [None, "dibatalkan"],
                "at": [None, "2026-10-05 08:00:00.000000"],
                "reason": [None, "Keliru"],
                "actor_user_id": [None, a.actor.user_id],
                "actor_name": [None, "Operator"],
                "device_id": [None, device_of(a)],
                "data": [None, data],
            },
        )  # fmt: skip

    for data in ('{"role": "admin_kabupaten"}', "{}", '{"on": "2026-10-05"}', "[]"):
        assert insider(hub, a, tmp_path, step(data)).code == "sync.event", data
    own = step('{"role": "operator_kecamatan", "on": "2026-10-05"}')
    assert hub.receive(forge(a, hub, [own], tmp_path)).applied


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("subject_nik", "16020641075500021"),
        ("dtsen_decile", "3"),
        ("accident_is_traffic", 1),
        ("subject_birth_date", "1955-02-30"),
        ("death_certificate_no", "x" * 61),
    ],
)
def test_a_claims_new_columns_are_checked_as_they_arrive(
    offices: tuple[Office, Office, Office], tmp_path: Path, column: str, value: object
) -> None:
    hub, a, _ = offices
    claim = resident_claim(hub, village_in(hub, district_of(a)))
    a.receive(hub.export(peer=device_of(a)))
    change = laptop_change(a, hub, "claim", claim, "update", {column: [None, value]})
    before = hub.dump()
    with pytest.raises(SyncRefused) as refusal:
        hub.receive(forge(a, hub, [change], tmp_path))
    assert refusal.value.code == "sync.bad_value"
    assert column in str(refusal.value)
    assert hub.dump() == before


def test_a_residents_claim_typed_into_another_kecamatan_and_put_back_goes_through(
    offices: tuple[Office, Office, Office],
) -> None:
    """The laptop opened a claim in another kecamatan's village (the service refuses it; an
    older form, or a slip): the hub refuses its bundles, the check names it, and once its
    village is put back the laptop's work goes through."""
    from desktop.store.claims import misplaced_claims

    hub, a, b = offices
    wrong = resident_claim(a, village_in(a, district_of(b)))
    with pytest.raises(SyncRefused) as refusal:
        hub.receive(a.export())
    assert refusal.value.code == "sync.scope"
    with a.app.database.engine.connect() as conn:
        assert misplaced_claims(conn, district_of(a)) == [(wrong, "Warga Bukan Peserta")]
    with UnitOfWork(a.app.database.engine, a.actor, action="test.village") as uow:
        uow.update(models.Claim, wrong, {"village_code": village_in(a, district_of(a))})
    with a.app.database.engine.connect() as conn:
        assert misplaced_claims(conn, district_of(a)) == []
    assert hub.receive(a.export()).applied
    assert the_file(hub, wrong) == the_file(a, wrong)
