"""The write scope of a kecamatan's bundle at the hub: the rows its fresh changes may touch
(its kecamatan's workers, its claims and the claims' records, its own user accounts).

A claim is the kecamatan's by its village (``village_code`` under the kecamatan's code) or by
its worker; a claim without a worker (a santunan kematian for a resident outside the roster)
by its village alone. Regions, settings, holidays and coverage targets are the hub's."""

from __future__ import annotations

from sqlalchemy import Connection

from desktop.sync.merge_errors import MovedAway, ScopeViolation

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
# export's scope has it), now, before, or created in this bundle. A claim without a worker
# is held by its village alone.
_HELD_CLAIMS = """
CREATE TABLE stage.held_claim AS
WITH wanted(id) AS (
    SELECT row_id FROM stage.fresh WHERE table_name = 'claim'
    UNION SELECT json_extract(fields, '$.claim_id[1]') FROM stage.fresh
        WHERE table_name IN
            ('claim_event', 'heir', 'claim_document', 'claim_flag_clearance', 'letter')
    UNION SELECT t.claim_id FROM stage.fresh f JOIN claim_event t ON t.id = f.row_id
    UNION SELECT t.claim_id FROM stage.fresh f JOIN heir t ON t.id = f.row_id
    UNION SELECT t.claim_id FROM stage.fresh f JOIN claim_document t ON t.id = f.row_id
    UNION SELECT t.claim_id FROM stage.fresh f JOIN claim_flag_clearance t ON t.id = f.row_id
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
            AND i.table_name = 'claim' AND i.op = 'insert')
        -- A claim the laptop opened is judged by where its last changes put it (as a worker
        -- it created): one typed into another kecamatan's village by mistake and put back no
        -- longer holds the laptop's work back.
        AND ((SELECT json_extract(l.fields, '$.village_code[1]') FROM stage.fresh l
                WHERE l.row_id = w.id AND l.table_name = 'claim'
                AND json_extract(l.fields, '$.village_code') IS NOT NULL
                ORDER BY l.device_seq DESC LIMIT 1) LIKE :villages
            OR (SELECT json_extract(l.fields, '$.worker_id[1]') FROM stage.fresh l
                WHERE l.row_id = w.id AND l.table_name = 'claim'
                AND json_extract(l.fields, '$.worker_id') IS NOT NULL
                ORDER BY l.device_seq DESC LIMIT 1) IN (SELECT id FROM stage.held_worker
                    UNION SELECT id FROM worker WHERE district_code = :district))))
"""

_SCOPE_VIOLATIONS = (
    # Regions, settings, holidays and targets come from the hub only.
    "SELECT table_name, row_id FROM stage.fresh WHERE table_name IN "
    "('region', 'setting', 'holiday', 'coverage_target')",
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
    # A claim's events, heirs, documents, flag clearances and letters: their claim, before
    # and after the change, is one of the kecamatan's (a letter with no claim is the
    # regency's; what a kecamatan may write of them is desktop.domain.authority's).
    *(
        f"SELECT f.table_name, f.row_id FROM stage.fresh f LEFT JOIN {table} t ON t.id = f.row_id "
        f"WHERE f.table_name = '{table}' AND ("
        "(t.id IS NULL AND json_extract(f.fields, '$.claim_id[1]') IS NULL "
        # A record created in this bundle and changed or removed after: its insert names
        # the claim (and is checked on its own).
        "AND NOT EXISTS (SELECT 1 FROM stage.fresh i WHERE i.row_id = f.row_id "
        "AND i.table_name = f.table_name AND i.op = 'insert' "
        "AND json_extract(i.fields, '$.claim_id[1]') IN (SELECT id FROM stage.held_claim))) "
        "OR t.claim_id NOT IN (SELECT id FROM stage.held_claim) "
        "OR json_extract(f.fields, '$.claim_id[1]') NOT IN (SELECT id FROM stage.held_claim) "
        "OR (t.id IS NOT NULL AND t.claim_id IS NULL))"
        for table in ("claim_event", "heir", "claim_document", "claim_flag_clearance", "letter")
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


# The same for a claim the hub has moved to a village of another kecamatan (a resident's
# village corrected): the kecamatan may still send what it wrote while the claim was its own,
# not a change made after it learnt of the move. A claim it still holds by its worker is
# not moved away.
_CLAIM_AFTER_THE_MOVE = """
SELECT f.table_name, f.row_id FROM stage.fresh f
JOIN claim c ON c.id = f.row_id AND c.village_code NOT LIKE :villages
WHERE f.table_name = 'claim'
AND NOT EXISTS (SELECT 1 FROM worker o WHERE o.id = c.worker_id AND o.district_code = :district)
AND EXISTS (SELECT 1 FROM change_log m
    WHERE m.row_id = f.row_id AND m.table_name = 'claim'
    AND json_extract(m.fields, '$.village_code[0]') LIKE :villages
    AND json_extract(m.fields, '$.village_code[1]') NOT LIKE :villages
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
    if row is None:
        row = conn.exec_driver_sql(_CLAIM_AFTER_THE_MOVE + " LIMIT 1", params).first()
    if row is not None:
        raise MovedAway(str(row[0]), str(row[1]))
