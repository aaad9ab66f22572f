"""The roster tab's reads off the GUI thread: the services it uses, and the query of the
matching workers' ids (a million of them take about a second to read), whose outcome comes
back to the GUI thread by signal."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, QRunnable, Signal

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
            RosterImportService(services.database.engine),
            services.health,
        )


class IdsResults(QObject):
    """Carries a background query's outcome back to the GUI thread."""

    ready = Signal(int, object, int, float)  # generation, ids, live workers in all, seconds
    failed = Signal(int, object)


class IdsQuery(QRunnable):
    """Read the sorted ids of the matching workers off the GUI thread."""

    def __init__(
        self,
        roster: RosterService,
        flt: RosterFilter,
        sort: RosterSort,
        descending: bool,
        generation: int,
        results: IdsResults,
    ) -> None:
        super().__init__()
        self._args = (roster, flt, sort, descending)
        self._generation = generation
        self._results = results

    def run(self) -> None:
        roster, flt, sort, descending = self._args
        started = time.perf_counter()
        total = 0
        try:
            ids = roster.matching_ids(flt, sort=sort, descending=descending)
            # The figure beside the table counts what the table would show unfiltered:
            # the live workers (not merged, not deleted), read together with the rows.
            total = roster.count(RosterFilter()) if is_filtered(flt) else len(ids)
        except Exception as exc:  # reported on the GUI thread
            outcome: tuple[str, object] = ("failed", exc)
        else:
            outcome = ("ready", ids)
        try:
            if outcome[0] == "ready":
                self._results.ready.emit(
                    self._generation, outcome[1], total, time.perf_counter() - started
                )
            else:
                self._results.failed.emit(self._generation, outcome[1])
        except RuntimeError:
            pass  # the tab was closed meanwhile
