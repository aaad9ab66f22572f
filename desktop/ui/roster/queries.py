"""The roster tab's reads: the services it uses, and the query of the matching workers'
ids (a million of them take about a second to read), run off the GUI thread by
desktop.ui.windowed.BackgroundIds."""

from __future__ import annotations

from array import array
from dataclasses import dataclass, replace

from desktop.services.app import AppServices
from desktop.services.health import HealthService
from desktop.services.office import OfficeService
from desktop.services.regions import RegionService
from desktop.services.roster import RosterFilter, RosterService, RosterSort
from desktop.services.roster_import import RosterImportService
from desktop.services.workers import WorkerService


def is_filtered(flt: RosterFilter) -> bool:
    """True when *flt* leaves out some workers (a search or any filter is set)."""
    return replace(flt, text=flt.text.strip()) != RosterFilter()


@dataclass(frozen=True)
class RosterServices:
    """What the tab needs from the open database."""

    regions: RegionService
    roster: RosterService
    workers: WorkerService
    office: OfficeService
    importer: RosterImportService
    health: HealthService

    @classmethod
    def of(cls, services: AppServices) -> RosterServices:
        """Take them from the app's services."""
        return cls(
            services.regions,
            services.roster,
            services.workers,
            services.office,
            services.importer,
            services.health,
        )


def roster_ids(
    roster: RosterService, flt: RosterFilter, sort: RosterSort, descending: bool
) -> tuple[array[int], int]:
    """The sorted ids of the matching workers, and the live workers in all (on a pool
    thread)."""
    ids = roster.matching_ids(flt, sort=sort, descending=descending)
    # The figure beside the table counts what the table would show unfiltered: the live
    # workers (not merged, not deleted), read together with the rows.
    total = roster.count(RosterFilter()) if is_filtered(flt) else len(ids)
    return ids, total
