"""The Peserta tab: search and filter the roster, open or add a worker.

The table holds only the ids of the matching workers; the ids are queried on a background
thread (a million of them take about a second to read), so typing in the search box never
freezes the window. Rows are fetched by the model as the view paints them (the pieces every
list tab shares: desktop.ui.windowed).
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping
from dataclasses import replace
from functools import partial

from PySide6.QtCore import (
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.categories import Category, WorkerStatus
from desktop.domain.claims import ClaimKind
from desktop.domain.findings import DomainError
from desktop.services.app import AppServices
from desktop.services.permissions import Actor, Permission, can
from desktop.services.roster import RosterFilter
from desktop.services.roster_import import ImportResult
from desktop.ui import messages
from desktop.ui.claims.new_claim import NewClaimDialog
from desktop.ui.i18n import error_text, finding_text, number, translate
from desktop.ui.remembered_sizes import RememberedSplitter
from desktop.ui.roster.columns import RosterColumns
from desktop.ui.roster.export_dialog import ExportDialog
from desktop.ui.roster.import_wizard import ImportWizard
from desktop.ui.roster.model import RosterModel
from desktop.ui.roster.queries import RosterServices, is_filtered, roster_ids
from desktop.ui.roster.regions import (
    DISTRICT_LEVEL,
    VILLAGE_LEVEL,
    RegionTree,
    region_code,
    region_level,
)
from desktop.ui.roster.worker_dialog import WorkerDialog
from desktop.ui.widgets import (
    EmptyMessage,
    FigureCard,
    HintLabel,
    SearchableCombo,
    heading_label,
)
from desktop.ui.windowed import (
    BackgroundIds,
    ObjectRole,
    select_row,
    shown_search,
    windowed_table,
)

SEARCH_DELAY_MS = 250
SPLITTER_KEY = "roster/splitter"
# The left panel (figures, region tree) takes this share of the tab until the user moves
# the splitter: 200 px on a 1366 px laptop, so that every roster column shows whole.
LEFT_PANEL_SHARE = 0.15
LEFT_PANEL_MIN, LEFT_PANEL_AUTO_MAX, LEFT_PANEL_MAX = 170, 300, 480


class RosterTab(QWidget):
    """The roster: search, filters, the table, and the worker form."""

    importRegionsRequested = Signal()
    idsLoaded = Signal(int)  # rows shown
    workerSaved = Signal(str)
    rosterImported = Signal(object)  # ImportResult; the window may refresh its counts
    claimOpened = Signal(str)  # a claim opened from a worker's row or form (its id)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = services  # the claim dialog takes the app's services
        self.claim_dialog: NewClaimDialog | None = None  # the last one opened
        self._services = RosterServices.of(services)
        self._region_count = -1
        self._worker_total = -1
        self.last_query_seconds = 0.0
        self._ids_query = BackgroundIds(self.reload, self)
        self._ids_query.ready.connect(self._ids_ready)
        self._ids_query.failed.connect(self._ids_failed)
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
        left_widget.setMinimumWidth(LEFT_PANEL_MIN)
        left_widget.setMaximumWidth(LEFT_PANEL_MAX)
        # Sized by the tab's width until the user moves it (or moved it on an earlier day).
        splitter = RememberedSplitter(
            SPLITTER_KEY, [(left_widget, 0), (self.table, 1)], self._splitter_sizes
        )
        splitter.setObjectName("rosterSplitter")
        self.splitter = splitter

        top = QHBoxLayout()
        top.addWidget(heading_label(self.tr("Peserta")))
        top.addSpacing(16)
        top.addWidget(self.count_label)
        top.addWidget(self.total_label)
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

    @staticmethod
    def _splitter_sizes(width: int) -> list[int]:
        """The width shared between the left panel and the table (until the user chooses)."""
        left = min(max(round(width * LEFT_PANEL_SHARE), LEFT_PANEL_MIN), LEFT_PANEL_AUTO_MAX)
        return [left, max(0, width - left)]

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
        self.total_label = HintLabel()
        self.total_label.setObjectName("rosterTotal")
        self.total_label.setWordWrap(False)
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Cari NIK atau nama…"))
        self.search_edit.setMinimumWidth(160)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.district_combo = SearchableCombo()
        self.district_combo.currentIndexChanged.connect(self._district_changed)
        self.village_combo = SearchableCombo()
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

        # The combos share the row's width, whatever their longest item (its list is
        # as wide as that item; the box shows the choice cut short when narrow).
        for combo in (
            self.district_combo,
            self.village_combo,
            self.category_combo,
            self.status_combo,
        ):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        row = QHBoxLayout()
        row.addWidget(self.search_edit, 2)
        row.addWidget(self.district_combo, 1)
        row.addWidget(self.village_combo, 1)
        row.addWidget(self.category_combo, 1)
        row.addWidget(self.status_combo, 1)
        row.addWidget(self.ends_check)
        row.addWidget(self.ends_spin)
        self.filter_row = row
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.search_edit.setFocus)

    def _build_table(self) -> None:
        self.model = RosterModel(self._services.roster, self)
        self.model.sortRequested.connect(self.reload)
        self.model.modelReset.connect(self._model_reset)
        table = windowed_table(self.model)
        table.activated.connect(self._open_index)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._show_row_menu)
        self.table = table
        self.columns = RosterColumns(table)
        self.columns.apply()
        self.empty_message = EmptyMessage(table, self.tr("&Hapus filter"))
        self.empty_message.actionClicked.connect(self.clear_filters)

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
        districts = sorted(self._districts(), key=lambda d: d[1])
        for code, name in districts:
            self.district_combo.addItem(name, code)
        self.district_combo.setCurrentIndex(max(0, self.district_combo.findData(chosen)))
        self.district_combo.blockSignals(False)
        self._fill_villages()
        # The kecamatan names tell how wide the place columns need to be.
        self.columns.apply(name.split(" \u2014 ", 1)[-1] for _code, name in districts)

    def _fill_villages(self) -> None:
        self.village_combo.blockSignals(True)
        self.village_combo.clear()
        self.village_combo.addItem(self.tr("Semua desa"), None)
        district = self.district_combo.currentData()
        if district:
            villages = self._services.regions.children(district)
            for village in sorted(villages, key=lambda v: v.name.casefold()):
                self.village_combo.addItem(village.name, village.code)
        self.village_combo.setEnabled(bool(district))
        self.village_combo.blockSignals(False)

    @Slot()
    def _district_changed(self) -> None:
        self._fill_villages()
        self.reload()

    @Slot(QTreeWidgetItem)
    def _region_clicked(self, item: QTreeWidgetItem) -> None:
        code = region_code(item)
        level = region_level(item)
        if code is None:
            return
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

    @Slot()
    def clear_filters(self) -> None:
        """Show every worker again: empty the search, every filter back to "Semua"."""
        widgets = (
            self.search_edit,
            self.district_combo,
            self.village_combo,
            self.category_combo,
            self.status_combo,
            self.ends_check,
        )
        blocked = [w.blockSignals(True) for w in widgets]
        try:
            self.search_edit.clear()
            for combo in (self.district_combo, self.category_combo, self.status_combo):
                combo.setCurrentIndex(0)
            self._fill_villages()
            self.ends_check.setChecked(False)
            self.ends_spin.setEnabled(False)
        finally:
            for widget, was in zip(widgets, blocked, strict=True):
                widget.blockSignals(was)
        self.reload()
        self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- querying ------------------------------------------------------------------------

    def data_changed(self) -> None:
        """The data under the table changed (a save, an import, a merge, a settled
        conflict): forget the fetched rows and query the ids again, once."""
        self.model.refresh_rows()
        self._ids_query.reload_soon()  # once, for several changes in one go

    @Slot()
    def reload(self) -> None:
        """Query the matching ids again (in the background); stale answers are dropped."""
        self._search_timer.stop()
        self._ids_query.start(
            partial(
                roster_ids,
                self._services.roster,
                self.current_filter(),
                self.model.sort_key,
                self.model.descending,
            )
        )

    @Slot(object, int, float)
    def _ids_ready(self, ids: array[int], total: int, seconds: float) -> None:
        self.last_query_seconds = seconds
        current = self.model.data(self.table.currentIndex(), ObjectRole)
        self.model.set_ids(ids)
        self._show_total(total)
        self._show_empty(len(ids), total)
        if current is not None:
            self._select_rowid(current.rowid)
        self.idsLoaded.emit(len(ids))

    def _select_rowid(self, rowid: int) -> None:
        """Keep the clerk's place: the worker selected before a reload stays selected."""
        row = self.model.row_of(rowid)
        if row >= 0:
            select_row(self.table, row)

    def _show_total(self, total: int) -> None:
        """The live workers of the database, on the card and beside the count."""
        self._worker_total = total
        self.workers_card.set_value(number(total))
        filtered = is_filtered(self.current_filter())
        self.total_label.setText(
            self.tr("dari {total} terdaftar").format(total=number(total)) if filtered else ""
        )
        self.total_label.setVisible(filtered)
        if total:
            self.hint.setText(
                self.tr("Klik dua kali sebuah baris (atau tekan Enter) untuk membuka datanya.")
            )
        else:
            self.hint.setText(
                self.tr(
                    "Belum ada peserta. Untuk mencoba Sigap dengan data rekaan, pilih "
                    "Berkas → Buka data contoh…"
                )
            )

    def _show_empty(self, shown: int, total: int) -> None:
        """Say why the table is empty, and offer the way back to every worker."""
        if shown:
            self.empty_message.hide()
            return
        flt = self.current_filter()
        text = shown_search(flt.text.strip())
        others = is_filtered(replace(flt, text=""))
        if not total and not self.add_button.isEnabled():
            # No office yet (or a read-only file): the buttons named below are grey.
            message = (
                self.tr(
                    "Belum ada peserta. Siapkan kantor dulu (Berkas → Siapkan kantor…), atau "
                    "pilih Berkas → Buka data contoh… untuk mencoba Sigap."
                )
                if self._actor() is None
                else self.tr("Belum ada peserta di basis data ini.")
            )
        elif not total:
            message = self.tr(
                "Belum ada peserta di basis data ini. Tambahkan dengan Tambah peserta…, atau "
                "impor daftarnya dengan Impor dari berkas…"
            )
        elif text and others:
            message = self.tr(
                "Tidak ada peserta yang cocok dengan pencarian “{text}” dan filter yang "
                "dipilih."
            ).format(text=text)
        elif text:
            message = self.tr("Tidak ada peserta yang cocok dengan pencarian “{text}”.").format(
                text=text
            )
        else:
            message = self.tr("Tidak ada peserta yang cocok dengan filter yang dipilih.")
        self.empty_message.show_message(message, action=bool(total) and (bool(text) or others))

    @Slot(object)
    def _ids_failed(self, error: object) -> None:
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
        return self._ids_query.wait(timeout_ms)

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
        dialog.claimRequested.connect(
            lambda worker, kind: self.open_claim(worker, kind, from_dialog=dialog)
        )
        dialog.open()
        return dialog

    # ---- claims --------------------------------------------------------------------------

    def row_menu(self, index: QModelIndex) -> QMenu | None:
        """The menu of a worker's row: open the worker, open a claim for them."""
        worker = self.model.data(index, ObjectRole)
        if worker is None:
            return None
        actor = self._actor()
        menu = QMenu(self)
        menu.addAction(self.tr("Buka &data peserta"), lambda: self.open_worker(worker.id))
        claim = menu.addAction(self.tr("Buka &klaim…"), lambda: self.open_claim(worker.id))
        claim.setEnabled(actor is not None and can(actor, Permission.PROPOSE_CLAIMS))
        return menu

    @Slot(QPoint)
    def _show_row_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.setCurrentIndex(index)
        menu = self.row_menu(index)
        if menu is not None:
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(self.table.viewport().mapToGlobal(pos))

    def open_claim(
        self,
        worker_id: str,
        kind: ClaimKind | None = None,
        *,
        from_dialog: WorkerDialog | None = None,
    ) -> NewClaimDialog:
        """Open the new-claim dialog for one worker (the kind preset when given); a claim
        opened there is announced by :attr:`claimOpened`."""
        dialog = NewClaimDialog(
            self._app, worker_id=worker_id, kind=kind, parent=from_dialog or self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if from_dialog is not None:
            dialog.claimOpened.connect(lambda _id: from_dialog.refresh_record())
        dialog.claimOpened.connect(self._claim_opened)
        dialog.open()
        self.claim_dialog = dialog
        return dialog

    @Slot(str)
    def _claim_opened(self, claim_id: str) -> None:
        self.data_changed()  # a JKM/JKK death made the worker meninggal
        self.claimOpened.emit(claim_id)

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

    @Slot(object)
    def _imported(self, result: ImportResult) -> None:
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
        self.data_changed()
        self.workerSaved.emit(worker_id)

    # ---- counts from the main window -----------------------------------------------------

    def update_counts(self, counts: Mapping[str, int]) -> None:
        """The data changed somewhere (from the main window's refresh): show the region
        counts of the database (from HealthService.counts) and read the roster again.

        The workers' figure comes with the roster's own query (live workers only, as the
        table counts them), not from the table's row count, which keeps merged records.
        """
        regions = counts.get("region", 0)
        self.regions_card.set_value(number(regions))
        if regions != self._region_count:
            self._region_count = regions
            self.region_tree.reload()
            self._load_filter_regions()
        self.region_tree.setVisible(bool(regions))
        self.region_hint.setVisible(not regions)
        self.import_regions_button.setVisible(not regions)
        self._apply_permissions()
        # At once, not after the query: the figure and the table count alike (live only).
        self._show_total(self._services.roster.count(RosterFilter()))
        self.data_changed()

    def save_settings(self) -> None:
        """Remember the splitter and the column widths the user chose (per user)."""
        self.splitter.save()
        self.columns.save()
