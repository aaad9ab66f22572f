"""claim subjects: claims without a worker, the subject's particulars, flags and holidays

Revision ID: 0007
Revises: 0006
Create Date: 2027-01-10

A santunan kematian may concern any resident of a poor household, in the roster or not, so
``claim.worker_id`` may now be empty and the claim carries its subject itself: NIK, name
(and its search key), birth date, KK, akta kematian number, DTSEN decile. A claim of a
worker gets its subject copied from the worker here (so a list never joins the roster);
the service keeps them so from now on. Also on the claim: whether a JKK accident was on the
road (the police report is then required), an admin's amount override and its reason, and
the list's derived columns (the day the file became complete, the open review flags), with
indexes for the list's filters and orders, partial on live claims. New synced tables:
``claim_flag_clearance`` (an admin clears a review flag, append-only) and ``holiday`` (the
days off for working-day deadlines, kept at the hub), each with the write guards of 0002.
A heir's bank account is indexed for the shared-account check.

The NOT NULL of ``claim.worker_id`` is removed by rewriting the table's definition in place
(SQLite's documented procedure for removing a NOT NULL constraint, ALTER TABLE section 7):
a copy-and-rename rebuild would have to drop ``claim`` while ``claim_event``, ``heir``,
``claim_document`` and ``letter`` refer to it, which SQLite refuses with foreign keys on,
and foreign keys cannot be turned off inside the one transaction a migration runs in. The
rewrite keeps the table's rows, indexes and write guards as they are.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW_SYNCED = ("claim_flag_clearance", "holiday")
MESSAGE = "sigap: write outside the unit of work"

# (name, type, nullable, server default)
_CLAIM_COLUMNS: tuple[tuple[str, sa.types.TypeEngine[object], bool, str | None], ...] = (
    ("subject_nik", sa.String(length=16), True, None),
    ("subject_name", sa.String(length=200), True, None),
    ("subject_name_key", sa.String(length=200), True, None),
    ("subject_birth_date", sa.Date(), True, None),
    ("subject_kk", sa.String(length=16), True, None),
    ("death_certificate_no", sa.String(length=60), True, None),
    ("dtsen_decile", sa.Integer(), True, None),
    ("accident_is_traffic", sa.Boolean(), False, "0"),
    ("completed_on", sa.Date(), True, None),
    ("flags_open", sa.Integer(), False, "0"),
    ("flag_codes", sa.String(length=400), True, None),
    ("amount_override", sa.Integer(), True, None),
    ("amount_override_reason", sa.String(length=500), True, None),
)
# The list's indexes, partial on live claims (a filter or an order is then read from the
# index alone, as the roster's since 0003); frozen here. The plain state, village and
# reported-day indexes of 0001 give way to live ones.
LIVE = "deleted = 0"
CLOCK_RANK = (
    "CASE WHEN status IN ('diusulkan', 'dikembalikan', 'direkomendasikan', 'diverifikasi', "
    "'disetujui') AND deadline IS NOT NULL THEN 0 ELSE 1 END"
)
_OLD_CLAIM_INDEXES = {
    "ix_claim_status_deadline": ("status", "deadline"),
    "ix_claim_village": ("village_code", "status"),
    "ix_claim_reported": ("reported_date",),
}
_CLAIM_INDEXES = {
    "ix_claim_live_status": ("status", "deadline"),
    "ix_claim_live_village": ("village_code", "status", "deadline"),
    "ix_claim_live_kind": ("kind", "status", "deadline"),
    "ix_claim_live_flags": ("flags_open", "status", "deadline"),
    "ix_claim_live_nik": ("subject_nik",),
    "ix_claim_live_name": ("subject_name_key",),
    "ix_claim_live_reported": ("reported_date",),
    "ix_claim_live_clock": (CLOCK_RANK, "deadline"),
}
_NULLABLE_WORKER = ("worker_id VARCHAR(36) NOT NULL", "worker_id VARCHAR(36)")


def _sync_columns() -> list[sa.Column[object]]:
    """The columns every synced row has (desktop.store.models.SyncedRow), made anew for
    each table."""
    return [
        sa.Column("id", sa.String(length=36), primary_key=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("hlc", sa.String(length=24), nullable=False),
        sa.Column("origin_device", sa.String(length=36), nullable=False),
        sa.Column("vv", sa.String(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    ]


def _rewrite_claim_definition(old: str, new: str) -> None:
    """Replace *old* by *new* in the claim table's stored definition (exactly once), the
    change SQLite's ALTER TABLE cannot make; the rows' format does not change."""
    conn = op.get_bind()
    sql = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'claim'"
    ).scalar()
    if not isinstance(sql, str) or sql.count(old) != 1:
        raise RuntimeError(f"claim table definition without exactly one {old!r}")
    version = int(conn.exec_driver_sql("PRAGMA schema_version").scalar() or 0)
    conn.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        conn.exec_driver_sql(
            "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'claim'",
            (sql.replace(old, new),),
        )
        conn.exec_driver_sql(f"PRAGMA schema_version = {version + 1}")
    finally:
        conn.exec_driver_sql("PRAGMA writable_schema = OFF")


def _create_guards(table: str) -> None:
    """The write guards of migration 0002, for a table created here."""
    op.execute(
        f"""
        CREATE TRIGGER guard_{table}_insert BEFORE INSERT ON {table}
        WHEN NOT EXISTS (
            SELECT 1 FROM change_log WHERE row_id = NEW.id AND hlc = NEW.hlc
              AND table_name = '{table}')
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
        """
    )
    op.execute(
        f"""
        CREATE TRIGGER guard_{table}_update BEFORE UPDATE ON {table}
        WHEN NEW.hlc IS OLD.hlc OR NEW.id IS NOT OLD.id OR NOT EXISTS (
            SELECT 1 FROM change_log WHERE row_id = NEW.id AND hlc = NEW.hlc
              AND table_name = '{table}')
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
        """
    )
    op.execute(
        f"""
        CREATE TRIGGER guard_{table}_delete BEFORE DELETE ON {table}
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
        """
    )


def _fill_subjects_from_workers() -> None:
    """Copy each claim's worker into its subject columns.

    The claim's write guard refuses an update without a change-log entry, so it steps aside
    for this one statement and comes back exactly as it was. Nothing is logged: every office
    runs this migration on its own claims and workers, and the service fills the subject of
    any claim that reaches it without one.
    """
    conn = op.get_bind()
    guard = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'guard_claim_update'"
    ).scalar()
    if guard is not None:
        conn.exec_driver_sql("DROP TRIGGER guard_claim_update")
    conn.exec_driver_sql(
        "UPDATE claim SET (subject_nik, subject_name, subject_name_key, subject_birth_date, "
        "subject_kk) = (SELECT w.nik, w.name, w.name_key, w.birth_date, w.kk FROM worker w "
        "WHERE w.id = claim.worker_id) "
        "WHERE worker_id IS NOT NULL "
        "AND EXISTS (SELECT 1 FROM worker w WHERE w.id = claim.worker_id)"
    )
    if guard is not None:
        conn.exec_driver_sql(str(guard))


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":  # pragma: no cover - SQLite only for now
        raise NotImplementedError("migration 0007 exists for SQLite only")
    _rewrite_claim_definition(*_NULLABLE_WORKER)
    for name, type_, nullable, default in _CLAIM_COLUMNS:
        op.add_column("claim", sa.Column(name, type_, nullable=nullable, server_default=default))
    _fill_subjects_from_workers()
    for name in _OLD_CLAIM_INDEXES:
        op.drop_index(name, table_name="claim")
    for name, columns in _CLAIM_INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON claim ({', '.join(columns)}) WHERE {LIVE}")
    op.create_index("ix_heir_account", "heir", ["bank_account"])

    op.create_table(
        "claim_flag_clearance",
        *_sync_columns(),
        sa.Column("claim_id", sa.String(length=36), sa.ForeignKey("claim.id"), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("evidence", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor_user_id", sa.String(length=36), nullable=False),
        sa.Column("actor_name", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.String(length=1000), nullable=False),
    )
    op.create_index("ix_claim_flag_clearance_claim", "claim_flag_clearance", ["claim_id", "code"])
    op.create_table(
        "holiday",
        *_sync_columns(),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.UniqueConstraint("day", name="uq_holiday_day"),
    )
    for table in NEW_SYNCED:
        _create_guards(table)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.exec_driver_sql("SELECT 1 FROM claim WHERE worker_id IS NULL LIMIT 1").first():
        raise RuntimeError("claims without a worker cannot go back to schema 0006")
    for table in NEW_SYNCED:
        for verb in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS guard_{table}_{verb}")
    op.drop_table("holiday")
    op.drop_index("ix_claim_flag_clearance_claim", table_name="claim_flag_clearance")
    op.drop_table("claim_flag_clearance")
    op.drop_index("ix_heir_account", table_name="heir")
    for name in _CLAIM_INDEXES:
        op.drop_index(name, table_name="claim")
    for name, columns in _OLD_CLAIM_INDEXES.items():
        op.create_index(name, "claim", list(columns))
    for name, *_ in reversed(_CLAIM_COLUMNS):
        op.execute(f"ALTER TABLE claim DROP COLUMN {name}")
    _rewrite_claim_definition(*reversed(_NULLABLE_WORKER))
