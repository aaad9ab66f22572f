"""Write-protecting a file or folder in tests, as a read-only stick or file would be.

As root (CI), permission bits do not stop writes: the file or folder is made immutable
with ``chattr +i`` instead, which stops root too.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _chattr(flag: str, path: Path) -> bool:
    if shutil.which("chattr") is None:
        return False
    done = subprocess.run(["chattr", flag, str(path)], capture_output=True, check=False)
    return done.returncode == 0


@contextmanager
def write_protected(path: Path) -> Iterator[None]:
    """*path* (a file or folder) cannot be written while inside, whoever runs the test."""
    if os.geteuid() == 0:
        if not _chattr("+i", path):
            pytest.skip("chattr +i is not available on this file system")
        try:
            yield
        finally:
            _chattr("-i", path)
    else:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)


def closed_cleanly(db: Path) -> None:
    """Checkpoint and drop the WAL, as a closed window leaves the file."""
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
