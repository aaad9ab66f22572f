"""Finding a roster worker by NIK or name off the GUI thread (a name search reads every
name key of a million workers), for the dialogs that pick the worker a claim is for."""

from __future__ import annotations

import contextlib
from html import escape

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.domain.categories import WorkerStatus
from desktop.domain.claim_rules import mask_nik
from desktop.domain.dates import long_date
from desktop.services.regions import RegionService
from desktop.services.roster import RosterFilter, RosterService, WorkerRow
from desktop.services.workers import WorkerRecord
from desktop.ui.i18n import translate

SHOWN = 30  # the first matches, by name; the clerk types more to narrow them


class _Results(QObject):
    ready = Signal(int, object, int)  # generation, rows, matches in all


class _Query(QRunnable):
    def __init__(self, roster: RosterService, text: str, generation: int, results: _Results):
        super().__init__()
        self._roster = roster
        self._text = text
        self._generation = generation
        self._results = results

    def run(self) -> None:
        try:
            ids = self._roster.matching_ids(RosterFilter(text=self._text))
            rows: list[WorkerRow] = self._roster.rows(list(ids[:SHOWN]))
            total = len(ids)
        except Exception:  # a search that fails finds nothing; the clerk types again
            rows, total = [], 0
        with contextlib.suppress(RuntimeError):  # the dialog was closed meanwhile
            self._results.ready.emit(self._generation, rows, total)


class WorkerSearch(QObject):
    """Search the roster in the background; :attr:`found` brings the latest answer only."""

    found = Signal(object, int)  # list[WorkerRow] (the first SHOWN), matches in all

    def __init__(self, roster: RosterService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roster = roster
        self._generation = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._results = _Results(self)
        self._results.ready.connect(self._ready)

    def start(self, text: str) -> None:
        """Look for *text* (a NIK from its start, or words of a name)."""
        self._generation += 1
        self._pool.start(_Query(self._roster, text, self._generation, self._results))

    def wait(self, timeout_ms: int = 10_000) -> bool:
        """Wait until no search runs (tests, closing)."""
        return self._pool.waitForDone(timeout_ms)

    def _ready(self, generation: int, rows: list[WorkerRow], total: int) -> None:
        if generation == self._generation:
            self.found.emit(rows, total)


# ---- how a worker is shown ------------------------------------------------------------------


def found_line(row: WorkerRow) -> str:
    """A found worker on two lines: the name and the NIK masked; the desa, the kecamatan
    and the status."""
    return translate(
        "NewClaimDialog", "{name} — NIK {nik}\nDesa {village}, Kec. {district} — {status}"
    ).format(
        name=row.name,
        nik=mask_nik(row.nik),
        village=row.village_name or row.village_code,
        district=row.district_name or row.district_code,
        status=translate("WorkerStatus", WorkerStatus(row.status).label),
    )


def worker_summary(record: WorkerRecord, regions: RegionService) -> str:
    """The worker a claim is for, as rich text: the name, the NIK masked, the desa, the
    status and the coverage a clerk checks before opening the claim."""
    district = regions.name_of(record.district_code) or record.district_code
    village = regions.name_of(record.village_code) or record.village_code
    status = translate("WorkerStatus", WorkerStatus(record.status).label)
    if record.status == WorkerStatus.MENINGGAL and record.death_date:
        status = translate("NewClaimDialog", "{status} {date}").format(
            status=status, date=long_date(record.death_date)
        )
    coverage = translate("NewClaimDialog", "belum diisi")
    if record.coverage_start is not None:
        coverage = translate("NewClaimDialog", "{start} s.d. {end}").format(
            start=long_date(record.coverage_start),
            end=long_date(record.coverage_end) if record.coverage_end else "…",
        )
    lines = [
        translate("NewClaimDialog", "NIK {nik} · Desa {village}, Kec. {district}").format(
            nik=mask_nik(record.nik), village=village, district=district
        ),
        translate(
            "NewClaimDialog", "Status {status} · Kepesertaan {coverage} · Program {programmes}"
        ).format(status=status, coverage=coverage, programmes=record.programmes or "–"),
    ]
    name = f"<b>{escape(record.name, quote=False)}</b>"
    return "<br>".join([name, *(escape(line, quote=False) for line in lines)])
