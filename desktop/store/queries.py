"""Read queries and local (non-synced) bookkeeping writes used by the services."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, RowMapping, func, insert, select, text
from sqlmodel import SQLModel

from desktop.store import models
from desktop.store.columns import COLUMN_SPECS, ColumnSpec
from desktop.store.unit_of_work import table_of

LOCAL_STATE = table_of(models.LocalState)
DEVICE = table_of(models.Device)
APP_USER = table_of(models.AppUser)
REGION = table_of(models.Region)
SETTING = table_of(models.Setting)
CHANGE_LOG = table_of(models.ChangeLog)
AUDIT = table_of(models.AuditEntry)

COUNTED_TABLES: tuple[str, ...] = (
    *(str(t.__tablename__) for t in models.SYNCED_TABLES),
    "audit_entry",
    "change_log",
    "conflict",
    "device",
)


def local_state(conn: Connection) -> RowMapping | None:
    """Return this database's identity row, or None before init."""
    return conn.execute(select(LOCAL_STATE)).mappings().first()


def create_local_state(
    conn: Connection,
    *,
    device_id: str,
    office_kind: str,
    office_region: str,
    office_name: str,
    regency_code: str,
    now: datetime,
) -> None:
    """Write the identity row and this device's own device row."""
    conn.execute(
        insert(LOCAL_STATE).values(
            singleton=1,
            device_id=device_id,
            office_kind=office_kind,
            office_region=office_region,
            office_name=office_name,
            regency_code=regency_code,
            device_seq=0,
            hlc_ms=0,
            hlc_counter=0,
            created_at=now,
        )
    )
    conn.execute(
        insert(DEVICE).values(
            id=device_id,
            name=office_name,
            office_kind=office_kind,
            region_code=office_region,
            created_at=now,
        )
    )


def user_by_username(conn: Connection, office_region: str, username: str) -> RowMapping | None:
    """Return the live user of an office with that username, or None."""
    return (
        conn.execute(
            select(APP_USER).where(
                APP_USER.c.office_region == office_region,
                APP_USER.c.username == username,
                APP_USER.c.deleted.is_(False),
            )
        )
        .mappings()
        .first()
    )


def settings(conn: Connection) -> dict[str, str]:
    """Return every live office setting."""
    rows = conn.execute(select(SETTING.c.key, SETTING.c.value).where(SETTING.c.deleted.is_(False)))
    return {key: value for key, value in rows}


def setting_id(conn: Connection, key: str) -> str | None:
    """Return the id of a setting row, or None."""
    return conn.execute(select(SETTING.c.id).where(SETTING.c.key == key)).scalar()


def region_index(conn: Connection) -> dict[str, tuple[str, str]]:
    """Return code → (id, name) for every region."""
    rows = conn.execute(select(REGION.c.code, REGION.c.id, REGION.c.name))
    return {code: (row_id, name) for code, row_id, name in rows}


def region_name(conn: Connection, code: str) -> str | None:
    """Return the name of a live region, or None."""
    return conn.execute(
        select(REGION.c.name).where(REGION.c.code == code, REGION.c.deleted.is_(False))
    ).scalar()


def region_children(conn: Connection, parent_code: str | None) -> list[tuple[str, str, int]]:
    """Return (code, name, level) of the live children of a region (provinces for None)."""
    where = (
        REGION.c.parent_code.is_(None)
        if parent_code is None
        else REGION.c.parent_code == parent_code
    )
    rows = conn.execute(
        select(REGION.c.code, REGION.c.name, REGION.c.level)
        .where(where, REGION.c.deleted.is_(False))
        .order_by(REGION.c.code)
    )
    return [(code, name, int(level)) for code, name, level in rows]


def regions_under(conn: Connection, prefix: str, level: int) -> list[tuple[str, str]]:
    """Return (code, name) of live regions at *level* whose code starts with *prefix*."""
    rows = conn.execute(
        select(REGION.c.code, REGION.c.name)
        .where(
            REGION.c.level == level,
            REGION.c.deleted.is_(False),
            REGION.c.code.like(prefix.replace("%", "") + "%") if prefix else text("1"),
        )
        .order_by(REGION.c.code)
    )
    return [(code, name) for code, name in rows]


def table_counts(conn: Connection, tables: Iterable[str] = COUNTED_TABLES) -> dict[str, int]:
    """Return the number of rows of each table."""
    counts = {}
    for name in tables:
        table = SQLModel.metadata.tables[name]
        counts[name] = int(conn.execute(select(func.count()).select_from(table)).scalar_one())
    return counts


def integrity_problems(conn: Connection) -> list[str]:
    """Return SQLite's integrity and foreign-key check findings (empty when sound)."""
    problems = [
        str(row[0]) for row in conn.exec_driver_sql("PRAGMA integrity_check") if row[0] != "ok"
    ]
    for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check"):
        problems.append(f"{table} row {rowid}: missing {parent}")
    return problems


def unlogged_rows(conn: Connection, limit: int = 20) -> list[tuple[str, str]]:
    """Return (table, id) of synced rows whose current stamp has no change-log entry."""
    found: list[tuple[str, str]] = []
    for model in models.SYNCED_TABLES:
        table = table_of(model)
        rows = conn.execute(
            select(table.c.id)
            .where(
                ~select(CHANGE_LOG.c.local_seq)
                .where(
                    CHANGE_LOG.c.row_id == table.c.id,
                    CHANGE_LOG.c.hlc == table.c.hlc,
                    CHANGE_LOG.c.table_name == table.name,
                )
                .exists()
            )
            .limit(limit - len(found))
        )
        found.extend((table.name, row_id) for (row_id,) in rows)
        if len(found) >= limit:
            break
    return found


def _unreadable_sql(column: str, spec: ColumnSpec) -> str:
    """A condition true when *column* holds a value its spec refuses (names are ours)."""
    q = f'"{column}"'
    bad = {
        "text": f"typeof({q}) != 'text' OR length({q}) > {spec.length}",
        "integer": f"typeof({q}) != 'integer'",
        "boolean": f"typeof({q}) != 'integer' OR {q} NOT IN (0, 1)",
        "date": f"typeof({q}) != 'text' OR date({q}) IS NOT {q}",
        "datetime": f"typeof({q}) != 'text' OR datetime({q}) IS NULL",
    }[spec.kind]
    empty = "FALSE" if spec.nullable else "TRUE"
    return f"CASE WHEN {q} IS NULL THEN {empty} ELSE ({bad}) END"


def unreadable_values(conn: Connection, limit: int = 20) -> list[tuple[str, str, str]]:
    """Return (table, id, column) of stored values Sigap cannot read back (a date that is
    not a date, a text longer than its column, a text where a number belongs): one scan of
    each synced table."""
    found: list[tuple[str, str, str]] = []
    for table_name, specs in COLUMN_SPECS.items():
        if table_name == "audit_entry":
            continue
        columns = list(specs)
        checks = ", ".join(_unreadable_sql(c, specs[c]) for c in columns)
        any_bad = " OR ".join(_unreadable_sql(c, specs[c]) for c in columns)
        rows = conn.exec_driver_sql(
            f"SELECT id, {checks} FROM {table_name} WHERE {any_bad} LIMIT ?",
            (limit - len(found),),
        )
        for row in rows:
            column = next(c for c, bad in zip(columns, row[1:], strict=True) if bad)
            found.append((table_name, str(row[0]), column))
        if len(found) >= limit:
            break
    return found


def active_duplicate_niks(conn: Connection, limit: int = 5) -> tuple[int, list[str]]:
    """How many NIKs more than one live, active worker has, and a few of their names."""
    rows = conn.exec_driver_sql(
        "SELECT nik, min(name) FROM worker WHERE deleted = 0 AND merged_into IS NULL "
        "AND status = 'aktif' GROUP BY nik HAVING count(*) > 1"
    ).all()
    return len(rows), [str(name) for _, name in rows[:limit]]


def misplaced_workers(conn: Connection, district: str) -> list[tuple[str, str]]:
    """(id, name) of live workers this kecamatan office created in another kecamatan: the
    hub refuses every bundle that carries them (the form of an older Sigap allowed it)."""
    rows = conn.exec_driver_sql(
        "SELECT w.id, w.name FROM worker w JOIN local_state s "
        "WHERE w.deleted = 0 AND w.district_code IS NOT ? "
        "AND EXISTS (SELECT 1 FROM change_log c WHERE c.row_id = w.id "
        "  AND c.table_name = 'worker' AND c.op = 'insert' AND c.device_id = s.device_id "
        "  AND json_extract(c.fields, '$.district_code[1]') IS NOT ?) "
        "ORDER BY w.name",
        (district, district),
    )
    return [(str(row[0]), str(row[1])) for row in rows]


def missing_write_guards(conn: Connection) -> list[str]:
    """Return the synced or append-only tables that lack their write-guard triggers."""
    triggers = {
        name
        for (name,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='trigger'")
    }
    missing = []
    for model in models.SYNCED_TABLES:
        name = str(model.__tablename__)
        if not {f"guard_{name}_{v}" for v in ("insert", "update", "delete")} <= triggers:
            missing.append(name)
    for name in sorted(models.APPEND_ONLY_TABLE_NAMES):
        if not {f"guard_{name}_{v}" for v in ("update", "delete")} <= triggers:
            missing.append(name)
    return missing


def sqlite_version(conn: Connection) -> str:
    """Return the SQLite library version."""
    return str(conn.exec_driver_sql("SELECT sqlite_version()").scalar())


def journal_mode(conn: Connection) -> str:
    """Return the journal mode (``wal`` for a healthy Sigap database)."""
    return str(conn.exec_driver_sql("PRAGMA journal_mode").scalar())


# A bundle refused here is kept in the bundle log under this direction ("in": applied,
# "out": written), one row per bundle and sender: its last refusal.
REFUSED = "rej"


def record_refused_bundle(
    conn: Connection,
    *,
    bundle_id: str,
    sender: str,
    file_name: str,
    size: int,
    at: str,
    summary: str,
) -> bool:
    """Note that a bundle of a known device (not this one) was refused at *at*, with why
    (*summary*, JSON); return False when the sender is not a device this office knows."""
    written = conn.exec_driver_sql(
        "INSERT OR REPLACE INTO bundle_log (bundle_id, direction, peer_device, created_at, "
        "processed_at, file_name, size, sha256, change_count, summary) "
        "SELECT ?, ?, d.id, ?, ?, ?, ?, '', 0, ? FROM device d "
        "WHERE d.id = ? AND d.id <> (SELECT device_id FROM local_state)",
        (bundle_id, REFUSED, at, at, file_name[:300], size, summary, sender),
    ).rowcount
    return bool(written)


def last_refusals(conn: Connection) -> dict[str, tuple[str, str, Any]]:
    """Device id → (when, file name, summary JSON) of the newest bundle refused from it."""
    rows = conn.exec_driver_sql(
        "SELECT peer_device, processed_at, file_name, summary FROM bundle_log "
        "WHERE direction = ? ORDER BY processed_at",
        (REFUSED,),
    )
    return {str(device): (str(at), str(name), summary) for device, at, name, summary in rows}
