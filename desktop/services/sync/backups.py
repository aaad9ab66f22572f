"""The copies of the database made before each import, and which of them are kept."""

from __future__ import annotations

import contextlib
import glob
import logging
import re
from datetime import UTC, datetime
from pathlib import Path

from desktop.domain.backups import backups_to_keep
from desktop.domain.settings import BACKUPS_KEPT, parse_setting
from desktop.services.sync.base import SyncBase
from desktop.store import files, queries
from desktop.store.database import backup_database
from desktop.store.unit_of_work import utc_now

log = logging.getLogger(__name__)


class BackupsMixin(SyncBase):
    """Backups before imports: where they go, how many are kept, pruning."""

    @property
    def backup_dir(self) -> Path:
        """Where the copies made before each import are kept (see :meth:`prune_backups`)."""
        return self.work_dir / "backups"

    def _backup(self, bundle_id: str) -> Path:
        folder = files.private_dir(self.backup_dir)
        target = backup_database(self._engine, folder / self._path.name, f"sync-{bundle_id[-8:]}")
        self.prune_backups(keep=target)
        return target

    def backups_kept(self) -> int:
        """How many of the newest copies are kept (setting ``backup.keep_last``)."""
        with self._engine.connect() as conn:
            return parse_setting(BACKUPS_KEPT, queries.settings(conn))

    def prune_backups(self, *, now: datetime | None = None, keep: Path | None = None) -> list[Path]:
        """Delete the import backups no longer kept: all but the newest ``backup.keep_last``
        (10 unless set) and the first of each month of the last year; never *keep* (the copy
        just made). A copy stamped later than now (a clock that was ahead) counts as made
        now. Return the deleted."""
        folder = self.backup_dir
        moment = now or utc_now()
        taken: dict[Path, datetime] = {}
        for copy in folder.glob(f"{glob.escape(self._path.stem)}.backup-sync-*"):
            if copy.suffix != (self._path.suffix or ".db") or not copy.is_file():
                continue  # the -wal or -shm of a copy someone opened, or a folder
            with contextlib.suppress(OSError):
                taken[copy] = min(_backup_time(copy), moment)
        kept = backups_to_keep(taken, keep_last=self.backups_kept(), now=moment)
        if keep is not None:
            kept.add(keep)
        deleted = []
        for copy in sorted(set(taken) - kept):
            try:
                copy.unlink()
            except OSError:
                log.warning("an old backup could not be deleted: %s", copy.name)
            else:
                deleted.append(copy)
        return deleted


_BACKUP_STAMP = re.compile(r"-(\d{8}-\d{6})(?:-\d+)?\.[^.]*$")


def _backup_time(copy: Path) -> datetime:
    """When a backup was made: from its name (``…-20261206-051620.db``, UTC), else from
    the file's modification time (a copy renamed by hand)."""
    match = _BACKUP_STAMP.search(copy.name)
    if match:
        with contextlib.suppress(ValueError):
            return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
    return datetime.fromtimestamp(copy.stat().st_mtime, UTC)
