"""Benefit and contribution rules as versioned tables, and the calculators that use them.

Amounts live in the rule tables below, each row with the dates it applies to and its
legal basis; the calculators only pick the row for the event date and do arithmetic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from desktop.domain.dates import long_date
from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError
from desktop.domain.money import format_rupiah
from desktop.domain.regions import RegionCode


class SchoolLevel(StrEnum):
    """School levels that set a JKM scholarship's yearly amount."""

    TK_SD = "tk_sd"
    SMP = "smp"
    SMA = "sma"
    PERGURUAN_TINGGI = "perguruan_tinggi"

    @property
    def label(self) -> str:
        """Indonesian label."""
        return _SCHOOL_LABELS[self]


_SCHOOL_LABELS: Mapping[SchoolLevel, str] = MappingProxyType(
    {
        SchoolLevel.TK_SD: QT_TRANSLATE_NOOP("SchoolLevel", "TK/SD"),
        SchoolLevel.SMP: QT_TRANSLATE_NOOP("SchoolLevel", "SMP"),
        SchoolLevel.SMA: QT_TRANSLATE_NOOP("SchoolLevel", "SMA/SMK"),
        SchoolLevel.PERGURUAN_TINGGI: QT_TRANSLATE_NOOP("SchoolLevel", "Perguruan Tinggi"),
    }
)


def _pp82_scholarships() -> Mapping[SchoolLevel, int]:
    return MappingProxyType(
        {
            SchoolLevel.TK_SD: 1_500_000,
            SchoolLevel.SMP: 2_000_000,
            SchoolLevel.SMA: 3_000_000,
            SchoolLevel.PERGURUAN_TINGGI: 12_000_000,
        }
    )


@dataclass(frozen=True)
class BenefitRules:
    """BPJS Ketenagakerjaan benefit and BPU contribution amounts in force for a period.

    `effective_until` is the last day the row applies (inclusive); None means open-ended.
    """

    key: str
    effective_from: date
    effective_until: date | None
    legal_basis: str
    # JKM (death not from work)
    jkm_lump_sum: int = 20_000_000
    jkm_periodic_months: int = 24
    jkm_periodic_monthly: int = 500_000
    funeral: int = 10_000_000
    # JKM scholarship
    scholarship_two_children_max: int = 174_000_000
    scholarship_max_children: int = 2
    scholarship_min_contribution_years: int = 3
    scholarship_per_year: Mapping[SchoolLevel, int] = field(
        default_factory=_pp82_scholarships, hash=False
    )
    # JKK (work accident)
    jkk_death_multiplier: int = 48
    jkk_total_disability_multiplier: int = 56
    jkk_temporary_full_months: int = 12
    jkk_temporary_reduced_percent: int = 50
    jkk_lapse_years: int = 5
    # BPU contributions: JKK is a share of declared income in basis points (100 = 1%).
    jkk_rate_basis_points: int = 100
    jkk_minimum_contribution: int = 10_000
    jkm_contribution: int = 6_800
    default_declared_income: int = 1_000_000

    @property
    def jkm_periodic_total(self) -> int:
        """The periodic benefit paid at once: months × monthly amount."""
        return self.jkm_periodic_months * self.jkm_periodic_monthly

    def applies_on(self, day: date) -> bool:
        """True when this row is in force on `day`."""
        return self.effective_from <= day and (
            self.effective_until is None or day <= self.effective_until
        )


@dataclass(frozen=True)
class SantunanRules:
    """A regency's own death benefit (santunan kematian) for a period."""

    key: str
    effective_from: date
    effective_until: date | None
    legal_basis: str
    regency_code: str = "16.02"
    amount: int = 1_000_000
    payment_days: int = 7
    max_dtsen_decile: int = 5
    # Days after the death within which a claim must be filed (Pekalongan: 40); None when
    # the regulation sets no window (OKI).
    filing_window_days: int | None = None

    def applies_on(self, day: date) -> bool:
        """True when this row is in force on `day`."""
        return self.effective_from <= day and (
            self.effective_until is None or day <= self.effective_until
        )


# PP 82/2019 amended PP 44/2015 (JKK and JKM). It was promulgated on 2 December 2019 and
# took effect on promulgation; verify this date against the official text before relying
# on it for events in December 2019. The two-children scholarship cap of Rp174.000.000 is
# taken from PRODUCT.md (BPJS Ketenagakerjaan's current terms); the BPU contributions
# (JKK 1% of declared income, at least Rp10.000; JKM Rp6.800) follow the same sources.
RULES: tuple[BenefitRules, ...] = (
    BenefitRules(
        key="pp82_2019",
        effective_from=date(2019, 12, 2),
        effective_until=None,
        legal_basis=(
            "Peraturan Pemerintah Nomor 82 Tahun 2019 tentang Perubahan atas Peraturan "
            "Pemerintah Nomor 44 Tahun 2015 tentang Penyelenggaraan Program Jaminan "
            "Kecelakaan Kerja dan Jaminan Kematian"
        ),
    ),
)

# Perbup OKI 17/2025. Its date of effect is not in our sources; payments were announced
# to start in September 2025 (Dinas Sosial OKI, 2 September 2025), so deaths from
# 1 September 2025 are covered here. Replace with the regulation's own date when known.
SANTUNAN_RULES: tuple[SantunanRules, ...] = (
    SantunanRules(
        key="perbup_oki_17_2025",
        effective_from=date(2025, 9, 1),
        effective_until=None,
        legal_basis="Peraturan Bupati Ogan Komering Ilir Nomor 17 Tahun 2025",
        regency_code="16.02",
        amount=1_000_000,
        payment_days=7,
        max_dtsen_decile=5,
    ),
)


def rules_on(day: date, *, table: Iterable[BenefitRules] = RULES) -> BenefitRules:
    """The BPJS Ketenagakerjaan rules in force on `day` (DomainError when none)."""
    for rules in table:
        if rules.applies_on(day):
            return rules
    raise DomainError.of(
        "benefit.no_rules",
        QT_TRANSLATE_NOOP(
            "Finding", "Tidak ada aturan manfaat BPJS Ketenagakerjaan yang berlaku pada {date}."
        ),
        date=long_date(day),
    )


def santunan_rules_on(
    day: date, regency_code: str, *, table: Iterable[SantunanRules] = SANTUNAN_RULES
) -> SantunanRules:
    """The regency's death-benefit rules in force on `day`; any code inside it is accepted."""
    regency = RegionCode.parse(regency_code).regency
    for rules in table:
        if regency is not None and rules.regency_code == regency.dotted and rules.applies_on(day):
            return rules
    raise DomainError.of(
        "santunan.no_rules",
        QT_TRANSLATE_NOOP(
            "Finding", "Tidak ada aturan santunan kematian untuk wilayah {region} pada {date}."
        ),
        region=regency.dotted if regency else regency_code.strip(),
        date=long_date(day),
    )


@dataclass(frozen=True)
class BenefitLine:
    """One amount of a benefit, with its Indonesian label and a stable code.

    ``template`` and ``params``: the label before its numbers were filled in, for a screen
    that shows it in another language (:meth:`render`); empty for a label without any."""

    label: str
    amount: int
    code: str = ""
    template: str = ""
    params: tuple[tuple[str, str], ...] = ()

    @classmethod
    def filled(cls, template: str, amount: int, code: str, **params: object) -> BenefitLine:
        """A line whose label is *template* with *params* filled in."""
        texts = tuple((name, str(value)) for name, value in params.items())
        return cls(template.format(**dict(texts)), amount, code, template, texts)

    def render(self, translate: Callable[[str, str], str] | None = None) -> str:
        """The label, translated first by ``translate(context, text)`` when given."""
        if not translate:
            return self.label
        if not self.template:
            return translate("Benefit", self.label)
        return translate("Benefit", self.template).format(**dict(self.params))


@dataclass(frozen=True)
class BenefitBreakdown:
    """The amounts that make up a benefit and the rule row they came from."""

    lines: tuple[BenefitLine, ...]
    rules_key: str

    @property
    def total(self) -> int:
        """The sum of the lines."""
        return sum(line.amount for line in self.lines)


@dataclass(frozen=True)
class Contribution:
    """A worker's monthly BPU contribution."""

    jkk: int
    jkm: int

    @property
    def total(self) -> int:
        """JKK plus JKM."""
        return self.jkk + self.jkm


def _require_int(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be int, not {type(value).__name__}")
    return value


def _income(declared_income: int) -> int:
    income = _require_int(declared_income, "declared_income")
    if income <= 0:
        raise DomainError.of(
            "benefit.income",
            QT_TRANSLATE_NOOP("Finding", "Penghasilan yang dilaporkan harus lebih dari Rp0."),
        )
    return income


def _round_half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half up, for non-negative numerator."""
    return (2 * numerator + denominator) // (2 * denominator)


def _rp(amount: int) -> str:
    return format_rupiah(amount, cents=False)


def _periodic_line(rules: BenefitRules, code: str) -> BenefitLine:
    return BenefitLine.filled(
        QT_TRANSLATE_NOOP("Benefit", "Santunan berkala {months} × {monthly} (dibayar sekaligus)"),
        rules.jkm_periodic_total,
        code,
        months=rules.jkm_periodic_months,
        monthly=_rp(rules.jkm_periodic_monthly),
    )


def jkm_benefit(event_date: date) -> BenefitBreakdown:
    """JKM for a death not from work: lump sum + periodic benefit + funeral costs."""
    rules = rules_on(event_date)
    return BenefitBreakdown(
        (
            BenefitLine(
                QT_TRANSLATE_NOOP("Benefit", "Santunan sekaligus"),
                rules.jkm_lump_sum,
                "jkm.lump_sum",
            ),
            _periodic_line(rules, "jkm.periodic"),
            BenefitLine(
                QT_TRANSLATE_NOOP("Benefit", "Biaya pemakaman"), rules.funeral, "jkm.funeral"
            ),
        ),
        rules.key,
    )


def jkk_death_benefit(declared_income: int, event_date: date) -> BenefitBreakdown:
    """JKK for a death from a work accident: multiple of income (at least the JKM lump sum)."""
    income = _income(declared_income)
    rules = rules_on(event_date)
    label = QT_TRANSLATE_NOOP("Benefit", "Santunan kematian {times} × penghasilan {income}")
    return BenefitBreakdown(
        (
            BenefitLine.filled(
                label,
                max(rules.jkk_death_multiplier * income, rules.jkm_lump_sum),
                "jkk.death",
                times=rules.jkk_death_multiplier,
                income=_rp(income),
            ),
            _periodic_line(rules, "jkk.periodic"),
            BenefitLine(
                QT_TRANSLATE_NOOP("Benefit", "Biaya pemakaman"), rules.funeral, "jkk.funeral"
            ),
        ),
        rules.key,
    )


def jkk_total_disability_benefit(declared_income: int, event_date: date) -> BenefitBreakdown:
    """JKK for total permanent disability: a multiple of declared income."""
    income = _income(declared_income)
    rules = rules_on(event_date)
    label = QT_TRANSLATE_NOOP(
        "Benefit", "Santunan cacat total tetap {times} × penghasilan {income}"
    )
    return BenefitBreakdown(
        (
            BenefitLine.filled(
                label,
                rules.jkk_total_disability_multiplier * income,
                "jkk.total_disability",
                times=rules.jkk_total_disability_multiplier,
                income=_rp(income),
            ),
        ),
        rules.key,
    )


# Temporary inability (STMB) is prorated per day on a 30-day month: one day is the
# monthly declared income / 30, the first 12 months are the first 360 days off (paid at
# 100%), every later day is paid at 50%. Each line is rounded half up to whole rupiah.
DAYS_PER_MONTH = 30


def jkk_temporary_inability(
    declared_income: int, days_off: int, event_date: date
) -> BenefitBreakdown:
    """JKK temporary inability to work: 100% of income for 12 months, then 50%."""
    income = _income(declared_income)
    days = _require_int(days_off, "days_off")
    if days < 0:
        raise DomainError.of(
            "benefit.days_off",
            QT_TRANSLATE_NOOP("Finding", "Jumlah hari tidak mampu bekerja tidak boleh negatif."),
        )
    rules = rules_on(event_date)
    full_days = min(days, rules.jkk_temporary_full_months * DAYS_PER_MONTH)
    reduced_days = days - full_days
    lines: list[BenefitLine] = []
    if full_days:
        lines.append(
            BenefitLine.filled(
                QT_TRANSLATE_NOOP("Benefit", "STMB 100% penghasilan, {days} hari"),
                _round_half_up(income * full_days, DAYS_PER_MONTH),
                "jkk.stmb_full",
                days=full_days,
            )
        )
    if reduced_days:
        percent = rules.jkk_temporary_reduced_percent
        lines.append(
            BenefitLine.filled(
                QT_TRANSLATE_NOOP("Benefit", "STMB {percent}% penghasilan, {days} hari"),
                _round_half_up(income * reduced_days * percent, DAYS_PER_MONTH * 100),
                "jkk.stmb_reduced",
                percent=percent,
                days=reduced_days,
            )
        )
    return BenefitBreakdown(tuple(lines), rules.key)


def scholarship_entitlement(
    contribution_years: int,
    children_levels: Sequence[SchoolLevel],
    event_date: date,
    *,
    already_paid: int = 0,
) -> BenefitBreakdown:
    """This year's JKM scholarship for the first two children; nothing under 3 years.

    Children beyond the rule's maximum (two) are ignored, in the order given. The total
    over the years is capped at Rp174.000.000; pass what was paid before as `already_paid`.
    """
    years = _require_int(contribution_years, "contribution_years")
    paid = _require_int(already_paid, "already_paid")
    if years < 0 or paid < 0:
        raise DomainError.of(
            "benefit.negative",
            QT_TRANSLATE_NOOP(
                "Finding", "Masa iuran dan beasiswa yang sudah dibayar tidak boleh negatif."
            ),
        )
    rules = rules_on(event_date)
    if years < rules.scholarship_min_contribution_years:
        return BenefitBreakdown((), rules.key)
    remaining = max(rules.scholarship_two_children_max - paid, 0)
    lines: list[BenefitLine] = []
    label = QT_TRANSLATE_NOOP("Benefit", "Beasiswa anak ke-{n} ({level}) untuk satu tahun")
    for n, given in enumerate(children_levels[: rules.scholarship_max_children], start=1):
        level = SchoolLevel(given)
        amount = min(rules.scholarship_per_year[level], remaining)
        remaining -= amount
        if amount:
            lines.append(
                BenefitLine.filled(
                    label, amount, f"jkm.scholarship.{n}", n=n, level=level.label
                )
            )
    return BenefitBreakdown(tuple(lines), rules.key)


def santunan_benefit(event_date: date, regency_code: str) -> BenefitBreakdown:
    """The regency's own death benefit for a death on `event_date`."""
    rules = santunan_rules_on(event_date, regency_code)
    return BenefitBreakdown(
        (
            BenefitLine(
                QT_TRANSLATE_NOOP("Benefit", "Santunan kematian"), rules.amount, "santunan.amount"
            ),
        ),
        rules.key,
    )


def monthly_contribution(declared_income: int, on: date) -> Contribution:
    """A BPU worker's monthly contribution: JKK share of income (with minimum) plus JKM."""
    income = _income(declared_income)
    rules = rules_on(on)
    jkk = _round_half_up(income * rules.jkk_rate_basis_points, 10_000)
    return Contribution(max(jkk, rules.jkk_minimum_contribution), rules.jkm_contribution)


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later; 29 February moves to 1 March."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def jkk_claim_deadline(event_date: date, on: date) -> date:
    """The last day a JKK claim for an accident on `event_date` may be filed."""
    return add_years(event_date, rules_on(on).jkk_lapse_years)


def jkk_claim_lapsed(event_date: date, on: date) -> bool:
    """True when more than the lapse period (5 years) has passed since the accident."""
    return on > jkk_claim_deadline(event_date, on)
