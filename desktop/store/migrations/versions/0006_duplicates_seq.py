"""duplicates searched: where the search for possible duplicate people stopped

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-20

Pairs of worker records that may be one person were looked for only among the workers a
bundle brought, so two records made at the same office (the form, a spreadsheet import)
were listed on a laptop that received them but never at the office that made them. The
search now follows the change log: ``local_state.duplicates_seq`` is the last change-log
entry whose workers were searched (0 after the upgrade: the first search covers everyone).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "local_state",
        sa.Column("duplicates_seq", sa.Integer(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    with op.batch_alter_table("local_state") as batch:
        batch.drop_column("duplicates_seq")
