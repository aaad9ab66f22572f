"""The holiday list's service: the regency's admin adds and removes days at the hub, a
laptop or a lesser role is refused, and a running claim's working-day deadline follows the
list at once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.domain.findings import DomainError
from desktop.services.app import AppServices
from desktop.services.claims import ClaimService
from desktop.services.holidays import HolidayService
from desktop.services.office import OfficeKind
from desktop.services.permissions import PermissionDenied, Role
from desktop.store.unit_of_work import Actor
from tests.integration import test_claim_service as base
from tests.integration.test_claim_service import TODAY, query, verified_santunan

# The claim service tests' demo hub (OKI, 60 workers, no claims), copied for each test.
template = base.template
app = base.app


def listed(app: AppServices) -> list[tuple[date, str]]:
    return [(h.day, h.name) for h in app.holidays.list_holidays(app.office.local_actor())]


def test_the_admin_adds_and_removes_holidays_through_the_one_write_path(
    app: AppServices,
) -> None:
    admin = app.office.local_actor()
    assert app.holidays.edit_refusal(admin) is None
    app.holidays.add_holiday(admin, date(2026, 12, 25), "  Hari  Raya Natal ")
    app.holidays.add_holiday(admin, "17-08-2026", "Hari Kemerdekaan")
    assert listed(app) == [
        (date(2026, 8, 17), "Hari Kemerdekaan"),
        (date(2026, 12, 25), "Hari Raya Natal"),
    ]
    assert app.holidays.remove_holiday(admin, date(2026, 8, 17))
    assert listed(app) == [(date(2026, 12, 25), "Hari Raya Natal")]
    # Given again, a removed day revives its row (the day is unique).
    app.holidays.add_holiday(admin, "2026-08-17", "HUT RI")
    assert listed(app)[0] == (date(2026, 8, 17), "HUT RI")
    assert query(app, "SELECT count(*) FROM holiday") == [(2,)]
    actions = query(
        app, "SELECT action FROM audit_entry WHERE action LIKE 'holiday.%' ORDER BY rowid"
    )
    assert [a for (a,) in actions] == [
        "holiday.add",
        "holiday.add",
        "holiday.remove",
        "holiday.add",
    ]
    assert query(app, "SELECT count(*) FROM change_log WHERE table_name = 'holiday'") == [(4,)]


def test_a_duplicate_day_an_empty_name_or_an_unreadable_date_is_refused(
    app: AppServices,
) -> None:
    admin = app.office.local_actor()
    app.holidays.add_holiday(admin, date(2026, 12, 25), "Natal")
    with pytest.raises(DomainError) as twice:
        app.holidays.add_holiday(admin, date(2026, 12, 25), "Natal lagi")
    assert twice.value.code == "holiday.duplicate"
    assert "25 Desember 2026" in str(twice.value) and "Natal" in str(twice.value)
    with pytest.raises(DomainError) as nameless:
        app.holidays.add_holiday(admin, date(2026, 12, 26), "   ")
    assert nameless.value.code == "holiday.name"
    with pytest.raises(DomainError) as unreadable:
        app.holidays.add_holiday(admin, "31-02-2026", "Tanggal salah")
    assert unreadable.value.code == "holiday.date"
    assert "31-02-2026" in str(unreadable.value)
    with pytest.raises(DomainError) as absent:
        app.holidays.remove_holiday(admin, date(2026, 1, 1))
    assert absent.value.code == "holiday.not_listed"
    assert listed(app) == [(date(2026, 12, 25), "Natal")]


def test_a_lesser_role_at_the_hub_is_refused(app: AppServices) -> None:
    admin = app.office.local_actor()
    viewer = Actor(admin.user_id, "pemantau", Role.VIEWER.value, admin.device_id)
    with pytest.raises(PermissionDenied):
        app.holidays.add_holiday(viewer, date(2026, 12, 25), "Natal")
    assert app.holidays.edit_refusal(viewer) is not None
    assert listed(app) == []


def test_a_kecamatan_laptop_reads_the_list_and_may_not_change_it(tmp_path: Path) -> None:
    laptop = AppServices.open(tmp_path / "laptop.db")
    try:
        laptop.office.set_up(kind=OfficeKind.KECAMATAN, region="16.02.05", name="Kec. Kayu Agung")
        operator = laptop.office.local_actor()
        refusal = laptop.holidays.edit_refusal(operator)
        assert refusal is not None and refusal.code == "holiday.hub_only"
        with pytest.raises(DomainError) as refused:
            laptop.holidays.add_holiday(operator, date(2026, 12, 25), "Natal")
        assert refused.value.code == "holiday.hub_only"
        assert "admin kabupaten" in str(refused.value)
        with pytest.raises(DomainError):
            laptop.holidays.remove_holiday(operator, date(2026, 12, 25))
        assert laptop.holidays.list_holidays(operator) == []
    finally:
        laptop.close()


def test_a_running_claims_working_day_deadline_follows_the_list(app: AppServices) -> None:
    admin = app.office.local_actor()
    claims = ClaimService(app.database.engine, today=lambda: TODAY)
    holidays = HolidayService(app.database.engine, claims=claims)
    app.office.set_setting(admin, "claim.working_days", "1")
    claim = verified_santunan(
        app, claims, admin, received_on=date(2026, 11, 12), recommended_on=date(2026, 11, 12),
        verified_on=date(2026, 11, 13),  # a Friday
    )  # fmt: skip

    def deadline() -> str:
        [(day,)] = query(app, "SELECT deadline FROM claim WHERE id = ?", claim)
        return str(day)

    assert deadline() == "2026-11-24"  # 16-20 and 23-24 November
    holidays.add_holiday(admin, date(2026, 11, 17), "Libur daerah")
    assert deadline() == "2026-11-25"
    assert claims.detail(admin, claim).deadline == date(2026, 11, 25)
    holidays.remove_holiday(admin, date(2026, 11, 17))
    assert deadline() == "2026-11-24"
    # The app's own wiring recomputes too.
    app.holidays.add_holiday(admin, date(2026, 11, 20), "Cuti bersama")
    assert deadline() == "2026-11-25"
