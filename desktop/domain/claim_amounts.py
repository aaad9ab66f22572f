"""The amount of a claim: the breakdown the rules give, and an admin's override with a reason.

The amounts are the versioned rule tables' (desktop.domain.benefits: PP 82/2019 for
JKM/JKK, the regency's rule set for its santunan kematian, OKI's by default); this module
only picks the calculator for the claim's kind and adds the JKM scholarship when the
contribution history allows it (at least 3 years).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from desktop.domain.benefits import (
    BenefitBreakdown,
    SchoolLevel,
    jkk_death_benefit,
    jkk_temporary_inability,
    jkk_total_disability_benefit,
    jkm_benefit,
    rules_on,
    santunan_benefit,
    scholarship_entitlement,
)
from desktop.domain.claims import ClaimKind
from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding
from desktop.domain.money import format_rupiah


@dataclass(frozen=True)
class AmountOverride:
    """An amount set by hand in place of the computed one; build it with
    :func:`make_override`, which requires the reason (the service audits it)."""

    amount: int
    reason: str
    by: str
    at: datetime


@dataclass(frozen=True)
class ClaimAmount:
    """A claim's amount: the rules' breakdown, notes on what it leaves out, any override."""

    breakdown: BenefitBreakdown
    notes: tuple[Finding, ...] = ()
    override: AmountOverride | None = None

    @property
    def computed(self) -> int:
        """The total the rules give."""
        return self.breakdown.total

    @property
    def total(self) -> int:
        """The amount to pay: the override's when there is one, else the computed total."""
        return self.override.amount if self.override is not None else self.computed


def make_override(amount: int, reason: str | None, *, by: str, at: datetime) -> AmountOverride:
    """An override of *amount* whole rupiah; refused when negative or without a reason."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"amount must be int, not {type(amount).__name__}")
    if amount < 0:
        raise DomainError.of(
            "amount.negative",
            QT_TRANSLATE_NOOP(
                "Finding", "Jumlah {amount} tidak sah: jumlah klaim tidak boleh kurang dari Rp0."
            ),
            amount=format_rupiah(amount, cents=False),
        )
    text = (reason or "").strip()
    if not text:
        raise DomainError.of(
            "amount.reason_required",
            QT_TRANSLATE_NOOP(
                "Finding",
                "Tuliskan alasan mengubah jumlah klaim menjadi {amount} (misalnya nomor surat "
                "keputusan).",
            ),
            amount=format_rupiah(amount, cents=False),
        )
    return AmountOverride(amount, text, by, at)


def claim_amount(
    kind: ClaimKind,
    event_date: date,
    *,
    declared_income: int | None = None,
    contribution_months: int = 0,
    children_levels: Sequence[SchoolLevel] = (),
    scholarship_paid: int = 0,
    days_off: int = 0,
    regency_code: str | None = None,
    override: AmountOverride | None = None,
) -> ClaimAmount:
    """The amount of a claim of *kind* for an event on *event_date*.

    *declared_income*: the worker's declared monthly income (the rules' default, Rp1.000.000,
    when None). *contribution_months*: months of contributions before the event; the JKM
    scholarship for *children_levels* (at most two) needs at least 3 years of them, and
    *scholarship_paid* is what was paid of it before. *days_off*: the days of temporary
    inability (STMB). *regency_code*: the paying regency, for a santunan kematian.
    """
    kind = ClaimKind(kind)
    rules = rules_on(event_date)
    income = rules.default_declared_income if declared_income is None else declared_income
    notes: list[Finding] = []
    if kind is ClaimKind.JKM:
        base = jkm_benefit(event_date)
        years = max(contribution_months, 0) // 12
        scholarship = scholarship_entitlement(
            years, children_levels, event_date, already_paid=scholarship_paid
        )
        if children_levels and years < rules.scholarship_min_contribution_years:
            notes.append(
                Finding.warning(
                    "amount.scholarship_too_early",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Beasiswa anak belum dihitung: masa iuran {months} bulan, sedangkan "
                        "beasiswa baru berhak setelah {years} tahun iuran.",
                    ),
                    months=max(contribution_months, 0),
                    years=rules.scholarship_min_contribution_years,
                )
            )
        breakdown = BenefitBreakdown(base.lines + scholarship.lines, base.rules_key)
    elif kind is ClaimKind.JKK_DEATH:
        breakdown = jkk_death_benefit(income, event_date)
    elif kind is ClaimKind.JKK_TOTAL_DISABILITY:
        breakdown = jkk_total_disability_benefit(income, event_date)
    elif kind is ClaimKind.JKK_TEMPORARY:
        breakdown = jkk_temporary_inability(income, days_off, event_date)
    else:
        if regency_code is None:
            raise ValueError("a santunan kematian needs the paying regency's code")
        breakdown = santunan_benefit(event_date, regency_code)
    return ClaimAmount(breakdown, tuple(notes), override)
