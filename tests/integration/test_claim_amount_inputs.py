"""What a claim's amount rests on besides the roster: a child heir's school level (the JKM
scholarship, after three years of contributions), the STMB days off, and the particulars
recorded after opening (akta, DTSEN decile, a road accident)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.benefits import SchoolLevel
from desktop.domain.claims import ClaimStatus
from desktop.domain.documents import DocumentItem, checklist
from desktop.domain.findings import DomainError
from desktop.services.app import AppServices
from desktop.services.claims import ClaimService
from desktop.store.unit_of_work import Actor
from tests.integration import test_claim_service as base
from tests.integration.test_claim_service import (
    TODAY,
    flag_codes,
    operator,
    query,
    resident,
    workers,
)

# The claim service tests' demo hub (60 workers, no claims) and service on their day.
template = base.template
app = base.app
claims = base.claims

DIED = date(2026, 10, 20)


def _long_covered_worker(app: AppServices) -> str:
    """A worker covered since 2020 (six years of contributions before the death)."""
    [worker] = workers(app)
    app.workers.update(app.office.local_actor(), worker, {"coverage_start": date(2020, 1, 1)})
    return worker


def _scholarship_lines(claims: ClaimService, claim: str, admin: Actor) -> list[str]:
    detail = claims.detail(admin, claim)
    assert detail.amount is not None
    return [line.label for line in detail.amount.breakdown.lines if "Beasiswa" in line.label]


def test_a_child_in_school_adds_the_scholarship_to_a_jkm_claim(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    claim = claims.open_claim(admin, "jkm", worker_id=_long_covered_worker(app), event_date=DIED)
    [(before,)] = query(app, "SELECT amount_proposed FROM claim WHERE id = ?", claim)
    assert _scholarship_lines(claims, claim, admin) == []

    first = claims.add_heir(
        admin, claim, name="Anak Pertama", relationship="anak", school_level="smp"
    )
    [(one_child,)] = query(app, "SELECT amount_proposed FROM claim WHERE id = ?", claim)
    assert one_child > before
    assert len(_scholarship_lines(claims, claim, admin)) == 1
    detail = claims.detail(admin, claim)
    [heir] = [h for h in detail.heirs if h.id == first]
    assert (heir.school_level, heir.school_level_label) == ("smp", SchoolLevel.SMP.label)

    claims.add_heir(admin, claim, name="Anak Kedua", relationship="anak", school_level="tk_sd")
    claims.add_heir(admin, claim, name="Anak Ketiga", relationship="anak", school_level="sma")
    # The first two children recorded; a third is not paid.
    assert len(_scholarship_lines(claims, claim, admin)) == 2

    claims.update_heir(admin, first, school_level=None)
    assert len(_scholarship_lines(claims, claim, admin)) == 2  # the second and third now
    [(after,)] = query(app, "SELECT amount_proposed FROM claim WHERE id = ?", claim)
    assert after == claims.detail(admin, claim).amount.total  # type: ignore[union-attr]


def test_the_scholarship_waits_for_three_years_of_contributions(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    [worker] = workers(app)  # covered since 1 January 2026
    claim = claims.open_claim(admin, "jkm", worker_id=worker, event_date=DIED)
    claims.add_heir(admin, claim, name="Anak", relationship="anak", school_level="smp")
    detail = claims.detail(admin, claim)
    assert _scholarship_lines(claims, claim, admin) == []
    assert detail.amount is not None
    assert [n.code for n in detail.amount.notes] == ["amount.scholarship_too_early"]


@pytest.mark.parametrize(
    ("relationship", "level", "code"),
    [
        ("istri", "smp", "heir.school_level_not_child"),
        ("anak", "kuliah", "heir.school_level"),
    ],
)
def test_a_school_level_is_a_childs_and_a_known_one(
    app: AppServices, claims: ClaimService, relationship: str, level: str, code: str
) -> None:
    admin = app.office.local_actor()
    claim = claims.open_claim(admin, "jkm", worker_id=_long_covered_worker(app), event_date=DIED)
    with pytest.raises(DomainError) as refused:
        claims.add_heir(
            admin, claim, name="Ahli Waris", relationship=relationship, school_level=level
        )
    assert refused.value.finding.code == code
    assert query(app, "SELECT count(*) FROM heir WHERE claim_id = ?", claim) == [(0,)]


def test_the_days_off_set_the_stmb_amount(app: AppServices, claims: ClaimService) -> None:
    admin = app.office.local_actor()
    [worker] = workers(app)
    claim = claims.open_claim(admin, "jkk_stmb", worker_id=worker, event_date=DIED)
    assert claims.detail(admin, claim).days_off is None
    nothing = claims.detail(admin, claim).amount
    assert nothing is not None

    assert claims.update_particulars(admin, claim, days_off=30)
    thirty = claims.detail(admin, claim)
    assert thirty.days_off == 30
    assert thirty.amount is not None and thirty.amount.total > nothing.total
    claims.update_particulars(admin, claim, days_off=60)
    sixty = claims.detail(admin, claim).amount
    assert sixty is not None and sixty.total > thirty.amount.total
    [(proposed,)] = query(app, "SELECT amount_proposed FROM claim WHERE id = ?", claim)
    assert proposed == sixty.total

    for wrong in (-1, 4000, True, "30"):
        with pytest.raises(DomainError) as refused:
            claims.update_particulars(admin, claim, days_off=wrong)
        assert refused.value.finding.code == "claim.days_off_range"
    assert claims.detail(admin, claim).days_off == 60


def test_days_off_belong_to_an_stmb_claim_and_a_road_accident_to_a_jkk_one(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    claim = claims.open_claim(admin, "jkm", worker_id=_long_covered_worker(app), event_date=DIED)
    with pytest.raises(DomainError) as refused:
        claims.update_particulars(admin, claim, days_off=3)
    assert refused.value.finding.code == "claim.days_off_not_stmb"
    with pytest.raises(DomainError) as refused:
        claims.update_particulars(admin, claim, accident_is_traffic=True)
    assert refused.value.finding.code == "claim.traffic_not_jkk"


def test_a_road_accident_recorded_later_asks_for_the_police_report(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    [worker] = workers(app)
    claim = claims.open_claim(admin, "jkk_meninggal", worker_id=worker, event_date=DIED)
    assert DocumentItem.LAPORAN_POLISI not in claims.detail(admin, claim).missing
    claims.update_particulars(admin, claim, accident_is_traffic=True)
    assert DocumentItem.LAPORAN_POLISI in claims.detail(admin, claim).missing
    assert DocumentItem.LAPORAN_POLISI in checklist("jkk_meninggal")


def test_a_decile_recorded_later_lowers_the_flag_and_a_wrong_one_is_refused(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    claim = claims.open_claim(admin, "santunan_kematian", subject=resident(app), event_date=DIED)
    assert "flag.decile_missing" in flag_codes(app, claim)

    assert claims.update_particulars(admin, claim, decile=2, akta="AK-77")
    assert "flag.decile_missing" not in flag_codes(app, claim)
    detail = claims.detail(admin, claim)
    assert (detail.dtsen_decile, detail.death_certificate_no) == (2, "AK-77")

    for wrong in (0, 11, True):
        with pytest.raises(DomainError) as refused:
            claims.update_particulars(admin, claim, decile=wrong)
        assert refused.value.finding.code == "claim.decile_range"
    assert claims.detail(admin, claim).dtsen_decile == 2
    assert claims.update_particulars(admin, claim, decile=None)
    assert "flag.decile_missing" in flag_codes(app, claim)


def test_a_kecamatan_records_particulars_only_while_the_file_is_with_it(
    app: AppServices, claims: ClaimService
) -> None:
    admin = app.office.local_actor()
    clerk = operator(admin)
    claim = claims.open_claim(admin, "santunan_kematian", subject=resident(app), event_date=DIED)
    assert claims.update_particulars(clerk, claim, decile=3)
    for item in claims.detail(admin, claim).missing:
        claims.receive(admin, claim, item, on=TODAY)
    claims.add_heir(
        admin,
        claim,
        name="Suami Almarhumah",
        relationship="suami",
        payee=True,
        bank="BSB",
        account="1234567890",
        holder="Suami Almarhumah",
    )
    for item in claims.detail(admin, claim).missing:
        claims.receive(admin, claim, item, on=TODAY)
    claims.step(admin, claim, ClaimStatus.DIREKOMENDASIKAN, on=TODAY)
    claims.step(admin, claim, ClaimStatus.DIVERIFIKASI, on=TODAY)
    with pytest.raises(DomainError) as refused:
        claims.update_particulars(clerk, claim, decile=4)
    assert refused.value.finding.code == "claim.file_with_regency"
    assert claims.detail(admin, claim).dtsen_decile == 3


def test_unknown_particulars_are_a_programming_error(
    app: AppServices, claims: ClaimService
) -> None:
    claim = claims.open_claim(
        app.office.local_actor(), "santunan_kematian", subject=resident(app), event_date=DIED
    )
    with pytest.raises(ValueError, match="not claim particulars"):
        claims.update_particulars(app.office.local_actor(), claim, status="dicairkan")
