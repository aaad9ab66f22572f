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
import hashlib
import hmac
import logging
import re
import secrets
import shutil
import sqlite3
import time
import weakref
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import orjson
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy import Boolean, Connection, Date, DateTime, Engine, Table

from desktop.domain.backups import backups_to_keep
from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding
from desktop.domain.regions import RegionCode, RegionLevel
from desktop.domain.settings import BACKUPS_KEPT, parse_setting
from desktop.services.office import OfficeInfo, OfficeKind, OfficeService
from desktop.services.permissions import Actor, Permission, require
from desktop.services.progress import Cancelled
from desktop.store import models, queries
from desktop.store.database import backup_database, head_revision
from desktop.store.hlc import HybridClock, vv_dumps, vv_loads
from desktop.store.ids import new_id
from desktop.store.unit_of_work import UnitOfWork, set_journal_mode, table_of, utc_now
from desktop.sync import bundle as bundles
from desktop.sync.changes import (
    RecordError,
    Scope,
    Selection,
    ack_vector,
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
    ScopeViolation,
    Staging,
    UniqueClash,
    db_time,
    stamp_plausibility,
)
from desktop.sync.transport import bundle_file_name, deliver, fetch

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]

MAX_BUNDLE_BYTES = bundles.MAX_BUNDLE_SIZE
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
CODE_LENGTH = 12
# Scratch files (bundle copies, staging) older than this are leftovers: deleted.
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


# ---- results -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Enrollment:
    """An enrolment file for one kecamatan and the one-time code that opens it."""

    path: Path
    code: str
    device_id: str
    district: str
    changes: int


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


def _code_keys(secret: bytes) -> tuple[X25519PrivateKey, bytes]:
    return X25519PrivateKey.from_private_bytes(secret[:32]), secret[32:]


def _proof(proof_key: bytes, public: PublicKeys) -> str:
    return hmac.new(proof_key, public.to_text().encode(), hashlib.sha256).hexdigest()


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

    # -- places --------------------------------------------------------------------------

    @property
    def work_dir(self) -> Path:
        """Local scratch space beside the database (staging, outgoing copies, backups)."""
        path = self._path.with_name(f"{self._path.stem}-sync")
        path.mkdir(parents=True, exist_ok=True)
        return path

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
                (device_id, label[:200], code.dotted, db_time(now), proof_key.hex()),
            )
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
            target = out if out.suffix else out / "enrol.sigap"
            target.parent.mkdir(parents=True, exist_ok=True)
            final = deliver(written.path, target.parent, name=target.name)
            written.path.unlink(missing_ok=True)
        except BaseException:
            with self._engine.begin() as conn:
                conn.exec_driver_sql("DELETE FROM device WHERE id = ?", (device_id,))
            raise
        self._audit(
            actor,
            "sync.enroll",
            f"Kecamatan {code.dotted} didaftarkan (perangkat {device_id[-8:]})",
        )
        return Enrollment(final, one_time, device_id, code.dotted, written.changes)

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
            staging = Staging(self.work_dir / f"stage-{header.bundle_id}.db")
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
                                _proof(proof_key, own.public),
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
                staging.close()
        finally:
            local.unlink(missing_ok=True)

    def _snapshot(self) -> Path:
        """Copy the whole database aside (SQLite's online backup) to restore it later."""
        target = self.work_dir / f"pristine-{new_id()}.db"
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
                final = deliver(written.path, target_dir, name=written.name)
            except BundleError as error:
                raise _bundle_refusal(error, written.name) from None
            finally:
                written.path.unlink(missing_ok=True)
            with self._engine.begin() as conn:
                conn.exec_driver_sql(
                    "INSERT INTO bundle_log (bundle_id, direction, peer_device, created_at, "
                    "processed_at, file_name, size, sha256, change_count, summary) "
                    "VALUES (?, 'out', ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        written.bundle_id,
                        row["id"],
                        db_time(written.created_at),
                        db_time(utc_now()),
                        final.name,
                        final.stat().st_size,
                        written.sha256,
                        written.changes,
                        orjson.dumps(written.per_table).decode(),
                    ),
                )
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
            have = ack_vector(conn, info.device_id, int(state or 0))
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
                "SELECT 1 FROM bundle_log WHERE bundle_id = ? AND direction = 'in'",
                (header.bundle_id,),
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
                raise _bundle_refusal(
                    BundleError("bundle.signature", "key pin"), incoming.file_name
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
        stack.callback(local.unlink, missing_ok=True)
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
        staging = Staging(self.work_dir / f"stage-{header.bundle_id}-{new_id()[-12:]}.db")
        stack.callback(staging.close)
        pinned = sender["signing_public_key"] is not None
        if pinned:
            public = PublicKeys(
                _unb64(str(sender["signing_public_key"])),
                _unb64(str(sender["exchange_public_key"])),
            )
            if public.fingerprint != header.sender_fingerprint:
                raise _bundle_refusal(BundleError("bundle.signature", "key pin"), name)
        incoming = _Incoming(
            header=header,
            manifest={},
            staging=staging,
            sender=sender,
            sender_public=public if pinned else _placeholder_keys(),
            pin=not pinned,
            file_name=name,
            size=local.stat().st_size,
            sha256=_sha256(local),
            replayed=seen,
        )
        if incoming.replayed:
            if pinned:
                self._verify(local, header, public, name)
            return incoming
        manifest = self._stage_records(
            local, header, keys, staging, name, signer=public if pinned else None
        )
        incoming.manifest = manifest
        if not pinned:
            # First bundle of an enrolled laptop: its keys travel inside, with a proof that
            # it knows the one-time code; then the signature is checked with those keys.
            extra = manifest.get("extra", {})
            try:
                public = PublicKeys.from_text(str(extra.get("sender_public", "")))
            except BundleError as error:
                raise _bundle_refusal(error, name) from None
            verifier = sender["enrollment_verifier"]
            if (
                public.fingerprint != header.sender_fingerprint
                or not verifier
                or not hmac.compare_digest(
                    _proof(bytes.fromhex(str(verifier)), public),
                    str(extra.get("enrollment_proof", "")),
                )
            ):
                raise _bundle_refusal(BundleError("bundle.signature", "enrolment proof"), name)
            self._verify(local, header, public, name)
            incoming.sender_public = public
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
            seen = conn.exec_driver_sql(
                "SELECT 1 FROM bundle_log WHERE bundle_id = ? AND direction = 'in'",
                (header.bundle_id,),
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
        if sender["revoked_at"] is not None:
            raise _revoked_refusal(header.sender_device, str(sender["name"]))
        return dict(sender), seen is not None

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
        return result

    def _limits(self, incoming: _Incoming) -> MergeLimits:
        """What the merge of a bundle holds its sender to: at the hub, a kecamatan's bundle
        may only change that kecamatan's rows, and only the laptop's own changes may be new
        in it. Read before the merge's transaction opens."""
        info = self._office.require_info()
        if info.kind is not OfficeKind.HUB:
            return MergeLimits(receiver=info.device_id)
        # Every device a hub hears from is an enrolled kecamatan: held to its district.
        return MergeLimits(
            receiver=info.device_id,
            write_scope=str(incoming.sender.get("region_code") or "-"),
            sender=str(incoming.sender["id"]),
        )

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
        except ScopeViolation as violation:
            log.warning("bundle refused: a change outside the sender's kecamatan")
            raise refused(
                "sync.scope",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Paket {name} dari {office} mengubah data di luar wilayah kecamatannya "
                    "({row}). Paket ditolak seluruhnya; tidak ada data yang berubah. Laporkan "
                    "ke admin kabupaten: perangkat itu mungkin dipakai untuk kecamatan lain, "
                    "atau paketnya diubah orang.",
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
        own = ack_vector(conn, str(state[0]), int(state[1]))
        watermark = vv_loads(str(device[0]))
        if dominated_by(base, own):
            # The bundle holds every change of our scope the sender had beyond what we had.
            watermark = {k: max(v, watermark.get(k, 0)) for k, v in have.items()} | {
                k: v for k, v in watermark.items() if k not in have
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
                "SELECT summary FROM bundle_log WHERE bundle_id = ?", (incoming.header.bundle_id,)
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
        """Delete local copies and staging files left by a crash or a closed window (they
        hold decrypted data). Only old ones: another process may be importing right now."""
        limit = time.time() - SCRATCH_MAX_AGE_S
        for pattern in ("stage-*.db", "fetch-*"):
            for leftover in self.work_dir.glob(pattern):
                with contextlib.suppress(OSError):
                    if leftover.stat().st_mtime < limit:
                        leftover.unlink()

    def _fetch(self, file: Path) -> Path:
        if not file.is_file():
            raise _refuse(
                "sync.no_file",
                QT_TRANSLATE_NOOP("Finding", "Berkas {name} tidak ditemukan atau bukan berkas."),
                name=file.name,
            )
        try:
            return fetch(file, self.work_dir, max_size=MAX_BUNDLE_BYTES)
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
        when the signer is known) and return the manifest's content."""
        try:
            reader = bundles.BundleReader(local, header, keys, sender_signing_public=signer)
            for record in reader.records():
                kind, values = decode_record(record)
                staging.add(kind, values)
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
        folder = self.backup_dir
        folder.mkdir(mode=0o700, exist_ok=True)
        target = backup_database(self._engine, folder / self._path.name, f"sync-{bundle_id[-8:]}")
        self.prune_backups()
        return target

    def backups_kept(self) -> int:
        """How many of the newest copies are kept (setting ``backup.keep_last``)."""
        with self._engine.connect() as conn:
            return parse_setting(BACKUPS_KEPT, queries.settings(conn))

    def prune_backups(self, *, now: datetime | None = None) -> list[Path]:
        """Delete the import backups no longer kept: all but the newest ``backup.keep_last``
        (10 unless set) and the first of each month of the last year. Return the deleted."""
        folder = self.backup_dir
        taken: dict[Path, datetime] = {}
        for copy in folder.glob(f"{self._path.stem}.backup-sync-*"):
            with contextlib.suppress(OSError):
                taken[copy] = _backup_time(copy)
        keep = backups_to_keep(taken, keep_last=self.backups_kept(), now=now or utc_now())
        deleted = []
        for copy in sorted(set(taken) - keep):
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
        keys = self.keys()
        with self._engine.connect() as conn:
            seq = int(conn.exec_driver_sql("SELECT device_seq FROM local_state").scalar() or 0)
            rows = conn.exec_driver_sql(
                "SELECT id, name, office_kind, region_code, signing_public_key, "
                "exchange_public_key, created_at, revoked_at, last_bundle_at, acknowledged_vv "
                "FROM device WHERE id <> ? ORDER BY office_kind, region_code, name",
                (info.device_id,),
            ).all()
            devices = []
            for row in rows:
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
            fingerprint=keys.public.fingerprint,
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
                "SELECT table_name, row_id, field, winner_value, loser_value, resolved_at "
                "FROM conflict WHERE id = ?",
                (conflict_id,),
            ).first()
        if row is None or row[5] is not None:
            raise _refuse(
                "sync.conflict_gone",
                QT_TRANSLATE_NOOP("Finding", "Konflik ini sudah diselesaikan atau tidak ada lagi."),
            )
        table_name, row_id, name = str(row[0]), str(row[1]), str(row[2])
        raw = _unjson(row[3] if keep == "winner" else row[4])
        model = {str(m.__tablename__): m for m in models.SYNCED_TABLES}[table_name]
        value = _python_value(table_of(model), name, raw)
        with UnitOfWork(
            self._engine,
            actor,
            action="sync.settle",
            summary=f"Konflik {table_name}.{name} diselesaikan ({_KEPT[keep]})",
        ) as uow:
            if name == "deleted" and value:
                uow.delete(model, row_id)
            else:
                uow.update(model, row_id, {name: value}, force=True)
            uow.connection.exec_driver_sql(
                "UPDATE conflict SET resolved_at = ?, resolved_by = ? "
                "WHERE resolved_at IS NULL AND row_id = ? AND field = ?",
                (db_time(utc_now()), actor.user_id, row_id, name),
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
    return f"{table_name} {row_id[-8:]}"


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
