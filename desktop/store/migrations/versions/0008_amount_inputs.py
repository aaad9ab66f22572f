"""amount inputs: a child heir's school level (the JKM scholarship) and the STMB days off

Revision ID: 0008
Revises: 0007
Create Date: 2027-01-20

Two facts the amount of a claim rests on that the file did not hold: ``heir.school_level``
(the school level of a child heir, which sets the JKM scholarship of the first two
children) and ``claim.days_off`` (the days a worker could not work after an accident, which
the JKK temporary-inability benefit pays). Both are empty on every existing row: the amount
is as before until the kecamatan records them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("heir", sa.Column("school_level", sa.String(length=20), nullable=True))
    op.add_column("claim", sa.Column("days_off", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE claim DROP COLUMN days_off")
    op.execute("ALTER TABLE heir DROP COLUMN school_level")
