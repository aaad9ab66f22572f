"""Importing: a staged bundle previewed, or backed up and merged in one transaction, and
its receipt recorded (see :mod:`desktop.sync.merge`)."""

from __future__ import annotations

import contextlib
import logging
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError
from desktop.services.office import OfficeKind
from desktop.services.permissions import Actor, Permission, require
from desktop.services.progress import Cancelled
from desktop.services.sync.backups import BackupsMixin
from desktop.services.sync.base import CancelFn, ProgressFn
from desktop.services.sync.helpers import _b64, _raw, _unjson, _vector
from desktop.services.sync.receiving import ReceivingMixin
from desktop.services.sync.refusals import (
    SyncRefused,
    _alarm_refusal,
    _bundle_refusal,
    _refuse,
    _revoked_refusal,
    _row_label,
    _stamp_day,
    about_bundle,
)
from desktop.services.sync.results import ImportResult, ReceivedBundle, _Incoming
from desktop.store.hlc import HybridClock, vv_dumps, vv_loads, vv_merge
from desktop.store.ids import new_id
from desktop.store.unit_of_work import set_journal_mode, utc_now
from desktop.sync.authority import AuthorityRefused
from desktop.sync.changes import ack_vector, cap_vector, dominated_by
from desktop.sync.errors import BundleError
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

log = logging.getLogger(__name__)

# Bundles from this many changes are applied through the rollback journal (see _apply).
BIG_BUNDLE_CHANGES = 50_000


class ApplyingMixin(ReceivingMixin, BackupsMixin):
    """Import, second half: preview or apply a staged bundle."""

    def preview(
        self,
        file: Path | ReceivedBundle,
        *,
        progress: ProgressFn | None = None,
        cancel: CancelFn | None = None,
    ) -> ImportResult:
        """Check a bundle completely and say what importing it would do; change nothing.

        The bundle is merged as the import merges it, in a transaction that is then rolled
        back: every figure of the preview (new rows, conflicts, possible duplicates) is what
        applying it does, as long as nothing else changes in between.
        """
        try:
            with ExitStack() as stack:
                incoming = self._incoming(file, stack)
                with about_bundle(incoming.header, incoming.file_name, incoming.size):
                    return self._preview(incoming, stack, progress, cancel)
        except SyncRefused as refused:
            self._note_refusal(refused)
            raise

    def _preview(
        self,
        incoming: _Incoming,
        stack: ExitStack,
        progress: ProgressFn | None,
        cancel: CancelFn | None,
    ) -> ImportResult:
        """The preview of a staged bundle: merged, then rolled back."""
        if incoming.replayed:
            return self._replay_result(incoming)
        limits = self._limits(incoming)
        conn = stack.enter_context(self._engine.connect())
        self._attach(conn, incoming.staging)
        try:
            transaction = conn.execution_options(sqlite_begin="IMMEDIATE").begin()
            try:
                merger = Merger(conn, incoming.staging, limits)
                summary = self._merge(merger, progress=progress, cancel=cancel, bundle=incoming)
            finally:
                # Everything the merge wrote goes, the staging tables it made too.
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
        try:
            with ExitStack() as stack:
                incoming = self._incoming(file, stack)
                if incoming.replayed:
                    return self._replay_result(incoming)
                with about_bundle(incoming.header, incoming.file_name, incoming.size):
                    return self._apply(incoming, actor, progress, cancel, exclusive=exclusive)
        except SyncRefused as refused:
            self._note_refusal(refused)
            raise

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
        limits = self._limits(incoming, actor)
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
                        claims_mark, pending = self._claims_mark(conn)
                        merger = Merger(conn, incoming.staging, limits)
                        summary = self._merge(
                            merger, progress=progress, cancel=cancel, bundle=incoming
                        )
                        self._record_receipt(
                            conn, incoming, summary, actor, claims_mark=claims_mark
                        )
                finally:
                    self._detach(conn)
            finally:
                if rollback_journal and not set_journal_mode(conn, "wal"):
                    log.warning("the database could not go back to WAL after an import")
        if claims_mark is not None:
            self._recompute_claims(actor, claims_mark, [*pending, header.bundle_id])
        result = self._result(incoming, summary, applied=True)
        result.backup = backup
        result.pinned = incoming.pin
        if incoming.pin:
            result.pinned_fingerprint = incoming.sender_public.fingerprint
        return result

    # -- the claims a merge touched ------------------------------------------------------
    #
    # The claim service recomputes through its own unit of work (its change log, audit entry
    # and clock), which opens its own transaction: it runs right after the merge commits.
    # The merge's bundle log row keeps the change log's mark from before the merge
    # ("claims_mark" in its summary) until that recompute has succeeded; a recompute that
    # did not happen (a crash, a busy database) is therefore redone by the next import, from
    # the oldest mark still kept.

    def _claims_mark(self, conn: Connection) -> tuple[int | None, list[str]]:
        """(the change log's mark to recompute claims from after this merge, the bundles
        whose recompute is still owed); (None, []) without a claim service."""
        if self._claims is None:
            return None, []
        top = conn.exec_driver_sql("SELECT max(local_seq) FROM change_log").scalar()
        mark = int(top or 0)
        pending: list[str] = []
        for bundle_id, owed in conn.exec_driver_sql(
            "SELECT bundle_id, json_extract(summary, '$.claims_mark') FROM bundle_log "
            "WHERE direction = 'in' AND json_valid(summary) "
            "AND json_extract(summary, '$.claims_mark') IS NOT NULL"
        ):
            with contextlib.suppress(TypeError, ValueError):
                mark = min(mark, int(owed))
                pending.append(str(bundle_id))
        return mark, pending

    def _recompute_claims(self, actor: Actor, mark: int, bundles: list[str]) -> None:
        """Recompute the claims changed after *mark*, then mark *bundles* as recomputed; a
        failure leaves them owed (the next import recomputes from their mark)."""
        if self._claims is None:
            return
        try:
            changed = self._claims.recompute_since(actor, mark)
            with self._engine.begin() as conn:
                for bundle_id in bundles:
                    conn.exec_driver_sql(
                        "UPDATE bundle_log SET summary = json_remove(summary, '$.claims_mark') "
                        "WHERE bundle_id = ? AND direction = 'in' AND json_valid(summary)",
                        (bundle_id,),
                    )
        except (SQLAlchemyError, DomainError):
            log.warning("claims not recomputed after an import (the next one will)", exc_info=True)
            return
        log.info("%d claims recomputed after an import", len(changed))

    def _limits(self, incoming: _Incoming, actor: Actor | None = None) -> MergeLimits:
        """What the merge of a bundle holds its sender to: at the hub, a kecamatan's bundle
        may only change that kecamatan's rows, and only the laptop's own changes may be new
        in it. Read before the merge's transaction opens.

        *actor*: who imports (a preview names this office's administrator): the hub holds
        a late claim edit for the admin in that user's name (desktop.sync.stale)."""
        info = self._office.require_info()
        if info.kind is not OfficeKind.HUB:
            return MergeLimits(receiver=info.device_id)
        # Every device a hub hears from is an enrolled kecamatan: held to its district, and
        # to what the hub has sent it.
        sender = str(incoming.sender["id"])
        if actor is None:
            with contextlib.suppress(DomainError):
                actor = self._office.local_actor()
        return MergeLimits(
            receiver=info.device_id,
            write_scope=str(incoming.sender.get("region_code") or "-"),
            sender=sender,
            sent=self._sent_to(sender),
            actor=actor,
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
            return merger.run(detected_at=utc_now(), progress=report, cancel=cancel)
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
            log.warning(
                "bundle refused: a change to a %s after it was moved away", moved.table_name
            )
            if moved.table_name == "claim":
                raise refused(
                    "sync.moved_away",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Paket {name} dari {office} mengubah {row}, padahal klaim itu sudah "
                        "dipindahkan kantor kabupaten ke desa di kecamatan lain sebelum perubahan "
                        "itu dibuat. Paket ditolak seluruhnya; tidak ada data yang berubah. "
                        "Perubahan atas klaim itu kini dilakukan oleh kecamatan barunya atau "
                        "kantor kabupaten.",
                    ),
                    row=_row_label(merger.connection, moved.table_name, moved.row_id),
                ) from None
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
        self,
        conn: Connection,
        incoming: _Incoming,
        summary: MergeSummary,
        actor: Actor,
        *,
        claims_mark: int | None = None,
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
        logged = summary.as_dict()
        if claims_mark is not None:
            logged["claims_mark"] = claims_mark  # until the claims are recomputed
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
                orjson.dumps(logged).decode(),
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
                    f"Paket dari {incoming.sender['name']} diimpor: {summary.new_rows} "
                    f"ditambahkan, {summary.changed_rows} diperbarui, {summary.unchanged_rows} "
                    f"tidak berubah, {summary.conflicts} konflik, {summary.duplicates} "
                    "kemungkinan data ganda"
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
