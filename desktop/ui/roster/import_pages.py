"""The four pages of the import wizard: the file, its columns, every row, and the result.

The pages only show what the wizard hands them and tell it what the user chose; reading the
file and importing it are the wizard's (see import_wizard).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.categories import Category
from desktop.services.roster_import import ImportPreview, ImportResult
from desktop.spreadsheets.columns import FIELD_LABELS, FIELDS, ColumnMapping
from desktop.spreadsheets.reader import Cell
from desktop.ui.i18n import number, translate
from desktop.ui.roster.import_rows import (
    COL_VERDICT,
    SHOW_ALL,
    SHOW_REJECTED,
    RowsView,
    cell_at,
)
from desktop.ui.widgets import HintLabel, compact_rows

SAMPLE_ROWS = 50  # rows read to find the used columns of the file
FIELD_COMBO_CHARS = 30  # the field choosers are this many average characters wide


def column_letter(index: int) -> str:
    """The spreadsheet column name of a 0-based index: 0 → A, 27 → AB."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def preview_counts(preview: ImportPreview) -> str:
    """One line of what a file would import: "11 baris: 6 akan diimpor … · 5 ditolak"."""
    counts = preview.counts
    if counts.warning:
        text = translate(
            "ImportPages",
            "{rows} baris: {accepted} akan diimpor ({warning} perlu diperiksa) · {error} ditolak",
        )
    else:
        text = translate("ImportPages", "{rows} baris: {accepted} akan diimpor · {error} ditolak")
    return text.format(
        rows=number(len(preview.rows)),
        accepted=number(counts.ok + counts.warning),
        warning=number(counts.warning),
        error=number(counts.error),
    )


class FilePage(QWidget):
    """Step 1: the file, and a category for rows that name none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("Belum ada berkas dipilih"))
        self.choose_button = QPushButton(self.tr("&Pilih berkas…"))
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
        layout = QVBoxLayout(self)
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

    def category(self) -> str | None:
        """The category chosen for the whole file, None for "from the file"."""
        value = self.category_combo.currentData()
        return str(value) if value else None


class MappingPage(QWidget):
    """Step 2: every column of the file, a sample of it and the field it fills."""

    columnChanged = Signal(int)  # the user chose another field for a column (0-based)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = HintLabel()
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Kolom"), self.tr("Judul di berkas"), self.tr("Contoh isi"), self.tr("Isi")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(3, self.fontMetrics().averageCharWidth() * FIELD_COMBO_CHARS)
        self.counts = QLabel()
        self.counts.setObjectName("mappingCounts")
        self.counts.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts)

    def show_preview(self, preview: ImportPreview, *, remembered: bool) -> None:
        """Fill the table from *preview*; *remembered*: its mapping is the one saved."""
        header = list(preview.header)
        samples: list[tuple[Cell, ...]] = [r.cells for r in preview.rows[:SAMPLE_ROWS]]
        width = max(len(header), *(len(cells) for cells in samples), 0)
        while width and not any(cell_at(cells, width - 1) for cells in [header, *samples]):
            width -= 1
        by_column = {column: name for name, column in preview.mapping.columns.items()}
        table = self.table
        table.setRowCount(width)
        for column in range(width):
            letter = QTableWidgetItem(column_letter(column))
            letter.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(column, 0, letter)
            title = QTableWidgetItem(cell_at(header, column))
            title.setToolTip(title.text())
            table.setItem(column, 1, title)
            sample = next(
                (cell_at(r.cells, column) for r in preview.rows if cell_at(r.cells, column)), ""
            )
            if column == preview.mapping.get("nik"):  # the NIK as read, in full
                sample = next(
                    (str(r.values["nik"]) for r in preview.rows if r.values.get("nik")), sample
                )
            item = QTableWidgetItem(sample)
            item.setToolTip(sample)
            table.setItem(column, 2, item)
            combo = table.cellWidget(column, 3)
            if not isinstance(combo, QComboBox):
                combo = QComboBox()
                combo.addItem(self.tr("(abaikan)"), None)
                for name in FIELDS:
                    combo.addItem(translate("RosterField", FIELD_LABELS[name]), name)
                combo.currentIndexChanged.connect(lambda _i, c=column: self._changed(c))
                table.setCellWidget(column, 3, combo)
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(by_column.get(column))))
            combo.blockSignals(False)
        compact_rows(table)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 16)
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
        self.hint.setText(hint)

    def combo(self, column: int) -> QComboBox:
        """The field chooser of a spreadsheet column (0-based)."""
        combo = self.table.cellWidget(column, 3)
        assert isinstance(combo, QComboBox)
        return combo

    def mapping(self) -> ColumnMapping:
        """The mapping the column choosers describe."""
        mapping = ColumnMapping()
        for column in range(self.table.rowCount()):
            name = self.combo(column).currentData()
            if name:
                mapping = mapping.with_column(str(name), column)
        return mapping

    def _changed(self, column: int) -> None:
        name = self.combo(column).currentData()
        if name:  # a field maps to one column: clear it where it was before
            for other in range(self.table.rowCount()):
                combo = self.combo(other)
                if other != column and combo.currentData() == name:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self.columnChanged.emit(column)


class PreviewPage(QWidget):
    """Step 3: every row with what will happen to it, and what to do with known NIKs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts = QLabel()
        self.counts.setObjectName("previewCounts")
        self.counts.setWordWrap(True)
        self.rows = RowsView()
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.rows, 1)
        layout.addLayout(existing)
        layout.addWidget(
            HintLabel(
                self.tr(
                    "Baris yang ditolak tidak diimpor. Setelah impor, simpan laporan baris "
                    "ditolak, perbaiki isinya, lalu impor laporan itu lagi."
                )
            )
        )

    def show_preview(self, preview: ImportPreview) -> None:
        """List the rows of *preview*; with rejected rows, open on the first of them."""
        self.counts.setText(preview_counts(preview))
        self.rows.set_rows(preview.rows, preview.mapping)
        if preview.counts.error and self.rows.show_combo.currentData() is SHOW_ALL:
            rejected = next(r.row for r in preview.rows if r.verdict == "error")
            self.rows.select_file_row(rejected)

    def existing_policy(self) -> str:
        """What to do with NIKs already in the database: "update" or "skip"."""
        return "skip" if self.skip_radio.isChecked() else "update"


class DonePage(QWidget):
    """The result: how many rows were added, updated, left as they were or rejected."""

    FIGURES = ("added", "updated", "unchanged", "skipped", "rejected")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        captions = {
            "added": self.tr("Ditambahkan:"),
            "updated": self.tr("Diperbarui:"),
            "unchanged": self.tr("Tidak berubah:"),
            "skipped": self.tr("Dilewati (NIK sudah terdaftar):"),
            "rejected": self.tr("Ditolak:"),
        }
        figures = QFormLayout()
        figures.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.count_labels: dict[str, QLabel] = {}
        self._captions: dict[str, QLabel] = {}
        for key in self.FIGURES:
            value = QLabel()
            value.setObjectName(f"count_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setMinimumWidth(self.fontMetrics().horizontalAdvance("000.000.000"))
            caption = QLabel(captions[key])
            figures.addRow(caption, value)
            self.count_labels[key] = value
            self._captions[key] = caption
        figures_row = QHBoxLayout()
        figures_row.addLayout(figures)
        figures_row.addStretch(1)

        self.rejected_label = QLabel(self.tr("Baris yang ditolak:"))
        self.rows = RowsView(choices=False)
        self.rows.table.setColumnHidden(COL_VERDICT, True)  # every row here is rejected
        self.report_button = QPushButton(self.tr("Simpan &laporan baris ditolak…"))
        self.report_hint = HintLabel(
            self.tr(
                "Laporan itu berisi baris yang ditolak apa adanya, dengan nomor baris dan "
                "alasannya. Perbaiki isinya, lalu impor laporan itu lagi: pilihan kolom yang "
                "sama dipakai, dan baris yang sudah masuk tidak berubah."
            )
        )
        report_row = QHBoxLayout()
        report_row.addWidget(self.report_button)
        report_row.addWidget(self.report_hint, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(figures_row)
        layout.addSpacing(8)
        layout.addWidget(self.rejected_label)
        layout.addWidget(self.rows, 1)
        layout.addLayout(report_row)
        self._stretch = QWidget()
        layout.addWidget(self._stretch, 1)

    def show_result(self, result: ImportResult, mapping: ColumnMapping, file_name: str) -> None:
        """Show what the import of *file_name* did."""
        self.summary.setText(self.tr("Impor dari berkas {file} selesai.").format(file=file_name))
        values = {
            "added": result.imported,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "skipped": result.skipped,
            "rejected": len(result.rejected),
        }
        for key, value in values.items():
            self.count_labels[key].setText(number(value))
        skipped = bool(result.skipped)
        self.count_labels["skipped"].setVisible(skipped)
        self._captions["skipped"].setVisible(skipped)
        rejected = bool(result.rejected)
        for widget in (self.rejected_label, self.rows, self.report_button, self.report_hint):
            widget.setVisible(rejected)
        self._stretch.setVisible(not rejected)
        self.rows.set_rows(result.rejected, mapping)
        self.rows.show_only(SHOW_REJECTED if rejected else SHOW_ALL)
        if rejected:
            self.rows.table.selectRow(0)
