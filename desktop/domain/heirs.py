"""Heirs (ahli waris) of a death claim: their relationship, its legal order, and the payee.

The order is PP 82/2019's (PRODUCT.md): spouse and children first; blood relatives in the
straight line to the second degree (parents, grandparents, grandchildren); siblings;
in-laws; a person named in a will. An heir of a later order is paid only when there is
none of an earlier one; a payee of a later order is flagged for review
(desktop.domain.claim_rules).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from desktop.domain.documents import DocumentCondition
from desktop.domain.findings import QT_TRANSLATE_NOOP, Finding
from desktop.domain.identifiers import normalize_number


class Relationship(StrEnum):
    """An heir's relationship to the deceased (values as stored in ``heir.relationship``)."""

    SUAMI = "suami"
    ISTRI = "istri"
    ANAK = "anak"
    ORANG_TUA = "orang_tua"
    KAKEK_NENEK = "kakek_nenek"
    CUCU = "cucu"
    SAUDARA_KANDUNG = "saudara_kandung"
    MERTUA = "mertua"
    PENERIMA_WASIAT = "penerima_wasiat"

    @property
    def label(self) -> str:
        """Indonesian label."""
        return _LABELS[self]

    @property
    def order(self) -> int:
        """The legal order, 1 (spouse, children) to 5 (named in a will)."""
        return HEIR_ORDER[self]

    @property
    def is_spouse(self) -> bool:
        """True for a husband or wife."""
        return self in (Relationship.SUAMI, Relationship.ISTRI)


_LABELS: Mapping[Relationship, str] = MappingProxyType(
    {
        Relationship.SUAMI: QT_TRANSLATE_NOOP("Relationship", "Suami"),
        Relationship.ISTRI: QT_TRANSLATE_NOOP("Relationship", "Istri"),
        Relationship.ANAK: QT_TRANSLATE_NOOP("Relationship", "Anak"),
        Relationship.ORANG_TUA: QT_TRANSLATE_NOOP("Relationship", "Orang tua"),
        Relationship.KAKEK_NENEK: QT_TRANSLATE_NOOP("Relationship", "Kakek/nenek"),
        Relationship.CUCU: QT_TRANSLATE_NOOP("Relationship", "Cucu"),
        Relationship.SAUDARA_KANDUNG: QT_TRANSLATE_NOOP("Relationship", "Saudara kandung"),
        Relationship.MERTUA: QT_TRANSLATE_NOOP("Relationship", "Mertua"),
        Relationship.PENERIMA_WASIAT: QT_TRANSLATE_NOOP(
            "Relationship", "Pihak yang ditunjuk dalam wasiat"
        ),
    }
)

HEIR_ORDER: Mapping[Relationship, int] = MappingProxyType(
    {
        Relationship.SUAMI: 1,
        Relationship.ISTRI: 1,
        Relationship.ANAK: 1,
        Relationship.ORANG_TUA: 2,
        Relationship.KAKEK_NENEK: 2,
        Relationship.CUCU: 2,
        Relationship.SAUDARA_KANDUNG: 3,
        Relationship.MERTUA: 4,
        Relationship.PENERIMA_WASIAT: 5,
    }
)


def relationship_of(text: str) -> Relationship | None:
    """The relationship named by a value or label ("istri", "Saudara kandung"), else None."""
    key = " ".join(text.strip().lower().replace("_", " ").split())
    for relationship in Relationship:
        if key in (relationship.value.replace("_", " "), relationship.label.lower()):
            return relationship
    return None


@dataclass(frozen=True)
class HeirView:
    """What the rules need of an heir; ``key`` identifies it (the heir row's id)."""

    name: str
    relationship: str
    nik: str | None = None
    is_payee: bool = False
    bank_account: str | None = None
    key: str = ""

    @property
    def relation(self) -> Relationship | None:
        """The relationship, None when it is not one Sigap knows."""
        return relationship_of(self.relationship)

    @property
    def account_digits(self) -> str:
        """The bank account number without spaces, dots or dashes ("" when none)."""
        return normalize_number(self.bank_account or "")


def payee_of(heirs: Iterable[HeirView]) -> HeirView | None:
    """The heir marked as payee (the first one, should there be more), or None."""
    return next((heir for heir in heirs if heir.is_payee), None)


def heir_findings(heirs: Iterable[HeirView]) -> tuple[Finding, ...]:
    """What is wrong with a claim's heirs as a whole: errors for an unknown relationship,
    more than one payee, or a payee without a bank account."""
    listed = tuple(heirs)
    findings: list[Finding] = []
    for heir in listed:
        if heir.relation is None:
            findings.append(
                Finding.error(
                    "heir.relationship",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        'Hubungan ahli waris {name} "{relationship}" tidak dikenal. Pilih salah '
                        "satu: {known}.",
                    ),
                    name=heir.name,
                    relationship=heir.relationship,
                    known=", ".join(r.label for r in Relationship),
                )
            )
    payees = [heir for heir in listed if heir.is_payee]
    if len(payees) > 1:
        findings.append(
            Finding.error(
                "heir.payees",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Hanya satu ahli waris yang boleh menjadi penerima pembayaran; kini ada {count}"
                    " ({names}). Pilih satu.",
                ),
                count=len(payees),
                names=", ".join(heir.name for heir in payees),
            )
        )
    for payee in payees:
        if not payee.account_digits:
            findings.append(
                Finding.error(
                    "heir.no_account",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Penerima pembayaran {name} belum memiliki nomor rekening. Isi nama bank,"
                        " nomor rekening dan nama pemilik rekening.",
                    ),
                    name=payee.name,
                )
            )
    return tuple(findings)


def document_conditions(
    heirs: Iterable[HeirView], *, traffic_accident: bool = False
) -> frozenset[DocumentCondition]:
    """The circumstances that make conditional checklist items required: a spouse among
    the heirs (buku nikah), a traffic accident (laporan polisi)."""
    conditions: set[DocumentCondition] = set()
    if any(heir.relation is not None and heir.relation.is_spouse for heir in heirs):
        conditions.add(DocumentCondition.SPOUSE_HEIR)
    if traffic_accident:
        conditions.add(DocumentCondition.TRAFFIC_ACCIDENT)
    return frozenset(conditions)
