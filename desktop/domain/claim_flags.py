"""Flags: what makes a claim worth a second look before it is paid, and their clearing.

A flag does not stop a claim; it is a warning finding with a stable code that the list and
the detail show (filter "perlu diperiksa") until an admin clears it with a reason:

- ``flag.shared_account``: the payee's bank account is the payee account of another claim
  about someone else of another family (not the same NIK, not the same KK);
- ``flag.heir_is_deceased``: an heir carries the NIK of the person claimed for;
- ``flag.payee_order``: the payee is not of the first legal order among the heirs listed;
- ``flag.early_death``: a JKM/JKK death in the first days of coverage (setting
  ``claim.early_death_days``, 30);
- ``flag.outside_regency``, ``flag.decile_above``, ``flag.decile_missing``: a santunan
  subject outside the paying regency, or above its rule set's DTSEN decile, or without one.

Clearing, and when a flag comes back, is :func:`open_flags`'s rule.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.benefits import SANTUNAN_RULES, SantunanRules, santunan_rules_on
from desktop.domain.claim_rules import ClaimFacts, ClaimSubject
from desktop.domain.claims import ClaimKind
from desktop.domain.dates import long_date
from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding
from desktop.domain.heirs import HeirView
from desktop.domain.identifiers import mask_account, normalize_number
from desktop.domain.regions import RegionCode


@dataclass(frozen=True)
class PayeeAccount:
    """The payee account of another claim, with that claim's subject (for relatedness)."""

    claim_id: str
    account: str
    subject_name: str
    subject_nik: str | None = None
    subject_kk: str | None = None


@dataclass(frozen=True)
class ClaimFlag:
    """A reason to look at a claim before it is paid: a warning finding and its evidence.

    ``evidence``: the facts the flag was raised on, as short stable strings (no NIK or
    account number in clear: a hash of it). A clearance covers evidence, not a code; see
    :func:`open_flags`.
    """

    finding: Finding
    evidence: frozenset[str]

    @property
    def code(self) -> str:
        """The flag's code, e.g. "flag.shared_account"."""
        return self.finding.code

    @property
    def message(self) -> str:
        """The Indonesian message."""
        return self.finding.message


@dataclass(frozen=True)
class FlagClearance:
    """An admin's decision that a flag needs no more attention, for the evidence it had.

    Build it with :func:`clear_flag` (which checks the reason) from the flag shown.
    """

    code: str
    evidence: frozenset[str]
    by: str
    at: datetime
    reason: str


def clear_flag(flag: ClaimFlag, *, by: str, at: datetime, reason: str | None) -> FlagClearance:
    """Clear *flag* for its present evidence; a reason is required."""
    text = (reason or "").strip()
    if not text:
        raise DomainError.of(
            "flag.reason_required",
            QT_TRANSLATE_NOOP(
                "Finding",
                "Tuliskan alasan tanda ini dihapus (misalnya hasil pemeriksaan lapangan). "
                "Tanda: {flag}",
            ),
            flag=flag.message,
        )
    return FlagClearance(flag.code, flag.evidence, by, at, text)


def open_flags(
    flags: Iterable[ClaimFlag], clearances: Iterable[FlagClearance]
) -> tuple[ClaimFlag, ...]:
    """The flags still open: those with evidence that no clearance of their code covers.

    The rule: a clearance is for the facts the admin looked at. A flag stays cleared while
    each piece of its evidence was covered by some clearance of the same code (so a shared
    account with one claim fewer, after that claim was cancelled, stays cleared); a new
    piece raises it again: the payee's account changed and is shared again, a further
    unrelated claim uses the same account, the coverage start was corrected and the death
    still falls early, a recorded decile replaces a missing one and is still too high.
    Clearances only add up (merged by union, like events), so every copy agrees.
    """
    covered: dict[str, set[str]] = {}
    for clearance in clearances:
        covered.setdefault(clearance.code, set()).update(clearance.evidence)
    return tuple(
        flag for flag in flags if not flag.evidence <= covered.get(flag.code, frozenset())
    )


def _digest(text: str) -> str:
    """A short stable stand-in for a number that must not be copied in clear."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def claim_flags(
    subject: ClaimSubject,
    facts: ClaimFacts,
    heirs: Iterable[HeirView] = (),
    *,
    claim_id: str | None = None,
    other_payees: Iterable[PayeeAccount] = (),
    regency_code: str,
    early_death_days: int = 30,
    santunan_table: Iterable[SantunanRules] = SANTUNAN_RULES,
) -> tuple[ClaimFlag, ...]:
    """Every flag the claim raises now (cleared or not: see :func:`open_flags`).

    *other_payees*: the payee accounts of the other claims held (this claim's own,
    *claim_id*, is skipped). *regency_code*: the paying regency. *early_death_days*: the
    setting ``claim.early_death_days``; a death in the first that many days of coverage
    (the start day is the first) is flagged, 0 turns the flag off.
    """
    listed = tuple(heirs)
    flags: list[ClaimFlag] = []
    flags.extend(_shared_account_flags(subject, listed, claim_id, other_payees))
    flags.extend(_heir_flags(subject, listed))
    flags.extend(_early_death_flags(subject, facts, early_death_days))
    if ClaimKind(facts.kind) is ClaimKind.SANTUNAN:
        flags.extend(_santunan_flags(subject, facts, regency_code, santunan_table))
    return tuple(flags)


def _related(subject: ClaimSubject, other: PayeeAccount) -> bool:
    """The other claim is about the same person or the same family (the same KK)."""
    nik = normalize_number(subject.nik)
    if nik and other.subject_nik is not None and normalize_number(other.subject_nik) == nik:
        return True
    kk = normalize_number(subject.kk or "")
    return bool(kk) and other.subject_kk is not None and normalize_number(other.subject_kk) == kk


def _shared_account_flags(
    subject: ClaimSubject,
    heirs: Sequence[HeirView],
    claim_id: str | None,
    other_payees: Iterable[PayeeAccount],
) -> list[ClaimFlag]:
    payee = next((heir for heir in heirs if heir.is_payee), None)
    if payee is None or not payee.account_digits:
        return []
    account = payee.account_digits
    sharing = sorted(
        (
            other
            for other in other_payees
            if other.claim_id != claim_id
            and normalize_number(other.account) == account
            and not _related(subject, other)
        ),
        key=lambda other: (other.subject_name, other.claim_id),
    )
    if not sharing:
        return []
    finding = Finding.warning(
        "flag.shared_account",
        QT_TRANSLATE_NOOP(
            "Finding",
            "Rekening penerima {account} juga menjadi rekening penerima klaim lain yang tidak "
            "berkaitan: {others}. Pastikan rekening ini memang milik ahli waris.",
        ),
        account=mask_account(account),
        others=", ".join(other.subject_name for other in sharing),
    )
    digest = _digest(account)
    return [ClaimFlag(finding, frozenset(f"{digest}:{other.claim_id}" for other in sharing))]


def _heir_flags(subject: ClaimSubject, heirs: Sequence[HeirView]) -> list[ClaimFlag]:
    flags: list[ClaimFlag] = []
    nik = normalize_number(subject.nik)
    for heir in heirs:
        if nik and heir.nik is not None and normalize_number(heir.nik) == nik:
            flags.append(
                ClaimFlag(
                    Finding.warning(
                        "flag.heir_is_deceased",
                        QT_TRANSLATE_NOOP(
                            "Finding",
                            "NIK ahli waris {heir} sama dengan NIK {name} yang diklaim. Periksa "
                            "NIK ahli waris.",
                        ),
                        heir=heir.name,
                        name=subject.name,
                    ),
                    frozenset({_digest(nik)}),
                )
            )
    payee = next((heir for heir in heirs if heir.is_payee), None)
    ranked = sorted(
        ((heir.relation.order, n, heir) for n, heir in enumerate(heirs) if heir.relation),
        key=lambda entry: entry[:2],
    )
    if payee is None or payee.relation is None or not ranked:
        return flags
    first_order, _, first = ranked[0]
    if first_order < payee.relation.order:
        flags.append(
            ClaimFlag(
                Finding.warning(
                    "flag.payee_order",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Penerima pembayaran {payee} ({relationship}) bukan ahli waris urutan "
                        "pertama: ada {first} ({first_relationship}). Pastikan ada surat kuasa "
                        "atau alasan yang sah.",
                    ),
                    payee=payee.name,
                    relationship=payee.relation.label,
                    first=first.name,
                    first_relationship=first.relation.label if first.relation else "",
                ),
                frozenset({f"{payee.key or payee.name}:{payee.relation.order}>{first_order}"}),
            )
        )
    return flags


def _early_death_flags(subject: ClaimSubject, facts: ClaimFacts, days: int) -> list[ClaimFlag]:
    kind = ClaimKind(facts.kind)
    start = subject.coverage_start
    if not (kind.is_bpjs and kind.is_death) or start is None or days <= 0:
        return []
    after = (facts.event_date - start).days
    if not 0 <= after < days:
        return []
    finding = Finding.warning(
        "flag.early_death",
        QT_TRANSLATE_NOOP(
            "Finding",
            "{name} meninggal {after} hari setelah kepesertaan mulai ({start}). Kematian dalam "
            "{days} hari pertama kepesertaan perlu diperiksa.",
        ),
        name=subject.name,
        after=after,
        start=long_date(start),
        days=days,
    )
    return [ClaimFlag(finding, frozenset({f"{start.isoformat()}/{facts.event_date.isoformat()}"}))]


def _santunan_flags(
    subject: ClaimSubject,
    facts: ClaimFacts,
    regency_code: str,
    table: Iterable[SantunanRules],
) -> list[ClaimFlag]:
    flags: list[ClaimFlag] = []
    regency = RegionCode.parse(regency_code).regency
    try:
        village: RegionCode | None = RegionCode.parse(subject.village_code)
    except DomainError:
        village = None
    if regency is not None and (village is None or not regency.contains(village)):
        flags.append(
            ClaimFlag(
                Finding.warning(
                    "flag.outside_regency",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "{name} tercatat di wilayah {village}, di luar kabupaten {regency}. "
                        "Santunan kematian hanya untuk warga kabupaten ini: periksa alamatnya.",
                    ),
                    name=subject.name,
                    village=subject.village_code.strip(),
                    regency=regency.dotted,
                ),
                frozenset({subject.village_code.strip()}),
            )
        )
    try:
        rules = santunan_rules_on(facts.event_date, regency_code, table=table)
    except DomainError:
        return flags  # refused by eligibility_refusals
    decile = subject.dtsen_decile
    if decile is None:
        flags.append(
            ClaimFlag(
                Finding.warning(
                    "flag.decile_missing",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Desil DTSEN {name} belum dicatat. Isi desilnya dari data DTSEN "
                        "(santunan untuk desil 1 sampai {max}).",
                    ),
                    name=subject.name,
                    max=rules.max_dtsen_decile,
                ),
                frozenset({"missing"}),
            )
        )
    elif decile > rules.max_dtsen_decile:
        flags.append(
            ClaimFlag(
                Finding.warning(
                    "flag.decile_above",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Desil DTSEN {name} adalah {decile}, di atas batas desil {max} untuk "
                        "santunan kematian. Periksa data DTSEN.",
                    ),
                    name=subject.name,
                    decile=decile,
                    max=rules.max_dtsen_decile,
                ),
                frozenset({f"{decile}>{rules.max_dtsen_decile}"}),
            )
        )
    return flags



# Every code of a flag, for filters and tests.
FLAG_CODES = frozenset(
    {
        "flag.shared_account",
        "flag.heir_is_deceased",
        "flag.payee_order",
        "flag.early_death",
        "flag.outside_regency",
        "flag.decile_above",
        "flag.decile_missing",
    }
)
