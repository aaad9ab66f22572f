"""Queries of the roster import: regions of the office's scope, workers by NIK in bulk."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection

NIK_CHUNK = 50_000

# The worker columns an import fills (and compares, to tell an update from no change).
IMPORTED_COLUMNS: tuple[str, ...] = (
    "nik",
    "kk",
    "name",
    "name_key",
    "sex",
    "birth_place",
    "birth_date",
    "address",
    "village_code",
    "district_code",
    "category",
    "subcategory",
    "position",
    "kpj",
    "coverage_start",
    "coverage_end",
    "phone",
    "programmes",
    "declared_income",
    "funding_source",
    "status",
    "status_reason",
    "death_date",
)


def regions_in_scope(conn: Connection, scope: str, level: int) -> list[tuple[str, str]]:
    """(code, name) of the live regions at *level* under *scope* ("" for all)."""
    sql = "SELECT code, name FROM region WHERE level = ? AND deleted = 0"
    params: tuple[Any, ...] = (level,)
    if scope:
        sql += " AND (code = ? OR code LIKE ?)"
        params += (scope, scope.replace("%", "") + ".%")
    return [(str(code), str(name)) for code, name in conn.exec_driver_sql(sql, params)]


def district_codes(conn: Connection) -> set[str]:
    """Every live district (kecamatan) code, for the NIK area check."""
    rows = conn.exec_driver_sql("SELECT code FROM region WHERE level = 3 AND deleted = 0")
    return {str(code) for (code,) in rows}


def workers_by_nik(conn: Connection, niks: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The live, unmerged workers with these NIKs: NIK → {id, and every imported column}.

    One query per 50,000 NIKs (passed as a JSON array, so no bound-parameter limit), or, when
    the table holds fewer rows than there are NIKs (a first import), one pass over the table;
    dates come back as the ISO text the database keeps. When a NIK has several live records
    (a duplicate enrolment not yet settled), the oldest is returned.
    """
    found: dict[str, dict[str, Any]] = {}
    oldest: dict[str, tuple[str, str]] = {}
    wanted = set(niks)
    if not wanted:
        return found
    columns = ", ".join(IMPORTED_COLUMNS)
    live = "deleted = 0 AND merged_into IS NULL"
    # The driver's cursor, in this connection's transaction: SQLAlchemy's result rows would
    # double the cost of reading 100,000 workers.
    driver = conn.connection.driver_connection
    assert driver is not None
    names = ("id", *IMPORTED_COLUMNS)
    (rows,) = driver.execute("SELECT count(*) FROM worker").fetchone()
    if rows < len(wanted):
        batches: Iterable[Iterable[Sequence[Any]]] = [
            driver.execute(f"SELECT created_at, id, {columns} FROM worker WHERE {live}")
        ]
    else:
        sql = (
            f"SELECT created_at, id, {columns} FROM worker "
            f"WHERE nik IN (SELECT value FROM json_each(?)) AND {live}"
        )
        ordered: Sequence[str] = sorted(wanted)
        batches = (
            driver.execute(sql, (json.dumps(list(ordered[start : start + NIK_CHUNK])),))
            for start in range(0, len(ordered), NIK_CHUNK)
        )
    at = names.index("nik")
    for batch in batches:
        for created_at, *row in batch:
            nik = str(row[at])
            if nik not in wanted:
                continue
            record = dict(zip(names, row, strict=True))
            age = (str(created_at), str(record["id"]))
            if nik not in oldest or age < oldest[nik]:
                oldest[nik] = age
                found[nik] = record
    return found
