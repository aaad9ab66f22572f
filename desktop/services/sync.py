"""Sync by USB bundles: enrolment, export, import, conflicts and duplicates.

The hub (regency office) and each kecamatan laptop exchange signed, encrypted bundles (see
:mod:`desktop.sync.bundle`). A bundle carries every change the receiver has not acknowledged
in the receiver's scope; the receiver checks it completely (size, signature, key pin,
receiver, regency, schema, then every record into a staging file) before it backs up the
database and merges it in one transaction (see :mod:`desktop.sync.merge`).
"""

from __future__ import annotations

import base64
import contextlib
import glob
import hashlib
import logging
import re
import secrets
import shutil
import sqlite3
import weakref
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy import Boolean, Connection, Date, DateTime, Engine, Table

from desktop.domain.backups import backups_to_keep
from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding
from desktop.domain.regions import RegionCode, RegionLevel
from desktop.domain.settings import BACKUPS_KEPT, ENROLMENT_VALID_DAYS, parse_setting
from desktop.domain.tables import table_name
from desktop.domain.units import unit_of
from desktop.services.office import OfficeInfo, OfficeKind, OfficeService
from desktop.services.permissions import Actor, Permission, require
from desktop.services.progress import Cancelled
from desktop.store import files, models, queries
from desktop.store.database import backup_database, head_revision
from desktop.store.hlc import HybridClock, vv_dumps, vv_loads, vv_merge
from desktop.store.ids import new_id
from desktop.store.unit_of_work import UnitOfWork, set_journal_mode, table_of, utc_now
from desktop.sync import bundle as bundles
from desktop.sync.authority import AuthorityRefused
from desktop.sync.changes import (
    RecordError,
    Scope,
    Selection,
    ValueRefused,
    ack_vector,
    cap_vector,
    decode_record,
    dominated_by,
    select_changes,
)
from desktop.sync.errors import BundleError
from desktop.sync.keys import DeviceKeys, PublicKeys
from desktop.sync.merge import (
    ForeignAuthor,
    MalformedChange,
    MergeAlarm,
    MergeCancelled,
    MergeLimits,
    Merger,
    MergeSummary,
    MovedAway,
    ScopeViolation,
    Staging,
    UniqueClash,
    db_time,
    stamp_plausibility,
)
from desktop.sync.transport import bundle_file_name, check_target, deliver, fetch

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]

MAX_BUNDLE_BYTES = bundles.MAX_BUNDLE_SIZE
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
CODE_LENGTH = 12
# Enrolment verifiers (hub) and proofs (laptop) of this Sigap: an Ed25519 key and signature.
PROOF_PREFIX = "ed25519:"
# Scratch files (bundle copies, staging) are held by the process using them (see
# desktop.store.files): one that no live process holds and nobody wrote for SCRATCH_IDLE_S
# (the instant between its creation and its hold) is a leftover of a killed import and is
# deleted when services open the database and before each import. Where holds cannot be
# told (a file system without locks), only after SCRATCH_MAX_AGE_S.
SCRATCH_IDLE_S = 60
SCRATCH_MAX_AGE_S = 12 * 3600
# Bundles from this many changes are applied through the rollback journal (see _apply).
BIG_BUNDLE_CHANGES = 50_000


class SyncRefused(DomainError):
    """A sync step refused: the message says why and what to do; nothing was changed."""


def _refuse(code: str, template: str, /, **params: object) -> SyncRefused:
    return SyncRefused(Finding.error(code, template, **params))


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
            params[key] = f"{value / 1_048_576:,.1f} MB"
    log.info("bundle refused: %s (%s)", error.code, error)
    return _refuse(error.code.replace("bundle.", "sync."), template, **params)


# The files SQLite keeps beside a database.
_COMPANIONS = ("-wal", "-shm", "-journal")


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


# ---- results -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Enrollment:
    """An enrolment file for one kecamatan and the one-time code that opens it."""

    path: Path
    code: str
    device_id: str
    district: str
    changes: int
    # The hub refuses the laptop's first bundle after this moment (enrolment.valid_days).
    valid_until: datetime | None = None
    # Older enrolments of the kecamatan still waiting for their first bundle, withdrawn.
    withdrawn: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExportResult:
    """A bundle written and verified on the target drive."""

    path: Path
    peer_device: str
    peer_name: str
    changes: int
    audits: int
    size: int
    per_table: dict[str, int]


@dataclass
class ImportResult:
    """What importing (or previewing) a bundle did."""

    bundle_id: str
    sender_device: str
    sender_name: str
    created_at: str
    summary: MergeSummary
    replayed: bool = False
    applied: bool = False
    backup: Path | None = None
    pinned: bool = False
    # With *pinned*: the fingerprint of the laptop keys just pinned, to compare with its screen.
    pinned_fingerprint: str | None = None

    @property
    def needs_review(self) -> bool:
        """True when conflicts or duplicates were queued for the admin."""
        return self.summary.conflicts > 0 or self.summary.duplicates > 0


@dataclass(frozen=True)
class BundleSummary:
    """What a bundle's cleartext header says, for listing the bundles on a stick."""

    path: Path
    bundle_id: str
    created_at: datetime
    sender_device: str
    sender_name: str
    for_this_office: bool
    already_imported: bool
    size: int


@dataclass(frozen=True)
class DeviceStatus:
    """One device as the devices list shows it."""

    device_id: str
    name: str
    office_kind: str
    region_code: str
    fingerprint: str | None
    enrolled_at: datetime
    pinned: bool
    revoked_at: datetime | None
    last_bundle_at: datetime | None
    # Changes this office holds that the device has not acknowledged yet.
    behind: int
    # When its keys were pinned (its first bundle imported here).
    pinned_at: datetime | None = None
    # A kecamatan still waiting for its first bundle: the hub refuses it after this moment.
    valid_until: datetime | None = None

    @property
    def expired(self) -> bool:
        """An enrolment still waiting for its first bundle, past its validity."""
        return self.valid_until is not None and self.valid_until < utc_now()


@dataclass(frozen=True)
class SyncStatus:
    """This office's sync state."""

    office: OfficeInfo
    fingerprint: str
    device_seq: int
    devices: list[DeviceStatus]
    open_conflicts: int
    open_duplicates: int
    last_export: datetime | None
    last_import: datetime | None


@dataclass(frozen=True)
class ChangeInfo:
    """Who made one side of a conflict, where and when."""

    ref: str
    device_id: str
    device_name: str
    username: str
    at: str
    value: Any


@dataclass(frozen=True)
class ConflictView:
    """One open (or settled) hard conflict."""

    id: str
    table_name: str
    row_id: str
    row_label: str
    field: str
    base: Any
    winner: ChangeInfo
    loser: ChangeInfo
    detected_at: datetime
    resolved_at: datetime | None


@dataclass(frozen=True)
class DuplicateView:
    """Two worker records that may be one person."""

    id: str
    reason: str
    first: dict[str, Any]
    second: dict[str, Any]
    detected_at: datetime


@dataclass
class _Incoming:
    """A bundle checked and staged, ready to preview or apply."""

    header: Any
    manifest: dict[str, Any]
    staging: Staging
    sender: Mapping[str, Any]
    sender_public: PublicKeys
    pin: bool
    file_name: str
    size: int
    sha256: str
    replayed: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


class ReceivedBundle:
    """A bundle fetched, checked and staged by :meth:`SyncService.receive`.

    Holds its local copy and staging file until :meth:`close`; preview and import it with
    :meth:`SyncService.preview` and :meth:`SyncService.import_bundle`.
    """

    def __init__(self, incoming: _Incoming, stack: ExitStack) -> None:
        self._incoming = incoming
        self._stack = stack
        self._closed = False
        # Its files hold decrypted data: deleted when it is forgotten (a window closed
        # without Tutup) or when the program ends, if nobody closed it before.
        self._finalizer = weakref.finalize(self, stack.close)

    @property
    def incoming(self) -> _Incoming:
        """The checked, staged bundle (only while open)."""
        if self._closed:
            raise RuntimeError("this received bundle was closed; receive the file again")
        return self._incoming

    @property
    def file_name(self) -> str:
        """The bundle's file name as the user chose it."""
        return self._incoming.file_name

    def close(self) -> None:
        """Delete the local copy and the staging file (idempotent)."""
        self._closed = True
        self._finalizer()

    def __enter__(self) -> ReceivedBundle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---- enrolment codes ---------------------------------------------------------------------


def new_code() -> str:
    """A one-time code of 12 characters in groups of four (about 60 bits)."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(text: str) -> str:
    """Upper-case the code and drop spaces and dashes (people type it as they like)."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def _code_secret(code: str, device_id: str) -> bytes:
    """64 bytes stretched from the code: an X25519 key and the enrolment proof key."""
    kdf = Scrypt(salt=f"sigap-enrol:{device_id}".encode(), length=64, n=2**14, r=8, p=1)
    return kdf.derive(normalise_code(code).encode())


def _code_keys(secret: bytes) -> tuple[X25519PrivateKey, Ed25519PrivateKey]:
    """The key that opens the enrolment file, and the key that signs the laptop's proof."""
    return (
        X25519PrivateKey.from_private_bytes(secret[:32]),
        Ed25519PrivateKey.from_private_bytes(secret[32:]),
    )


def _proof_message(device_id: str, public: PublicKeys) -> bytes:
    return f"sigap-enrol-proof:2\n{device_id}\n{public.to_text()}".encode()


def _verifier(proof_key: Ed25519PrivateKey) -> str:
    """What the hub keeps of an enrolment: the proof key's public half, which checks a
    proof but cannot make one (reading the hub's database gives nothing to enrol with)."""
    return PROOF_PREFIX + _b64(proof_key.public_key().public_bytes_raw())


def _proof(proof_key: Ed25519PrivateKey, device_id: str, public: PublicKeys) -> str:
    """The laptop's proof that it knows the code: the code's key signs the laptop's own
    public keys (so the proof is worth nothing with any other keys)."""
    return PROOF_PREFIX + _b64(proof_key.sign(_proof_message(device_id, public)))


def _proof_holds(verifier: str, proof: str, device_id: str, public: PublicKeys) -> bool:
    """Whether *proof* was made with the code whose :func:`_verifier` the hub keeps."""
    if not (verifier.startswith(PROOF_PREFIX) and proof.startswith(PROOF_PREFIX)):
        return False  # a hash kept by an older Sigap, or no proof at all
    try:
        key = Ed25519PublicKey.from_public_bytes(
            base64.b64decode(verifier[len(PROOF_PREFIX) :], validate=True)
        )
        key.verify(
            base64.b64decode(proof[len(PROOF_PREFIX) :], validate=True),
            _proof_message(device_id, public),
        )
    except (InvalidSignature, ValueError):
        return False
    return True


# ---- the service -------------------------------------------------------------------------


_KEPT = {"winner": "nilai terpakai", "loser": "nilai lain"}
# Worker fields a merge copies from the redirected record when the kept one lacks them.
MERGE_FILLS = (
    "kk",
    "birth_place",
    "address",
    "subcategory",
    "position",
    "kpj",
    "coverage_start",
    "coverage_end",
    "phone",
)


class SyncService:
    """Everything the Sinkronisasi dialog and the ``sync`` commands do."""

    def __init__(
        self, engine: Engine, database_path: Path, *, read_only: Finding | None = None
    ) -> None:
        self._engine = engine
        self._path = database_path
        self._read_only = read_only
        self._office = OfficeService(engine, read_only=read_only)
        if read_only is None:
            self._sweep_scratch()  # at start: what a killed import left (decrypted data)

    # -- places --------------------------------------------------------------------------

    @property
    def work_dir(self) -> Path:
        """Local scratch space beside the database (staging, outgoing copies, backups),
        a folder for the user alone."""
        return files.private_dir(self._scratch_dir)

    @property
    def _scratch_dir(self) -> Path:
        return self._path.with_name(f"{self._path.stem}-sync")

    # -- keys ----------------------------------------------------------------------------

    def keys(self) -> DeviceKeys:
        """This device's keys, created on first use (they never leave this database)."""
        info = self._office.require_info()
        with self._engine.begin() as conn:
            row = conn.exec_driver_sql(
                "SELECT private_keys FROM device_secret WHERE device_id = ?", (info.device_id,)
            ).first()
            if row is not None:
                return DeviceKeys.from_private_bytes(bytes(row[0]))
            if self._read_only is not None:  # made on first use, which is a write
                raise DomainError(self._read_only)
            keys = DeviceKeys.generate()
            conn.exec_driver_sql(
                "INSERT INTO device_secret (device_id, private_keys, created_at) VALUES (?, ?, ?)",
                (info.device_id, keys.to_private_bytes(), db_time(utc_now())),
            )
            self._ensure_own_device(conn, info, keys.public)
            return keys

    def _ensure_own_device(self, conn: Connection, info: OfficeInfo, public: PublicKeys) -> None:
        exists = conn.exec_driver_sql(
            "SELECT 1 FROM device WHERE id = ?", (info.device_id,)
        ).first()
        if exists is None:
            conn.exec_driver_sql(
                "INSERT INTO device (id, name, office_kind, region_code, signing_public_key, "
                "exchange_public_key, acknowledged_vv, watermark_vv, created_at, pinned_at) "
                "VALUES (?, ?, ?, ?, ?, ?, '{}', '{}', ?, ?)",
                (
                    info.device_id,
                    info.name,
                    info.kind.value,
                    info.region_code,
                    _b64(public.signing),
                    _b64(public.exchange),
                    db_time(utc_now()),
                    db_time(utc_now()),
                ),
            )

    def fingerprint(self) -> str:
        """This device's key fingerprint, for people to compare."""
        return self.keys().public.fingerprint

    # -- enrolment -----------------------------------------------------------------------

    def enroll(
        self,
        actor: Actor,
        *,
        district: str,
        out: Path,
        name: str | None = None,
        progress: ProgressFn | None = None,
        cancel: CancelFn | None = None,
    ) -> Enrollment:
        """Hub: create a kecamatan device and write its enrolment file; return the code."""
        require(actor, Permission.MANAGE_OFFICE)
        info = self._office.require_info()
        if info.kind is not OfficeKind.HUB:
            raise _refuse(
                "sync.hub_only",
                QT_TRANSLATE_NOOP(
                    "Finding", "Pendaftaran kecamatan hanya dapat dilakukan di kantor kabupaten."
                ),
            )
        code = RegionCode.parse(district)
        if (
            code.level is not RegionLevel.DISTRICT
            or code.regency is None
            or (code.regency.dotted != info.regency_code)
        ):
            raise _refuse(
                "sync.district",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Kode {code} bukan kecamatan di kabupaten {regency}. "
                    "Pakai kode kecamatan seperti {regency}.05.",
                ),
                code=code.dotted,
                regency=info.regency_code,
            )
        with self._engine.connect() as conn:
            region_name = conn.exec_driver_sql(
                "SELECT name FROM region WHERE code = ? AND deleted = 0", (code.dotted,)
            ).scalar()
        label = name or (f"Kecamatan {region_name}" if region_name else f"Kecamatan {code.dotted}")
        target = out if out.suffix else out / "enrol.sigap"
        self._check_target(target)  # before anything is written: a planted link is refused
        hub_keys = self.keys()
        device_id = new_id()
        one_time = new_code()
        secret = _code_secret(one_time, device_id)
        code_key, proof_key = _code_keys(secret)
        now = utc_now()
        with self._engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO device (id, name, office_kind, region_code, acknowledged_vv, "
                "watermark_vv, created_at, enrollment_verifier) "
                "VALUES (?, ?, 'kecamatan', ?, '{}', '{}', ?, ?)",
                (device_id, label[:200], code.dotted, db_time(now), _verifier(proof_key)),
            )
            valid_days = parse_setting(ENROLMENT_VALID_DAYS, queries.settings(conn))
        try:
            extra = {
                "enrollment": {
                    "device_id": device_id,
                    "district": code.dotted,
                    "office_name": label,
                    "hub_device": info.device_id,
                    "hub_name": info.name,
                    "hub_region": info.region_code,
                    "hub_public": hub_keys.public.to_text(),
                }
            }
            written = self._write_bundle(
                peer_id=device_id,
                peer_exchange=code_key.public_key().public_bytes_raw(),
                scope=Scope(code.dotted, info.region_code),
                base={},
                extra=extra,
                progress=progress,
                cancel=cancel,
            )
            target.parent.mkdir(parents=True, exist_ok=True)
            final = self._deliver(written.path, target.parent, target.name)
            written.path.unlink(missing_ok=True)
        except BaseException:
            with self._engine.begin() as conn:
                conn.exec_driver_sql("DELETE FROM device WHERE id = ?", (device_id,))
            raise
        # The new file is written: older enrolments of this kecamatan that never sent a
        # first bundle are withdrawn (their file and code open nothing any more).
        with self._engine.begin() as conn:
            # What the enrolment carried bounds what the laptop can claim to have seen.
            self._log_sent(conn, written, device_id, final)
            withdrawn = tuple(
                str(row[0])
                for row in conn.exec_driver_sql(
                    "UPDATE device SET revoked_at = ?, enrollment_verifier = NULL "
                    "WHERE office_kind = 'kecamatan' AND region_code = ? AND id <> ? "
                    "AND signing_public_key IS NULL AND revoked_at IS NULL RETURNING id",
                    (db_time(utc_now()), code.dotted, device_id),
                ).all()
            )
        summary = f"Kecamatan {code.dotted} didaftarkan (perangkat {device_id[-8:]})"
        if withdrawn:
            summary += "; pendaftaran lama yang belum dipakai dibatalkan: " + ", ".join(
                sorted(w[-8:] for w in withdrawn)
            )
        self._audit(actor, "sync.enroll", summary)
        return Enrollment(
            final,
            one_time,
            device_id,
            code.dotted,
            written.changes,
            valid_until=now + timedelta(days=valid_days),
            withdrawn=withdrawn,
        )

    def join(
        self,
        file: Path,
        code: str,
        *,
        progress: ProgressFn | None = None,
        cancel: CancelFn | None = None,
    ) -> ImportResult:
        """Laptop: become the enrolled kecamatan office from the hub's enrolment file."""
        if self._read_only is not None:
            raise DomainError(self._read_only)
        if self._office.info() is not None:
            raise _refuse(
                "sync.join_set_up",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Basis data ini sudah menjadi milik sebuah kantor. Bergabung hanya dapat "
                    "dilakukan pada basis data baru.",
                ),
            )
        name = file.name
        local = self._fetch(file)
        try:
            header = self._read_header(local, name)
            secret = _code_secret(code, header.recipient_device)
            code_key, proof_key = _code_keys(secret)
            staging = self._new_staging(f"stage-{header.bundle_id}")
            try:
                manifest = self._stage_records(
                    local, header, _ExchangeOnly(code_key), staging, name, bad_code=True
                )
                enrolment = manifest.get("extra", {}).get("enrollment")
                if not isinstance(enrolment, dict):
                    raise _refuse(
                        "sync.not_enrollment",
                        QT_TRANSLATE_NOOP(
                            "Finding",
                            "Berkas {name} adalah paket biasa, bukan berkas pendaftaran "
                            "kecamatan. Minta berkas pendaftaran dari kantor kabupaten.",
                        ),
                        name=name,
                    )
                hub_public = PublicKeys.from_text(str(enrolment["hub_public"]))
                if hub_public.fingerprint != header.sender_fingerprint:
                    raise _bundle_refusal(BundleError("bundle.signature", "fingerprint"), name)
                self._verify(local, header, hub_public, name)
                district = str(enrolment["district"])
                if (
                    RegionCode.parse(district).regency is None
                    or str(RegionCode.parse(district).regency) != header.regency_code
                ):
                    raise _bundle_refusal(BundleError("bundle.header", "regency"), name)
                # Everything checked: become the office. Setting up and merging are two
                # transactions, so a failure or cancel in between puts the empty database
                # back exactly as it was (joining can then be tried again).
                pristine = self._snapshot()
                try:
                    self._office.set_up(
                        kind=OfficeKind.KECAMATAN,
                        region=district,
                        name=str(enrolment["office_name"]),
                        device_id=header.recipient_device,
                        create_admin=False,
                    )
                    own = self.keys()
                    with self._engine.begin() as conn:
                        conn.exec_driver_sql(
                            "INSERT INTO device (id, name, office_kind, region_code, "
                            "signing_public_key, exchange_public_key, acknowledged_vv, "
                            "watermark_vv, created_at, pinned_at, enrollment_verifier) "
                            "VALUES (?, ?, 'hub', ?, ?, ?, '{}', '{}', ?, ?, ?)",
                            (
                                header.sender_device,
                                str(enrolment["hub_name"])[:200],
                                str(enrolment["hub_region"]),
                                _b64(hub_public.signing),
                                _b64(hub_public.exchange),
                                db_time(utc_now()),
                                db_time(utc_now()),
                                _proof(proof_key, header.recipient_device, own.public),
                            ),
                        )
                    incoming = _Incoming(
                        header=header,
                        manifest=manifest,
                        staging=staging,
                        sender={"id": header.sender_device, "name": enrolment["hub_name"]},
                        sender_public=hub_public,
                        pin=False,
                        file_name=name,
                        size=local.stat().st_size,
                        sha256=_sha256(local),
                    )
                    result = self._apply(incoming, self._office.setup_actor(), progress, cancel)
                    # After the merge: a laptop replacing a lost one takes over the
                    # kecamatan's admin account rather than making a second "admin".
                    self._office.ensure_admin()
                    return result
                except BaseException:
                    self._restore(pristine)
                    raise
                finally:
                    pristine.unlink(missing_ok=True)
            finally:
                self._close_staging(staging)
        finally:
            files.discard(local)

    def _snapshot(self) -> Path:
        """Copy the whole database aside (SQLite's online backup) to restore it later."""
        target = files.new_private_file(self.work_dir / f"pristine-{new_id()}.db")
        raw = self._engine.raw_connection()
        try:
            source = raw.driver_connection
            assert isinstance(source, sqlite3.Connection)
            dest = sqlite3.connect(target)
            try:
                source.backup(dest)
            finally:
                dest.close()
        finally:
            raw.close()
        return target

    def _restore(self, snapshot: Path) -> None:
        """Put the database back as :meth:`_snapshot` saw it."""
        self._engine.dispose()  # no pooled connection keeps an old view or a lock
        raw = self._engine.raw_connection()
        try:
            live = raw.driver_connection
            assert isinstance(live, sqlite3.Connection)
            source = sqlite3.connect(snapshot)
            try:
                source.backup(live)
            finally:
                source.close()
        finally:
            raw.close()
        self._engine.dispose()

    def revoke(self, actor: Actor, device_id: str) -> None:
        """Hub: refuse every later bundle of a kecamatan device."""
        require(actor, Permission.MANAGE_OFFICE)
        info = self._office.require_info()
        if device_id == info.device_id:
            raise _refuse(
                "sync.revoke_self",
                QT_TRANSLATE_NOOP("Finding", "Perangkat kantor ini sendiri tidak dapat dicabut."),
            )
        with self._engine.begin() as conn:
            found = conn.exec_driver_sql(
                "UPDATE device SET revoked_at = ?, enrollment_verifier = NULL "
                "WHERE id = ? AND revoked_at IS NULL",
                (db_time(utc_now()), device_id),
            ).rowcount
        if not found:
            raise _unknown_device(device_id)
        self._audit(actor, "sync.revoke", f"Perangkat {device_id[-8:]} dicabut")

    # -- export --------------------------------------------------------------------------

    def peers(self) -> list[Mapping[str, Any]]:
        """The devices this office sends bundles to (the hub, or every active kecamatan)."""
        info = self._office.require_info()
        with self._engine.connect() as conn:
            rows = (
                conn.exec_driver_sql(
                    "SELECT id, name, office_kind, region_code, "
                    "signing_public_key IS NOT NULL AS pinned FROM device WHERE id <> ? "
                    "AND revoked_at IS NULL ORDER BY region_code, name",
                    (info.device_id,),
                )
                .mappings()
                .all()
            )
        wanted = "kecamatan" if info.kind is OfficeKind.HUB else "hub"
        return [dict(r) for r in rows if r["office_kind"] == wanted]

    def export(
        self,
        actor: Actor,
        target_dir: Path,
        *,
        peer: str | None = None,
        progress: ProgressFn | None = None,
        cancel: CancelFn | None = None,
    ) -> list[ExportResult]:
        """Write a bundle for the peer (or each peer) to *target_dir* and verify it there."""
        require(actor, Permission.SYNC)
        info = self._office.require_info()
        peers = self.peers()
        if peer is not None:
            peers = [
                p
                for p in peers
                if p["id"] == peer or str(p["id"]).endswith(peer) or str(p["id"]).startswith(peer)
            ]
            if len(peers) != 1:
                raise _unknown_device(peer)
        elif len(peers) > 1:
            # To every kecamatan: those still waiting for their first bundle are skipped
            # (their keys are not known yet); the caller sees them in status().
            pinned = [p for p in peers if p["pinned"]]
            peers = pinned or peers[:1]
        if not peers:
            raise _refuse(
                "sync.no_peer",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Belum ada kantor tujuan: daftarkan kecamatan dulu (di kantor kabupaten) "
                    "atau bergabung dengan kantor kabupaten (di laptop kecamatan).",
                ),
            )
        if not target_dir.is_dir():
            raise _refuse(
                "sync.no_target",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Folder tujuan {name} tidak ada. Pasang flashdisk atau pilih folder lain.",
                ),
                name=str(target_dir),
            )
        keys = self.keys()
        results = []
        for row in peers:
            with self._engine.connect() as conn:
                device = conn.exec_driver_sql(
                    "SELECT exchange_public_key, acknowledged_vv, region_code FROM device "
                    "WHERE id = ?",
                    (row["id"],),
                ).one()
            if device[0] is None:
                raise _refuse(
                    "sync.peer_not_pinned",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "{peer} belum pernah mengirim paket, jadi kuncinya belum dikenal. "
                        "Impor dulu paket pertama dari {peer}.",
                    ),
                    peer=row["name"],
                )
            scope = (
                Scope(str(device[2]), info.region_code)
                if info.kind is OfficeKind.HUB
                else Scope(None, None)
            )
            extra: dict[str, Any] = {"sender_public": keys.public.to_text()}
            if info.kind is OfficeKind.KECAMATAN:
                with self._engine.connect() as conn:
                    proof = conn.exec_driver_sql(
                        "SELECT enrollment_verifier FROM device WHERE id = ?", (row["id"],)
                    ).scalar()
                if proof:
                    extra["enrollment_proof"] = str(proof)
            written = self._write_bundle(
                peer_id=str(row["id"]),
                peer_exchange=_unb64(str(device[0])),
                scope=scope,
                base=vv_loads(str(device[1])),
                extra=extra,
                progress=progress,
                cancel=cancel,
            )
            try:
                final = self._deliver(written.path, target_dir, written.name)
            except BundleError as error:
                raise _bundle_refusal(error, written.name) from None
            finally:
                written.path.unlink(missing_ok=True)
            with self._engine.begin() as conn:
                self._log_sent(conn, written, str(row["id"]), final)
            results.append(
                ExportResult(
                    final,
                    str(row["id"]),
                    str(row["name"]),
                    written.changes,
                    written.audits,
                    final.stat().st_size,
                    written.per_table,
                )
            )
        self._audit(
            actor,
            "sync.export",
            "Paket diekspor: "
            + ", ".join(f"{r.peer_name} ({r.changes} perubahan)" for r in results),
        )
        return results

    def _write_bundle(
        self,
        *,
        peer_id: str,
        peer_exchange: bytes,
        scope: Scope,
        base: Mapping[str, int],
        extra: Mapping[str, Any],
        progress: ProgressFn | None,
        cancel: CancelFn | None,
    ) -> _Written:
        info = self._office.require_info()
        keys = self.keys()
        bundle_id = new_id()
        created = utc_now()
        selection = Selection()
        sender_hlc = self._tick()
        temp = self.work_dir / f"out-{bundle_id}.sigap"
        # One read transaction: the bundle is a consistent snapshot even while others write.
        with self._engine.connect() as conn, conn.begin(), _small_cache(conn):
            state = conn.exec_driver_sql("SELECT device_seq FROM local_state").scalar()
            have = ack_vector(
                conn, info.device_id, int(state or 0), hub=info.kind is OfficeKind.HUB
            )
            records = select_changes(conn, scope, base, selection)

            def manifest() -> dict[str, Any]:
                # Evaluated by the writer after the last record: the counts are final.
                return {
                    "base": dict(base),
                    "have": have,
                    "sender_hlc": sender_hlc,
                    "scope": scope.label(),
                    "changes": selection.changes,
                    "audits": selection.audits,
                    "per_table": dict(selection.per_table),
                    "ranges": dict(selection.ranges),
                    "extra": dict(extra),
                }

            counted = _Counting(records, progress, cancel)
            try:
                written = bundles.write_bundle(
                    temp,
                    bundle_id=bundle_id,
                    sender_device=info.device_id,
                    recipient_device=peer_id,
                    regency_code=info.regency_code,
                    schema_version=head_revision(),
                    sender_keys=keys,
                    recipient_exchange_public=peer_exchange,
                    records=counted,
                    manifest=manifest,
                    cancel=cancel,
                )
            except bundles.BundleCancelled:
                temp.unlink(missing_ok=True)
                raise Cancelled() from None
            except BundleError as error:
                temp.unlink(missing_ok=True)
                raise _bundle_refusal(error, temp.name) from None
        with self._engine.connect() as conn:
            peer_region = conn.exec_driver_sql(
                "SELECT region_code FROM device WHERE id = ?", (peer_id,)
            ).scalar()
        name = bundle_file_name(
            written.header,
            sender_label=info.region_code,
            recipient_label=str(peer_region) if peer_region else None,
        )
        return _Written(
            temp,
            name,
            bundle_id,
            created,
            written.sha256,
            selection.changes,
            selection.audits,
            dict(selection.per_table),
            dict(have),
        )

    def _log_sent(self, conn: Connection, written: _Written, peer: str, final: Path) -> None:
        """Record a bundle written for *peer*, with the vector it acknowledged (a bound on
        what that peer can later claim to have received)."""
        conn.exec_driver_sql(
            "INSERT INTO bundle_log (bundle_id, direction, peer_device, created_at, "
            "processed_at, file_name, size, sha256, change_count, summary) "
            "VALUES (?, 'out', ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                written.bundle_id,
                peer,
                db_time(written.created_at),
                db_time(utc_now()),
                final.name,
                final.stat().st_size,
                written.sha256,
                written.changes,
                orjson.dumps({"per_table": written.per_table, "sent": written.sent}).decode(),
            ),
        )

    def _tick(self) -> str:
        """Issue one clock stamp (orders this device's bundles for the receiver)."""
        with self._engine.begin() as conn:
            ms, counter = conn.exec_driver_sql("SELECT hlc_ms, hlc_counter FROM local_state").one()
            clock = HybridClock(int(ms), int(counter))
            stamp = clock.now()
            conn.exec_driver_sql(
                "UPDATE local_state SET hlc_ms = ?, hlc_counter = ?", (clock.ms, clock.counter)
            )
        return stamp.encode()

    # -- import --------------------------------------------------------------------------

    def peek(self, file: Path) -> BundleSummary:
        """Read a bundle's cleartext header only: who sent it, to whom, when (cheap)."""
        info = self._office.require_info()
        header = self._read_header(file, file.name)
        with self._engine.connect() as conn:
            names: dict[str, str] = dict(
                conn.exec_driver_sql(
                    "SELECT id, name FROM device WHERE id IN (?, ?)",
                    (header.sender_device, header.recipient_device),
                ).all()
            )
            seen = conn.exec_driver_sql(
                "SELECT 1 FROM bundle_log WHERE bundle_id = ? AND direction = 'in' "
                "AND peer_device = ?",
                (header.bundle_id, header.sender_device),
            ).first()
        return BundleSummary(
            path=file,
            bundle_id=header.bundle_id,
            created_at=header.created_at,
            sender_device=header.sender_device,
            sender_name=str(names.get(header.sender_device, "")),
            for_this_office=header.recipient_device == info.device_id
            and header.regency_code == info.regency_code,
            already_imported=seen is not None,
            size=file.stat().st_size,
        )

    def receive(self, file: Path) -> ReceivedBundle:
        """Fetch, check and stage a bundle once, to :meth:`preview` and then import it
        without decrypting it twice. Close the result (or use it in a ``with``)."""
        stack = ExitStack()
        try:
            incoming = self._receive(file, stack)
        except BaseException:
            stack.close()
            raise
        return ReceivedBundle(incoming, stack)

    def preview(
        self,
        file: Path | ReceivedBundle,
        *,
        progress: ProgressFn | None = None,
        cancel: CancelFn | None = None,
    ) -> ImportResult:
        """Check a bundle completely and say what importing it would do; change nothing."""
        with ExitStack() as stack:
            incoming = self._incoming(file, stack)
            if incoming.replayed:
                return self._replay_result(incoming)
            limits = self._limits(incoming)
            conn = stack.enter_context(self._engine.connect())
            self._attach(conn, incoming.staging)
            try:
                transaction = conn.begin()
                try:
                    merger = Merger(conn, incoming.staging, limits)
                    summary = self._merge(
                        merger, write=False, progress=progress, cancel=cancel, bundle=incoming
                    )
                finally:
                    # The staging tables the preview made go too (one transaction).
                    transaction.rollback()
            finally:
                self._detach(conn)
            return self._result(incoming, summary, applied=False)

    def import_bundle(
        self,
        actor: Actor,
        file: Path | ReceivedBundle,
        *,
        progress: ProgressFn | None = None,
        cancel: CancelFn | None = None,
        exclusive: bool = False,
    ) -> ImportResult:
        """Check, back up and apply a bundle in one transaction.

        *exclusive*: this process alone uses the database (the command line), so a big
        bundle may be written through the rollback journal (faster, but readers would wait).
        """
        require(actor, Permission.SYNC)
        with ExitStack() as stack:
            incoming = self._incoming(file, stack)
            if incoming.replayed:
                return self._replay_result(incoming)
            return self._apply(incoming, actor, progress, cancel, exclusive=exclusive)

    def _incoming(self, file: Path | ReceivedBundle, stack: ExitStack) -> _Incoming:
        """The staged bundle: read now from a path, or received earlier (then the database
        may have changed since: the sender and the receipt are looked up again)."""
        if not isinstance(file, ReceivedBundle):
            return self._receive(file, stack)
        incoming = file.incoming
        header = incoming.header
        sender, seen = self._sender_of(header, incoming.file_name)
        incoming.replayed = incoming.replayed or seen
        if sender["signing_public_key"] is not None:
            pinned = PublicKeys(
                _unb64(str(sender["signing_public_key"])),
                _unb64(str(sender["exchange_public_key"])),
            )
            if pinned.fingerprint != incoming.sender_public.fingerprint:
                raise _pin_refusal(
                    sender, incoming.sender_public.fingerprint, pinned, incoming.file_name
                )
            incoming.pin = False
        incoming.sender = sender
        return incoming

    def _receive(self, file: Path, stack: ExitStack) -> _Incoming:
        if self._read_only is not None:  # not even a preview: it stages beside the database
            raise DomainError(self._read_only)
        info = self._office.require_info()
        self._sweep_scratch()
        name = file.name
        local = self._fetch(file)
        stack.callback(files.discard, local)
        header = self._read_header(local, name)
        if header.regency_code != info.regency_code:
            raise _refuse(
                "sync.wrong_regency",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Paket {name} berasal dari kabupaten {theirs}, bukan kabupaten kantor ini "
                    "({ours}). Paket ditolak.",
                ),
                name=name,
                theirs=header.regency_code,
                ours=info.regency_code,
            )
        if header.recipient_device != info.device_id:
            raise _refuse(
                "sync.wrong_recipient",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Paket {name} ditujukan ke perangkat lain ({device}), bukan kantor ini. "
                    "Periksa flashdisk: mungkin paket untuk kecamatan lain.",
                ),
                name=name,
                device=header.recipient_device[-8:],
            )
        if header.schema_version != head_revision():
            raise _refuse(
                "sync.schema",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Paket {name} dibuat oleh versi Sigap dengan skema {theirs}; kantor ini "
                    "memakai skema {ours}. Samakan versi Sigap di kedua kantor, lalu ekspor ulang.",
                ),
                name=name,
                theirs=header.schema_version,
                ours=head_revision(),
            )
        sender, seen = self._sender_of(header, name)
        keys = self.keys()
        pinned = sender["signing_public_key"] is not None
        # Trust before work: the signature is checked over the whole local copy, in a first
        # streaming pass, before anything is decrypted, parsed or staged.
        if pinned:
            public = PublicKeys(
                _unb64(str(sender["signing_public_key"])),
                _unb64(str(sender["exchange_public_key"])),
            )
            if public.fingerprint != header.sender_fingerprint:
                raise _pin_refusal(sender, header.sender_fingerprint, public, name)
            self._verify(local, header, public, name)
        elif not seen:
            # First bundle of an enrolled laptop: its keys travel inside, with a proof that
            # it knows the one-time code. A first pass decrypts the payload only to read
            # them (records are dropped as they come: nothing is parsed or staged, memory
            # stays at a chunk and a record); the proof and then the signature, with those
            # keys, are checked before the records are staged.
            try:
                extra = bundles.read_manifest(local, header, keys).content.get("extra")
                extra = extra if isinstance(extra, dict) else {}
                public = PublicKeys.from_text(str(extra.get("sender_public", "")))
            except BundleError as error:
                raise _bundle_refusal(error, name) from None
            if public.fingerprint != header.sender_fingerprint or not _proof_holds(
                str(sender["enrollment_verifier"] or ""),
                str(extra.get("enrollment_proof", "")),
                header.sender_device,
                public,
            ):
                raise _bundle_refusal(BundleError("bundle.signature", "enrolment proof"), name)
            self._verify(local, header, public, name)
        staging = self._new_staging(f"stage-{header.bundle_id}")
        stack.callback(self._close_staging, staging)
        incoming = _Incoming(
            header=header,
            manifest={},
            staging=staging,
            sender=sender,
            sender_public=public if pinned or not seen else _placeholder_keys(),
            pin=not pinned,
            file_name=name,
            size=local.stat().st_size,
            sha256=_sha256(local),
            replayed=seen,
        )
        if incoming.replayed:
            self._check_same_bundle(header, incoming.sha256, name)
            return incoming
        # The signer again: the staging pass checks the signature of what it decrypted.
        incoming.manifest = self._stage_records(local, header, keys, staging, name, signer=public)
        return incoming

    def _sender_of(self, header: Any, name: str) -> tuple[Mapping[str, Any], bool]:
        """The sending device's record (refusing an unknown or revoked one), and whether
        this bundle was imported already."""
        info = self._office.require_info()
        with self._engine.connect() as conn:
            sender = (
                conn.exec_driver_sql(
                    "SELECT id, name, office_kind, region_code, signing_public_key, "
                    "exchange_public_key, revoked_at, enrollment_verifier FROM device WHERE id = ?",
                    (header.sender_device,),
                )
                .mappings()
                .first()
            )
            # A replay is the same bundle id from the same device: an id another device
            # used (copied from a stick) says nothing about this bundle.
            seen = conn.exec_driver_sql(
                "SELECT sha256 FROM bundle_log WHERE bundle_id = ? AND direction = 'in' "
                "AND peer_device = ?",
                (header.bundle_id, header.sender_device),
            ).first()
        if sender is None or sender["id"] == info.device_id:
            raise _refuse(
                "sync.unknown_sender",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Paket {name} berasal dari perangkat {device} yang tidak terdaftar di kantor "
                    "ini. Paket ditolak; daftarkan kecamatan itu dulu.",
                ),
                name=name,
                device=header.sender_device[-8:],
            )
        if sender["signing_public_key"] is None and sender["office_kind"] == "kecamatan":
            self._check_enrolment(dict(sender), name)
        if sender["revoked_at"] is not None:
            raise _revoked_refusal(header.sender_device, str(sender["name"]))
        return dict(sender), seen is not None

    def _check_same_bundle(self, header: Any, sha256: str, name: str) -> None:
        """A bundle id this device sent before must come back with the same content: the
        same id with another file is refused, never taken for a replay."""
        with self._engine.connect() as conn:
            logged = conn.exec_driver_sql(
                "SELECT sha256 FROM bundle_log WHERE bundle_id = ? AND direction = 'in' "
                "AND peer_device = ?",
                (header.bundle_id, header.sender_device),
            ).scalar()
        if logged is not None and str(logged) != sha256:
            raise _refuse(
                "sync.bundle_reused",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Paket {name} memakai nomor paket yang sudah pernah diterima dari perangkat "
                    "yang sama, tetapi isinya berbeda. Paket ditolak; tidak ada data yang "
                    "berubah. Minta kantor pengirim mengekspor paket baru, dan laporkan ke admin "
                    "kabupaten.",
                ),
                name=name,
            )

    def enrolment_valid_days(self) -> int:
        """How many days an enrolment waits for the laptop's first bundle (a setting)."""
        with self._engine.connect() as conn:
            return parse_setting(ENROLMENT_VALID_DAYS, queries.settings(conn))

    def _check_enrolment(self, sender: Mapping[str, Any], name: str) -> None:
        """Hub: refuse the first bundle of an enrolment that was withdrawn (the kecamatan
        was enrolled again, or the device revoked), made by an older Sigap, or expired."""
        office, district = str(sender["name"]), str(sender["region_code"])
        verifier = str(sender["enrollment_verifier"] or "")
        if sender["revoked_at"] is not None or not verifier.startswith(PROOF_PREFIX):
            raise _refuse(
                "sync.enrolment_void",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Paket {name} memakai pendaftaran {office} ({district}) yang tidak berlaku "
                    "lagi: kecamatan itu sudah didaftarkan ulang, pendaftarannya dicabut, atau "
                    "dibuat oleh versi Sigap sebelumnya. Paket ditolak. Laptop itu harus "
                    "bergabung lagi (dengan basis data baru) memakai berkas dan kode "
                    "pendaftaran terbaru; bila tidak ada, daftarkan ulang kecamatan itu.",
                ),
                name=name,
                office=office,
                district=district,
            )
        with self._engine.connect() as conn:
            created = conn.exec_driver_sql(
                "SELECT created_at FROM device WHERE id = ?", (sender["id"],)
            ).scalar()
            days = parse_setting(ENROLMENT_VALID_DAYS, queries.settings(conn))
        enrolled = _parse_time(created)
        if utc_now() > enrolled + timedelta(days=days):
            raise _refuse(
                "sync.enrolment_expired",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Pendaftaran {office} ({district}) sudah kedaluwarsa: dibuat {enrolled} "
                    "dan berlaku {days} hari, sampai {until}. Paket pertama {name} ditolak. "
                    "Daftarkan ulang kecamatan itu di kantor kabupaten, lalu bergabung lagi "
                    "di laptop (dengan basis data baru) memakai berkas dan kode yang baru, dan "
                    "segera kirim paket pertamanya.",
                ),
                office=office,
                district=district,
                enrolled=_local_day(enrolled),
                days=days,
                until=_local_day(enrolled + timedelta(days=days)),
                name=name,
            )

    def _apply(
        self,
        incoming: _Incoming,
        actor: Actor,
        progress: ProgressFn | None,
        cancel: CancelFn | None,
        *,
        exclusive: bool = False,
    ) -> ImportResult:
        header = incoming.header
        backup = self._backup(header.bundle_id)
        limits = self._limits(incoming)
        # A big bundle imported by a process that has the file to itself (the command
        # line) goes through SQLite's rollback journal: its pages are written once, not to
        # the WAL and then again by the checkpoint. Never in the window, where other
        # connections read while the import runs (they would wait on the journal).
        big = exclusive and incoming.staging.change_count >= BIG_BUNDLE_CHANGES
        if big:
            self._engine.dispose()  # idle pooled connections would keep the file in WAL
        with self._engine.connect() as conn:
            rollback_journal = big and set_journal_mode(conn, "delete")
            try:
                self._attach(conn, incoming.staging)
                try:
                    # One transaction, write lock taken up front: all of the bundle or nothing.
                    with conn.execution_options(sqlite_begin="IMMEDIATE").begin():
                        merger = Merger(conn, incoming.staging, limits)
                        summary = self._merge(
                            merger, write=True, progress=progress, cancel=cancel, bundle=incoming
                        )
                        self._record_receipt(conn, incoming, summary, actor)
                finally:
                    self._detach(conn)
            finally:
                if rollback_journal and not set_journal_mode(conn, "wal"):
                    log.warning("the database could not go back to WAL after an import")
        result = self._result(incoming, summary, applied=True)
        result.backup = backup
        result.pinned = incoming.pin
        if incoming.pin:
            result.pinned_fingerprint = incoming.sender_public.fingerprint
        return result

    def _limits(self, incoming: _Incoming) -> MergeLimits:
        """What the merge of a bundle holds its sender to: at the hub, a kecamatan's bundle
        may only change that kecamatan's rows, and only the laptop's own changes may be new
        in it. Read before the merge's transaction opens."""
        info = self._office.require_info()
        if info.kind is not OfficeKind.HUB:
            return MergeLimits(receiver=info.device_id)
        # Every device a hub hears from is an enrolled kecamatan: held to its district, and
        # to what the hub has sent it.
        sender = str(incoming.sender["id"])
        return MergeLimits(
            receiver=info.device_id,
            write_scope=str(incoming.sender.get("region_code") or "-"),
            sender=sender,
            sent=self._sent_to(sender),
        )

    def _sent_to(self, device: str) -> dict[str, int] | None:
        """The greatest acknowledgement vector of the bundles written for *device* (None
        when none recorded one: written by an older Sigap, or never)."""
        sent: dict[str, int] | None = None
        with self._engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT summary FROM bundle_log WHERE direction = 'out' AND peer_device = ?",
                (device,),
            )
            for (text,) in rows:
                summary = _unjson(text)
                vector = summary.get("sent") if isinstance(summary, dict) else None
                if isinstance(vector, dict):
                    sent = vv_merge(sent or {}, _vector(vector))
        return sent

    def _merge(
        self,
        merger: Merger,
        *,
        write: bool,
        progress: ProgressFn | None,
        cancel: CancelFn | None,
        bundle: _Incoming,
    ) -> MergeSummary:
        def report(done: int, total: int) -> None:
            if progress is not None:
                progress(done, total, "merge")

        def refused(code: str, template: str, /, **params: object) -> SyncRefused:
            """A refusal of this bundle, naming its file and the office that sent it."""
            office = str(bundle.sender.get("name", ""))
            return _refuse(code, template, name=bundle.file_name, office=office, **params)

        try:
            return merger.run(detected_at=utc_now(), progress=report, cancel=cancel, write=write)
        except MergeCancelled:
            raise Cancelled() from None
        except AuthorityRefused as breach:
            log.warning("bundle refused: %s beyond the sender's authority", breach.kind)
            row = _row_label(merger.connection, breach.table_name, breach.row_id)
            if breach.kind == "field":
                raise refused(
                    "sync.authority",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Paket {name} dari {office} mengubah {field} pada {row}, padahal itu "
                        "hanya boleh diubah kantor kabupaten, atau tidak boleh diisi begitu "
                        "oleh kecamatan pada tahap klaim ini. Paket ditolak seluruhnya; tidak "
                        "ada data yang berubah. Laporkan ke admin kabupaten.",
                    ),
                    field=breach.detail,
                    row=row,
                ) from None
            if breach.kind == "stamp":
                raise refused(
                    "sync.clock",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Paket {name} dari {office} memuat perubahan bercap waktu jauh di masa "
                        "depan ({when}) pada {row}: jam laptop itu salah. Paket ditolak "
                        "seluruhnya; tidak ada data yang berubah. Betulkan tanggal dan jam "
                        "laptop itu, lalu hubungi admin kabupaten sebelum mengirim lagi.",
                    ),
                    when=_stamp_day(breach.detail),
                    row=row,
                ) from None
            templates = {
                "event": QT_TRANSLATE_NOOP(
                    "Finding",
                    "Paket {name} dari {office} berisi langkah klaim atas nama perangkat atau "
                    "pengguna di luar kantor itu, atau mengubah langkah yang sudah tercatat "
                    "({row}). Paket ditolak seluruhnya; tidak ada data yang berubah. Laporkan "
                    "ke admin kabupaten: paketnya mungkin diubah orang.",
                ),
                "audit": QT_TRANSLATE_NOOP(
                    "Finding",
                    "Paket {name} dari {office} berisi catatan audit atas nama pengguna di luar "
                    "kantor itu atau dengan peran kantor kabupaten. Paket ditolak seluruhnya; "
                    "tidak ada data yang berubah. Laporkan ke admin kabupaten: paketnya "
                    "mungkin diubah orang.",
                ),
                "vector": QT_TRANSLATE_NOOP(
                    "Finding",
                    "Paket {name} dari {office} mengaku sudah menerima perubahan {row} yang "
                    "belum pernah dikirim kantor kabupaten kepadanya. Paket ditolak seluruhnya; "
                    "tidak ada data yang berubah. Laporkan ke admin kabupaten: paketnya "
                    "mungkin diubah orang.",
                ),
            }
            raise refused(f"sync.{breach.kind}", templates[breach.kind], row=row) from None
        except MovedAway as moved:
            log.warning("bundle refused: a change to a worker after it was moved away")
            raise refused(
                "sync.moved_away",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Paket {name} dari {office} mengubah {row}, padahal peserta itu sudah "
                    "dipindahkan kantor kabupaten ke kecamatan lain sebelum perubahan itu "
                    "dibuat. Paket ditolak seluruhnya; tidak ada data yang berubah. Perubahan "
                    "atas peserta itu kini dilakukan oleh kecamatan barunya atau kantor "
                    "kabupaten.",
                ),
                row=_row_label(merger.connection, moved.table_name, moved.row_id),
            ) from None
        except ScopeViolation as violation:
            log.warning("bundle refused: a change outside the sender's kecamatan")
            raise refused(
                "sync.scope",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Paket {name} dari {office} memuat data di luar wilayah kecamatannya: "
                    "{row}. Paket ditolak seluruhnya; tidak ada data yang berubah. Bila itu "
                    "salah pilih desa di laptop, tekan Perbaiki di Periksa basis data pada "
                    "laptop itu (atau perintah check --repair), lalu kirim paket baru; bila "
                    "tidak, laporkan ke admin kabupaten.",
                ),
                row=_row_label(merger.connection, violation.table_name, violation.row_id),
            ) from None
        except MalformedChange:
            raise _bundle_refusal(
                BundleError("bundle.manifest", "record"), bundle.file_name
            ) from None
        except ForeignAuthor as forged:
            log.warning("bundle refused: new changes in the name of another device")
            raise refused(
                "sync.author",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Paket {name} dari {office} berisi perubahan baru atas nama perangkat lain "
                    "({device}). Paket ditolak seluruhnya; tidak ada data yang berubah. Laporkan "
                    "ke admin kabupaten: paketnya mungkin diubah orang.",
                ),
                device=forged.device[-8:],
            ) from None
        except UniqueClash as clash:
            log.warning("bundle refused: a unique key clash in %s", clash.table_name)
            raise refused(
                "sync.unique",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Paket {name} dari {office} berisi data yang bentrok dengan data kantor ini: "
                    "{what} yang sama ({columns}) sudah dipakai oleh data lain. Paket ditolak; "
                    "tidak ada data yang berubah. Laporkan ke admin kabupaten agar salah satunya "
                    "diubah, lalu kirim paket baru.",
                ),
                what=clash.table_name,
                columns=clash.columns,
            ) from None
        except MergeAlarm as alarm:
            log.warning("bundle refused: change id repeats with different content")
            raise _alarm_refusal(alarm) from None

    def _record_receipt(
        self, conn: Connection, incoming: _Incoming, summary: MergeSummary, actor: Actor
    ) -> None:
        header = incoming.header
        manifest = incoming.manifest
        sender_id = header.sender_device
        now = utc_now()
        device = conn.exec_driver_sql(
            "SELECT watermark_vv, last_bundle_hlc, signing_public_key, revoked_at FROM device "
            "WHERE id = ?",
            (sender_id,),
        ).one()
        # Checked again under the write lock: revoked, or pinned to other keys, while this
        # bundle was being staged or previewed.
        if device[3] is not None:
            raise _revoked_refusal(sender_id, str(incoming.sender.get("name", "")))
        if incoming.pin and device[2] is not None:
            if device[2] != _b64(incoming.sender_public.signing):
                pin = BundleError("bundle.signature", "key pin")
                raise _bundle_refusal(pin, incoming.file_name)
            incoming.pin = False
        base = _vector(manifest.get("base"))
        have = _vector(manifest.get("have"))
        sender_hlc = str(manifest.get("sender_hlc", ""))
        state = conn.exec_driver_sql(
            "SELECT device_id, device_seq, hlc_ms, hlc_counter FROM local_state"
        ).one()
        own_device, own_seq = str(state[0]), int(state[1])
        at_hub = incoming.sender.get("office_kind") == OfficeKind.KECAMATAN.value
        own = ack_vector(conn, own_device, own_seq, hub=at_hub)
        if at_hub:
            # A laptop's word counts only for its own changes, and only as far as the hub
            # really holds them: an entry for the hub or another laptop would make the hub
            # believe, and tell everyone, that it holds what it never received, and their
            # changes would stop coming. What it says it holds is capped the same way.
            have = cap_vector(conn, have, own_device, own_seq)
            spoken = {k: v for k, v in have.items() if k == sender_id}
        else:
            # The hub speaks for the network; it cannot hold more of ours than we made.
            have = {k: min(v, own_seq) if k == own_device else v for k, v in have.items()}
            have = {k: v for k, v in have.items() if v > 0}
            spoken = have
        watermark = vv_loads(str(device[0]))
        if dominated_by(base, own):
            # The bundle holds every change of our scope the sender had beyond what we had.
            watermark = {k: max(v, watermark.get(k, 0)) for k, v in spoken.items()} | {
                k: v for k, v in watermark.items() if k not in spoken
            }
        updates: dict[str, Any] = {
            "watermark_vv": vv_dumps(watermark),
            "last_bundle_at": db_time(now),
        }
        if device[1] is None or sender_hlc > str(device[1]):
            # Newest bundle from this sender: what it holds is what it acknowledges.
            updates["acknowledged_vv"] = vv_dumps(have)
            updates["last_bundle_hlc"] = sender_hlc
        if incoming.pin:
            updates["signing_public_key"] = _b64(incoming.sender_public.signing)
            updates["exchange_public_key"] = _b64(incoming.sender_public.exchange)
            updates["pinned_at"] = db_time(now)
            updates["enrollment_verifier"] = None
        sets = ", ".join(f"{k} = ?" for k in updates)
        conn.exec_driver_sql(
            f"UPDATE device SET {sets} WHERE id = ?", (*updates.values(), sender_id)
        )
        # Our clock moves past the sender's (but not into a wrong clock's future).
        if sender_hlc and stamp_plausibility(sender_hlc, int(now.timestamp() * 1000)) == 0:
            clock = HybridClock(int(state[2]), int(state[3]))
            from desktop.store.hlc import HlcStamp

            clock.observe(HlcStamp.decode(sender_hlc))
            conn.exec_driver_sql(
                "UPDATE local_state SET hlc_ms = ?, hlc_counter = ?", (clock.ms, clock.counter)
            )
        conn.exec_driver_sql(
            "INSERT INTO bundle_log (bundle_id, direction, peer_device, created_at, "
            "processed_at, file_name, size, sha256, change_count, summary) "
            "VALUES (?, 'in', ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                header.bundle_id,
                sender_id,
                db_time(header.created_at),
                db_time(now),
                incoming.file_name[:300],
                incoming.size,
                incoming.sha256,
                summary.received,
                orjson.dumps(summary.as_dict()).decode(),
            ),
        )
        conn.exec_driver_sql(
            "INSERT INTO audit_entry (id, at, user_id, username, role, device_id, action, "
            "summary, change_count) VALUES (?, ?, ?, ?, ?, ?, 'sync.import', ?, 0)",
            (
                new_id(),
                db_time(now),
                actor.user_id,
                actor.username,
                actor.role,
                actor.device_id,
                (
                    f"Paket dari {incoming.sender['name']} diimpor: {summary.new_rows} baru, "
                    f"{summary.changed_rows} berubah, {summary.conflicts} konflik, "
                    f"{summary.duplicates} kemungkinan ganda"
                )[:1000],
            ),
        )

    def _replay_result(self, incoming: _Incoming) -> ImportResult:
        with self._engine.connect() as conn:
            text = conn.exec_driver_sql(
                "SELECT summary FROM bundle_log WHERE bundle_id = ? AND direction = 'in' "
                "AND peer_device = ?",
                (incoming.header.bundle_id, incoming.header.sender_device),
            ).scalar()
        summary = MergeSummary()
        with contextlib.suppress(orjson.JSONDecodeError, AttributeError, TypeError, ValueError):
            summary.received = int(orjson.loads(text or "{}").get("received", 0))
        summary.already_known = summary.received
        result = self._result(incoming, summary, applied=False)
        result.replayed = True
        return result

    def _result(self, incoming: _Incoming, summary: MergeSummary, *, applied: bool) -> ImportResult:
        header = incoming.header
        return ImportResult(
            bundle_id=header.bundle_id,
            sender_device=header.sender_device,
            sender_name=str(incoming.sender["name"]),
            created_at=header.created_at.isoformat(),
            summary=summary,
            applied=applied,
        )

    # -- helpers: files, checks, staging ---------------------------------------------------

    def _sweep_scratch(self) -> None:
        """Delete local copies and staging files left by a killed import (they hold
        decrypted data). Files an import in progress uses, in this process or another,
        are held by it (see :mod:`desktop.store.files`) and stay."""
        swept = files.sweep_scratch(
            self._scratch_dir,
            ("stage-*.db", "fetch-*"),
            idle_s=SCRATCH_IDLE_S,
            unheld_unknown_s=SCRATCH_MAX_AGE_S,
        )
        if swept:
            log.info("deleted %d scratch files left by an interrupted import", len(swept))

    def _new_staging(self, stem: str) -> Staging:
        """A new staging file ``<stem>-<random>.db``, for the user alone and held by this
        process until :meth:`_close_staging` (a sweep elsewhere leaves it alone)."""
        staging = Staging(self.work_dir / f"{stem}-{new_id()[-12:]}.db")
        try:
            files.hold(staging.path)  # before any record is staged
        except BaseException:
            staging.close()
            raise
        return staging

    def _close_staging(self, staging: Staging) -> None:
        files.release(staging.path)  # first: Windows deletes no file that is still open
        staging.close()

    def _check_target(self, target: Path) -> None:
        """Refuse to write a bundle as *target* when it or its ``.partial`` is a link or
        not a plain file, or when it is this database or one of its companion files."""
        try:
            check_target(target.parent, target.name)
        except BundleError as error:
            raise _target_refusal(error, target) from None
        for own in (self._path, *(self._path.with_name(self._path.name + s) for s in _COMPANIONS)):
            with contextlib.suppress(OSError):
                if target.exists() and own.exists() and target.samefile(own):
                    raise _refuse(
                        "sync.target_is_database",
                        QT_TRANSLATE_NOOP(
                            "Finding",
                            "{name} adalah berkas basis data yang sedang dibuka; paket tidak "
                            "boleh menimpanya. Pilih nama berkas atau folder lain.",
                        ),
                        name=str(target),
                    )

    def _deliver(self, bundle: Path, target_dir: Path, name: str) -> Path:
        """Copy a written bundle to the stick and read it back (:func:`deliver`)."""
        self._check_target(target_dir / name)
        try:
            return deliver(bundle, target_dir, name=name)
        except BundleError as error:
            raise _target_refusal(error, target_dir / name) from None

    def _fetch(self, file: Path) -> Path:
        if not file.is_file():
            raise _refuse(
                "sync.no_file",
                QT_TRANSLATE_NOOP("Finding", "Berkas {name} tidak ditemukan atau bukan berkas."),
                name=file.name,
            )
        try:
            # The header is read on the stick first: what is no bundle is never copied.
            return fetch(
                file, self.work_dir, max_size=MAX_BUNDLE_BYTES, check_header=True, hold=True
            )
        except BundleError as error:
            raise _bundle_refusal(error, file.name) from None
        except OSError:  # pragma: no cover - fetch reports I/O errors as bundle.io
            raise _refuse(
                "sync.unreadable",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Berkas {name} tidak dapat dibaca dari flashdisk. Periksa flashdisk, "
                    "lalu coba lagi.",
                ),
                name=file.name,
            ) from None

    def _read_header(self, local: Path, name: str) -> Any:
        try:
            return bundles.read_header(local, max_size=MAX_BUNDLE_BYTES)
        except BundleError as error:
            raise _bundle_refusal(error, name) from None

    def _verify(self, local: Path, header: Any, public: PublicKeys, name: str) -> None:
        try:
            bundles.verify_signature(local, header, public.signing)
        except BundleError as error:
            raise _bundle_refusal(error, name) from None

    def _stage_records(
        self,
        local: Path,
        header: Any,
        keys: Any,
        staging: Staging,
        name: str,
        *,
        bad_code: bool = False,
        signer: PublicKeys | None = None,
    ) -> dict[str, Any]:
        """Decrypt every record into the staging file (checking the signature on the way
        when the signer is known) and return the manifest's content. Staging holds a few
        MB at a time whatever the records' size (``Staging.add`` is told each one's)."""
        try:
            reader = bundles.BundleReader(local, header, keys, sender_signing_public=signer)
            for record in reader.records():
                kind, values = decode_record(record)
                staging.add(kind, values, len(record))
            checked = reader.manifest
            manifest = dict(checked.content)
            staging.seal()
        except BundleError as error:
            if bad_code and error.code == "bundle.decrypt":
                raise _refuse(
                    "sync.bad_code",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Kode sekali pakai tidak cocok dengan berkas pendaftaran {name}. "
                        "Periksa kode yang diberikan kantor kabupaten (12 huruf/angka).",
                    ),
                    name=name,
                ) from None
            raise _bundle_refusal(error, name) from None
        except ValueRefused as refused:
            raise _value_refusal(refused, name) from None
        except (RecordError, MalformedChange):
            raise _bundle_refusal(BundleError("bundle.manifest", "record"), name) from None
        except MergeAlarm as alarm:
            raise _alarm_refusal(alarm) from None
        if staging.change_count != manifest.get("changes") or (
            staging.audit_count != manifest.get("audits")
        ):
            raise _bundle_refusal(BundleError("bundle.manifest", "count"), name)
        return manifest

    def _attach(self, conn: Connection, staging: Staging) -> None:
        # Through the driver: ATTACH cannot run inside the transaction SQLAlchemy would begin.
        raw = _raw(conn)
        raw.execute("ATTACH DATABASE ? AS stage", (str(staging.path),))
        # Sorts and DISTINCTs over a big bundle go to disk, not to memory.
        raw.execute("PRAGMA temp_store = FILE")

    def _detach(self, conn: Connection) -> None:
        raw = _raw(conn)
        raw.execute("DETACH DATABASE stage")
        raw.execute("PRAGMA temp_store = MEMORY")

    @property
    def backup_dir(self) -> Path:
        """Where the copies made before each import are kept (see :meth:`prune_backups`)."""
        return self.work_dir / "backups"

    def _backup(self, bundle_id: str) -> Path:
        folder = files.private_dir(self.backup_dir)
        target = backup_database(self._engine, folder / self._path.name, f"sync-{bundle_id[-8:]}")
        self.prune_backups(keep=target)
        return target

    def backups_kept(self) -> int:
        """How many of the newest copies are kept (setting ``backup.keep_last``)."""
        with self._engine.connect() as conn:
            return parse_setting(BACKUPS_KEPT, queries.settings(conn))

    def prune_backups(
        self, *, now: datetime | None = None, keep: Path | None = None
    ) -> list[Path]:
        """Delete the import backups no longer kept: all but the newest ``backup.keep_last``
        (10 unless set) and the first of each month of the last year; never *keep* (the copy
        just made). A copy stamped later than now (a clock that was ahead) counts as made
        now. Return the deleted."""
        folder = self.backup_dir
        moment = now or utc_now()
        taken: dict[Path, datetime] = {}
        for copy in folder.glob(f"{glob.escape(self._path.stem)}.backup-sync-*"):
            if copy.suffix != (self._path.suffix or ".db") or not copy.is_file():
                continue  # the -wal or -shm of a copy someone opened, or a folder
            with contextlib.suppress(OSError):
                taken[copy] = min(_backup_time(copy), moment)
        kept = backups_to_keep(taken, keep_last=self.backups_kept(), now=moment)
        if keep is not None:
            kept.add(keep)
        deleted = []
        for copy in sorted(set(taken) - kept):
            try:
                copy.unlink()
            except OSError:
                log.warning("an old backup could not be deleted: %s", copy.name)
            else:
                deleted.append(copy)
        return deleted

    def _audit(self, actor: Actor, action: str, summary: str) -> None:
        with self._engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO audit_entry (id, at, user_id, username, role, device_id, action, "
                "summary, change_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
                (
                    new_id(),
                    db_time(utc_now()),
                    actor.user_id,
                    actor.username,
                    actor.role,
                    actor.device_id,
                    action,
                    summary[:1000],
                ),
            )

    # -- status --------------------------------------------------------------------------

    def status(self, actor: Actor) -> SyncStatus:
        """This office's keys, devices, queues and last bundles."""
        require(actor, Permission.VIEW)
        info = self._office.require_info()
        try:
            own_fingerprint = self.keys().public.fingerprint
        except DomainError:  # a read-only database that never made its keys
            own_fingerprint = "–"
        with self._engine.connect() as conn:
            seq = int(conn.exec_driver_sql("SELECT device_seq FROM local_state").scalar() or 0)
            rows = conn.exec_driver_sql(
                "SELECT id, name, office_kind, region_code, signing_public_key, "
                "exchange_public_key, created_at, revoked_at, last_bundle_at, acknowledged_vv, "
                "pinned_at FROM device WHERE id <> ? ORDER BY office_kind, region_code, name",
                (info.device_id,),
            ).all()
            valid_for = timedelta(days=parse_setting(ENROLMENT_VALID_DAYS, queries.settings(conn)))
            devices = []
            for row in rows:
                waiting = row[4] is None and row[7] is None and row[2] == "kecamatan"
                ack = vv_loads(str(row[9]))
                behind = _behind(conn, ack)
                fingerprint = (
                    PublicKeys(_unb64(row[4]), _unb64(row[5])).fingerprint if row[4] else None
                )
                devices.append(
                    DeviceStatus(
                        device_id=str(row[0]),
                        name=str(row[1]),
                        office_kind=str(row[2]),
                        region_code=str(row[3]),
                        fingerprint=fingerprint,
                        enrolled_at=_parse_time(row[6]),
                        pinned=row[4] is not None,
                        revoked_at=_parse_time(row[7]) if row[7] else None,
                        last_bundle_at=_parse_time(row[8]) if row[8] else None,
                        behind=behind,
                        pinned_at=_parse_time(row[10]) if row[10] else None,
                        valid_until=_parse_time(row[6]) + valid_for if waiting else None,
                    )
                )
            conflicts = int(
                conn.exec_driver_sql(
                    "SELECT count(*) FROM conflict WHERE resolved_at IS NULL"
                ).scalar()
                or 0
            )
            duplicates = int(
                conn.exec_driver_sql(
                    "SELECT count(*) FROM duplicate_pair WHERE resolved_at IS NULL"
                ).scalar()
                or 0
            )
            last_out = conn.exec_driver_sql(
                "SELECT max(processed_at) FROM bundle_log WHERE direction = 'out'"
            ).scalar()
            last_in = conn.exec_driver_sql(
                "SELECT max(processed_at) FROM bundle_log WHERE direction = 'in'"
            ).scalar()
        return SyncStatus(
            office=info,
            fingerprint=own_fingerprint,
            device_seq=seq,
            devices=devices,
            open_conflicts=conflicts,
            open_duplicates=duplicates,
            last_export=_parse_time(last_out) if last_out else None,
            last_import=_parse_time(last_in) if last_in else None,
        )

    # -- conflicts -----------------------------------------------------------------------

    def conflicts(self, actor: Actor, *, include_resolved: bool = False) -> list[ConflictView]:
        """The hard conflicts waiting for the admin (oldest first)."""
        require(actor, Permission.VIEW)
        where = "" if include_resolved else "WHERE resolved_at IS NULL"
        with self._engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT id, table_name, row_id, field, base_value, winner_value, loser_value, "
                f"winner_change, loser_change, detected_at, resolved_at FROM conflict {where} "
                "ORDER BY detected_at, id"
            ).all()
            return [
                ConflictView(
                    id=str(r[0]),
                    table_name=str(r[1]),
                    row_id=str(r[2]),
                    row_label=_row_label(conn, str(r[1]), str(r[2])),
                    field=str(r[3]),
                    base=_unjson(r[4]),
                    winner=_change_info(conn, str(r[7]), _unjson(r[5])),
                    loser=_change_info(conn, str(r[8]), _unjson(r[6])),
                    detected_at=_parse_time(r[9]),
                    resolved_at=_parse_time(r[10]) if r[10] else None,
                )
                for r in rows
            ]

    def settle(self, actor: Actor, conflict_id: str, *, keep: str) -> None:
        """Settle a conflict with the applied value (``keep="winner"``) or the other one.

        Writes a new change that dominates both sides, so every office converges on it.
        """
        require(actor, Permission.SYNC)
        require(actor, Permission.MANAGE_OFFICE)
        if keep not in ("winner", "loser"):
            raise ValueError("keep must be 'winner' or 'loser'")
        with self._engine.connect() as conn:
            row = conn.exec_driver_sql(
                "SELECT table_name, row_id, field, winner_value, loser_value, resolved_at, "
                "winner_change, loser_change FROM conflict WHERE id = ?",
                (conflict_id,),
            ).first()
            if row is None or row[5] is not None:
                raise _refuse(
                    "sync.conflict_gone",
                    QT_TRANSLATE_NOOP(
                        "Finding", "Konflik ini sudah diselesaikan atau tidak ada lagi."
                    ),
                )
            table_name, row_id, name = str(row[0]), str(row[1]), str(row[2])
            # A field derived from another is settled with it (the unit stays whole): the
            # open conflicts of the same two changes on the unit's other fields go too.
            unit = unit_of(table_name, name)
            marks = ", ".join("?" for _ in unit)
            sides = conn.exec_driver_sql(
                f"SELECT field, winner_value, loser_value FROM conflict "
                f"WHERE resolved_at IS NULL AND row_id = ? AND field IN ({marks}) "
                f"AND winner_change = ? AND loser_change = ?",
                (row_id, *unit, row[6], row[7]),
            ).all()
        model = {str(m.__tablename__): m for m in models.SYNCED_TABLES}[table_name]
        chosen = {
            str(field_name): _python_value(
                table_of(model), str(field_name), _unjson(won if keep == "winner" else lost)
            )
            for field_name, won, lost in sides
        }
        chosen[name] = _python_value(
            table_of(model), name, _unjson(row[3] if keep == "winner" else row[4])
        )
        with UnitOfWork(
            self._engine,
            actor,
            action="sync.settle",
            summary=f"Konflik {table_name}.{name} diselesaikan ({_KEPT[keep]})",
        ) as uow:
            if name == "deleted" and chosen[name]:
                uow.delete(model, row_id)
            else:
                uow.update(model, row_id, chosen, force=True)
            uow.connection.exec_driver_sql(
                f"UPDATE conflict SET resolved_at = ?, resolved_by = ? "
                f"WHERE resolved_at IS NULL AND row_id = ? AND field IN "
                f"({', '.join('?' for _ in chosen)})",
                (db_time(utc_now()), actor.user_id, row_id, *chosen),
            )

    # -- duplicates ----------------------------------------------------------------------

    def duplicates(self, actor: Actor) -> list[DuplicateView]:
        """Pairs of worker records that may be one person, waiting for the admin."""
        require(actor, Permission.VIEW)
        with self._engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT id, worker_a, worker_b, reason, detected_at FROM duplicate_pair "
                "WHERE resolved_at IS NULL ORDER BY detected_at, id"
            ).all()
            views = []
            for pair_id, a, b, reason, detected in rows:
                first, second = _worker_card(conn, str(a)), _worker_card(conn, str(b))
                if first is None or second is None:
                    continue
                views.append(
                    DuplicateView(str(pair_id), str(reason), first, second, _parse_time(detected))
                )
            return views

    def merge_duplicate(self, actor: Actor, pair_id: str, *, keep: str) -> None:
        """Merge a pair into the record *keep*: the other becomes a redirect, claims follow."""
        require(actor, Permission.EDIT_ROSTER)
        require(actor, Permission.MANAGE_OFFICE)
        pair = self._open_pair(pair_id)
        if keep not in (pair[0], pair[1]):
            raise ValueError("keep must be one of the pair")
        other = pair[1] if keep == pair[0] else pair[0]
        with UnitOfWork(
            self._engine,
            actor,
            action="sync.merge_duplicate",
            summary=f"Dua data peserta digabung ({other[-8:]} → {keep[-8:]})",
        ) as uow:
            conn = uow.connection
            # What only the other record knows (KK, KPJ, address, phone ...) moves over.
            table = table_of(models.Worker)
            kept_row = conn.execute(table.select().where(table.c.id == keep)).mappings().one()
            other_row = conn.execute(table.select().where(table.c.id == other)).mappings().one()
            filled = {
                name: other_row[name]
                for name in MERGE_FILLS
                if kept_row[name] in (None, "")
                and other_row[name] not in (None, "")
                # A sub-category only goes with its category.
                and (name != "subcategory" or kept_row["category"] == other_row["category"])
            }
            if filled:
                uow.update(models.Worker, keep, filled)
            uow.update(models.Worker, other, {"merged_into": keep})
            claims = [
                str(r[0])
                for r in conn.exec_driver_sql(
                    "SELECT id FROM claim WHERE worker_id = ? AND deleted = 0", (other,)
                )
            ]
            for claim_id in claims:
                uow.update(models.Claim, claim_id, {"worker_id": keep})
            now = db_time(utc_now())
            conn.exec_driver_sql(
                "UPDATE duplicate_pair SET resolved_at = ?, resolution = 'merged', "
                "resolved_by = ? WHERE id = ?",
                (now, actor.user_id, pair_id),
            )
            # Other open pairs of the redirected record are settled by the merge too.
            conn.exec_driver_sql(
                "UPDATE duplicate_pair SET resolved_at = ?, resolution = 'merged', "
                "resolved_by = ? WHERE resolved_at IS NULL AND (worker_a = ? OR worker_b = ?)",
                (now, actor.user_id, other, other),
            )

    def mark_distinct(self, actor: Actor, pair_id: str) -> None:
        """Record that the two workers of a pair are different people."""
        require(actor, Permission.EDIT_ROSTER)
        self._open_pair(pair_id)
        with self._engine.begin() as conn:
            conn.exec_driver_sql(
                "UPDATE duplicate_pair SET resolved_at = ?, resolution = 'distinct', "
                "resolved_by = ? WHERE id = ?",
                (db_time(utc_now()), actor.user_id, pair_id),
            )

    def _open_pair(self, pair_id: str) -> tuple[str, str]:
        with self._engine.connect() as conn:
            row = conn.exec_driver_sql(
                "SELECT worker_a, worker_b FROM duplicate_pair WHERE id = ? "
                "AND resolved_at IS NULL",
                (pair_id,),
            ).first()
        if row is None:
            raise _refuse(
                "sync.pair_gone",
                QT_TRANSLATE_NOOP(
                    "Finding", "Pasangan data ganda ini sudah diputuskan atau tidak ada lagi."
                ),
            )
        return str(row[0]), str(row[1])


# ---- small helpers -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Written:
    path: Path
    name: str
    bundle_id: str
    created_at: datetime
    sha256: str
    changes: int
    audits: int
    per_table: dict[str, int]
    # The bundle's acknowledgement vector: every change up to it in the peer's scope went.
    sent: dict[str, int] = field(default_factory=dict)


class _Counting:
    """Passes records through, reporting progress and honouring cancel."""

    def __init__(
        self, records: Iterator[bytes], progress: ProgressFn | None, cancel: CancelFn | None
    ) -> None:
        self._records = records
        self._progress = progress
        self._cancel = cancel
        self.count = 0

    def __iter__(self) -> Iterator[bytes]:
        for record in self._records:
            self.count += 1
            if self.count % 5_000 == 0:
                if self._cancel is not None and self._cancel():
                    raise bundles.BundleCancelled()
                if self._progress is not None:
                    self._progress(self.count, 0, "export")
            yield record


class _ExchangeOnly:
    """Stands in for device keys when only the exchange key is known (the enrolment code)."""

    def __init__(self, exchange: X25519PrivateKey) -> None:
        self.exchange = exchange


def _placeholder_keys() -> PublicKeys:
    return PublicKeys(b"\0" * 32, b"\0" * 32)


def _table_label(name: str) -> str:
    return table_name(name)


def _stamp_day(hlc: str) -> str:
    """The day a clock stamp names, as people write it (the stamp itself when unreadable)."""
    try:
        moment = datetime.fromtimestamp(int(float(hlc)) / 1000, UTC)
    except (ValueError, OverflowError, OSError):
        return hlc
    return moment.strftime("%d-%m-%Y")


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


@contextlib.contextmanager
def _small_cache(conn: Connection) -> Iterator[None]:
    """A small page cache while streaming the change log once: the bundle is read in order,
    so a big cache only holds pages that are never read again (and counts as memory)."""
    raw = _raw(conn)
    (previous,) = raw.execute("PRAGMA cache_size").fetchone()
    raw.execute("PRAGMA cache_size = -8192")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA cache_size = {int(previous)}")


def _raw(conn: Connection) -> sqlite3.Connection:
    raw = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(text: str) -> bytes:
    return base64.b64decode(text)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _vector(value: Any) -> dict[str, int]:
    if not isinstance(value, dict):
        return {}
    return {str(k): int(v) for k, v in value.items() if isinstance(v, int)}


def _parse_time(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    text = str(value).replace("Z", "+00:00")
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _local_day(moment: datetime) -> str:
    """A moment as people read it in a message: its day and time on this computer."""
    return moment.astimezone().strftime("%d-%m-%Y %H:%M")


def _unjson(text: Any) -> Any:
    return None if text is None else orjson.loads(text)


def _behind(conn: Connection, ack: Mapping[str, int]) -> int:
    total = 0
    for device, top in conn.exec_driver_sql(
        "SELECT device_id, max(device_seq) FROM change_log GROUP BY device_id"
    ):
        total += max(0, int(top) - int(ack.get(str(device), 0)))
    return total


def _change_info(conn: Connection, ref: str, value: Any) -> ChangeInfo:
    device, _, seq = ref.rpartition(":")
    row = conn.exec_driver_sql(
        "SELECT c.recorded_at, c.user_id, a.username FROM change_log c "
        "LEFT JOIN audit_entry a ON a.id = c.audit_id WHERE c.device_id = ? AND c.device_seq = ?",
        (device, int(seq or 0)),
    ).first()
    name = conn.exec_driver_sql("SELECT name FROM device WHERE id = ?", (device,)).scalar()
    return ChangeInfo(
        ref=ref,
        device_id=device,
        device_name=str(name or device[-8:]),
        username=str(row[2] or row[1][-8:]) if row else "",
        at=str(row[0]) if row else "",
        value=value,
    )


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
    if table_name == "setting":
        key = conn.exec_driver_sql("SELECT key FROM setting WHERE id = ?", (row_id,)).scalar()
        if key:
            return str(key)
    return f"{_table_label(table_name)} {row_id[-8:]}"


def _worker_card(conn: Connection, worker_id: str) -> dict[str, Any] | None:
    row = (
        conn.execute(
            table_of(models.Worker).select().where(table_of(models.Worker).c.id == worker_id)
        )
        .mappings()
        .first()
    )
    if row is None:
        return None
    card = dict(row)
    card["origin_name"] = conn.exec_driver_sql(
        "SELECT name FROM device WHERE id = ?", (row["origin_device"],)
    ).scalar()
    return card


def _python_value(table: Table, name: str, value: Any) -> Any:
    """A change-log value as the table's column takes it through the unit of work."""
    if value is None:
        return None
    if name == "deleted":
        return bool(value)
    column = table.c[name]
    kind = column.type
    if isinstance(kind, Boolean):
        return bool(value)
    if isinstance(kind, DateTime):
        return _parse_time(value)
    if isinstance(kind, Date):
        return date.fromisoformat(str(value))
    return value


_BACKUP_STAMP = re.compile(r"-(\d{8}-\d{6})(?:-\d+)?\.[^.]*$")


def _backup_time(copy: Path) -> datetime:
    """When a backup was made: from its name (``…-20261206-051620.db``, UTC), else from
    the file's modification time (a copy renamed by hand)."""
    match = _BACKUP_STAMP.search(copy.name)
    if match:
        with contextlib.suppress(ValueError):
            return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
    return datetime.fromtimestamp(copy.stat().st_mtime, UTC)


def copy_free_space(target: Path) -> int:
    """Free bytes on the drive holding *target* (for the dialog's drive list)."""
    return shutil.disk_usage(target).free
