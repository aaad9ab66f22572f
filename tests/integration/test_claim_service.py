"""The claim service over a real database: opening a claim, its refusals, its steps and its
file, on a demo hub (OKI, 60 workers, no claims)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.claim_rules import ClaimNotEligible
from desktop.domain.claims import ClaimStatus
from desktop.domain.documents import DocumentItem, checklist
from desktop.domain.findings import DomainError
from desktop.services.app import AppServices
from desktop.services.claims import ClaimService, Resident
from desktop.services.permissions import PermissionDenied, Role
from desktop.store.unit_of_work import Actor

TODAY = date(2026, 11, 16)  # a Monday
RESIDENT_NIK = "1602064107550002"  # a woman born 1 July 1955, area 16.02.06


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("claims") / "demo.db"
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


@pytest.fixture
def claims(app: AppServices) -> ClaimService:
    return ClaimService(app.database.engine, today=lambda: TODAY)


def query(app: AppServices, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(app.path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def workers(app: AppServices, count: int = 1) -> list[str]:
    """Active workers without a claim, covered 1 Jan to 31 Dec 2026 (the demo's year)."""
    rows = query(
        app,
        "SELECT id FROM worker WHERE status = 'aktif' AND coverage_start = '2026-01-01' "
        "ORDER BY id LIMIT ?",
        count,
    )
    assert len(rows) == count
    return [str(r[0]) for r in rows]


def village(app: AppServices, n: int = 0) -> str:
    rows = query(app, "SELECT code FROM region WHERE level = 4 ORDER BY code")
    return str(rows[n][0])


def operator(admin: Actor) -> Actor:
    return Actor(admin.user_id, "operator", Role.OPERATOR_KECAMATAN.value, admin.device_id)


def resident(app: AppServices, nik: str = RESIDENT_NIK, **over: Any) -> Resident:
    values: dict[str, Any] = {
        "nik": nik,
        "name": "Warga Bukan Peserta",
        "village_code": village(app),
    }
    values.update(over)
    return Resident(**values)


def add_payee(claims: ClaimService, actor: Actor, claim: str) -> str:
    """The heir a death claim is paid to (an account of its own per claim): a death claim is
    not recommended without one."""
    account = str(10**11 + int(claim.replace("-", "")[-8:], 16))
    return claims.add_heir(
        actor, claim, name="Anak Penerima", relationship="anak", payee=True,
        bank="Bank Sumsel Babel", account=account,
    )  # fmt: skip


def verified_santunan(
    app: AppServices,
    claims: ClaimService,
    actor: Actor,
    *,
    decile: int = 1,
    received_on: date = date(2026, 11, 2),
    recommended_on: date = date(2026, 11, 3),
    verified_on: date = date(2026, 11, 4),
) -> str:
    """A resident's santunan kematian (died 1 November 2026, reported the 2nd) walked to
    verification: every document received on *received_on*, its payee added, recommended and
    verified on the days given (the 7-day clock runs from *verified_on*)."""
    claim = claims.open_claim(
        actor, "santunan_kematian", subject=resident(app), event_date=date(2026, 11, 1),
        decile=decile, reported_date=date(2026, 11, 2),
    )  # fmt: skip
    for item in checklist("santunan_kematian"):
        claims.receive(actor, claim, item, on=received_on)
    add_payee(claims, actor, claim)
    claims.step(actor, claim, "direkomendasikan", on=recommended_on)
    claims.step(actor, claim, "diverifikasi", on=verified_on)
    return claim


def codes(error: ClaimNotEligible) -> set[str]:
    return {f.code for f in error.findings}


def flag_codes(app: AppServices, claim_id: str) -> set[str]:
    [(text,)] = query(app, "SELECT flag_codes FROM claim WHERE id = ?", claim_id)
    return set((text or "").split(",")) - {""}


# ---- opening -------------------------------------------------------------------------------


def test_a_jkm_claim_for_a_roster_worker_marks_the_worker_deceased(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    [worker] = workers(app)
    died = date(2026, 10, 20)
    claim = claims.open_claim(admin, "jkm", worker_id=worker, event_date=died, akta="AK-1")
    [(status, subject_nik, name, village_code, proposed)] = query(
        app,
        "SELECT status, subject_nik, subject_name, village_code, amount_proposed FROM claim "
        "WHERE id = ?",
        claim,
    )
    [(nik, worker_name, worker_village, worker_status, death)] = query(
        app, "SELECT nik, name, village_code, status, death_date FROM worker WHERE id = ?", worker
    )
    assert (status, subject_nik, name, village_code) == (
        "diusulkan",
        nik,
        worker_name,
        worker_village,
    )
    assert proposed > 0
    assert (worker_status, death) == ("meninggal", died.isoformat())
    documents = query(
        app, "SELECT item, received FROM claim_document WHERE claim_id = ? ORDER BY item", claim
    )
    assert sorted(item for item, _ in documents) == sorted(i.value for i in checklist("jkm"))
    assert all(received == 0 for _, received in documents)
    detail = claims.detail(admin, claim)
    [event] = detail.timeline
    assert (event.status, event.on, event.role) == (
        ClaimStatus.DIUSULKAN,
        TODAY,
        Role.ADMIN_KABUPATEN.value,
    )
    assert ClaimStatus.DIREKOMENDASIKAN in detail.allowed_steps
    # Every write went through the one write path: logged and audited.
    assert query(app, "SELECT count(*) FROM change_log WHERE row_id = ?", claim) == [(2,)]
    assert query(app, "SELECT count(*) FROM audit_entry WHERE action = 'claim.open'") == [(1,)]


def test_an_event_outside_the_coverage_is_refused(app: AppServices, claims: ClaimService) -> None:
    admin = app.office.local_actor()
    [worker] = workers(app)
    with pytest.raises(ClaimNotEligible) as refused:
        claims.open_claim(admin, "jkm", worker_id=worker, event_date=date(2025, 12, 20))
    assert "claim.outside_coverage" in codes(refused.value)
    assert query(app, "SELECT count(*) FROM claim") == [(0,)]
    assert query(app, "SELECT status FROM worker WHERE id = ?", worker) == [("aktif",)]


def test_an_event_after_the_worker_left_is_refused(app: AppServices, claims: ClaimService) -> None:
    admin = app.office.local_actor()
    [worker] = workers(app)
    app.workers.update(admin, worker, {"coverage_end": date(2026, 6, 30)})
    app.workers.set_status(admin, worker, "nonaktif", reason="Kontrak selesai")
    with pytest.raises(ClaimNotEligible) as refused:
        claims.open_claim(admin, "jkm", worker_id=worker, event_date=date(2026, 8, 1))
    assert "claim.after_exit" in codes(refused.value)


def test_a_death_in_the_future_or_before_birth_is_refused(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    [worker] = workers(app)
    with pytest.raises(ClaimNotEligible) as future:
        claims.open_claim(admin, "jkm", worker_id=worker, event_date=TODAY + timedelta(days=1))
    assert "claim.event_future" in codes(future.value)
    with pytest.raises(ClaimNotEligible) as unborn:
        claims.open_claim(
            admin, "santunan_kematian", subject=resident(app), event_date=date(1950, 1, 1)
        )
    assert "claim.event_before_birth" in codes(unborn.value)


def test_a_second_claim_for_the_same_person_is_refused(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    [worker] = workers(app)
    claims.open_claim(admin, "jkm", worker_id=worker, event_date=date(2026, 10, 20))
    with pytest.raises(ClaimNotEligible) as again:
        claims.open_claim(admin, "jkk_meninggal", worker_id=worker, event_date=date(2026, 10, 20))
    assert "claim.duplicate" in codes(again.value)
    # A santunan by the worker's NIK as a resident, typed in another kecamatan's village.
    [(nik,)] = query(app, "SELECT nik FROM worker WHERE id = ?", worker)
    claims.open_claim(
        admin,
        "santunan_kematian",
        subject=resident(app, nik=nik, village_code=village(app, 0)),
        event_date=date(2026, 10, 20),
        decile=2,
    )
    other_district = next(
        code
        for (code,) in query(app, "SELECT code FROM region WHERE level = 4 ORDER BY code DESC")
        if code[:8] != village(app, 0)[:8]
    )
    with pytest.raises(ClaimNotEligible) as across:
        claims.open_claim(
            admin,
            "santunan_kematian",
            subject=resident(app, nik=nik, village_code=other_district),
            event_date=date(2026, 10, 20),
            decile=2,
        )
    assert "claim.duplicate" in codes(across.value)
    assert nik not in str(across.value)  # masked in the message


def test_a_jkk_claim_filed_more_than_five_years_after_the_accident_has_lapsed(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    [worker] = workers(app)
    app.workers.update(admin, worker, {"coverage_start": date(2019, 1, 1)})
    with pytest.raises(ClaimNotEligible) as lapsed:
        claims.open_claim(admin, "jkk_stmb", worker_id=worker, event_date=date(2020, 3, 1))
    assert codes(lapsed.value) == {"claim.jkk_lapsed"}


def test_a_step_by_a_role_that_may_not_take_it_is_refused(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    viewer = Actor(admin.user_id, "tamu", Role.VIEWER.value, admin.device_id)
    with pytest.raises(PermissionDenied):
        claims.open_claim(
            viewer, "santunan_kematian", subject=resident(app), event_date=date(2026, 11, 1)
        )
    claim = claims.open_claim(
        operator(admin), "santunan_kematian", subject=resident(app), event_date=date(2026, 11, 1)
    )
    with pytest.raises(DomainError) as refused:
        claims.step(operator(admin), claim, "disetujui")
    assert refused.value.code == "claim.step_state"
    assert "Diusulkan" in str(refused.value)
    with pytest.raises(DomainError) as returned:
        claims.step(operator(admin), claim, "dikembalikan", reason="Kurang lengkap")
    assert returned.value.code == "claim.step_role"
    assert "Rekomendasikan" in str(returned.value) or "Direkomendasikan" in str(returned.value)
    with pytest.raises(DomainError) as reasonless:
        claims.step(admin, claim, "dikembalikan")
    assert reasonless.value.code == "claim.reason_required"
    assert claims.detail(admin, claim).status is ClaimStatus.DIUSULKAN


# ---- a santunan walked through -------------------------------------------------------------


def test_a_santunan_for_a_resident_walks_to_dicairkan_on_the_clock(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    kecamatan = operator(admin)
    claim = claims.open_claim(
        kecamatan,
        "santunan_kematian",
        subject=resident(app),
        event_date=date(2026, 11, 1),
        akta="1602-KM-0001",
        decile=3,
        reported_date=date(2026, 11, 3),
    )
    assert query(app, "SELECT worker_id, flags_open FROM claim WHERE id = ?", claim) == [(None, 0)]
    claims.add_heir(
        kecamatan,
        claim,
        name="Anak Almarhum",
        relationship="anak",
        nik="1602061503800001",
        payee=True,
        bank="Bank Sumsel Babel",
        account="123-456-7890",
        holder="Anak Almarhum",
    )
    items = checklist("santunan_kematian")
    for item in items[:-1]:
        claims.receive(kecamatan, claim, item, on=date(2026, 11, 5))
    with pytest.raises(DomainError) as missing:
        claims.step(kecamatan, claim, "direkomendasikan")
    assert missing.value.code == "claim.documents_missing"
    assert items[-1].label in str(missing.value)
    claims.receive(kecamatan, claim, items[-1], on=date(2026, 11, 9), note="Fotokopi")
    assert claims.step(kecamatan, claim, "direkomendasikan", on=date(2026, 11, 9)) is (
        ClaimStatus.DIREKOMENDASIKAN
    )
    # The file is now the regency's: the kecamatan may no longer change it.
    with pytest.raises(DomainError) as held:
        claims.unreceive(kecamatan, claim, items[0])
    assert held.value.code == "claim.file_with_regency"
    claims.step(admin, claim, "diverifikasi", on=date(2026, 11, 10))
    detail = claims.detail(admin, claim)
    assert detail.completed_on == date(2026, 11, 9)
    assert detail.verified_on == date(2026, 11, 10)
    assert detail.deadline == date(2026, 11, 17)
    assert detail.days_left == 1 and detail.due_soon and not detail.overdue
    assert query(app, "SELECT deadline FROM claim WHERE id = ?", claim) == [("2026-11-17",)]
    assert claims.clock_counts(admin).due_soon == 1
    claims.step(admin, claim, "disetujui", on=date(2026, 11, 12), extra={"decision_number": "1"})
    claims.step(
        admin, claim, "dicairkan", on=date(2026, 11, 13), extra={"transfer_reference": "TRF1"}
    )
    detail = claims.detail(admin, claim)
    assert detail.status is ClaimStatus.DICAIRKAN
    assert [e.status.value for e in detail.timeline] == [
        "diusulkan",
        "direkomendasikan",
        "diverifikasi",
        "disetujui",
        "dicairkan",
    ]
    assert [e.role for e in detail.timeline][:2] == [Role.OPERATOR_KECAMATAN.value] * 2
    assert detail.amount is not None and detail.amount.total == 1_000_000
    assert detail.amount_paid == 1_000_000 and detail.allowed_steps == ()
    assert detail.days_left is None and claims.clock_counts(admin).due_soon == 0
    [heir] = detail.heirs
    assert heir.account_masked and heir.account != "1234567890"
    full = claims.detail(admin, claim, full_numbers=True)
    assert full.heirs[0].account == "1234567890"
    assert [d.received_on for d in detail.documents if d.item is items[-1]] == [date(2026, 11, 9)]


def test_the_list_is_sorted_by_days_left_and_filtered(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    first = verified_santunan(app, claims, admin)  # deadline 11 Nov: overdue
    [worker] = workers(app)
    second = claims.open_claim(admin, "jkm", worker_id=worker, event_date=date(2026, 10, 1))
    ids = claims.ids(admin)
    rows = claims.rows(admin, ids)
    assert [r.id for r in rows] == [first, second]
    assert rows[0].overdue and rows[0].days_left == -5
    assert claims.count(admin, claims.criteria(overdue=True)) == 1
    assert claims.count(admin, claims.criteria(kinds=["jkm"])) == 1
    assert claims.count(admin, claims.criteria(search="warga")) == 1
    assert claims.clock_counts(admin).overdue == 1


# ---- flags ---------------------------------------------------------------------------------


def test_a_payee_account_shared_with_an_unrelated_claim_is_flagged(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    one, two = workers(app, 2)
    first = claims.open_claim(admin, "jkm", worker_id=one, event_date=date(2026, 10, 1))
    second = claims.open_claim(admin, "jkm", worker_id=two, event_date=date(2026, 10, 2))
    for claim, name in ((first, "Istri Satu"), (second, "Istri Dua")):
        claims.add_heir(
            admin, claim, name=name, relationship="istri", payee=True, account="9988776655"
        )
    assert "flag.shared_account" in flag_codes(app, second)
    assert "flag.shared_account" in flag_codes(app, first)  # the other claim learns it too
    flag = next(f for f in claims.detail(admin, second).flags if f.code == "flag.shared_account")
    assert "9988776655" not in flag.message


def test_an_heir_with_the_deceaseds_nik_is_flagged(app: AppServices, claims: ClaimService) -> None:
    admin = app.office.local_actor()
    claim = claims.open_claim(
        admin, "santunan_kematian", subject=resident(app), event_date=date(2026, 11, 1), decile=2
    )
    claims.add_heir(admin, claim, name="Salah Ketik", relationship="anak", nik=RESIDENT_NIK)
    assert flag_codes(app, claim) == {"flag.heir_is_deceased"}


def test_a_death_in_the_first_30_days_of_coverage_is_flagged(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    [worker] = workers(app)
    app.workers.update(admin, worker, {"coverage_start": date(2026, 10, 1)})
    claim = claims.open_claim(admin, "jkm", worker_id=worker, event_date=date(2026, 10, 20))
    assert flag_codes(app, claim) == {"flag.early_death"}


def test_santunan_flags_outside_the_regency_and_the_decile(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    outside = claims.open_claim(
        admin,
        "santunan_kematian",
        subject=resident(app, village_code="16.01.01.2001"),
        event_date=date(2026, 11, 1),
        decile=1,
    )
    assert flag_codes(app, outside) == {"flag.outside_regency"}
    above = claims.open_claim(
        admin,
        "santunan_kematian",
        subject=resident(app, nik="1602061503800001", name="Warga Mampu"),
        event_date=date(2026, 11, 1),
        decile=7,
    )
    assert flag_codes(app, above) == {"flag.decile_above"}
    missing = claims.open_claim(
        admin,
        "santunan_kematian",
        subject=resident(app, nik="1602062001700001", name="Warga Tanpa Desil"),
        event_date=date(2026, 11, 1),
    )
    assert flag_codes(app, missing) == {"flag.decile_missing"}
    assert claims.count(admin, claims.criteria(flagged=True)) == 3


def test_only_the_admin_clears_a_flag_and_with_a_reason(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    claim = claims.open_claim(
        admin, "santunan_kematian", subject=resident(app), event_date=date(2026, 11, 1)
    )
    with pytest.raises(PermissionDenied):
        claims.clear_flag(operator(admin), claim, "flag.decile_missing", "Sudah dicek")
    with pytest.raises(DomainError) as reasonless:
        claims.clear_flag(admin, claim, "flag.decile_missing", "  ")
    assert reasonless.value.code == "flag.reason_required"
    claims.clear_flag(admin, claim, "flag.decile_missing", "Desil dicek di DTSEN: 2")
    assert query(app, "SELECT flags_open, flag_codes FROM claim WHERE id = ?", claim) == [(0, None)]
    assert query(
        app, "SELECT code, reason FROM claim_flag_clearance WHERE claim_id = ?", claim
    ) == [("flag.decile_missing", "Desil dicek di DTSEN: 2")]
    with pytest.raises(DomainError) as gone:
        claims.clear_flag(admin, claim, "flag.decile_missing", "Lagi")
    assert gone.value.code == "flag.not_open"


# ---- heirs, amounts ------------------------------------------------------------------------


def test_heirs_one_payee_digits_only(app: AppServices, claims: ClaimService) -> None:
    admin = app.office.local_actor()
    claim = claims.open_claim(
        admin, "santunan_kematian", subject=resident(app), event_date=date(2026, 11, 1), decile=2
    )
    first = claims.add_heir(
        admin, claim, name="Anak Satu", relationship="anak", payee=True, account="111 222"
    )
    with pytest.raises(DomainError) as two:
        claims.add_heir(
            admin, claim, name="Anak Dua", relationship="anak", payee=True, account="333"
        )
    assert two.value.code == "heir.payees"
    with pytest.raises(DomainError) as letters:
        claims.add_heir(admin, claim, name="Anak Dua", relationship="anak", account="12AB")
    assert letters.value.code == "heir.account_digits"
    with pytest.raises(DomainError) as unknown:
        claims.add_heir(admin, claim, name="Anak Dua", relationship="tetangga")
    assert unknown.value.code == "heir.relationship"
    second = claims.add_heir(admin, claim, name="Istri", relationship="istri")
    # A spouse among the heirs makes the marriage book required.
    detail = claims.detail(admin, claim)
    assert claims.update_heir(admin, second, name="Istri Almarhum")
    assert claims.remove_heir(admin, first)
    assert [h.name for h in claims.detail(admin, claim).heirs] == ["Istri Almarhum"]
    assert query(app, "SELECT bank_account FROM heir WHERE id = ?", first) == [("111222",)]
    assert detail.heirs[0].is_payee


def test_an_amount_set_by_hand_needs_the_admin_and_a_reason(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    claim = claims.open_claim(
        admin, "santunan_kematian", subject=resident(app), event_date=date(2026, 11, 1), decile=2
    )
    with pytest.raises(PermissionDenied):
        claims.override_amount(operator(admin), claim, 500_000, "SK Bupati")
    with pytest.raises(DomainError) as reasonless:
        claims.override_amount(admin, claim, 500_000, "")
    assert reasonless.value.code == "amount.reason_required"
    assert claims.override_amount(admin, claim, 500_000, "SK Bupati 12/2026")
    amount = claims.detail(admin, claim).amount
    assert amount is not None and (amount.computed, amount.total) == (1_000_000, 500_000)
    assert query(app, "SELECT summary FROM audit_entry WHERE action = 'claim.amount'") == [
        ("Jumlah klaim Warga Bukan Peserta diubah menjadi 500000: SK Bupati 12/2026",)
    ]


def test_documents_outside_the_checklist_and_future_days_are_refused(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    claim = claims.open_claim(
        admin, "santunan_kematian", subject=resident(app), event_date=date(2026, 11, 1), decile=2
    )
    with pytest.raises(DomainError) as foreign:
        claims.receive(admin, claim, DocumentItem.KRONOLOGI)
    assert foreign.value.code == "claim.document_item"
    with pytest.raises(DomainError) as future:
        claims.receive(admin, claim, DocumentItem.SKTM, on=TODAY + timedelta(days=1))
    assert future.value.code == "claim.day_future"


def test_working_days_and_the_holiday_list_move_the_deadline(
    app: AppServices, claims: ClaimService
) -> None:
    from desktop.store import models
    from desktop.store.unit_of_work import UnitOfWork

    admin = app.office.local_actor()
    app.office.set_setting(admin, "claim.working_days", "1")
    with UnitOfWork(app.database.engine, admin, action="test.holiday") as uow:
        uow.insert(models.Holiday, {"day": date(2026, 11, 17), "name": "Libur daerah"})
    claim = verified_santunan(
        app, claims, admin, received_on=date(2026, 11, 12), recommended_on=date(2026, 11, 12),
        verified_on=date(2026, 11, 13),  # a Friday
    )  # fmt: skip
    # 7 working days after Friday 13 November, less Tuesday 17: Wednesday 25 November.
    detail = claims.detail(admin, claim)
    assert detail.deadline == date(2026, 11, 25)
    assert detail.days_left == 6  # Monday 16: 17 is off, 18-20 and 23-25 remain
    [row] = claims.rows(admin, claims.ids(admin))
    assert (row.deadline, row.days_left) == (date(2026, 11, 25), 6)


def test_a_residents_village_must_be_known_in_the_regency(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    with pytest.raises(DomainError) as unknown:
        claims.open_claim(
            admin,
            "santunan_kematian",
            subject=resident(app, village_code="16.02.05.2999"),
            event_date=date(2026, 11, 1),
        )
    assert unknown.value.code == "claim.village_unknown"
    with pytest.raises(DomainError) as nameless:
        claims.open_claim(
            admin, "santunan_kematian", subject=resident(app, name="  "), event_date=TODAY
        )
    assert nameless.value.code == "claim.subject_name"
    with pytest.raises(ClaimNotEligible) as jkm:
        claims.open_claim(admin, "jkm", subject=resident(app), event_date=date(2026, 11, 1))
    assert codes(jkm.value) == {"claim.no_worker"}
    with pytest.raises(ClaimNotEligible) as bad_nik:
        claims.open_claim(
            admin, "santunan_kematian", subject=resident(app, nik="12345"), event_date=TODAY
        )
    assert all(code.startswith("nik.") for code in codes(bad_nik.value))


def test_a_removed_checklist_row_comes_back_when_the_document_is_received(
    app: AppServices, claims: ClaimService
) -> None:
    from desktop.store import models
    from desktop.store.unit_of_work import UnitOfWork

    admin = app.office.local_actor()
    claim = claims.open_claim(
        admin, "santunan_kematian", subject=resident(app), event_date=date(2026, 11, 1), decile=2
    )
    [(row,)] = query(
        app, "SELECT id FROM claim_document WHERE claim_id = ? AND item = 'sktm'", claim
    )
    with UnitOfWork(app.database.engine, admin, action="test.remove") as uow:
        uow.delete(models.ClaimDocument, row)
    assert claims.receive(admin, claim, "sktm", on=date(2026, 11, 2))
    assert query(
        app, "SELECT deleted, received_on FROM claim_document WHERE id = ?", row
    ) == [(0, "2026-11-02")]


def test_a_step_that_came_too_late_shows_in_the_timeline_but_does_not_count(
    app: AppServices, claims: ClaimService
) -> None:
    """A kecamatan's withdrawal written offline after the regency verified (as a merge would
    bring it): the derivation skips it on every copy, the timeline says it did not count."""
    from datetime import UTC, datetime

    from desktop.store import models
    from desktop.store.unit_of_work import UnitOfWork

    admin = app.office.local_actor()
    claim = verified_santunan(app, claims, admin, decile=2)
    with UnitOfWork(app.database.engine, admin, action="test.merge") as uow:
        uow.insert(
            models.ClaimEvent,
            {
                "claim_id": claim,
                "status": "dibatalkan",
                "at": datetime(2099, 1, 1, tzinfo=UTC),
                "actor_user_id": admin.user_id,
                "actor_name": "operator",
                "device_id": admin.device_id,
                "reason": "Ditarik",
                "data": '{"role": "operator_kecamatan"}',
            },
        )
    assert claims.recompute(admin, [claim]) == []
    detail = claims.detail(admin, claim)
    assert detail.status is ClaimStatus.DIVERIFIKASI
    assert [(e.status.value, e.applied) for e in detail.timeline][-2:] == [
        ("diverifikasi", True),
        ("dibatalkan", False),
    ]


def test_a_claim_by_the_workers_nik_finds_the_roster_record(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    [worker] = workers(app)
    [(nik,)] = query(app, "SELECT nik FROM worker WHERE id = ?", worker)
    assert claims.worker_for_nik(admin, f"{nik[:6]} {nik[6:]}") == worker
    assert claims.worker_for_nik(admin, "1602069999990001") is None


def test_a_step_dated_before_the_previous_one_is_refused(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    claim = claims.open_claim(
        admin,
        "santunan_kematian",
        subject=resident(app),
        event_date=date(2026, 11, 1),
        decile=2,
        reported_date=date(2026, 11, 5),
    )
    with pytest.raises(DomainError) as early:
        claims.step(admin, claim, "dibatalkan", reason="Keliru", on=date(2026, 11, 4))
    assert early.value.code == "claim.step_before_previous"
    assert claims.step(admin, claim, "dibatalkan", reason="Keliru", on=date(2026, 11, 5)) is (
        ClaimStatus.DIBATALKAN
    )


def test_a_report_day_in_the_future_is_refused(app: AppServices, claims: ClaimService) -> None:
    with pytest.raises(DomainError) as refused:
        claims.open_claim(
            app.office.local_actor(),
            "santunan_kematian",
            subject=resident(app),
            event_date=TODAY - timedelta(days=3),
            reported_date=TODAY + timedelta(days=1),
        )
    assert refused.value.finding.code == "claim.day_future"
    assert query(app, "SELECT count(*) FROM claim") == [(0,)]


def test_a_claim_is_found_by_the_first_letters_of_its_id(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    first = claims.open_claim(
        admin, "santunan_kematian", subject=resident(app), event_date=TODAY - timedelta(days=2)
    )
    [worker] = workers(app)
    second = claims.open_claim(admin, "jkm", worker_id=worker, event_date=TODAY)
    assert claims.ids_with_prefix(admin, first) == [first]
    assert claims.ids_with_prefix(admin, first[:12].upper()) == [first]
    shared = next(n for n in range(36, 0, -1) if first[:n] == second[:n])
    assert set(claims.ids_with_prefix(admin, first[:shared])) == {first, second}
    assert claims.ids_with_prefix(admin, first[:shared], limit=1) == [min(first, second)]
    assert claims.ids_with_prefix(admin, "ffffffff-ffff") == []


def test_a_death_claim_whose_payee_was_removed_is_not_approved_and_its_amount_stays_decided(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    claim = claims.open_claim(
        admin, "santunan_kematian", subject=resident(app), event_date=date(2026, 11, 1),
        decile=1, reported_date=date(2026, 11, 2),
    )  # fmt: skip
    for item in checklist("santunan_kematian"):
        claims.receive(admin, claim, item, on=date(2026, 11, 2))
    payee = add_payee(claims, admin, claim)
    claims.step(admin, claim, "direkomendasikan", on=date(2026, 11, 3))
    claims.step(admin, claim, "diverifikasi", on=date(2026, 11, 4))
    claims.remove_heir(admin, payee)
    with pytest.raises(DomainError) as refused:
        claims.step(admin, claim, "disetujui", on=date(2026, 11, 5))
    assert refused.value.code == "claim.payee_missing"
    add_payee(claims, admin, claim)
    assert claims.override_amount(admin, claim, 900_000, "SK Bupati 12/2026")
    claims.step(admin, claim, "disetujui", on=date(2026, 11, 5))
    with pytest.raises(DomainError) as decided:
        claims.override_amount(admin, claim, 1_500_000, "Salah ketik")
    assert decided.value.code == "amount.decided"
    assert claims.detail(admin, claim).amount_approved == 900_000
