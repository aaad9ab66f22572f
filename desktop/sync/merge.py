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
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Connection, Table
from sqlalchemy.exc import IntegrityError

from desktop.domain.units import MERGE_UNITS
from desktop.store import models
from desktop.store.hlc import HlcStamp, vv_dumps, vv_loads, vv_merge
from desktop.store.ids import new_id
from desktop.store.unit_of_work import drop_plain_indexes, table_of
from desktop.sync.authority import check_authority
from desktop.sync.changes import AUDIT_FIELDS, AUDIT_KIND, CHANGE_FIELDS, CHANGE_KIND

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]

# Tables in the order their rows are materialised (parents before children).
TABLE_ORDER: tuple[str, ...] = (
    "region",
    "setting",
    "app_user",
    "coverage_target",
    "worker",
    "claim",
    "claim_event",
    "heir",
    "claim_document",
    "letter",
)
assert frozenset(TABLE_ORDER) == models.SYNCED_TABLE_NAMES
SYNC_COLUMNS = frozenset(models.SYNC_COLUMNS)
ROWS_PER_STEP = 2_000
# Staged records are written to the staging file in batches of this many records or bytes,
# whichever is reached first.
STAGE_BATCH_RECORDS = 5_000
STAGE_BATCH_BYTES = 8 << 20
# New rows from which the table's plain indexes are rebuilt after the insert rather than
# updated row by row (when the table does not already hold more rows than that).
REBUILD_INDEXES_FROM = 20_000
# Stamps outside these bounds come from a laptop whose clock is wrong: still merged (the
# stamp only breaks ties), but reported.
EARLIEST_PLAUSIBLE_MS = int(datetime(2020, 1, 1, tzinfo=UTC).timestamp() * 1000)
FUTURE_TOLERANCE_MS = 24 * 3600 * 1000


class MergeAlarm(Exception):
    """The bundle reuses a change id with different content: refused as a whole."""

    def __init__(self, device: str, seq: int) -> None:
        super().__init__(f"change {device[:8]}…:{seq} repeats with different content")
        self.device = device
        self.seq = seq


class MalformedChange(Exception):
    """A staged change whose fields or version vector is not the JSON a change log holds."""


class MergeCancelled(Exception):
    """The user cancelled; the transaction was rolled back."""


class UniqueClash(Exception):
    """A received row takes a unique key (a username, a letter number ...) that another row
    of this office holds: refused as a whole."""

    def __init__(self, table_name: str, columns: str) -> None:
        super().__init__(f"{table_name}: {columns} already taken")
        self.table_name = table_name
        self.columns = columns


def _integrity_error(table_name: str, error: IntegrityError) -> Exception:
    """The merge's own exception for a constraint the received rows break."""
    text = str(error.orig)
    if text.startswith("UNIQUE constraint failed:"):
        columns = ", ".join(
            part.strip().split(".")[-1] for part in text.split(":", 1)[1].split(",")
        )
        return UniqueClash(table_name, columns)
    return MalformedChange()


class ForeignAuthor(Exception):
    """A bundle carries new changes (or audit entries) in the name of a device other than
    its sender, where only the sender's own may be new: refused as a whole."""

    def __init__(self, device: str) -> None:
        super().__init__(f"new changes in the name of device …{device[-8:]}")
        self.device = device


class ScopeViolation(Exception):
    """A kecamatan's bundle changes a row that office never held: refused as a whole."""

    def __init__(self, table_name: str, row_id: str) -> None:
        super().__init__(f"{table_name} {row_id[-8:]} is outside the sender's kecamatan")
        self.table_name = table_name
        self.row_id = row_id


class MovedAway(ScopeViolation):
    """A kecamatan changed a worker after learning that the hub had moved it elsewhere."""


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
    per_table: dict[str, list[int]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The summary as plain JSON-able data."""
        return dict(self.__dict__)

    def _table(self, table: str, index: int) -> None:
        counts = self.per_table.setdefault(table, [0, 0])
        counts[index] += 1


# ---- staging -----------------------------------------------------------------------------


class Staging:
    """A scratch SQLite file holding one bundle's records until they are merged."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.unlink(missing_ok=True)
        # Used by one thread at a time, but not always the one that made it (a bundle is
        # staged by one background job and merged by the next).
        self._conn = sqlite3.connect(path, check_same_thread=False)
        self._conn.executescript(
            """
            PRAGMA journal_mode = MEMORY;
            PRAGMA synchronous = OFF;
            CREATE TABLE change (device_id TEXT, device_seq INTEGER, table_name TEXT,
                row_id TEXT, op TEXT, fields TEXT, vv TEXT, hlc TEXT, user_id TEXT,
                audit_id TEXT, recorded_at TEXT);
            CREATE TABLE audit (id TEXT, at TEXT, user_id TEXT, username TEXT, role TEXT,
                device_id TEXT, action TEXT, summary TEXT, change_count INTEGER);
            """
        )
        self._changes: list[tuple[Any, ...]] = []
        self._audits: list[tuple[Any, ...]] = []
        self._pending_bytes = 0
        self.change_count = 0
        self.audit_count = 0

    def add(self, kind: str, values: tuple[Any, ...], size: int | None = None) -> None:
        """Stage one decoded record of *size* bytes (its encoded length; when not given,
        the length of its text values).

        Held in memory until STAGE_BATCH_RECORDS records or STAGE_BATCH_BYTES bytes wait,
        whichever comes first, so a bundle of big records costs no more memory than one of
        small ones.
        """
        if kind == CHANGE_KIND:
            self._changes.append(values)
            self.change_count += 1
        elif kind == AUDIT_KIND:
            self._audits.append(values)
            self.audit_count += 1
        else:
            return
        if size is None:
            size = sum(len(value) for value in values if type(value) is str)
        self._pending_bytes += size
        if (
            self._pending_bytes >= STAGE_BATCH_BYTES
            or len(self._changes) >= STAGE_BATCH_RECORDS
            or len(self._audits) >= STAGE_BATCH_RECORDS
        ):
            self._flush()

    def _flush(self) -> None:
        self._pending_bytes = 0
        if self._changes:
            marks = ", ".join("?" for _ in CHANGE_FIELDS)
            self._conn.executemany(f"INSERT INTO change VALUES ({marks})", self._changes)
            self._changes = []
        if self._audits:
            marks = ", ".join("?" for _ in AUDIT_FIELDS)
            self._conn.executemany(f"INSERT INTO audit VALUES ({marks})", self._audits)
            self._audits = []

    def seal(self) -> None:
        """Finish staging: index the changes and check the bundle against itself."""
        self._flush()
        conn = self._conn
        conn.execute("CREATE INDEX ix_change_id ON change (device_id, device_seq)")
        # Every change's fields and version vector were checked as they were decoded
        # (desktop.sync.changes.decode_record): canonical JSON of known columns.
        distinct = conn.execute(
            "SELECT count(*) FROM (SELECT DISTINCT device_id, device_seq FROM change)"
        ).fetchone()[0]
        if distinct != self.change_count:
            clash = conn.execute(
                "SELECT device_id, device_seq FROM change GROUP BY device_id, device_seq "
                "HAVING count(DISTINCT table_name || '|' || row_id || '|' || op || '|' || fields "
                "|| '|' || vv || '|' || hlc) > 1 LIMIT 1"
            ).fetchone()
            if clash is not None:
                raise MergeAlarm(str(clash[0]), int(clash[1]))
            # The same change twice with the same content: keep one.
            conn.execute(
                "DELETE FROM change WHERE rowid NOT IN "
                "(SELECT min(rowid) FROM change GROUP BY device_id, device_seq)"
            )
        conn.commit()

    def close(self) -> None:
        """Close and delete the scratch file."""
        self._conn.close()
        self.path.unlink(missing_ok=True)

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---- the fold ----------------------------------------------------------------------------


class _Change:
    """One change-log entry of a row, as the fold needs it."""

    __slots__ = ("_vv", "device", "fields", "hlc", "op", "recorded_at", "seq", "user_id", "vv_text")

    def __init__(
        self,
        device: str,
        seq: int,
        op: str,
        fields: Mapping[str, Any],
        vv_text: str,
        hlc: str,
        recorded_at: str,
        user_id: str,
    ) -> None:
        self.device = device
        self.seq = seq
        self.op = op
        self.fields = fields
        self.vv_text = vv_text
        self.hlc = hlc
        self.recorded_at = recorded_at
        self.user_id = user_id
        self._vv: Mapping[str, int] | None = None

    @property
    def vv(self) -> Mapping[str, int]:
        """The row's version vector after this change (parsed on first use)."""
        if self._vv is None:
            self._vv = orjson.loads(self.vv_text)
        return self._vv

    @property
    def ref(self) -> str:
        return f"{self.device}:{self.seq}"

    @property
    def rank(self) -> tuple[str, str]:
        return (self.hlc, self.device)

    def before(self, other: _Change) -> bool:
        return self is not other and other.vv.get(self.device, 0) >= self.seq


@dataclass
class _Folded:
    values: dict[str, Any]
    conflicts: list[tuple[str, Any, _Change, _Change, Any, Any]]
    concurrent: bool
    has_insert: bool


def _heads(changes: Sequence[_Change]) -> list[_Change]:
    if len(changes) == 1:
        return list(changes)
    return [c for c in changes if not any(c.before(other) for other in changes)]


def fold(changes: Sequence[_Change], units: Sequence[tuple[str, ...]] = ()) -> _Folded:
    """Compute a row's columns from the set of its changes (order does not matter).

    The fields of each of *units* (a field and those derived from it) merge as one: the
    change that wins the unit gives every field of it, as that change's office saw the row.
    """
    if len(changes) == 1:
        return _fold_one(changes[0])
    by_field: dict[str, list[_Change]] = {}
    for change in changes:
        for name in change.fields:
            if name != "deleted":
                by_field.setdefault(name, []).append(change)
    values: dict[str, Any] = {}
    conflicts: list[tuple[str, Any, _Change, _Change, Any, Any]] = []
    in_units = set()
    for unit in units:
        present = [name for name in unit if name in by_field]
        if len(present) < 2:
            continue
        in_units.update(present)
        _fold_unit(present, by_field, values, conflicts)
    for name, setters in by_field.items():
        if name in in_units:
            continue
        heads = _heads(setters)
        winner = max(heads, key=lambda c: c.rank)
        value = winner.fields[name][1]
        values[name] = value
        for head in heads:
            if head is not winner and head.fields[name][1] != value:
                conflicts.append(
                    (name, _base(setters, heads, name), winner, head, value, head.fields[name][1])
                )
    # deleted: set like any field by the changes that say it (inserts: alive; deletes; a
    # settled conflict), except that an edit concurrent with every delete in force wins, so
    # that no data vanishes on one side only. An edit that follows a delete (settling an old
    # conflict of a deleted row) leaves the row deleted, as that local write did; an edit
    # that its own office deleted afterwards revives nothing.
    heads = _heads(changes)
    setters = _heads([c for c in changes if "deleted" in c.fields or c.op == "insert"])
    dead = [c for c in setters if _kills(c)]
    alive = [c for c in setters if not _kills(c)]
    if dead:
        unaware = [
            c
            for c in changes
            if not _kills(c) and all(not c.before(d) and not d.before(c) for d in dead)
        ]
        alive.extend(c for c in _heads(unaware) if all(c is not a for a in alive))
    values["deleted"] = bool(dead) and not alive
    if alive and dead:
        winner = max(alive, key=lambda c: c.rank)
        for loser in dead:
            # A change made knowing both sides (an edit of the row kept alive) settles it.
            if not any(loser.before(c) and winner.before(c) for c in changes):
                conflicts.append(("deleted", False, winner, loser, False, True))
    # The row's stamp comes from its latest change in causal order (a head), not from the
    # greatest stamp of all its changes: a local write stamps the row with its own change,
    # which follows every change of the row even when an earlier one carries a greater stamp
    # (a laptop whose clock ran ahead), and every office must compute the same row.
    top = max(heads, key=lambda c: c.rank)
    vector: dict[str, int] = {}
    for change in changes:
        vector = vv_merge(vector, change.vv)
    inserts = [c for c in changes if c.op == "insert"]
    values["vv"] = vv_dumps(vector)
    values["hlc"] = top.hlc
    values["origin_device"] = top.device
    values["updated_at"] = top.recorded_at
    values["created_at"] = min(c.recorded_at for c in (inserts or changes))
    return _Folded(values, conflicts, len(heads) > 1, bool(inserts))


def _fold_unit(
    unit: Sequence[str],
    by_field: Mapping[str, list[_Change]],
    values: dict[str, Any],
    conflicts: list[tuple[str, Any, _Change, _Change, Any, Any]],
) -> None:
    """Fold the fields of one unit together: the greatest head of the unit's changes gives
    every field as its office saw the row; a head that saw the unit otherwise conflicts on
    each field that differs (the same two changes, so settling one settles the unit)."""
    setters: list[_Change] = []
    seen: set[int] = set()
    for name in unit:
        for change in by_field[name]:
            if id(change) not in seen:
                seen.add(id(change))
                setters.append(change)
    heads = _heads(setters)
    winner = max(heads, key=lambda c: c.rank)
    state = _unit_state(unit, by_field, winner)
    values.update(state)
    for head in heads:
        if head is winner:
            continue
        other = _unit_state(unit, by_field, head)
        for name in unit:
            if name in other and other[name] != state.get(name):
                base = _base(by_field[name], heads, name)
                conflicts.append((name, base, winner, head, state.get(name), other[name]))


def _unit_state(
    unit: Sequence[str], by_field: Mapping[str, list[_Change]], change: _Change
) -> dict[str, Any]:
    """The unit's fields as the office that wrote *change* had them just after it: its own
    values, and for the fields it did not set, the latest earlier change that did."""
    state: dict[str, Any] = {}
    for name in unit:
        if name in change.fields:
            state[name] = change.fields[name][1]
            continue
        known = [c for c in by_field[name] if c.before(change)]
        if known:
            state[name] = max(_heads(known), key=lambda c: c.rank).fields[name][1]
    return state


def _fold_one(change: _Change) -> _Folded:
    """The common case of a row with one change (a new row): its values as they are."""
    values = {name: new for name, (_old, new) in change.fields.items()}
    values["deleted"] = bool(values.get("deleted", False))
    values["vv"] = change.vv_text
    values["hlc"] = change.hlc
    values["origin_device"] = change.device
    values["updated_at"] = change.recorded_at
    values["created_at"] = change.recorded_at
    return _Folded(values, [], False, change.op == "insert")


def _kills(change: _Change) -> bool:
    """True for a change that marks the row deleted."""
    return "deleted" in change.fields and bool(change.fields["deleted"][1])


def _base(setters: Sequence[_Change], heads: Sequence[_Change], name: str) -> Any:
    """The field's value before the conflicting heads: the latest change all heads follow."""
    common = [c for c in setters if all(c.before(h) for h in heads)]
    if not common:
        return None
    return max(common, key=lambda c: c.rank).fields[name][1]


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


def stamp_plausibility(hlc: str, now_ms: int) -> int:
    """-1 for a stamp from before 2020, 1 for one more than a day ahead, else 0."""
    try:
        ms = HlcStamp.decode(hlc).ms
    except ValueError:
        return 0
    if ms < EARLIEST_PLAUSIBLE_MS:
        return -1
    if ms > now_ms + FUTURE_TOLERANCE_MS:
        return 1
    return 0


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


class Merger:
    """Merges one staged bundle into the database over an open connection."""

    def __init__(self, conn: Connection, staging: Staging, limits: MergeLimits) -> None:
        self._conn = conn
        self._staging = staging
        self._receiver = limits.receiver
        self._write_scope = limits.write_scope
        self._sender = limits.sender
        self._sent = limits.sent
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
        write: bool = True,
    ) -> MergeSummary:
        """Merge the staged changes (or, with ``write=False``, only count what would happen).

        Runs inside the caller's transaction; the caller commits or rolls back.
        """
        conn = self._conn
        summary = self.summary
        self.check_known()
        conn.exec_driver_sql("DROP TABLE IF EXISTS stage.fresh")
        conn.exec_driver_sql(
            "CREATE TABLE stage.fresh AS SELECT s.* FROM stage.change s "
            "WHERE NOT EXISTS (SELECT 1 FROM change_log c WHERE c.device_id = s.device_id "
            "AND c.device_seq = s.device_seq)"
        )
        conn.exec_driver_sql("CREATE INDEX stage.ix_fresh_row ON fresh (row_id)")
        self._find_new_rows()
        self._check_fresh()
        if self._write_scope is not None:
            check_write_scope(conn, self._write_scope)
            if self._sender is not None:
                check_authority(
                    conn,
                    sender=self._sender,
                    district=self._write_scope,
                    sent=self._sent,
                    now_ms=int(detected_at.timestamp() * 1000),
                )
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
        guards: list[str] = []
        if write:
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
                f"INSERT OR IGNORE INTO audit_entry ({audit_cols}) "
                f"SELECT {audit_cols} FROM stage.audit"
            )
            after = int(conn.exec_driver_sql("SELECT count(*) FROM audit_entry").scalar() or 0)
            summary.audits = after - before
        done = 0
        conn.exec_driver_sql("DROP TABLE IF EXISTS stage.touched")
        conn.exec_driver_sql("CREATE TABLE stage.touched (id TEXT PRIMARY KEY) WITHOUT ROWID")
        for table_name in TABLE_ORDER:
            if cancel is not None and cancel():
                raise MergeCancelled
            done += self._create_new_rows(table_name, write=write)
            for row_ids in self._affected(table_name):
                if cancel is not None and cancel():
                    raise MergeCancelled
                touched = self._merge_rows(table_name, row_ids, detected_at, write=write)
                if table_name == "worker" and touched:
                    conn.exec_driver_sql(
                        "INSERT OR IGNORE INTO stage.touched (id) VALUES (?)",
                        [(row_id,) for row_id in touched],
                    )
                done += len(row_ids)
                if progress is not None:
                    progress(done, total)
        if write:
            for statement in guards:
                conn.exec_driver_sql(statement)
            summary.duplicates = find_duplicates(conn, _TOUCHED, detected_at)
        else:
            summary.duplicates = count_duplicates(conn, _TOUCHED)
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

    def _create_new_rows(self, table_name: str, *, write: bool) -> int:
        """Materialise, in one SQL statement, the table's rows listed in ``stage.fast``:
        their values are the insert's "new" values, extracted by SQLite's JSON functions
        without a Python round trip per row. Returns how many (new workers join
        ``stage.touched`` for the duplicate check).
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
        if write:
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
        if table_name == "worker":
            conn.exec_driver_sql(
                "INSERT OR IGNORE INTO stage.touched "
                "SELECT row_id FROM stage.fast WHERE table_name = 'worker'"
            )
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

    def _changes_of(
        self, table_name: str, row_ids: Sequence[str], *, write: bool
    ) -> dict[str, list[_Change]]:
        marks = ", ".join("?" for _ in row_ids)
        columns = (
            "device_id, device_seq, table_name, row_id, op, fields, vv, hlc, recorded_at, user_id"
        )
        source = (
            "change_log"
            if write
            else f"(SELECT {columns} FROM change_log UNION SELECT {columns} FROM stage.fresh)"
        )
        grouped: dict[str, list[_Change]] = {}
        loads = orjson.loads
        for device, seq, row_id, op, fields, vv, hlc, recorded, user in self._conn.exec_driver_sql(
            "SELECT device_id, device_seq, row_id, op, fields, vv, hlc, recorded_at, user_id "
            f"FROM {source} WHERE table_name = ? AND row_id IN ({marks})",
            (table_name, *row_ids),
        ):
            parsed = loads(fields)
            if not all(type(pair) is list and len(pair) == 2 for pair in parsed.values()):
                raise MalformedChange()
            grouped.setdefault(row_id, []).append(
                _Change(device, int(seq), op, parsed, vv, hlc, recorded, user)
            )
        return grouped

    def _merge_rows(
        self, table_name: str, row_ids: Sequence[str], detected_at: datetime, *, write: bool
    ) -> list[str]:
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
        changes = self._changes_of(table_name, row_ids, write=write)
        summary = self.summary
        touched: list[str] = []
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
            touched.append(row_id)
        if conflicts:
            before = self._open_conflicts()
            if write:
                # A conflict closed while another change stood in for one of its sides is
                # open again when the fold makes it again (the same changes, so no settlement:
                # a settlement follows both sides, which then never conflict again).
                conn.exec_driver_sql(
                    "INSERT INTO conflict (id, table_name, row_id, field, base_value, "
                    "winner_value, loser_value, winner_change, loser_change, detected_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (row_id, field, winner_change, loser_change) "
                    "DO UPDATE SET resolved_at = NULL, resolved_by = NULL",
                    conflicts,
                )
                summary.conflicts += self._open_conflicts() - before
            else:
                summary.conflicts += len(conflicts)
        if write:
            try:
                writer.flush()
            except IntegrityError as error:
                raise _integrity_error(table_name, error) from error
            self._settle_resolved(table_name, standing, changes, detected_at)
        return touched

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
        changes: Mapping[str, Sequence[_Change]],
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


# ---- write scope -------------------------------------------------------------------------

# A worker the kecamatan holds, or held (it may edit a worker the hub has since moved away:
# the edit was made while the row was in its scope), or creates in this bundle. New rows
# (``stage.fast``) first: a big bundle is mostly new rows, checked by their insert alone.
_HELD_WORKERS = (
    "CREATE TABLE stage.held_worker (id TEXT PRIMARY KEY) WITHOUT ROWID",
    """
INSERT INTO stage.held_worker
SELECT x.row_id FROM stage.fast x JOIN stage.fresh f ON f.rowid = x.fresh_rowid
WHERE x.table_name = 'worker' AND json_extract(f.fields, '$.district_code[1]') = :district
""",
    """
INSERT OR IGNORE INTO stage.held_worker
SELECT f.row_id FROM stage.fresh f
WHERE f.table_name = 'worker'
AND NOT EXISTS (SELECT 1 FROM stage.fast x WHERE x.fresh_rowid = f.rowid)
AND (
    EXISTS (SELECT 1 FROM worker w WHERE w.id = f.row_id AND w.district_code = :district)
    OR EXISTS (SELECT 1 FROM change_log c WHERE c.row_id = f.row_id
        AND c.table_name = 'worker' AND json_extract(c.fields, '$.district_code[1]') = :district)
    OR (NOT EXISTS (SELECT 1 FROM worker w WHERE w.id = f.row_id)
        AND NOT EXISTS (SELECT 1 FROM change_log c WHERE c.row_id = f.row_id)
        AND EXISTS (SELECT 1 FROM stage.fresh i WHERE i.row_id = f.row_id
            AND i.table_name = 'worker' AND i.op = 'insert')
        -- A worker the laptop created is judged by where its last change put it (the
        -- laptop alone wrote it, in its own order): one typed into another kecamatan by
        -- mistake and put back, or removed, no longer holds the laptop's work back.
        AND (SELECT json_extract(l.fields, '$.district_code[1]') FROM stage.fresh l
            WHERE l.row_id = f.row_id AND l.table_name = 'worker'
            AND json_extract(l.fields, '$.district_code') IS NOT NULL
            ORDER BY l.device_seq DESC LIMIT 1) = :district))
""",
)

# A claim of the kecamatan: of one of its villages, or of one of its workers (as the
# export's scope has it), now, before, or created in this bundle.
_HELD_CLAIMS = """
CREATE TABLE stage.held_claim AS
WITH wanted(id) AS (
    SELECT row_id FROM stage.fresh WHERE table_name = 'claim'
    UNION SELECT json_extract(fields, '$.claim_id[1]') FROM stage.fresh
        WHERE table_name IN ('claim_event', 'heir', 'claim_document', 'letter')
    UNION SELECT t.claim_id FROM stage.fresh f JOIN claim_event t ON t.id = f.row_id
    UNION SELECT t.claim_id FROM stage.fresh f JOIN heir t ON t.id = f.row_id
    UNION SELECT t.claim_id FROM stage.fresh f JOIN claim_document t ON t.id = f.row_id
    UNION SELECT t.claim_id FROM stage.fresh f JOIN letter t ON t.id = f.row_id
)
SELECT id FROM wanted w WHERE id IS NOT NULL AND (
    EXISTS (SELECT 1 FROM claim c WHERE c.id = w.id AND (c.village_code LIKE :villages
        OR EXISTS (SELECT 1 FROM worker o WHERE o.id = c.worker_id
            AND o.district_code = :district)))
    OR EXISTS (SELECT 1 FROM change_log c WHERE c.row_id = w.id AND c.table_name = 'claim'
        AND json_extract(c.fields, '$.village_code[1]') LIKE :villages)
    OR (NOT EXISTS (SELECT 1 FROM claim c WHERE c.id = w.id)
        AND NOT EXISTS (SELECT 1 FROM change_log c WHERE c.row_id = w.id)
        AND EXISTS (SELECT 1 FROM stage.fresh i WHERE i.row_id = w.id
            AND i.table_name = 'claim' AND i.op = 'insert'
            AND (json_extract(i.fields, '$.village_code[1]') LIKE :villages
                OR json_extract(i.fields, '$.worker_id[1]') IN (SELECT id FROM stage.held_worker)
                OR json_extract(i.fields, '$.worker_id[1]') IN
                    (SELECT id FROM worker WHERE district_code = :district)))))
"""

_SCOPE_VIOLATIONS = (
    # Regions, settings and targets come from the hub only.
    "SELECT table_name, row_id FROM stage.fresh WHERE table_name IN "
    "('region', 'setting', 'coverage_target')",
    "SELECT table_name, row_id FROM stage.fresh WHERE table_name = 'worker' "
    "AND row_id NOT IN (SELECT id FROM stage.held_worker)",
    "SELECT table_name, row_id FROM stage.fresh WHERE table_name = 'claim' "
    "AND row_id NOT IN (SELECT id FROM stage.held_claim)",
    # A claim given to a worker the kecamatan does not hold (the export would then send it
    # that worker's record).
    "SELECT table_name, row_id FROM stage.fresh WHERE table_name = 'claim' "
    "AND json_extract(fields, '$.worker_id[1]') NOT IN (SELECT id FROM stage.held_worker) "
    "AND json_extract(fields, '$.worker_id[1]') NOT IN "
    "(SELECT id FROM worker WHERE district_code = :district)",
    # A letter covering many claims (a Keputusan's annex) is the regency's.
    "SELECT table_name, row_id FROM stage.fresh WHERE table_name = 'letter' "
    "AND json_extract(fields, '$.claim_ids[1]') IS NOT '[]' "
    "AND json_extract(fields, '$.claim_ids') IS NOT NULL",
    # A claim's events, heirs, documents and letters: their claim, before and after the
    # change, is one of the kecamatan's (a letter with no claim is the regency's).
    *(
        f"SELECT f.table_name, f.row_id FROM stage.fresh f LEFT JOIN {table} t ON t.id = f.row_id "
        f"WHERE f.table_name = '{table}' AND ("
        "(t.id IS NULL AND json_extract(f.fields, '$.claim_id[1]') IS NULL) "
        "OR t.claim_id NOT IN (SELECT id FROM stage.held_claim) "
        "OR json_extract(f.fields, '$.claim_id[1]') NOT IN (SELECT id FROM stage.held_claim) "
        "OR (t.id IS NOT NULL AND t.claim_id IS NULL))"
        for table in ("claim_event", "heir", "claim_document", "letter")
    ),
    # The kecamatan's own user accounts.
    "SELECT f.table_name, f.row_id FROM stage.fresh f LEFT JOIN app_user u ON u.id = f.row_id "
    "WHERE f.table_name = 'app_user' AND ("
    "(u.id IS NULL AND json_extract(f.fields, '$.office_region[1]') IS NULL) "
    "OR u.office_region <> :district "
    "OR json_extract(f.fields, '$.office_region[1]') <> :district)",
)


# A worker the kecamatan held but the hub has since moved to another kecamatan: a change
# made after the laptop learnt of the move (its version vector follows the move) is not the
# kecamatan's to make; one made before or at the same time is (it was its worker then).
_AFTER_THE_MOVE = """
SELECT f.table_name, f.row_id FROM stage.fresh f
JOIN worker w ON w.id = f.row_id AND w.district_code IS NOT :district
WHERE f.table_name = 'worker'
AND NOT EXISTS (SELECT 1 FROM stage.fast x WHERE x.fresh_rowid = f.rowid)
AND EXISTS (SELECT 1 FROM change_log m
    WHERE m.row_id = f.row_id AND m.table_name = 'worker'
    AND json_extract(m.fields, '$.district_code[0]') = :district
    AND json_extract(m.fields, '$.district_code[1]') IS NOT :district
    AND coalesce(json_extract(f.vv, '$."' || m.device_id || '"'), 0) >= m.device_seq)
"""


def check_write_scope(conn: Connection, district: str) -> None:
    """Raise :class:`ScopeViolation` if the fresh changes of a kecamatan's bundle touch a
    row outside that kecamatan.

    A laptop holds its kecamatan's workers, their claims and the claims' records, and its
    own user accounts; a correct laptop cannot change anything else, so a bundle that does
    was forged or comes from a device used for another kecamatan. Changes the hub already
    has are not checked (they are not applied again).
    """
    params = {"district": district, "villages": district + ".%"}
    for table in ("held_worker", "held_claim"):
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS stage.{table}")
    for sql in _HELD_WORKERS:
        conn.exec_driver_sql(sql, {k: v for k, v in params.items() if f":{k}" in sql})
    conn.exec_driver_sql(_HELD_CLAIMS, params)
    conn.exec_driver_sql("CREATE UNIQUE INDEX stage.ix_held_claim ON held_claim (id)")
    for sql in _SCOPE_VIOLATIONS:
        used = {k: v for k, v in params.items() if f":{k}" in sql}
        row = conn.exec_driver_sql(sql + " LIMIT 1", used).first()
        if row is not None:
            raise ScopeViolation(str(row[0]), str(row[1]))
    row = conn.exec_driver_sql(_AFTER_THE_MOVE + " LIMIT 1", {"district": district}).first()
    if row is not None:
        raise MovedAway(str(row[0]), str(row[1]))


def db_time(moment: datetime) -> str:
    """A moment as SQLite columns of Sigap store it (UTC, no offset, microseconds)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _json(value: Any) -> str | None:
    return None if value is None else orjson.dumps(value).decode()


_MODELS = {str(model.__tablename__): model for model in models.SYNCED_TABLES}


# ---- duplicate people --------------------------------------------------------------------

_TOUCHED = "SELECT id FROM stage.touched"
_DUPLICATE_SQL = (
    # Same NIK, another live record.
    "SELECT w.id, o.id, 'nik' FROM worker w JOIN worker o ON o.nik = w.nik AND o.id <> w.id "
    "WHERE w.id IN ({ids}) AND w.deleted = 0 AND w.merged_into IS NULL "
    "AND o.deleted = 0 AND o.merged_into IS NULL "
    "UNION "
    # Same name and birth date under another NIK.
    "SELECT w.id, o.id, 'name_birth' FROM worker w JOIN worker o ON o.name_key = w.name_key "
    "AND o.birth_date = w.birth_date AND o.nik <> w.nik AND o.id <> w.id "
    "WHERE w.id IN ({ids}) AND w.deleted = 0 AND w.merged_into IS NULL "
    "AND o.deleted = 0 AND o.merged_into IS NULL"
)


def _duplicate_pairs(
    conn: Connection, workers: Sequence[str] | str
) -> Iterable[tuple[str, str, str]]:
    """Pairs (first id, second id, reason) of live workers that may be one person.

    *workers* is a list of ids, or a SELECT giving them (a staging table: a big bundle's
    new workers never pass through Python).
    """
    queries: list[tuple[str, tuple[str, ...]]]
    if isinstance(workers, str):
        queries = [(_DUPLICATE_SQL.format(ids=workers), ())]
    else:
        queries = []
        for start in range(0, len(workers), 400):
            chunk = tuple(workers[start : start + 400])
            marks = ", ".join("?" for _ in chunk)
            queries.append((_DUPLICATE_SQL.format(ids=marks), chunk + chunk))
    for sql, params in queries:
        for a, b, reason in conn.exec_driver_sql(sql, params):
            first, second = sorted((str(a), str(b)))
            yield first, second, str(reason)


def count_duplicates(conn: Connection, workers: Sequence[str] | str) -> int:
    """How many new pairs of possible duplicates these workers would make."""
    return len({(a, b) for a, b, _ in _duplicate_pairs(conn, workers)})


def find_duplicates(conn: Connection, workers: Sequence[str] | str, detected_at: datetime) -> int:
    """Queue new pairs of possible duplicates among these workers; return how many."""
    pairs = {(a, b): reason for a, b, reason in _duplicate_pairs(conn, workers)}
    if not pairs:
        return 0
    before = int(conn.exec_driver_sql("SELECT count(*) FROM duplicate_pair").scalar() or 0)
    conn.exec_driver_sql(
        "INSERT OR IGNORE INTO duplicate_pair (id, worker_a, worker_b, reason, detected_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [(new_id(), a, b, reason, db_time(detected_at)) for (a, b), reason in pairs.items()],
    )
    after = int(conn.exec_driver_sql("SELECT count(*) FROM duplicate_pair").scalar() or 0)
    return after - before


def row_vector(conn: Connection, table_name: str, row_id: str) -> dict[str, int]:
    """The version vector of one row (empty when the row is unknown)."""
    if table_name not in models.SYNCED_TABLE_NAMES:
        raise ValueError("not a synced table")
    text = conn.exec_driver_sql(f"SELECT vv FROM {table_name} WHERE id = ?", (row_id,)).scalar()
    return vv_loads(str(text)) if text else {}
