"""The Indonesian names of Sigap's tables, for messages and screens."""

from __future__ import annotations

from collections.abc import Callable, Mapping

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
    "claim_flag_clearance": QT_TRANSLATE_NOOP("Table", "Tanda klaim yang dihapus"),
    "letter": QT_TRANSLATE_NOOP("Table", "Surat"),
    "app_user": QT_TRANSLATE_NOOP("Table", "Pengguna"),
    "setting": QT_TRANSLATE_NOOP("Table", "Pengaturan"),
    "holiday": QT_TRANSLATE_NOOP("Table", "Hari libur"),
    "audit_entry": QT_TRANSLATE_NOOP("Table", "Catatan audit"),
    "change_log": QT_TRANSLATE_NOOP("Table", "Log perubahan"),
    "conflict": QT_TRANSLATE_NOOP("Table", "Konflik sinkronisasi"),
    "device": QT_TRANSLATE_NOOP("Table", "Perangkat"),
}


def table_name(name: str) -> str:
    """The Indonesian name of a table (the raw name when unknown), untranslated."""
    return TABLE_LABELS.get(name, name)


# Stored columns of synced tables by the names people know them (a sync conflict, the
# command line's `sync conflicts`); the roster import's FIELD_LABELS name the rest.
SYNC_FIELD_LABELS: dict[str, str] = {
    "deleted": QT_TRANSLATE_NOOP("SyncField", "Dihapus"),
    "status": QT_TRANSLATE_NOOP("SyncField", "Status"),
    "status_reason": QT_TRANSLATE_NOOP("SyncField", "Alasan status"),
    "death_date": QT_TRANSLATE_NOOP("SyncField", "Tanggal meninggal"),
    "village_code": QT_TRANSLATE_NOOP("SyncField", "Desa/kelurahan"),
    "district_code": QT_TRANSLATE_NOOP("SyncField", "Kecamatan"),
    "subcategory": QT_TRANSLATE_NOOP("SyncField", "Sub-kategori"),
    "programmes": QT_TRANSLATE_NOOP("SyncField", "Program"),
    "declared_income": QT_TRANSLATE_NOOP("SyncField", "Penghasilan"),
    "funding_source": QT_TRANSLATE_NOOP("SyncField", "Sumber dana"),
    "merged_into": QT_TRANSLATE_NOOP("SyncField", "Digabung ke"),
    "value": QT_TRANSLATE_NOOP("SyncField", "Nilai"),
    "target": QT_TRANSLATE_NOOP("SyncField", "Target"),
}


def column_label(
    field: str, roster_labels: Mapping[str, str], translate: Callable[[str, str], str]
) -> str:
    """The name people know a stored column by (the raw name when unknown).

    The stored columns' own names first: a worker's village_code is its desa, even though
    an exported sheet has a separate "Kode desa/kelurahan" column (*roster_labels*, the
    roster import's field labels, name the rest).
    """
    if field in SYNC_FIELD_LABELS:
        return translate("SyncField", SYNC_FIELD_LABELS[field])
    if field in roster_labels and field != "village":
        return translate("RosterField", roster_labels[field])
    return field
