"""How the sync screens write times, sizes, key fingerprints, refusals and the values of a
conflict."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from desktop.domain import formatting
from desktop.domain.categories import Category, Sex, WorkerStatus
from desktop.domain.findings import QT_TRANSLATE_NOOP
from desktop.domain.identifiers import MASKED_COLUMNS, mask_column
from desktop.domain.tables import column_label
from desktop.services.progress import ProgressFn
from desktop.services.sync import Refusal
from desktop.spreadsheets.columns import FIELD_LABELS
from desktop.ui.i18n import finding_text, translate, ui_language
from desktop.ui.labels import table_label

# The sync service reports its stages by code; the progress dialog shows these words.
STAGES = {
    "export": QT_TRANSLATE_NOOP("Progress", "Menulis paket"),
    "merge": QT_TRANSLATE_NOOP("Progress", "Menggabungkan data"),
    # Shown from the start, before the service reports its first count.
    "check": QT_TRANSLATE_NOOP("Progress", "Memeriksa paket"),
    "enrol": QT_TRANSLATE_NOOP("Progress", "Menulis berkas pendaftaran"),
    "join": QT_TRANSLATE_NOOP("Progress", "Memeriksa berkas pendaftaran"),
}



def stage_progress(progress: ProgressFn, first: str = "") -> ProgressFn:
    """Pass *progress* on with the service's stage codes turned into words to show.

    With *first* (a stage code), that stage is reported at once, so the progress dialog
    names the step before the service reports its first count.
    """

    def report(done: int, total: int, stage: str) -> None:
        progress(done, total, STAGES.get(stage, stage))

    if first:
        report(0, 0, first)
    return report


def local_time(value: datetime | str | None) -> str:
    """A moment (aware, or a UTC text as the database keeps it) in local time: dd-mm-yyyy hh:mm."""
    if value is None or value == "":
        return "–"
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    else:
        moment = value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%d-%m-%Y %H:%M")


def file_size(size: int) -> str:
    """A size in bytes as every screen writes it ("840,0 KB", "12,5 MB"; English "12.5 MB")."""
    return formatting.file_size(size, ui_language())


# Why a bundle was refused, in a few words (the Perangkat tab; the whole message in the
# tooltip), by the refusal's code.
REFUSAL_REASONS = {
    "sync.revoked": QT_TRANSLATE_NOOP("SyncText", "perangkat dicabut"),
    "sync.signature": QT_TRANSLATE_NOOP("SyncText", "tanda tangan tidak sah"),
    "sync.key": QT_TRANSLATE_NOOP("SyncText", "tanda tangan tidak sah"),
    "sync.decrypt": QT_TRANSLATE_NOOP("SyncText", "tidak dapat dibuka"),
    "sync.enrolment_void": QT_TRANSLATE_NOOP("SyncText", "pendaftaran tidak berlaku"),
    "sync.enrolment_expired": QT_TRANSLATE_NOOP("SyncText", "pendaftaran kedaluwarsa"),
    "sync.scope": QT_TRANSLATE_NOOP("SyncText", "data di luar kecamatannya"),
    "sync.moved_away": QT_TRANSLATE_NOOP("SyncText", "peserta sudah pindah kecamatan"),
    "sync.authority": QT_TRANSLATE_NOOP("SyncText", "perubahan di luar wewenangnya"),
    "sync.event": QT_TRANSLATE_NOOP("SyncText", "perubahan di luar wewenangnya"),
    "sync.audit": QT_TRANSLATE_NOOP("SyncText", "perubahan di luar wewenangnya"),
    "sync.vector": QT_TRANSLATE_NOOP("SyncText", "perubahan di luar wewenangnya"),
    "sync.author": QT_TRANSLATE_NOOP("SyncText", "perubahan atas nama perangkat lain"),
    "sync.clock": QT_TRANSLATE_NOOP("SyncText", "jam laptop salah"),
    "sync.schema": QT_TRANSLATE_NOOP("SyncText", "versi Sigap berbeda"),
    "sync.wrong_recipient": QT_TRANSLATE_NOOP("SyncText", "bukan untuk kantor ini"),
    "sync.wrong_regency": QT_TRANSLATE_NOOP("SyncText", "bukan untuk kantor ini"),
    "sync.bundle_reused": QT_TRANSLATE_NOOP("SyncText", "nomor paket dipakai ulang"),
    "sync.alarm": QT_TRANSLATE_NOOP("SyncText", "nomor perubahan dipakai ulang"),
    "sync.bad_value": QT_TRANSLATE_NOOP("SyncText", "nilai yang tidak sah"),
    "sync.unique": QT_TRANSLATE_NOOP("SyncText", "data bentrok dengan data di sini"),
}


def refusal_reason(refusal: Refusal) -> str:
    """Why a bundle was refused, in a few words."""
    reason = REFUSAL_REASONS.get(refusal.finding.code)
    if reason is None:
        return translate("SyncText", "paket rusak atau tidak sah")
    return translate("SyncText", reason)


def refusal_text(refusal: Refusal) -> str:
    """When a device's bundle was last refused, and why in a few words."""
    return translate("SyncText", "{time} · {reason}").format(
        time=local_time(refusal.at), reason=refusal_reason(refusal)
    )


def refusal_details(refusal: Refusal) -> str:
    """The whole refusal: the file and the message shown when it was refused."""
    return translate("SyncText", "{file}: {message}").format(
        file=refusal.file_name, message=finding_text(refusal.finding)
    )


def grouped_fingerprint(fingerprint: str | None) -> str:
    """A key fingerprint in groups of four, easy to read aloud over the phone."""
    if not fingerprint:
        return "–"
    text = fingerprint.upper()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


# The columns of a claim's file a conflict may be about (a kecamatan's late edit held for
# the admin), by the names the Klaim tab gives them.
CLAIM_FIELD_LABELS: dict[str, dict[str, str]] = {
    "claim": {
        "death_certificate_no": QT_TRANSLATE_NOOP("SyncField", "No. akta kematian"),
        "dtsen_decile": QT_TRANSLATE_NOOP("SyncField", "Desil DTSEN"),
        "subject_name": QT_TRANSLATE_NOOP("SyncField", "Nama almarhum/peserta"),
        "subject_name_key": QT_TRANSLATE_NOOP("SyncField", "Nama almarhum/peserta (pencarian)"),
        "subject_nik": QT_TRANSLATE_NOOP("SyncField", "NIK almarhum/peserta"),
        "subject_birth_date": QT_TRANSLATE_NOOP("SyncField", "Tanggal lahir almarhum/peserta"),
        "subject_kk": QT_TRANSLATE_NOOP("SyncField", "No. KK"),
        "event_date": QT_TRANSLATE_NOOP("SyncField", "Tanggal kejadian"),
        "reported_date": QT_TRANSLATE_NOOP("SyncField", "Tanggal dilaporkan"),
        "accident_is_traffic": QT_TRANSLATE_NOOP("SyncField", "Kecelakaan lalu lintas"),
        "days_off": QT_TRANSLATE_NOOP("SyncField", "Hari tidak mampu bekerja"),
        "note": QT_TRANSLATE_NOOP("SyncField", "Catatan"),
    },
    "heir": {
        "name": QT_TRANSLATE_NOOP("SyncField", "Nama ahli waris"),
        "relationship": QT_TRANSLATE_NOOP("SyncField", "Hubungan"),
        "is_payee": QT_TRANSLATE_NOOP("SyncField", "Penerima pembayaran"),
        "bank_name": QT_TRANSLATE_NOOP("SyncField", "Nama bank"),
        "bank_account": QT_TRANSLATE_NOOP("SyncField", "No. rekening"),
        "account_holder": QT_TRANSLATE_NOOP("SyncField", "Nama pemilik rekening"),
        "school_level": QT_TRANSLATE_NOOP("SyncField", "Jenjang sekolah"),
    },
    "claim_document": {
        "received": QT_TRANSLATE_NOOP("SyncField", "Diterima"),
        "received_on": QT_TRANSLATE_NOOP("SyncField", "Tanggal diterima"),
        "note": QT_TRANSLATE_NOOP("SyncField", "Catatan"),
    },
}


def field_label(table: str, field: str) -> str:
    """The name people know a column by (the raw name when unknown)."""
    claim_label = CLAIM_FIELD_LABELS.get(table, {}).get(field)
    if claim_label is not None:
        return translate("SyncField", claim_label)
    return column_label(field, FIELD_LABELS, translate)


def record_label(table: str) -> str:
    """The kind of record a conflict is about ("Peserta", "Wilayah", ...)."""
    return table_label(table)


def value_text(field: str, value: Any, *, full_numbers: bool = False) -> str:
    """One value of a conflict or a worker card as the user reads it; KPJ and bank account
    numbers masked (unless *full_numbers*)."""
    if field == "deleted":
        return (
            translate("SyncText", "dihapus")
            if value
            else translate("SyncText", "ada (tidak dihapus)")
        )
    if value is None or value == "":
        return translate("SyncText", "(kosong)")
    if field in MASKED_COLUMNS and not full_numbers:
        return str(mask_column(field, value))
    if isinstance(value, bool):
        return translate("SyncText", "ya") if value else translate("SyncText", "tidak")
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, datetime):
        return local_time(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    text = str(value)
    if field == "sex":
        try:
            return translate("Sex", Sex(text).label)
        except ValueError:
            return text
    if field == "category":
        try:
            return translate("Category", Category(text).label)
        except ValueError:
            return text
    if field == "status":
        try:
            return translate("WorkerStatus", WorkerStatus(text).label)
        except ValueError:
            return text
    if field.endswith("_date") or field in ("coverage_start", "coverage_end"):
        try:
            return date.fromisoformat(text[:10]).strftime("%d-%m-%Y")
        except ValueError:
            return text
    return text
