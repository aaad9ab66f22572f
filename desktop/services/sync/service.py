"""The sync service: the parts of :mod:`desktop.services.sync` put together."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from desktop.domain.findings import Finding
from desktop.services.claims.recompute import ClaimRecompute
from desktop.services.office import OfficeService
from desktop.services.sync.applying import ApplyingMixin
from desktop.services.sync.backups import BackupsMixin
from desktop.services.sync.enrolment import EnrolmentMixin
from desktop.services.sync.export import ExportMixin
from desktop.services.sync.receiving import ReceivingMixin
from desktop.services.sync.review import ReviewMixin


class SyncService(
    EnrolmentMixin, ApplyingMixin, ReceivingMixin, BackupsMixin, ExportMixin, ReviewMixin
):
    """Everything the Sinkronisasi dialog and the ``sync`` commands do."""

    def __init__(
        self,
        engine: Engine,
        database_path: Path,
        *,
        read_only: Finding | None = None,
        claims: ClaimRecompute | None = None,
    ) -> None:
        """*claims* recomputes the claims a merge touched (the claim service; None: the
        derived columns stay as merged, for tests of the sync alone)."""
        self._engine = engine
        self._path = database_path
        self._read_only = read_only
        self._office = OfficeService(engine, read_only=read_only)
        self._claims = claims
        if read_only is None:
            self._sweep_scratch()  # at start: what a killed import left (decrypted data)
