"""Benefit rule tables and calculators."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import pairwise

import pytest

from desktop.domain.benefits import (
    RULES,
    SANTUNAN_RULES,
    BenefitBreakdown,
    BenefitLine,
    BenefitRules,
    Contribution,
    SchoolLevel,
    add_years,
    jkk_claim_deadline,
    jkk_claim_lapsed,
    jkk_death_benefit,
    jkk_temporary_inability,
    jkk_total_disability_benefit,
    jkm_benefit,
    monthly_contribution,
    rules_on,
    santunan_benefit,
    santunan_rules_on,
    scholarship_entitlement,
)
from desktop.domain.findings import DomainError

DAY = date(2025, 9, 2)


def test_tables_do_not_overlap() -> None:
    ordered = sorted(RULES, key=lambda r: r.effective_from)
    for earlier, later in pairwise(ordered):
        assert earlier.effective_until is not None
        assert earlier.effective_until < later.effective_from
    for regency in {r.regency_code for r in SANTUNAN_RULES}:
        rows = sorted(
            (r for r in SANTUNAN_RULES if r.regency_code == regency),
            key=lambda r: r.effective_from,
        )
        for before, after in pairwise(rows):
            assert before.effective_until is not None
            assert before.effective_until < after.effective_from
    assert len({r.key for r in RULES}) == len(RULES)


def test_pp82_row() -> None:
    rules = rules_on(DAY)
    assert rules.key == "pp82_2019"
    assert rules.effective_from == date(2019, 12, 2)
    assert "Nomor 82 Tahun 2019" in rules.legal_basis
    assert rules.jkm_periodic_total == 12_000_000
    assert rules.scholarship_per_year[SchoolLevel.TK_SD] == 1_500_000
    assert rules.scholarship_per_year[SchoolLevel.PERGURUAN_TINGGI] == 12_000_000
    assert rules.jkk_rate_basis_points == 100
    assert rules.default_declared_income == 1_000_000
    hash(rules)  # usable as a dict key despite the mapping field


def test_rules_on_before_any_row() -> None:
    with pytest.raises(DomainError) as info:
        rules_on(date(2019, 12, 1))
    assert info.value.finding.code == "benefit.no_rules"
    assert "1 Desember 2019" in str(info.value)
    assert rules_on(date(2019, 12, 2)).key == "pp82_2019"


def test_rules_on_picks_the_row_in_force() -> None:
    old = replace(RULES[0], key="old", effective_until=date(2025, 12, 31))
    new = replace(RULES[0], key="new", effective_from=date(2026, 1, 1), jkm_lump_sum=25_000_000)
    table = (old, new)
    assert rules_on(date(2025, 12, 31), table=table).key == "old"
    assert rules_on(date(2026, 1, 1), table=table).jkm_lump_sum == 25_000_000


def test_school_level_labels() -> None:
    assert SchoolLevel.TK_SD.label == "TK/SD"
    assert SchoolLevel.PERGURUAN_TINGGI.label == "Perguruan Tinggi"


def test_jkm_benefit_is_42_million() -> None:
    b = jkm_benefit(DAY)
    assert b.total == 42_000_000
    assert [line.amount for line in b.lines] == [20_000_000, 12_000_000, 10_000_000]
    assert [line.code for line in b.lines] == ["jkm.lump_sum", "jkm.periodic", "jkm.funeral"]
    assert b.lines[1].label == "Santunan berkala 24 × Rp500.000 (dibayar sekaligus)"
    assert b.rules_key == "pp82_2019"


def test_breakdown_total() -> None:
    assert BenefitBreakdown((), "x").total == 0
    assert BenefitBreakdown((BenefitLine("a", 1), BenefitLine("b", 2)), "x").total == 3


def test_jkk_death_benefit() -> None:
    b = jkk_death_benefit(1_000_000, DAY)
    assert b.lines[0].amount == 48_000_000
    assert b.lines[0].label == "Santunan kematian 48 × penghasilan Rp1.000.000"
    assert b.total == 48_000_000 + 12_000_000 + 10_000_000


def test_jkk_death_benefit_never_below_jkm_lump_sum() -> None:
    b = jkk_death_benefit(100_000, DAY)  # 48 × 100.000 = 4.800.000
    assert b.lines[0].amount == 20_000_000
    assert b.total == 42_000_000


def test_jkk_total_disability() -> None:
    b = jkk_total_disability_benefit(1_000_000, DAY)
    assert b.total == 56_000_000
    assert b.lines[0].code == "jkk.total_disability"


@pytest.mark.parametrize("income", [0, -1])
def test_income_must_be_positive(income: int) -> None:
    with pytest.raises(DomainError) as info:
        jkk_death_benefit(income, DAY)
    assert info.value.finding.code == "benefit.income"


@pytest.mark.parametrize("income", [1_000_000.0, True])
def test_income_must_be_int(income: object) -> None:
    with pytest.raises(TypeError):
        jkk_total_disability_benefit(income, DAY)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("days", "full", "reduced"),
    [
        (0, 0, 0),
        (1, 33_333, 0),  # 1.000.000 / 30 = 33.333,33
        (15, 500_000, 0),
        (30, 1_000_000, 0),
        (360, 12_000_000, 0),
        (361, 12_000_000, 16_667),  # half a day's pay, 16.666,67 rounded up
        (390, 12_000_000, 500_000),
    ],
)
def test_jkk_temporary_inability(days: int, full: int, reduced: int) -> None:
    b = jkk_temporary_inability(1_000_000, days, DAY)
    amounts = {line.code: line.amount for line in b.lines}
    assert amounts.get("jkk.stmb_full", 0) == full
    assert amounts.get("jkk.stmb_reduced", 0) == reduced
    assert b.total == full + reduced


def test_jkk_temporary_inability_labels_and_negative_days() -> None:
    b = jkk_temporary_inability(1_000_000, 390, DAY)
    assert [line.label for line in b.lines] == [
        "STMB 100% penghasilan, 360 hari",
        "STMB 50% penghasilan, 30 hari",
    ]
    with pytest.raises(DomainError):
        jkk_temporary_inability(1_000_000, -1, DAY)


def test_scholarship_needs_three_years() -> None:
    b = scholarship_entitlement(2, [SchoolLevel.SMA], DAY)
    assert b.total == 0 and b.lines == ()
    assert scholarship_entitlement(3, [SchoolLevel.SMA], DAY).total == 3_000_000


def test_scholarship_two_children_at_most() -> None:
    levels = [SchoolLevel.PERGURUAN_TINGGI, SchoolLevel.SMP, SchoolLevel.TK_SD]
    b = scholarship_entitlement(5, levels, DAY)
    assert [line.amount for line in b.lines] == [12_000_000, 2_000_000]
    assert b.lines[0].label == "Beasiswa anak ke-1 (Perguruan Tinggi) untuk satu tahun"
    assert b.lines[1].code == "jkm.scholarship.2"


def test_scholarship_cap() -> None:
    levels = [SchoolLevel.PERGURUAN_TINGGI, SchoolLevel.PERGURUAN_TINGGI]
    b = scholarship_entitlement(5, levels, DAY, already_paid=170_000_000)
    assert [line.amount for line in b.lines] == [4_000_000]
    assert scholarship_entitlement(5, levels, DAY, already_paid=174_000_000).total == 0


def test_scholarship_rejects_negative() -> None:
    with pytest.raises(DomainError):
        scholarship_entitlement(-1, [], DAY)
    with pytest.raises(DomainError):
        scholarship_entitlement(3, [], DAY, already_paid=-1)


def test_santunan() -> None:
    rules = santunan_rules_on(DAY, "16.02")
    assert rules.key == "perbup_oki_17_2025"
    assert rules.legal_basis == "Peraturan Bupati Ogan Komering Ilir Nomor 17 Tahun 2025"
    assert (rules.amount, rules.payment_days, rules.max_dtsen_decile) == (1_000_000, 7, 5)
    b = santunan_benefit(DAY, "16.02")
    assert b.total == 1_000_000
    assert b.rules_key == "perbup_oki_17_2025"
    # Any code inside the regency, dotted or not, finds the same rules.
    assert santunan_rules_on(DAY, "1602052001") == rules


@pytest.mark.parametrize(
    ("day", "region"),
    [(DAY, "16.03"), (DAY, "16"), (date(2025, 8, 31), "16.02")],
)
def test_santunan_without_rules(day: date, region: str) -> None:
    with pytest.raises(DomainError) as info:
        santunan_benefit(day, region)
    assert info.value.finding.code == "santunan.no_rules"


def test_monthly_contribution() -> None:
    c = monthly_contribution(1_000_000, DAY)
    assert c == Contribution(jkk=10_000, jkm=6_800)
    assert c.total == 16_800
    assert monthly_contribution(500_000, DAY).jkk == 10_000  # minimum
    assert monthly_contribution(2_500_050, DAY).jkk == 25_001  # 25.000,50 rounds up
    assert monthly_contribution(2_500_049, DAY).jkk == 25_000


def test_default_income_contribution_from_rules() -> None:
    rules: BenefitRules = rules_on(DAY)
    assert monthly_contribution(rules.default_declared_income, DAY).total == 16_800


def test_add_years() -> None:
    assert add_years(date(2020, 5, 17), 5) == date(2025, 5, 17)
    assert add_years(date(2020, 2, 29), 5) == date(2025, 3, 1)
    assert add_years(date(2020, 2, 29), 4) == date(2024, 2, 29)


def test_jkk_claim_lapse() -> None:
    accident = date(2020, 9, 2)
    assert jkk_claim_deadline(accident, DAY) == date(2025, 9, 2)
    assert not jkk_claim_lapsed(accident, date(2025, 9, 2))
    assert jkk_claim_lapsed(accident, date(2025, 9, 3))
    assert not jkk_claim_lapsed(DAY, DAY)
    assert jkk_claim_lapsed(date(2015, 1, 1), DAY)  # before any row: rules of `on` apply


def test_a_line_with_numbers_is_rendered_in_another_language() -> None:
    from desktop.domain.benefits import jkk_temporary_inability

    english = {
        "STMB 100% penghasilan, {days} hari": "STMB 100% of income, {days} days",
        "Santunan kematian": "Death benefit",
    }

    def translate(context: str, text: str) -> str:
        assert context == "Benefit"
        return english.get(text, text)

    [line] = jkk_temporary_inability(2_000_000, 45, date(2026, 5, 1)).lines
    assert line.label == "STMB 100% penghasilan, 45 hari"
    assert line.render() == line.label
    assert line.render(translate) == "STMB 100% of income, 45 days"
    plain = BenefitLine("Santunan kematian", 1)
    assert plain.render(translate) == "Death benefit"
