"""The main window on a demo regency of 20,000 workers, in a real window at 1366×768 and
1920×1080 (issue 18, items 4, 6-8): every roster column whole without a horizontal scroll
bar, nothing cut in the window, the no-match message, the region tree's tooltips, the
language menu and the English window. Run once per screen size::

    Xvfb :101 -screen 0 1366x768x24 &
    Xvfb :102 -screen 0 1920x1080x24 &
    DISPLAY=:101 QT_QPA_PLATFORM=xcb .venv/bin/python -m pytest \
        tests/e2e/test_main_window_screens.py -o addopts="" -q
    DISPLAY=:102 QT_QPA_PLATFORM=xcb .venv/bin/python -m pytest \
        tests/e2e/test_main_window_screens.py -o addopts="" -q

Xvfb has no window manager (and no taskbar): "maximised" is the screen less a 40 px
taskbar, set by hand. The PNGs land in docs/screenshots/main-<name>-<1366|1920>.png.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.ui.i18n import install_translator
from desktop.ui.main_window import MainWindow, initial_size
from desktop.ui.roster.model import COLUMNS
from tests.e2e.screens import REAL_DISPLAY, shoot
from tests.gui.fit import assert_nothing_cut

pytestmark = REAL_DISPLAY

WORKERS = 20_000
TASKBAR = 40


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("main") / "sigap-contoh.db"
    made = AppServices.open(path)
    made.demo.generate(workers=WORKERS, seed=1)
    made.close()
    return path


@pytest.fixture
def services(template: Path, tmp_path: Path) -> Iterator[AppServices]:
    path = tmp_path / template.name
    shutil.copy(template, path)
    opened = AppServices.open(path)
    yield opened
    opened.close()


def screen_tag() -> str:
    """"1366" on the small screen, "1920" on the big one."""
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    return "1366" if screen.geometry().width() <= 1366 else "1920"


def maximised() -> QRect:
    """The screen less a taskbar at the bottom, as a maximised window has it."""
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    area = screen.availableGeometry()
    return area.adjusted(0, 0, 0, -TASKBAR)


def shown_window(qtbot: QtBot, services: AppServices, geometry: QRect | None) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    if geometry is None:
        window.show_on_screen()
    else:
        window.setGeometry(geometry)
        window.show()
    qtbot.waitExposed(window)
    tab = window.roster_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=30_000)
    screen = window.screen().availableGeometry()
    QCursor.setPos(screen.bottomRight())
    qtbot.wait(300)
    return window


def check_roster(window: MainWindow) -> None:
    """Every column whole, no horizontal scrolling, nothing cut in the window."""
    QApplication.processEvents()
    table = window.roster_tab.table
    header = table.horizontalHeader()
    widths = window.roster_tab.columns.content_widths()
    for column in range(len(COLUMNS)):
        assert header.sectionSize(column) >= widths[column], COLUMNS[column]
    assert table.horizontalScrollBar().maximum() == 0
    assert window.screen().geometry().contains(window.frameGeometry())
    assert_nothing_cut(window)


def test_the_main_window_maximised(qtbot: QtBot, services: AppServices) -> None:
    tag = screen_tag()
    window = shown_window(qtbot, services, maximised())
    check_roster(window)
    name = "peserta" if tag == "1366" else "peserta-max"
    shoot(qtbot, f"main-{name}-{tag}")

    if tag == "1366":  # on the big screen, at the window's first size (below)
        window.tabs.setCurrentIndex(1)
        shoot(qtbot, f"main-klaim-{tag}")
        window.tabs.setCurrentIndex(2)
        shoot(qtbot, f"main-laporan-{tag}")
        window.tabs.setCurrentIndex(0)

    tab = window.roster_tab
    with qtbot.waitSignal(tab.idsLoaded, timeout=10_000):
        qtbot.keyClicks(tab.search_edit, "Zulkarnaen Wibisono")
    assert tab.empty_message.isVisible()
    assert tab.empty_message.label.text() == (
        "Tidak ada peserta yang cocok dengan pencarian “Zulkarnaen Wibisono”."
    )
    shoot(qtbot, f"main-tanpa-hasil-{tag}")
    with qtbot.waitSignal(tab.idsLoaded, timeout=10_000):
        qtbot.mouseClick(tab.empty_message.button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == WORKERS

    # The region tree: a name cut short shows whole, with its code, under the pointer.
    tree = tab.region_tree
    regency = tree.topLevelItem(0).child(0)
    rect = tree.visualItemRect(regency)
    point = tree.viewport().mapToGlobal(rect.center())
    QCursor.setPos(point)
    QToolTip.showText(point + QPoint(8, 12), regency.toolTip(0), tree)
    shoot(qtbot, f"main-wilayah-tooltip-{tag}")
    QToolTip.hideText()

    # Pengaturan → Bahasa, open.
    settings = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Pengaturan"
    )
    assert settings is not None
    bar = window.menuBar()
    settings.popup(bar.mapToGlobal(bar.actionGeometry(settings.menuAction()).bottomLeft()))
    language = settings.actions()[0].menu()
    qtbot.wait(200)
    language.popup(settings.mapToGlobal(settings.actionGeometry(settings.actions()[0]).topRight()))
    shoot(qtbot, f"main-bahasa-{tag}")
    language.close()
    settings.close()
    window.roster_tab.wait_for_queries()
    window.close()


def test_the_main_window_at_its_first_size(qtbot: QtBot, services: AppServices) -> None:
    """On 1920×1080 the window opens at 85% of the screen; on 1366×768 it is maximised
    (there Xvfb's missing window manager cannot, so the screenshot above stands for it)."""
    tag = screen_tag()
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    size, maximise = initial_size(screen.availableGeometry().size())
    assert maximise == (tag == "1366")
    if maximise:
        pytest.skip("maximised on this screen: see main-peserta-1366.png")
    window = shown_window(qtbot, services, None)
    assert window.size() == size
    check_roster(window)
    shoot(qtbot, f"main-peserta-{tag}")
    window.tabs.setCurrentIndex(1)
    shoot(qtbot, f"main-klaim-{tag}")
    window.tabs.setCurrentIndex(2)
    shoot(qtbot, f"main-laporan-{tag}")
    window.roster_tab.wait_for_queries()
    window.close()


def test_the_english_window(qtbot: QtBot, qapp: QApplication, services: AppServices) -> None:
    tag = screen_tag()
    translator = install_translator(qapp, "en")
    assert translator is not None
    try:
        window = shown_window(qtbot, services, maximised())
        table = window.roster_tab.table
        assert table.horizontalScrollBar().maximum() == 0
        shoot(qtbot, f"main-english-{tag}")
        window.roster_tab.wait_for_queries()
        window.close()
    finally:
        qapp.removeTranslator(translator)
        install_translator(qapp, "id")
