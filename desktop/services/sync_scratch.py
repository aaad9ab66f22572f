"""The sync's scratch files beside a database (local copies of bundles, staging files):
where they are, and the sweep of those a killed import left (they hold decrypted data).

Apart from the sync service so that opening a database sweeps them without importing the
whole sync (a command such as ``claims list`` never needs it).

Scratch files are held by the process using them (see desktop.store.files): one that no
live process holds and nobody wrote for SCRATCH_IDLE_S (the instant between its creation
and its hold) is a leftover of a killed import and is deleted when services open the
database and before each import. Where holds cannot be told (a file system without locks),
only after SCRATCH_MAX_AGE_S.
"""

from __future__ import annotations

import logging
from pathlib import Path

from desktop.store import files

log = logging.getLogger(__name__)

SCRATCH_IDLE_S = 60
SCRATCH_MAX_AGE_S = 12 * 3600


def scratch_dir(database_path: Path) -> Path:
    """The sync's scratch folder of the database at *database_path*."""
    return database_path.with_name(f"{database_path.stem}-sync")


def sweep_scratch(database_path: Path) -> None:
    """Delete the local copies and staging files a killed import left. Files an import in
    progress uses, in this process or another, are held by it and stay."""
    swept = files.sweep_scratch(
        scratch_dir(database_path),
        ("stage-*.db", "fetch-*"),
        idle_s=SCRATCH_IDLE_S,
        unheld_unknown_s=SCRATCH_MAX_AGE_S,
    )
    if swept:
        log.info("deleted %d scratch files left by an interrupted import", len(swept))
