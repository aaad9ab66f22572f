"""The documents a claim file needs, per kind of claim (PRODUCT.md; Perbup OKI 17/2025)."""

from __future__ import annotations

from collections.abc import Mapping
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
