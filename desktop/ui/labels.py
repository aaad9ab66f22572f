"""Names the user sees for things the services identify by code (tables, office kinds ...)."""

from __future__ import annotations

from desktop.domain.findings import QT_TRANSLATE_NOOP
from desktop.ui.i18n import translate

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


def table_label(name: str) -> str:
    """Return the translated name of a database table (the raw name when unknown)."""
    label = TABLE_LABELS.get(name)
    return translate("Table", label) if label else name


def ordered_tables(counts: dict[str, int]) -> list[str]:
    """Return the table names of *counts*, known tables first in their usual order."""
    known = [name for name in TABLE_LABELS if name in counts]
    return known + sorted(name for name in counts if name not in TABLE_LABELS)
