"""The summary of Impor data wilayah (issue 18, items 6 and 8): the shared words for the
results, counts as Indonesians write them, row numbers as the spreadsheet does, every
reason readable (wrapped, never cut), and a dialog that fits a 1366×768 screen yet opens
roomy on a big one."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from desktop.domain.findings import Finding
from desktop.services.regions import RegionImportResult, RowProblem
from desktop.ui.dialogs.region_import import RegionImportSummaryDialog
from tests.gui.fit import assert_fits, assert_nothing_cut

REASON = (
    "Kode wilayah {code} tidak dikenali. Tulis seperti 16, 16.02, 16.02.05 atau "
    "16.02.05.2001 (boleh tanpa titik), lalu impor lagi berkas ini."
)


def rejected(rows: range) -> list[RowProblem]:
    return [RowProblem(row, Finding.error("region.code", REASON, code=f"16.{row}")) for row in rows]


def shown(qtbot: QtBot, result: RegionImportResult) -> RegionImportSummaryDialog:
    dialog = RegionImportSummaryDialog(result, "wilayah-kemendagri.csv")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_results_in_the_shared_words_and_every_reason_readable(qtbot: QtBot):
    result = RegionImportResult(
        added=91_162, updated=3, unchanged=12, rejected=rejected(range(12_001, 12_151))
    )
    dialog = shown(qtbot, result)
    figures = {key: label.text() for key, label in dialog.count_labels.items()}
    assert figures == {"added": "91.162", "updated": "3", "unchanged": "12", "rejected": "150"}
    form = dialog.count_labels["added"].parentWidget().layout()
    assert isinstance(form, QFormLayout)
    captions = [form.labelForField(label).text() for label in dialog.count_labels.values()]
    assert captions == [
        "Ditambahkan:",
        "Diperbarui (nama berubah):",
        "Tidak berubah:",
        "Ditolak:",
    ]
    table = dialog.problems
    assert table.rowCount() == 100
    assert table.item(0, 0).text() == "12001"  # as the spreadsheet numbers its rows
    assert table.item(0, 1).text() == REASON.format(code="16.12001")
    # The reason wraps: its row is as tall as the wrapped text needs, nothing cut.
    column = table.columnWidth(1)
    needed = table.fontMetrics().boundingRect(
        0,
        0,
        column - 8,
        10_000,
        0x1000,
        table.item(0, 1).text(),  # Qt.TextWordWrap
    )
    assert table.rowHeight(0) >= needed.height()
    assert any(
        label.text() == "… dan 50 baris lain yang ditolak." for label in dialog.findChildren(QLabel)
    )
    assert dialog.width() >= 700  # roomy where the screen allows
    assert_fits(dialog)
    assert_nothing_cut(dialog)


def test_nothing_rejected_is_a_small_dialog(qtbot: QtBot):
    dialog = shown(qtbot, RegionImportResult(added=344))
    assert not dialog.problems.isVisible()
    assert dialog.count_labels["rejected"].text() == "0"
    assert dialog.height() < 400
    assert_fits(dialog)
    assert_nothing_cut(dialog)
