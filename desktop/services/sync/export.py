"""Sending: a bundle for each peer written, copied to the stick and read back there."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Connection

from desktop.domain.findings import QT_TRANSLATE_NOOP
from desktop.services.office import OfficeKind
from desktop.services.permissions import Actor, Permission, require
from desktop.services.progress import Cancelled
from desktop.services.sync.base import CancelFn, ProgressFn, SyncBase
from desktop.services.sync.helpers import _raw, _unb64
from desktop.services.sync.refusals import (
    _bundle_refusal,
    _refuse,
    _target_refusal,
    _unknown_device,
)
from desktop.services.sync.results import ExportResult, _Written
from desktop.store.database import head_revision
from desktop.store.hlc import HybridClock, vv_loads
from desktop.store.ids import new_id
from desktop.store.unit_of_work import utc_now
from desktop.sync import bundle as bundles
from desktop.sync.changes import Scope, Selection, ack_vector, select_changes
from desktop.sync.errors import BundleError
from desktop.sync.merge import db_time
from desktop.sync.transport import bundle_file_name, check_target, deliver

# The files SQLite keeps beside a database.
_COMPANIONS = ("-wal", "-shm", "-journal")


class ExportMixin(SyncBase):
    """Export: peers, writing a bundle, delivering it to the target drive."""

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


def copy_free_space(target: Path) -> int:
    """Free bytes on the drive holding *target* (for the dialog's drive list)."""
    return shutil.disk_usage(target).free
