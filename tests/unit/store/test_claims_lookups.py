"""What the claim rules read of other claims (desktop.store.claims): the claims of one person
across kecamatan, the claims paid to one account, each by an index; a claim's file; the
holiday list."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import orjson
from sqlalchemy import Connection

from desktop.domain.calendar import Holidays
from desktop.domain.claim_flags import FlagClearance
from desktop.domain.claim_rules import OtherClaim
from desktop.domain.claims import ClaimKind, ClaimStatus
from desktop.services.app import AppServices
from desktop.store import claims as store
from desktop.store import models
from desktop.store.unit_of_work import UnitOfWork

WORKER_NIK = "1602054209800001"
RESIDENT_NIK = "1602064107550002"


def _worker(uow: UnitOfWork, nik: str, name: str, district: str = "16.02.05") -> str:
    return uow.insert(
        models.Worker,
        {
            "nik": nik,
            "name": name,
            "name_key": name.lower(),
            "sex": "P",
            "birth_date": date(1980, 9, 2),
            "village_code": f"{district}.2001",
            "district_code": district,
            "category": "rt_rw",
            "kk": "1602050101800009",
        },
    )


def _claim(uow: UnitOfWork, **values: Any) -> str:
    row = {
        "kind": "santunan_kematian",
        "event_date": date(2026, 10, 1),
        "reported_date": date(2026, 10, 3),
        "village_code": "16.02.05.2001",
        **values,
    }
    return uow.insert(models.Claim, row)


def _payee(uow: UnitOfWork, claim: str, account: str, *, payee: bool = True) -> str:
    return uow.insert(
        models.Heir,
        {
            "claim_id": claim,
            "name": "Ahli Waris",
            "relationship": "istri",
            "is_payee": payee,
            "bank_account": account,
        },
    )


def _plan(conn: Connection, sql: str, params: tuple[Any, ...]) -> str:
    rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params).all()
    return "\n".join(str(r[-1]) for r in rows)


def test_the_claims_of_one_person_are_found_by_worker_and_by_nik(services: AppServices) -> None:
    """A worker's JKM claim, a santunan for the same NIK filed in another kecamatan without
    the worker, a claim of a second roster record with that NIK: one person, three claims."""
    with UnitOfWork(services.database.engine, services.office.local_actor(), action="t") as uow:
        worker = _worker(uow, WORKER_NIK, "Siti Aminah")
        twin = _worker(uow, WORKER_NIK, "Siti Aminah", district="16.02.07")
        other = _worker(uow, "1602061111900003", "Budi Santoso", district="16.02.06")
        jkm = _claim(uow, kind="jkm", worker_id=worker, subject_nik=WORKER_NIK)
        santunan = _claim(uow, subject_nik=WORKER_NIK, village_code="16.02.06.2002")
        # A claim that reached this office without its subject: found by its worker's NIK.
        of_twin = _claim(uow, kind="jkk_meninggal", worker_id=twin, status="dibatalkan")
        _claim(uow, kind="jkm", worker_id=other, subject_nik="1602061111900003")
        gone = _claim(uow, worker_id=worker, subject_nik=WORKER_NIK)
        uow.delete(models.Claim, gone)
    with services.database.engine.connect() as conn:
        found = store.claims_of_person(conn, worker_id=worker, nik=WORKER_NIK)
        again = store.claims_of_person(conn, worker_id=None, nik="1602 0542 0980 0001")
        without = store.claims_of_person(conn, worker_id=worker, nik=WORKER_NIK, exclude_id=jkm)
        nobody = store.claims_of_person(conn, worker_id=None, nik=None)
    assert {c.claim_id for c in found} == {jkm, santunan, of_twin}
    assert {c.claim_id for c in again} == {jkm, santunan, of_twin}
    assert {c.claim_id for c in without} == {santunan, of_twin}
    assert nobody == []
    twin_claim = next(c for c in found if c.claim_id == of_twin)
    assert twin_claim == OtherClaim(
        of_twin,
        ClaimKind.JKK_DEATH,
        ClaimStatus.DIBATALKAN,
        twin,
        WORKER_NIK,
        date(2026, 10, 1),
    )


def test_the_claims_of_one_person_are_searched_by_index(services: AppServices) -> None:
    statements = store.person_queries(worker_id="w", nik=WORKER_NIK)
    assert len(statements) == 3
    with services.database.engine.connect() as conn:
        plans = []
        for statement in statements:
            sql, values = store.driver_sql(conn, statement)
            plans.append(_plan(conn, sql, tuple(values)))
    for plan in plans:
        assert "SCAN claim" not in plan and "SCAN worker" not in plan, plan
    assert "ix_claim_worker" in plans[0], plans[0]
    assert "ix_claim_live_nik" in plans[1], plans[1]
    assert "ix_worker_nik" in plans[2] or "ix_worker_live_nik" in plans[2], plans[2]
    assert "ix_claim_worker" in plans[2], plans[2]


def test_payee_accounts_name_each_claim_paid_to_the_account(services: AppServices) -> None:
    with UnitOfWork(services.database.engine, services.office.local_actor(), action="t") as uow:
        worker = _worker(uow, WORKER_NIK, "Siti Aminah")
        first = _claim(uow, kind="jkm", worker_id=worker)  # subject from its worker
        second = _claim(
            uow, subject_nik=RESIDENT_NIK, subject_name="Warga Lain", subject_kk="1602060101550001"
        )
        cancelled = _claim(uow, subject_name="Batal", status="dibatalkan")
        not_payee = _claim(uow, subject_name="Anak Saja")
        elsewhere = _claim(uow, subject_name="Rekening Lain")
        _payee(uow, first, "1234567890")
        _payee(uow, second, "1234567890")
        _payee(uow, cancelled, "1234567890")
        _payee(uow, not_payee, "1234567890", payee=False)
        _payee(uow, elsewhere, "5555")
    with services.database.engine.connect() as conn:
        found = store.payee_accounts(conn, ["1234-5678-90"])
        every = store.payee_accounts(conn, ["1234567890", "5555"], exclude_statuses=())
        none = store.payee_accounts(conn, [""])
    assert {p.claim_id for p in found} == {first, second}
    mine = next(p for p in found if p.claim_id == first)
    assert (mine.subject_name, mine.subject_nik, mine.subject_kk) == (
        "Siti Aminah",
        WORKER_NIK,
        "1602050101800009",
    )
    theirs = next(p for p in found if p.claim_id == second)
    assert (theirs.subject_name, theirs.subject_kk) == ("Warga Lain", "1602060101550001")
    assert {p.claim_id for p in every} == {first, second, cancelled, elsewhere}
    assert none == []


def test_payee_accounts_are_looked_up_by_index(services: AppServices) -> None:
    from sqlalchemy import select

    heir, claim = store.HEIR, store.CLAIM
    stmt = (
        select(heir.c.claim_id)
        .select_from(heir.join(claim, claim.c.id == heir.c.claim_id))
        .where(heir.c.bank_account.in_(["1", "2"]), heir.c.is_payee.is_(True), store.LIVE)
    )
    with services.database.engine.connect() as conn:
        sql, values = store.driver_sql(conn, stmt)
        plan = _plan(conn, sql, tuple(values))
    assert "ix_heir_account" in plan and "SCAN heir" not in plan and "SCAN claim" not in plan


def test_a_claims_file_is_read_back_for_the_rules(services: AppServices) -> None:
    actor = services.office.local_actor()
    at = datetime(2026, 10, 5, 3, tzinfo=UTC)
    with UnitOfWork(services.database.engine, actor, action="t") as uow:
        claim = _claim(
            uow,
            subject_nik=RESIDENT_NIK,
            subject_name="Warga Lain",
            death_certificate_no="1602-KM-05102026-0001",
            dtsen_decile=3,
        )
        uow.insert(
            models.ClaimEvent,
            {
                "claim_id": claim,
                "status": "diusulkan",
                "at": at,
                "actor_user_id": actor.user_id,
                "actor_name": "Operator",
                "device_id": actor.device_id,
                "data": orjson.dumps({"on": "2026-10-04", "role": "operator_kecamatan"}).decode(),
            },
        )
        _payee(uow, claim, "777")
        uow.insert(models.ClaimDocument, {"claim_id": claim, "item": "sktm", "received": True})
        uow.insert(
            models.ClaimFlagClearance,
            {
                "claim_id": claim,
                "code": "flag.decile_above",
                "evidence": orjson.dumps(["3>2"]).decode(),
                "at": at,
                "actor_user_id": actor.user_id,
                "actor_name": "Admin",
                "reason": "Desil diperbarui",
            },
        )
    with services.database.engine.connect() as conn:
        row = store.claim_by_id(conn, claim)
        events = store.events_of(conn, claim)
        heirs = store.heirs_of(conn, claim)
        documents = store.documents_of(conn, claim)
        clearances = store.clearances_of(conn, claim)
    assert row is not None
    assert row["worker_id"] is None and row["shown_name"] == "Warga Lain"
    assert row["death_certificate_no"] == "1602-KM-05102026-0001" and row["dtsen_decile"] == 3
    assert [store.event_data(e) for e in events] == [
        {"on": "2026-10-04", "role": "operator_kecamatan"}
    ]
    assert [h["bank_account"] for h in heirs] == ["777"]
    assert [d["item"] for d in documents] == ["sktm"]
    assert clearances == [
        FlagClearance("flag.decile_above", frozenset({"3>2"}), "Admin", at, "Desil diperbarui")
    ]


def test_the_holiday_list_is_the_live_holidays(services: AppServices) -> None:
    actor = services.office.local_actor()
    with UnitOfWork(services.database.engine, actor, action="t") as uow:
        uow.insert(models.Holiday, {"day": date(2026, 12, 25), "name": "Natal"})
        gone = uow.insert(models.Holiday, {"day": date(2026, 8, 17), "name": "Kemerdekaan"})
        uow.delete(models.Holiday, gone)
        uow.insert(models.Holiday, {"day": date(2026, 1, 1), "name": "Tahun Baru"})
    with services.database.engine.connect() as conn:
        listed = store.holidays(conn)
        removed = store.holiday_row(conn, date(2026, 8, 17))
        missing = store.holiday_row(conn, date(2026, 8, 18))
    assert listed == Holidays.of([(date(2026, 1, 1), "Tahun Baru"), (date(2026, 12, 25), "Natal")])
    assert removed is not None and removed["deleted"] and removed["id"] == gone
    assert missing is None


def test_claims_of_a_worker_without_their_subject_are_found(services: AppServices) -> None:
    with UnitOfWork(services.database.engine, services.office.local_actor(), action="t") as uow:
        worker = _worker(uow, WORKER_NIK, "Siti Aminah")
        bare = _claim(uow, kind="jkm", worker_id=worker)
        _claim(uow, kind="jkm", worker_id=worker, subject_name="Siti Aminah")
        _claim(uow, subject_name="Warga Lain")
    with services.database.engine.connect() as conn:
        assert store.claims_without_subject(conn) == [(bare, worker)]
