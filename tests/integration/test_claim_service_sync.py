"""The claim service on a kecamatan laptop: what it writes is what the hub accepts, and the
file goes back and forth with the claim's state."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.claims import ClaimStatus
from desktop.domain.documents import checklist
from desktop.domain.findings import DomainError
from desktop.services.claims import ClaimService, Resident
from tests.integration.sync_helpers import (
    Office,
    device_of,
    district_of,
    districts_with_workers,
    join_kecamatan,
    make_hub,
)

TODAY = date(2026, 11, 16)
RESIDENT_NIK = "1602064107550002"


@pytest.fixture
def network(tmp_path: Path) -> Iterator[tuple[Office, Office]]:
    hub = make_hub(tmp_path, workers=40)
    [district] = districts_with_workers(hub, 1)
    laptop = join_kecamatan(hub, tmp_path, district, "kec-a")
    yield hub, laptop
    for office in (hub, laptop):
        office.close()


def service(office: Office) -> ClaimService:
    return ClaimService(office.app.database.engine, today=lambda: TODAY)


def first_village(office: Office, district: str) -> str:
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


def test_a_laptop_proposes_and_recommends_and_the_hub_takes_it_on(
    network: tuple[Office, Office],
) -> None:
    hub, laptop = network
    on_laptop, at_hub = service(laptop), service(hub)
    operator = laptop.actor
    claim = on_laptop.open_claim(
        operator,
        "santunan_kematian",
        subject=Resident(
            RESIDENT_NIK, "Warga Kecamatan", first_village(laptop, district_of(laptop))
        ),
        event_date=date(2026, 11, 1),
        decile=2,
        reported_date=date(2026, 11, 3),
    )
    # A record created, changed and removed before one export reaches the hub whole.
    mistyped = on_laptop.add_heir(operator, claim, name="Salah", relationship="anak")
    on_laptop.update_heir(operator, mistyped, name="Salah Ketik")
    on_laptop.remove_heir(operator, mistyped)
    on_laptop.add_heir(
        operator, claim, name="Anak", relationship="anak", payee=True, account="5566778899"
    )
    for item in checklist("santunan_kematian"):
        on_laptop.receive(operator, claim, item, on=date(2026, 11, 4))
    on_laptop.step(operator, claim, "direkomendasikan", on=date(2026, 11, 5))
    result = hub.receive(laptop.export())
    assert result.applied
    # The hub derives the same columns from the merged file: nothing to rewrite.
    assert at_hub.recompute(hub.actor, [claim]) == []
    assert at_hub.detail(hub.actor, claim).status is ClaimStatus.DIREKOMENDASIKAN
    at_hub.step(hub.actor, claim, "diverifikasi", on=date(2026, 11, 6))
    laptop.receive(hub.export(peer=device_of(laptop)))
    seen = on_laptop.detail(operator, claim)
    assert seen.status is ClaimStatus.DIVERIFIKASI
    assert seen.deadline == date(2026, 11, 13)
    assert seen.allowed_steps == ()
    # The file is the regency's now: the laptop may not touch it, nor take a step.
    with pytest.raises(DomainError):
        on_laptop.unreceive(operator, claim, checklist("santunan_kematian")[0])
    with pytest.raises(DomainError) as refused:
        on_laptop.step(operator, claim, "dibatalkan", reason="Keliru")
    assert refused.value.code == "claim.step_role"
    # And the laptop's next bundle goes through.
    assert hub.receive(laptop.export()).applied


def test_a_laptop_opens_a_jkm_and_the_worker_arrives_at_the_hub_deceased(
    network: tuple[Office, Office],
) -> None:
    hub, laptop = network
    conn = sqlite3.connect(laptop.app.path)
    try:
        [(worker,)] = conn.execute(
            "SELECT id FROM worker WHERE status = 'aktif' AND district_code = ? "
            "AND coverage_start <= '2026-10-01' AND (coverage_end IS NULL OR "
            "coverage_end >= '2026-10-01') AND id NOT IN (SELECT worker_id FROM claim "
            "WHERE worker_id IS NOT NULL) ORDER BY id LIMIT 1",
            (district_of(laptop),),
        ).fetchall()
    finally:
        conn.close()
    claim = service(laptop).open_claim(
        laptop.actor, "jkm", worker_id=worker, event_date=date(2026, 10, 1)
    )
    assert hub.receive(laptop.export()).applied
    conn = sqlite3.connect(hub.app.path)
    try:
        assert conn.execute("SELECT status FROM worker WHERE id = ?", (worker,)).fetchone() == (
            "meninggal",
        )
        assert conn.execute("SELECT status FROM claim WHERE id = ?", (claim,)).fetchone() == (
            "diusulkan",
        )
    finally:
        conn.close()
    # The other kecamatan's villages are not the laptop's to open claims in.
    other = next(
        code
        for code in (first_village(hub, d) for d in districts_with_workers(hub, 3))
        if not code.startswith(district_of(laptop) + ".")
    )
    with pytest.raises(DomainError) as outside:
        service(laptop).open_claim(
            laptop.actor,
            "santunan_kematian",
            subject=Resident(RESIDENT_NIK, "Warga Lain", other),
            event_date=date(2026, 11, 1),
        )
    assert outside.value.code == "claim.outside_area"


@pytest.fixture
def two_laptops(tmp_path: Path) -> Iterator[tuple[Office, Office, Office]]:
    hub = make_hub(tmp_path, workers=40)
    first, second = districts_with_workers(hub, 2)
    a = join_kecamatan(hub, tmp_path, first, "kec-a")
    b = join_kecamatan(hub, tmp_path, second, "kec-b")
    yield hub, a, b
    for office in (hub, a, b):
        office.close()


def flags(office: Office, claim: str) -> tuple[int, str | None]:
    conn = sqlite3.connect(office.app.path)
    try:
        [(count, codes)] = conn.execute(
            "SELECT flags_open, flag_codes FROM claim WHERE id = ?", (claim,)
        ).fetchall()
        return int(count), codes
    finally:
        conn.close()


def test_the_hub_recomputes_a_shared_account_that_only_it_can_see(
    two_laptops: tuple[Office, Office, Office],
) -> None:
    hub, a, b = two_laptops
    at_hub = service(hub)
    mark = at_hub.change_mark()
    opened = []
    for office, nik, name in ((a, RESIDENT_NIK, "Warga A"), (b, "1602061503800001", "Warga B")):
        claim = service(office).open_claim(
            office.actor,
            "santunan_kematian",
            subject=Resident(nik, name, first_village(office, district_of(office))),
            event_date=date(2026, 11, 1),
            decile=2,
        )
        service(office).add_heir(
            office.actor, claim, name="Ahli", relationship="anak", payee=True, account="42424242"
        )
        assert flags(office, claim) == (0, None)
        assert hub.receive(office.export()).applied
        opened.append(claim)
    # Each laptop saw its own claim only; the hub holds both, and its import recomputed what
    # the merges touched (see test_claim_recompute_sync): nothing is left to recompute.
    assert [flags(hub, c) for c in opened] == [(1, "flag.shared_account")] * 2
    assert at_hub.recompute_since(hub.actor, mark) == []
    a.receive(hub.export(peer=device_of(a)))
    assert flags(a, opened[0]) == (1, "flag.shared_account")
    # The laptop cannot see the other claim, yet keeps the hub's flag as it edits the file.
    service(a).receive(a.actor, opened[0], "sktm", on=date(2026, 11, 2))
    assert flags(a, opened[0]) == (1, "flag.shared_account")
    assert hub.receive(a.export()).applied
    assert flags(hub, opened[0]) == (1, "flag.shared_account")
