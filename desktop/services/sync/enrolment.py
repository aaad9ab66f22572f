"""Enrolment: the hub enrols a kecamatan (a file and a one-time code); a new laptop joins
with them."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError
from desktop.domain.regions import RegionCode, RegionLevel
from desktop.domain.settings import ENROLMENT_VALID_DAYS, parse_setting
from desktop.services.office import OfficeKind
from desktop.services.permissions import Actor, Permission, require
from desktop.services.sync.applying import ApplyingMixin
from desktop.services.sync.base import CancelFn, ProgressFn
from desktop.services.sync.codes import _code_keys, _code_secret, _proof, _verifier, new_code
from desktop.services.sync.export import ExportMixin
from desktop.services.sync.helpers import _b64, _sha256
from desktop.services.sync.refusals import _bundle_refusal, _refuse
from desktop.services.sync.results import Enrollment, ImportResult, _Incoming
from desktop.store import files, queries
from desktop.store.database import copy_database
from desktop.store.ids import new_id
from desktop.store.unit_of_work import utc_now
from desktop.sync.changes import Scope
from desktop.sync.errors import BundleError
from desktop.sync.keys import PublicKeys
from desktop.sync.merge import db_time


class EnrolmentMixin(ApplyingMixin, ExportMixin):
    """Enrol (hub) and join (laptop)."""

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
        copy_database(self._engine, target)
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

    def enrolment_valid_days(self) -> int:
        """How many days an enrolment waits for the laptop's first bundle (a setting)."""
        with self._engine.connect() as conn:
            return parse_setting(ENROLMENT_VALID_DAYS, queries.settings(conn))


class _ExchangeOnly:
    """Stands in for device keys when only the exchange key is known (the enrolment code)."""

    def __init__(self, exchange: X25519PrivateKey) -> None:
        self.exchange = exchange
