"""Queries behind editing one worker: the record, possible duplicates, its change history."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, or_, select

from desktop.store import models
from desktop.store.unit_of_work import table_of

WORKER = table_of(models.Worker)
REGION = table_of(models.Region)
CHANGE = table_of(models.ChangeLog)
AUDIT = table_of(models.AuditEntry)
DUPLICATE_LIMIT = 20


def worker_by_id(conn: Connection, worker_id: str) -> dict[str, Any] | None:
    """Return the worker row with this id (tombstones included), or None."""
    row = conn.execute(select(WORKER).where(WORKER.c.id == worker_id)).mappings().first()
    return dict(row) if row is not None else None


def possible_duplicates(
    conn: Connection,
    *,
    nik: str | None,
    name_key: str | None,
    birth_date: date | None,
    exclude_id: str | None,
) -> list[dict[str, Any]]:
    """Return live workers with this NIK, or with this name key and birth date."""
    matches = []
    if nik:
        matches.append(WORKER.c.nik == nik)
    if name_key and birth_date is not None:
        matches.append(and_(WORKER.c.name_key == name_key, WORKER.c.birth_date == birth_date))
    if not matches:
        return []
    stmt = select(WORKER).where(
        or_(*matches), WORKER.c.deleted.is_(False), WORKER.c.merged_into.is_(None)
    )
    if exclude_id is not None:
        stmt = stmt.where(WORKER.c.id != exclude_id)
    stmt = stmt.order_by(WORKER.c.name_key, WORKER.c.id).limit(DUPLICATE_LIMIT)
    return [dict(row) for row in conn.execute(stmt).mappings()]


def region_level(conn: Connection, code: str) -> int | None:
    """Return the level of a live region code, or None when the master lacks it."""
    value = conn.execute(
        select(REGION.c.level).where(REGION.c.code == code, REGION.c.deleted.is_(False))
    ).scalar_one_or_none()
    return int(value) if value is not None else None


def first_village(conn: Connection, district: str) -> str | None:
    """The first live village (by code) of a kecamatan, or None when the master has none."""
    value = conn.execute(
        select(REGION.c.code)
        .where(
            REGION.c.parent_code == district,
            REGION.c.level == 4,
            REGION.c.deleted.is_(False),
        )
        .order_by(REGION.c.code)
        .limit(1)
    ).scalar_one_or_none()
    return str(value) if value is not None else None


def changes_of(conn: Connection, table: str, row_id: str) -> list[dict[str, Any]]:
    """Return the change-log entries of one row, oldest first, with their audit entry."""
    stmt = (
        select(
            CHANGE.c.local_seq,
            CHANGE.c.op,
            CHANGE.c.fields,
            CHANGE.c.recorded_at,
            AUDIT.c.username,
            AUDIT.c.action,
            AUDIT.c.summary,
            AUDIT.c.at,
        )
        .select_from(CHANGE.outerjoin(AUDIT, AUDIT.c.id == CHANGE.c.audit_id))
        .where(CHANGE.c.table_name == table, CHANGE.c.row_id == row_id)
        .order_by(CHANGE.c.hlc, CHANGE.c.local_seq)
    )
    return [dict(row) for row in conn.execute(stmt).mappings()]
