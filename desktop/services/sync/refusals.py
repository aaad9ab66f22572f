"""Why a sync step refused, in words for the user: :class:`SyncRefused` and the messages of
every refusal (a bundle that cannot be read, written or trusted), with the labels that name
rows and days in them."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from desktop.domain.claims import ClaimKind, ClaimStatus
from desktop.domain.documents import DocumentItem, document_labels
from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding
from desktop.domain.formatting import file_size
from desktop.domain.tables import table_name
from desktop.sync.changes import ValueRefused
from desktop.sync.errors import BundleError
from desktop.sync.keys import PublicKeys
from desktop.sync.merge import MergeAlarm

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RefusedBundle:
    """The bundle a refusal is about, as its header names it (kept in the bundle log, so
    the hub's Perangkat tab can say that a laptop's bundle was refused, and why)."""

    bundle_id: str
    sender_device: str
    file_name: str
    size: int


class SyncRefused(DomainError):
    """A sync step refused: the message says why and what to do; nothing was changed.

    ``bundle`` names the refused bundle once its header was read (None before that, and
    for refusals that are not about a received bundle).
    """

    bundle: RefusedBundle | None = None


def _refuse(code: str, template: str, /, **params: object) -> SyncRefused:
    return SyncRefused(Finding.error(code, template, **params))


@contextlib.contextmanager
def about_bundle(header: Any, name: str, size: int) -> Iterator[None]:
    """Name the bundle (by its *header*) in the refusals raised inside."""
    try:
        yield
    except SyncRefused as refused:
        if refused.bundle is None:
            refused.bundle = RefusedBundle(
                str(header.bundle_id), str(header.sender_device), name, int(size)
            )
        raise


_BUNDLE_MESSAGES: dict[str, str] = {
    "bundle.not_a_bundle": QT_TRANSLATE_NOOP(
        "Finding", "Berkas {name} bukan paket sinkronisasi Sigap. Pilih berkas berakhiran .sigap."
    ),
    "bundle.version": QT_TRANSLATE_NOOP(
        "Finding",
        "Paket {name} dibuat dengan format yang tidak dikenal oleh versi Sigap ini. "
        "Perbarui Sigap di kedua kantor ke versi yang sama.",
    ),
    "bundle.truncated": QT_TRANSLATE_NOOP(
        "Finding",
        "Paket {name} tidak lengkap (terpotong, mungkin flashdisk dicabut saat menyalin). "
        "Minta kantor pengirim mengekspor ulang.",
    ),
    "bundle.signature": QT_TRANSLATE_NOOP(
        "Finding",
        "Tanda tangan paket {name} tidak sah: paket diubah setelah dibuat atau bukan dari "
        "perangkat yang terdaftar. Paket ditolak; minta kantor pengirim mengekspor ulang.",
    ),
    "bundle.decrypt": QT_TRANSLATE_NOOP(
        "Finding",
        "Paket {name} tidak dapat dibuka dengan kunci kantor ini (rusak, atau dibuat untuk "
        "perangkat lain). Minta kantor pengirim mengekspor ulang.",
    ),
    "bundle.too_big": QT_TRANSLATE_NOOP(
        "Finding", "Paket {name} terlalu besar ({size}); batasnya {limit}."
    ),
    "bundle.no_space": QT_TRANSLATE_NOOP(
        "Finding",
        "Ruang kosong di tujuan tidak cukup: perlu {need}, tersedia {free}. "
        "Kosongkan flashdisk atau pilih tujuan lain.",
    ),
    "bundle.write_verify": QT_TRANSLATE_NOOP(
        "Finding",
        "Salinan paket di flashdisk tidak sama dengan aslinya (flashdisk rusak?). "
        "Salinan dihapus; coba flashdisk lain.",
    ),
}
_BUNDLE_MESSAGES["bundle.record_too_big"] = QT_TRANSLATE_NOOP(
    "Finding",
    "Paket {name} berisi satu catatan sebesar {size}, melebihi batas {limit} per catatan. "
    "Paket ditolak; tidak ada data yang berubah. Minta kantor pengirim memeriksa datanya "
    "lalu mengekspor ulang.",
)
_BUNDLE_MESSAGES["bundle.io"] = QT_TRANSLATE_NOOP(
    "Finding",
    "Berkas {name} tidak dapat dibaca atau ditulis (flashdisk dicabut atau rusak?). "
    "Periksa flashdisk, lalu coba lagi.",
)
_BUNDLE_MESSAGES["bundle.changed"] = QT_TRANSLATE_NOOP(
    "Finding",
    "Berkas {name} berubah ukuran saat disalin (masih ditulis?). Tunggu penyalinan selesai, "
    "lalu coba lagi.",
)
_BUNDLE_MESSAGES["bundle.not_a_file"] = QT_TRANSLATE_NOOP(
    "Finding", "{name} bukan berkas biasa. Pilih berkas paket berakhiran .sigap."
)
_BUNDLE_MESSAGES["bundle.key"] = QT_TRANSLATE_NOOP(
    "Finding",
    "Kunci perangkat di paket {name} tidak sah. Paket ditolak; minta kantor pengirim "
    "mengekspor ulang.",
)
_CORRUPT = QT_TRANSLATE_NOOP(
    "Finding",
    "Paket {name} rusak dan tidak dapat dibaca. Minta kantor pengirim mengekspor ulang.",
)


def _bundle_refusal(error: BundleError, name: str) -> SyncRefused:
    template = _BUNDLE_MESSAGES.get(error.code, _CORRUPT)
    params = {"name": name, "size": "", "limit": "", "need": "", "free": ""}
    for key in ("size", "limit", "need", "free"):
        value = error.params.get(key)
        if isinstance(value, int):
            params[key] = file_size(value)
    log.info("bundle refused: %s (%s)", error.code, error)
    return _refuse(error.code.replace("bundle.", "sync."), template, **params)


def _target_refusal(error: BundleError, target: Path) -> SyncRefused:
    """A bundle that cannot be written as *target* (:func:`deliver`'s errors)."""
    if error.code != "bundle.target_not_file":
        return _bundle_refusal(error, target.name)
    log.warning("bundle not written: a link or not a plain file at the target")
    return _refuse(
        "sync.target_not_file",
        QT_TRANSLATE_NOOP(
            "Finding",
            "Di tujuan sudah ada {name} yang berupa tautan (symlink) atau bukan berkas biasa. "
            "Sigap tidak menulis lewat tautan karena bisa menimpa berkas lain, misalnya basis "
            "data. Hapus {name} atau pilih folder lain, lalu coba lagi.",
        ),
        name=str(target.parent / str(error.params.get("file", target.name))),
    )


def _value_refusal(refused: ValueRefused, name: str) -> SyncRefused:
    log.info("bundle refused: a value of %s.%s does not fit", refused.table, refused.column)
    return _refuse(
        "sync.bad_value",
        QT_TRANSLATE_NOOP(
            "Finding",
            "Paket {name} berisi nilai yang tidak sah: kolom {column} pada data {table} "
            "{row} harus berupa {expected}. Paket ditolak seluruhnya dan tidak ada yang "
            "berubah; minta kantor pengirim memperbarui Sigap, memeriksa data itu, lalu "
            "mengekspor ulang.",
        ),
        name=name,
        column=refused.column,
        table=table_name(refused.table),
        row=refused.row_id[-8:],
        expected=refused.expected,
    )


def _alarm_refusal(alarm: MergeAlarm) -> SyncRefused:
    """A change id that repeats with other content: the whole bundle is refused."""
    return _refuse(
        "sync.alarm",
        QT_TRANSLATE_NOOP(
            "Finding",
            "PERINGATAN: paket berisi perubahan {ref} yang nomornya sama dengan "
            "perubahan yang sudah ada tetapi isinya berbeda. Paket ditolak. Laporkan ke "
            "admin kabupaten: perangkat itu mungkin dipulihkan dari cadangan lama atau "
            "disalin.",
        ),
        ref=f"{alarm.device[-8:]}:{alarm.seq}",
    )


def _revoked_refusal(device: str, office: str) -> SyncRefused:
    """A bundle from a revoked device."""
    return _refuse(
        "sync.revoked",
        QT_TRANSLATE_NOOP(
            "Finding",
            "Perangkat {device} ({office}) sudah dicabut; paketnya ditolak. Daftarkan "
            "ulang kecamatan itu bila perangkatnya dipakai lagi.",
        ),
        device=device[-8:],
        office=office,
    )


def _pin_refusal(
    sender: Mapping[str, Any], theirs: str, pinned: PublicKeys, name: str
) -> SyncRefused:
    """A bundle naming a device whose keys are pinned, with other keys. At the hub, when
    a kecamatan's enrolment was used by a copy first (a stick copied with its code), this
    is the real laptop refused: the admin compares the fingerprints and can start over."""
    if sender.get("office_kind") != "kecamatan":
        return _bundle_refusal(BundleError("bundle.signature", "key pin"), name)
    return _refuse(
        "sync.signature",
        QT_TRANSLATE_NOOP(
            "Finding",
            "Paket {name} mengaku dari {office} ({district}) tetapi memakai kunci perangkat "
            "lain (sidik kunci {theirs}), bukan kunci yang tersemat untuk perangkat itu di "
            "kantor ini (sidik kunci {pinned}). Paket ditolak. Bandingkan dengan sidik kunci "
            "di layar Sinkronisasi laptop kecamatan itu: bila kunci yang tersemat bukan "
            "milik laptop yang sah, cabut perangkat {device} dan daftarkan ulang kecamatan itu.",
        ),
        name=name,
        office=str(sender.get("name", "")),
        district=str(sender.get("region_code", "")),
        theirs=_grouped(theirs),
        pinned=_grouped(pinned.fingerprint),
        device=str(sender.get("id", ""))[-8:],
    )


def _grouped(fingerprint: str) -> str:
    """A key fingerprint in groups of four, as the screens show it."""
    text = fingerprint.upper()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def _unknown_device(device: str) -> SyncRefused:
    return _refuse(
        "sync.unknown_device",
        QT_TRANSLATE_NOOP("Finding", "Perangkat {device} tidak dikenal di kantor ini."),
        device=device[-8:],
    )


def _table_label(name: str) -> str:
    return table_name(name)


def _stamp_day(hlc: str) -> str:
    """The day a clock stamp names, as people write it (the stamp itself when unreadable)."""
    try:
        moment = datetime.fromtimestamp(int(float(hlc)) / 1000, UTC)
    except (ValueError, OverflowError, OSError):
        return hlc
    return moment.strftime("%d-%m-%Y")


def _row_label(conn: Connection, table_name: str, row_id: str) -> str:
    if table_name == "worker":
        row = conn.exec_driver_sql("SELECT name, nik FROM worker WHERE id = ?", (row_id,)).first()
        if row is None:  # a worker the bundle itself creates: named by its staged change
            with contextlib.suppress(Exception):
                row = conn.exec_driver_sql(
                    "SELECT json_extract(fields, '$.name[1]'), json_extract(fields, '$.nik[1]') "
                    "FROM stage.fresh WHERE row_id = ? AND json_extract(fields, '$.name') "
                    "IS NOT NULL ORDER BY device_seq DESC LIMIT 1",
                    (row_id,),
                ).first()
        if row:
            return f"{row[0]} (NIK …{str(row[1])[-4:]})"
    if table_name == "region":
        row = conn.exec_driver_sql("SELECT name, code FROM region WHERE id = ?", (row_id,)).first()
        if row:
            return f"{row[0]} ({row[1]})"
    if table_name == "claim":
        name = conn.exec_driver_sql(
            "SELECT coalesce(c.subject_name, w.name) FROM claim c "
            "LEFT JOIN worker w ON w.id = c.worker_id WHERE c.id = ?",
            (row_id,),
        ).scalar()
        if name is None:  # a claim the bundle itself opens: named by its staged change
            with contextlib.suppress(Exception):
                name = conn.exec_driver_sql(
                    "SELECT json_extract(fields, '$.subject_name[1]') FROM stage.fresh "
                    "WHERE row_id = ? AND json_extract(fields, '$.subject_name') IS NOT NULL "
                    "ORDER BY device_seq DESC LIMIT 1",
                    (row_id,),
                ).scalar()
        if name:
            return f"{_table_label(table_name)} {name} ({row_id[-8:]})"
    if table_name == "setting":
        key = conn.exec_driver_sql("SELECT key FROM setting WHERE id = ?", (row_id,)).scalar()
        if key:
            return str(key)
    if table_name in _CLAIM_RECORDS:
        label = _claim_record_label(conn, table_name, row_id)
        if label:
            return label
    return f"{_table_label(table_name)} {row_id[-8:]}"


# A claim's records, named by what they are and by their claim ("Ahli waris Siti — klaim
# Santunan Kematian Budi (…1a2b3c4d)"): the column that says what the record is.
_CLAIM_RECORDS = {
    "heir": "name",
    "claim_document": "item",
    "claim_event": "status",
    "claim_flag_clearance": "code",
}


def _claim_record_label(conn: Connection, table_name: str, row_id: str) -> str | None:
    column = _CLAIM_RECORDS[table_name]
    row = conn.exec_driver_sql(
        f"SELECT t.{column}, c.id, c.kind, coalesce(c.subject_name, w.name) FROM {table_name} t "
        "JOIN claim c ON c.id = t.claim_id LEFT JOIN worker w ON w.id = c.worker_id "
        "WHERE t.id = ?",
        (row_id,),
    ).first()
    if row is None:
        return None
    what, claim_id, kind, name = row
    if table_name == "claim_document":
        with contextlib.suppress(ValueError):
            what = document_labels([DocumentItem(str(what))])
    elif table_name == "claim_event":
        with contextlib.suppress(ValueError):
            what = ClaimStatus(str(what)).label
    try:
        kind_label = ClaimKind(str(kind)).label
    except ValueError:
        kind_label = str(kind)
    return (
        f"{_table_label(table_name)} {what} — klaim {kind_label} {name or ''} "
        f"(…{str(claim_id)[-8:]})"
    )
