"""A claim's amount: the breakdown per kind, the scholarship after 3 years, the override."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop.domain.benefits import SchoolLevel
from desktop.domain.claim_amounts import claim_amount, make_override
from desktop.domain.claims import ClaimKind
from desktop.domain.findings import DomainError

K = ClaimKind
DAY = date(2025, 9, 10)
NOW = datetime(2025, 10, 1, tzinfo=UTC)


def test_jkm_without_scholarship_before_three_years() -> None:
    amount = claim_amount(
        K.JKM, DAY, contribution_months=35, children_levels=[SchoolLevel.SMP, SchoolLevel.TK_SD]
    )
    assert amount.total == amount.computed == 42_000_000
    assert [line.code for line in amount.breakdown.lines] == [
        "jkm.lump_sum",
        "jkm.periodic",
        "jkm.funeral",
    ]
    (note,) = amount.notes
    assert note.code == "amount.scholarship_too_early"
    assert "35 bulan" in note.message and "3 tahun" in note.message


def test_jkm_with_scholarship_after_three_years() -> None:
    amount = claim_amount(
        K.JKM, DAY, contribution_months=36, children_levels=[SchoolLevel.SMP, SchoolLevel.TK_SD]
    )
    assert amount.computed == 42_000_000 + 2_000_000 + 1_500_000
    assert amount.notes == ()
    assert amount.breakdown.rules_key == "pp82_2019"
    # Without children there is nothing to note.
    assert claim_amount(K.JKM, DAY, contribution_months=2).notes == ()


def test_jkk_kinds_use_the_declared_income() -> None:
    death = claim_amount(K.JKK_DEATH, DAY, declared_income=1_500_000)
    assert death.computed == 48 * 1_500_000 + 12_000_000 + 10_000_000
    assert claim_amount(K.JKK_TOTAL_DISABILITY, DAY, declared_income=1_000_000).computed == (
        56_000_000
    )
    stmb = claim_amount(K.JKK_TEMPORARY, DAY, declared_income=3_000_000, days_off=30)
    assert stmb.computed == 3_000_000
    # The rules' default declared income stands in when none is recorded.
    assert claim_amount(K.JKK_TOTAL_DISABILITY, DAY).computed == 56_000_000


def test_santunan_by_the_regencys_rule_set() -> None:
    amount = claim_amount(K.SANTUNAN, DAY, regency_code="16.02")
    assert amount.computed == 1_000_000
    assert amount.breakdown.rules_key == "perbup_oki_17_2025"
    with pytest.raises(DomainError) as raised:
        claim_amount(K.SANTUNAN, DAY, regency_code="16.03")
    assert raised.value.code == "santunan.no_rules"


def test_an_override_needs_a_reason_and_replaces_the_total() -> None:
    override = make_override(900_000, "  Keputusan Bupati 400.9/012  ", by="admin", at=NOW)
    assert override.reason == "Keputusan Bupati 400.9/012"
    amount = claim_amount(K.SANTUNAN, DAY, regency_code="16.02", override=override)
    assert amount.total == 900_000 and amount.computed == 1_000_000
    for reason in (None, "", " "):
        with pytest.raises(DomainError) as raised:
            make_override(900_000, reason, by="admin", at=NOW)
        assert raised.value.code == "amount.reason_required"
        assert "Rp900.000" in str(raised.value)
    with pytest.raises(DomainError) as raised:
        make_override(-1, "salah", by="admin", at=NOW)
    assert raised.value.code == "amount.negative"
