"""The services of one open database, assembled once for the CLI or the GUI."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.domain.findings import Finding
from desktop.services.claims import ClaimService
from desktop.services.health import HealthService
from desktop.services.holidays import HolidayService
from desktop.services.office import OfficeService
from desktop.services.progress import ProgressFn
from desktop.services.regions import RegionService
from desktop.services.roster import RosterService
from desktop.services.sync_scratch import sweep_scratch
from desktop.services.workers import WorkerService
from desktop.store.database import Database, needs_upgrade, open_database

if TYPE_CHECKING:
    from desktop.services.demo import DemoService
    from desktop.services.roster_import import RosterImportService
    from desktop.services.sync import SyncService


@dataclass
class AppServices:
    """Every service over one database file.

    The sync, demo and roster-import services are built when first used: a command that
    needs none of them (``claims list``) does not pay for importing them (about 0.1 s of
    its start). What a killed import left in the sync's scratch folder is swept when the
    database opens all the same."""

    database: Database
    office: OfficeService
    regions: RegionService
    health: HealthService
    roster: RosterService
    workers: WorkerService
    claims: ClaimService
    holidays: HolidayService

    @cached_property
    def sync(self) -> SyncService:
        """USB-bundle sync; a merge recomputes the claims it touched through the claims."""
        from desktop.services.sync import SyncService

        database = self.database
        return SyncService(
            database.engine, database.path, read_only=database.read_only, claims=self.claims
        )

    @cached_property
    def demo(self) -> DemoService:
        """Demo data."""
        from desktop.services.demo import DemoService

        return DemoService(self.database.engine, read_only=self.database.read_only)

    @cached_property
    def importer(self) -> RosterImportService:
        """Roster import from spreadsheets."""
        from desktop.services.roster_import import RosterImportService

        return RosterImportService(self.database.engine)

    @classmethod
    def open(
        cls, path: Path, *, create: bool = True, progress: ProgressFn | None = None
    ) -> AppServices:
        """Open (creating or migrating) the database at *path* and build the services.

        *progress* hears of a backup and migration (see :meth:`needs_upgrade`)."""
        database = open_database(path, create=create, progress=progress)
        if database.read_only is None:
            sweep_scratch(database.path)  # decrypted records a killed import left
        engine = database.engine
        claims = ClaimService(engine)
        return cls(
            database=database,
            office=OfficeService(engine, read_only=database.read_only, claims=claims),
            regions=RegionService(engine),
            health=HealthService(engine, read_only=database.read_only),
            roster=RosterService(engine),
            workers=WorkerService(engine),
            claims=claims,
            # The holiday list moves running claims' deadlines through the claim service.
            holidays=HolidayService(engine, read_only=database.read_only, claims=claims),
        )

    @staticmethod
    def needs_upgrade(path: Path) -> bool:
        """True when opening *path* will first back it up and migrate it (a slow open)."""
        return needs_upgrade(path)

    @property
    def read_only(self) -> Finding | None:
        """Why the database can only be read (write-protected file or folder), or None."""
        return self.database.read_only

    @property
    def path(self) -> Path:
        """The database file."""
        return self.database.path

    def close(self) -> None:
        """Close the database."""
        self.database.close()
