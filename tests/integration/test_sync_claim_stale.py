"""A kecamatan's claim edit made while the file was with it, arriving after the regency acted
on the claim: judged by what the laptop knew, imported (never refused), held for the admin
as conflicts naming the claim, and the laptop's next bundle imports (issue 12, first task).
A change the laptop could never have made is still refused."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.documents import checklist
from desktop.services.claims import Resident
from desktop.services.sync import ConflictView, SyncRefused
from desktop.store.ids import new_id
from tests.integration.sync_helpers import (
    Office,
    device_of,
    district_of,
    districts_with_workers,
    join_kecamatan,
    make_hub,
)
from tests.integration.test_claim_service_sync import RESIDENT_NIK, first_village, service
from tests.integration.test_sync_adversarial import forge, laptop_change

SUBJECT = "Warga Terlambat"
FILE_TABLES = ("claim", "heir", "claim_document", "claim_event")


@pytest.fixture
def network(tmp_path: Path) -> Iterator[tuple[Office, Office]]:
    hub = make_hub(tmp_path, workers=40)
    [district] = districts_with_workers(hub, 1)
    laptop = join_kecamatan(hub, tmp_path, district, "kec-a")
    yield hub, laptop
    for office in (hub, laptop):
        office.close()


def shared_claim(hub: Office, laptop: Office) -> str:
    """A santunan kematian the laptop proposes with a payee and every document but the
    last, known to both offices (diusulkan: the file is with the kecamatan)."""
    on_laptop, operator = service(laptop), laptop.actor
    claim = on_laptop.open_claim(
        operator,
        "santunan_kematian",
        subject=Resident(RESIDENT_NIK, SUBJECT, first_village(laptop, district_of(laptop))),
        event_date=date(2026, 11, 1),
        decile=2,
        reported_date=date(2026, 11, 3),
    )
    on_laptop.add_heir(
        operator, claim, name="Anak Pertama", relationship="anak", payee=True, account="5566778899"
    )
    for item in checklist("santunan_kematian")[:-1]:
        on_laptop.receive(operator, claim, item, on=date(2026, 11, 4))
    assert hub.receive(laptop.export()).applied
    assert laptop.receive(hub.export(peer=device_of(laptop))).applied
    return claim


def regency_takes_it_on(hub: Office, claim: str, *, reject: bool = False) -> None:
    """The regency, holding the paper file, completes it, records the recommendation and
    verifies (and rejects) the claim."""
    at_hub = service(hub)
    at_hub.receive(hub.actor, claim, checklist("santunan_kematian")[-1], on=date(2026, 11, 5))
    at_hub.step(hub.actor, claim, "direkomendasikan", on=date(2026, 11, 5))
    at_hub.step(hub.actor, claim, "diverifikasi", on=date(2026, 11, 6))
    if reject:
        at_hub.step(
            hub.actor, claim, "ditolak", reason="Tidak memenuhi syarat", on=date(2026, 11, 7)
        )


def laptop_edits_offline(laptop: Office, claim: str) -> str:
    """Meanwhile, offline: an heir added, the last document ticked, the akta typed in."""
    on_laptop, operator = service(laptop), laptop.actor
    heir = on_laptop.add_heir(operator, claim, name="Anak Kedua", relationship="anak")
    on_laptop.receive(operator, claim, checklist("santunan_kematian")[-1], on=date(2026, 11, 6))
    on_laptop.update_particulars(operator, claim, akta="AKTA-KEC-0042")
    return heir


def derived(office: Office, claim: str) -> tuple[object, ...]:
    conn = sqlite3.connect(office.app.path)
    try:
        return tuple(
            conn.execute(
                "SELECT status, verified_on, completed_on, deadline, flags_open "
                "FROM claim WHERE id = ?",
                (claim,),
            ).fetchone()
        )
    finally:
        conn.close()


def file_rows(office: Office, claim: str) -> dict[str, list[tuple[object, ...]]]:
    """The claim's synced rows on an office, but for local timestamps."""
    conn = sqlite3.connect(office.app.path)
    try:
        found = {}
        for table in FILE_TABLES:
            columns = [
                r[1]
                for r in conn.execute(f"PRAGMA table_info({table})")
                if r[1] not in ("created_at", "updated_at")
            ]
            key = "id" if table == "claim" else "claim_id"
            found[table] = sorted(
                conn.execute(
                    f"SELECT {', '.join(columns)} FROM {table} WHERE {key} = ?", (claim,)
                ).fetchall(),
                key=repr,
            )
        return found
    finally:
        conn.close()


def value(office: Office, table: str, row_id: str, column: str) -> object:
    conn = sqlite3.connect(office.app.path)
    try:
        return conn.execute(f"SELECT {column} FROM {table} WHERE id = ?", (row_id,)).fetchone()[0]
    finally:
        conn.close()


def claim_conflicts(hub: Office) -> list[ConflictView]:
    return [
        c
        for c in hub.app.sync.conflicts(hub.actor)
        if c.table_name in FILE_TABLES and SUBJECT in c.row_label
    ]


@pytest.mark.parametrize("reject", [False, True], ids=["verified", "rejected"])
def test_a_late_edit_is_held_for_the_admin_and_the_next_bundle_imports(
    network: tuple[Office, Office], reject: bool
) -> None:
    hub, laptop = network
    claim = shared_claim(hub, laptop)
    regency_takes_it_on(hub, claim, reject=reject)
    decided = derived(hub, claim)
    heir = laptop_edits_offline(laptop, claim)

    bundle = laptop.export()
    before = hub.dump()
    preview = hub.app.sync.preview(bundle)  # says what the import does, changes nothing
    assert preview.summary.held >= 3 and preview.summary.conflicts >= 3
    assert hub.dump() == before
    result = hub.receive(bundle)  # once refused the whole bundle, for good
    assert result.applied
    assert result.summary.conflicts == preview.summary.conflicts
    assert result.summary.held >= 3
    # The regency's decision and file stand until the admin decides.
    assert derived(hub, claim) == decided
    assert value(hub, "heir", heir, "deleted") == 1
    assert value(hub, "claim", claim, "death_certificate_no") is None
    conflicts = claim_conflicts(hub)
    assert {(c.table_name, c.field) for c in conflicts} >= {
        ("heir", "deleted"),
        ("claim", "death_certificate_no"),
        ("claim_document", "received_on"),
    }
    # Named by the claim, in Indonesian, each side by its office.
    heir_conflict = next(c for c in conflicts if c.table_name == "heir")
    assert "Ahli waris Anak Kedua" in heir_conflict.row_label
    assert f"klaim Santunan Kematian {SUBJECT}" in heir_conflict.row_label
    assert heir_conflict.loser.device_id == device_of(laptop)
    assert heir_conflict.winner.device_id == device_of(hub)
    document = next(c for c in conflicts if c.table_name == "claim_document")
    assert "Dokumen klaim" in document.row_label and SUBJECT in document.row_label

    # The admin takes the laptop's heir and akta, keeps the regency's document day.
    hub.app.sync.settle(hub.actor, heir_conflict.id, keep="loser")
    akta = next(c for c in claim_conflicts(hub) if c.field == "death_certificate_no")
    hub.app.sync.settle(hub.actor, akta.id, keep="loser")
    for conflict in claim_conflicts(hub):
        hub.app.sync.settle(hub.actor, conflict.id, keep="winner")
    assert claim_conflicts(hub) == []
    assert value(hub, "heir", heir, "deleted") == 0
    assert value(hub, "claim", claim, "death_certificate_no") == "AKTA-KEC-0042"
    assert derived(hub, claim) == decided

    # Both offices end with the same file and the same derived state.
    assert laptop.receive(hub.export(peer=device_of(laptop))).applied
    assert derived(laptop, claim) == decided
    assert file_rows(laptop, claim) == file_rows(hub, claim)
    # And the laptop's next bundle imports as any other.
    assert hub.receive(laptop.export()).applied
    assert claim_conflicts(hub) == []
    assert file_rows(laptop, claim) == file_rows(hub, claim)


# ---- late steps: facts, counted by the derivation where they follow -----------------------


def complete_claim(hub: Office, laptop: Office) -> str:
    """A shared claim whose file is complete on both offices, still diusulkan."""
    claim = shared_claim(hub, laptop)
    service(laptop).receive(
        laptop.actor, claim, checklist("santunan_kematian")[-1], on=date(2026, 11, 4)
    )
    assert hub.receive(laptop.export()).applied
    assert laptop.receive(hub.export(peer=device_of(laptop))).applied
    return claim


def timeline(office: Office, claim: str) -> list[tuple[str, bool]]:
    return [
        (e.status.value, e.applied) for e in service(office).detail(office.actor, claim).timeline
    ]


def test_a_late_recommendation_after_the_rejection_is_kept_and_changes_nothing(
    network: tuple[Office, Office],
) -> None:
    hub, laptop = network
    claim = complete_claim(hub, laptop)
    regency_takes_it_on(hub, claim, reject=True)
    decided = derived(hub, claim)
    service(laptop).step(laptop.actor, claim, "direkomendasikan", on=date(2026, 11, 8))
    result = hub.receive(laptop.export())
    assert result.applied
    assert derived(hub, claim) == decided
    assert decided[0] == "ditolak"
    # The step is a fact: stored, shown as not counted; nothing for the admin to decide.
    assert timeline(hub, claim)[-1] == ("direkomendasikan", False)
    assert claim_conflicts(hub) == []
    assert laptop.receive(hub.export(peer=device_of(laptop))).applied
    assert derived(laptop, claim) == decided
    assert file_rows(laptop, claim) == file_rows(hub, claim)
    assert hub.receive(laptop.export()).applied


def test_a_withdrawal_made_before_the_regency_acted_is_the_admins_to_count(
    network: tuple[Office, Office],
) -> None:
    """The kecamatan withdrew the claim before the regency, unaware, verified it: counted
    as it came, the withdrawal would undo the verification. Held until the admin counts it."""
    hub, laptop = network
    claim = complete_claim(hub, laptop)
    service(laptop).step(laptop.actor, claim, "dibatalkan", reason="Keluarga menarik usulan")
    regency_takes_it_on(hub, claim)
    verified = derived(hub, claim)
    assert hub.receive(laptop.export()).applied
    assert derived(hub, claim) == verified
    [held] = claim_conflicts(hub)
    assert (held.table_name, held.field) == ("claim_event", "deleted")
    assert "Langkah klaim Dibatalkan" in held.row_label and SUBJECT in held.row_label
    assert (held.winner.value, held.loser.value) == (True, False)
    # The admin counts it: the claim is withdrawn, on both offices.
    hub.app.sync.settle(hub.actor, held.id, keep="loser")
    assert derived(hub, claim)[0] == "dibatalkan"
    assert laptop.receive(hub.export(peer=device_of(laptop))).applied
    assert derived(laptop, claim) == derived(hub, claim)
    assert file_rows(laptop, claim) == file_rows(hub, claim)
    assert hub.receive(laptop.export()).applied
    assert claim_conflicts(hub) == []


# ---- twice, out of order ------------------------------------------------------------------


@pytest.mark.parametrize("order", ["in_order", "out_of_order"])
def test_late_bundles_twice_and_in_any_order_hold_the_same(
    network: tuple[Office, Office], order: str
) -> None:
    hub, laptop = network
    claim = shared_claim(hub, laptop)
    regency_takes_it_on(hub, claim)
    decided = derived(hub, claim)
    heir = laptop_edits_offline(laptop, claim)
    first = laptop.export()
    service(laptop).update_heir(laptop.actor, heir, name="Anak Kedua Betul")
    second = laptop.export()  # holds the first one's changes too
    bundles = [first, second] if order == "in_order" else [second, first]
    for bundle in bundles:
        assert hub.receive(bundle).applied
    held = {(c.table_name, c.row_id, c.field) for c in claim_conflicts(hub)}
    assert ("heir", heir, "deleted") in held
    assert value(hub, "heir", heir, "deleted") == 1
    for bundle in bundles:
        assert hub.receive(bundle).replayed
    assert {(c.table_name, c.row_id, c.field) for c in claim_conflicts(hub)} == held
    assert derived(hub, claim) == decided
    # Taking the laptop's heir takes it as the laptop last wrote it.
    heir_conflict = next(c for c in claim_conflicts(hub) if c.table_name == "heir")
    hub.app.sync.settle(hub.actor, heir_conflict.id, keep="loser")
    assert value(hub, "heir", heir, "name") == "Anak Kedua Betul"
    assert value(hub, "heir", heir, "deleted") == 0
    assert [c for c in claim_conflicts(hub) if c.table_name == "heir"] == []
    for conflict in claim_conflicts(hub):
        hub.app.sync.settle(hub.actor, conflict.id, keep="winner")
    assert laptop.receive(hub.export(peer=device_of(laptop))).applied
    assert file_rows(laptop, claim) == file_rows(hub, claim)
    assert derived(laptop, claim) == derived(hub, claim) == decided
    assert hub.receive(laptop.export()).applied
    assert claim_conflicts(hub) == []


# ---- an insider still cannot --------------------------------------------------------------


def refused(hub: Office, laptop: Office, tmp_path: Path, change: tuple[object, ...]) -> str:
    """Send *change* as the laptop's own signed bundle: refused, nothing changed, and the
    laptop's genuine bundle still imports; the refusal's code."""
    before = hub.dump()
    with pytest.raises(SyncRefused) as refusal:
        hub.receive(forge(laptop, hub, [change], tmp_path))
    assert hub.dump() == before
    assert hub.receive(laptop.export()).applied
    return refusal.value.code


def test_a_laptop_that_knew_the_file_had_left_it_cannot_change_it(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, laptop = network
    claim = shared_claim(hub, laptop)
    regency_takes_it_on(hub, claim)
    heir = laptop_edits_offline(laptop, claim)
    assert hub.receive(laptop.export()).applied  # late, held
    assert laptop.receive(hub.export(peer=device_of(laptop))).applied  # now it knows
    assert hub.receive(laptop.export()).applied  # and says so
    # An edit of the claim that follows the verification: refused.
    akta = laptop_change(
        laptop, hub, "claim", claim, "update", {"death_certificate_no": [None, "PALSU-1"]}
    )
    assert refused(hub, laptop, tmp_path, akta) == "sync.authority"
    # An heir's account changed after its last bundle said it held the verification.
    account = laptop_change(
        laptop, hub, "heir", heir, "update", {"bank_account": [None, "9999999999"]}
    )
    assert refused(hub, laptop, tmp_path, account) == "sync.authority"


@pytest.mark.parametrize("forgery", ["amount", "verify", "regency_step", "hub_device"])
def test_what_no_kecamatan_may_ever_write_is_refused_on_a_late_claim_too(
    network: tuple[Office, Office], tmp_path: Path, forgery: str
) -> None:
    hub, laptop = network
    claim = shared_claim(hub, laptop)
    regency_takes_it_on(hub, claim)
    laptop_edits_offline(laptop, claim)
    assert hub.receive(laptop.export()).applied  # the honest late bundle
    event = {
        "claim_id": [None, claim],
        "status": [None, "direkomendasikan"],
        "at": [None, "2026-11-05 01:00:00.000000"],
        "actor_user_id": [None, laptop.actor.user_id],
        "actor_name": [None, "operator"],
        "device_id": [None, device_of(laptop)],
        "data": [None, '{"role": "operator_kecamatan"}'],
    }
    # Claim changes as the laptop holds the claim (their vector names nothing not sent).
    if forgery == "amount":
        change = laptop_change(
            laptop, laptop, "claim", claim, "update", {"amount_approved": [0, 150_000_000]}
        )
    elif forgery == "verify":
        change = laptop_change(
            laptop, laptop, "claim", claim, "update", {"verified_on": [None, "2026-11-01"]}
        )
    elif forgery == "regency_step":
        event["data"] = [None, '{"role": "admin_kabupaten"}']
        change = laptop_change(laptop, hub, "claim_event", new_id(), "insert", event)
    else:
        event["device_id"] = [None, device_of(hub)]
        change = laptop_change(laptop, hub, "claim_event", new_id(), "insert", event)
    assert refused(hub, laptop, tmp_path, change) in {"sync.authority", "sync.event"}


def test_a_claim_the_regency_opened_and_verified_while_the_laptop_added_an_heir(
    network: tuple[Office, Office],
) -> None:
    """The laptop has sent nothing since it received the claim, and never changed the claim
    itself: what it knew of it cannot be shown, so its heir is taken as late, not forged."""
    hub, laptop = network
    at_hub = service(hub)
    claim = at_hub.open_claim(
        hub.actor,
        "santunan_kematian",
        subject=Resident(RESIDENT_NIK, SUBJECT, first_village(hub, district_of(laptop))),
        event_date=date(2026, 11, 1),
        decile=2,
        reported_date=date(2026, 11, 3),
    )
    assert laptop.receive(hub.export(peer=device_of(laptop))).applied
    at_hub.add_heir(
        hub.actor, claim, name="Anak Pertama", relationship="anak", payee=True, account="123456"
    )
    for item in checklist("santunan_kematian"):
        at_hub.receive(hub.actor, claim, item, on=date(2026, 11, 4))
    at_hub.step(hub.actor, claim, "direkomendasikan", on=date(2026, 11, 5))
    at_hub.step(hub.actor, claim, "diverifikasi", on=date(2026, 11, 6))
    decided = derived(hub, claim)
    heir = service(laptop).add_heir(laptop.actor, claim, name="Anak Kedua", relationship="anak")
    assert hub.receive(laptop.export()).applied
    assert derived(hub, claim) == decided
    assert value(hub, "heir", heir, "deleted") == 1
    [held] = claim_conflicts(hub)
    hub.app.sync.settle(hub.actor, held.id, keep="winner")
    assert laptop.receive(hub.export(peer=device_of(laptop))).applied
    assert file_rows(laptop, claim) == file_rows(hub, claim)
    assert derived(laptop, claim) == decided
    assert hub.receive(laptop.export()).applied
