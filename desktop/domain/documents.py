"""The documents a claim file needs, per kind of claim (PRODUCT.md; Perbup OKI 17/2025)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from desktop.domain.findings import QT_TRANSLATE_NOOP


class DocumentItem(StrEnum):
    """One item of a claim's document checklist."""

    KARTU_BPJS = "kartu_bpjs"
    KTP_PESERTA = "ktp_peserta"
    KTP_AHLI_WARIS = "ktp_ahli_waris"
    AKTA_KEMATIAN = "akta_kematian"
    KARTU_KELUARGA = "kartu_keluarga"
    SURAT_AHLI_WARIS = "surat_ahli_waris"
    BUKU_NIKAH = "buku_nikah"
    BUKU_TABUNGAN = "buku_tabungan"
    KRONOLOGI = "kronologi_kecelakaan"
    LAPORAN_AWAL = "laporan_awal_2x24_jam"
    FORMULIR_DOKTER = "formulir_dokter"
    KUITANSI = "kuitansi_biaya"
    LAPORAN_POLISI = "laporan_polisi"
    SKTM = "sktm"

    @property
    def label(self) -> str:
        """Indonesian name of the document."""
        return _LABELS[self]


_LABELS: Mapping[DocumentItem, str] = MappingProxyType(
    {
        DocumentItem.KARTU_BPJS: QT_TRANSLATE_NOOP(
            "Document", "Kartu peserta BPJS Ketenagakerjaan"
        ),
        DocumentItem.KTP_PESERTA: QT_TRANSLATE_NOOP("Document", "e-KTP peserta"),
        DocumentItem.KTP_AHLI_WARIS: QT_TRANSLATE_NOOP("Document", "e-KTP ahli waris"),
        DocumentItem.AKTA_KEMATIAN: QT_TRANSLATE_NOOP("Document", "Akta kematian"),
        DocumentItem.KARTU_KELUARGA: QT_TRANSLATE_NOOP("Document", "Kartu keluarga"),
        DocumentItem.SURAT_AHLI_WARIS: QT_TRANSLATE_NOOP(
            "Document", "Surat keterangan ahli waris"
        ),
        DocumentItem.BUKU_NIKAH: QT_TRANSLATE_NOOP("Document", "Buku nikah (bagi pasangan)"),
        DocumentItem.BUKU_TABUNGAN: QT_TRANSLATE_NOOP("Document", "Buku tabungan ahli waris"),
        DocumentItem.KRONOLOGI: QT_TRANSLATE_NOOP("Document", "Kronologi kecelakaan"),
        DocumentItem.LAPORAN_AWAL: QT_TRANSLATE_NOOP("Document", "Laporan awal (2×24 jam)"),
        DocumentItem.FORMULIR_DOKTER: QT_TRANSLATE_NOOP("Document", "Formulir keterangan dokter"),
        DocumentItem.KUITANSI: QT_TRANSLATE_NOOP("Document", "Kuitansi biaya pengobatan"),
        DocumentItem.LAPORAN_POLISI: QT_TRANSLATE_NOOP(
            "Document", "Laporan polisi (kecelakaan lalu lintas)"
        ),
        DocumentItem.SKTM: QT_TRANSLATE_NOOP("Document", "Surat keterangan tidak mampu (SKTM)"),
    }
)

_DEATH = (
    DocumentItem.KARTU_BPJS,
    DocumentItem.KTP_PESERTA,
    DocumentItem.KTP_AHLI_WARIS,
    DocumentItem.AKTA_KEMATIAN,
    DocumentItem.KARTU_KELUARGA,
    DocumentItem.SURAT_AHLI_WARIS,
    DocumentItem.BUKU_NIKAH,
    DocumentItem.BUKU_TABUNGAN,
)
_ACCIDENT = (
    DocumentItem.KARTU_BPJS,
    DocumentItem.KTP_PESERTA,
    DocumentItem.KRONOLOGI,
    DocumentItem.LAPORAN_AWAL,
    DocumentItem.FORMULIR_DOKTER,
    DocumentItem.KUITANSI,
    DocumentItem.LAPORAN_POLISI,
)

CHECKLISTS: Mapping[str, tuple[DocumentItem, ...]] = MappingProxyType(
    {
        "jkm": _DEATH,
        "jkk_meninggal": (*_DEATH, DocumentItem.KRONOLOGI, DocumentItem.LAPORAN_POLISI),
        "jkk_cacat_total": _ACCIDENT,
        "jkk_stmb": _ACCIDENT,
        "santunan_kematian": (
            DocumentItem.SKTM,
            DocumentItem.AKTA_KEMATIAN,
            DocumentItem.KTP_PESERTA,
            DocumentItem.KTP_AHLI_WARIS,
            DocumentItem.KARTU_KELUARGA,
            DocumentItem.BUKU_TABUNGAN,
        ),
    }
)
"""Checklist per claim kind (keys are ``ClaimKind`` values)."""


def checklist(kind: str) -> tuple[DocumentItem, ...]:
    """Return the documents a claim of *kind* needs (empty for an unknown kind)."""
    return CHECKLISTS.get(kind, ())


# --- The file of one claim: what is required, what is missing, when it became complete ---


class DocumentCondition(StrEnum):
    """A circumstance of a claim that makes a conditional checklist item required."""

    SPOUSE_HEIR = "spouse_heir"
    TRAFFIC_ACCIDENT = "traffic_accident"


# Items a checklist lists that are needed only in some circumstances: the marriage book
# only when a spouse is among the heirs, the police report only for a traffic accident.
CONDITIONAL_ITEMS: Mapping[DocumentItem, DocumentCondition] = MappingProxyType(
    {
        DocumentItem.BUKU_NIKAH: DocumentCondition.SPOUSE_HEIR,
        DocumentItem.LAPORAN_POLISI: DocumentCondition.TRAFFIC_ACCIDENT,
    }
)


@dataclass(frozen=True)
class DocumentState:
    """One checklist item of a claim: received on a day, or not (``received_on`` None).

    An item counts as received only with its day: the day is what dates the file's
    completion and starts the clock.
    """

    item: DocumentItem
    received_on: date | None = None
    note: str | None = None

    @property
    def received(self) -> bool:
        """True when the item has been received (on ``received_on``)."""
        return self.received_on is not None


def required_documents(
    kind: str, conditions: Iterable[DocumentCondition] | None = None
) -> tuple[DocumentItem, ...]:
    """The items a claim of *kind* must have, in checklist order.

    *conditions*: the circumstances that hold for this claim; a conditional item
    (:data:`CONDITIONAL_ITEMS`) is required only when its condition is among them. None
    means the circumstances are not known: every item of the checklist is required.
    """
    items = checklist(kind)
    if conditions is None:
        return items
    holding = frozenset(conditions)
    return tuple(
        item
        for item in items
        if item not in CONDITIONAL_ITEMS or CONDITIONAL_ITEMS[item] in holding
    )


def _received_days(documents: Iterable[DocumentState]) -> dict[DocumentItem, date]:
    days: dict[DocumentItem, date] = {}
    for document in documents:
        if document.received_on is not None:
            item = DocumentItem(document.item)
            # The same item given twice (it should not be): the earliest day it arrived.
            known = days.get(item)
            days[item] = document.received_on if known is None else min(known, document.received_on)
    return days


def missing_documents(
    kind: str,
    documents: Iterable[DocumentState],
    conditions: Iterable[DocumentCondition] | None = None,
) -> tuple[DocumentItem, ...]:
    """The required items of a claim of *kind* not yet received, in checklist order."""
    received = _received_days(documents)
    return tuple(item for item in required_documents(kind, conditions) if item not in received)


def completed_on(
    kind: str,
    documents: Iterable[DocumentState],
    conditions: Iterable[DocumentCondition] | None = None,
) -> date | None:
    """The day the file became complete: the latest day a required item was received.

    None while any required item is missing. Items that are not required (or not on the
    kind's checklist) do not date the file.
    """
    received = _received_days(documents)
    days: list[date] = []
    for item in required_documents(kind, conditions):
        day = received.get(item)
        if day is None:
            return None
        days.append(day)
    return max(days) if days else None


def document_labels(items: Iterable[DocumentItem]) -> str:
    """The items' Indonesian names joined by commas, for a message."""
    return ", ".join(DocumentItem(item).label for item in items)
