"""Roster queries: filtering, sorting and paging the worker table in SQL.

The table view holds only the sorted rowids of the matching workers (an ``array('q')``: 8 MB
for a million) and fetches rows a page at a time, so a million workers stay instant.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    TextClause,
    and_,
    func,
    literal_column,
    select,
    text,
)

from desktop.store import models
from desktop.store.unit_of_work import table_of

WORKER = table_of(models.Worker)
REGION = table_of(models.Region)
ROWID: ColumnElement[int] = literal_column("worker.rowid")
# The live condition exactly as the partial indexes spell it (see models.LIVE_WORKER).
LIVE = text("worker.deleted = 0 AND worker.merged_into IS NULL")

SORT_COLUMNS = {
    "name": (WORKER.c.name_key,),
    "nik": (WORKER.c.nik,),
    "birth_date": (WORKER.c.birth_date,),
    "village": (WORKER.c.village_code, WORKER.c.name_key),
    "district": (WORKER.c.district_code, WORKER.c.name_key),
    "category": (WORKER.c.category, WORKER.c.name_key),
    "status": (WORKER.c.status, WORKER.c.name_key),
    "coverage_end": (WORKER.c.coverage_end, WORKER.c.name_key),
    "position": (WORKER.c.position, WORKER.c.name_key),
    "sex": (WORKER.c.sex, WORKER.c.name_key),
}


@dataclass(frozen=True)
class RosterCriteria:
    """What the roster shows: filters and a search text (already split into its parts)."""

    district_code: str | None = None
    village_code: str | None = None
    category: str | None = None
    status: str | None = None
    ends_within_days: int | None = None
    nik_prefix: str | None = None
    name_words: tuple[str, ...] = ()


def _where(criteria: RosterCriteria, today: date) -> ColumnElement[bool]:
    # A literal live condition (text, not bound parameters), so the planner matches it to
    # the partial indexes.
    clauses: list[ColumnElement[bool] | TextClause] = [LIVE]
    if criteria.village_code:
        clauses.append(WORKER.c.village_code == criteria.village_code)
    elif criteria.district_code:
        clauses.append(WORKER.c.district_code == criteria.district_code)
    if criteria.category:
        clauses.append(WORKER.c.category == criteria.category)
    if criteria.status:
        clauses.append(WORKER.c.status == criteria.status)
    if criteria.ends_within_days is not None:
        clauses.append(
            WORKER.c.coverage_end.between(today, today + timedelta(days=criteria.ends_within_days))
        )
    if criteria.nik_prefix:
        prefix = criteria.nik_prefix
        if len(prefix) >= 16:
            clauses.append(WORKER.c.nik == prefix)
        else:
            # A range, not LIKE: it uses the NIK index whatever the collation.
            upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
            clauses.append(and_(WORKER.c.nik >= prefix, WORKER.c.nik < upper))
    for word in criteria.name_words:
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clauses.append(WORKER.c.name_key.like(f"%{escaped}%", escape="\\"))
    return and_(*clauses)


def matching_rowids(
    conn: Connection,
    criteria: RosterCriteria,
    *,
    sort: str = "name",
    descending: bool = False,
    today: date,
) -> array[int]:
    """Return the rowids of the matching workers in display order."""
    keys = SORT_COLUMNS.get(sort, SORT_COLUMNS["name"])
    order = [k.desc() if descending else k.asc() for k in keys]
    order.append(ROWID.desc() if descending else ROWID.asc())
    statement = select(ROWID).select_from(WORKER).where(_where(criteria, today)).order_by(*order)
    # A million ids: read them through the driver's cursor, not SQLAlchemy's result rows
    # (which cost ~2.5 s more here).
    compiled = statement.compile(dialect=conn.dialect)
    params = compiled.construct_params()
    order_of = compiled.positiontup or []
    values = [_driver_value(params[name]) for name in order_of]
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled), values)
        ids: array[int] = array("q")
        while chunk := cursor.fetchmany(65_536):
            ids.extend(row[0] for row in chunk)
    finally:
        cursor.close()
    return ids


def _driver_value(value: Any) -> Any:
    # Dates as SQLite stores them (ISO text): the driver's own date adapter is deprecated.
    return value.isoformat() if isinstance(value, date) else value


def count_matching(conn: Connection, criteria: RosterCriteria, *, today: date) -> int:
    """Return how many workers match."""
    return int(
        conn.execute(
            select(func.count()).select_from(WORKER).where(_where(criteria, today))
        ).scalar_one()
    )


def rows_by_rowid(conn: Connection, rowids: Sequence[int]) -> list[dict[str, Any]]:
    """Return the workers with these rowids, in the order given, with region names."""
    if not rowids:
        return []
    village = REGION.alias("village")
    district = REGION.alias("district")
    stmt = (
        select(
            ROWID.label("rowid"),
            WORKER,
            village.c.name.label("village_name"),
            district.c.name.label("district_name"),
        )
        .select_from(
            WORKER.outerjoin(village, village.c.code == WORKER.c.village_code).outerjoin(
                district, district.c.code == WORKER.c.district_code
            )
        )
        .where(ROWID.in_(list(rowids)))
    )
    found = {row["rowid"]: dict(row) for row in conn.execute(stmt).mappings()}
    return [found[r] for r in rowids if r in found]


# The columns iter_export gives, in its order: the worker's, and its desa's and kecamatan's
# names.
EXPORT_COLUMNS: tuple[str, ...] = (
    "nik", "name", "sex", "birth_place", "birth_date", "address", "village_name",
    "district_name", "village_code", "district_code", "category", "subcategory", "position",
    "kpj", "kk", "programmes", "declared_income", "funding_source", "coverage_start",
    "coverage_end", "status", "status_reason", "death_date", "phone",
)  # fmt: skip


def iter_export(
    conn: Connection, criteria: RosterCriteria, *, today: date, batch: int = 2_000
) -> Iterator[tuple[Any, ...]]:
    """Yield the matching workers sorted by name as tuples of :data:`EXPORT_COLUMNS`, in
    bounded memory; dates as the ISO text the database keeps.

    Read through the driver's cursor: SQLAlchemy's result rows and date processing would
    cost more than writing the file.
    """
    village = REGION.alias("village")
    district = REGION.alias("district")
    names = {"village_name": village.c.name, "district_name": district.c.name}
    statement = (
        select(*(names[c] if c in names else WORKER.c[c] for c in EXPORT_COLUMNS))
        .select_from(
            WORKER.outerjoin(village, village.c.code == WORKER.c.village_code).outerjoin(
                district, district.c.code == WORKER.c.district_code
            )
        )
        .where(_where(criteria, today))
        .order_by(WORKER.c.name_key, ROWID)
    )
    compiled = statement.compile(dialect=conn.dialect)
    params = compiled.construct_params()
    values = [_driver_value(params[name]) for name in compiled.positiontup or []]
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled), values)
        while chunk := cursor.fetchmany(batch):
            yield from chunk
    finally:
        cursor.close()
