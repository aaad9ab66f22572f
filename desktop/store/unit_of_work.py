"""The one write path for synced tables.

Every insert, update and (tombstone) delete of a synced row goes through a
:class:`UnitOfWork`, which in the same transaction stamps ``updated_at`` and the hybrid
logical clock, bumps the row's version vector, appends the change to the change log and, at
commit, appends one audit entry naming the acting user. Database triggers (migration 0002)
refuse synced writes that do not come with a change-log entry.

Single rows go through SQLAlchemy Core; bulk writes (imports, demo data, sync merges) go to
the driver's ``executemany`` in batches, with the same stamping and logging.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime
from types import TracebackType
from typing import Any

import orjson
from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Engine,
    Integer,
    String,
    Table,
    insert,
    select,
    update,
)
from sqlmodel import SQLModel

from desktop.domain.findings import DomainError, Finding
from desktop.store import models
from desktop.store.hlc import HybridClock, vv_dumps, vv_loads
from desktop.store.ids import new_id, new_ids
from desktop.store.process import QUICK_HANDOFF

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]

SYNC_FIELDS = frozenset(models.SYNC_COLUMNS)
BULK_BATCH = 5_000
CHANGE_COLUMNS = (
    "device_id",
    "device_seq",
    "table_name",
    "row_id",
    "op",
    "fields",
    "vv",
    "hlc",
    "user_id",
    "audit_id",
    "recorded_at",
)


@dataclass(frozen=True)
class Actor:
    """Who is writing: the user, their role, and the device they write on.

    *read_only* is set when the open database can only be read (a write-protected file or
    folder): it says why, and every write is refused with it before anything is written.
    """

    user_id: str
    username: str
    role: str
    device_id: str
    read_only: Finding | None = None


class WriteCancelled(Exception):
    """The user cancelled a long write; the transaction was rolled back."""


class WriteRefused(Exception):
    """A write the unit of work does not allow (unknown table, missing row ...)."""


def table_of(table: type[SQLModel] | Table) -> Table:
    """Return the Core table of a SQLModel class (or the table itself)."""
    if isinstance(table, Table):
        return table
    result = table.__table__  # type: ignore[attr-defined]
    assert isinstance(result, Table)
    return result


def jsonable(value: Any) -> Any:
    """Turn a column value into JSON: dates and datetimes as ISO text."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def utc_now() -> datetime:
    """Return the current time, aware, in UTC."""
    return datetime.now(UTC)


class _BulkStatement:
    """A driver-level INSERT for one table: column order and per-column bind processors."""

    def __init__(self, conn: Connection, table: Table, exclude: tuple[str, ...] = ()) -> None:
        dialect = conn.dialect
        self.columns: list[Column[Any]] = [c for c in table.columns if c.name not in exclude]
        self.names = [c.name for c in self.columns]
        self._table_name = table.name
        self._sql: dict[int, str] = {}
        # Many rows per statement: each statement execution pays for setting up the write
        # guard's trigger program, so one execution per row would cost ~30 µs a row.
        self.rows_per_statement = max(1, min(500, _max_variables() // len(self.columns)))
        self.processors: list[Callable[[Any], Any] | None] = [
            _fast_processor(c, dialect) for c in self.columns
        ]
        self.defaults: list[Any] = []
        for column in self.columns:
            default = column.default
            arg = getattr(default, "arg", None) if default is not None else None
            self.defaults.append(None if callable(arg) else arg)

    def row(
        self, values: Mapping[str, Any], raw: Mapping[str, Any] | None = None
    ) -> tuple[Any, ...]:
        """Return the driver tuple for *values*; *raw* values are already in driver form."""
        out = []
        for name, proc, default in zip(self.names, self.processors, self.defaults, strict=True):
            if raw is not None and name in raw:
                out.append(raw[name])
                continue
            value = values.get(name, default)
            if proc is not None and value is not None:
                value = proc(value)
            out.append(value)
        return tuple(out)

    def sql(self, rows: int) -> str:
        """Return the INSERT statement for *rows* rows."""
        statement = self._sql.get(rows)
        if statement is None:
            one = "(" + ", ".join("?" for _ in self.names) + ")"
            statement = self._sql[rows] = (
                f"INSERT INTO {self._table_name} ({', '.join(self.names)}) VALUES "
                + ", ".join([one] * rows)
            )
        return statement

    def execute(self, conn: Connection, rows: Sequence[tuple[Any, ...]]) -> None:
        """Insert *rows* with as few statement executions as the driver allows."""
        size = self.rows_per_statement
        full = len(rows) - len(rows) % size
        if full:
            conn.exec_driver_sql(
                self.sql(size),
                [
                    tuple(itertools.chain.from_iterable(rows[i : i + size]))
                    for i in range(0, full, size)
                ],
            )
        if full < len(rows):
            rest = rows[full:]
            conn.exec_driver_sql(self.sql(len(rest)), tuple(itertools.chain.from_iterable(rest)))

    def bound(self, name: str, value: Any) -> Any:
        """Return *value* as the driver receives it for column *name*."""
        proc = self.processors[self.names.index(name)]
        return proc(value) if proc is not None and value is not None else value


def _fast_processor(column: Column[Any], dialect: Any) -> Callable[[Any], Any] | None:
    """The column's bind processor, with a C-speed one where SQLite's is plain ISO text."""
    if dialect.name == "sqlite" and type(column.type) is Date:
        # SQLite's Date processor writes YYYY-MM-DD, which is date.isoformat for years >= 1000.
        return date.isoformat
    processor: Callable[[Any], Any] | None = column.type.dialect_impl(dialect).bind_processor(
        dialect
    )
    return processor


def set_journal_mode(conn: Connection, mode: str) -> bool:
    """Switch the journal mode outside any transaction; True when SQLite agreed."""
    raw = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    try:
        answer = raw.execute(f"PRAGMA journal_mode={mode}").fetchone()
    except sqlite3.OperationalError:  # another connection holds the file: keep WAL
        return False
    return bool(answer) and str(answer[0]).lower() == mode


def drop_plain_indexes(
    conn: Connection, table_name: str, *, guard: bool = False, keep: Sequence[str] = ()
) -> list[str]:
    """Drop a table's non-unique indexes (and, with *guard*, its insert guard) inside the
    caller's transaction; return the SQL that recreates them.

    Inserting many rows and then building each index in one sorted pass is several times
    faster than updating every index row by row. Unique indexes stay: they enforce keys.
    """
    rows = conn.exec_driver_sql(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL "
        "AND ((type = 'index' AND sql NOT LIKE 'CREATE UNIQUE%') "
        "OR (type = 'trigger' AND name = ?))",
        (table_name, f"guard_{table_name}_insert" if guard else ""),
    ).all()
    rows = [row for row in rows if row[1] not in keep]
    for kind, name, _sql in rows:
        conn.exec_driver_sql(f'DROP {str(kind).upper()} "{name}"')
    return [str(sql) for _kind, _name, sql in rows]


# Column types whose bound value SQLite's json_quote renders exactly as orjson renders it:
# text (dates and times are bound as ISO text) and integers. Not booleans (0/1 against
# true/false) nor floats (%.15g against the shortest repr).
_SQL_JSON_SAFE = (String, Integer, Date, DateTime)


def _column_kind(table: Table, name: str) -> Any:
    """A column's SQL type (a TypeDecorator's underlying type)."""
    kind = table.columns[name].type
    return getattr(kind, "impl_instance", kind)


def _loggable_in_sql(table: Table, names: Sequence[str]) -> bool:
    """True when SQLite can write the change log of *table*'s columns *names*."""
    kinds = [_column_kind(table, name) for name in names]
    return all(isinstance(k, _SQL_JSON_SAFE) and not isinstance(k, Boolean) for k in kinds)


def _bound_types(table: Table, names: Sequence[str]) -> list[type]:
    """The Python type each column's bound value has (dates are bound as ISO text)."""
    return [int if isinstance(_column_kind(table, n), Integer) else str for n in names]


def _check_bound_types(
    table: str, names: Sequence[str], types: Sequence[type], cells: Sequence[Any]
) -> None:
    """Refuse a row whose values are not of their columns' types.

    SQLite logs a value as the column stores it, Python as it was given: the two agree
    when every value has its column's type ("0120" given for an integer column would be
    logged as 120 by one and "0120" by the other). Checked on the first row of each batch
    of a load SQLite logs, which catches a caller passing a column the wrong way.
    """
    for name, expected, value in zip(names, types, cells, strict=True):
        if value is None or (isinstance(value, expected) and not isinstance(value, bool)):
            continue
        raise WriteRefused(
            f"{table}.{name} is given a {type(value).__name__}, not the {expected.__name__} "
            "it stores"
        )


def _change_log_select(table_name: str, names: Sequence[str]) -> str:
    """INSERT ... SELECT that logs the rows inserted after a rowid, as bulk_insert would.

    Each row's ``fields`` is the JSON object ``{"column": [null, value], ...}`` of its
    non-null data columns in table order, the text ``dump_fields`` makes of the same row.
    Parameters: device, JSON path of the device in the version vector, table name, user,
    audit id, recorded_at, last rowid before the load's batch.
    """
    members = " || ".join(
        f"CASE WHEN \"{name}\" IS NULL THEN '' "
        f"ELSE '{orjson.dumps(name).decode()}:[null,' || json_quote(\"{name}\") || '],' END"
        for name in names
    )
    columns = ", ".join(CHANGE_COLUMNS)
    return (
        f"INSERT INTO change_log ({columns}) "
        f"SELECT ?, json_extract(vv, ?), ?, id, 'insert', "
        f"'{{' || rtrim({members}, ',') || '}}', vv, hlc, ?, ?, ? "
        f"FROM {table_name} WHERE rowid > ? ORDER BY rowid"
    )


def _max_variables() -> int:
    # SQLite raised its bound-parameter limit from 999 to 32766 in 3.32.
    return 32_766 if sqlite3.sqlite_version_info >= (3, 32, 0) else 999


def dump_fields(fields: Mapping[str, tuple[Any, Any]]) -> str:
    """Serialise a change's {field: (old, new)} as JSON.

    orjson, because the change log is written for every row of a bulk load: the standard
    library's encoder costs ~15 µs a row here, a sixth of a whole demo row.
    """
    return orjson.dumps(fields, default=jsonable).decode()


class UnitOfWork:
    """One transaction of writes by one actor, logged and audited as one user action.

    Use as a context manager; leaving it normally commits, an exception (including
    :class:`WriteCancelled`) rolls everything back.
    """

    def __init__(
        self,
        engine: Engine,
        actor: Actor,
        *,
        action: str,
        summary: str = "",
        rollback_journal: bool = False,
    ) -> None:
        self._engine = engine
        # For a huge load: a WAL transaction of gigabytes slows down as it grows; SQLite's
        # rollback journal does not. Taken only when no other connection has the file open
        # (else SQLite refuses and the load runs in WAL as usual); WAL is restored after.
        self._rollback_journal = rollback_journal
        self._switched_journal = False
        self.actor = actor
        self.action = action
        self.summary = summary
        self.audit_id = new_id()
        self.change_count = 0
        self._conn: Connection | None = None
        self._clock: HybridClock | None = None
        self._seq = 0
        self._change_stmt: _BulkStatement | None = None
        self._bulk_stmts: dict[str, _BulkStatement] = {}

    # -- transaction -----------------------------------------------------------------------

    def __enter__(self) -> UnitOfWork:
        if self.actor.read_only is not None:
            raise DomainError(self.actor.read_only)
        conn = self._engine.connect().execution_options(sqlite_begin="IMMEDIATE")
        if self._rollback_journal:
            self._switched_journal = set_journal_mode(conn, "delete")
        conn.begin()
        self._conn = conn
        try:
            state = conn.execute(select(models.LocalState.__table__)).mappings().first()  # type: ignore[attr-defined]
            if state is None:
                raise WriteRefused("database has no local state; run init first")
            if state["device_id"] != self.actor.device_id:
                raise WriteRefused("actor's device is not this database's device")
            self._seq = int(state["device_seq"])
            self._clock = HybridClock(int(state["hlc_ms"]), int(state["hlc_counter"]))
        except BaseException:
            conn.rollback()
            conn.close()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        conn = self.connection
        try:
            if exc_type is None:
                self._finish()
                conn.commit()
            else:
                conn.rollback()
        finally:
            if self._switched_journal:
                set_journal_mode(conn, "wal")
            conn.close()
            self._conn = None

    def _finish(self) -> None:
        if self.change_count == 0:
            return
        conn = self.connection
        clock = self._require_clock()
        conn.execute(
            insert(models.AuditEntry.__table__),  # type: ignore[attr-defined]
            {
                "id": self.audit_id,
                "at": utc_now(),
                "user_id": self.actor.user_id,
                "username": self.actor.username,
                "role": self.actor.role,
                "device_id": self.actor.device_id,
                "action": self.action,
                "summary": self.summary[:1000],
                "change_count": self.change_count,
            },
        )
        conn.execute(
            update(models.LocalState.__table__).values(  # type: ignore[attr-defined]
                device_seq=self._seq, hlc_ms=clock.ms, hlc_counter=clock.counter
            )
        )

    @property
    def connection(self) -> Connection:
        """The open connection, for reads inside the same transaction."""
        if self._conn is None:
            raise WriteRefused("unit of work is not open")
        return self._conn

    def _require_clock(self) -> HybridClock:
        if self._clock is None:
            raise WriteRefused("unit of work is not open")
        return self._clock

    # -- single rows -----------------------------------------------------------------------

    def _stamp(self) -> tuple[int, str]:
        self._seq += 1
        return self._seq, self._require_clock().now().encode()

    def _log(
        self,
        *,
        seq: int,
        stamp: str,
        table: str,
        row_id: str,
        op: str,
        fields: Mapping[str, tuple[Any, Any]],
        vv: str,
        now: datetime,
    ) -> None:
        self.connection.execute(
            insert(models.ChangeLog.__table__),  # type: ignore[attr-defined]
            {
                "device_id": self.actor.device_id,
                "device_seq": seq,
                "table_name": table,
                "row_id": row_id,
                "op": op,
                "fields": dump_fields(fields),
                "vv": vv,
                "hlc": stamp,
                "user_id": self.actor.user_id,
                "audit_id": self.audit_id,
                "recorded_at": now,
            },
        )
        self.change_count += 1

    def _synced(self, table: type[SQLModel] | Table) -> Table:
        core = table_of(table)
        if core.name not in models.SYNCED_TABLE_NAMES:
            raise WriteRefused(f"{core.name} is not a synced table")
        return core

    def insert(self, table: type[SQLModel] | Table, values: Mapping[str, Any]) -> str:
        """Insert one synced row; return its id (generated unless given)."""
        core = self._synced(table)
        data = {k: v for k, v in values.items() if k not in SYNC_FIELDS or k == "id"}
        row_id = str(data.get("id") or new_id())
        seq, stamp = self._stamp()
        now = utc_now()
        vv = vv_dumps({self.actor.device_id: seq})
        self._log(
            seq=seq,
            stamp=stamp,
            table=core.name,
            row_id=row_id,
            op="insert",
            fields={
                k: (None, self._logged(core, k, v))
                for k, v in data.items()
                if k != "id" and v is not None
            },
            vv=vv,
            now=now,
        )
        data.update(
            id=row_id,
            created_at=now,
            updated_at=now,
            hlc=stamp,
            origin_device=self.actor.device_id,
            vv=vv,
            deleted=False,
        )
        self.connection.execute(insert(core), data)
        return row_id

    def update(
        self,
        table: type[SQLModel] | Table,
        row_id: str,
        changes: Mapping[str, Any],
        *,
        force: bool = False,
    ) -> bool:
        """Change fields of one synced row; return False when nothing actually changed.

        With *force* the change is logged even when the values are already the row's: a
        settled sync conflict must travel to every office, whichever value was chosen.
        """
        return self._change(table, row_id, dict(changes), op="update", force=force)

    def delete(self, table: type[SQLModel] | Table, row_id: str) -> bool:
        """Tombstone one synced row (synced rows are never removed)."""
        return self._change(table, row_id, {"deleted": True}, op="delete")

    def _change(
        self,
        table: type[SQLModel] | Table,
        row_id: str,
        changes: dict[str, Any],
        *,
        op: str,
        force: bool = False,
    ) -> bool:
        core = self._synced(table)
        bad = set(changes) - {c.name for c in core.columns} - {"deleted"}
        bad |= (set(changes) & SYNC_FIELDS) - {"deleted"}
        if bad:
            raise WriteRefused(f"cannot set {sorted(bad)} on {core.name}")
        current = (
            self.connection.execute(select(core).where(core.c.id == row_id)).mappings().first()
        )
        if current is None:
            raise WriteRefused(f"no {core.name} row with that id")
        diff = {k: (current[k], v) for k, v in changes.items() if force or current[k] != v}
        if not diff:
            return False
        seq, stamp = self._stamp()
        now = utc_now()
        logged = {
            k: (self._logged(core, k, old), self._logged(core, k, new))
            for k, (old, new) in diff.items()
        }
        vector = vv_loads(current["vv"])
        vector[self.actor.device_id] = seq
        vv = vv_dumps(vector)
        self._log(
            seq=seq,
            stamp=stamp,
            table=core.name,
            row_id=row_id,
            op=op,
            fields=logged,
            vv=vv,
            now=now,
        )
        self.connection.execute(
            update(core)
            .where(core.c.id == row_id)
            .values(
                **{k: new for k, (_old, new) in diff.items()},
                updated_at=now,
                hlc=stamp,
                origin_device=self.actor.device_id,
                vv=vv,
            )
        )
        # The user has just decided these fields: sync conflicts still open on them are
        # settled by this change (it follows both sides, so it wins on every office too).
        # Any change settles a delete-against-edit conflict: it was made knowing both sides.
        fields = sorted({*diff, "deleted"})
        marks = ", ".join("?" for _ in fields)
        self.connection.exec_driver_sql(
            "UPDATE conflict SET resolved_at = ?, resolved_by = ? WHERE resolved_at IS NULL "
            f"AND row_id = ? AND table_name = ? AND field IN ({marks})",
            (
                now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f"),
                self.actor.user_id,
                row_id,
                core.name,
                *fields,
            ),
        )
        return True

    def _logged(self, core: Table, name: str, value: Any) -> Any:
        """Return a value as the change log keeps it: as stored (dates as text), bools as is."""
        if value is None or type(value) is bool:
            return value
        return self._bulk_statement(core).bound(name, value)

    # -- bulk ------------------------------------------------------------------------------

    def _bulk_statement(self, core: Table) -> _BulkStatement:
        stmt = self._bulk_stmts.get(core.name)
        if stmt is None:
            stmt = self._bulk_stmts[core.name] = _BulkStatement(self.connection, core)
        return stmt

    def bulk_insert(
        self,
        table: type[SQLModel] | Table,
        rows: Iterable[Mapping[str, Any]],
        *,
        total: int | None = None,
        progress: ProgressFn | None = None,
        cancel: CancelFn | None = None,
        batch_size: int = BULK_BATCH,
        defer_indexes: bool = False,
    ) -> list[str]:
        """Insert many new synced rows through the driver, each logged like a single insert.

        Returns the ids in input order. *progress* gets (done, total) after every batch;
        *cancel* returning True aborts with :class:`WriteCancelled` (the caller's ``with``
        block then rolls everything back).
        """
        core = self._synced(table)
        target = self._bulk_statement(core)
        changes = self._change_statement()
        clock = self._require_clock()
        device = self.actor.device_id
        user = self.actor.user_id
        audit = self.audit_id
        now = target.bound("created_at", utc_now())
        recorded = changes.bound("recorded_at", utc_now())
        if tuple(target.names[: len(models.SYNC_COLUMNS)]) != models.SYNC_COLUMNS:
            raise WriteRefused(f"{core.name} does not start with the sync columns")
        plan = list(
            zip(
                target.names[len(models.SYNC_COLUMNS) :],
                target.processors[len(models.SYNC_COLUMNS) :],
                target.defaults[len(models.SYNC_COLUMNS) :],
                strict=True,
            )
        )
        names = [name for name, _proc, _default in plan]
        default_values = [default for _name, _proc, default in plan]
        # Only these columns need converting (dates to ISO text; booleans stay as they are).
        converters = [(j, proc) for j, (_n, proc, _d) in enumerate(plan) if proc is not None]
        table_name = core.name
        ids: list[str] = []
        done = 0
        deferred = self._drop_indexes(core) if defer_indexes else []
        if defer_indexes and total is not None and self._change_log_size() <= total:
            # The change log's row look-up index too, when the load outgrows the log (a
            # first import): nothing reads it before it is rebuilt at the end of the load.
            # The audit index stays: every entry of the load has the same audit id and a
            # growing rowid, so keeping it is an append.
            deferred += drop_plain_indexes(
                self.connection, models.ChangeLog.__tablename__, keep=("ix_change_audit",)
            )
        # With the insert guard lifted, SQLite writes the change log from the inserted rows
        # (on the writer thread, without the GIL) instead of Python dumping every row's
        # fields, for ~8 µs a row less on the busy thread. The same text, as tested, for
        # values of their columns' types (checked on the first row of every batch).
        logged_by_sqlite = defer_indexes and _loggable_in_sql(core, names)
        log_sql = _change_log_select(core.name, names) if logged_by_sqlite else ""
        bound_types = _bound_types(core, names) if logged_by_sqlite else []
        seq_path = "$." + orjson.dumps(device).decode()  # the device's number in a row's vv
        # The driver releases the GIL while SQLite works, so batch k is written on a helper
        # thread while this thread prepares batch k+1: both cores busy on a big load. The
        # connection is used by one thread at a time (the next write waits for the last).
        pending: Future[int] | None = None

        def write(change_rows: list[tuple[Any, ...]], table_rows: list[tuple[Any, ...]]) -> int:
            conn = self.connection
            if not logged_by_sqlite:
                changes.execute(conn, change_rows)
                target.execute(conn, table_rows)
                return len(table_rows)
            last = conn.exec_driver_sql(f"SELECT max(rowid) FROM {table_name}").scalar()
            target.execute(conn, table_rows)
            conn.exec_driver_sql(
                log_sql, (device, seq_path, table_name, user, audit, recorded, last or 0)
            )
            return len(table_rows)

        def settle() -> None:
            nonlocal done, pending
            if pending is None:
                return
            written = pending.result()
            pending = None
            self.change_count += written
            done += written
            if progress is not None:
                progress(done, total if total is not None else done)

        with (
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="sigap-bulk") as writer,
            QUICK_HANDOFF.held(),
        ):
            try:
                for batch in _batches(rows, batch_size):
                    if cancel is not None and cancel():
                        raise WriteCancelled
                    change_rows = []
                    table_rows = []
                    fresh_ids = iter(new_ids(len(batch)))
                    stamps = iter(clock.stamps(len(batch)))
                    for values in batch:
                        row_id = str(values.get("id") or next(fresh_ids))
                        self._seq += 1
                        seq = self._seq
                        stamp = next(stamps)
                        vv = f'{{"{device}":{seq}}}'
                        cells = list(map(values.get, names, default_values))
                        for j, proc in converters:
                            value = cells[j]
                            if value is not None and type(value) is not bool:
                                cells[j] = proc(value)  # dates as ISO text, in log and table
                        table_rows.append((row_id, now, now, stamp, device, vv, 0, *cells))
                        ids.append(row_id)
                        if logged_by_sqlite:
                            if len(table_rows) == 1:
                                _check_bound_types(table_name, names, bound_types, cells)
                            continue
                        fields = {
                            name: (None, value)
                            for name, value in zip(names, cells, strict=True)
                            if value is not None
                        }
                        change_rows.append(
                            (
                                device,
                                seq,
                                table_name,
                                row_id,
                                "insert",
                                dump_fields(fields),
                                vv,
                                stamp,
                                user,
                                audit,
                                recorded,
                            )
                        )
                    settle()
                    pending = writer.submit(write, change_rows, table_rows)
                settle()
            except BaseException:
                if pending is not None:
                    pending.exception()  # let the in-flight write finish before rollback
                raise
        for statement in deferred:
            self.connection.exec_driver_sql(statement)
        return ids

    def _change_log_size(self) -> int:
        """About how many entries the change log holds (its last local number: no scan)."""
        last = self.connection.exec_driver_sql("SELECT max(local_seq) FROM change_log").scalar()
        return int(last or 0)

    def _drop_indexes(self, core: Table) -> list[str]:
        """Drop the table's plain indexes and insert guard for a big load.

        Returns the SQL that recreates them, run at the end of the load in the same
        transaction (a rollback restores them too). Dropping the guard is safe here: this
        transaction holds the write lock, so no other writer can slip in, and every row of
        the load is logged by the loop that inserts it; the guard's per-row look-up would
        cost ~10 µs a row.
        """
        return drop_plain_indexes(self.connection, core.name, guard=True)

    def _change_statement(self) -> _BulkStatement:
        if self._change_stmt is None:
            # local_seq is the rowid: SQLite numbers it.
            stmt = _BulkStatement(
                self.connection, table_of(models.ChangeLog), exclude=("local_seq",)
            )
            # bulk_insert builds change-log tuples by hand in this order.
            assert tuple(stmt.names) == CHANGE_COLUMNS, stmt.names
            self._change_stmt = stmt
        return self._change_stmt


def _batches(rows: Iterable[Mapping[str, Any]], size: int) -> Iterator[Sequence[Mapping[str, Any]]]:
    batch: list[Mapping[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
