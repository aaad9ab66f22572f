"""The roster import wizard: choose a file, check the columns, look at every row, import.

Every step that reads or writes runs as a :class:`~desktop.ui.jobs.Job` (reading 120,000 rows
takes seconds): the preview when the file is chosen and again when the user corrects a
column, and the import itself, which can be cancelled and then changes nothing. The column
mapping the user confirms is remembered for files with the same header.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QStyle,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.domain.categories import Category
from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError
from desktop.services.permissions import Actor
from desktop.services.roster_import import ImportPreview, ImportResult, RosterImportService
from desktop.spreadsheets.columns import (
    FIELD_LABELS,
    FIELDS,
    ColumnMapping,
    MappingMemory,
    mapping_key,
)
from desktop.spreadsheets.reader import Cell, cell_text
from desktop.spreadsheets.report import write_error_report
from desktop.spreadsheets.roster_rows import RowVerdict
from desktop.ui import messages
from desktop.ui.i18n import error_text, finding_text, number, translate
from desktop.ui.jobs import Job, show_error
from desktop.ui.widgets import HintLabel, compact_rows, heading_label

MAPPING_FILE = "column-mappings.json"
PAGE_FILE, PAGE_MAPPING, PAGE_PREVIEW, PAGE_DONE = range(4)
SPREADSHEET_SUFFIXES = "*.xlsx *.xls *.ods *.csv"

PREVIEW_COLUMNS = (
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Baris"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Hasil"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "NIK"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Nama"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Desa/kelurahan"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Alasan"),
)
COL_ROW, COL_VERDICT, COL_NIK, COL_NAME, COL_VILLAGE, COL_REASONS = range(len(PREVIEW_COLUMNS))
VERDICT_TEXT = {
    "ok": QT_TRANSLATE_NOOP("ImportPreviewModel", "ok"),
    "warning": QT_TRANSLATE_NOOP("ImportPreviewModel", "peringatan"),
    "error": QT_TRANSLATE_NOOP("ImportPreviewModel", "ditolak"),
}
VERDICT_ICON = {
    "ok": QStyle.StandardPixmap.SP_DialogApplyButton,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
}
# Light backgrounds that keep black text readable in light and dark Fusion alike.
VERDICT_BACKGROUND = {"warning": QColor("#fff3cd"), "error": QColor("#f8d7da")}
VERDICT_FOREGROUND = QColor("#212529")
VerdictRole = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


def mapping_memory_path() -> Path:
    """Where confirmed column mappings are kept: the user's data directory, not the database."""
    return Path(user_data_dir(APP_NAME, appauthor=False)) / MAPPING_FILE


def masked_nik(text: str) -> str:
    """A NIK (or what the file had in its place) with all but the first and last 4 hidden."""
    if "e+" in text.casefold():
        return text  # scientific notation: the digits are lost already, nothing to hide
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) <= 8:
        return "•" * len(digits) if digits else text[:2] + "…" if text else ""
    return digits[:4] + "•" * (len(digits) - 8) + digits[-4:]


def _cell(cells: Sequence[Cell], column: int | None) -> str:
    if column is None or column >= len(cells):
        return ""
    value = cells[column]
    if isinstance(value, float) and value.is_integer() and abs(value) >= 1e9:
        return str(int(value))  # a long number cell (NIK, KPJ) as the user typed its digits
    return cell_text(value).strip()


class ImportPreviewModel(QAbstractTableModel):
    """Every data row of a preview with its verdict; rows are only read, never copied."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: Sequence[RowVerdict] = ()
        self._mapping = ColumnMapping()
        self._reasons: dict[int, str] = {}

    def set_preview(self, preview: ImportPreview | None) -> None:
        """Show the rows of *preview* (None: nothing)."""
        self.beginResetModel()
        self._rows = preview.rows if preview is not None else ()
        self._mapping = preview.mapping if preview is not None else ColumnMapping()
        self._reasons = {}
        self.endResetModel()

    def verdict(self, row: int) -> RowVerdict:
        """The verdict shown on *row*."""
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PREVIEW_COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(PREVIEW_COLUMNS)
        ):
            return translate("ImportPreviewModel", PREVIEW_COLUMNS[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _reasons_text(self, row: int) -> str:
        text = self._reasons.get(row)
        if text is None:
            verdict = self._rows[row]
            ordered = sorted(verdict.findings, key=lambda f: not f.is_error)
            text = " ".join(finding_text(f) for f in ordered)
            self._reasons[row] = text
        return text

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        verdict = self._rows[index.row()]
        column = index.column()
        if role == VerdictRole:
            return verdict.verdict
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = VERDICT_BACKGROUND.get(verdict.verdict)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(VERDICT_FOREGROUND) if verdict.verdict != "ok" else None
        if role == Qt.ItemDataRole.DecorationRole and column == COL_VERDICT:
            return _verdict_icon(verdict.verdict)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_REASONS:
            return self._reasons_text(index.row()) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == COL_ROW:
            return verdict.row
        if column == COL_VERDICT:
            return translate("ImportPreviewModel", VERDICT_TEXT[verdict.verdict])
        if column == COL_NIK:
            nik = verdict.values.get("nik") or _cell(verdict.cells, self._mapping.get("nik"))
            return masked_nik(str(nik))
        if column == COL_NAME:
            return verdict.values.get("name") or _cell(verdict.cells, self._mapping.get("name"))
        if column == COL_VILLAGE:
            return _cell(verdict.cells, self._mapping.get("village"))
        if column == COL_REASONS:
            return self._reasons_text(index.row())
        return None


_ICONS: dict[str, Any] = {}


def _verdict_icon(verdict: str) -> Any:
    icon = _ICONS.get(verdict)
    if icon is None:
        from PySide6.QtWidgets import QApplication

        style = QApplication.style()
        icon = style.standardIcon(VERDICT_ICON[verdict])
        _ICONS[verdict] = icon
    return icon


class ImportWizard(QDialog):
    """Four pages: file, columns, preview, result. Emits :attr:`imported` after an import."""

    imported = Signal(object)  # ImportResult
    previewReady = Signal()  # a preview (first or after a column change) is shown
    previewFailed = Signal(str)

    def __init__(
        self,
        importer: RosterImportService,
        actor: Actor,
        *,
        memory: MappingMemory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._importer = importer
        self._actor = actor
        self._memory = memory if memory is not None else MappingMemory(mapping_memory_path())
        self._path: Path | None = None
        self._preview: ImportPreview | None = None
        self._result: ImportResult | None = None
        self._generation = 0
        self._busy = False
        self.setWindowTitle(self.tr("Impor peserta dari berkas"))
        self.resize(1180, 680)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_file_page())
        self.pages.addWidget(self._build_mapping_page())
        self.pages.addWidget(self._build_preview_page())
        self.pages.addWidget(self._build_done_page())

        self.back_button = QPushButton(self.tr("< &Kembali"))
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(self.tr("&Lanjut >"))
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        self.cancel_button = QPushButton(self.tr("Batal"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.cancel_button)

        self.step_label = heading_label("", 1.3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.step_label)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self._show_page(PAGE_FILE)

    # ---- pages ---------------------------------------------------------------------------

    def _build_file_page(self) -> QWidget:
        page = QWidget()
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("Belum ada berkas dipilih"))
        self.choose_button = QPushButton(self.tr("&Pilih berkas…"))
        self.choose_button.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        self.category_combo = QComboBox()
        self.category_combo.addItem(self.tr("— dari berkas —"), None)
        for category in Category:
            self.category_combo.addItem(translate("Category", category.label), category.value)
        form = QFormLayout()
        form.addRow(self.tr("Berkas:"), row)
        form.addRow(self.tr("Kategori untuk semua baris:"), self.category_combo)
        layout = QVBoxLayout(page)
        layout.addWidget(
            HintLabel(
                self.tr(
                    "Pilih berkas daftar peserta dari desa (XLSX, XLS, ODS atau CSV). Baris "
                    "judul di atas tabel tidak apa-apa: Sigap mencari sendiri baris judul "
                    "kolomnya. Belum ada data yang disimpan sebelum Anda menekan Impor."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(
            HintLabel(
                self.tr(
                    "Kategori dibaca dari kolom Kategori atau dari jabatan. Pilih satu kategori "
                    "di sini bila seluruh berkas berisi satu kategori; kategori ini dipakai "
                    "untuk baris yang kategorinya tidak dapat ditentukan."
                )
            )
        )
        layout.addStretch(1)
        return page

    def _build_mapping_page(self) -> QWidget:
        page = QWidget()
        self.mapping_hint = HintLabel()
        self.mapping_table = QTableWidget(0, 4)
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Kolom"), self.tr("Judul di berkas"), self.tr("Contoh isi"), self.tr("Isi")]
        )
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        self.mapping_table.setColumnWidth(3, 220)
        self.mapping_table.verticalHeader().setDefaultSectionSize(
            self.mapping_table.fontMetrics().height() + 16
        )
        self.mapping_counts = QLabel()
        self.mapping_counts.setObjectName("mappingCounts")
        layout = QVBoxLayout(page)
        layout.addWidget(self.mapping_hint)
        layout.addWidget(self.mapping_table, 1)
        layout.addWidget(self.mapping_counts)
        return page

    def _build_preview_page(self) -> QWidget:
        page = QWidget()
        self.counts_label = QLabel()
        self.counts_label.setObjectName("previewCounts")
        self.preview_model = ImportPreviewModel(self)
        table = QTableView()
        table.setModel(self.preview_model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.horizontalHeader().setStretchLastSection(True)
        for column, width in (
            (COL_ROW, 56),
            (COL_VERDICT, 110),
            (COL_NIK, 150),
            (COL_NAME, 170),
            (COL_VILLAGE, 140),
        ):
            table.setColumnWidth(column, width)
        self.preview_table = table
        self.row_reasons = HintLabel()
        self.row_reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.update_radio = QRadioButton(self.tr("&Perbarui datanya dengan isi berkas"))
        self.skip_radio = QRadioButton(self.tr("Le&wati, biarkan data yang ada"))
        self.update_radio.setChecked(True)
        self.existing_group = QButtonGroup(self)
        self.existing_group.addButton(self.update_radio)
        self.existing_group.addButton(self.skip_radio)
        existing = QHBoxLayout()
        existing.addWidget(QLabel(self.tr("NIK yang sudah terdaftar:")))
        existing.addWidget(self.update_radio)
        existing.addWidget(self.skip_radio)
        existing.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.counts_label)
        layout.addWidget(table, 1)
        layout.addWidget(self.row_reasons)
        layout.addLayout(existing)
        layout.addWidget(
            HintLabel(
                self.tr(
                    "Baris yang ditolak tidak diimpor. Setelah impor, simpan laporan baris "
                    "ditolak, perbaiki isinya, lalu impor laporan itu lagi."
                )
            )
        )
        return page

    def _build_done_page(self) -> QWidget:
        page = QWidget()
        self.summary_label = QLabel()
        self.summary_label.setObjectName("importSummary")
        self.summary_label.setWordWrap(True)
        self.report_button = QPushButton(self.tr("&Simpan laporan baris ditolak…"))
        self.report_button.clicked.connect(self.save_report)
        self.report_hint = HintLabel()
        self.report_hint.setText(
            self.tr(
                "Laporan itu berisi baris yang ditolak apa adanya, dengan nomor baris dan "
                "alasannya. Perbaiki isinya, lalu impor laporan itu lagi: pilihan kolom yang "
                "sama dipakai, dan baris yang sudah masuk tidak berubah."
            )
        )
        row = QHBoxLayout()
        row.addWidget(self.report_button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary_label)
        layout.addSpacing(8)
        layout.addLayout(row)
        layout.addWidget(self.report_hint)
        layout.addStretch(1)
        return page

    # ---- navigation ----------------------------------------------------------------------

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        titles = {
            PAGE_FILE: self.tr("Langkah 1 dari 3: pilih berkas"),
            PAGE_MAPPING: self.tr("Langkah 2 dari 3: periksa kolom"),
            PAGE_PREVIEW: self.tr("Langkah 3 dari 3: periksa setiap baris"),
            PAGE_DONE: self.tr("Impor selesai"),
        }
        self.step_label.setText(titles[page])
        if page == PAGE_PREVIEW and self._preview is not None:
            accepted = len(self._preview.accepted)
            self.next_button.setText(self.tr("&Impor {count} baris").format(count=number(accepted)))
        elif page == PAGE_DONE:
            self.next_button.setText(self.tr("&Selesai"))
        else:
            self.next_button.setText(self.tr("&Lanjut >"))
        self.back_button.setVisible(page in (PAGE_MAPPING, PAGE_PREVIEW))
        self.cancel_button.setVisible(page != PAGE_DONE)
        self._update_buttons()

    def _update_buttons(self) -> None:
        page = self.pages.currentIndex()
        if page == PAGE_FILE:
            ready = self._path is not None
        elif page == PAGE_MAPPING:  # the NIK column must be known to go on
            ready = self._preview is not None and self._preview.mapping.get("nik") is not None
        elif page == PAGE_PREVIEW:
            ready = self._preview is not None and bool(self._preview.accepted)
        else:
            ready = True
        self.next_button.setEnabled(ready and not self._busy)
        self.back_button.setEnabled(not self._busy)
        self.choose_button.setEnabled(not self._busy)

    def back(self) -> None:
        """Go to the previous page."""
        self._show_page(max(PAGE_FILE, self.pages.currentIndex() - 1))

    def next(self) -> None:
        """Go on: read the file, confirm the columns, import, or close at the end."""
        page = self.pages.currentIndex()
        if page == PAGE_FILE:
            self._read_file()
        elif page == PAGE_MAPPING:
            self._remember_mapping()
            self._show_page(PAGE_PREVIEW)
        elif page == PAGE_PREVIEW:
            self._run_import()
        else:
            self.accept()

    # ---- step 1: the file ----------------------------------------------------------------

    def choose_file(self) -> None:
        """Ask for the spreadsheet to import."""
        start = str(self._path.parent) if self._path is not None else str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Pilih berkas peserta"),
            start,
            self.tr("Lembar kerja ({patterns});;Semua berkas (*)").format(
                patterns=SPREADSHEET_SUFFIXES
            ),
        )
        if name:
            self.set_path(Path(name))

    def set_path(self, path: Path) -> None:
        """Use *path* as the file to import."""
        self._path = path
        self._preview = None
        self.path_edit.setText(str(path))
        self._update_buttons()

    def _category(self) -> str | None:
        value = self.category_combo.currentData()
        return str(value) if value else None

    def _read_file(self) -> None:
        assert self._path is not None
        path, category = self._path, self._category()
        importer, memory = self._importer, self._memory

        def work(_progress: Any, _cancel: Any) -> ImportPreview:
            # need_nik=False: a NIK column with a name we do not know is picked by the user.
            preview = importer.preview(path, category=category, need_nik=False)
            remembered = memory.get(mapping_key(preview.header))
            if remembered is not None and remembered != preview.mapping:
                preview = importer.preview(
                    path, category=category, mapping=remembered, need_nik=False
                )
            return preview

        self._start_preview(work, first=True)

    def _start_preview(self, work: Callable[[Any, Any], ImportPreview], *, first: bool) -> None:
        self._generation += 1
        generation = self._generation
        self._busy = True
        self._update_buttons()
        self.mapping_counts.setText(self.tr("Membaca berkas…"))

        def done(preview: ImportPreview) -> None:
            if generation != self._generation:
                return
            self._preview = preview
            self._show_preview(preview)
            if first:
                self._show_page(PAGE_MAPPING)
            self.previewReady.emit()

        def failed(error: BaseException) -> None:
            if generation != self._generation:
                return
            if first:
                show_error(self, error, title=self.tr("Impor peserta"))
            else:
                self._preview = None
                text = error_text(error) if isinstance(error, DomainError) else str(error)
                self.mapping_counts.setText(text)
                self._update_buttons()
            self.previewFailed.emit(
                error_text(error) if isinstance(error, DomainError) else str(error)
            )

        def finished() -> None:
            if generation == self._generation:
                self._busy = False
                self._update_buttons()

        Job(self, work, title=self.tr("Membaca berkas"), cancellable=False).on_done(done).on_error(
            failed
        ).on_finished(finished).start()

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.row_reasons.clear()
            return
        reasons = self.preview_model.index(current.row(), COL_REASONS).data()
        row = self.preview_model.index(current.row(), COL_ROW).data()
        self.row_reasons.setText(
            self.tr("Baris {row}: {reasons}").format(row=row, reasons=reasons) if reasons else ""
        )

    # ---- step 2: the columns -------------------------------------------------------------

    def _show_preview(self, preview: ImportPreview) -> None:
        self._fill_mapping_table(preview)
        self.preview_model.set_preview(preview)
        self.row_reasons.clear()
        counts = self._counts_text(preview)
        self.mapping_counts.setText(counts)
        self.counts_label.setText(counts)
        self._show_page(self.pages.currentIndex())

    def _counts_text(self, preview: ImportPreview) -> str:
        return self.tr("{rows} baris: ok {ok} · peringatan {warning} · ditolak {error}").format(
            rows=number(len(preview.rows)),
            ok=number(preview.counts.ok),
            warning=number(preview.counts.warning),
            error=number(preview.counts.error),
        )

    def _fill_mapping_table(self, preview: ImportPreview) -> None:
        header = list(preview.header)
        width = max(len(header), *(len(r.cells) for r in preview.rows[:50]), 0)
        while width and not any(
            _cell(cells, width - 1) for cells in [header, *(r.cells for r in preview.rows[:50])]
        ):
            width -= 1
        by_column = {column: name for name, column in preview.mapping.columns.items()}
        table = self.mapping_table
        table.setRowCount(width)
        for column in range(width):
            letter = QTableWidgetItem(_column_letter(column))
            letter.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(column, 0, letter)
            table.setItem(column, 1, QTableWidgetItem(_cell(header, column)))
            sample = next(
                (_cell(r.cells, column) for r in preview.rows if _cell(r.cells, column)), ""
            )
            if column == preview.mapping.get("nik"):
                nik = next((r.values["nik"] for r in preview.rows if r.values.get("nik")), "")
                sample = masked_nik(str(nik) or sample)
            table.setItem(column, 2, QTableWidgetItem(sample))
            combo = table.cellWidget(column, 3)
            if not isinstance(combo, QComboBox):
                combo = QComboBox()
                combo.addItem(self.tr("(abaikan)"), None)
                for name in FIELDS:
                    combo.addItem(translate("RosterField", FIELD_LABELS[name]), name)
                combo.currentIndexChanged.connect(lambda _i, c=column: self._column_changed(c))
                table.setCellWidget(column, 3, combo)
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(by_column.get(column))))
            combo.blockSignals(False)
        compact_rows(table)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 16)
        remembered = self._memory.get(mapping_key(preview.header)) == preview.mapping
        if preview.mapping.get("nik") is None:
            hint = self.tr(
                "Kolom NIK tidak dikenali dari judulnya (baris {row}). Pilih NIK pada kolom "
                "yang berisi NIK, lalu periksa kolom lainnya."
            ).format(row=preview.header_row)
        else:
            hint = self.tr(
                "Baris judul kolom ditemukan di baris {row}. Periksa isi tiap kolom dan "
                "perbaiki bila tebakannya salah; pilih (abaikan) untuk kolom yang tidak "
                "diimpor."
            ).format(row=preview.header_row)
        if remembered:
            hint += " " + self.tr(
                "Pilihan kolom yang Anda simpan untuk judul yang sama sudah dipakai."
            )
        self.mapping_hint.setText(hint)

    def mapping_combo(self, column: int) -> QComboBox:
        """The field chooser of a spreadsheet column (0-based)."""
        combo = self.mapping_table.cellWidget(column, 3)
        assert isinstance(combo, QComboBox)
        return combo

    def current_mapping(self) -> ColumnMapping:
        """The mapping the column choosers describe."""
        mapping = ColumnMapping()
        for column in range(self.mapping_table.rowCount()):
            name = self.mapping_combo(column).currentData()
            if name:
                mapping = mapping.with_column(str(name), column)
        return mapping

    def _column_changed(self, column: int) -> None:
        name = self.mapping_combo(column).currentData()
        if name:  # a field maps to one column: clear it where it was before
            for other in range(self.mapping_table.rowCount()):
                combo = self.mapping_combo(other)
                if other != column and combo.currentData() == name:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        mapping = self.current_mapping()
        if self._path is None:
            return
        path, category, importer = self._path, self._category(), self._importer
        self._start_preview(
            lambda _p, _c: importer.preview(
                path, category=category, mapping=mapping, need_nik=False
            ),
            first=False,
        )

    def _remember_mapping(self) -> None:
        if self._preview is None:
            return
        self._memory.remember(mapping_key(self._preview.header), self._preview.mapping)
        with contextlib.suppress(OSError):  # remembering is a convenience, never a blocker
            self._memory.save()

    # ---- step 3: import ------------------------------------------------------------------

    def existing_policy(self) -> str:
        """What to do with NIKs already in the database: "update" or "skip"."""
        return "skip" if self.skip_radio.isChecked() else "update"

    def _run_import(self) -> None:
        preview = self._preview
        assert preview is not None
        importer, actor = self._importer, self._actor
        skip = self.skip_radio.isChecked()
        self._busy = True
        self._update_buttons()

        def finished() -> None:
            self._busy = False
            self._update_buttons()

        # Cancel or failure: the Job shows the message ("Dibatalkan. Tidak ada data yang
        # diubah.") and the wizard stays on the preview, ready to try again.
        Job(
            self,
            lambda progress, cancel: importer.run(
                preview,
                actor=actor,
                existing="skip" if skip else "update",
                progress=progress,
                cancel=cancel,
            ),
            title=self.tr("Impor peserta"),
        ).on_done(self._imported).on_finished(finished).start()

    def _imported(self, result: ImportResult) -> None:
        self._result = result
        lines = [
            self.tr("{count} peserta baru diimpor.").format(count=number(result.imported)),
            self.tr("{count} peserta diperbarui.").format(count=number(result.updated)),
            self.tr("{count} peserta tidak berubah.").format(count=number(result.unchanged)),
        ]
        if result.skipped:
            lines.append(
                self.tr("{count} NIK yang sudah terdaftar dilewati.").format(
                    count=number(result.skipped)
                )
            )
        lines.append(self.tr("{count} baris ditolak.").format(count=number(len(result.rejected))))
        self.summary_label.setText("\n".join(lines))
        self.report_button.setVisible(bool(result.rejected))
        self.report_hint.setVisible(bool(result.rejected))
        self._show_page(PAGE_DONE)
        self.imported.emit(result)

    # ---- step 4: the report --------------------------------------------------------------

    def save_report(self) -> None:
        """Write the rejected rows to an XLSX the user can fix and import again."""
        result = self._result
        if result is None or not result.rejected:
            return
        source = self._path or Path.home() / "peserta.xlsx"
        suggested = source.with_name(self.tr("{name}-ditolak.xlsx").format(name=source.stem))
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Simpan laporan baris ditolak"),
            str(suggested),
            self.tr("Buku kerja Excel (*.xlsx)"),
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        title = self.tr("Laporan baris ditolak")
        try:
            write_error_report(path, result.header, result.rejected)
        except OSError as exc:
            messages.warn(
                self,
                title,
                self.tr("Laporan tidak dapat disimpan ke {file}: {error}").format(
                    file=path, error=exc.strerror or exc
                ),
            )
            return
        messages.inform(
            self,
            title,
            self.tr("{count} baris ditolak disimpan ke {file}.").format(
                count=number(len(result.rejected)), file=path
            ),
        )

    # ---- state for the tab and tests -----------------------------------------------------

    @property
    def preview(self) -> ImportPreview | None:
        """The preview shown, if any."""
        return self._preview

    @property
    def import_result(self) -> ImportResult | None:
        """What the import did, once it has run."""
        return self._result

    @property
    def busy(self) -> bool:
        """True while a preview or the import runs."""
        return self._busy

    def reject(self) -> None:
        """Close, unless work is running (its progress dialog offers Cancel)."""
        if self._busy:
            return
        super().reject()


def _column_letter(index: int) -> str:
    """The spreadsheet column name of a 0-based index: 0 → A, 27 → AB."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
