"""The Laporan tab: for now the number of rows in every table of the database."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.findings import QT_TRANSLATE_NOOP
from desktop.ui.i18n import number, translate
from desktop.ui.labels import ordered_tables, table_label
from desktop.ui.widgets import HintLabel, compact_rows, heading_label, read_only_table

COLUMNS = (
    QT_TRANSLATE_NOOP("ReportsTab", "Data"),
    QT_TRANSLATE_NOOP("ReportsTab", "Jumlah baris"),
)
COL_TABLE, COL_COUNT = range(len(COLUMNS))


class ReportsTab(QWidget):
    """Row counts per table; coverage reports come later."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("ReportsTab", c) for c in COLUMNS])
        self.table.setAlternatingRowColors(True)
        compact_rows(self.table)
        read_only_table(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TABLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_COUNT, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMaximumWidth(520)
        hint = HintLabel(
            self.tr(
                "Laporan cakupan per kecamatan dan kategori terhadap target akan tersedia "
                "di tab ini. Sementara ini tab ini menunjukkan isi basis data."
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(heading_label(self.tr("Isi basis data")))
        layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addStretch(1)

    def update_counts(self, counts: Mapping[str, int]) -> None:
        """Show the row counts of the database (from HealthService.counts)."""
        names = ordered_tables(dict(counts))
        self.table.setRowCount(len(names))
        for row, name in enumerate(names):
            label = QTableWidgetItem(table_label(name))
            label.setToolTip(name)
            count = QTableWidgetItem(number(counts[name]))
            if name == "worker":
                # Not the roster's figure: merged and deleted records keep their rows.
                tip = self.tr(
                    "Baris tabel peserta, termasuk data yang sudah digabung ke data lain atau "
                    "dihapus. Tab Peserta hanya menghitung peserta yang masih tercatat."
                )
                label.setToolTip(tip)
                count.setToolTip(tip)
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            count.setData(Qt.ItemDataRole.UserRole, counts[name])
            self.table.setItem(row, COL_TABLE, label)
            self.table.setItem(row, COL_COUNT, count)
