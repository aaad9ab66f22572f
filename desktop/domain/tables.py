"""The Indonesian names of Sigap's tables, for messages and screens."""

from __future__ import annotations

from desktop.domain.findings import QT_TRANSLATE_NOOP

# Table names as HealthService.counts() returns them, in the order the reports show them.
TABLE_LABELS: dict[str, str] = {
    "region": QT_TRANSLATE_NOOP("Table", "Wilayah"),
    "worker": QT_TRANSLATE_NOOP("Table", "Peserta"),
    "coverage_target": QT_TRANSLATE_NOOP("Table", "Target cakupan"),
    "claim": QT_TRANSLATE_NOOP("Table", "Klaim"),
    "claim_event": QT_TRANSLATE_NOOP("Table", "Langkah klaim"),
    "heir": QT_TRANSLATE_NOOP("Table", "Ahli waris"),
    "claim_document": QT_TRANSLATE_NOOP("Table", "Dokumen klaim"),
    "letter": QT_TRANSLATE_NOOP("Table", "Surat"),
    "app_user": QT_TRANSLATE_NOOP("Table", "Pengguna"),
    "setting": QT_TRANSLATE_NOOP("Table", "Pengaturan"),
    "audit_entry": QT_TRANSLATE_NOOP("Table", "Catatan audit"),
    "change_log": QT_TRANSLATE_NOOP("Table", "Log perubahan"),
    "conflict": QT_TRANSLATE_NOOP("Table", "Konflik sinkronisasi"),
    "device": QT_TRANSLATE_NOOP("Table", "Perangkat"),
}


def table_name(name: str) -> str:
    """The Indonesian name of a table (the raw name when unknown), untranslated."""
    return TABLE_LABELS.get(name, name)
