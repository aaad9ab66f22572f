"""The Peserta tab: search and filter the roster, open or add a worker.

The table holds only the ids of the matching workers; the ids are queried on a background
thread (a million of them take about a second to read), so typing in the search box never
freezes the window. Rows are fetched by the model as the view paints them.
"""

from __future__ import annotations

import time
from array import array
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.categories import Category, WorkerStatus
from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError
from desktop.services.app import AppServices
from desktop.services.health import HealthService
from desktop.services.office import OfficeService
from desktop.services.permissions import Actor, Permission, can
from desktop.services.regions import RegionService
from desktop.services.roster import RosterFilter, RosterService, RosterSort
from desktop.services.roster_import import ImportResult, RosterImportService
from desktop.services.workers import WorkerService
from desktop.ui import messages
from desktop.ui.i18n import error_text, finding_text, number, translate
from desktop.ui.roster.export_dialog import ExportDialog
from desktop.ui.roster.import_wizard import ImportWizard
from desktop.ui.roster.model import (
    COL_BIRTH,
    COL_CATEGORY,
    COL_COVERAGE_END,
    COL_DISTRICT,
    COL_KPJ,
    COL_NAME,
    COL_NIK,
    COL_POSITION,
    COL_SEX,
    COL_STATUS,
    COL_VILLAGE,
    SORTS,
    ObjectRole,
    RosterModel,
)
from desktop.ui.roster.worker_dialog import WorkerDialog
from desktop.ui.widgets import FigureCard, HintLabel, heading_label

REGION_COLUMNS = (
    QT_TRANSLATE_NOOP("RosterTab", "Wilayah"),
    QT_TRANSLATE_NOOP("RosterTab", "Kode"),
)
COL_REGION_NAME, COL_REGION_CODE = range(len(REGION_COLUMNS))
DISTRICT_LEVEL = 3
VILLAGE_LEVEL = 4
SEARCH_DELAY_MS = 250
_CODE_ROLE = Qt.ItemDataRole.UserRole
_LOADED_ROLE = Qt.ItemDataRole.UserRole + 1
_LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMN_WIDTHS = {
    COL_NIK: 136,
    COL_NAME: 180,
    COL_SEX: 34,
    COL_BIRTH: 116,
    COL_VILLAGE: 116,
    COL_DISTRICT: 116,
    COL_CATEGORY: 150,
    COL_POSITION: 150,
    COL_STATUS: 80,
    COL_COVERAGE_END: 116,
    COL_KPJ: 100,
}


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


class RegionTree(QTreeWidget):
    """The region master as a tree, each level read from the service when it is opened."""

    def __init__(self, regions: RegionService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._regions = regions
        self.setColumnCount(len(REGION_COLUMNS))
        self.setHeaderLabels([translate("RosterTab", c) for c in REGION_COLUMNS])
        self.setUniformRowHeights(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_REGION_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_REGION_CODE, QHeaderView.ResizeMode.ResizeToContents)
        self.itemExpanded.connect(self._load_children)

    def reload(self) -> None:
        """Read the provinces again and open the tree down to the first regency."""
        self.clear()
        self.addTopLevelItems(self._items(None))
        item = self.topLevelItem(0) if self.topLevelItemCount() == 1 else None
        while item is not None and item.childCount() and item.data(0, _CODE_ROLE):
            item.setExpanded(True)  # loads the children
            item = item.child(0) if item.childCount() == 1 else None

    def _items(self, parent_code: str | None) -> list[QTreeWidgetItem]:
        items = []
        for row in self._regions.area_children(parent_code):
            item = QTreeWidgetItem([row.name, row.code])
            item.setData(0, _CODE_ROLE, row.code)
            item.setData(0, _LEVEL_ROLE, row.level)
            if row.level < VILLAGE_LEVEL:
                item.addChild(QTreeWidgetItem())  # placeholder until the level is opened
            items.append(item)
        return items

    @Slot(QTreeWidgetItem)
    def _load_children(self, item: QTreeWidgetItem) -> None:
        if item.data(0, _LOADED_ROLE):
            return
        item.setData(0, _LOADED_ROLE, True)
        item.takeChildren()
        item.addChildren(self._items(item.data(0, _CODE_ROLE)))


class _Results(QObject):
    """Carries a background query's outcome back to the GUI thread."""

    ready = Signal(int, object, float)  # generation, ids, seconds
    failed = Signal(int, object)


class _IdsQuery(QRunnable):
    """Read the sorted ids of the matching workers off the GUI thread."""

    def __init__(
        self,
        roster: RosterService,
        flt: RosterFilter,
        sort: RosterSort,
        descending: bool,
        generation: int,
        results: _Results,
    ) -> None:
        super().__init__()
        self._args = (roster, flt, sort, descending)
        self._generation = generation
        self._results = results

    def run(self) -> None:
        roster, flt, sort, descending = self._args
        started = time.perf_counter()
        try:
            ids = roster.matching_ids(flt, sort=sort, descending=descending)
        except Exception as exc:  # reported on the GUI thread
            outcome: tuple[str, object] = ("failed", exc)
        else:
            outcome = ("ready", ids)
        try:
            if outcome[0] == "ready":
                self._results.ready.emit(
                    self._generation, outcome[1], time.perf_counter() - started
                )
            else:
                self._results.failed.emit(self._generation, outcome[1])
        except RuntimeError:
            pass  # the tab was closed meanwhile


class RosterTab(QWidget):
    """The roster: search, filters, the table, and the worker form."""

    importRegionsRequested = Signal()
    idsLoaded = Signal(int)  # rows shown
    workerSaved = Signal(str)
    rosterImported = Signal(object)  # ImportResult; the window may refresh its counts

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = RosterServices.of(services)
        self._region_count = -1
        self._worker_count = -1
        self._generation = 0
        self._running = False
        self._pending = False
        self.last_query_seconds = 0.0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._results = _Results(self)
        self._results.ready.connect(self._ids_ready)
        self._results.failed.connect(self._ids_failed)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)

        self._build_overview()
        self._build_filters()
        self._build_table()

        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.workers_card)
        left.addWidget(self.regions_card)
        left.addWidget(self.hint)
        left.addWidget(self.regions_box, 1)
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setMinimumWidth(200)
        left_widget.setMaximumWidth(320)
        splitter = QSplitter()
        splitter.addWidget(left_widget)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([210, 900])
        splitter.setChildrenCollapsible(True)

        top = QHBoxLayout()
        top.addWidget(heading_label(self.tr("Peserta")))
        top.addSpacing(16)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.full_kpj_check)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(self.filter_row)
        layout.addWidget(splitter, 1)

        self._load_filter_regions()
        self._apply_permissions()

    # ---- building ------------------------------------------------------------------------

    def _build_overview(self) -> None:
        self.workers_card = FigureCard(self.tr("peserta terdaftar"))
        self.regions_card = FigureCard(self.tr("wilayah tercatat"))
        self.hint = HintLabel()
        self.region_tree = RegionTree(self._services.regions)
        self.region_tree.itemClicked.connect(self._region_clicked)
        self.region_hint = HintLabel(
            self.tr(
                "Belum ada data wilayah. Impor daftar wilayah Kemendagri (berkas CSV atau "
                "XLSX dengan kolom kode dan nama) agar desa dan kecamatan peserta dikenali."
            )
        )
        self.import_regions_button = QPushButton(self.tr("&Impor data wilayah…"))
        self.import_regions_button.clicked.connect(self.importRegionsRequested)
        self.regions_box = QGroupBox(self.tr("Data wilayah"))
        box = QVBoxLayout(self.regions_box)
        box.addWidget(self.region_hint)
        box.addWidget(self.import_regions_button)
        box.addWidget(self.region_tree, 1)

    def _build_filters(self) -> None:
        self.count_label = QLabel()
        self.count_label.setObjectName("rosterCount")
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Cari NIK atau nama…"))
        self.search_edit.setMinimumWidth(220)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.district_combo = QComboBox()
        self.district_combo.setMinimumContentsLength(14)
        self.district_combo.currentIndexChanged.connect(self._district_changed)
        self.village_combo = QComboBox()
        self.village_combo.setMinimumContentsLength(14)
        self.village_combo.currentIndexChanged.connect(self.reload)
        self.category_combo = QComboBox()
        self.category_combo.addItem(self.tr("Semua kategori"), None)
        for category in Category:
            self.category_combo.addItem(translate("Category", category.label), category.value)
        self.category_combo.currentIndexChanged.connect(self.reload)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Semua status"), None)
        for status in WorkerStatus:
            self.status_combo.addItem(translate("WorkerStatus", status.label), status.value)
        self.status_combo.currentIndexChanged.connect(self.reload)
        self.ends_check = QCheckBox(self.tr("Berakhir dalam"))
        self.ends_spin = QSpinBox()
        self.ends_spin.setRange(0, 3650)
        self.ends_spin.setValue(30)
        self.ends_spin.setSuffix(self.tr(" hari"))
        self.ends_spin.setEnabled(False)
        self.ends_check.toggled.connect(self.ends_spin.setEnabled)
        self.ends_check.toggled.connect(self.reload)
        self.ends_spin.valueChanged.connect(lambda _v: self._search_timer.start())
        self.full_kpj_check = QCheckBox(self.tr("Tampilkan nomor lengkap"))
        self.full_kpj_check.toggled.connect(lambda on: self.model.set_full_kpj(on))
        self.add_button = QPushButton(self.tr("&Tambah peserta…"))
        self.add_button.clicked.connect(self.add_worker)
        self.import_button = QPushButton(self.tr("I&mpor dari berkas…"))
        self.import_button.clicked.connect(self.import_file)
        self.export_button = QPushButton(self.tr("&Ekspor…"))
        self.export_button.clicked.connect(self.export)

        row = QHBoxLayout()
        row.addWidget(self.search_edit, 2)
        row.addWidget(self.district_combo, 1)
        row.addWidget(self.village_combo, 1)
        row.addWidget(self.category_combo, 1)
        row.addWidget(self.status_combo)
        row.addWidget(self.ends_check)
        row.addWidget(self.ends_spin)
        self.filter_row = row
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.search_edit.setFocus)

    def _build_table(self) -> None:
        self.model = RosterModel(self._services.roster, self)
        self.model.sortRequested.connect(self.reload)
        self.model.modelReset.connect(self._model_reset)
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        # The indicator first: enabling sorting sorts by the indicator's column at once.
        table.horizontalHeader().setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        table.horizontalHeader().sortIndicatorChanged.connect(self._sort_indicator_changed)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setHighlightSections(False)
        vertical = table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(table.fontMetrics().height() + 8)
        vertical.setVisible(False)
        for column, width in COLUMN_WIDTHS.items():
            table.setColumnWidth(column, width)
        table.activated.connect(self._open_index)
        self.table = table

    # ---- filters -------------------------------------------------------------------------

    def _districts(self) -> list[tuple[str, str]]:
        """The office's own kecamatan (a laptop) or its regency's (the hub), as
        "16.02.05 — Kayu Agung", whatever else the region list holds."""
        return self._services.regions.office_districts()

    def _load_filter_regions(self) -> None:
        chosen = self.district_combo.currentData()
        self.district_combo.blockSignals(True)
        self.district_combo.clear()
        self.district_combo.addItem(self.tr("Semua kecamatan"), None)
        for code, name in sorted(self._districts(), key=lambda d: d[1]):
            self.district_combo.addItem(name, code)
        self.district_combo.setCurrentIndex(max(0, self.district_combo.findData(chosen)))
        self.district_combo.blockSignals(False)
        self._fill_villages()

    def _fill_villages(self) -> None:
        self.village_combo.blockSignals(True)
        self.village_combo.clear()
        self.village_combo.addItem(self.tr("Semua desa"), None)
        district = self.district_combo.currentData()
        if district:
            for village in self._services.regions.children(district):
                self.village_combo.addItem(village.name, village.code)
        self.village_combo.setEnabled(bool(district))
        self.village_combo.blockSignals(False)

    @Slot()
    def _district_changed(self) -> None:
        self._fill_villages()
        self.reload()

    @Slot(QTreeWidgetItem)
    def _region_clicked(self, item: QTreeWidgetItem) -> None:
        code = item.data(0, _CODE_ROLE)
        level = item.data(0, _LEVEL_ROLE)
        if level == DISTRICT_LEVEL:
            self.set_region(code, None)
        elif level == VILLAGE_LEVEL:
            self.set_region(".".join(code.split(".")[:3]), code)

    def set_region(self, district: str | None, village: str | None) -> None:
        """Show the workers of one kecamatan (and desa), as the combos would."""
        self.district_combo.setCurrentIndex(max(0, self.district_combo.findData(district)))
        self.village_combo.setCurrentIndex(max(0, self.village_combo.findData(village)))

    def current_filter(self) -> RosterFilter:
        """The filter the widgets describe."""
        return RosterFilter(
            district_code=self.district_combo.currentData(),
            village_code=self.village_combo.currentData(),
            category=self.category_combo.currentData(),
            status=self.status_combo.currentData(),
            ends_within_days=self.ends_spin.value() if self.ends_check.isChecked() else None,
            text=self.search_edit.text(),
        )

    # ---- querying ------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        """Query the matching ids again (in the background); stale answers are dropped."""
        self._search_timer.stop()
        self._generation += 1
        if self._running:
            self._pending = True
            return
        self._running = True
        self._pending = False
        self._pool.start(
            _IdsQuery(
                self._services.roster,
                self.current_filter(),
                self.model.sort_key,
                self.model.descending,
                self._generation,
                self._results,
            )
        )

    def _query_ended(self) -> bool:
        """Start the next query if one was asked for meanwhile; True when this one counts."""
        self._running = False
        if self._pending:
            self.reload()
            return False
        return True

    @Slot(int, object, float)
    def _ids_ready(self, generation: int, ids: array[int], seconds: float) -> None:
        if not self._query_ended() or generation != self._generation:
            return
        self.last_query_seconds = seconds
        self.model.set_ids(ids)
        self.idsLoaded.emit(len(ids))

    @Slot(int, object)
    def _ids_failed(self, generation: int, error: object) -> None:
        if not self._query_ended() or generation != self._generation:
            return
        text = error_text(error) if isinstance(error, DomainError) else str(error)
        self.count_label.setText(
            self.tr("Daftar peserta tidak dapat dibaca: {error}").format(error=text)
        )

    @Slot()
    def _model_reset(self) -> None:
        count = self.model.rowCount()
        self.count_label.setText(self.tr("{count} peserta").format(count=number(count)))

    def wait_for_queries(self, timeout_ms: int = 10_000) -> bool:
        """Wait until no background query runs (tests, closing)."""
        return self._pool.waitForDone(timeout_ms)

    # ---- workers -------------------------------------------------------------------------

    def _actor(self) -> Actor | None:
        try:
            return self._services.office.local_actor()
        except DomainError:
            return None

    def _apply_permissions(self) -> None:
        actor = self._actor()
        can_edit = actor is not None and can(actor, Permission.EDIT_ROSTER)
        self.add_button.setEnabled(can_edit)
        self.import_button.setEnabled(can_edit)
        why = finding_text(actor.read_only) if actor and actor.read_only else ""
        self.add_button.setToolTip(why)
        self.import_button.setToolTip(why)
        self.export_button.setEnabled(actor is not None and can(actor, Permission.VIEW))
        full = actor is not None and can(actor, Permission.VIEW_FULL_NUMBERS)
        self.full_kpj_check.setEnabled(full)
        if not full:
            self.full_kpj_check.setChecked(False)

    @Slot()
    def add_worker(self) -> WorkerDialog:
        """Open an empty worker form."""
        return self._open_dialog(None)

    def open_worker(self, worker_id: str) -> WorkerDialog | None:
        """Open the form of one worker."""
        return self._open_dialog(worker_id)

    @Slot()
    def _open_index(self, index: object) -> None:
        worker = self.model.data(index, ObjectRole)  # type: ignore[arg-type]
        if worker is not None:
            self.open_worker(worker.id)

    def _open_dialog(self, worker_id: str | None) -> WorkerDialog:
        record = None
        if worker_id is not None:
            try:
                record = self._services.workers.get(worker_id)
            except DomainError as exc:
                messages.warn(self, self.tr("Data peserta"), error_text(exc))
                raise
        actor = self._actor()
        dialog = WorkerDialog(
            self._services.workers,
            self._services.regions,
            actor,
            record=record,
            full_numbers=self.full_kpj_check.isChecked(),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._worker_saved)
        dialog.openRequested.connect(self.open_worker)
        dialog.open()
        return dialog

    # ---- import and export ---------------------------------------------------------------

    @Slot()
    def import_file(self) -> ImportWizard | None:
        """Open the import wizard (file, columns, preview, import)."""
        actor = self._actor()
        if actor is None:
            return None
        wizard = ImportWizard(self._services.importer, actor, parent=self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.imported.connect(self._imported)
        wizard.open()
        return wizard

    @Slot(int, Qt.SortOrder)
    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        """A column the roster cannot sort by (KPJ) keeps the arrow where the order is."""
        if column in SORTS:
            return
        header = self.table.horizontalHeader()
        order = (
            Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder
        )
        blocked = header.blockSignals(True)
        header.setSortIndicator(self.model.sort_column, order)
        header.blockSignals(blocked)

    @Slot(object)
    def _imported(self, result: ImportResult) -> None:
        self.model.refresh_rows()
        self._worker_count = -1  # reload even when only updates happened
        self.update_counts(self._services.health.counts())
        self.rosterImported.emit(result)

    @Slot()
    def export(self) -> ExportDialog | None:
        """Export the workers the current filters show to XLSX or CSV."""
        actor = self._actor()
        if actor is None:
            return None
        dialog = ExportDialog(
            self._services.roster,
            actor,
            self.current_filter(),
            rows=self.model.rowCount(),
            full_numbers=self.full_kpj_check.isChecked(),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    @Slot(str)
    def _worker_saved(self, worker_id: str) -> None:
        self.model.refresh_rows()
        self.reload()
        self.workerSaved.emit(worker_id)

    # ---- counts from the main window -----------------------------------------------------

    def update_counts(self, counts: Mapping[str, int]) -> None:
        """Show the row counts of the database (from HealthService.counts)."""
        workers = counts.get("worker", 0)
        regions = counts.get("region", 0)
        self.workers_card.set_value(number(workers))
        self.regions_card.set_value(number(regions))
        if regions != self._region_count:
            self._region_count = regions
            self.region_tree.reload()
            self._load_filter_regions()
        self.region_tree.setVisible(bool(regions))
        self.region_hint.setVisible(not regions)
        self.import_regions_button.setVisible(not regions)
        self._apply_permissions()
        if workers != self._worker_count:
            self._worker_count = workers
            self.reload()
        if workers:
            self.hint.setText(
                self.tr("Klik dua kali sebuah baris (atau tekan Enter) untuk membuka datanya.")
            )
        else:
            self.hint.setText(
                self.tr(
                    "Belum ada peserta. Untuk mencoba Sigap dengan data rekaan, pilih "
                    "Berkas → Muat data contoh… pada basis data baru."
                )
            )
