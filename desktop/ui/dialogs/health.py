"""The result of Berkas → Periksa basis data.

Faults of the database (damage, a missing guard, an old schema: report them, restore a
backup) stand apart from notices (data a person must look at, such as two active records
of one NIK, settled in the app): each has its own heading, colour and advice.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QSizePolicy,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.findings import QT_TRANSLATE_NOOP, Finding
from desktop.domain.formatting import file_size as format_file_size
from desktop.domain.tables import TABLE_LABELS
from desktop.services.health import HealthReport
from desktop.ui.dialogs.form_rows import ERROR_COLOR, FormGrid
from desktop.ui.dialogs.sizing import open_size
from desktop.ui.i18n import number, translate, ui_language
from desktop.ui.labels import ordered_tables, table_label
from desktop.ui.widgets import HintLabel, compact_rows, heading_label, read_only_table

SOUND_COLOR = "#1b6e20"
NOTICE_COLOR = "#8a5300"
# A list of findings shows this many lines before it scrolls.
LIST_MAX_HEIGHT = 160

COUNT_COLUMNS = (
    QT_TRANSLATE_NOOP("HealthReportDialog", "Data"),
    QT_TRANSLATE_NOOP("HealthReportDialog", "Jumlah baris"),
)


def health_text(finding: Finding) -> str:
    """A finding of the check in the user's words: table names as the screens name them
    ("Peserta", not ``worker``) and counts with the locale's grouping."""
    params = dict(finding.params)
    if "tables" in params:
        params["tables"] = ", ".join(
            _table_words(name.strip()) for name in params["tables"].split(",") if name.strip()
        )
    if "table" in params:
        params["table"] = _table_words(params["table"])
    if params.get("count", "").isdigit():
        params["count"] = number(int(params["count"]))
    return translate("Finding", finding.template).format(**params)


def _table_words(name: str) -> str:
    if name in TABLE_LABELS:
        return table_label(name)
    # Already the Indonesian label (the service names some tables itself): translate it.
    return translate("Table", name)


class HealthReportDialog(QDialog):
    """Sound or not, the faults found, the notices, the schema and the row counts."""

    repairRequested = Signal()

    def __init__(
        self,
        report: HealthReport,
        file_name: str,
        parent: QWidget | None = None,
        *,
        file_size: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Pemeriksaan basis data"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        notices = [*report.notices]
        if report.read_only is not None:
            notices.append(report.read_only)
        if not report.sound:
            verdict = self.tr("Basis data {file}: ditemukan {count} masalah.").format(
                file=file_name, count=number(len(report.problems))
            )
            color = ERROR_COLOR
        elif notices:
            verdict = self.tr(
                "Basis data {file} sehat, tetapi ada {count} hal yang perlu diperiksa."
            ).format(file=file_name, count=number(len(notices)))
            color = NOTICE_COLOR
        else:
            verdict = self.tr("Basis data {file} sehat.").format(file=file_name)
            color = SOUND_COLOR
        self.verdict = heading_label(verdict, 1.25)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setStyleSheet(f"color: {color};")
        layout.addWidget(self.verdict)

        # Faults of the database.
        self.problem_heading = heading_label(self.tr("Masalah basis data"), 1.0)
        self.problem_heading.setObjectName("problemHeading")
        self.problem_heading.setStyleSheet(f"color: {ERROR_COLOR};")
        self.problem_list = _finding_list("problemList")
        self.problem_advice = HintLabel(
            self.tr(
                "Simpan salinan berkas ini dan laporkan masalahnya ke petugas teknis "
                "sebelum bekerja lebih lanjut."
            )
        )
        self.problem_advice.setObjectName("problemAdvice")
        self._add_section(
            layout,
            self.problem_heading,
            self.problem_list,
            self.problem_advice,
            [health_text(p) for p in report.problems],
        )

        # Notices: data to look at, no fault of the database.
        self.notice_heading = heading_label(self.tr("Perlu diperiksa"), 1.0)
        self.notice_heading.setObjectName("noticeHeading")
        self.notice_heading.setStyleSheet(f"color: {NOTICE_COLOR};")
        self.notice_list = _finding_list("noticeList")
        self.notice_advice = HintLabel(
            self.tr(
                "Ini bukan kerusakan basis data. Selesaikan di tempat yang disebut; "
                "pekerjaan lain dapat berjalan terus."
            )
        )
        self.notice_advice.setObjectName("noticeAdvice")
        self._add_section(
            layout,
            self.notice_heading,
            self.notice_list,
            self.notice_advice,
            [health_text(n) for n in notices],
        )

        facts = FormGrid()
        revision = report.schema_revision or self.tr("(kosong)")
        if report.schema_revision == report.schema_head:
            schema = self.tr("{revision} (terbaru)").format(revision=revision)
        else:
            schema = self.tr("{revision} (terbaru: {head})").format(
                revision=revision, head=report.schema_head
            )
        facts.add_row(self.tr("Versi skema:"), QLabel(schema))
        facts.add_row(self.tr("Versi SQLite:"), QLabel(report.sqlite_version))
        facts.add_row(self.tr("Mode jurnal:"), QLabel(report.journal_mode.upper()))
        self.size_label: QLabel | None = None
        if file_size is not None:
            self.size_label = QLabel(format_file_size(file_size, ui_language()))
            self.size_label.setObjectName("fileSize")
            facts.add_row(self.tr("Ukuran berkas:"), self.size_label)
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
        layout.addWidget(self.counts, 1)

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
        close.setFocus()  # Enter closes; the lists are read, not worked in
        open_size(self, 680)

    @staticmethod
    def _add_section(
        layout: QVBoxLayout,
        heading: QLabel,
        findings: QListWidget,
        advice: QLabel,
        texts: list[str],
    ) -> None:
        for widget in (heading, findings, advice):
            layout.addWidget(widget)
            widget.setVisible(bool(texts))
        findings.addItems(texts)


class FindingList(QListWidget):
    """Findings, one a row, wrapped; as tall as they need up to LIST_MAX_HEIGHT, then it
    scrolls (a list of two lines takes two lines, not a box of empty room)."""

    SPACING = 2
    # Room the delegate keeps around a row's text, each side.
    ROW_PADDING = 3

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        # Long messages wrap (they say what to do: nothing may be cut off).
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(self.SPACING)
        self.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        policy.setVerticalPolicy(QSizePolicy.Policy.Maximum)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        """The height depends on how the findings wrap."""
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        """The height the findings need at *width*, at most LIST_MAX_HEIGHT."""
        frame = 2 * self.frameWidth()
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        text_width = max(40, width - frame - scroll_bar - 2 * (self.SPACING + self.ROW_PADDING + 2))
        metrics = self.fontMetrics()
        total = frame + self.SPACING
        for row in range(self.count()):
            text = self.item(row).text()
            lines = metrics.boundingRect(
                QRect(0, 0, text_width, 100_000), Qt.TextFlag.TextWordWrap, text
            )
            total += lines.height() + 2 * self.ROW_PADDING + 2 * self.SPACING
        return min(total, LIST_MAX_HEIGHT)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Wide as a list likes, tall as its findings need."""
        width = super().sizeHint().width()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """At least one line of text."""
        return QSize(
            super().minimumSizeHint().width(),
            min(LIST_MAX_HEIGHT, 2 * self.frameWidth() + self.fontMetrics().height() * 2),
        )


def _finding_list(name: str) -> QListWidget:
    return FindingList(name)
