"""The window and the roster fit the office's screens (issue 18, item 6): the window opens
at a share of the screen (maximised on a small one) and as it was left; every roster column
shows its header and values whole, without a horizontal scroll bar on a 1366×768 laptop;
the widths a clerk drags are kept; region names too long for the tree have a tooltip."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.ui.main_window import MainWindow, initial_size
from desktop.ui.roster.model import (
    COL_COVERAGE_END,
    COL_KPJ,
    COL_NAME,
    COL_STATUS,
    COLUMNS,
)
from desktop.ui.roster.regions import COL_REGION_CODE, COL_REGION_NAME
from tests.gui.fit import assert_fits

# A maximised window on a 1366×768 screen with a 40 px taskbar, frame and title bar aside.
LAPTOP = QSize(1366, 728)


@pytest.fixture
def demo(services: AppServices) -> AppServices:
    services.demo.generate(workers=300, seed=5)
    return services


def _window(qtbot: QtBot, services: AppServices, size: QSize = LAPTOP) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.roster_tab.model.rowCount() > 0, timeout=5000)
    QApplication.processEvents()
    return window


@pytest.mark.parametrize(
    ("available", "size", "maximised"),
    [
        (QSize(1366, 728), QSize(1366, 728), True),
        (QSize(1280, 984), QSize(1280, 984), True),
        (QSize(1920, 1040), QSize(1632, 884), False),
        (QSize(2560, 1400), QSize(2176, 1190), False),
    ],
)
def test_the_first_size_follows_the_screen(available: QSize, size: QSize, maximised: bool):
    assert initial_size(available) == (size, maximised)


def test_every_column_shows_whole_on_a_laptop_screen(qtbot: QtBot, demo: AppServices) -> None:
    window = _window(qtbot, demo)
    table = window.roster_tab.table
    header = table.horizontalHeader()
    assert table.horizontalScrollBar().maximum() == 0  # no horizontal scrolling
    widths = window.roster_tab.columns.content_widths()
    for column in range(len(COLUMNS)):
        assert header.sectionSize(column) >= widths[column], COLUMNS[column]
        assert header.sectionSize(column) >= header.sectionSizeHint(column), COLUMNS[column]
    metrics = table.fontMetrics()
    assert header.sectionSize(COL_STATUS) > metrics.horizontalAdvance("Meninggal")
    assert header.sectionSize(COL_KPJ) > metrics.horizontalAdvance("12345678901")
    assert table.viewport().width() >= sum(header.sectionSize(c) for c in range(len(COLUMNS)))


def test_the_window_fits_a_laptop_screen_at_its_first_size(
    qtbot: QtBot, demo: AppServices
) -> None:
    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert_fits(window)
    window.roster_tab.wait_for_queries()


def test_short_headers_say_in_full_what_they_mean(qtbot: QtBot, demo: AppServices) -> None:
    window = _window(qtbot, demo)
    model = window.roster_tab.model
    tip = model.headerData(COL_COVERAGE_END, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    shown = model.headerData(COL_COVERAGE_END, Qt.Orientation.Horizontal)
    assert shown == "Akhir" and tip.startswith("Akhir kepesertaan")


def test_on_a_big_screen_the_name_takes_the_room(qtbot: QtBot, demo: AppServices) -> None:
    window = _window(qtbot, demo, QSize(1632, 884))
    table = window.roster_tab.table
    header = table.horizontalHeader()
    assert table.horizontalScrollBar().maximum() == 0
    total = sum(header.sectionSize(c) for c in range(len(COLUMNS)))
    assert total == table.viewport().width()  # no empty band right of the last column
    assert header.sectionSize(COL_NAME) > window.roster_tab.columns.content_widths()[COL_NAME]


def test_dragged_widths_and_the_window_come_back(qtbot: QtBot, demo: AppServices) -> None:
    window = _window(qtbot, demo)
    header = window.roster_tab.table.horizontalHeader()
    header.resizeSection(COL_STATUS, 200)  # as a drag of the border does
    window.resize(window.width(), 650)  # (the offscreen screen is 800 px wide: height only)
    window.close()

    again = MainWindow(demo)
    qtbot.addWidget(again)
    again.show_on_screen()
    qtbot.waitExposed(again)
    assert again.height() == 650 and not again.isMaximized()
    assert again.roster_tab.table.horizontalHeader().sectionSize(COL_STATUS) == 200
    again.showMaximized()
    qtbot.waitUntil(again.isMaximized)
    again.close()

    third = MainWindow(demo)
    qtbot.addWidget(third)
    third.show_on_screen()
    qtbot.waitUntil(third.isMaximized)
    third.roster_tab.wait_for_queries()


def test_a_first_start_opens_at_the_screens_size(qtbot: QtBot, demo: AppServices) -> None:
    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.show_on_screen()
    qtbot.waitExposed(window)
    available = window.screen().availableGeometry().size()
    size, maximised = initial_size(available)
    if maximised:
        assert window.isMaximized()
    else:
        assert window.size() == size
    window.roster_tab.wait_for_queries()


def test_region_names_have_their_name_and_code_in_a_tooltip(
    qtbot: QtBot, office_services: AppServices, tmp_path: Path
) -> None:
    regions = tmp_path / "wilayah.csv"
    regions.write_text(
        "kode,nama\n16,SUMATERA SELATAN\n16.02,KABUPATEN OGAN KOMERING ILIR\n"
        "16.02.05,Kayu Agung\n",
        encoding="utf-8",
    )
    office_services.regions.import_file(regions, actor=office_services.office.local_actor())
    window = MainWindow(office_services)
    qtbot.addWidget(window)
    tree = window.roster_tab.region_tree
    regency = tree.topLevelItem(0).child(0)
    assert regency.text(COL_REGION_NAME) == "KABUPATEN OGAN KOMERING ILIR"
    assert regency.toolTip(COL_REGION_NAME) == (
        "KABUPATEN OGAN KOMERING ILIR\nKode wilayah 16.02"
    )
    assert regency.toolTip(COL_REGION_CODE) == regency.toolTip(COL_REGION_NAME)
    window.roster_tab.wait_for_queries()


def test_a_long_status_message_is_whole_in_the_tooltip(
    qtbot: QtBot, office_services: AppServices
) -> None:
    window = MainWindow(office_services)
    qtbot.addWidget(window)
    text = "Impor wilayah selesai: 120.000 ditambahkan, 0 ditolak. " * 3
    window.show_status(text)
    assert window.statusBar().toolTip() == text
    window.statusBar().clearMessage()
    assert window.statusBar().toolTip() == ""
    window.roster_tab.wait_for_queries()
