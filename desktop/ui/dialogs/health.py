"""The result of Berkas → Periksa basis data."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.findings import QT_TRANSLATE_NOOP
from desktop.services.health import HealthReport
from desktop.ui.i18n import finding_text, number, translate
from desktop.ui.labels import ordered_tables, table_label
from desktop.ui.widgets import compact_rows, heading_label, read_only_table

COUNT_COLUMNS = (
    QT_TRANSLATE_NOOP("HealthReportDialog", "Data"),
    QT_TRANSLATE_NOOP("HealthReportDialog", "Jumlah baris"),
)


class HealthReportDialog(QDialog):
    """Sound or not, the problems found, the schema and the row counts."""

    repairRequested = Signal()

    def __init__(self, report: HealthReport, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Pemeriksaan basis data"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        if report.sound:
            verdict = self.tr("Basis data {file} sehat.").format(file=file_name)
            color = "#1b6e20"
        else:
            verdict = self.tr("Basis data {file}: ditemukan {count} masalah.").format(
                file=file_name, count=number(len(report.problems))
            )
            color = "#b3261e"
        self.verdict = heading_label(verdict, 1.25)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setStyleSheet(f"color: {color};")
        layout.addWidget(self.verdict)
        self.problem_list = QListWidget()
        # Long messages wrap (they say what to do: nothing may be cut off).
        self.problem_list.setWordWrap(True)
        self.problem_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.problem_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if report.problems or report.notices:
            self.problem_list.addItems(
                [finding_text(p) for p in (*report.problems, *report.notices)]
            )
            self.problem_list.setMaximumHeight(160)
            layout.addWidget(self.problem_list)
            layout.addWidget(
                QLabel(
                    self.tr(
                        "Simpan salinan berkas ini dan laporkan masalahnya ke petugas teknis "
                        "sebelum bekerja lebih lanjut."
                    )
                )
            )
        else:
            self.problem_list.setVisible(False)

        facts = QFormLayout()
        revision = report.schema_revision or self.tr("(kosong)")
        if report.schema_revision == report.schema_head:
            schema = self.tr("{revision} (terbaru)").format(revision=revision)
        else:
            schema = self.tr("{revision} (terbaru: {head})").format(
                revision=revision, head=report.schema_head
            )
        facts.addRow(self.tr("Versi skema:"), QLabel(schema))
        facts.addRow(self.tr("Versi SQLite:"), QLabel(report.sqlite_version))
        facts.addRow(self.tr("Mode jurnal:"), QLabel(report.journal_mode.upper()))
        layout.addLayout(facts)

        self.counts = QTableWidget(0, len(COUNT_COLUMNS))
        self.counts.setHorizontalHeaderLabels(
            [translate("HealthReportDialog", c) for c in COUNT_COLUMNS]
        )
        self.counts.setAlternatingRowColors(True)
        compact_rows(self.counts)
        read_only_table(self.counts)
        header = self.counts.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        names = ordered_tables(report.counts)
        self.counts.setRowCount(len(names))
        for row, name in enumerate(names):
            label = QTableWidgetItem(table_label(name))
            label.setToolTip(name)
            count = QTableWidgetItem(number(report.counts[name]))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.counts.setItem(row, 0, label)
            self.counts.setItem(row, 1, count)
        layout.addWidget(self.counts)

        buttons = QDialogButtonBox()
        # Workers this laptop created in another kecamatan: the one problem the window can
        # repair (the hub refuses every bundle that carries them).
        self.repair_button = buttons.addButton(
            self.tr("&Perbaiki…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.repair_button.setVisible(any(p.code == "check.misplaced" for p in report.problems))
        self.repair_button.clicked.connect(self.repairRequested)
        close = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
