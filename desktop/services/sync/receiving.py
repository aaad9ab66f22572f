"""Receiving: a bundle fetched from the stick, its sender and signature checked, its
records decrypted into a staging file (everything before anything is applied)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from contextlib import ExitStack
from datetime import timedelta
from pathlib import Path
from typing import Any

from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError
from desktop.domain.settings import ENROLMENT_VALID_DAYS, parse_setting
from desktop.services.sync.base import SyncBase
from desktop.services.sync.codes import PROOF_PREFIX, _proof_holds
from desktop.services.sync.helpers import _local_day, _parse_time, _sha256, _unb64
from desktop.services.sync.refusals import (
    SyncRefused,
    _alarm_refusal,
    _bundle_refusal,
    _pin_refusal,
    _refuse,
    _revoked_refusal,
    _value_refusal,
    about_bundle,
)
from desktop.services.sync.results import BundleSummary, ReceivedBundle, _Incoming
from desktop.services.sync_scratch import sweep_scratch
from desktop.store import files, queries
from desktop.store.database import head_revision
from desktop.store.ids import new_id
from desktop.store.unit_of_work import utc_now
from desktop.sync import bundle as bundles
from desktop.sync.changes import RecordError, ValueRefused, decode_record
from desktop.sync.errors import BundleError
from desktop.sync.keys import PublicKeys
from desktop.sync.merge import MalformedChange, MergeAlarm, Staging
from desktop.sync.transport import fetch

log = logging.getLogger(__name__)

MAX_BUNDLE_BYTES = bundles.MAX_BUNDLE_SIZE

# Scratch files (bundle copies, staging): desktop.services.sync_scratch.


class ReceivingMixin(SyncBase):
    """Import, first half: fetch, check and stage a bundle."""

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
        except SyncRefused as refused:
            stack.close()
            self._note_refusal(refused)
            raise
        except BaseException:
            stack.close()
            raise
        return ReceivedBundle(incoming, stack)

    def _incoming(self, file: Path | ReceivedBundle, stack: ExitStack) -> _Incoming:
        """The staged bundle: read now from a path, or received earlier (then the database
        may have changed since: the sender and the receipt are looked up again)."""
        if not isinstance(file, ReceivedBundle):
            return self._receive(file, stack)
        incoming = file.incoming
        with about_bundle(incoming.header, incoming.file_name, incoming.size):
            return self._again(incoming)

    def _again(self, incoming: _Incoming) -> _Incoming:
        """A bundle received earlier, its sender and receipt looked up again."""
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
        self._office.require_info()
        self._sweep_scratch()
        name = file.name
        local = self._fetch(file)
        stack.callback(files.discard, local)
        header = self._read_header(local, name)
        with about_bundle(header, name, local.stat().st_size):
            return self._check_and_stage(local, header, name, stack)

    def _check_and_stage(self, local: Path, header: Any, name: str, stack: ExitStack) -> _Incoming:
        """Check a fetched bundle whose header was read, then stage its records."""
        info = self._office.require_info()
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

    # -- helpers: files, checks, staging ---------------------------------------------------

    def _sweep_scratch(self) -> None:
        """Delete local copies and staging files left by a killed import (they hold
        decrypted data); see :mod:`desktop.services.sync_scratch`."""
        sweep_scratch(self._path)

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


def _placeholder_keys() -> PublicKeys:
    return PublicKeys(b"\0" * 32, b"\0" * 32)
