"""Who may be claimed for: the refusals of a claim, every one at once.

:func:`eligibility_refusals` lists, as error findings with stable codes (the screen lists
them all), every reason a claim cannot be opened as it is: an event outside the worker's
coverage or after they left, a date that cannot be (in the future, before birth, after
the filing), a second claim for the same person (by worker or by NIK, across kecamatan), a
JKK claim after the 5 years, a santunan with no rule set in force or filed after its
regency's window, a resident's NIK or DTSEN decile that is not valid.
:func:`check_eligibility` raises them as one :class:`ClaimNotEligible`.

What lets a claim go on but asks for a second look is desktop.domain.claim_flags. Every
input is a small frozen value, so the service reads the rows once and the rules stay pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from desktop.domain.benefits import (
    SANTUNAN_RULES,
    SantunanRules,
    jkk_claim_deadline,
    jkk_claim_lapsed,
    rules_on,
    santunan_rules_on,
)
from desktop.domain.claims import ClaimKind, ClaimStatus
from desktop.domain.dates import long_date
from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding
from desktop.domain.identifiers import MASK, normalize_number
from desktop.domain.nik import check_nik

# DTSEN (Data Tunggal Sosial Ekonomi Nasional) ranks households in deciles 1 (poorest) to 10.
DTSEN_DECILES = range(1, 11)

# The BPJS programme a kind of claim draws on.
_PROGRAMME = {
    ClaimKind.JKM: "jkm",
    ClaimKind.JKK_DEATH: "jkk",
    ClaimKind.JKK_TOTAL_DISABILITY: "jkk",
    ClaimKind.JKK_TEMPORARY: "jkk",
}


@dataclass(frozen=True)
class ClaimSubject:
    """The person a claim is about: a roster worker (``worker_id``), or for a santunan
    kematian any resident (then the coverage fields are empty).

    ``programmes``: the worker's BPJS programmes (values such as "jkk", "jkm", any case),
    None when not known. ``exit_date``: the day the worker left the scheme, if they did.
    ``dtsen_decile``: the household's DTSEN decile, None when not recorded.
    """

    nik: str
    name: str
    birth_date: date | None
    village_code: str
    worker_id: str | None = None
    kk: str | None = None
    coverage_start: date | None = None
    coverage_end: date | None = None
    exit_date: date | None = None
    programmes: frozenset[str] | None = None
    dtsen_decile: int | None = None


@dataclass(frozen=True)
class ClaimFacts:
    """What is claimed: the kind, the day of the death or accident, the day it was filed."""

    kind: ClaimKind
    event_date: date
    filed_on: date


@dataclass(frozen=True)
class OtherClaim:
    """Another claim already held, as the duplicate check needs it."""

    claim_id: str
    kind: ClaimKind
    status: ClaimStatus
    worker_id: str | None
    nik: str | None
    event_date: date | None = None


def mask_nik(nik: str) -> str:
    """A NIK as a message may show it: the middle 8 digits hidden ("1602••••••••0001")."""
    digits = normalize_number(nik)
    if len(digits) != 16:
        return MASK * len(digits)
    return digits[:4] + MASK * 8 + digits[12:]


def event_label(kind: ClaimKind) -> str:
    """What the event date of a claim of *kind* is called: day of death or of accident."""
    if ClaimKind(kind).is_death:
        return QT_TRANSLATE_NOOP("ClaimRules", "Tanggal meninggal")
    return QT_TRANSLATE_NOOP("ClaimRules", "Tanggal kecelakaan")


class ClaimNotEligible(DomainError):
    """A claim that cannot be opened, with every reason (``findings``) not only the first;
    ``str(e)`` lists their messages one per line."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        super().__init__(findings[0])
        self.findings = tuple(findings)
        self.args = ("\n".join(f.message for f in self.findings),)


def eligibility_refusals(
    subject: ClaimSubject,
    facts: ClaimFacts,
    *,
    today: date,
    others: Iterable[OtherClaim] = (),
    claim_id: str | None = None,
    regency_code: str | None = None,
    santunan_table: Iterable[SantunanRules] = SANTUNAN_RULES,
) -> tuple[Finding, ...]:
    """Every reason the claim cannot be opened (empty when it can).

    *others*: the claims already held (the claim itself, *claim_id*, is skipped when
    rechecking one). *regency_code*: the paying regency, whose santunan rules apply (the
    subject's village's regency when not given).
    """
    kind = ClaimKind(facts.kind)
    refusals: list[Finding] = []
    if subject.worker_id is None:
        refusals.extend(_resident_refusals(subject, today))
    refusals.extend(decile_refusals(subject.dtsen_decile))
    refusals.extend(_date_refusals(subject, facts, today))
    if kind.is_bpjs:
        refusals.extend(_coverage_refusals(subject, facts))
    # (An accident after the filing day is refused above; its lapse is not counted.)
    if (
        kind.is_jkk
        and facts.event_date <= facts.filed_on
        and jkk_claim_lapsed(facts.event_date, facts.filed_on)
    ):
        refusals.append(
            Finding.error(
                "claim.jkk_lapsed",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Klaim {kind} diajukan {filed}, lebih dari {years} tahun setelah kecelakaan "
                    "{date} (batas {deadline}). Hak klaim JKK sudah kedaluwarsa.",
                ),
                kind=kind.label,
                filed=long_date(facts.filed_on),
                years=rules_on(facts.filed_on).jkk_lapse_years,
                date=long_date(facts.event_date),
                deadline=long_date(jkk_claim_deadline(facts.event_date, facts.filed_on)),
            )
        )
    if kind is ClaimKind.SANTUNAN:
        refusals.extend(_santunan_refusals(subject, facts, regency_code, santunan_table))
    refusals.extend(_duplicate_refusals(subject, facts, others, claim_id))
    return tuple(refusals)


def check_eligibility(
    subject: ClaimSubject,
    facts: ClaimFacts,
    *,
    today: date,
    others: Iterable[OtherClaim] = (),
    claim_id: str | None = None,
    regency_code: str | None = None,
    santunan_table: Iterable[SantunanRules] = SANTUNAN_RULES,
) -> None:
    """Raise :class:`ClaimNotEligible` with every refusal of :func:`eligibility_refusals`."""
    refusals = eligibility_refusals(
        subject,
        facts,
        today=today,
        others=others,
        claim_id=claim_id,
        regency_code=regency_code,
        santunan_table=santunan_table,
    )
    if refusals:
        raise ClaimNotEligible(refusals)


def _resident_refusals(subject: ClaimSubject, today: date) -> list[Finding]:
    """A resident outside the roster: the NIK is checked as a worker's would be."""
    return list(check_nik(subject.nik, birth_date=subject.birth_date, today=today).errors)


def decile_refusals(decile: int | None) -> list[Finding]:
    """Why a DTSEN decile may not be recorded (none: it is 1 to 10, or not known yet)."""
    refusals: list[Finding] = []
    if decile is not None and (isinstance(decile, bool) or decile not in DTSEN_DECILES):
        refusals.append(
            Finding.error(
                "claim.decile_range",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Desil DTSEN {decile} tidak sah: tulis angka 1 sampai 10, atau kosongkan bila "
                    "belum diketahui.",
                ),
                decile=decile,
            )
        )
    return refusals


def _birth_date(subject: ClaimSubject, today: date) -> date | None:
    if subject.birth_date is not None:
        return subject.birth_date
    info = check_nik(subject.nik, today=today).info
    return info.birth_date if info is not None else None


def _date_refusals(subject: ClaimSubject, facts: ClaimFacts, today: date) -> list[Finding]:
    event = event_label(facts.kind)
    refusals: list[Finding] = []
    if facts.event_date > today:
        refusals.append(
            Finding.error(
                "claim.event_future",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "{event} {date} belum terjadi (hari ini {today}). Periksa tanggalnya.",
                ),
                event=event,
                date=long_date(facts.event_date),
                today=long_date(today),
            )
        )
    born = _birth_date(subject, today)
    if born is not None and facts.event_date < born:
        refusals.append(
            Finding.error(
                "claim.event_before_birth",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "{event} {date} lebih awal dari tanggal lahir {name} ({birth}). Periksa "
                    "tanggalnya.",
                ),
                event=event,
                date=long_date(facts.event_date),
                name=subject.name,
                birth=long_date(born),
            )
        )
    if facts.filed_on < facts.event_date:
        refusals.append(
            Finding.error(
                "claim.filed_before_event",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Tanggal lapor {filed} lebih awal dari {event_lower} {date}. Periksa kedua "
                    "tanggal.",
                ),
                filed=long_date(facts.filed_on),
                event_lower=event.lower(),
                date=long_date(facts.event_date),
            )
        )
    return refusals


def _period(start: date, end: date | None) -> str:
    if end is None:
        return QT_TRANSLATE_NOOP("ClaimRules", "mulai {start}").format(start=long_date(start))
    return QT_TRANSLATE_NOOP("ClaimRules", "{start} sampai {end}").format(
        start=long_date(start), end=long_date(end)
    )


def _coverage_refusals(subject: ClaimSubject, facts: ClaimFacts) -> list[Finding]:
    kind = ClaimKind(facts.kind)
    if subject.worker_id is None:
        return [
            Finding.error(
                "claim.no_worker",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Klaim {kind} hanya untuk peserta yang ada di data peserta. Buka klaim dari "
                    "baris pesertanya, atau pilih Santunan Kematian untuk warga yang tidak "
                    "terdaftar.",
                ),
                kind=kind.label,
            )
        ]
    refusals: list[Finding] = []
    programme = _PROGRAMME[kind]
    if subject.programmes is not None and programme not in {
        p.strip().lower() for p in subject.programmes
    }:
        refusals.append(
            Finding.error(
                "claim.not_enrolled",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "{name} tidak terdaftar dalam program {programme}, jadi klaim {kind} tidak "
                    "dapat diajukan. Periksa program peserta di data peserta.",
                ),
                name=subject.name,
                programme=programme.upper(),
                kind=kind.label,
            )
        )
    event = event_label(kind)
    day = facts.event_date
    start, end = subject.coverage_start, subject.coverage_end
    if start is None:
        refusals.append(
            Finding.error(
                "claim.no_coverage",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Masa kepesertaan {name} belum diisi, jadi belum dapat dipastikan bahwa "
                    "{event_lower} {date} tercakup. Isi tanggal mulai kepesertaan di data "
                    "peserta, lalu coba lagi.",
                ),
                name=subject.name,
                event_lower=event.lower(),
                date=long_date(day),
            )
        )
    elif day < start or (end is not None and day > end):
        refusals.append(
            Finding.error(
                "claim.outside_coverage",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "{event} {date} di luar masa kepesertaan {name} ({period}). Klaim {kind} "
                    "hanya untuk kejadian dalam masa kepesertaan: periksa tanggalnya atau masa "
                    "kepesertaan di data peserta.",
                ),
                event=event,
                date=long_date(day),
                name=subject.name,
                period=_period(start, end),
                kind=kind.label,
            )
        )
    if subject.exit_date is not None and day > subject.exit_date:
        refusals.append(
            Finding.error(
                "claim.after_exit",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "{event} {date} sesudah {name} keluar dari kepesertaan ({exit}). Klaim "
                    "{kind} tidak dapat diajukan untuk kejadian setelah peserta keluar.",
                ),
                event=event,
                date=long_date(day),
                name=subject.name,
                exit=long_date(subject.exit_date),
                kind=kind.label,
            )
        )
    return refusals


def _santunan_refusals(
    subject: ClaimSubject,
    facts: ClaimFacts,
    regency_code: str | None,
    table: Iterable[SantunanRules],
) -> list[Finding]:
    try:
        rules = santunan_rules_on(
            facts.event_date, regency_code or subject.village_code, table=table
        )
    except DomainError as error:
        return [error.finding]
    window = rules.filing_window_days
    if window is None or (facts.filed_on - facts.event_date).days <= window:
        return []
    return [
        Finding.error(
            "claim.santunan_window",
            QT_TRANSLATE_NOOP(
                "Finding",
                "Santunan kematian harus diajukan paling lambat {days} hari setelah meninggal "
                "({deadline}); klaim ini diajukan {filed}.",
            ),
            days=window,
            deadline=long_date(facts.event_date + timedelta(days=window)),
            filed=long_date(facts.filed_on),
        )
    ]


# Claims that cannot both stand for one person: a person dies once (JKM and JKK death are
# one BPJS death benefit, the regency's santunan another), is totally disabled once;
# temporary inability may recur, so STMB claims collide only for the same accident day.
DUPLICATE_GROUPS = {
    ClaimKind.JKM: "bpjs_death",
    ClaimKind.JKK_DEATH: "bpjs_death",
    ClaimKind.JKK_TOTAL_DISABILITY: "jkk_cacat_total",
    ClaimKind.JKK_TEMPORARY: "jkk_stmb",
    ClaimKind.SANTUNAN: "santunan",
}
_PER_EVENT = frozenset({ClaimKind.JKK_TEMPORARY})
# A rejected or cancelled claim does not stand in the way of a new one.
_SETTLED_WITHOUT_PAYMENT = frozenset({ClaimStatus.DITOLAK, ClaimStatus.DIBATALKAN})


def _same_person(subject: ClaimSubject, other: OtherClaim) -> bool:
    if subject.worker_id is not None and other.worker_id == subject.worker_id:
        return True
    nik = normalize_number(subject.nik)
    return bool(nik) and other.nik is not None and normalize_number(other.nik) == nik


def _duplicate_refusals(
    subject: ClaimSubject,
    facts: ClaimFacts,
    others: Iterable[OtherClaim],
    claim_id: str | None,
) -> list[Finding]:
    kind = ClaimKind(facts.kind)
    refusals: list[Finding] = []
    for other in others:
        other_kind = ClaimKind(other.kind)
        if (
            other.claim_id == claim_id
            or ClaimStatus(other.status) in _SETTLED_WITHOUT_PAYMENT
            or DUPLICATE_GROUPS[other_kind] != DUPLICATE_GROUPS[kind]
            or (kind in _PER_EVENT and other.event_date != facts.event_date)
            or not _same_person(subject, other)
        ):
            continue
        refusals.append(
            Finding.error(
                "claim.duplicate",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Sudah ada klaim {kind} untuk {name} (NIK {nik}) yang berstatus {status}. "
                    "Satu orang hanya dapat diklaim sekali untuk kejadian yang sama: buka klaim "
                    "yang ada, atau batalkan dulu bila klaim itu keliru.",
                ),
                kind=other_kind.label,
                name=subject.name,
                nik=mask_nik(subject.nik),
                status=ClaimStatus(other.status).label,
            )
        )
    return refusals


# Every code of a refusal, for tests and documentation.
REFUSAL_CODES = frozenset(
    {
        "claim.no_worker",
        "claim.not_enrolled",
        "claim.no_coverage",
        "claim.outside_coverage",
        "claim.after_exit",
        "claim.event_future",
        "claim.event_before_birth",
        "claim.filed_before_event",
        "claim.duplicate",
        "claim.jkk_lapsed",
        "claim.santunan_window",
        "claim.decile_range",
        "santunan.no_rules",
    }
)
