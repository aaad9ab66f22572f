"""What every part of the sync service shares: the database and its place, the office,
this device's keys, the audit trail."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import orjson
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from desktop.domain.findings import DomainError, Finding
from desktop.services.claims.recompute import ClaimRecompute
from desktop.services.office import OfficeInfo, OfficeService
from desktop.services.permissions import Actor
from desktop.services.sync.helpers import _b64
from desktop.services.sync.refusals import SyncRefused
from desktop.services.sync_scratch import scratch_dir
from desktop.store import files, queries
from desktop.store.ids import new_id
from desktop.store.unit_of_work import utc_now
from desktop.sync.duplicates import check_changed_workers, unchecked
from desktop.sync.keys import DeviceKeys, PublicKeys
from desktop.sync.merge import db_time

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]


class SyncBase:
    """The state and the basics the parts of :class:`SyncService` share (set up by its
    ``__init__``)."""

    _engine: Engine
    _path: Path
    _read_only: Finding | None
    _office: OfficeService
    _claims: ClaimRecompute | None

    # -- places --------------------------------------------------------------------------

    @property
    def work_dir(self) -> Path:
        """Local scratch space beside the database (staging, outgoing copies, backups),
        a folder for the user alone."""
        return files.private_dir(self._scratch_dir)

    @property
    def _scratch_dir(self) -> Path:
        return scratch_dir(self._path)

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

    def check_duplicates(self) -> int:
        """Search the workers changed since the last search (here, by a bundle, by a form or
        an import) for possible duplicates, and queue the new pairs; return how many.

        Cheap when nothing changed. A read-only database, or one another program is writing
        to right now, is searched next time.
        """
        if self._read_only is not None or self._office.info() is None:
            return 0
        with self._engine.connect() as conn:
            if not unchecked(conn):
                return 0
        try:
            with (
                self._engine.connect() as conn,
                conn.execution_options(sqlite_begin="IMMEDIATE").begin(),
            ):
                return check_changed_workers(conn, utc_now())
        except OperationalError:
            log.warning("possible duplicates not searched: the database is busy")
            return 0

    def _note_refusal(self, refused: SyncRefused) -> None:
        """Keep the newest refusal of a bundle from a known device in the bundle log: when,
        and why (the finding, to be shown in the user's language)."""
        bundle = refused.bundle
        if bundle is None or self._read_only is not None:
            return
        finding = refused.finding
        why = {"code": finding.code, "template": finding.template, "params": dict(finding.params)}
        try:
            with self._engine.begin() as conn:
                queries.record_refused_bundle(
                    conn,
                    bundle_id=bundle.bundle_id,
                    sender=bundle.sender_device,
                    file_name=bundle.file_name,
                    size=bundle.size,
                    at=db_time(utc_now()),
                    summary=orjson.dumps(why).decode(),
                )
        except SQLAlchemyError:
            log.warning("a refused bundle could not be noted in the bundle log", exc_info=True)

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
