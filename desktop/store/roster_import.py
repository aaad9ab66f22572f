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

    One query per 50,000 NIKs (passed as a JSON array, so no bound-parameter limit); dates
    come back as the ISO text the database keeps. When a NIK has several live records (a
    duplicate enrolment not yet settled), the oldest is returned.
    """
    found: dict[str, dict[str, Any]] = {}
    oldest: dict[str, tuple[str, str]] = {}
    wanted: Sequence[str] = sorted(set(niks))
    columns = ", ".join(IMPORTED_COLUMNS)
    sql = (
        f"SELECT created_at, id, {columns} FROM worker "
        "WHERE nik IN (SELECT value FROM json_each(?)) AND deleted = 0 AND merged_into IS NULL"
    )
    # The driver's cursor, in this connection's transaction: SQLAlchemy's result rows would
    # double the cost of reading 100,000 workers.
    driver = conn.connection.driver_connection
    assert driver is not None
    names = ("id", *IMPORTED_COLUMNS)
    for start in range(0, len(wanted), NIK_CHUNK):
        chunk = json.dumps(list(wanted[start : start + NIK_CHUNK]))
        for created_at, *row in driver.execute(sql, (chunk,)):
            record = dict(zip(names, row, strict=True))
            nik = str(record["nik"])
            age = (str(created_at), str(record["id"]))
            if nik not in oldest or age < oldest[nik]:
                oldest[nik] = age
                found[nik] = record
    return found
