"""bundle log keyed by sender: a bundle id counts as a replay only from the same device

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06

A known bundle id used to count as a replay whoever sent it, so one laptop could make
another's real bundle "already imported" by sending a bundle with its id first (or make an
import fail by reusing the id of a bundle this office wrote). The log is now keyed by
(bundle id, direction, peer device); the file's hash tells a replay from a reused id.
Enrolment verifiers stored by the previous release (the proof key itself) are cleared:
those enrolments are void, and the secret should not stay readable in the database.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = (
    "bundle_id, direction, peer_device, created_at, processed_at, file_name, size, sha256, "
    "change_count, summary"
)


def upgrade() -> None:
    op.execute(
        "CREATE TABLE bundle_log_new ("
        " bundle_id VARCHAR(36) NOT NULL,"
        " direction VARCHAR(3) NOT NULL,"
        " peer_device VARCHAR(36) NOT NULL,"
        " created_at DATETIME NOT NULL,"
        " processed_at DATETIME NOT NULL,"
        " file_name VARCHAR(300) NOT NULL,"
        " size INTEGER NOT NULL,"
        " sha256 VARCHAR(64) NOT NULL,"
        " change_count INTEGER NOT NULL,"
        " summary VARCHAR NOT NULL,"
        " PRIMARY KEY (bundle_id, direction, peer_device))"
    )
    op.execute(f"INSERT INTO bundle_log_new ({_COLUMNS}) SELECT {_COLUMNS} FROM bundle_log")
    op.execute("DROP INDEX IF EXISTS ix_bundle_peer")
    op.execute("DROP TABLE bundle_log")
    op.execute("ALTER TABLE bundle_log_new RENAME TO bundle_log")
    op.create_index("ix_bundle_peer", "bundle_log", ["peer_device", "processed_at"])
    op.execute(
        "UPDATE device SET enrollment_verifier = NULL WHERE signing_public_key IS NULL "
        "AND enrollment_verifier IS NOT NULL AND enrollment_verifier NOT LIKE 'ed25519:%'"
    )


def downgrade() -> None:
    op.execute(
        "CREATE TABLE bundle_log_old ("
        " bundle_id VARCHAR(36) NOT NULL PRIMARY KEY,"
        " direction VARCHAR(3) NOT NULL,"
        " peer_device VARCHAR(36) NOT NULL,"
        " created_at DATETIME NOT NULL,"
        " processed_at DATETIME NOT NULL,"
        " file_name VARCHAR(300) NOT NULL,"
        " size INTEGER NOT NULL,"
        " sha256 VARCHAR(64) NOT NULL,"
        " change_count INTEGER NOT NULL,"
        " summary VARCHAR NOT NULL)"
    )
    op.execute(
        f"INSERT OR IGNORE INTO bundle_log_old ({_COLUMNS}) SELECT {_COLUMNS} FROM bundle_log"
    )
    op.execute("DROP INDEX IF EXISTS ix_bundle_peer")
    op.execute("DROP TABLE bundle_log")
    op.execute("ALTER TABLE bundle_log_old RENAME TO bundle_log")
    op.create_index("ix_bundle_peer", "bundle_log", ["peer_device", "processed_at"])
