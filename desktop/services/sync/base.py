"""What every part of the sync service shares: the database and its place, the office,
this device's keys, the audit trail."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, Engine

from desktop.domain.findings import DomainError, Finding
from desktop.services.office import OfficeInfo, OfficeService
from desktop.services.permissions import Actor
from desktop.services.sync.helpers import _b64
from desktop.store import files
from desktop.store.ids import new_id
from desktop.store.unit_of_work import utc_now
from desktop.sync.keys import DeviceKeys, PublicKeys
from desktop.sync.merge import db_time

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]


class SyncBase:
    """The state and the basics the parts of :class:`SyncService` share (set up by its
    ``__init__``)."""

    _engine: Engine
    _path: Path
    _read_only: Finding | None
    _office: OfficeService

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
