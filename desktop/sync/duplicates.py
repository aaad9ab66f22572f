"""Possible duplicate people: pairs of live worker records that may be one person (the same
NIK, or the same name and birth date under another NIK), queued for the admin's decision.

Pairs are looked for wherever the records came from: a bundle, the form, a spreadsheet
import. The search follows the change log: every worker changed since the last search
(``local_state.duplicates_seq``, the last change-log entry whose workers were checked) is
compared with the roster, so the hub and a laptop that hold the same workers list the same
pairs. A pair stays listed while both records are live and still alike; a decision (merged,
or two people) is kept in ``duplicate_pair``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import Connection

from desktop.store.ids import new_id
from desktop.sync.stamps import db_time

_LIVE_W = "w.deleted = 0 AND w.merged_into IS NULL"
_LIVE_O = "o.deleted = 0 AND o.merged_into IS NULL"

# The pairs of a few workers: each one's NIK and name are looked up in the roster's indexes.
_PAIRS_OF = (
    # Same NIK, another live record.
    "SELECT w.id, o.id, 'nik' FROM worker w JOIN worker o ON o.nik = w.nik AND o.id <> w.id "
    f"WHERE w.id IN ({{ids}}) AND {_LIVE_W} AND {_LIVE_O} "
    "UNION "
    # Same name and birth date under another NIK.
    "SELECT w.id, o.id, 'name_birth' FROM worker w JOIN worker o ON o.name_key = w.name_key "
    "AND o.birth_date = w.birth_date AND o.nik <> w.nik AND o.id <> w.id "
    f"WHERE w.id IN ({{ids}}) AND {_LIVE_W} AND {_LIVE_O}"
)

# Every pair of the roster, by grouping: NIKs on their live index; names and birth dates in
# one pass over the table (a probe of the name index per worker would read as many rows as
# share the name, hundreds for a common one), then only the workers of the groups found.
# Past one changed worker in CHECK_ALL_FROM live ones, this costs less than a probe for each.
_ALL_PAIRS = (
    "WITH same_nik AS (SELECT nik FROM worker WHERE deleted = 0 AND merged_into IS NULL "
    "    GROUP BY nik HAVING count(*) > 1), "
    "same_name AS MATERIALIZED (SELECT name_key, birth_date FROM worker NOT INDEXED "
    "    WHERE deleted = 0 AND merged_into IS NULL "
    "    GROUP BY name_key, birth_date HAVING count(DISTINCT nik) > 1), "
    "members AS MATERIALIZED (SELECT w.id, w.nik, w.name_key, w.birth_date "
    f"    FROM worker w NOT INDEXED WHERE {_LIVE_W} "
    "    AND (w.name_key, w.birth_date) IN (SELECT name_key, birth_date FROM same_name)) "
    "SELECT w.id, o.id, 'nik' FROM same_nik g "
    f"JOIN worker w ON w.nik = g.nik AND {_LIVE_W} "
    f"JOIN worker o ON o.nik = g.nik AND {_LIVE_O} AND o.id > w.id "
    "UNION ALL "
    "SELECT w.id, o.id, 'name_birth' FROM members w JOIN members o "
    "ON o.name_key = w.name_key AND o.birth_date = w.birth_date AND o.id > w.id "
    "AND o.nik <> w.nik"
)
CHECK_ALL_FROM = 100

# The open pairs whose two records are both live and still alike, with the reason they are
# alike now (a NIK corrected since the pair was found makes it a name pair, or no pair).
_OPEN = (
    "FROM duplicate_pair p JOIN worker a ON a.id = p.worker_a JOIN worker b ON b.id = p.worker_b "
    "WHERE p.resolved_at IS NULL "
    "AND a.deleted = 0 AND a.merged_into IS NULL AND b.deleted = 0 AND b.merged_into IS NULL "
    "AND (a.nik = b.nik OR (a.name_key = b.name_key AND a.birth_date = b.birth_date))"
)


def pairs_of(conn: Connection, workers: Sequence[str]) -> Iterable[tuple[str, str, str]]:
    """Pairs (first id, second id, reason) of live workers that may be one person, among
    which at least one of *workers* is."""
    for start in range(0, len(workers), 400):
        chunk = tuple(workers[start : start + 400])
        marks = ", ".join("?" for _ in chunk)
        for a, b, reason in conn.exec_driver_sql(_PAIRS_OF.format(ids=marks), chunk + chunk):
            first, second = sorted((str(a), str(b)))
            yield first, second, str(reason)


def all_pairs(conn: Connection) -> Iterable[tuple[str, str, str]]:
    """Every pair (first id, second id, reason) of live workers that may be one person."""
    for a, b, reason in conn.exec_driver_sql(_ALL_PAIRS):
        yield str(a), str(b), str(reason)


def queue_pairs(
    conn: Connection, pairs: Iterable[tuple[str, str, str]], detected_at: datetime
) -> int:
    """Queue the pairs not queued (nor decided) yet; return how many are new."""
    found = {(a, b): reason for a, b, reason in pairs}
    if not found:
        return 0
    before = int(conn.exec_driver_sql("SELECT count(*) FROM duplicate_pair").scalar() or 0)
    conn.exec_driver_sql(
        "INSERT OR IGNORE INTO duplicate_pair (id, worker_a, worker_b, reason, detected_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [(new_id(), a, b, reason, db_time(detected_at)) for (a, b), reason in found.items()],
    )
    after = int(conn.exec_driver_sql("SELECT count(*) FROM duplicate_pair").scalar() or 0)
    return after - before


def unchecked(conn: Connection) -> bool:
    """True when workers changed since the last search for duplicates (a cheap read)."""
    row = conn.exec_driver_sql(
        "SELECT s.duplicates_seq, (SELECT max(local_seq) FROM change_log) FROM local_state s"
    ).first()
    return row is not None and row[1] is not None and int(row[1]) > int(row[0])


def check_changed_workers(conn: Connection, detected_at: datetime) -> int:
    """Queue the pairs that the workers changed since the last search make, and move the
    search's mark to the end of the change log; return how many pairs are new.

    Runs inside the caller's write transaction (a merge's, or its own).
    """
    row = conn.exec_driver_sql(
        "SELECT s.duplicates_seq, (SELECT max(local_seq) FROM change_log) FROM local_state s"
    ).first()
    if row is None or row[1] is None or int(row[1]) <= int(row[0]):
        return 0
    checked, top = int(row[0]), int(row[1])
    changed = "SELECT DISTINCT row_id FROM change_log WHERE local_seq > ? AND table_name = 'worker'"
    count = int(conn.exec_driver_sql(f"SELECT count(*) FROM ({changed})", (checked,)).scalar() or 0)
    new = 0
    if count:
        live = int(
            conn.exec_driver_sql(
                "SELECT count(*) FROM worker WHERE deleted = 0 AND merged_into IS NULL"
            ).scalar()
            or 0
        )
        if count * CHECK_ALL_FROM >= live:
            new = queue_pairs(conn, all_pairs(conn), detected_at)
        else:
            workers = [str(r[0]) for r in conn.exec_driver_sql(changed, (checked,))]
            new = queue_pairs(conn, pairs_of(conn, workers), detected_at)
    conn.exec_driver_sql("UPDATE local_state SET duplicates_seq = ?", (top,))
    return new


def open_pairs(conn: Connection) -> list[tuple[str, str, str, str, str]]:
    """The open pairs still alike: (pair id, first id, second id, reason, detected at),
    oldest first."""
    rows = conn.exec_driver_sql(
        "SELECT p.id, p.worker_a, p.worker_b, "
        "CASE WHEN a.nik = b.nik THEN 'nik' ELSE 'name_birth' END, p.detected_at "
        f"{_OPEN} ORDER BY p.detected_at, p.id"
    ).all()
    return [(str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4])) for r in rows]


def count_open_pairs(conn: Connection) -> int:
    """How many open pairs are still alike (what :func:`open_pairs` lists)."""
    return int(conn.exec_driver_sql(f"SELECT count(*) {_OPEN}").scalar() or 0)
