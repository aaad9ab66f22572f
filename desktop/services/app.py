"""The services of one open database, assembled once for the CLI or the GUI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.domain.findings import Finding
from desktop.services.claims import ClaimService
from desktop.services.demo import DemoService
from desktop.services.health import HealthService
from desktop.services.holidays import HolidayService
from desktop.services.office import OfficeService
from desktop.services.progress import ProgressFn
from desktop.services.regions import RegionService
from desktop.services.roster import RosterService
from desktop.services.roster_import import RosterImportService
from desktop.services.sync import SyncService
from desktop.services.workers import WorkerService
from desktop.store.database import Database, needs_upgrade, open_database


@dataclass
class AppServices:
    """Every service over one database file."""

    database: Database
    office: OfficeService
    regions: RegionService
    health: HealthService
    demo: DemoService
    roster: RosterService
    importer: RosterImportService
    workers: WorkerService
    sync: SyncService
    claims: ClaimService
    holidays: HolidayService

    @classmethod
    def open(
        cls, path: Path, *, create: bool = True, progress: ProgressFn | None = None
    ) -> AppServices:
        """Open (creating or migrating) the database at *path* and build the services.

        *progress* hears of a backup and migration (see :meth:`needs_upgrade`)."""
        database = open_database(path, create=create, progress=progress)
        engine = database.engine
        claims = ClaimService(engine)
        return cls(
            database=database,
            office=OfficeService(engine, read_only=database.read_only, claims=claims),
            regions=RegionService(engine),
            health=HealthService(engine, read_only=database.read_only),
            demo=DemoService(engine, read_only=database.read_only),
            roster=RosterService(engine),
            importer=RosterImportService(engine),
            workers=WorkerService(engine),
            # A merge recomputes the claims it touched through the claim service.
            sync=SyncService(engine, database.path, read_only=database.read_only, claims=claims),
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
