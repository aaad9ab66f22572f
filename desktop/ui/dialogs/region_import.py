"""Importing a region list: choosing the file, the job, and the summary of what happened."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.findings import QT_TRANSLATE_NOOP
from desktop.services.regions import RegionImportResult
from desktop.ui.dialogs.sizing import open_size
from desktop.ui.i18n import finding_text, number, translate
from desktop.ui.widgets import HintLabel, compact_rows, heading_label

MAX_SHOWN_PROBLEMS = 100
REGION_FILE_SUFFIXES = ("csv", "xlsx", "xls", "ods")
PROBLEM_COLUMNS = (
    QT_TRANSLATE_NOOP("RegionImportSummary", "Baris"),
    QT_TRANSLATE_NOOP("RegionImportSummary", "Alasan ditolak"),
)


def region_file_filter() -> str:
    """The file-dialog filter for region lists."""
    patterns = " ".join(f"*.{suffix}" for suffix in REGION_FILE_SUFFIXES)
    return translate("RegionImportSummary", "Data wilayah ({patterns});;Semua berkas (*)").format(
        patterns=patterns
    )


class RegionImportSummaryDialog(QDialog):
    """What a region import added, renamed, left alone and refused (with the reasons)."""

    def __init__(
        self, result: RegionImportResult, file_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hasil impor data wilayah"))
        self.setMinimumWidth(520)
        self.import_result = result
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.tr("Impor data wilayah selesai"), 1.25))
        source = HintLabel(self.tr("Berkas: {file}").format(file=file_name))
        source.setObjectName("sourceFile")
        layout.addWidget(source)

        figures = QFormLayout()
        self.count_labels: dict[str, QLabel] = {}
        rows = (
            ("added", self.tr("Ditambahkan:"), result.added),
            ("updated", self.tr("Diperbarui (nama berubah):"), result.updated),
            ("unchanged", self.tr("Tidak berubah:"), result.unchanged),
            ("rejected", self.tr("Ditolak:"), len(result.rejected)),
        )
        for key, caption, value in rows:
            label = QLabel(number(value))
            label.setObjectName(f"count_{key}")
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.count_labels[key] = label
            figures.addRow(caption, label)
        figures_box = QWidget()
        figures_box.setLayout(figures)
        figures_box.setMaximumWidth(340)
        layout.addWidget(figures_box)

        self.problems = QTableWidget(0, len(PROBLEM_COLUMNS))
        if result.rejected:
            shown = result.rejected[:MAX_SHOWN_PROBLEMS]
            layout.addWidget(
                QLabel(self.tr("Baris yang ditolak tidak disimpan. Perbaiki lalu impor lagi:"))
            )
            self.problems.setHorizontalHeaderLabels(
                [translate("RegionImportSummary", c) for c in PROBLEM_COLUMNS]
            )
            self.problems.verticalHeader().setVisible(False)
            self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.problems.setWordWrap(True)
            compact_rows(self.problems)
            header = self.problems.horizontalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            self.problems.setRowCount(len(shown))
            for row, problem in enumerate(shown):
                # As the spreadsheet shows it (no grouping), as the roster import does.
                line = QTableWidgetItem(str(problem.row))
                line.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                reason = QTableWidgetItem(finding_text(problem.finding))
                reason.setToolTip(reason.text())
                self.problems.setItem(row, 0, line)
                self.problems.setItem(row, 1, reason)
            self.problems.resizeRowsToContents()
            # Reasons wrap to the reason column's width: row heights follow it.
            header.sectionResized.connect(lambda *_: self.problems.resizeRowsToContents())
            layout.addWidget(self.problems, 1)
            hidden = len(result.rejected) - len(shown)
            if hidden > 0:
                layout.addWidget(
                    HintLabel(
                        self.tr("… dan {count} baris lain yang ditolak.").format(
                            count=number(hidden)
                        )
                    )
                )
        else:
            self.problems.setVisible(False)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        close.setFocus()  # Enter closes; the table is read, not worked in
        if result.rejected:
            # Room for the reasons: wide, and tall enough for a dozen rows, within the screen.
            open_size(self, 980, 680)
        else:
            open_size(self, 560)
