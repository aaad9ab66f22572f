"""Demo claims: every state of every kind, subjects filled, events dated by the right role,
documents complete before the recommendation, deadlines passed and near, flags raised, and
the derived columns exactly what the claim service recomputes."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest

from desktop.domain.claim_steps import role_may_take
from desktop.domain.claims import TRANSITIONS_BY_KIND, ClaimKind, ClaimStatus
from desktop.domain.documents import DocumentItem
from desktop.domain.nik import check_nik
from desktop.services.app import AppServices
from desktop.services.claims import ClaimService

TODAY = date(2026, 11, 20)
DERIVED = "status, verified_on, completed_on, deadline, flags_open, flag_codes"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServices]:
    path = tmp_path_factory.mktemp("demo_claims") / "demo.db"
    app = AppServices.open(path)
    app.demo.generate(workers=4000, seed=7, year=2026, today=TODAY)
    yield app
    app.close()


def rows(app: AppServices, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(app.path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def reachable(kind: ClaimKind) -> set[str]:
    table = TRANSITIONS_BY_KIND[kind]
    return {s.value for s in table} - {
        s.value for s in table if not any(s in nxt for nxt in table.values())
    } | {ClaimStatus.DIUSULKAN.value}


def test_every_state_of_every_kind_is_present(demo: AppServices) -> None:
    found: dict[str, set[str]] = {}
    for kind, status in rows(demo, "SELECT kind, status FROM claim"):
        found.setdefault(kind, set()).add(status)
    for kind in ClaimKind:
        assert found[kind.value] == reachable(kind), kind
    assert "dicairkan" not in found["jkm"] and "diajukan_bpjs" not in found["santunan_kematian"]


def test_recompute_by_the_claim_service_changes_nothing(demo: AppServices) -> None:
    before = rows(demo, f"SELECT id, {DERIVED} FROM claim ORDER BY id")
    ids = [str(r[0]) for r in before]
    service = ClaimService(demo.database.engine, today=lambda: TODAY)
    assert service.recompute(demo.office.local_actor(), ids) == []
    assert rows(demo, f"SELECT id, {DERIVED} FROM claim ORDER BY id") == before


def test_subjects_are_filled_and_santunan_residents_include_people_outside_the_roster(
    demo: AppServices,
) -> None:
    claims = rows(
        demo,
        "SELECT kind, worker_id, subject_nik, subject_name, subject_name_key, "
        "subject_birth_date, subject_kk, dtsen_decile, death_certificate_no, status FROM claim",
    )
    assert len(claims) >= 60
    for kind, worker, nik, name, key, birth, kk, decile, akta, status in claims:
        assert nik and name and key and birth and kk, (kind, name)
        assert check_nik(nik, birth_date=date.fromisoformat(birth), today=TODAY).ok
        if kind != "santunan_kematian":
            assert worker is not None
            assert decile is None
        else:
            assert decile is not None and 1 <= decile <= 10
        if kind in ("jkm", "jkk_meninggal", "santunan_kematian") and status not in (
            "diusulkan",
            "dikembalikan",
            "dibatalkan",
        ):
            assert akta, (kind, status)
    santunan = [c for c in claims if c[0] == "santunan_kematian"]
    assert any(c[1] is None for c in santunan) and any(c[1] is not None for c in santunan)
    roster = {n for (n,) in rows(demo, "SELECT nik FROM worker")}
    assert any(c[2] not in roster for c in santunan)
    # A worker's claim names the worker.
    mismatched = rows(
        demo,
        "SELECT COUNT(*) FROM claim c JOIN worker w ON w.id = c.worker_id "
        "WHERE c.subject_nik <> w.nik OR c.subject_name <> w.name",
    )
    assert mismatched == [(0,)]


def test_events_carry_their_day_and_a_role_that_may_take_them(demo: AppServices) -> None:
    events = rows(
        demo,
        "SELECT e.claim_id, e.status, e.data, e.reason, c.reported_date FROM claim_event e "
        "JOIN claim c ON c.id = e.claim_id ORDER BY e.claim_id, e.at",
    )
    previous: dict[str, tuple[str | None, date]] = {}
    roles = set()
    for claim_id, status, data, reason, reported in events:
        parsed = orjson.loads(data)
        day = date.fromisoformat(parsed["on"])
        role = parsed["role"]
        roles.add(role)
        before, last_day = previous.get(claim_id, (None, date.fromisoformat(reported)))
        assert last_day <= day <= TODAY
        current = None if before is None else ClaimStatus(before)
        assert role_may_take(role, current, ClaimStatus(status)), (before, status, role)
        if status in ("dikembalikan", "ditolak", "dibatalkan"):
            assert reason
        if status in ("direkomendasikan", "diverifikasi", "disetujui"):
            assert role == "admin_kabupaten" or status == "direkomendasikan"
        previous[claim_id] = (status, day)
    assert roles == {"operator_kecamatan", "admin_kabupaten"}


def test_the_file_is_complete_before_it_is_recommended(demo: AppServices) -> None:
    recommended = dict(
        rows(
            demo,
            "SELECT claim_id, MIN(json_extract(data, '$.on')) FROM claim_event "
            "WHERE status = 'direkomendasikan' GROUP BY claim_id",
        )
    )
    completed = dict(rows(demo, "SELECT id, completed_on FROM claim"))
    assert recommended
    for claim_id, day in recommended.items():
        assert completed[claim_id] is not None and completed[claim_id] <= day
    returned = rows(
        demo,
        "SELECT d.received FROM claim c JOIN claim_document d ON d.claim_id = c.id "
        "WHERE c.status = 'dikembalikan' AND d.item IN (?, ?)",
        DocumentItem.AKTA_KEMATIAN.value,
        DocumentItem.FORMULIR_DOKTER.value,
    )
    assert returned and all(r == (0,) for r in returned)


def test_some_claims_are_overdue_some_due_soon_and_some_flagged(demo: AppServices) -> None:
    running = rows(
        demo,
        "SELECT deadline FROM claim WHERE deadline IS NOT NULL "
        "AND status IN ('diverifikasi', 'disetujui')",
    )
    deadlines = [date.fromisoformat(d) for (d,) in running]
    assert any(d < TODAY for d in deadlines)
    assert any(TODAY <= d <= TODAY + timedelta(days=2) for d in deadlines)
    codes = {
        code
        for (text,) in rows(demo, "SELECT flag_codes FROM claim WHERE flags_open > 0")
        for code in text.split(",")
    }
    assert {"flag.shared_account", "flag.decile_above", "flag.early_death"} <= codes
    shared = rows(demo, "SELECT kind FROM claim WHERE flag_codes LIKE '%shared_account%'")
    assert sorted(k for (k,) in shared) == ["jkm", "santunan_kematian"]


def test_the_same_seed_gives_the_same_claims_and_a_small_roster_as_many(tmp_path: Path) -> None:
    dumps = []
    for name in ("a", "b"):
        app = AppServices.open(tmp_path / f"{name}.db")
        result = app.demo.generate(workers=300, seed=3, year=2026, today=TODAY)
        # Too few deceased workers for every claim: residents' santunan fill the number.
        assert result.claims == 60
        dumps.append(
            rows(
                app,
                "SELECT id, kind, subject_nik, event_date, reported_date, "
                f"{DERIVED} FROM claim ORDER BY id",
            )
            + rows(app, "SELECT id, status, data FROM claim_event ORDER BY id")
        )
        app.close()
    assert dumps[0] == dumps[1] and dumps[0]


def test_a_roster_too_small_for_a_regency_gets_no_claims(tmp_path: Path) -> None:
    app = AppServices.open(tmp_path / "small.db")
    result = app.demo.generate(workers=60, seed=11, year=2026, today=TODAY)
    assert result.claims == 0 and rows(app, "SELECT COUNT(*) FROM claim") == [(0,)]
    app.close()


def test_children_in_school_and_stmb_days_off_count_in_the_proposed_amounts(
    demo: AppServices,
) -> None:
    levels = rows(demo, "SELECT DISTINCT school_level FROM heir WHERE relationship = 'anak'")
    assert {level for (level,) in levels} - {None}, "no child heir in school"
    assert rows(demo, "SELECT count(*) FROM heir WHERE relationship != 'anak' "
                "AND school_level IS NOT NULL") == [(0,)]  # fmt: skip
    stmb = rows(demo, "SELECT days_off, amount_proposed FROM claim WHERE kind = 'jkk_stmb'")
    assert stmb and all(days and days > 0 for days, _ in stmb)
    service = ClaimService(demo.database.engine, today=lambda: TODAY)
    admin = demo.office.local_actor()
    for (claim_id,) in rows(demo, "SELECT id FROM claim WHERE kind IN ('jkk_stmb', 'jkm')"):
        detail = service.detail(admin, str(claim_id))
        [(proposed,)] = rows(demo, "SELECT amount_proposed FROM claim WHERE id = ?", claim_id)
        assert detail.amount is not None and proposed == detail.amount.computed
