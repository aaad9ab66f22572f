"""Apply received changes: stage them, check them, then merge them into the database.

The state of a synced row is a function of the *set* of its changes, never of the order in
which they arrived, so every office that has received the same changes holds the same rows:

- Change *a* happened before change *b* when *b*'s version vector covers *a*'s dot
  (``b.vv[a.device] >= a.seq``).
- For each field, the changes that set it and that no other such change happened after are
  its *heads*. One head: its value. Several heads with different values: a hard conflict;
  the head with the greatest (HLC stamp, device id) wins, the others are kept in the
  ``conflict`` table for the admin. Concurrent changes to different fields simply merge.
- ``deleted`` is set by inserts (false), deletes (true) and settled conflicts; a delete
  concurrent with an edit is a hard conflict that the edit wins, so no data vanishes on one
  side only. An edit that follows a delete leaves the row deleted, as the local write does.
- The row's version vector is the union of its changes' vectors; its stamp and origin are
  those of its greatest head, which is what a local write leaves (its change is the only
  head), so a row stamped by a local write and the same row merged elsewhere are equal.

Received changes go first into a staging database (a separate file), where they are checked
(an id that repeats with different content raises an alarm) before anything touches the
real database; the merge then runs in one transaction.

The parts: :mod:`.staging` (the scratch file), :mod:`.fold` (a row from its changes),
:mod:`.scope` (what a kecamatan's bundle may touch), :mod:`.duplicates` (possible duplicate
people), :mod:`.stale` (a kecamatan's late claim edits, held for the admin) and
:mod:`.merge_errors` (why a merge refuses); this module runs them in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import Connection, Table
from sqlalchemy.exc import IntegrityError

from desktop.domain.units import MERGE_UNITS
from desktop.store import models
from desktop.store.hlc import vv_loads
from desktop.store.ids import new_id
from desktop.store.unit_of_work import Actor, drop_plain_indexes, table_of
from desktop.sync.authority import check_authority
from desktop.sync.changes import AUDIT_FIELDS, CHANGE_FIELDS
from desktop.sync.duplicates import check_changed_workers
from desktop.sync.fold import Change, fold
from desktop.sync.merge_errors import (
    ForeignAuthor,
    MalformedChange,
    MergeAlarm,
    MergeCancelled,
    MovedAway,
    ScopeViolation,
    UniqueClash,
    _integrity_error,
)
from desktop.sync.scope import check_write_scope
from desktop.sync.staging import Staging
from desktop.sync.stale import StaleChange, hold_stale, rows_before
from desktop.sync.stamps import (
    EARLIEST_PLAUSIBLE_MS,
    FUTURE_TOLERANCE_MS,
    db_time,
    stamp_plausibility,
)

# Re-exported: the services and tests name them from here.
__all__ = [
    "ForeignAuthor",
    "MalformedChange",
    "MergeAlarm",
    "MergeCancelled",
    "MergeLimits",
    "MergeSummary",
    "Merger",
    "MovedAway",
    "ScopeViolation",
    "Staging",
    "UniqueClash",
    "check_write_scope",
    "db_time",
    "row_vector",
    "stamp_plausibility",
]

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]

# Tables in the order their rows are materialised (parents before children).
TABLE_ORDER: tuple[str, ...] = (
    "region",
    "setting",
    "holiday",
    "app_user",
    "coverage_target",
    "worker",
    "claim",
    "claim_event",
    "heir",
    "claim_document",
    "claim_flag_clearance",
    "letter",
)
assert frozenset(TABLE_ORDER) == models.SYNCED_TABLE_NAMES
SYNC_COLUMNS = frozenset(models.SYNC_COLUMNS)
ROWS_PER_STEP = 2_000
# New rows from which the table's plain indexes are rebuilt after the insert rather than
# updated row by row (when the table does not already hold more rows than that).
REBUILD_INDEXES_FROM = 20_000


@dataclass
class MergeSummary:
    """What a merge did (or, for a preview, would do)."""

    received: int = 0
    already_known: int = 0
    new_rows: int = 0
    changed_rows: int = 0
    unchanged_rows: int = 0
    waiting_rows: int = 0
    conflicts: int = 0
    soft_merges: int = 0
    duplicates: int = 0
    audits: int = 0
    future_stamps: int = 0
    past_stamps: int = 0
    # Records of claims the regency has taken on, changed late by the kecamatan: held for
    # the admin (desktop.sync.stale).
    held: int = 0
    per_table: dict[str, list[int]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The summary as plain JSON-able data."""
        return dict(self.__dict__)

    def _table(self, table: str, index: int) -> None:
        counts = self.per_table.setdefault(table, [0, 0])
        counts[index] += 1


# ---- the merge ---------------------------------------------------------------------------


class _TableWriter:
    """Upserts whole rows of one table through the driver."""

    def __init__(self, conn: Connection, table: Table) -> None:
        self.table = table
        self.columns = [c.name for c in table.columns]
        self.defaults: dict[str, Any] = {}
        for column in table.columns:
            default = column.default
            arg = getattr(default, "arg", None) if default is not None else None
            value = None if callable(arg) else arg
            self.defaults[column.name] = int(value) if type(value) is bool else value
        updates = ", ".join(f"{c} = excluded.{c}" for c in self.columns if c != "id")
        marks = ", ".join("?" for _ in self.columns)
        self.sql = (
            f"INSERT INTO {table.name} ({', '.join(self.columns)}) VALUES ({marks}) "
            f"ON CONFLICT(id) DO UPDATE SET {updates}"
        )
        self.pending: list[tuple[Any, ...]] = []
        self._conn = conn
        self._plan = [(name, self.defaults.get(name)) for name in self.columns if name != "id"]
        assert self.columns[0] == "id"

    def row(self, row_id: str, values: Mapping[str, Any]) -> tuple[Any, ...]:
        get = values.get
        out = [get(name, default) for name, default in self._plan]
        return (row_id, *[int(v) if type(v) is bool else v for v in out])

    def flush(self) -> None:
        if self.pending:
            self._conn.exec_driver_sql(self.sql, self.pending)
            self.pending = []


def _same(current: Sequence[Any], new: Sequence[Any]) -> bool:
    return all(
        a == b or (isinstance(a, int | bool) and isinstance(b, int | bool) and int(a) == int(b))
        for a, b in zip(current, new, strict=True)
    )


def _drop_guards(conn: Connection) -> list[str]:
    """Drop the insert and update guards of the synced tables inside this transaction.

    The merge is the other logged write path: every row it writes is computed from change-log
    entries already in the database, and its stamp names one of them (``check`` verifies it).
    The guards cannot tell a merge from a stray write, and a merge may legitimately keep a
    row's stamp (an older concurrent change to another field). They come back before commit.
    """
    rows = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
        "(name LIKE 'guard\\_%\\_insert' ESCAPE '\\' OR name LIKE 'guard\\_%\\_update' ESCAPE '\\')"
    ).all()
    statements = []
    for name, sql in rows:
        table = str(name)[len("guard_") :].rsplit("_", 1)[0]
        if table in models.SYNCED_TABLE_NAMES:
            conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
            statements.append(str(sql))
    return statements


@dataclass(frozen=True)
class MergeLimits:
    """What a bundle's sender is held to.

    *receiver*: this office's device, whose own changes never come back new. *write_scope*
    and *sender*: for a kecamatan's bundle at the hub, the district whose rows it may change
    and the device whose changes alone may be new (None: a hub's bundle, which relays every
    office's changes and may change anything).
    """

    receiver: str
    write_scope: str | None = None
    sender: str | None = None
    # The greatest version vector the hub has offered this sender (None: never exported).
    sent: Mapping[str, int] | None = None
    # Who imports (the hub's own changes that hold a late claim edit for the admin are
    # written in that user's name; see desktop.sync.stale).
    actor: Actor | None = None


class Merger:
    """Merges one staged bundle into the database over an open connection."""

    def __init__(self, conn: Connection, staging: Staging, limits: MergeLimits) -> None:
        self._conn = conn
        self._staging = staging
        self._receiver = limits.receiver
        self._write_scope = limits.write_scope
        self._sender = limits.sender
        self._sent = limits.sent
        self._actor = limits.actor
        self.summary = MergeSummary()

    @property
    def connection(self) -> Connection:
        """The connection the merge runs on (inside the caller's transaction)."""
        return self._conn

    def check_known(self) -> None:
        """Raise :class:`MergeAlarm` if a staged change reuses a known id with new content."""
        clash = self._conn.exec_driver_sql(
            "SELECT s.device_id, s.device_seq FROM stage.change s JOIN change_log c "
            "ON c.device_id = s.device_id AND c.device_seq = s.device_seq "
            "WHERE c.table_name IS NOT s.table_name OR c.row_id IS NOT s.row_id "
            "OR c.op IS NOT s.op OR c.fields IS NOT s.fields OR c.vv IS NOT s.vv "
            "OR c.hlc IS NOT s.hlc LIMIT 1"
        ).first()
        if clash is not None:
            raise MergeAlarm(str(clash[0]), int(clash[1]))

    def run(
        self,
        *,
        detected_at: datetime,
        progress: ProgressFn | None = None,
        cancel: CancelFn | None = None,
    ) -> MergeSummary:
        """Merge the staged changes and say what that did.

        Runs inside the caller's transaction; the caller commits, or rolls back (a preview:
        what it reports is then exactly what applying the bundle does).
        """
        conn = self._conn
        summary = self.summary
        self.check_known()
        # The workers changed here since the last search for duplicates are searched first,
        # so that the pairs counted at the end are the bundle's.
        check_changed_workers(conn, detected_at)
        conn.exec_driver_sql("DROP TABLE IF EXISTS stage.fresh")
        conn.exec_driver_sql(
            "CREATE TABLE stage.fresh AS SELECT s.* FROM stage.change s "
            "WHERE NOT EXISTS (SELECT 1 FROM change_log c WHERE c.device_id = s.device_id "
            "AND c.device_seq = s.device_seq)"
        )
        conn.exec_driver_sql("CREATE INDEX stage.ix_fresh_row ON fresh (row_id)")
        self._find_new_rows()
        self._check_fresh()
        stale: list[StaleChange] = []
        if self._write_scope is not None:
            check_write_scope(conn, self._write_scope)
            if self._sender is not None:
                stale = check_authority(
                    conn,
                    sender=self._sender,
                    district=self._write_scope,
                    sent=self._sent,
                    now_ms=int(detected_at.timestamp() * 1000),
                )
        # The regency's values of the rows late claim edits touch, put back after the merge.
        held_rows = rows_before(conn, stale)
        summary.received = self._staging.change_count
        fresh = int(conn.exec_driver_sql("SELECT count(*) FROM stage.fresh").scalar() or 0)
        summary.already_known = summary.received - fresh
        now_ms = int(detected_at.timestamp() * 1000)
        # Only the stamps whose milliseconds (the integer part) are out of bounds are parsed.
        for (hlc,) in conn.exec_driver_sql(
            "SELECT DISTINCT hlc FROM stage.fresh WHERE CAST(hlc AS INTEGER) < ? "
            "OR CAST(hlc AS INTEGER) > ?",
            (EARLIEST_PLAUSIBLE_MS, now_ms + FUTURE_TOLERANCE_MS),
        ):
            verdict = stamp_plausibility(str(hlc), now_ms)
            if verdict < 0:
                summary.past_stamps += 1
            elif verdict > 0:
                summary.future_stamps += 1
        # The rows that need the fold: every row a fresh change touches, but the new ones.
        conn.exec_driver_sql("DROP TABLE IF EXISTS stage.affected")
        conn.exec_driver_sql(
            "CREATE TABLE stage.affected AS SELECT DISTINCT table_name, row_id FROM stage.fresh f "
            "WHERE NOT EXISTS (SELECT 1 FROM stage.fast x WHERE x.fresh_rowid = f.rowid)"
        )
        new_rows = int(conn.exec_driver_sql("SELECT count(*) FROM stage.fast").scalar() or 0)
        total = new_rows + int(
            conn.exec_driver_sql("SELECT count(*) FROM stage.affected").scalar() or 0
        )
        guards = _drop_guards(conn)
        cols = ", ".join(CHANGE_FIELDS)
        conn.exec_driver_sql(
            # In the bundle's order (device by device, by sequence), without a sort: a
            # sort of a million changes would be held in memory.
            f"INSERT INTO change_log ({cols}) SELECT {cols} FROM stage.fresh"
        )
        audit_cols = ", ".join(AUDIT_FIELDS)
        before = int(conn.exec_driver_sql("SELECT count(*) FROM audit_entry").scalar() or 0)
        conn.exec_driver_sql(
            f"INSERT OR IGNORE INTO audit_entry ({audit_cols}) SELECT {audit_cols} FROM stage.audit"
        )
        after = int(conn.exec_driver_sql("SELECT count(*) FROM audit_entry").scalar() or 0)
        summary.audits = after - before
        done = 0
        for table_name in TABLE_ORDER:
            if cancel is not None and cancel():
                raise MergeCancelled
            done += self._create_new_rows(table_name)
            for row_ids in self._affected(table_name):
                if cancel is not None and cancel():
                    raise MergeCancelled
                self._merge_rows(table_name, row_ids, detected_at)
                done += len(row_ids)
                if progress is not None:
                    progress(done, total)
        if stale and self._actor is not None:
            held, opened = hold_stale(
                conn, stale, held_rows, device=self._receiver, actor=self._actor, now=detected_at
            )
            summary.held += held
            summary.conflicts += opened
        for statement in guards:
            conn.exec_driver_sql(statement)
        # The workers of the bundle's changes (and any changed here since the last search)
        # against the roster; the caller searched first, so the count is the bundle's.
        summary.duplicates = check_changed_workers(conn, detected_at)
        return summary

    def _check_fresh(self) -> None:
        """Refuse new changes that no honest office sends: one row id under two tables (the
        fold reads a row's changes by id), changes in this office's own name, and, from a
        kecamatan, changes or audit entries in another device's name. Runs after
        :meth:`_find_new_rows`."""
        conn = self._conn
        # New rows (stage.fast) are the only change of their id anywhere: nothing to check.
        clash = conn.exec_driver_sql(
            "SELECT 1 FROM stage.fresh f "
            "WHERE NOT EXISTS (SELECT 1 FROM stage.fast x WHERE x.fresh_rowid = f.rowid) "
            "AND (EXISTS (SELECT 1 FROM change_log c "
            "    WHERE c.row_id = f.row_id AND c.table_name <> f.table_name) "
            "  OR EXISTS (SELECT 1 FROM stage.fresh o "
            "    WHERE o.row_id = f.row_id AND o.table_name <> f.table_name)) "
            "LIMIT 1"
        ).first()
        if clash is not None:
            raise MalformedChange()
        if self._sender is None:
            foreign = conn.exec_driver_sql(
                "SELECT device_id FROM stage.fresh WHERE device_id = ? LIMIT 1", (self._receiver,)
            ).first()
        else:
            foreign = conn.exec_driver_sql(
                "SELECT device_id FROM stage.fresh WHERE device_id <> ? "
                "UNION ALL SELECT a.device_id FROM stage.audit a WHERE a.device_id <> ? "
                "AND NOT EXISTS (SELECT 1 FROM audit_entry e WHERE e.id = a.id) LIMIT 1",
                (self._sender, self._sender),
            ).first()
        if foreign is not None:
            raise ForeignAuthor(str(foreign[0]))

    def _find_new_rows(self) -> None:
        """List in ``stage.fast`` the rows whose only change is a fresh insert.

        That is every row of a first bundle or of a roster import on another office: they
        need no fold, and :meth:`_create_new_rows` writes them in one SQL statement per
        table. Run before the fresh changes join the change log.
        """
        conn = self._conn
        conn.exec_driver_sql("DROP TABLE IF EXISTS stage.fast")
        conn.exec_driver_sql(
            "CREATE TABLE stage.fast (fresh_rowid INTEGER PRIMARY KEY, table_name TEXT, "
            "row_id TEXT)"
        )
        for table_name in TABLE_ORDER:
            conn.exec_driver_sql(
                "INSERT INTO stage.fast SELECT f.rowid, f.table_name, f.row_id FROM stage.fresh f "
                "WHERE f.table_name = ? AND f.op = 'insert' "
                f"AND NOT EXISTS (SELECT 1 FROM {table_name} t WHERE t.id = f.row_id) "
                "AND NOT EXISTS (SELECT 1 FROM stage.fresh o WHERE o.row_id = f.row_id "
                "    AND o.rowid <> f.rowid) "
                "AND NOT EXISTS (SELECT 1 FROM change_log c WHERE c.row_id = f.row_id)",
                (table_name,),
            )
        conn.exec_driver_sql("CREATE INDEX stage.ix_fast_table ON fast (table_name, row_id)")

    def _create_new_rows(self, table_name: str) -> int:
        """Materialise, in one SQL statement, the table's rows listed in ``stage.fast``:
        their values are the insert's "new" values, extracted by SQLite's JSON functions
        without a Python round trip per row. Returns how many.
        """
        conn = self._conn
        table = table_of(_MODELS[table_name])
        created = int(
            conn.exec_driver_sql(
                "SELECT count(*) FROM stage.fast WHERE table_name = ?", (table_name,)
            ).scalar()
            or 0
        )
        if not created:
            return 0
        writer = _TableWriter(conn, table)
        columns: list[str] = []
        values: list[str] = []
        params: list[Any] = []
        sync = {
            "id": "f.row_id",
            "created_at": "f.recorded_at",
            "updated_at": "f.recorded_at",
            "hlc": "f.hlc",
            "origin_device": "f.device_id",
            "vv": "f.vv",
            "deleted": "0",
        }
        for name in writer.columns:
            columns.append(name)
            if name in sync:
                values.append(sync[name])
                continue
            default = writer.defaults.get(name)
            if default is None:
                values.append(f"json_extract(f.fields, '$.\"{name}\"[1]')")
            else:
                values.append(f"coalesce(json_extract(f.fields, '$.\"{name}\"[1]'), ?)")
                params.append(default)
        rebuild: list[str] = []
        if created >= REBUILD_INDEXES_FROM:
            held = int(conn.exec_driver_sql(f"SELECT count(*) FROM {table_name}").scalar() or 0)
            if held <= created:
                rebuild = drop_plain_indexes(conn, table_name)
        try:
            conn.exec_driver_sql(
                f"INSERT INTO {table_name} ({', '.join(columns)}) SELECT {', '.join(values)} "
                "FROM stage.fast x JOIN stage.fresh f ON f.rowid = x.fresh_rowid "
                "WHERE x.table_name = ?",
                (*params, table_name),
            )
        except IntegrityError as error:
            raise _integrity_error(table_name, error) from error
        for statement in rebuild:
            conn.exec_driver_sql(statement)
        self.summary.new_rows += created
        counts = self.summary.per_table.setdefault(table_name, [0, 0])
        counts[0] += created
        return created

    def _affected(self, table_name: str) -> Iterator[list[str]]:
        last = 0
        while True:
            rows = self._conn.exec_driver_sql(
                "SELECT rowid, row_id FROM stage.affected WHERE table_name = ? AND rowid > ? "
                "ORDER BY rowid LIMIT ?",
                (table_name, last, ROWS_PER_STEP),
            ).all()
            if not rows:
                return
            last = int(rows[-1][0])
            yield [str(r[1]) for r in rows]

    def _changes_of(self, table_name: str, row_ids: Sequence[str]) -> dict[str, list[Change]]:
        marks = ", ".join("?" for _ in row_ids)
        grouped: dict[str, list[Change]] = {}
        loads = orjson.loads
        for device, seq, row_id, op, fields, vv, hlc, recorded, user in self._conn.exec_driver_sql(
            "SELECT device_id, device_seq, row_id, op, fields, vv, hlc, recorded_at, user_id "
            f"FROM change_log WHERE table_name = ? AND row_id IN ({marks})",
            (table_name, *row_ids),
        ):
            parsed = loads(fields)
            if not all(type(pair) is list and len(pair) == 2 for pair in parsed.values()):
                raise MalformedChange()
            grouped.setdefault(row_id, []).append(
                Change(device, int(seq), op, parsed, vv, hlc, recorded, user)
            )
        return grouped

    def _merge_rows(self, table_name: str, row_ids: Sequence[str], detected_at: datetime) -> None:
        conn = self._conn
        table = table_of(_MODELS[table_name])
        writer = _TableWriter(conn, table)
        marks = ", ".join("?" for _ in row_ids)
        current = {
            row[0]: row
            for row in conn.exec_driver_sql(
                f"SELECT {', '.join(writer.columns)} FROM {table_name} WHERE id IN ({marks})",
                tuple(row_ids),
            )
        }
        changes = self._changes_of(table_name, row_ids)
        summary = self.summary
        conflicts: list[tuple[Any, ...]] = []
        standing: dict[str, set[tuple[str, str, str]]] = {}
        units = MERGE_UNITS.get(table_name, ())
        for row_id in row_ids:
            row_changes = changes.get(row_id, [])
            if not row_changes:
                continue
            folded = fold(row_changes, units)
            existing = current.get(row_id)
            if existing is None and not folded.has_insert:
                summary.waiting_rows += 1  # its insert has not arrived yet: keep the changes
                continue
            new_row = writer.row(row_id, folded.values)
            if existing is not None and _same(tuple(existing), new_row):
                summary.unchanged_rows += 1
                continue
            if existing is None:
                summary.new_rows += 1
                summary._table(table_name, 0)
            else:
                summary.changed_rows += 1
                summary._table(table_name, 1)
            if folded.concurrent and not folded.conflicts:
                summary.soft_merges += 1
            for name, base, winner, loser, won, lost in folded.conflicts:
                conflicts.append(
                    (
                        new_id(),
                        table_name,
                        row_id,
                        name,
                        _json(base),
                        _json(won),
                        _json(lost),
                        winner.ref,
                        loser.ref,
                        db_time(detected_at),
                    )
                )
            standing[row_id] = {(c[0], c[2].ref, c[3].ref) for c in folded.conflicts}
            writer.pending.append(new_row)
        if conflicts:
            before = self._open_conflicts()
            # A conflict closed while another change stood in for one of its sides is open
            # again when the fold makes it again (the same changes, so no settlement: a
            # settlement follows both sides, which then never conflict again).
            conn.exec_driver_sql(
                "INSERT INTO conflict (id, table_name, row_id, field, base_value, "
                "winner_value, loser_value, winner_change, loser_change, detected_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (row_id, field, winner_change, loser_change) "
                "DO UPDATE SET resolved_at = NULL, resolved_by = NULL",
                conflicts,
            )
            summary.conflicts += self._open_conflicts() - before
        try:
            writer.flush()
        except IntegrityError as error:
            raise _integrity_error(table_name, error) from error
        self._settle_resolved(table_name, standing, changes, detected_at)

    def _open_conflicts(self) -> int:
        return int(
            self._conn.exec_driver_sql(
                "SELECT count(*) FROM conflict WHERE resolved_at IS NULL"
            ).scalar()
            or 0
        )

    def _settle_resolved(
        self,
        table_name: str,
        standing: Mapping[str, set[tuple[str, str, str]]],
        changes: Mapping[str, Sequence[Change]],
        detected_at: datetime,
    ) -> None:
        """Close the open conflicts of these rows that their changes no longer make.

        A conflict stays open while its two changes are still conflicting heads of the row
        (*standing*: the fold's conflicts). It closes when a later change follows it (a
        settlement, an edit, a delete), and also when one of its sides was overtaken (its own
        office changed the field again, or deleted the row after the edit) or a newer
        concurrent change took the winner's place (that conflict is then open instead). So
        every office holds the same open conflicts for the same changes, whatever the order
        in which they arrived.
        """
        if not standing:
            return
        row_ids = list(standing)
        marks = ", ".join("?" for _ in row_ids)
        open_rows = self._conn.exec_driver_sql(
            f"SELECT id, row_id, field, winner_change, loser_change FROM conflict "
            f"WHERE resolved_at IS NULL AND table_name = ? AND row_id IN ({marks})",
            (table_name, *row_ids),
        ).all()
        for conflict_id, row_id, name, winner_ref, loser_ref in open_rows:
            if (name, winner_ref, loser_ref) in standing[row_id]:
                continue
            row_changes = changes.get(row_id, [])
            by_ref = {c.ref: c for c in row_changes}
            winner, loser = by_ref.get(winner_ref), by_ref.get(loser_ref)
            if winner is None or loser is None:
                continue
            # Settled by whoever wrote the latest change that follows a side of it.
            later = [
                c
                for c in row_changes
                if (name in c.fields or name == "deleted") and (winner.before(c) or loser.before(c))
            ]
            settler = max(later, key=lambda c: c.rank).user_id if later else None
            self._conn.exec_driver_sql(
                "UPDATE conflict SET resolved_at = ?, resolved_by = ? WHERE id = ?",
                (db_time(detected_at), settler, conflict_id),
            )


def _json(value: Any) -> str | None:
    return None if value is None else orjson.dumps(value).decode()


_MODELS = {str(model.__tablename__): model for model in models.SYNCED_TABLES}


def row_vector(conn: Connection, table_name: str, row_id: str) -> dict[str, int]:
    """The version vector of one row (empty when the row is unknown)."""
    if table_name not in models.SYNCED_TABLE_NAMES:
        raise ValueError("not a synced table")
    text = conn.exec_driver_sql(f"SELECT vv FROM {table_name} WHERE id = ?", (row_id,)).scalar()
    return vv_loads(str(text)) if text else {}
