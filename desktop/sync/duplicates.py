"""Possible duplicate people: pairs of live worker records that may be one person (the same
NIK, or the same name and birth date under another NIK), queued for the admin's decision."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import Connection

from desktop.store.ids import new_id
from desktop.sync.stamps import db_time

# The workers a merge touched (its staging table), checked without a Python round trip.
TOUCHED = "SELECT id FROM stage.touched"
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
