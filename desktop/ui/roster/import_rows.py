"""The rows of an import, as the wizard lists them: the model, and a view with its details.

Every row shows its row number as the spreadsheet shows it, the name and the NIK as the file
holds them (the clerk's own data, shown in full as the roster shows NIKs, so that a rejected
row can be found in a file of 20,000), and the reasons in the user's language. A long reason
is cut in its cell; the cell's tooltip and the pane under the table hold it in full.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.findings import QT_TRANSLATE_NOOP
from desktop.spreadsheets.columns import ColumnMapping
from desktop.spreadsheets.reader import Cell, cell_text
from desktop.spreadsheets.roster_rows import RowVerdict
from desktop.ui.i18n import finding_text, number, translate

PREVIEW_COLUMNS = (
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Baris"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Hasil"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "NIK"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Nama"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Desa/kelurahan"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Alasan"),
)
COL_ROW, COL_VERDICT, COL_NIK, COL_NAME, COL_VILLAGE, COL_REASONS = range(len(PREVIEW_COLUMNS))
# Before the import: what will happen to the row. "ditolak" is the word of every result.
VERDICT_TEXT = {
    "ok": QT_TRANSLATE_NOOP("ImportPreviewModel", "akan diimpor"),
    "warning": QT_TRANSLATE_NOOP("ImportPreviewModel", "akan diimpor, periksa"),
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
FileRowRole = Qt.ItemDataRole.UserRole + 2  # the row number in the file, as an int

# Which rows a view lists: every row, the rejected ones, the ones to look at again.
SHOW_ALL, SHOW_REJECTED, SHOW_WARNED = None, "error", "warning"
# Widest the name and village columns grow to, in average characters.
NAME_CHARS, VILLAGE_CHARS = 30, 22
# … or this share of the table's width when it is wider.
NAME_SHARE, VILLAGE_SHARE = 0.24, 0.16
# Up to this many rows listed, the reasons wrap in their cells (rows as high as they need);
# beyond, rows keep one line and the tooltip and the pane below hold the reasons in full.
WRAP_ROWS = 200
ROW_PADDING = 6  # pixels added to the height of a wrapped row
DETAIL_LINES = 4  # the details pane is this many lines high, whatever the row says

AnyIndex = QModelIndex | QPersistentModelIndex


def cell_at(cells: Sequence[Cell], column: int | None) -> str:
    """The text of the cell in *column* (0-based), "" when there is none."""
    if column is None or column >= len(cells):
        return ""
    value = cells[column]
    if isinstance(value, float) and value.is_integer() and abs(value) >= 1e9:
        return str(int(value))  # a long number cell (NIK, KPJ) as the user typed its digits
    return cell_text(value).strip()


def reasons_text(verdict: RowVerdict, separator: str = " ") -> str:
    """A row's findings in the user's language, errors first."""
    ordered = sorted(verdict.findings, key=lambda f: not f.is_error)
    return separator.join(finding_text(f) for f in ordered)


class ImportPreviewModel(QAbstractTableModel):
    """The rows of an import with their verdicts, all of them or one verdict only.

    The rows are only read, never copied; the reasons are rendered when first shown.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: Sequence[RowVerdict] = ()
        self._mapping = ColumnMapping()
        self._shown: list[int] | None = None  # indexes into _rows; None: every row
        self._only: str | None = SHOW_ALL
        self._reasons: dict[int, str] = {}

    # -- what is shown ---------------------------------------------------------------------

    def set_rows(self, rows: Sequence[RowVerdict], mapping: ColumnMapping) -> None:
        """Show *rows*, whose cells *mapping* describes."""
        self.beginResetModel()
        self._rows = rows
        self._mapping = mapping
        self._reasons = {}
        self._shown = self._select(self._only)
        self.endResetModel()

    def set_preview(self, preview: Any) -> None:
        """Show the rows of an ImportPreview (None: nothing)."""
        if preview is None:
            self.set_rows((), ColumnMapping())
        else:
            self.set_rows(preview.rows, preview.mapping)

    def show_only(self, verdict: str | None) -> None:
        """List the rows of one verdict ("error", "warning"), or every row (None)."""
        self.beginResetModel()
        self._only = verdict
        self._shown = self._select(verdict)
        self.endResetModel()

    def _select(self, verdict: str | None) -> list[int] | None:
        if verdict is None:
            return None
        return [i for i, row in enumerate(self._rows) if row.verdict == verdict]

    @property
    def shown_verdict(self) -> str | None:
        """The verdict the rows are limited to, None when every row is listed."""
        return self._only

    def _at(self, row: int) -> int:
        return row if self._shown is None else self._shown[row]

    def verdict(self, row: int) -> RowVerdict:
        """The verdict shown on *row* (a row of the model, not of the file)."""
        return self._rows[self._at(row)]

    def row_of_file(self, file_row: int) -> int | None:
        """The model row that lists the file's row *file_row*, None when not listed."""
        for row in range(self.rowCount()):
            if self.verdict(row).row == file_row:
                return row
        return None

    # -- the parts of a row ----------------------------------------------------------------

    def nik(self, row: int) -> str:
        """The NIK of *row* in full: the value read, else the cell as the file has it."""
        verdict = self.verdict(row)
        return str(verdict.values.get("nik") or cell_at(verdict.cells, self._mapping.get("nik")))

    def name(self, row: int) -> str:
        """The name of *row*: the value read, else the cell as the file has it."""
        verdict = self.verdict(row)
        return str(verdict.values.get("name") or cell_at(verdict.cells, self._mapping.get("name")))

    def village(self, row: int) -> str:
        """The village cell of *row* as the file has it."""
        return cell_at(self.verdict(row).cells, self._mapping.get("village"))

    def reasons(self, row: int) -> str:
        """Every reason of *row*, in the user's language, errors first."""
        index = self._at(row)
        text = self._reasons.get(index)
        if text is None:
            text = reasons_text(self._rows[index])
            self._reasons[index] = text
        return text

    # -- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self._rows) if self._shown is None else len(self._shown)

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

    def _text(self, row: int, column: int) -> str:
        if column == COL_ROW:
            return str(self.verdict(row).row)  # as the spreadsheet shows it: no grouping
        if column == COL_VERDICT:
            return translate("ImportPreviewModel", VERDICT_TEXT[self.verdict(row).verdict])
        if column == COL_NIK:
            return self.nik(row)
        if column == COL_NAME:
            return self.name(row)
        if column == COL_VILLAGE:
            return self.village(row)
        return self.reasons(row)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row, column = index.row(), index.column()
        verdict = self.verdict(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == VerdictRole:
            return verdict.verdict
        if role == FileRowRole:
            return verdict.row
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = VERDICT_BACKGROUND.get(verdict.verdict)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(VERDICT_FOREGROUND) if verdict.verdict != "ok" else None
        if role == Qt.ItemDataRole.DecorationRole and column == COL_VERDICT:
            return _verdict_icon(verdict.verdict)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_ROW:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole and column != COL_ROW:
            text = self._text(row, column)
            # Rich text: Qt wraps it, where a long plain line would run off the screen.
            return f"<p>{html.escape(text)}</p>" if text else None
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


class _RoomyDelegate(QStyledItemDelegate):
    """Cells a little taller than their text, so that wrapped rows do not touch."""

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + ROW_PADDING)


class RowsView(QWidget):
    """A list of import rows: which rows to show, the table, and the chosen row in full.

    The pane under the table keeps its height whatever it says, so that nothing moves when
    another row is chosen.
    """

    def __init__(self, *, choices: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ImportPreviewModel(self)
        self.show_combo = QComboBox()
        self.show_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.show_combo.currentIndexChanged.connect(self._show_chosen)
        self.show_label = QLabel(self.tr("&Tampilkan:"))
        self.show_label.setBuddy(self.show_combo)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.show_label)
        top.addWidget(self.show_combo)
        top.addStretch(1)
        self.show_label.setVisible(choices)
        self.show_combo.setVisible(choices)

        table = QTableView()
        table.setModel(self.model)
        table.setItemDelegate(_RoomyDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(40)
        header.setResizeContentsPrecision(500)
        self.table = table

        self.details = QLabel()
        self.details.setObjectName("rowDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMargin(6)
        scroll = QScrollArea()
        scroll.setWidget(self.details)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFixedHeight(self.fontMetrics().lineSpacing() * DETAIL_LINES + 16)
        self.details_scroll = scroll
        table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.model.modelReset.connect(self._row_chosen_none)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(table, 1)
        layout.addWidget(scroll)
        self._row_chosen_none()

    # -- rows ------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[RowVerdict], mapping: ColumnMapping) -> None:
        """List *rows* and offer to show every row or one verdict, by their counts."""
        counts = {"error": 0, "warning": 0}
        for row in rows:
            if row.verdict in counts:
                counts[row.verdict] += 1
        self.model.set_rows(rows, mapping)
        combo = self.show_combo
        wanted = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Semua baris ({count})").format(count=number(len(rows))), SHOW_ALL)
        if counts["error"]:
            combo.addItem(
                self.tr("Hanya yang ditolak ({count})").format(count=number(counts["error"])),
                SHOW_REJECTED,
            )
        if counts["warning"]:
            combo.addItem(
                self.tr("Hanya yang perlu diperiksa ({count})").format(
                    count=number(counts["warning"])
                ),
                SHOW_WARNED,
            )
        found = combo.findData(wanted)
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)
        self.model.show_only(combo.currentData())
        self._rows_changed()

    def showEvent(self, event: QShowEvent) -> None:
        """Size the columns to the width the table has now that it is laid out."""
        super().showEvent(event)
        self.fit_columns()
        current = self.table.currentIndex()
        if current.isValid():  # chosen before the table had its size: bring it into view
            self.table.scrollTo(current, QAbstractItemView.ScrollHint.PositionAtCenter)

    def show_only(self, verdict: str | None) -> None:
        """List only the rows of *verdict* ("error", "warning"), or every row (None)."""
        found = self.show_combo.findData(verdict)
        if found >= 0 and found != self.show_combo.currentIndex():
            self.show_combo.setCurrentIndex(found)
        elif found < 0:
            self.model.show_only(verdict)
            self._rows_changed()

    def _show_chosen(self, _index: int) -> None:
        chosen = self.chosen_file_row()
        self.model.show_only(self.show_combo.currentData())
        self._rows_changed()
        if chosen is not None:
            self.select_file_row(chosen)

    def chosen_file_row(self) -> int | None:
        """The file's row number of the chosen row, None when none is chosen."""
        current = self.table.currentIndex()
        return self.model.verdict(current.row()).row if current.isValid() else None

    def _rows_changed(self) -> None:
        """Size the columns, and wrap the reasons when the rows listed are few."""
        few = self.model.rowCount() <= WRAP_ROWS
        self.table.setWordWrap(few)
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents if few else QHeaderView.ResizeMode.Fixed
        )
        self.fit_columns()

    def fit_columns(self) -> None:
        """Size the columns to what they hold; the reasons take the rest of the width.

        The row numbers and verdicts are measured at their widest, the other columns on the
        rows listed (Qt samples a few hundred of them), a full NIK at least.
        """
        table, model = self.table, self.model
        metrics = table.fontMetrics()
        padding = 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
        header = table.horizontalHeader()

        def title(column: int) -> int:
            text = str(model.headerData(column, Qt.Orientation.Horizontal))
            return header.fontMetrics().horizontalAdvance(text) + padding + 8

        last = model.verdict(model.rowCount() - 1).row if model.rowCount() else 0
        icon = 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        widths = {
            COL_ROW: max(title(COL_ROW), metrics.horizontalAdvance(str(last)) + padding),
            COL_VERDICT: max(
                title(COL_VERDICT),
                *(
                    metrics.horizontalAdvance(translate("ImportPreviewModel", text))
                    + icon  # the icon and the room around it
                    + metrics.height()
                    + padding
                    for text in VERDICT_TEXT.values()
                ),
            ),
        }
        nik = metrics.horizontalAdvance("0" * 16) + padding
        room = table.viewport().width()
        caps = {
            COL_NAME: max(metrics.averageCharWidth() * NAME_CHARS, round(room * NAME_SHARE)),
            COL_VILLAGE: max(
                metrics.averageCharWidth() * VILLAGE_CHARS, round(room * VILLAGE_SHARE)
            ),
        }
        for column in (COL_NIK, COL_NAME, COL_VILLAGE):
            table.resizeColumnToContents(column)
            width = max(table.columnWidth(column), title(column))
            if column == COL_NIK:
                width = max(width, nik)
            widths[column] = min(width, caps.get(column, width))
        for column, width in widths.items():
            if not table.isColumnHidden(column):
                table.setColumnWidth(column, width)

    def select_file_row(self, file_row: int) -> bool:
        """Choose the row the file numbers *file_row*; False when it is not listed."""
        row = self.model.row_of_file(file_row)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    # -- the chosen row --------------------------------------------------------------------

    def _row_chosen_none(self) -> None:
        self.details.setText(self.tr("Pilih satu baris untuk membaca alasannya selengkapnya."))
        self.details.setEnabled(False)

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self._row_chosen_none()
            return
        row = current.row()
        verdict = self.model.verdict(row)
        name = self.model.name(row) or self.tr("(tanpa nama)")
        nik = self.model.nik(row) or self.tr("(kosong)")
        head = self.tr("Baris {row} · {name} · NIK {nik}").format(
            row=verdict.row, name=name, nik=nik
        )
        reasons = reasons_text(verdict, "\n• ")
        self.details.setEnabled(True)
        self.details.setText(f"{head}\n• {reasons}" if reasons else head)
