"""live roster indexes: partial indexes on the workers the roster shows

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25

The roster lists live workers (not tombstoned, not merged). With plain indexes SQLite had to
read every row to check that condition: a million ids took ~7 s. Partial indexes on the
exact condition are walked in display order without touching the table.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = "deleted = 0 AND merged_into IS NULL"
OLD = {
    "ix_worker_name_key": ("name_key",),
    "ix_worker_village": ("village_code", "name_key"),
    "ix_worker_district": ("district_code", "name_key"),
    "ix_worker_category": ("category", "name_key"),
    "ix_worker_status": ("status", "coverage_end"),
}
NEW = {
    "ix_worker_live_name": ("name_key",),
    "ix_worker_live_nik": ("nik",),
    "ix_worker_live_village": ("village_code", "name_key"),
    "ix_worker_live_district": ("district_code", "name_key"),
    "ix_worker_live_category": ("category", "name_key"),
    "ix_worker_live_status": ("status", "coverage_end"),
}


def upgrade() -> None:
    for name in OLD:
        op.drop_index(name, table_name="worker")
    for name, columns in NEW.items():
        op.execute(f"CREATE INDEX {name} ON worker ({', '.join(columns)}) WHERE {LIVE}")


def downgrade() -> None:
    for name in NEW:
        op.drop_index(name, table_name="worker")
    for name, columns in OLD.items():
        op.create_index(name, "worker", list(columns))
