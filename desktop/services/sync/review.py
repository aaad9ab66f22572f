"""What the admin reviews and decides: this office's sync status and devices (revoking
one), hard conflicts to settle, possible duplicates to merge or tell apart."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Boolean, Connection, Date, DateTime, Table

from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding, Severity
from desktop.domain.settings import ENROLMENT_VALID_DAYS, parse_setting
from desktop.domain.units import unit_of
from desktop.services.permissions import Actor, Permission, require
from desktop.services.sync.base import SyncBase
from desktop.services.sync.helpers import _parse_time, _unb64, _unjson
from desktop.services.sync.refusals import _refuse, _row_label, _unknown_device
from desktop.services.sync.results import (
    ChangeInfo,
    ConflictView,
    DeviceStatus,
    DuplicateView,
    Refusal,
    SyncStatus,
)
from desktop.store import models, queries
from desktop.store.hlc import vv_loads
from desktop.store.unit_of_work import UnitOfWork, table_of, utc_now
from desktop.sync.duplicates import count_open_pairs, open_pairs
from desktop.sync.keys import PublicKeys
from desktop.sync.merge import db_time
from desktop.sync.stale import CLAIM_FILE_TABLES, HOLD_ACTION

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


class ReviewMixin(SyncBase):
    """Status, devices, conflicts and duplicates."""

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

    # -- status --------------------------------------------------------------------------

    def status(self, actor: Actor) -> SyncStatus:
        """This office's keys, devices, queues and last bundles."""
        require(actor, Permission.VIEW)
        info = self._office.require_info()
        self.check_duplicates()
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
            refusals = queries.last_refusals(conn)
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
                        last_refusal=_refusal(refusals.get(str(row[0]))),
                    )
                )
            conflicts = int(
                conn.exec_driver_sql(
                    "SELECT count(*) FROM conflict WHERE resolved_at IS NULL"
                ).scalar()
                or 0
            )
            duplicates = count_open_pairs(conn)
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
                    late_claim_edit=_is_hold(conn, str(r[7])),
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
            # open conflicts of the same two changes on the unit's other fields go too. A
            # late edit of an heir or a document the hub held back is one decision for all
            # its fields (a document received with the laptop's day, or not at all).
            unit = unit_of(table_name, name)
            if table_name in ("heir", "claim_document") and _is_hold(conn, str(row[6])):
                unit = tuple(
                    str(r[0])
                    for r in conn.exec_driver_sql(
                        "SELECT field FROM conflict WHERE resolved_at IS NULL AND row_id = ? "
                        "AND winner_change = ? AND loser_change = ?",
                        (row_id, row[6], row[7]),
                    )
                ) or (name,)
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
        mark = self._claims.change_mark() if self._claims is not None else None
        with UnitOfWork(
            self._engine,
            actor,
            action="sync.settle",
            summary=f"Konflik {table_name}.{name} diselesaikan ({_KEPT[keep]})",
        ) as uow:
            # A record put aside, kept aside (an heir the laptop added late, decided from
            # its account's conflict as from its own): deleted, whatever else the unit holds.
            if chosen.get("deleted"):
                uow.delete(model, row_id)
            else:
                uow.update(model, row_id, chosen, force=True)
            uow.connection.exec_driver_sql(
                f"UPDATE conflict SET resolved_at = ?, resolved_by = ? "
                f"WHERE resolved_at IS NULL AND row_id = ? AND field IN "
                f"({', '.join('?' for _ in chosen)})",
                (db_time(utc_now()), actor.user_id, row_id, *chosen),
            )
        if mark is not None and self._claims is not None and table_name in CLAIM_FILE_TABLES:
            # An heir, a document or a step taken back into the file: the claim's status,
            # clock and flags follow it.
            self._claims.recompute_since(actor, mark)

    # -- duplicates ----------------------------------------------------------------------

    def duplicates(self, actor: Actor) -> list[DuplicateView]:
        """Pairs of live worker records that may be one person, waiting for the admin: every
        pair the roster holds (whoever made the two records), as long as both are alike."""
        require(actor, Permission.VIEW)
        self.check_duplicates()
        with self._engine.connect() as conn:
            views = []
            for pair_id, a, b, reason, detected in open_pairs(conn):
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


def _is_hold(conn: Connection, ref: str) -> bool:
    """True when the change *ref* is the hub's hold of a late claim edit
    (desktop.sync.stale.hold_stale)."""
    device, _, seq = ref.rpartition(":")
    action = conn.exec_driver_sql(
        "SELECT a.action FROM change_log c JOIN audit_entry a ON a.id = c.audit_id "
        "WHERE c.device_id = ? AND c.device_seq = ?",
        (device, int(seq or 0)),
    ).scalar()
    return action == HOLD_ACTION


def _refusal(noted: tuple[str, str, Any] | None) -> Refusal | None:
    """A refusal as the bundle log keeps it (when, file, the finding as JSON)."""
    if noted is None:
        return None
    at, file_name, summary = noted
    why = _unjson(summary)
    if not isinstance(why, dict):
        why = {}
    params = why.get("params")
    if not isinstance(params, dict):
        params = {}
    finding = Finding(
        str(why.get("code", "sync.refused")),
        str(why.get("template", "")),
        Severity.ERROR,
        tuple((str(k), str(v)) for k, v in params.items()),
    )
    return Refusal(_parse_time(at), file_name, finding)


def _behind(conn: Connection, ack: Mapping[str, int]) -> int:
    total = 0
    for device, top in conn.exec_driver_sql(
        "SELECT device_id, max(device_seq) FROM change_log GROUP BY device_id"
    ):
        total += max(0, int(top) - int(ack.get(str(device), 0)))
    return total


def _change_info(conn: Connection, ref: str, value: Any) -> ChangeInfo:
    device, _, seq = ref.rpartition(":")
    # Named by the account of its audit entry (which the merge checked is of the sending
    # office), not by the name the entry spells: a laptop could spell the regency's admin.
    row = conn.exec_driver_sql(
        "SELECT c.recorded_at, c.user_id, coalesce(u.username, a.username) FROM change_log c "
        "LEFT JOIN audit_entry a ON a.id = c.audit_id LEFT JOIN app_user u ON u.id = a.user_id "
        "WHERE c.device_id = ? AND c.device_seq = ?",
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
    # Who registered the record: the office of its first change (its insert), not of its
    # latest (``origin_device``, which a later edit by another office takes over).
    card["registered_by"] = (
        conn.exec_driver_sql(
            "SELECT d.name FROM change_log c JOIN device d ON d.id = c.device_id "
            "WHERE c.row_id = ? AND c.table_name = 'worker' AND c.op = 'insert' "
            "ORDER BY c.local_seq LIMIT 1",
            (worker_id,),
        ).scalar()
        or conn.exec_driver_sql(
            "SELECT name FROM device WHERE id = ?", (row["origin_device"],)
        ).scalar()
    )
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
