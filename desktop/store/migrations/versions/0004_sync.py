"""sync: device keys, bundle log, duplicate queue, watermarks

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25

Adds what the USB-bundle sync needs: this device's private keys (a local table, never
exported), the log of bundles written and applied (replays are recognised by bundle id),
the queue of possible duplicate people, per-device watermarks and enrolment verifiers, and a
unique index so one hard conflict is recorded once however often it is recomputed.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "device_secret",
        sa.Column("device_id", sa.String(length=36), primary_key=True),
        sa.Column("private_keys", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "bundle_log",
        sa.Column("bundle_id", sa.String(length=36), primary_key=True),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("peer_device", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("processed_at", sa.DateTime(), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("change_count", sa.Integer(), nullable=False),
        sa.Column("summary", sa.String(), nullable=False),
    )
    op.create_index("ix_bundle_peer", "bundle_log", ["peer_device", "processed_at"])
    op.create_table(
        "duplicate_pair",
        sa.Column("id", sa.String(length=36), primary_key=True),
        sa.Column("worker_a", sa.String(length=36), nullable=False),
        sa.Column("worker_b", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolution", sa.String(length=16), nullable=True),
        sa.Column("resolved_by", sa.String(length=36), nullable=True),
        sa.UniqueConstraint("worker_a", "worker_b", name="uq_duplicate_pair"),
    )
    op.create_index("ix_duplicate_open", "duplicate_pair", ["resolved_at"])
    with op.batch_alter_table("device") as batch:
        batch.add_column(
            sa.Column("watermark_vv", sa.String(), nullable=False, server_default="{}")
        )
        batch.add_column(sa.Column("last_bundle_hlc", sa.String(length=24), nullable=True))
        batch.add_column(sa.Column("enrollment_verifier", sa.String(length=128), nullable=True))
        batch.add_column(sa.Column("pinned_at", sa.DateTime(), nullable=True))
    op.create_index(
        "uq_conflict_changes",
        "conflict",
        ["row_id", "field", "winner_change", "loser_change"],
        unique=True,
    )


def downgrade() -> None:
    op.drop_index("uq_conflict_changes", table_name="conflict")
    with op.batch_alter_table("device") as batch:
        for column in ("pinned_at", "enrollment_verifier", "last_bundle_hlc", "watermark_vv"):
            batch.drop_column(column)
    op.drop_table("duplicate_pair")
    op.drop_table("bundle_log")
    op.drop_table("device_secret")
