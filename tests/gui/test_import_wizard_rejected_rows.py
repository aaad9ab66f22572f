"""A rejected row deep in a big file can be found: its row number, its name and its NIK in
full, every reason readable, the results named with the shared words."""

from __future__ import annotations

import csv
import html
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QStyle,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.domain.categories import Sex
from desktop.domain.nik import make_nik
from desktop.services.app import AppServices
from desktop.services.roster import RosterFilter
from desktop.services.roster_import import RosterImportService
from desktop.spreadsheets.columns import MappingMemory
from desktop.ui.i18n import finding_text, install_translator
from desktop.ui.roster.import_wizard import (
    COL_NAME,
    COL_NIK,
    COL_REASONS,
    COL_ROW,
    COL_VERDICT,
    PAGE_DONE,
    PAGE_MAPPING,
    PAGE_PREVIEW,
    ImportWizard,
    default_size,
)
from tests import fixtures_messy as messy
from tests.gui.conftest import MessageBoxes
from tests.gui.fit import SCREEN_HEIGHT_LESS_TASKBAR, SCREEN_WIDTH, assert_fits

ROWS = 20_000
# Spreadsheet rows (the header is row 1) that are rejected, and why.
SHORT_NIK_ROW, AMBIGUOUS_ROW, NO_CATEGORY_ROW = 15_000, 17_502, 19_999
SHORT_NIK = "160205010170123"  # 15 digits


def worker_row(index: int) -> list[str]:
    """A good row of a village file: its NIK agrees with the birth date and sex."""
    born = date(1970, 1, 1) + timedelta(days=index // 9000)
    nik = make_nik("16.02.05", born, Sex.MALE, index % 9000 + 1)
    return [
        str(index + 1), nik, f"Peserta Nomor {index + 1}", "Kayuagung",
        born.strftime("%d-%m-%Y"), "L", "Tanjung Rancing", "Kayu Agung", "Ketua RT 01", "", "",
    ]  # fmt: skip


def write_big_csv(tmp_path: Path) -> tuple[Path, dict[int, list[str]]]:
    """A 20,000-row file with three rejected rows near its end; also those rows by number."""
    rows = [worker_row(i) for i in range(ROWS)]
    bad: dict[int, list[str]] = {}
    for row, change in (
        (SHORT_NIK_ROW, {1: SHORT_NIK, 2: "Siti Rahmawati Binti Abdullah Syukur"}),
        (AMBIGUOUS_ROW, {2: "Rina Wati", 6: "Sukadana", 7: ""}),
        (NO_CATEGORY_ROW, {2: "Slamet Riyadi", 8: "Penjaga Kebun"}),
    ):
        cells = rows[row - 2]  # row 1 is the header
        for column, value in change.items():
            cells[column] = value
        bad[row] = cells
    path = tmp_path / "peserta-20000.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, delimiter=";").writerows([messy.HEADER, *rows])
    return path, bad


@pytest.fixture
def hub(office_services: AppServices, tmp_path: Path) -> AppServices:
    office_services.regions.import_file(
        messy.write_regions(tmp_path), actor=office_services.office.local_actor()
    )
    return office_services


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    """The window the wizard opens over."""
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    return widget


def click(qtbot: QtBot, button: QWidget) -> None:
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_preview(
    qtbot: QtBot, window: QWidget, hub: AppServices, path: Path, monkeypatch: pytest.MonkeyPatch
) -> ImportWizard:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    memory = MappingMemory(path.with_name("maps.json"))
    wizard = ImportWizard(
        RosterImportService(hub.database.engine),
        hub.office.local_actor(),
        memory=memory,
        parent=window,
    )
    wizard.resize(default_size(QSize(SCREEN_WIDTH, SCREEN_HEIGHT_LESS_TASKBAR)))
    wizard.open()
    qtbot.waitExposed(wizard)
    click(qtbot, wizard.choose_button)
    with qtbot.waitSignal(wizard.previewReady, timeout=60_000):
        click(qtbot, wizard.next_button)
    assert wizard.pages.currentIndex() == PAGE_MAPPING
    click(qtbot, wizard.next_button)
    assert wizard.pages.currentIndex() == PAGE_PREVIEW
    return wizard


def shown_row(wizard: ImportWizard, row: int, view: str = "preview") -> dict[str, str]:
    rows = wizard.preview_rows if view == "preview" else wizard.rejected_rows
    model = rows.model
    return {
        "row": model.index(row, COL_ROW).data(),
        "verdict": model.index(row, COL_VERDICT).data(),
        "nik": model.index(row, COL_NIK).data(),
        "name": model.index(row, COL_NAME).data(),
        "reasons": model.index(row, COL_REASONS).data(),
    }


def mnemonics(wizard: ImportWizard) -> list[str]:
    """The Alt+letter keys of the buttons and labels shown on the wizard's page."""
    keys = []
    for widget in wizard.findChildren(QWidget):
        text = widget.text() if isinstance(widget, QAbstractButton | QLabel) else ""
        if widget.isVisibleTo(wizard) and "&" in text.replace("&&", ""):
            keys.append(text[text.index("&") + 1].lower())
    return keys


def not_cut(wizard: ImportWizard, view: str, row: int, column: int) -> bool:
    """True when the cell's text fits its column: the view draws it whole, not elided."""
    rows = wizard.preview_rows if view == "preview" else wizard.rejected_rows
    table = rows.table
    text = rows.model.index(row, column).data()
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
    room = table.columnWidth(column) - 2 * margin
    if column == COL_VERDICT:
        room -= table.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + margin
    elided = table.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room)
    return elided == text


def test_rejected_rows_deep_in_a_big_file_are_found_by_row_name_and_nik(
    qtbot: QtBot,
    window: QWidget,
    hub: AppServices,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
) -> None:
    path, bad = write_big_csv(tmp_path)
    window.show()
    wizard = open_preview(qtbot, window, hub, path, monkeypatch)
    assert wizard.counts_label.text() == "20.000 baris: 19.997 akan diimpor · 3 ditolak"
    assert wizard.next_button.text() == "&Impor 19.997 baris"
    keys = mnemonics(wizard)
    assert len(keys) == len(set(keys)), keys  # each Alt key does one thing

    # The preview opens on the first rejected row, its reasons in full under the table.
    details = wizard.row_reasons.text()
    assert details.startswith(
        f"Baris 15000 · Siti Rahmawati Binti Abdullah Syukur · NIK {SHORT_NIK}\n• "
    )
    table = wizard.preview_table
    assert table.currentIndex().row() == SHORT_NIK_ROW - 2
    assert table.visualRect(table.currentIndex()).intersects(table.viewport().rect())

    # Only the rejected rows, as a clerk picks them from the list.
    combo = wizard.preview_rows.show_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Semua baris (20.000)",
        "Hanya yang ditolak (3)",
    ]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    model = wizard.preview_model
    assert model.rowCount() == 3
    preview = wizard.preview
    assert preview is not None
    for row, file_row in enumerate(sorted(bad)):
        shown = shown_row(wizard, row)
        verdict = next(v for v in preview.rows if v.row == file_row)
        reasons = " ".join(finding_text(f) for f in verdict.findings)
        assert shown == {
            "row": str(file_row),  # as the spreadsheet numbers it: no grouping
            "verdict": "ditolak",
            "nik": bad[file_row][1],  # in full
            "name": bad[file_row][2],
            "reasons": reasons,
        }
        for column in (COL_ROW, COL_VERDICT, COL_NIK, COL_NAME):
            assert not_cut(wizard, "preview", row, column), (file_row, column)
        # The whole reason is reachable: in a wrapping tooltip, and in the pane below.
        tooltip = model.index(row, COL_REASONS).data(Qt.ItemDataRole.ToolTipRole)
        assert tooltip.startswith("<p>")  # rich text: Qt wraps it
        assert html.unescape(tooltip.removeprefix("<p>").removesuffix("</p>")) == reasons
        rect = table.visualRect(model.index(row, COL_REASONS))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        text = wizard.row_reasons.text()
        assert text.startswith(f"Baris {file_row} · {bad[file_row][2]} · NIK {bad[file_row][1]}")
        assert all(finding_text(f) in text for f in verdict.findings)
    pane = wizard.preview_rows.details_scroll
    assert wizard.row_reasons.width() <= pane.viewport().width()  # wrapped, not cut at the right

    # Import: the result in the shared words, the rejected rows listed again in full.
    with qtbot.waitSignal(wizard.imported, timeout=120_000):
        click(qtbot, wizard.next_button)
    assert wizard.pages.currentIndex() == PAGE_DONE
    captions = {
        key: wizard.done_page._captions[key].text()
        for key, label in wizard.count_labels.items()
        if label.isVisibleTo(wizard)
    }
    assert captions == {
        "added": "Ditambahkan:",
        "updated": "Diperbarui:",
        "unchanged": "Tidak berubah:",
        "rejected": "Ditolak:",
    }
    assert wizard.count_labels["added"].text() == "19.997"
    keys = mnemonics(wizard)
    assert len(keys) == len(set(keys)), keys
    assert wizard.count_labels["rejected"].text() == "3"
    assert hub.roster.count(RosterFilter()) == ROWS - 3
    assert wizard.rejected_rows.model.rowCount() == 3
    assert [shown_row(wizard, r, "done")["nik"] for r in range(3)] == [
        bad[r][1] for r in sorted(bad)
    ]
    assert wizard.rejected_rows.details.text().startswith(f"Baris {SHORT_NIK_ROW} · ")

    # The report holds each rejected row's number, name, NIK and reasons.
    report = tmp_path / "ditolak.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(report), ""))
    click(qtbot, wizard.report_button)
    sheet = load_workbook(report).active
    assert sheet is not None
    header, *lines = list(sheet.iter_rows(values_only=True))
    assert header[1:3] == ("NIK", "Nama Lengkap") and header[-2:] == ("Baris asal", "Alasan")
    assert [(line[-2], line[2], line[1]) for line in lines] == [
        (r, bad[r][2], bad[r][1]) for r in sorted(bad)
    ]
    assert all(line[-1] for line in lines)
    assert message_boxes.texts == [f"3 baris ditolak disimpan ke {report}."]


def test_in_english_the_reasons_and_the_report_are_english(
    qtbot: QtBot,
    qapp: QApplication,
    window: QWidget,
    hub: AppServices,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    translator = install_translator(qapp, "en")
    assert translator is not None
    try:
        wizard = open_preview(qtbot, window, hub, messy.write_messy_xlsx(tmp_path), monkeypatch)
        model = wizard.preview_model
        reasons = {
            int(model.index(r, COL_ROW).data()): model.index(r, COL_REASONS).data()
            for r in range(model.rowCount())
        }
        assert reasons[11].startswith('There is more than one village named "Sukadana"')
        assert reasons[9].startswith("The NIK turned into scientific notation")
        assert reasons[9] in wizard.row_reasons.text()  # the first rejected row, chosen
        with qtbot.waitSignal(wizard.imported, timeout=30_000):
            click(qtbot, wizard.next_button)
        report = tmp_path / "rejected.xlsx"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(report), ""))
        click(qtbot, wizard.report_button)
        sheet = load_workbook(report).active
        assert sheet is not None
        lines = list(sheet.iter_rows(values_only=True))[1:]
        by_row = {line[-2]: line[-1] for line in lines}
        assert by_row[11] == reasons[11]
        assert "lebih dari satu" not in by_row[11]
    finally:
        qapp.removeTranslator(translator)
        install_translator(qapp, "id")


def test_no_verdict_nik_or_row_number_is_cut(
    qtbot: QtBot,
    window: QWidget,
    hub: AppServices,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wizard = open_preview(qtbot, window, hub, messy.write_messy_xlsx(tmp_path), monkeypatch)
    model = wizard.preview_model
    texts = {model.index(r, COL_VERDICT).data() for r in range(model.rowCount())}
    assert texts == {"akan diimpor", "akan diimpor, periksa", "ditolak"}
    for row in range(model.rowCount()):
        for column in (COL_ROW, COL_VERDICT, COL_NIK):
            assert not_cut(wizard, "preview", row, column), (row, column)
    wizard.reject()


@pytest.mark.parametrize(
    ("available", "largest"),
    [(QSize(1366, 728), QSize(1366, 670)), (QSize(1366, 768), QSize(1366, 700))],
)
def test_the_wizard_fits_a_small_screen_with_a_taskbar(available: QSize, largest: QSize) -> None:
    size = default_size(available)
    frame = 30  # a title bar
    assert size.width() <= largest.width() and size.height() + frame <= largest.height()
    assert size.height() >= 600  # and still shows a good part of the rows


def test_the_wizard_opens_larger_on_a_big_screen() -> None:
    small, big = default_size(QSize(1366, 728)), default_size(QSize(1920, 1040))
    assert big.width() > small.width() + 300 and big.height() > small.height() + 200
    assert big.width() <= 1920 and big.height() + 30 <= 1040


def test_every_page_fits_a_small_screen_with_a_taskbar(
    qtbot: QtBot,
    window: QWidget,
    hub: AppServices,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, _bad = write_big_csv(tmp_path)
    wizard = open_preview(qtbot, window, hub, path, monkeypatch)
    for page in range(wizard.pages.count()):
        wizard.pages.setCurrentIndex(page)
        assert_fits(wizard)
    wizard.pages.setCurrentIndex(PAGE_PREVIEW)
    wizard.reject()
