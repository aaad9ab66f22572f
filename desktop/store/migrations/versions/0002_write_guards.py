"""write guards: synced rows change only with a change-log entry; logs are append-only

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

Every INSERT or UPDATE of a synced table must carry a new hybrid-clock stamp (``hlc``) for
which the change log already holds an entry for that row, written earlier in the same
transaction by the unit of work. A write that bypasses the unit of work therefore fails, and
so does any DELETE (synced rows are tombstoned, never deleted). The change log and the audit
trail refuse UPDATE and DELETE.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here on purpose: a later table gets its guards in its own migration.
SYNCED = (
    "region",
    "worker",
    "coverage_target",
    "claim",
    "claim_event",
    "heir",
    "claim_document",
    "letter",
    "app_user",
    "setting",
)
APPEND_ONLY = ("audit_entry", "change_log")
MESSAGE = "sigap: write outside the unit of work"


def _sqlite_upgrade() -> None:
    for table in SYNCED:
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
    for table in APPEND_ONLY:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"""
                CREATE TRIGGER guard_{table}_{verb.lower()} BEFORE {verb} ON {table}
                BEGIN SELECT RAISE(ABORT, 'sigap: {table} is append-only'); END
                """
            )


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_upgrade()
    else:  # pragma: no cover - PostgreSQL gets its own trigger functions when it is supported
        raise NotImplementedError("write guards exist for SQLite only")


def downgrade() -> None:
    for table in SYNCED:
        for verb in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS guard_{table}_{verb}")
    for table in APPEND_ONLY:
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS guard_{table}_{verb}")
